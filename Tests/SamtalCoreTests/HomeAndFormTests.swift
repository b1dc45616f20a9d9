import Testing
@testable import SamtalCore

@Suite struct HomeAndFormTests {
    let cycle = Cycle(id: 1, area: "LPO Fagersta", period: "2027", createdAt: 0)

    func home() -> AppState {
        var state = AppState(language: .sv, agendas: [AgendaInfo(id: "medarbetardialog-vad", title: "Medarbetardialog – VAD")],
                             now: 0, today: "2026-12-03")
        _ = state.update(.homeLoaded([CycleOverview(cycle: cycle, meetings: [Fixtures.meeting()])]))
        return state
    }

    @Test("the new store's path is said on the home screen, and goes once a form or another screen opens")
    func theNewStoresWordGoesWithTheHomeScreen() {
        // The twenty-second walk: "Nytt tomt lager" stayed 30 s, through
        // the first forms.
        var state = home()
        _ = state.update(.storeMade(path: "/home/anna/.local/share/samtal/samtal.sqlite"))
        #expect(state.status?.text.hasPrefix("Nytt tomt lager") == true)
        _ = state.update(.key(.down))
        #expect(state.status?.text.hasPrefix("Nytt tomt lager") == true) // still on the home screen
        _ = state.update(.key(.function(2)))
        guard case .form = state.screen else { Issue.record("no form: \(state.screen)"); return }
        #expect(state.status == nil)
    }

    @Test func homeListsCyclesWithTheirMeetings() {
        let state = home()
        guard case .home(let h) = state.screen else { Issue.record("not home"); return }
        #expect(h.rows == [.cycle(cycle), .meeting(Fixtures.meeting())])
    }

    @Test func enterOnAMeetingOpensIt() {
        var state = home()
        _ = state.update(.key(.down))
        #expect(state.update(.key(.enter)) == [.openMeeting(7)])
    }

    @Test("Enter on a cycle's row opens its analysis workspace, as F5 does")
    func enterOnACycleOpensItsWorkspace() {
        var f5 = home()
        var enter = home()
        let opened = enter.update(.key(.enter))
        #expect(!opened.isEmpty)
        #expect(opened == f5.update(.key(.function(5))))
        guard case .workspace(let ws) = enter.screen else { Issue.record("not the workspace: \(enter.screen)"); return }
        #expect(ws.cycleID == cycle.id)
    }

    @Test("keys typed on the home screen before its rows are read wait for them: Enter after F6 opens the meeting left")
    func keysWaitForTheRows() {
        var state = home()
        _ = state.update(.key(.down))
        _ = state.update(.key(.enter))
        _ = state.update(.meetingOpened(OpenedMeeting(meeting: Fixtures.meeting(), agenda: Fixtures.agenda, stepSeconds: [:], notes: [])))
        // F6: home, its rows asked for; Enter before they come.
        #expect(state.update(.key(.function(6))).contains(.loadHome))
        #expect(state.update(.key(.enter)) == [])
        // The rows come: the meeting left is selected, and Enter opens it.
        #expect(state.update(.homeLoaded([CycleOverview(cycle: cycle, meetings: [Fixtures.meeting()])])) == [.openMeeting(7)])
    }

