// The shape of a frame's cost (issue 15): rendering a step with 3,000
// notes lays out no more than rendering one with 30 (at most 1.2 times).
// Counted, not timed: `LayoutWork` counts the notes laid out and the bytes
// of text measured for their display width.

import Testing
import SamtalCore
@testable import SamtalRender

enum ShapeFixtures {
    static let texts = [
        "Buskörning med mopeder vid Storgatan kvällstid, särskilt fredagar",
        "Fältassistenterna känner ungdomarna och kan nå dem",
        "Otrygghet i gångtunneln vid stationen efter mörkrets inbrott",
        "Nedsläckt parkering bakom ICA",
        "Skadegörelse på busskuren vid skolan, varje helg sedan i våras",
    ]

    /// `count` notes of the collect step, in the groups 1…3 and the
    /// plenary; the last ones (those in view) are the same for every count.
    /// `epoch` moves every note's time alike: the same notes, laid out the
    /// same, that no frame drawn before (another test's) has kept.
    static func notes(_ count: Int, stepID: String = "lokal-lagesbild", epoch: Double = 0) -> [Note] {
        (0..<count).map { i in
            Note(id: Int64(i + 1), meetingID: 3, stepID: stepID, group: (i * 4 / count + 1) % 4, type: NoteType.allCases[i % 5],
                 source: .employee, text: texts[i % texts.count], createdAt: epoch + Double(i))
        }
    }

    /// An epoch no other call has had.
    static func freshEpoch() -> Double { Double(UInt32.random(in: 1...UInt32.max)) * 1_000 }

    static func running(notes count: Int, role: RunRole = .facilitator, epoch: Double = 0) -> AppState {
        var state = AppState(language: .sv, now: 10_000, today: "2026-12-03")
        _ = state.update(.meetingOpened(OpenedMeeting(meeting: ScreenFixtures.meeting, agenda: ScreenFixtures.agenda,
                                                      stepSeconds: [:], notes: notes(count, epoch: epoch), role: role)))
        return state
    }
}

@Suite("The layout work of a frame does not grow with the notes")
struct LayoutShapeTests {
    /// The work of rendering `state` after `keys`, at 100×30.
    func work(_ state: AppState, keys: [Key]) -> LayoutWork {
        var state = state
        for key in keys { _ = state.update(.key(key)) }
        return LayoutWork.count { _ = Screens.render(state, size: Size(width: 100, height: 30)) }
    }

    func expectFlat(_ small: LayoutWork, _ large: LayoutWork, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(Double(large.items) <= 1.2 * Double(small.items), "notes laid out: \(small.items) → \(large.items)",
                sourceLocation: sourceLocation)
        #expect(Double(large.measuredBytes) <= 1.2 * Double(small.measuredBytes),
                "bytes measured: \(small.measuredBytes) → \(large.measuredBytes)", sourceLocation: sourceLocation)
    }

    @Test("typing on the note line: 3,000 notes in the step cost at most 1.2× 30")
    func typingOnTheNoteLine() {
        let keys: [Key] = "Ny anteckning".map { .char($0) }
        let small = work(ShapeFixtures.running(notes: 30), keys: keys)
        let large = work(ShapeFixtures.running(notes: 3000), keys: keys)
        #expect(small.items > 0)
        expectFlat(small, large)
    }

    @Test("a selection moved up through the notes: 3,000 cost at most 1.2× 30")
    func selectionUp() {
        let keys = [Key](repeating: .up, count: 20)
        expectFlat(work(ShapeFixtures.running(notes: 30), keys: keys), work(ShapeFixtures.running(notes: 3000), keys: keys))
    }

    @Test("a station (one group's notes): 3,000 in the step cost at most 1.2× 30")
    func station() {
        let role = RunRole.station(group: 3, name: "Erik")
        let keys: [Key] = "Fler papperskorgar".map { .char($0) }
        // A quarter of the notes are group 3's: 30 of 120 against 750 of 3,000.
        expectFlat(work(ShapeFixtures.running(notes: 120, role: role), keys: keys),
                   work(ShapeFixtures.running(notes: 3000, role: role), keys: keys))
    }
}

