import Foundation
import Testing
import SamtalCore
@testable import SamtalRender

/// Compares a rendered grid's text with `Snapshots/NAME.txt`. Run with
/// SAMTAL_UPDATE_SNAPSHOTS=1 to write the files anew; read the diff before
/// committing them.
func assertSnapshot(_ grid: Grid, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let url = folder.appendingPathComponent(name + ".txt")
    let actual = grid.text + "\n"
    if ProcessInfo.processInfo.environment["SAMTAL_UPDATE_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("missing snapshot \(name).txt (run with SAMTAL_UPDATE_SNAPSHOTS=1)", sourceLocation: sourceLocation)
        return
    }
    if actual != expected {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDiff = Array(zip(a, e)).firstIndex { $0.0 != $0.1 } ?? min(a.count, e.count)
        Issue.record("snapshot \(name) differs from line \(firstDiff + 1):\nexpected: \(firstDiff < e.count ? e[firstDiff] : "")\nactual:   \(firstDiff < a.count ? a[firstDiff] : "")",
                     sourceLocation: sourceLocation)
    }
}

enum ScreenFixtures {
    static let agenda = Agenda(
        id: "medarbetardialog-vad", version: 1, title: "Medarbetardialog – VAD", meetingType: .employeeDialogueWhat, source: .employee,
        steps: [
            AgendaStep(id: "inledning", title: "Inledning", kind: .present, minutes: 20,
                       prompt: "Välkomna till medarbetardialogen om VAD vi ska arbeta med.",
                       talkingPoints: ["Presentera polisens styrmodell och långsiktiga mål.", "Presentera mötets syfte och mål."]),
            AgendaStep(id: "lokal-lagesbild", title: "Lokal lägesbild", kind: .collect, minutes: 30,
                       prompt: "Vilka problem och möjligheter ser ni i området?",
                       questions: ["Var och när händer det?", "Vem drabbas?"],
                       talkingPoints: ["Be grupperna utgå från sin vardag i yttre tjänst.", "En iakttagelse per anteckning."]),
            AgendaStep(id: "fokusomraden", title: "Fokusområden", kind: .cluster, minutes: 25, prompt: "Gruppera iakttagelserna."),
            AgendaStep(id: "prioritera", title: "Prioritera fokusområden", kind: .vote, minutes: 15, settings: ["dots": "3"]),
            AgendaStep(id: "problembeskrivning", title: "Problem och orsaksanalys", kind: .problem, minutes: 45),
            AgendaStep(id: "summering", title: "Summering", kind: .summary, minutes: 15),
        ])

    static let facts = MethodFacts(date: "2026-12-03", place: "Polishuset Fagersta", form: .workplaceMeeting,
                                   facilitator: "Anna Kommunpolis", noteTakers: "Erik, Sara",
                                   participants: [ParticipantRow(organisationRole: "Ingripande", headCount: 12, women: 5, men: 7),
                                                  ParticipantRow(organisationRole: "Utredning", headCount: 6, women: 4, men: 1, otherOrUnstated: 1)])

    /// Run by a facilitator whose clock was last stored at the fixtures'
    /// `now` (10,000): the room's screens show a running clock.
    static let meeting: Meeting = {
        var m = Meeting(id: 3, cycleID: 1, agendaID: "medarbetardialog-vad", title: "VAD-dialog LPO Fagersta", facts: facts,
                        groupCount: 3, currentStepIndex: 1, status: .running, createdAt: 0)
        m.clockFrom = 10_000
        return m
    }()

    static let notes: [Note] = [
        Note(id: 1, meetingID: 3, stepID: "lokal-lagesbild", group: 1, type: .problem, source: .employee,
             text: "Buskörning med mopeder vid Storgatan kvällstid", createdAt: 10),
        Note(id: 2, meetingID: 3, stepID: "lokal-lagesbild", group: 1, type: .opportunity, source: .employee,
             text: "Fältassistenterna känner ungdomarna", createdAt: 20),
        Note(id: 3, meetingID: 3, stepID: "lokal-lagesbild", group: 2, type: .problem, source: .employee,
             text: "Otrygghet i gångtunneln vid stationen, särskilt för kvinnor efter mörkrets inbrott", createdAt: 30),
        Note(id: 4, meetingID: 3, stepID: "lokal-lagesbild", group: 3, type: .positive, source: .employee,
             text: "Hög fart på Storgatan, ÅÄÖ åäö 😀 中", createdAt: 40),
        Note(id: 5, meetingID: 3, stepID: "lokal-lagesbild", group: 3, type: .question, source: .employee,
             text: "Ring Kim på 070-123 45 67 om bilen ABC 123", createdAt: 50),
    ]