    @Test("the home screen's start draws its first cycles while the rest is read; keys typed meanwhile wait for the rest, then act in order")
    func firstPageThenTheRest() {
        var state = AppState(language: .sv, agendas: [AgendaInfo(id: "medarbetardialog-vad", title: "Medarbetardialog – VAD")],
                             now: 0, today: "2026-12-03")
        #expect(state.homeFirstPage(rows: 45) == .loadHomeFirstPage(rows: 45, showRetired: false))
        let ludvika = Cycle(id: 2, area: "LPO Ludvika – åäö", period: "2026", createdAt: 0)
        let other = Meeting(id: 8, cycleID: 2, agendaID: "test", title: "Medborgardialog Ludvika", groupCount: 3, currentStepIndex: 0, createdAt: 0)
        let first = CycleOverview(cycle: cycle, meetings: [Fixtures.meeting()])
        // The first page: drawn, the rest asked for.
        #expect(state.update(.homeFirstPage([first])) == [.loadHome])
        guard case .home(let page) = state.screen else { Issue.record("not home"); return }
        #expect(page.rows == [.cycle(cycle), .meeting(Fixtures.meeting())])
        #expect(page.firstPageOnly && !page.loaded)
        // Three Downs and Enter before the rest comes: on the first page
        // they would stop at meeting 7 and open it.
        for key in [Key.down, .down, .down, .enter] { #expect(state.update(.key(key)) == []) }
        // The rest: the keys act on every row, and open meeting 8.
        #expect(state.update(.homeLoaded([first, CycleOverview(cycle: ludvika, meetings: [other])])) == [.loadFormDraft(scope: "home"), .openMeeting(8)])
    }

    @Test("a q typed after keys held for the rows waits with them: after F2 and Tor it is a letter of the name, not a quit")
    func quitWaitsBehindHeldKeys() {
        var state = AppState(language: .sv, agendas: [AgendaInfo(id: "medarbetardialog-vad", title: "Medarbetardialog – VAD")],
                             now: 0, today: "2026-12-03")
        _ = state.update(.homeFirstPage([CycleOverview(cycle: cycle, meetings: [Fixtures.meeting()])]))
        for key in [Key.function(2), .char("T"), .char("o"), .char("r"), .char("q"), .char(" "), .char("B")] {
            #expect(!state.update(.key(key)).contains(.quit))
        }
        _ = state.update(.homeLoaded([CycleOverview(cycle: cycle, meetings: [Fixtures.meeting()])]))
        guard case .form(let form) = state.screen else { Issue.record("no form: \(state.screen)"); return }
        #expect(form.fields.first?.text == "Torq B")
        // With nothing held before it, q still quits at once while the rows are read.
        var waiting = AppState(language: .sv, now: 0, today: "2026-12-03")
        #expect(waiting.update(.key(.char("q"))).contains(.quit))
    }

    @Test("PgDn and PgUp go a cycle at a time, Home and End to the first and last row (a hundred cycles were a thousand Downs)")
    func pageThroughCycles() {
        var state = AppState(language: .sv, now: 0, today: "2026-12-03")
        let cycles = (1...3).map { Cycle(id: Int64($0), area: "LPO \($0) – åäö", period: "2027", createdAt: 0) }
        let overviews = cycles.map { c in
            CycleOverview(cycle: c, meetings: (1...2).map { Meeting(id: c.id * 10 + Int64($0), cycleID: c.id, agendaID: "test", title: "Möte \($0)",
                                                                     groupCount: 3, currentStepIndex: 0, createdAt: 0) })
        }
        _ = state.update(.homeLoaded(overviews))
        func selection() -> Int { if case .home(let h) = state.screen { h.selection } else { -1 } }
        // Rows: 0 c1, 1-2 its meetings, 3 c2, 4-5, 6 c3, 7-8.
        for (key, expected) in [(Key.pageDown, 3), (.pageDown, 6), (.pageDown, 8), (.pageDown, 8), (.up, 7), (.pageUp, 6),
                                (.pageUp, 3), (.down, 4), (.pageUp, 3), (.end, 8), (.home, 0), (.pageUp, 0)] {
            _ = state.update(.key(key))
            #expect(selection() == expected, "\(key)")
        }
    }

    @Test("home rows that cannot be read do not keep the keys held: they act on the screen as it is")
    func keysAreNotHeldForRowsThatFailed() {
        var state = AppState(language: .sv, now: 0, today: "2026-12-03")
        _ = state.update(.key(.function(2))) // a new cycle: held, no rows yet
        #expect(state.update(.failed("database is locked")) == [])
        guard case .form = state.screen else { Issue.record("the key was not replayed: \(state.screen)"); return }
        #expect(state.status?.isError == true)
    }

    @Test func newCycleFormRequiresAreaAndPeriod() {
        var state = home()
        _ = state.update(.key(.char("n")))
        guard case .form = state.screen else { Issue.record("no form"); return }
        #expect(state.update(.key(.function(9))) == [])
        guard case .form(let f) = state.screen else { return }
        #expect(f.error == "Område måste fyllas i")
        Fixtures.type("Västerås city", into: &state)
        _ = state.update(.key(.tab))
        Fixtures.type("2027 Q1", into: &state)
        #expect(state.update(.key(.function(9))) == [.createCycle(area: "Västerås city", period: "2027 Q1")])
    }

    @Test("F10 or Ctrl-C in a form with typed text asks first; no keeps the form and its text; an untouched form is left at once")
    func quitFromAChangedFormAsks() {
        var state = home()
        _ = state.update(.key(.char("n")))
        #expect(state.update(.key(.function(10))) == [.quit]) // nothing typed
        state = home()
        _ = state.update(.key(.char("n")))
        Fixtures.type("Västerås city", into: &state)
        #expect(state.update(.key(.function(10))) == [])
        #expect(state.dialog == .confirm(.quitUnsavedForm))
        _ = state.update(.key(.char("n")))
        #expect(state.dialog == nil)
        guard case .form(let f) = state.screen else { Issue.record("no form"); return }
        #expect(f.fields.first?.text == "Västerås city")
        #expect(state.update(.key(.ctrl("c"))) == [])
        #expect(state.update(.key(.char("n"))) == [])
        // From the help over the form, too.
        _ = state.update(.key(.function(1)))
        #expect(state.update(.key(.function(10))) == [])
        #expect(state.dialog == .confirm(.quitUnsavedForm))
        // Yes: the text is kept as the form's draft, then the program ends.
        #expect(state.update(.key(.char("j"))) == [.saveFormDraft(scope: "home", draft: FormDraft(purpose: "newCycle", fields: ["Västerås city", ""])),
                                                   .quit])
    }

    @Test func newMeetingFormOffersTheAgendasAndToday() {
        var state = home()
        _ = state.update(.key(.char("m")))
        guard case .form(let f) = state.screen else { Issue.record("no form"); return }
        #expect(f.value(.agenda) == "medarbetardialog-vad")
        #expect(f.value(.date) == "2026-12-03")
        _ = state.update(.key(.tab))
        Fixtures.type("VAD-dialog", into: &state)
        #expect(state.update(.key(.function(9))) == [.createMeeting(cycleID: 1, agendaID: "medarbetardialog-vad", title: "VAD-dialog",
                                                                    date: "2026-12-03", place: "")])
    }

    @Test("a form cancelled comes back to the row it was opened from")
    func cancelledFormKeepsTheSelection() {
        let second = Cycle(id: 2, area: "LPO Norberg", period: "2027", createdAt: 1)
        let overviews = [CycleOverview(cycle: cycle, meetings: [Fixtures.meeting()]), CycleOverview(cycle: second, meetings: [])]
        // (F7, the export's form: found by the fifteenth session's second walk.)
        for opening: Key in [.function(4), .char("m"), .char("n"), .function(7)] {
            var state = home()
            _ = state.update(.homeLoaded(overviews))
            _ = state.update(.key(.down))
            #expect({ if case .home(let h) = state.screen { return h.selectedRow == .meeting(Fixtures.meeting()) }; return false }())
            _ = state.update(.key(opening))
            guard case .form = state.screen else { Issue.record("no form for \(opening)"); continue }
            #expect(state.update(.key(.escape)) == [.loadHome])
            _ = state.update(.homeLoaded(overviews))
            guard case .home(let h) = state.screen else { Issue.record("not home"); continue }
            #expect(h.selectedRow == .meeting(Fixtures.meeting()), "after \(opening)")
        }
    }

    @Test func aCreatedMeetingGoesStraightToItsFacts() {
        var state = home()
        _ = state.update(.meetingCreated(Fixtures.meeting()))
        guard case .form(let f) = state.screen else { Issue.record("no form"); return }
        #expect(f.purpose == .facts(meetingID: 7))
    }

    /// Found by the fifteenth walk: "10 feb" and "2027-02-30" were taken
    /// as a meeting's date, and "10 feb" renumbered the cycle's meetings.
    @Test func aMeetingsDateMustBeARealDay() {
        for bad in ["10 feb", "2027-02-30"] {
            var state = home()
            _ = state.update(.key(.down))
            _ = state.update(.key(.char("e")))
            guard case .form(var f) = state.screen else { Issue.record("no form"); return }
            f.focus = 1
            state.screen = .form(f)
            _ = state.update(.key(.ctrl("u")))
            Fixtures.type(bad, into: &state)
            #expect(state.update(.key(.function(9))) == [])
            guard case .form(let after) = state.screen else { Issue.record("form gone for \(bad)"); return }
            #expect(after.error?.contains(bad) == true, "\(String(describing: after.error))")
            #expect(after.fields[after.focus].id == .date)
        }
    }

    @Test func factsFormCollectsParticipantRows() {
        var state = home()
        _ = state.update(.key(.down))
        _ = state.update(.key(.char("e")))
        guard case .form(var f) = state.screen else { Issue.record("no form"); return }
        #expect(f.fields.map(\.id) == [.title, .date, .place, .form, .facilitator, .noteTakers, .namedNotes, .groups])
        // Form is a choice: Right changes it.
        f.focus = 3
        state.screen = .form(f)
        _ = state.update(.key(.right))
        guard case .form(let f2) = state.screen else { return }
        #expect(f2.value(.form) == "digital")
        _ = state.update(.key(.function(4)))
        Fixtures.type("Ingripande", into: &state)
        for n in ["Polis", "12", "5", "6", "1"] {
            _ = state.update(.key(.tab))
            Fixtures.type(n, into: &state)
        }
        let effects = state.update(.key(.function(9)))
        guard case .saveFacts(let id, let title, let facts, let groups)? = effects.first else { Issue.record("no save: \(effects)"); return }
        #expect(id == 7)
        #expect(title == "VAD Fagersta")
        #expect(groups == 3)
        #expect(facts.form == .digital)
        #expect(facts.participants == [ParticipantRow(organisationRole: "Ingripande", headCount: 12, women: 5, men: 6, otherOrUnstated: 1,
                                                      kind: .police)])
    }

    @Test func aBadNumberIsRefusedWithTheFieldNamed() {
        var state = home()
        _ = state.update(.key(.down))
        _ = state.update(.key(.char("e")))
        _ = state.update(.key(.function(4)))
        Fixtures.type("Utredning", into: &state)
        _ = state.update(.key(.tab))
        _ = state.update(.key(.tab))
        Fixtures.type("tolv", into: &state)
        #expect(state.update(.key(.function(9))) == [])
        guard case .form(let f) = state.screen else { return }
        #expect(f.error == "Deltagare 1, Antal måste vara ett heltal 0 eller större")
        #expect(f.focusedCell?.column == .count)
    }

    @Test func anUnknownOrganisationKindIsRefusedWithTheKindsNamed() {
        var state = home()
        _ = state.update(.key(.down))
        _ = state.update(.key(.char("e")))
        _ = state.update(.key(.function(4)))
        Fixtures.type("Socialtjänsten", into: &state)
        _ = state.update(.key(.tab))
        Fixtures.type("socialtjänst", into: &state)
        #expect(state.update(.key(.function(9))) == [])
        guard case .form(let f) = state.screen else { return }
        #expect(f.error == "Deltagare 1: slaget (polis, kommun …) ska vara ett av medarbetare, medborgare, kommun, polis, samverkanspart, statistik, trygghetsmätning")
        #expect(f.focusedCell?.column == .kind)
    }

    @Test func groupCountMustBeSensible() {
        var state = home()
        _ = state.update(.key(.down))
        _ = state.update(.key(.char("e")))
        guard case .form(var f) = state.screen else { return }
        f.focus = 7
        state.screen = .form(f)
        _ = state.update(.key(.backspace))
        Fixtures.type("0", into: &state)
        #expect(state.update(.key(.function(9))) == [])
    }

    @Test func escapeLeavesAFormWithoutSaving() {
        var state = home()
        _ = state.update(.key(.char("n")))
        Fixtures.type("x", into: &state)
        #expect(state.update(.key(.escape)) == [.loadHome])
        guard case .home = state.screen else { Issue.record("not home"); return }
    }

    @Test func quitFromHome() {
        var state = home()
        #expect(state.update(.key(.char("q"))) == [.quit])
    }
}

