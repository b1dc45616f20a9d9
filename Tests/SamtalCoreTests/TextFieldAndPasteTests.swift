import Testing
@testable import SamtalCore

@Suite struct PasteTests {
    func keys(_ s: String) -> [Key] { s.map { .char($0) } }
    let start: [Key] = [.escape, .char("["), .char("2"), .char("0"), .char("0"), .char("~")]
    let end: [Key] = [.escape, .char("["), .char("2"), .char("0"), .char("1"), .char("~")]

    @Test func aBracketedPasteIsTextWhateverItHolds() {
        var reader = PasteReader()
        let burst = start + keys("Röd ") + [.escape] + keys("[31mtext") + [.tab, .enter, .ctrl("g"), .unknown(0x9B)] + keys("slut") + end
        #expect(reader.read(burst) == keys("Röd \u{1B}[31mtext\t\n\u{07}\u{9B}slut"))
        #expect(!reader.inPaste)
        // Keys after the paste are commands again.
        #expect(reader.read([.tab, .enter]) == [.tab, .enter])
    }

    @Test func markersSplitAcrossBurstsAreStillMarkers() {
        var reader = PasteReader()
        #expect(reader.read(Array(start.prefix(3))) == [])
        #expect(reader.read(Array(start.dropFirst(3)) + keys("a") + [.tab]) == keys("a\t"))
        #expect(reader.inPaste)
        #expect(reader.read([.enter] + Array(end.prefix(2))) == [.char("\n")])
        #expect(reader.read(Array(end.dropFirst(2)) + [.tab]) == [.tab])
        #expect(!reader.inPaste)
    }

    @Test func typingStaysTyping() {
        var reader = PasteReader()
        #expect(reader.read([.escape]) == [.escape])
        #expect(reader.read(keys("ab") + [.tab, .ctrl("c")]) == keys("ab") + [.tab, .ctrl("c")])
        // An Esc that turns out not to start a marker is the Esc key.
        #expect(reader.read([.escape, .char("x")]) == [.escape, .char("x")])
        #expect(reader.read(keys("ab") + [.escape]) == keys("ab") + [.escape])
    }

    @Test("Alt-Enter (an Esc and an Enter in one burst) does nothing: its Esc cancelled the line and its Enter saved nothing (the fourteenth walk)")
    func altEnterDoesNothing() {
        var reader = PasteReader()
        #expect(reader.read([.escape, .enter]) == [])
        #expect(reader.read(keys("Rad ett") + [.escape, .enter] + keys(" och två")) == keys("Rad ett") + keys(" och två"))
        // An Esc before another key stays the Esc key: a dialog closed, then F10.
        #expect(reader.read([.escape, .function(10)]) == [.escape, .function(10)])
        #expect(reader.read([.escape, .escape, .enter]) == [.escape])
        // The typed line stays in the field, and Enter then saves it.
        var state = Fixtures.running()
        for k in reader.read(keys("Rad ett") + [.escape, .enter]) { _ = state.update(.key(k)) }
        #expect(Fixtures.run(state).input.text == "Rad ett")
    }

