// Hostile note text on screen: escape sequences, control characters, NUL,
// a 1 MB paste, a 50,000-character word, right-to-left text with direction
// overrides, combining marks and emoji sequences. Whatever the notes hold,
// no cell carries a control character or a bidi control to the terminal,
// and every row is exactly as wide as the screen, from 1×1 to 400×120.

import Foundation
import Testing
import SamtalCore
@testable import SamtalRender

/// The texts (the store tests have the same set).
enum HostileRenderText {
    static let ansi = "Röd \u{1B}[31mtext\u{1B}[0m, \u{1B}]0;title\u{07}fönstertitel, \u{1B}[2J\u{1B}[Hrensa, \u{1B}[?1049l, "
        + "\u{1B}P+q\u{1B}\\ DCS, \u{9B}31m C1-CSI, \u{1B}]8;;http://x\u{1B}\\länk\u{1B}]8;;\u{1B}\\"

    static let controls: String = {
        var s = "C0:"
        for v in UInt32(1)...0x1F { s.unicodeScalars.append(Unicode.Scalar(v)!) }
        s += " DEL:\u{7F} C1:"
        for v in UInt32(0x80)...0x9F { s.unicodeScalars.append(Unicode.Scalar(v)!) }
        return s + " LS:\u{2028} PS:\u{2029} BOM:\u{FEFF} CRLF:\r\n slut"
    }()

    static let nul = "före\u{0}efter\u{0}\u{0}slut"

    static let megabyte: String = {
        let unit = "Buskörning på Storgatan åäö ÅÄÖ 😀 中 \u{1B}[31mröd\u{1B}[0m\n"
        return String(repeating: unit, count: 1_000_000 / unit.utf8.count + 1)
    }()

    static let longWord = String(repeating: "Ordåäö😀x", count: 50_000 / 8 + 1).prefix(50_000).description

    static let rightToLeft = "\u{202E}txet desrever\u{202C} שלום עולם \u{202D}LRO\u{202C} مرحبا بالعالم "
        + "\u{2066}isolerad\u{2069} \u{2067}RLI\u{2069} \u{2068}FSI\u{2069} \u{200F}RLM \u{200E}LRM \u{202A}LRE\u{202C} \u{202B}RLE\u{202C}"

    static let zalgo: String = {
        var s = ""
        for (i, letter) in "Zalgo åäö".unicodeScalars.enumerated() {
            s.unicodeScalars.append(letter)
            for k in 0..<(i % 3 == 0 ? 40 : 8) { s.unicodeScalars.append(Unicode.Scalar(0x300 + UInt32((i * 7 + k * 5) % 0x70))!) }
        }
        return s + " a\u{30A} (decomposed å)"
    }()

    static let emoji = "👨‍👩‍👧‍👦 👩🏽‍💻 🏳️‍🌈 🇸🇪 ❤️ 1️⃣ 🧑🏿‍🤝‍🧑🏻 👁️‍🗨️ 🫠"

    static let all: [(name: String, text: String)] = [
        ("ansi", ansi), ("controls", controls), ("nul", nul), ("megabyte", megabyte), ("long-word", longWord),
        ("right-to-left", rightToLeft), ("zalgo", zalgo), ("emoji", emoji),
        ("everything", ansi + controls + rightToLeft + zalgo + emoji + longWord.prefix(1_000)),
    ]

    /// A short mix that fits on the input line.
    static let short = "\u{1B}[31m\u{202E}رحبا\u{202C} Z\u{301}\u{316}\u{35C}a 👨‍👩‍👧‍👦 \u{0}\u{7}\u{9B}\u{2066}x\u{2069}"
}

/// Scalars that must never reach the terminal: C0 and C1 controls and DEL
/// (escape sequences start with them), and the bidi embeddings, overrides
/// and isolates (they would reorder the rest of the screen).
func isForbiddenOnScreen(_ u: Unicode.Scalar) -> Bool {
    let v = u.value
    return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
}