@Suite struct KeymapTests {
    @Test func noKeyIsBoundTwiceInOneContext() {
        for context in KeyContext.allCases {
            var seen: Set<Key> = []
            for b in Keymap.bindings where b.context == context {
                for k in b.keys {
                    #expect(!seen.contains(k), "\(k) bound twice in \(context)")
                    seen.insert(k)
                }
            }
        }
    }

    @Test func everyBoundActionHasHelpInBothLanguages() {
        for b in Keymap.bindings {
            #expect(!Texts(.sv)[b.help].isEmpty)
            #expect(!Texts(.en)[b.help].isEmpty)
        }
    }

    @Test func dispatchReadsTheSameTable() {
        #expect(Keymap.action(for: .function(2), in: .run) == .toggleTalkingPoints)
        #expect(Keymap.action(for: .ctrl("c"), in: .run) == .quit)
        #expect(Keymap.action(for: .char("q"), in: .run) == nil) // typing, not quitting
        #expect(Keymap.action(for: .char("q"), in: .home) == .quit)
    }

    @Test func everyTextExistsInBothLanguages() {
        for key in TextKey.allCases {
            #expect(!Texts(.sv)[key].isEmpty, "\(key)")
            #expect(!Texts(.en)[key].isEmpty, "\(key)")
        }
    }
}