    @Test("Home, End and the arrows a terminal sends unnamed are keys, never text in a note")
    func unnamedNavigationKeysAreKeys() {
        var reader = PasteReader()
        #expect(reader.read([.escape] + keys("[4~")) == [.end])
        #expect(reader.read([.escape] + keys("[1~")) == [.home])
        #expect(reader.read(keys("festivaler") + [.escape] + keys("[4~") + keys(" (även sommar)") + [.escape] + keys("OH"))
                == keys("festivaler") + [.end] + keys(" (även sommar)") + [.home])
        #expect(reader.read([.escape] + keys("[2~")) == [.unknown(0)])
        var state = Fixtures.running()
        for k in reader.read(keys("Klotter") + [.escape] + keys("[1~") + keys("Mycket ")) { _ = state.update(.key(k)) }
        #expect(Fixtures.run(state).input.text == "Mycket Klotter")
    }

    @Test("A key the terminal description does not name is a key that does nothing, never text (issue 16)")
    func unnamedKeysAreNotText() {
        var reader = PasteReader()
        #expect(reader.read([.escape] + keys("[1;5F")) == [.unknown(0)])
        #expect(reader.read([.escape] + keys("[15;2~")) == [.unknown(0)])
        #expect(reader.read([.escape] + keys("OR")) == [.unknown(0)])
        // Held down: several in one burst.
        #expect(reader.read([.escape] + keys("[1;5F") + [.escape] + keys("[1;5F")) == [.unknown(0), .unknown(0)])
        var state = Fixtures.running()
        for burst in [keys("Klotter"), [.escape] + keys("[1;5F"), keys(" vid skolan")] {
            for k in reader.read(burst) { _ = state.update(.key(k)) }
        }
        #expect(Fixtures.run(state).input.text == "Klotter vid skolan")
        // Not whole sequences, or text around them: still text, as a paste.
        #expect(reader.read([.escape] + keys("[1;5")) == keys("\u{1B}[1;5"))
        #expect(reader.read([.escape] + keys("[31mröd")) == keys("\u{1B}[31mröd"))
    }

    @Test func anEscBeforeAWordStartingWithOIsTheEscKey() {
        // SS3 ("\eO" and a character) is a key, never text: an Esc and
        // "Olika" typed in one write (a slow link) are the Esc key and the
        // word, not a control character in the note (the twentieth walk).
        var reader = PasteReader()
        #expect(reader.read(keys("hej") + [.escape] + keys("Olika")) == keys("hej") + [.escape] + keys("Olika"))
        #expect(reader.read([.escape] + keys("O")) == [.escape] + keys("O"))
        var state = Fixtures.running()
        for k in reader.read(keys("hej") + [.escape] + keys("Osäker belysning")) { _ = state.update(.key(k)) }
        #expect(Fixtures.run(state).input.text == "Osäker belysning")
        // A key the terminal sends alone (keypad "\eOl") does nothing.
        #expect(reader.read([.escape] + keys("Ol")) == [.unknown(0)])
    }

    @Test func withoutMarkersAnEscapeSequenceIsStillText() {
        var reader = PasteReader()
        let out = reader.read(keys("Röd ") + [.escape] + keys("[31mtext"))
        #expect(out == keys("Röd \u{1B}[31mtext"))
        var state = Fixtures.running()
        for k in out { _ = state.update(.key(k)) }
        #expect(Fixtures.run(state).input.text == "Röd \u{1B}[31mtext")
    }
}

@Suite struct MultilineFieldTests {
    @Test func upAndDownMoveBetweenLinesKeepingTheColumnAndLeaveAtEitherEnd() {
        var f = TextField("ett\ntvå tre\nfyra")
        var moved = f.moveLineUp()       // from the end of "fyra" (column 4) to "två " + 4
        #expect(moved && f.cursor == 8)
        moved = f.moveLineUp()           // to the end of "ett" (shorter)
        #expect(moved && f.cursor == 3)
        moved = f.moveLineUp()
        #expect(!moved)
        // Down goes back to the column the first Up moved from, not the
        // short line's end.
        moved = f.moveLineDown()
        #expect(moved && f.cursor == 8)
        moved = f.moveLineDown()
        #expect(moved && f.cursor == 16)   // column 4 of "fyra"
        // A key between forgets it.
        f.moveLeft()
        moved = f.moveLineUp()
        #expect(moved && f.cursor == 7)
        moved = f.moveLineDown()
        moved = f.moveLineDown()
        #expect(!moved)
    }

    @Test func inALongFieldEnterStartsALineAndArrowsLeaveOnlyAtTheEnds() {
        var form = Form(purpose: .newCycle, fields: [
            FormField(.area, .fieldArea, .text(TextField("")), lines: 4),
            FormField(.period, .fieldPeriod, .text(TextField(""))),
        ])
        for c in "a" { _ = form.apply(key: .char(c), action: nil) }
        _ = form.apply(key: .enter, action: .nextField)
        for c in "b" { _ = form.apply(key: .char(c), action: nil) }
        #expect(form.value(.area) == "a\nb" && form.focus == 0)
        _ = form.apply(key: .up, action: .previousField)
        #expect(form.focus == 0)
        _ = form.apply(key: .down, action: .nextField)
        _ = form.apply(key: .down, action: .nextField) // the last line: on to the next field
        #expect(form.focus == 1)
        // A one-line field: Enter goes on, as before.
        _ = form.apply(key: .enter, action: .nextField)
        #expect(form.focus == 0)
        // Tab always moves on.
        _ = form.apply(key: .tab, action: .nextField)
        #expect(form.focus == 1)
    }

    @Test("Ctrl-W keeps to the cursor's line: at a line's start it takes the line break only, not the word above (found by the note-taker's walk)")
    func ctrlWKeepsToItsLine() {
        var f = TextField("Syfte är:\nTrygghet")
        f.deleteWordBackward()
        #expect(f.text == "Syfte är:\n")
        f.deleteWordBackward()
        #expect(f.text == "Syfte är:")
        f.deleteWordBackward()
        #expect(f.text == "Syfte ")
    }