/// Every problem with a grid, as text: forbidden scalars, rows whose cells
/// do not add up to the grid's width, wide cells without their second half,
/// and cells whose text is not as wide as the cell.
func hostileGridProblems(_ grid: Grid) -> [String] {
    var problems: [String] = []
    for y in 0..<grid.size.height {
        var width = 0
        for x in 0..<grid.size.width {
            let cell = grid[x, y]
            width += cell.width
            if let bad = cell.text.unicodeScalars.first(where: isForbiddenOnScreen) {
                problems.append("cell \(x),\(y) holds U+\(String(bad.value, radix: 16, uppercase: true)) in \(cell.text.debugDescription)")
            }
            if cell.width == 2 && (x + 1 >= grid.size.width || !grid[x + 1, y].isContinuation) {
                problems.append("cell \(x),\(y) is wide but not followed by its second half")
            }
            if cell.isContinuation && (x == 0 || grid[x - 1, y].width != 2) {
                problems.append("cell \(x),\(y) is a second half without a wide cell before it")
            }
            // The terminal backend draws U+FFFD where a cell's text is not
            // as wide as the cell (so that the row cannot shift).
            // ncurses draws a cell as one spacing character and the
            // zero-width ones on it; anything else reaches the screen as U+FFFD.
            if cell.text.unicodeScalars.dropFirst().contains(where: { DisplayWidth.of($0) != 0 }) {
                problems.append("cell \(x),\(y) holds \(cell.text.debugDescription): more than one spacing character")
            }
            if !cell.isContinuation && DisplayWidth.of(cell.text) != cell.width {
                problems.append("cell \(x),\(y) takes \(cell.width) columns but \(cell.text.debugDescription) is \(DisplayWidth.of(cell.text)) wide")
            }
        }
        if width != grid.size.width { problems.append("row \(y) is \(width) columns wide, not \(grid.size.width)") }
    }
    return problems
}

@Suite("Hostile text on screen")
struct HostileTextRenderTests {
    static let sizes = [Size(width: 1, height: 1), Size(width: 20, height: 6), Size(width: 80, height: 24), Size(width: 400, height: 120)]

    /// A running meeting whose collect step holds the named hostile texts
    /// as notes, spread over the groups, with a hostile meeting title. The
    /// 50,000-character word is left out by default: it costs seconds a
    /// frame at 400×120 (see `singleNote`), too many to draw it in every test.
    static func running(_ names: [String] = HostileRenderText.all.map(\.name).filter { $0 != "long-word" }) -> AppState {
        var meeting = ScreenFixtures.meeting
        meeting.title = "Möte \u{1B}]0;kapad\u{07}\u{202E}ltit"
        var notes: [Note] = []
        for (i, (name, text)) in HostileRenderText.all.enumerated() where names.contains(name) {
            notes.append(Note(id: Int64(100 + i), meetingID: meeting.id, stepID: "lokal-lagesbild", group: i % 4, type: .problem,
                              source: .employee, text: text, createdAt: Double(i)))
        }
        var state = AppState(language: .sv, now: 10_000, today: "2026-12-03")
        _ = state.update(.meetingOpened(OpenedMeeting(meeting: meeting, agenda: ScreenFixtures.agenda,
                                                      stepSeconds: ["lokal-lagesbild": 60], notes: notes)))
        for c in HostileRenderText.short { _ = state.update(.key(.char(c))) }
        return state
    }

    static func check(_ state: AppState, _ what: String, timed: Bool = false) {
        var times: [String] = []
        for size in sizes {
            let start = Date()
            let grid = Screens.render(state, size: size)
            let seconds = Date().timeIntervalSince(start)
            times.append("\(size.width)×\(size.height) \(String(format: "%.2f", seconds)) s")
            #expect(grid.size == size)
            // Timings are printed, not asserted (they belong in benchmarks;
            // a loaded machine must not fail the suite).
            let problems = hostileGridProblems(grid)
            #expect(problems.isEmpty, "\(what) at \(size.width)×\(size.height): \(problems.count) problems, e.g. \(problems.prefix(5))")
        }
        if timed { print("hostile text: drawing \(what) took " + times.joined(separator: ", ")) }
    }

    @Test("notes with hostile text are drawn safely at every size")
    func runScreen() {
        let start = Date()
        let state = Self.running()
        print("hostile text: opening the meeting with the hostile notes took \(String(format: "%.2f", Date().timeIntervalSince(start))) s")
        Self.check(state, "the run screen", timed: true)
    }

    @Test("each hostile note alone is drawn safely at every size", arguments: HostileRenderText.all.map(\.name))
    func singleNote(name: String) {
        Self.check(Self.running([name]), "a note \(name)", timed: true)
    }

    @Test("a selected hostile note, and the same note being edited, are drawn safely")
    func selectedAndEdited() {
        var state = Self.running()
        for (i, _) in HostileRenderText.all.enumerated() {
            _ = state.update(.key(.up))
            Self.check(state, "note \(i) selected")
        }
        _ = state.update(.key(.function(4))) // edit: the note's text goes onto the input line
        Self.check(state, "a hostile note being edited")
    }