@Suite struct TextFieldTests {
    @Test func aCombiningRingJoinsTheLetterBefore() {
        var f = TextField()
        f.insert("a")
        f.insert("\u{030A}")
        #expect(f.count == 1)
        #expect(f.text == "a\u{030A}")
    }

    @Test func editingKeys() {
        var f = TextField("Hög fart")
        _ = f.handle(.ctrl("w"))
        #expect(f.text == "Hög ")
        _ = f.handle(.home)
        _ = f.handle(.delete)
        #expect(f.text == "ög ")
        _ = f.handle(.ctrl("u"))
        #expect(f.isEmpty)
    }

    @Test func theLimitRefusesMore() {
        var f = TextField("", limit: 3)
        for c in "åäöx" { f.insert(c) }
        #expect(f.text == "åäö")
    }
}

@Suite struct CycleRenameAndRetireTests {
    static let cycle = Cycle(id: 1, area: "LPO Fagersta", period: "2027", createdAt: 0)
    static let old = Cycle(id: 2, area: "LPO Fagersta", period: "2026", createdAt: 0)
    static let meeting = Meeting(id: 7, cycleID: 1, agendaID: "test", title: "VAD Fagersta", createdAt: 0)

    static func home() -> AppState {
        var state = AppState(language: .sv)
        _ = state.update(.homeLoaded([CycleOverview(cycle: cycle, meetings: [meeting]),
                                      CycleOverview(cycle: old, meetings: [], retired: true)]))
        return state
    }

