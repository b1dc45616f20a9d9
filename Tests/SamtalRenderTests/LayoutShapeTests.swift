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
    static func notes(_ count: Int, stepID: String = "lokal-lagesbild") -> [Note] {
        (0..<count).map { i in
            Note(id: Int64(i + 1), meetingID: 3, stepID: stepID, group: (i * 4 / count + 1) % 4, type: NoteType.allCases[i % 5],
                 source: .employee, text: texts[i % texts.count], createdAt: Double(i))
        }
    }

    static func running(notes count: Int, role: RunRole = .facilitator) -> AppState {
        var state = AppState(language: .sv, now: 10_000, today: "2026-12-03")
        _ = state.update(.meetingOpened(OpenedMeeting(meeting: ScreenFixtures.meeting, agenda: ScreenFixtures.agenda,
                                                      stepSeconds: [:], notes: notes(count), role: role)))
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