    @Test("each hostile text alone on the input line is drawn safely", arguments: HostileRenderText.all.map(\.name))
    func inputLine(name: String) {
        var state = ScreenFixtures.running()
        let text = HostileRenderText.all.first { $0.name == name }!.text
        for c in text.prefix(2_000) { _ = state.update(.key(.char(c))) }
        Self.check(state, "\(name) typed on the input line")
    }

    @Test("hostile cycle and meeting names on the home screen are drawn safely")
    func homeScreen() {
        var state = AppState(language: .sv, now: 0, today: "2026-12-03")
        var meeting = ScreenFixtures.meeting
        meeting.title = HostileRenderText.ansi + HostileRenderText.rightToLeft
        let cycle = Cycle(id: 2, area: HostileRenderText.controls + HostileRenderText.zalgo, period: HostileRenderText.emoji, createdAt: 2)
        _ = state.update(.homeLoaded([CycleOverview(cycle: cycle, meetings: [meeting])]))
        Self.check(state, "the home screen")
    }

    @Test("A flag in a note is drawn as its two letters, a cell each; a pasted tab as a space (found by the note-taker's walk)")
    func aFlagAndATabInAList() {
        var grid = Grid(Size(width: 40, height: 1))
        grid.text("Stökigt 🇸🇪 å\tkväll", x: 0, y: 0)
        #expect(grid.rowText(0).hasPrefix("Stökigt SE å kväll"))
        #expect(hostileGridProblems(grid).isEmpty, "\(hostileGridProblems(grid))")
    }

    @Test("The character under the cursor is shown whole when it is wide, however far the line is scrolled (found by the note-taker's walk)")
    func aWideCharacterUnderTheCursorIsShown() {
        var field = TextField("x漢字テスト漢字テスト漢字テスト漢字")
        for width in [5, 10, 11, 20] {
            for _ in 0...field.count {
                let (shown, column) = visibleWindow(of: field, width: width)
                #expect(DisplayWidth.of(shown) <= width)
                if field.cursorIndex < field.text.endIndex {
                    let under = field.text[field.cursorIndex]
                    // What is at the cursor's column is that character.
                    let before = DisplayWidth.prefix(shown, columns: column)
                    #expect(DisplayWidth.of(before) == column)
                    #expect(shown.dropFirst(before.count).first == under, "width \(width), cursor \(field.cursor): \(shown) at \(column)")
                }
                field.moveLeft()
            }
            field.moveEnd()
        }
    }

    @Test("typing a 1 MB paste into the input line takes linear time")
    func megabytePaste() {
        let unit = "Buskörning på Storgatan åäö ÅÄÖ 😀 中 "
        let text = Array(String(repeating: unit, count: 1_000_000 / unit.utf8.count + 1))
        var state = ScreenFixtures.running()
        let start = Date()
        var marks: [(keys: Int, seconds: Double)] = []
        for (i, c) in text.enumerated() {
            _ = state.update(.key(.char(c)))
            if [10_000, 20_000, text.count / 4, text.count / 2].contains(i + 1) { marks.append((i + 1, Date().timeIntervalSince(start))) }
        }
        let seconds = Date().timeIntervalSince(start)
        let grid = Screens.render(state, size: Size(width: 80, height: 24))
        let kept: Int
        if case .run(let run) = state.screen { kept = run.input.count } else { kept = -1 }
        print("hostile text: typing \(text.count) characters (\(String(text).utf8.count) bytes) one key at a time took "
              + "\(String(format: "%.2f", seconds)) s (\(String(format: "%.0f", seconds / Double(text.count) * 1e6)) µs a key; after "
              + marks.map { "\($0.keys) keys \(String(format: "%.2f", $0.seconds)) s" }.joined(separator: ", ")
              + "); the input line kept \(kept) characters")
        // No bound on the time itself (timings belong in benchmarks); the
        // shape below catches a quadratic path.
        // Linear: the second half of the keys costs about what the first did
        // (quadratic would make it three times as much).
        if let half = marks.last, half.seconds > 0 {
            // Linear: about 1. Quadratic: about 3.
            #expect((seconds - half.seconds) / half.seconds < 2.0, "the second half of the paste took \(String(format: "%.1f", seconds - half.seconds)) s, the first \(String(format: "%.1f", half.seconds)) s")
        }
        #expect(hostileGridProblems(grid).isEmpty)
    }
}