@Suite("The cluster step's frame does not grow with the notes to group")
struct ClusterShapeTests {
    /// A cluster step gathering `count` notes, three areas of a few notes.
    func state(notes count: Int, keys: [Key]) -> AppState {
        var notes = ShapeFixtures.notes(count, stepID: "lokal-lagesbild")
        for i in notes.indices { notes[i].text += " (\(i % 30))" }
        let areas = [StepFixtures.area(10, "Storgatan kvällstid", notes: [1, 2, 3]), StepFixtures.area(11, "Gångtunneln", notes: [4, 5]),
                     StepFixtures.area(12, "Unga som begår brott", .group)]
        return StepFixtures.state(.cluster, settings: ["notes_from": "cycle"],
                                  data: StepData(stepID: "steget", sourceNotes: notes, focusAreas: areas), keys: keys)
    }

    func work(_ state: AppState) -> LayoutWork {
        LayoutWork.count { _ = Screens.render(state, size: Size(width: 100, height: 30)) }
    }

    @Test("a 200 KB note among them, placed in an area and selected or not, costs a frame what a note of a line does", arguments: [
        [Key](), [Key](repeating: .down, count: 2), [.tab, .down],
    ])
    func aHugeNote(keys: [Key]) {
        // Not plain text (an emoji every sentence), so it is measured by
        // grapheme cluster; placed in the first area and among the notes.
        func state(_ text: String) -> AppState {
            var notes = ShapeFixtures.notes(30, stepID: "lokal-lagesbild")
            notes[1].text = text
            let areas = [StepFixtures.area(10, "Storgatan kvällstid", notes: [1, 2, 3]), StepFixtures.area(11, "Gångtunneln", notes: [4, 5])]
            return StepFixtures.state(.cluster, settings: ["notes_from": "cycle"],
                                      data: StepData(stepID: "steget", sourceNotes: notes, focusAreas: areas), keys: keys)
        }
        let huge = String(repeating: "Mopeder kör fort på gång- och cykelvägen vid skolan 🛵 – ”farligt” ", count: 3_000)
        #expect(huge.utf8.count > 200_000)
        let small = work(state("Mopeder kör fort på gång- och cykelvägen vid skolan 🛵"))
        let large = work(state(huge))
        #expect(Double(large.measuredBytes) <= 1.2 * Double(small.measuredBytes) + 2_000,
                "bytes measured: \(small.measuredBytes) → \(large.measuredBytes)")
    }

    @Test("typing a new area's name with 1,000 notes from the cycle costs at most 1.2× 30", arguments: [
        [Key](repeating: .down, count: 3) + "Centrum".map { .char($0) },
        [Key](repeating: .down, count: 25),
    ])
    func typingAndMoving(keys: [Key]) {
        let small = work(state(notes: 30, keys: keys))
        let large = work(state(notes: 1000, keys: keys))
        #expect(small.items > 0)
        #expect(Double(large.items) <= 1.2 * Double(small.items), "notes laid out: \(small.items) → \(large.items)")
        #expect(Double(large.measuredBytes) <= 1.2 * Double(small.measuredBytes), "bytes measured: \(small.measuredBytes) → \(large.measuredBytes)")
    }
}

@Suite("Display width's fast paths agree with the tables")
struct DisplayWidthFastPathTests {
    @Test("every scalar the fast paths take: the same width and the same cell as through the tables")
    func fastPathsAgree() {
        let ranges: [ClosedRange<UInt32>] = [0x00...0x2FF, 0x2500...0x259F, 0x2000...0x206F]
        for v in ranges.joined() {
            guard let scalar = Unicode.Scalar(v) else { continue }
            #expect(DisplayWidth.of(scalar) == DisplayWidth.tableWidth(scalar), "U+\(String(v, radix: 16))")
            let g = Character(scalar)
            let (fast, fastWidth) = DisplayWidth.cell(for: g)
            let (table, tableWidth) = DisplayWidth.tableCell(for: g)
            #expect(fast == table && fastWidth == tableWidth, "U+\(String(v, radix: 16))")
        }
        // Strings: ASCII counted in bytes, the rest through the cells.
        for s in ["Storgatan 12", "åäö ÅÄÖ", "─│┌┐", "e\u{301}", "中文 😀", "\u{AD}", "a\tb", "rad\r\nrad"] {
            #expect(DisplayWidth.of(s) == s.reduce(0) { $0 + DisplayWidth.tableCell(for: $1).1 }, "\(s.debugDescription)")
            for n in 0...8 {
                var expected = "", used = 0
                for g in s {
                    let w = DisplayWidth.tableCell(for: g).1
                    if used + w > n { break }
                    expected.append(g)
                    used += w
                }
                #expect(DisplayWidth.prefix(s, columns: n) == expected, "\(s.debugDescription) in \(n)")
            }
        }
    }
}