    static func running(language: Language = .sv, elapsed: Double = 760) -> AppState {
        var state = AppState(language: language, now: 10_000, today: "2026-12-03")
        _ = state.update(.meetingOpened(OpenedMeeting(meeting: meeting, agenda: agenda,
                                                      stepSeconds: ["inledning": 1100, "lokal-lagesbild": elapsed], notes: notes)))
        _ = state.update(.key(.tab))
        for c in "Nedsläckt parkering bakom ICA" { _ = state.update(.key(.char(c))) }
        return state
    }

    static func home(language: Language = .sv) -> AppState {
        var state = AppState(language: language, now: 0, today: "2026-12-03")
        let c1 = Cycle(id: 2, area: "LPO Fagersta", period: "2027", createdAt: 2)
        let c2 = Cycle(id: 1, area: "Ludvika centrum", period: "2026 Q4", createdAt: 1)
        var finished = meeting
        finished.id = 1
        finished.title = "Medborgardialog Ludvika"
        finished.status = .finished
        finished.facts.date = "2026-10-14"
        _ = state.update(.homeLoaded([CycleOverview(cycle: c1, meetings: [meeting]), CycleOverview(cycle: c2, meetings: [finished])]))
        return state
    }
}

@Suite struct ScreenSnapshotTests {
    @Test func home() {
        assertSnapshot(Screens.render(ScreenFixtures.home(), size: Size(width: 80, height: 24)), "home-80x24")
    }

    @Test func homeEmpty() {
        assertSnapshot(Screens.render(AppState(language: .sv), size: Size(width: 80, height: 24)), "home-empty-80x24")
    }

    @Test func homeEnglish() {
        assertSnapshot(Screens.render(ScreenFixtures.home(language: .en), size: Size(width: 80, height: 24)), "home-en-80x24")
    }

    @Test func meetingSetup() {
        var state = ScreenFixtures.home()
        state.screen = .form(.facts(for: ScreenFixtures.meeting, texts: state.texts))
        assertSnapshot(Screens.render(state, size: Size(width: 80, height: 24)), "meeting-facts-80x24")
    }

    @Test func meetingFactsShowWhatTheMeetingIsFor() {
        var state = ScreenFixtures.home()
        // The HOW dialogue's purpose (001 line 496), goal (500-502) and quality criteria (504-511), shortened.
        let intro = AgendaIntro(purpose: "Dialogen syftar till att ta tillvara medarbetarnas kompetens genom att ge dem ansvar för utformningen av aktiviteter, mål och uppföljning.",
                                goals: ["göra medarbetarna delaktiga i prioriteringar och beslut om aktiviteter."],
                                qualityCriteria: ["Arbetsgruppen får tillgång till relevant underlag.", "Aktiviteterna bedöms rimliga att genomföra."])
        state.screen = .form(.facts(for: ScreenFixtures.meeting, texts: state.texts, intro: intro))
        assertSnapshot(Screens.render(state, size: Size(width: 100, height: 36)), "meeting-facts-intro-100x36")
    }

    @Test("the quit question over a new cycle's form: the key bar keeps the form's own keys, not the facts form's rows")
    func quitQuestionOverAForm() {
        var state = ScreenFixtures.home()
        _ = state.update(.key(.char("n")))
        for c in "LPO Fagersta" { _ = state.update(.key(.char(c))) }
        _ = state.update(.key(.function(10)))
        #expect(state.dialog == .confirm(.quitUnsavedForm))
        let grid = Screens.render(state, size: Size(width: 80, height: 24))
        assertSnapshot(grid, "quit-question-new-cycle-80x24")
        let bar = grid.text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(!bar.contains("F4"), "\(bar)")
    }

    @Test func newMeetingForm() {
        var state = ScreenFixtures.home()
        state.screen = .form(.newMeeting(cycleID: 2, agendas: [AgendaInfo(id: "medarbetardialog-vad", title: "Medarbetardialog – VAD ska vi göra?")],
                                         today: "2026-12-03"))
        assertSnapshot(Screens.render(state, size: Size(width: 80, height: 24)), "new-meeting-80x24")
    }

    @Test func run80x24() {
        assertSnapshot(Screens.render(ScreenFixtures.running(), size: Size(width: 80, height: 24)), "run-80x24")
    }