    func rows(_ state: AppState) -> [HomeRow] {
        if case .home(let home) = state.screen { return home.rows }
        return []
    }

    @Test func f4OnACycleEditsItsAreaAndPeriod() {
        var state = Self.home()
        _ = state.update(.key(.function(4)))
        guard case .form(let form) = state.screen else { Issue.record("no form"); return }
        #expect(form.purpose == .editCycle(1) && form.value(.area) == "LPO Fagersta" && form.value(.period) == "2027")
        _ = state.update(.key(.ctrl("u")))
        for c in "LPO Fagersta – Västanfors" { _ = state.update(.key(.char(c))) }
        #expect(state.update(.key(.function(9))) == [.renameCycle(id: 1, area: "LPO Fagersta – Västanfors", period: "2027")])
        // Saved: the form closes, and says so (the sixteenth walk: it stayed
        // open without a word, the save seen only in `cycle list`).
        _ = state.update(.cycleRenamed(1))
        guard case .home = state.screen else { Issue.record("still \(state.screen)"); return }
        #expect(state.status?.text == "Cykeln är sparad")
    }

    @Test func aRetiredCycleIsHiddenUntilAskedForAndRetiringAsksFirst() {
        var state = Self.home()
        #expect(rows(state) == [.cycle(Self.cycle), .meeting(Self.meeting)])
        // F8 on the cycle asks, naming it and its meetings; yes retires it.
        #expect(state.update(.key(.function(8))) == [])
        #expect(state.dialog == .confirm(.retireCycle(1)))
        #expect(state.update(.key(.char("j"))) == [.setCycleRetired(id: 1, retired: true)])
        // v shows the retired ones; F8 on one brings it back at once.
        #expect(state.update(.key(.char("v"))) == [.loadHome])
        _ = state.update(.homeLoaded([CycleOverview(cycle: Self.cycle, meetings: [Self.meeting]),
                                      CycleOverview(cycle: Self.old, meetings: [], retired: true)]))
        #expect(rows(state).count == 3)
        _ = state.update(.key(.down))
        _ = state.update(.key(.down))
        #expect(state.update(.key(.function(8))) == [.setCycleRetired(id: 2, retired: false)])
        // F8 on a meeting says what it does.
        _ = state.update(.key(.up))
        #expect(state.update(.key(.function(8))) == [])
        #expect(state.dialog == nil && state.status?.text == "Markera en cykel för att arkivera den")
    }
}