@Suite("A frame's repeated work is not done again")
struct RepeatedWorkTests {
    @Test("wrapped text kept from one frame to the next is what wrapping again gives")
    func wrapMemo() {
        let texts = ShapeFixtures.texts + ["", "a\n\nb", "ord " + String(repeating: "långt", count: 40), "中文 😀 e\u{301} Storgatan 12",
                                           String(repeating: "x ", count: 1_500)]
        for text in texts {
            for (width, indent, maxLines) in [(1, "", 1000), (12, "  ", 3), (40, "", 1000), (80, "· ", 2)] {
                let direct = wrapText(text, width: width, indent: indent, maxLines: maxLines)
                #expect(wrap(text, width: width, indent: indent, maxLines: maxLines) == direct)
                #expect(wrap(text, width: width, indent: indent, maxLines: maxLines) == direct) // kept from the first
            }
        }
    }

    @Test("printable ASCII is drawn cell by cell as its characters are, clipped the same")
    func asciiText() {
        for (text, x, maxX) in [("Avsluta F10", 2, 40), ("abc def", -2, 5), ("Grupp 2 · problem", 0, 100), ("tab\there", 1, 30)] {
            var grid = Grid(Size(width: 30, height: 2))
            let end = grid.text(text, x: x, y: 1, maxX: maxX)
            var expected = Grid(Size(width: 30, height: 2))
            var col = x
            for g in text {
                let (shown, w) = DisplayWidth.tableCell(for: g)
                if col + w > min(maxX, 30) { break }
                if col >= 0 { expected.put(col, 1, Cell(shown, width: w)) }
                col += w
            }
            #expect(grid == expected, "\(text)")
            #expect(end == col, "\(text)")
        }
    }
}

/// The work of the frame drawn after `change`, the one before it drawn
/// first: what a frame costs while the records stay as they are.
func frameWork(_ state: AppState, size: Size = Size(width: 100, height: 30), after change: (inout AppState) -> Void) -> LayoutWork {
    var state = state
    _ = Screens.render(state, size: size)
    change(&state)
    return LayoutWork.count { _ = Screens.render(state, size: size) }
}

/// At most 1.2× the work: notes laid out, bytes measured, records visited.
func expectFlat(_ small: LayoutWork, _ large: LayoutWork, _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(Double(large.items) <= 1.2 * Double(small.items), "\(what) laid out: \(small.items) → \(large.items)",
            sourceLocation: sourceLocation)
    #expect(Double(large.measuredBytes) <= 1.2 * Double(small.measuredBytes),
            "\(what) bytes measured: \(small.measuredBytes) → \(large.measuredBytes)", sourceLocation: sourceLocation)
    #expect(Double(large.visited) <= 1.2 * Double(small.visited), "\(what) records visited: \(small.visited) → \(large.visited)",
            sourceLocation: sourceLocation)
}

@Suite("The projector's wall does not grow with the notes")
struct ProjectorShapeTests {
    /// The wall held at `page` by the facilitator (turned just now).
    static func turn(_ state: inout AppState, to page: Int) {
        guard case .run(let run) = state.screen else { return }
        var meeting = run.meeting
        meeting.wallPage = page
        meeting.wallTurnedAt = state.now
        _ = state.update(.meetingFollowed(meeting, stepSeconds: [:]))
    }

    /// The projector on the collect step with `count` notes, on the wall's
    /// first page; its wall kept by no frame drawn before.
    func collect(notes count: Int) -> AppState {
        var state = ShapeFixtures.running(notes: count, role: .projector, epoch: ShapeFixtures.freshEpoch())
        Self.turn(&state, to: 0)
        return state
    }

    /// The projector on a cluster step gathering `count` notes from the cycle.
    func cluster(notes count: Int) -> AppState {
        let notes = ShapeFixtures.notes(count, stepID: "lokal-lagesbild", epoch: ShapeFixtures.freshEpoch())
        let areas = [StepFixtures.area(10, "Storgatan kvällstid", notes: [1, 2, 3]), StepFixtures.area(11, "Gångtunneln", notes: [4, 5])]
        var state = StepFixtures.state(.cluster, settings: ["notes_from": "cycle"],
                                       data: StepData(stepID: "steget", sourceNotes: notes, focusAreas: areas), role: .projector)
        Self.turn(&state, to: 0)
        return state
    }