    @Test func run120x40() {
        assertSnapshot(Screens.render(ScreenFixtures.running(), size: Size(width: 120, height: 40)), "run-120x40")
    }

    /// The twenty-second walk: the first step's box ran the meeting's goals
    /// together ("… som möjligt. • identifiera …") and left out its quality
    /// criteria, over an empty notes panel.
    @Test("the first step shows the meeting's purpose, each goal and each quality criterion as its own point")
    func theFirstStepReadsOutEachGoalAndCriterion() {
        var state = AppState(language: .sv, now: 10_000, today: "2026-12-03")
        var agenda = ScreenFixtures.agenda
        // The VAD dialogue's, as Agendas/medarbetardialog-vad.yaml has them (001 lines 430-458).
        agenda.purpose = "Medarbetardialoger bidrar till polisens lokala lägesbild och är obligatoriska för att man ska kunna ta fram medborgarlöften. Dialogen syftar till att ta tillvara medarbetarnas kompetens om den lokala lägesbilden samt skapa delaktighet inför aktivitetsplanering."
        agenda.goals = ["ta tillvara medarbetarnas kunskap om lokala omständigheter kring brottslighet, utsatthet och trygghet för att skapa en så komplett lokal lägesbild som möjligt.",
                        "identifiera lokala problem och möjligheter utifrån polisens uppdrag."]
        agenda.qualityCriteria = ["Alla medarbetare erbjuds möjlighet att delta i dialogen",
                                  "Medarbetarna formulerar och ger uttryck för sin kunskap och erfarenhet inom ramen för de lokala lägesbilderna.",
                                  "Resultatet av dialogen återkopplas till berörda medarbetare."]
        var meeting = ScreenFixtures.meeting
        meeting.currentStepIndex = 0
        _ = state.update(.meetingOpened(OpenedMeeting(meeting: meeting, agenda: agenda, stepSeconds: [:], notes: [])))
        for (width, height) in [(100, 30), (80, 24), (120, 40)] {
            let grid = Screens.render(state, size: Size(width: width, height: height))
            assertSnapshot(grid, "run-first-step-intro-\(width)x\(height)")
            let text = grid.text
            #expect(!text.contains(". • ") && !text.contains("  • "), "goals run together at \(width)×\(height)")
            #expect(text.contains("Kvalitetskriterier"), "no quality criteria at \(width)×\(height)")
            #expect(text.contains("• identifiera lokala problem"), "the second goal does not start its own point at \(width)×\(height)")
        }
    }

    @Test func runEnglish() {
        assertSnapshot(Screens.render(ScreenFixtures.running(language: .en), size: Size(width: 100, height: 30)), "run-en-100x30")
    }

    /// The fifteenth walk: F7 (hide a note from the projector) was in no key
    /// bar; it is the label left out first where the bar is short.
    @Test func runKeyBarNamesF7WhereThereIsRoom() {
        let wide = Screens.render(ScreenFixtures.running(), size: Size(width: 130, height: 40)).text
        #expect(wide.split(separator: "\n").last?.contains("F7 Dölj") == true, "\(wide)")
        let narrow = Screens.render(ScreenFixtures.running(), size: Size(width: 120, height: 40)).text
        #expect(narrow.split(separator: "\n").last?.contains("F5 Källa") == true, "\(narrow)")
    }

    @Test func runWithoutTalkingPointsAndASelection() {
        var state = ScreenFixtures.running()
        _ = state.update(.key(.function(2)))
        _ = state.update(.key(.up))
        _ = state.update(.key(.up))
        assertSnapshot(Screens.render(state, size: Size(width: 80, height: 24)), "run-selected-80x24")
    }

    /// A message longer than its room on the input line is shown whole on
    /// the rows above it (a finished meeting's advice was cut at 100
    /// columns).
    @Test func runWithALongMessage() {
        var meeting = ScreenFixtures.meeting
        meeting.status = .finished
        var state = AppState(language: .sv, now: 10_000, today: "2026-12-03")
        _ = state.update(.meetingOpened(OpenedMeeting(meeting: meeting, agenda: ScreenFixtures.agenda, stepSeconds: [:], notes: [])))
        #expect(state.status?.text.hasPrefix("Mötet är slutfört") == true)
        assertSnapshot(Screens.render(state, size: Size(width: 80, height: 24)), "run-long-message-80x24")
    }

    @Test func help() {
        var state = ScreenFixtures.running()
        _ = state.update(.key(.function(1)))
        assertSnapshot(Screens.render(state, size: Size(width: 100, height: 30)), "help-run-100x30")
    }