    @Test("Ctrl-U in a text of several lines empties the cursor's line, as the help says, not the whole text (found by the note-taker's walk)")
    func ctrlUInALongFieldEmptiesOnlyItsLine() {
        var form = Form(purpose: .newCycle, fields: [
            FormField(.area, .fieldArea, .text(TextField("Trygghetsvandring i centrum\nBelysning i gångtunneln\nKlotter vid skolan")), lines: 4),
            FormField(.period, .fieldPeriod, .text(TextField(""))),
        ])
        _ = form.apply(key: .up, action: .previousField)
        _ = form.apply(key: .ctrl("u"), action: nil)
        #expect(form.value(.area) == "Trygghetsvandring i centrum\n\nKlotter vid skolan")
        for c in "Fler lampor" { _ = form.apply(key: .char(c), action: nil) }
        #expect(form.value(.area) == "Trygghetsvandring i centrum\nFler lampor\nKlotter vid skolan")
    }
}

/// A line of `note add --stdin` that is not UTF-8 (issue 16).
@Suite struct InputTextTests {
    @Test func utf8IsTakenAsItIs() {
        #expect(InputText.decode(Array("Gångtunneln är mörk 😀".utf8)) == ("Gångtunneln är mörk 😀", true))
        #expect(InputText.decode([UInt8]()) == ("", true))
    }

    @Test func latin1IsReadAsLatin1() {
        // "Gångtunneln är mörk" in ISO 8859-1, and Windows-1252's dash and quotes.
        let bytes: [UInt8] = [0x47, 0xE5, 0x6E, 0x67, 0x20, 0xE4, 0x72, 0x20, 0x6D, 0xF6, 0x72, 0x6B, 0x20, 0xC5, 0xC4, 0xD6, 0x20, 0x96, 0x20, 0x93, 0x78, 0x94, 0x80, 0x81]
        #expect(InputText.decode(bytes) == ("Gång är mörk ÅÄÖ – “x”€\u{FFFD}", false))
    }

    @Test func aUTF8LineWithOneStrayWindowsByteKeepsItsUTF8() {
        // A review: one stray Windows dash (0x96) turned every å of a UTF-8 line into "Ã¥".
        let bytes = Array("Gångtunneln ".utf8) + [0x96] + Array(" mörk på kvällen 😀".utf8)
        #expect(InputText.decode(bytes) == ("Gångtunneln – mörk på kvällen 😀", false))
    }
}

/// A bracketed paste read whole, as one key (issue 15: a 10 MB paste went
/// into the line a key at a time, for a minute, and was cut at the limit).
@Suite struct WholePasteTests {
    func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test("The end marker is found however the reads split it, and what follows it is kept for the keys")
    func endMarkerSplitAcrossReads() {
        let stream = bytes("Gångtunneln\r\när mörk \u{1B}[20 \u{1B}[201x slut") + bytes("\u{1B}[201~") + bytes("efter\u{1B}[A")
        for size in [1, 2, 3, 5, 6, 7, 64, stream.count] {
            var paste = PasteBytes()
            var i = 0
            while i < stream.count {
                paste.feed(stream[i..<min(stream.count, i + size)])
                i += size
            }
            #expect(paste.finished, "reads of \(size)")
            #expect(paste.bytes == bytes("Gångtunneln\r\när mörk \u{1B}[20 \u{1B}[201x slut"), "reads of \(size)")
            #expect(paste.rest == bytes("efter\u{1B}[A"), "reads of \(size)")
            #expect(paste.takeText() == ("Gångtunneln\när mörk \u{1B}[20 \u{1B}[201x slut", true))
        }
        var unfinished = PasteBytes()
        unfinished.feed(bytes("utan slut \u{1B}[201"))
        #expect(!unfinished.finished && unfinished.rest.isEmpty)
    }

    @Test("Pasted bytes become the text their keys did: line breaks as \\n, Latin-1 where not UTF-8, NUL dropped")
    func pastedBytesAsText() {
        var paste = PasteBytes()
        paste.feed(bytes("a\rb\nc\r\nd") + [0x00, 0x08, 0x09, 0xE5, 0x20] + bytes("å\u{1B}[31m") + bytes("\u{1B}[201~"))
        #expect(paste.takeText() == ("a\nb\nc\nd\u{7F}\tå å\u{1B}[31m", false))
    }