    static func tick(_ state: inout AppState) {
        _ = state.update(.tick(now: state.now + 1, today: "2026-12-03"))
    }

    /// 30 notes fill a page at 100×30; at 160×45 a page holds about 50.
    @Test("a frame of the collect wall (the clock's second): 3,000 notes cost at most 1.2× a page's worth", arguments: [
        (Size(width: 100, height: 30), 30), (Size(width: 160, height: 45), 100),
    ])
    func collectFrame(size: Size, small count: Int) {
        // A page's worth: the first frame of a wall that fills one page.
        let page = LayoutWork.count { _ = Screens.render(collect(notes: count), size: size) }
        let large = frameWork(collect(notes: 3000), size: size, after: Self.tick)
        #expect(page.items > 0)
        expectFlat(page, large, "notes")
        // The page shown is kept: the clock's frame lays none of it out
        // again (unless another test's walls pushed it out meanwhile).
        #expect(large.items <= page.items)
    }

    /// Turned from the second page: with 30 notes (two pages) the wall
    /// goes round to its first page, with 3,000 to its third; both full.
    @Test("the collect wall turning a page: 3,000 notes cost at most 1.2× 30")
    func collectPageTurn() {
        let turn: (inout AppState) -> Void = { Self.turn(&$0, to: 2) }
        var small = collect(notes: 30), large = collect(notes: 3000)
        Self.turn(&small, to: 1)
        Self.turn(&large, to: 1)
        let smallWork = frameWork(small, after: turn)
        let largeWork = frameWork(large, after: turn)
        #expect(smallWork.items > 0)
        expectFlat(smallWork, largeWork, "notes")
        // And the page turned to is the one drawn.
        _ = Screens.render(large, size: Size(width: 100, height: 30))
        turn(&large)
        #expect(Screens.render(large, size: Size(width: 100, height: 30)).text.contains("sida 3/"))
    }

    @Test("a note that arrives is on the wall at once: what was kept of the wall is not used for other notes")
    func aNewNoteIsOnTheWall() {
        var state = collect(notes: 30)
        let size = Size(width: 100, height: 30)
        #expect(Screens.render(state, size: size).text.contains("Grupp 1 (8)"))
        var notes = ShapeFixtures.notes(30)
        notes.append(Note(id: 31, meetingID: 3, stepID: "lokal-lagesbild", group: 1, type: .problem, source: .employee,
                          text: "Helt ny anteckning", createdAt: -1))
        _ = state.update(.stepLoaded(StepData(stepID: "lokal-lagesbild", notes: notes)))
        let screen = Screens.render(state, size: size).text
        #expect(screen.contains("Helt ny anteckning") && screen.contains("Grupp 1 (9)"), "\(screen)")
    }

    @Test("a frame of the cluster wall: 1,000 notes from the cycle cost at most 1.2× 30")
    func clusterFrame() {
        let page = LayoutWork.count { _ = Screens.render(cluster(notes: 30), size: Size(width: 100, height: 30)) }
        let large = frameWork(cluster(notes: 1000), after: Self.tick)
        #expect(page.items > 0)
        expectFlat(page, large, "notes")
    }
}

@Suite("The cluster step's areas do not grow with the notes placed")
struct ClusterAreasShapeTests {
    /// A cluster step gathering `count` notes, every one placed in one of
    /// three areas.
    func state(notes count: Int) -> AppState {
        var notes = ShapeFixtures.notes(count, stepID: "lokal-lagesbild")
        for i in notes.indices { notes[i].text += " (\(i % 30))" }
        let ids = notes.map(\.id)
        let third = count / 3
        let areas = [StepFixtures.area(10, "Storgatan kvällstid", notes: Array(ids[..<third])),
                     StepFixtures.area(11, "Gångtunneln", notes: Array(ids[third..<(2 * third)])),
                     StepFixtures.area(12, "Unga som begår brott", .group, notes: Array(ids[(2 * third)...]))]
        return StepFixtures.state(.cluster, settings: ["notes_from": "cycle"],
                                  data: StepData(stepID: "steget", sourceNotes: notes, focusAreas: areas))
    }