    @Test func helpScrollsOnAShortTerminal() {
        var state = ScreenFixtures.running()
        _ = state.update(.key(.function(1)))
        let top = Screens.render(state, size: Size(width: 80, height: 20))
        #expect(top.text.contains("↓ fler"))
        #expect(!top.text.contains("F10/Ctrl-C"))
        for _ in 0..<30 { _ = state.update(.key(.down)) }
        let bottom = Screens.render(state, size: Size(width: 80, height: 20))
        assertSnapshot(bottom, "help-scrolled-80x20")
        #expect(bottom.text.contains("F10/Ctrl-C"))
        #expect(!bottom.text.contains("↓ fler"))
        _ = state.update(.key(.escape))
        #expect(state.helpScroll == 0)
    }

    @Test func confirmDelete() {
        var state = ScreenFixtures.running()
        _ = state.update(.key(.up))
        _ = state.update(.key(.function(8)))
        assertSnapshot(Screens.render(state, size: Size(width: 80, height: 24)), "confirm-delete-80x24")
    }

    @Test func projector() {
        var state = AppState(language: .sv, now: 10_000, today: "2026-12-03")
        _ = state.update(.meetingOpened(OpenedMeeting(meeting: ScreenFixtures.meeting, agenda: ScreenFixtures.agenda,
                                                      stepSeconds: ["lokal-lagesbild": 1500], notes: ScreenFixtures.notes, role: .projector)))
        assertSnapshot(Screens.render(state, size: Size(width: 100, height: 30)), "present-100x30")
        assertSnapshot(Screens.render(state, size: Size(width: 80, height: 20)), "present-80x20")
    }

    @Test func station() {
        var state = AppState(language: .sv, now: 10_000, today: "2026-12-03")
        _ = state.update(.meetingOpened(OpenedMeeting(meeting: ScreenFixtures.meeting, agenda: ScreenFixtures.agenda,
                                                      stepSeconds: [:], notes: ScreenFixtures.notes, role: .station(group: 1, name: "Erik"))))
        for c in "Fler papperskorgar" { _ = state.update(.key(.char(c))) }
        assertSnapshot(Screens.render(state, size: Size(width: 80, height: 24)), "station-80x24")
    }

    @Test("A restored draft's notice is read whole on the status line at 80 columns, in both languages (found by the facilitator's walk)")
    func theDraftNoticeFitsAt80Columns() {
        for language in [Language.sv, .en] {
            var meeting = ScreenFixtures.meeting
            meeting.currentStepIndex = 1
            var state = AppState(language: language, now: 10_000, today: "2026-12-03")
            _ = state.update(.meetingOpened(OpenedMeeting(meeting: meeting, agenda: ScreenFixtures.agenda, stepSeconds: [:], notes: [],
                                                          drafts: ["note/lokal-lagesbild": "Det jag skrev i går kväll"])))
            let notice = Texts(language)[.draftRestored]
            #expect(state.status?.text == notice)
            let screen = Screens.render(state, size: Size(width: 80, height: 24)).text
            #expect(screen.contains(notice), "\(language): \(notice)")
        }
    }

    @Test func tooSmall() {
        assertSnapshot(Screens.render(ScreenFixtures.running(), size: Size(width: 20, height: 6)), "too-small-20x6")
    }
}

@Suite struct RenderBehaviourTests {
    @Test func everySizeFromOneByOneRendersWithoutTrapping() {
        let states = [ScreenFixtures.running(), ScreenFixtures.home(), AppState(language: .en)]
        for state in states {
            for w in [0, 1, 2, 5, 19, 59, 60, 61, 80, 200, 400] {
                for h in [0, 1, 3, 15, 16, 24, 60, 120] {
                    let grid = Screens.render(state, size: Size(width: w, height: h))
                    #expect(grid.size == Size(width: w, height: h))
                }
            }
        }
    }

    @Test func theClockTurnsYellowThenRedThenShowsTheOverrun() {
        func clockCell(_ elapsed: Double) -> (Role, String) {
            let grid = Screens.render(ScreenFixtures.running(elapsed: elapsed), size: Size(width: 100, height: 30))
            return (grid[99 - 1, 0].style.role, grid.rowText(0))
        }
        #expect(clockCell(60).0 == .timeOK)
        #expect(clockCell(30 * 60 * 0.85).0 == .timeLow)  // 15 % left
        #expect(clockCell(30 * 60 * 0.97).0 == .timeOver) // 3 % left
        let (role, row) = clockCell(30 * 60 + 75)
        #expect(role == .timeOver)
        #expect(row.contains("+01:15"))
        // Not by colour alone: the text says it too.
        #expect(clockCell(30 * 60 * 0.85).1.contains("! "))
    }