/// A terminal that does not send UTF-8 (issue 16): said on screen.
@Suite struct TerminalNotUTF8Tests {
    @Test func theStatusLineSaysSo() {
        for (language, text) in [(Language.sv, "Terminalen skickar inte UTF-8"), (.en, "The terminal does not send UTF-8")] {
            var state = AppState(language: language)
            #expect(state.update(.terminalNotUTF8) == [])
            #expect(state.status?.text.hasPrefix(text) == true)
            #expect(state.status?.isError == false)
        }
    }
}

@Suite struct TalkingPointsPageTests {
    @Test("Ctrl-P on hidden talking points shows them at the page they were left at, not the next one")
    func ctrlPOnHiddenPoints() {
        var state = AppState(language: .sv, now: 0, today: "2026-12-03")
        _ = state.update(.meetingOpened(OpenedMeeting(meeting: Fixtures.meeting(), agenda: Fixtures.agenda, stepSeconds: [:], notes: [])))
        func points() -> (shown: Bool, page: Int) {
            guard case .run(let run) = state.screen else { return (false, -1) }
            return (run.showTalkingPoints, run.talkingPointsPage)
        }
        let shownAtStart = points().shown
        if !shownAtStart { _ = state.update(.key(.function(2))) }
        _ = state.update(.key(.ctrl("p")))
        #expect(points() == (true, 1))
        _ = state.update(.key(.function(2)))
        #expect(points() == (false, 1))
        _ = state.update(.key(.ctrl("p")))
        #expect(points() == (true, 1))
        _ = state.update(.key(.ctrl("p")))
        #expect(points() == (true, 2))
    }
}