    @Test("a key in the areas pane or the notes pane with 1,000 notes placed costs at most 1.2× 30", arguments: [
        [Key.tab, .down],
        [Key.tab, .down, .down],
        [Key.down],
        [Key](repeating: .down, count: 3) + "Centrum".map { .char($0) },
    ])
    func keys(keys: [Key]) {
        let press: (inout AppState) -> Void = { state in for k in keys { _ = state.update(.key(k)) } }
        let small = frameWork(state(notes: 30), after: press)
        let large = frameWork(state(notes: 1000), after: press)
        #expect(small.items > 0)
        expectFlat(small, large, "notes")
    }
}

/// A cycle's analysis with `n` of every record: notes, focus areas (the
/// first holding every note), problems, causes under the first area's
/// problem, activities (each after the one before), goals and follow-ups.
enum WorkspaceShapeFixtures {
    static func analysis(_ n: Int) -> CycleAnalysis {
        let notes = ShapeFixtures.notes(n)
        let ids: [Int64] = notes.map(\.id)
        var areas: [FocusArea] = []
        var problems: [Problem] = []
        var causes: [Cause] = []
        var activities: [Activity] = []
        var goals: [Goal] = []
        var followUps: [FollowUp] = []
        for i in 0..<n {
            let k = Int64(i)
            let noteIDs: [Int64] = i == 0 ? ids : [ids[i]]
            let picture = i == 0 ? "En upplyst gata där alla går lugnt" : ""
            areas.append(FocusArea(id: 1000 + k, cycleID: 1, meetingID: 3, stepID: "fokusomraden", name: "Område \(i + 1) vid Storgatan",
                                   type: .place, targetPicture: picture, noteIDs: noteIDs, createdAt: Double(i)))
            let answers: [ProblemQuestion: String] = [.what: "Otrygghet kring område \(i + 1)"]
            problems.append(Problem(id: 2000 + k, cycleID: 1, focusAreaID: 1000 + k, meetingID: 3, stepID: "workspace", answers: answers,
                                    createdAt: Double(i)))
            let parent: Int64? = i == 0 ? nil : 3000 + Int64((i - 1) / 2)
            causes.append(Cause(id: 3000 + k, problemID: 2000, parentID: parent,
                                text: "Orsak \(i + 1): dålig belysning och ingen som äger ansvaret", createdAt: Double(i)))
            let after: [Int64] = i == 0 ? [] : [4000 + k - 1]
            activities.append(Activity(id: 4000 + k, cycleID: 1, meetingID: 3, stepID: "workspace", focusAreaID: 1000 + k,
                                       what: "Aktivitet \(i + 1): trygghetsvandring", responsible: "Lokalpolisen", start: "2027-02",
                                       end: "2027-04", dependsOn: after, createdAt: Double(i)))
            goals.append(Goal(id: 5000 + k, cycleID: 1, focusAreaID: 1000, kind: .effect, text: "Mål \(i + 1): färre otrygga",
                              activityIDs: [4000 + k], createdAt: Double(i)))
            followUps.append(FollowUp(id: 6000 + k, cycleID: 1, activityID: 4000 + k, aspect: .resource, status: .done, date: "2027-05-02",
                                      createdAt: Double(i)))
        }
        var dots: [Int64: Int] = [:]
        for (i, a) in areas.enumerated() { dots[a.id] = i % 7 }
        var byID: [Int64: Note] = [:]
        for note in notes { byID[note.id] = note }
        return CycleAnalysis(cycle: WorkspaceFixtures.cycle, meetings: [ScreenFixtures.meeting], focusAreas: areas, dots: dots,
                             promiseAreas: [1000], problems: problems, causes: [2000: causes], activities: activities,
                             goals: goals, promise: Promise(cycleID: 1), followUps: followUps, notes: byID)
    }

    static func state(_ n: Int, tab: WorkspaceTab, keys: [Key] = []) -> AppState {
        var state = AppState(language: .sv, now: 0, today: "2026-12-03")
        _ = state.openWorkspace(cycleID: 1)
        _ = state.update(.analysisLoaded(analysis(n)))
        for _ in 0..<tab.rawValue { _ = state.update(.key(.tab)) }
        for k in keys { _ = state.update(.key(k)) }
        return state
    }
}