    @Test func wideCharactersTakeTwoCellsAndKeepColumnsAligned() {
        var grid = Grid(Size(width: 12, height: 1))
        grid.text("a中b😀c", x: 0, y: 0)
        #expect(grid[1, 0].text == "中")
        #expect(grid[2, 0].isContinuation)
        #expect(grid[3, 0].text == "b")
        #expect(grid[4, 0].text == "😀")
        #expect(grid[6, 0].text == "c")
        #expect(DisplayWidth.of("Hög fart på Storgatan, ÅÄÖ åäö 😀 中") == 36)
    }

    @Test func aWideCharacterThatDoesNotFitIsLeftOut() {
        var grid = Grid(Size(width: 3, height: 1))
        grid.text("ab中", x: 0, y: 0)
        #expect(grid.rowText(0) == "ab ")
    }

    @Test func emojiSequencesAreDrawnAsTheirBase() {
        // Terminals disagree on these; the policy is the base emoji, 2 columns.
        for (s, w) in [("❤️", 1), ("👍🏽", 2), ("👨‍👩‍👧", 2), ("🏳️‍🌈", 1), ("1️⃣", 1)] {
            let (shown, width) = DisplayWidth.cell(for: Character(s))
            #expect(width == w, "\(s)")
            #expect(shown.unicodeScalars.count == 1, "\(s)")
        }
        // A flag shows as its country's letters.
        #expect(DisplayWidth.cell(for: Character("🇸🇪")) == ("SE", 2))
        // Decomposed å keeps its ring and one column.
        let (shown, width) = DisplayWidth.cell(for: Character("a\u{030A}"))
        #expect(shown == "a\u{030A}")
        #expect(width == 1)
    }

    @Test func controlCharactersNeverReachTheTerminal() {
        var grid = Grid(Size(width: 20, height: 1))
        grid.text("a\u{1B}[31mb\u{07}", x: 0, y: 0)
        #expect(!grid.rowText(0).unicodeScalars.contains { $0.value < 0x20 })
        #expect(grid.rowText(0).hasPrefix("a\u{FFFD}[31mb\u{FFFD}"))
    }

    @Test func aHugeInputLineKeepsTheCursorInView() {
        var field = TextField()
        for _ in 0..<5_000 { field.insert("å") }
        let (shown, cursor) = visibleWindow(of: field, width: 40)
        #expect(DisplayWidth.of(shown) <= 40)
        #expect(cursor == 39)
    }

    @Test func wrapBreaksLongWordsAndKeepsHangingIndent() {
        #expect(wrap("• en två tre fyra", width: 8, indent: "  ") == ["• en två", "  tre", "  fyra"])
        #expect(wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(wrap("rad ett\nrad två", width: 20) == ["rad ett", "rad två"])
        #expect(wrap(String(repeating: "x ", count: 10_000), width: 10, maxLines: 3).count == 3)
    }
}

@Suite struct RetireCycleSnapshotTests {
    @Test func retiringACycleNamesItAndItsMeetings() {
        var state = AppState(language: .sv)
        let cycle = Cycle(id: 1, area: "LPO Fagersta", period: "2027", createdAt: 0)
        _ = state.update(.homeLoaded([CycleOverview(cycle: cycle, meetings: [
            Meeting(id: 7, cycleID: 1, agendaID: "x", title: "VAD Fagersta", createdAt: 0),
            Meeting(id: 8, cycleID: 1, agendaID: "x", title: "HUR Fagersta", createdAt: 0)]),
            CycleOverview(cycle: Cycle(id: 2, area: "LPO Fagersta", period: "2026", createdAt: 0), meetings: [], retired: true)]))
        _ = state.update(.key(.function(8)))
        assertSnapshot(Screens.render(state, size: Size(width: 80, height: 24)), "home-retire-cycle-80x24")
        _ = state.update(.key(.char("n")))
        _ = state.update(.key(.char("v")))
        _ = state.update(.homeLoaded([CycleOverview(cycle: cycle, meetings: []),
                                      CycleOverview(cycle: Cycle(id: 2, area: "LPO Fagersta", period: "2026", createdAt: 0), meetings: [],
                                                    retired: true)]))
        assertSnapshot(Screens.render(state, size: Size(width: 80, height: 24)), "home-showing-retired-80x24")
    }
}