    @Test func aPasteUnderTheLimitGoesInWholeAtTheCursor() {
        var f = TextField("Före efter", limit: 100)
        for _ in 0..<5 { f.moveLeft() }
        let refused = f.paste("rad 1\nrad 2\t\u{1B}[31m åäö ")
        #expect(refused == nil)
        #expect(f.text == "Före rad 1\nrad 2\t\u{1B}[31m åäö efter")
        #expect(f.cursor == "Före rad 1\nrad 2\t\u{1B}[31m åäö ".count)
        // A combining ring at its start joins the a before the cursor.
        var g = TextField("a")
        let refusedG = g.paste("\u{030A}ngest")
        #expect(refusedG == nil)
        #expect(Array(g.text) == ["å", "n", "g", "e", "s", "t"] && g.count == 6 && g.cursor == 6)
        // Exactly the room left fits.
        var h = TextField("12345", limit: 10)
        let refusedH = h.paste("6789å")
        #expect(refusedH == nil && h.text == "123456789å")
    }

    @Test func aPasteOverTheLimitIsRefusedWholeAndTheFieldIsUnchanged() {
        var f = TextField("ab", limit: 10)
        f.moveLeft()
        let before = f
        let refused = f.paste("åäöåäöåäöå")
        #expect(refused == TextField.PasteRefusal(length: 10, limit: 10, room: 8))
        #expect(f == before)
        let handled = f.handle(.paste(String(repeating: "x", count: 11)))
        #expect(handled)
        #expect(f == before)
    }

    @Test("A paste too long for the note line is refused with a message saying its length and the limit")
    func theNoteLineRefusesAPasteOverItsLimit() {
        var state = Fixtures.running()
        let big = String(repeating: "Buskörning på Storgatan.\n", count: 100_000) // 2,500,000 characters
        let effects = state.update(.key(.paste(big)))
        #expect(effects.isEmpty)
        #expect(Fixtures.run(state).input.text == "")
        #expect(state.status?.text == "Inget inklistrat: 2 500 000 tecken, högst 2 000 000")
        #expect(state.status?.isError == true)
        // The next key clears it, and typing goes on.
        Fixtures.type("Efter", into: &state)
        #expect(state.status == nil && Fixtures.run(state).input.text == "Efter")
        // With text in the line: the room left is said.
        let almost = String(repeating: "å", count: 1_999_999)
        _ = state.update(.key(.paste(almost)))
        #expect(state.status?.text == "Inget inklistrat: 1 999 999 tecken, plats för 1 999 995")
        #expect(Fixtures.run(state).input.text == "Efter")

        var english = Fixtures.running(language: .en)
        _ = english.update(.key(.paste(big)))
        #expect(english.status?.text == "Nothing pasted: 2,500,000 characters, at most 2,000,000")
    }

    @Test("A paste under the limit goes into the note line whole, as one key, and is never read as commands")
    func aPasteIsTextNeverCommands() {
        var state = Fixtures.running()
        Fixtures.type("Klotter ", into: &state)
        let group = Fixtures.run(state).group
        let text = "vid skolan\tq\n\u{1B}[31m F10 ?"
        let effects = state.update(.key(.paste(text)))
        #expect(effects.isEmpty)
        #expect(Fixtures.run(state).input.text == "Klotter " + text)
        #expect(Fixtures.run(state).group == group)
        #expect(state.status == nil)
        // Nowhere a command: not on the home screen either.
        #expect(Keymap.action(for: .paste("q"), in: .home) == nil)
        var home = AppState(language: .sv)
        let homeEffects = home.update(.key(.paste("q")))
        #expect(homeEffects.isEmpty)
    }

    @Test("A form's field takes a paste whole, or refuses it whole with a message")
    func aFormFieldRefusesAPasteOverItsLimit() {
        var state = AppState(language: .sv)
        state.screen = .form(Form(purpose: .newCycle, fields: [
            FormField(.area, .fieldArea, .text(TextField("", limit: 200)), required: true),
            FormField(.period, .fieldPeriod, .text(TextField("", limit: 100)), required: true),
        ]))
        _ = state.update(.key(.paste("Västerås city")))
        guard case .form(let f) = state.screen else { Issue.record("no form"); return }
        #expect(f.value(.area) == "Västerås city")
        _ = state.update(.key(.paste(String(repeating: "ö", count: 300))))
        guard case .form(let g) = state.screen else { Issue.record("no form"); return }
        #expect(g.value(.area) == "Västerås city")
        #expect(state.status?.text == "Inget inklistrat: 300 tecken, högst 200")
        _ = state.update(.key(.paste(String(repeating: "ö", count: 190))))
        #expect(state.status?.text == "Inget inklistrat: 190 tecken, plats för 187")
    }
}