@Suite("The analysis workspace does not grow with the cycle")
struct WorkspaceShapeTests {
    @Test("a key in a tab's list: a cycle of 3,000 of each record costs at most 1.2× 30", arguments: WorkspaceTab.allCases)
    func listKey(tab: WorkspaceTab) {
        // Some rows down first, so that the list has scrolled at 3,000.
        let keys = [Key](repeating: .down, count: 12)
        let press: (inout AppState) -> Void = { _ = $0.update(.key(.down)) }
        let small = frameWork(WorkspaceShapeFixtures.state(30, tab: tab, keys: keys), after: press)
        let large = frameWork(WorkspaceShapeFixtures.state(3000, tab: tab, keys: keys), after: press)
        expectFlat(small, large, "\(tab)")
    }

    @Test("typing in a record's form: a cycle of 3,000 of each record costs at most 1.2× 30", arguments: [
        (WorkspaceTab.activities, [Key.down, .function(4)]),
        (.goals, [.down, .function(4), .down]),
        (.problem, [.down, .function(2)]),
        (.followUp, [.down, .enter]),
    ])
    func formKey(tab: WorkspaceTab, open: [Key]) {
        let press: (inout AppState) -> Void = { _ = $0.update(.key(.char("x"))) }
        let small = frameWork(WorkspaceShapeFixtures.state(30, tab: tab, keys: open), after: press)
        let large = frameWork(WorkspaceShapeFixtures.state(3000, tab: tab, keys: open), after: press)
        guard case .workspace(let ws) = WorkspaceShapeFixtures.state(30, tab: tab, keys: open).screen, ws.form != nil else {
            Issue.record("no form open on \(tab)")
            return
        }
        expectFlat(small, large, "\(tab) form")
    }
}

@Suite("The wall names the heading a column continues")
struct WallContinuedTests {
    @Test("a note taller than a column goes on in the next ones, each under its area's heading said again")
    func tallBlockGoesOnUnderItsHeading() {
        let heading = WallLine(text: "Inbrott och stölder", style: Style(.heading, bold: true))
        let short = WallBlock(lines: [WallLine(lead: "• ", text: "Cykelstölder vid skolan")], under: heading)
        let tall = WallBlock(lines: [WallLine(lead: "• ", text: String(repeating: "Inbrott i förråd och kolonistugor ", count: 20))],
                             under: heading)
        let columns = Screens.wallLayout([WallBlock(lines: [heading]), short, tall], columnWidth: 40, height: 10, continued: "(forts.)")
        #expect(columns.count == 4)
        for column in columns.dropFirst() {
            #expect(column.first?.text == "Inbrott och stölder (forts.)")
            #expect(column.count <= 10)
        }
        let text = columns.dropFirst().flatMap { $0.dropFirst() }.map(\.text).joined(separator: " ")
        #expect(text == String(repeating: "Inbrott i förråd och kolonistugor ", count: 20).trimmingCharacters(in: .whitespaces))
        #expect(!text.contains("…"))
        // Laid out again from where a column starts, it is the same column.
        let all = [WallBlock(lines: [heading]), short, tall]
        let (laid, starts) = Screens.wallColumns(all[...], columnWidth: 40, height: 10, continued: "(forts.)")
        for (k, start) in starts.enumerated() {
            let again = Screens.wallColumns(all[...], from: start, columnWidth: 40, height: 10, continued: "(forts.)", atMost: 1).columns
            #expect(again.first?.map(\.text) == laid[k].map(\.text))
        }
    }

    @Test("a block longer than eight columns (a pasted book) is cut there, and says so")
    func aBookIsCut() {
        let book = WallBlock(lines: [WallLine(lead: "• ", text: String(repeating: "Inbrott i förråd och kolonistugor ", count: 2_000))])
        let columns = Screens.wallLayout([book], columnWidth: 40, height: 10, continued: "(forts.)")
        #expect(columns.count == Screens.wallBlockColumns)
        #expect(columns.last?.last?.text.hasSuffix("…") == true)
    }
}

@Suite("A refused paste is said whole on the status line")
struct PasteRefusedStatusTests {
    @Test("at 80 and 100 columns the paste's length and the limit are both on screen", arguments: [80, 100])
    func refusalFits(width: Int) {
        var state = ShapeFixtures.running(notes: 30)
        _ = state.update(.key(.paste(String(repeating: "Klotter på skolans gavel. ", count: 100_000))))
        let screen = Screens.render(state, size: Size(width: width, height: 24)).text
        #expect(screen.contains("Inget inklistrat: 2 600 000 tecken, högst 2 000 000"), "\(screen)")
    }
}
