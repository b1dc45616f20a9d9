// The notes view lays out only what is in view (issue 15); it must draw
// exactly what laying out every note drew.

import Testing
import SamtalCore
@testable import SamtalRender

/// The notes view as it was before issue 15 (every note laid out, every
/// frame), kept as the reference the windowed layout must match cell for
/// cell.
extension Screens {
    static func referenceDrawNotes(_ grid: inout Grid, run: RunState, rect: Rect, texts t: Texts, onlyGroup: Int? = nil) {
        let notes = onlyGroup.map { g in run.notes.filter { $0.group == g } } ?? run.notes
        let inner = grid.box(rect, title: "\(t[.notesHeading]) (\(notes.count))", right: onlyGroup == nil ? groupsLegend(run, texts: t) : "")
        guard inner.width > 4, inner.height > 0 else { return }
        if notes.isEmpty {
            grid.text(truncate(t[.noNotes], width: inner.width), x: inner.x + 1, y: inner.y, style: Style(.dim))
            return
        }
        let typeWidth = NoteType.allCases.map { DisplayWidth.of(t.noteType($0)) }.max()! + 2
        let textWidth = max(4, inner.width - typeWidth - 2)
        // Lay out lines: a heading per group, then each note wrapped.
        struct Line { var text: String; var style: Style; var typeLabel: String?; var typeStyle: Style; var noteID: Int64? }
        var lines: [Line] = []
        var selectedRange: Range<Int>?
        var newestRange: Range<Int>?
        // The note written last (a provisional one is the newest of all).
        let newest = notes.max { ($0.id < 0 ? 1 : 0, $0.createdAt, abs($0.id)) < ($1.id < 0 ? 1 : 0, $1.createdAt, abs($1.id)) }?.id
        var lastGroup: Int?
        let counts = Dictionary(grouping: notes, by: \.group).mapValues(\.count)
        var headingOf: [Int: Line] = [:]
        for note in notes {
            let start = lines.count
            if note.group != lastGroup {
                let heading = Line(text: "\(t.group(note.group)) (\(counts[note.group] ?? 0))", style: Style(.heading, bold: true),
                                   typeStyle: .normal)
                lines.append(heading)
                headingOf[note.group] = heading
                lastGroup = note.group
            }
            let selected = note.id == run.selection
            // The marks after the text (author, hidden, personal data) get
            // room of their own: they never cover a word.
            let wrapped = wrap(note.text, width: max(8, textWidth - marks(note, run: run, texts: t).reduce(0) { $0 + DisplayWidth.of($1.0) }),
                               maxLines: max(1, inner.height - 1))
            // A note's range holds its group's heading when it is the
            // group's first: the heading comes into view with it.
            for (i, part) in wrapped.enumerated() {
                lines.append(Line(text: part, style: Style(.normal, reverse: selected),
                                  typeLabel: i == 0 ? t.noteType(note.type) : nil,
                                  typeStyle: Style(typeRole(note.type), bold: true, reverse: selected), noteID: note.id))
            }
            if selected { selectedRange = start..<lines.count }
            if note.id == newest { newestRange = start..<lines.count }
        }
        // The bottom of the list is in view, and the note written last (the
        // plenary's stands above the groups'); a selection is kept in view.
        var first = max(0, lines.count - inner.height)
        if let r = selectedRange ?? newestRange {
            if r.lowerBound < first { first = r.lowerBound }
            if r.upperBound > first + inner.height { first = r.upperBound - inner.height }
        }
        let window = Array(lines[first...].prefix(inner.height))
        var visible = window
        // The group of the line at the top named there when its heading is
        // out of view (the twenty-second session's walk: at 80×24 a
        // group's notes stood under no heading), unless that line is the
        // note kept in view's.
        let anchor = run.selection.flatMap { id in notes.contains { $0.id == id } ? id : nil } ?? newest
        if let top = visible.first, let id = top.noteID, id != anchor, let note = notes.first(where: { $0.id == id }) {
            visible[0] = headingOf[note.group]!
        }
        // Counted in notes (not lines, not group headings): "+3" is three
        // notes; a note whose first line is out of view is not shown.
        let shown = Set(visible.filter { $0.typeLabel != nil }.compactMap(\.noteID))
        overflowMarks(&grid, above: Set(lines[..<first].compactMap(\.noteID) + window.compactMap(\.noteID)).subtracting(shown).count,
                      below: Set(lines[min(lines.count, first + inner.height)...].compactMap(\.noteID)).subtracting(shown).count, rect: inner)
        for (i, line) in visible.enumerated() {
            let y = inner.y + i
            if line.noteID == nil {
                grid.text(truncate(line.text, width: inner.width), x: inner.x, y: y, style: line.style)
                continue
            }
            if line.style.reverse { grid.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: line.style) }
            if let label = line.typeLabel {
                // The selection is marked by a sign too, not by reverse video alone.
                let marker = line.style.reverse ? "› " : "  "
                grid.text(marker + pad(label, width: typeWidth - 2), x: inner.x, y: y, style: line.typeStyle)
            }
            let end = grid.text(line.text, x: inner.x + typeWidth + 1, y: y, maxX: inner.maxX, style: line.style)
            if line.typeLabel != nil, let id = line.noteID, let note = run.notes.first(where: { $0.id == id }) {
                let marks = marks(note, run: run, texts: t)
                let width = marks.reduce(0) { $0 + DisplayWidth.of($1.0) }
                // A note going on below: its marks at the right edge.
                let goesOn = i + 1 < visible.count && visible[i + 1].noteID == id
                var x = goesOn ? inner.maxX - width : min(end, inner.maxX - width)
                for (mark, style) in marks { x = grid.text(mark, x: x, y: y, maxX: inner.maxX, style: style) }
            }
        }
    }
}

@Suite("The windowed notes view draws what the full layout drew")
struct NotesWindowEquivalenceTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
    }

    static let words = ["mopeder", "Storgatan", "kvällstid", "åäö", "😀", "中文", "gångtunneln", "ring", "070-123 45 67",
                        "ABC 123", "x", "a-very-long-word-that-never-fits-on-one-line-of-the-notes-box", "\n", "e\u{301}"]

    @Test("random steps, sizes, selections and stations: the same grid as the full layout")
    func randomCases() {
        var rng = Generator(state: 15)
        for case_ in 0..<400 {
            let count = Int.random(in: 0...40, using: &rng)
            let groups = Int.random(in: 1...4, using: &rng)
            var notes: [Note] = []
            for i in 0..<count {
                let n = Int.random(in: 1...(case_ % 3 == 0 ? 40 : 8), using: &rng)
                let text = (0..<n).map { _ in Self.words.randomElement(using: &rng)! }.joined(separator: " ")
                let provisional = Int.random(in: 0..<10, using: &rng) == 0
                notes.append(Note(id: provisional ? -Int64(i + 1) : Int64(i + 1), meetingID: 3, stepID: "lokal-lagesbild",
                                  group: Int.random(in: 0..<groups, using: &rng), type: NoteType.allCases.randomElement(using: &rng)!,
                                  source: .employee, text: text,
                                  createdAt: provisional ? 1e15 + Double(i) : Double(Int.random(in: 0..<20, using: &rng)),
                                  hidden: Int.random(in: 0..<5, using: &rng) == 0,
                                  author: Int.random(in: 0..<4, using: &rng) == 0 ? "Erik" : ""))
            }
            let station = Int.random(in: 0..<3, using: &rng) == 0 ? Int.random(in: 0..<groups, using: &rng) : nil
            let role: RunRole = station.map { .station(group: $0, name: "Erik") } ?? .facilitator
            var run = RunState(opened: OpenedMeeting(meeting: ScreenFixtures.meeting, agenda: ScreenFixtures.agenda, stepSeconds: [:],
                                                     notes: notes, role: role), now: 0)
            if !notes.isEmpty, Int.random(in: 0..<2, using: &rng) == 0 { run.selection = notes.randomElement(using: &rng)!.id }
            let size = Size(width: Int.random(in: 24...110, using: &rng), height: Int.random(in: 3...30, using: &rng))
            let rect = Rect(x: 0, y: 0, width: size.width, height: size.height)
            let texts = Texts(Int.random(in: 0..<2, using: &rng) == 0 ? .sv : .en)
            var expected = Grid(size), actual = Grid(size)
            Screens.referenceDrawNotes(&expected, run: run, rect: rect, texts: texts, onlyGroup: station)
            Screens.drawNotes(&actual, run: run, rect: rect, texts: texts, onlyGroup: station)
            #expect(actual.text == expected.text, "case \(case_): \(count) notes, \(size), selection \(String(describing: run.selection)), station \(String(describing: station))")
            let same = actual == expected // the cells with their styles
            #expect(same, "case \(case_): the styles differ")
            if !same { break }
        }
    }
}

@Suite("The list made row by row draws what the list of every row drew")
struct LazyListEquivalenceTests {
    @Test("random lengths, selections and sizes: the same grid as drawList of an array")
    func randomCases() {
        var rng = NotesWindowEquivalenceTests.Generator(state: 42)
        for case_ in 0..<300 {
            let count = Int.random(in: 0...40, using: &rng)
            let items = (0..<count).map { i in
                let n = Int.random(in: 1...(case_ % 2 == 0 ? 30 : 6), using: &rng)
                let text = (0..<n).map { _ in NotesWindowEquivalenceTests.words.randomElement(using: &rng)! }.joined(separator: " ")
                return Screens.ListItem(text: text, style: Int.random(in: 0..<2, using: &rng) == 0 ? .normal : Style(.dim), index: i)
            }
            let selected: Int? = Int.random(in: 0..<4, using: &rng) == 0 ? nil : Int.random(in: -1...count, using: &rng)
            let size = Size(width: Int.random(in: 3...80, using: &rng), height: Int.random(in: 1...25, using: &rng))
            let rect = Rect(x: 0, y: 0, width: size.width, height: size.height)
            let active = Int.random(in: 0..<2, using: &rng) == 0
            var expected = Grid(size), actual = Grid(size)
            Screens.drawList(&expected, items, selected: selected, rect: rect, active: active)
            Screens.drawList(&actual, count: count, selected: selected, rect: rect, active: active) { items[$0] }
            let same = actual == expected
            #expect(same, "case \(case_): \(count) rows, \(size), selected \(String(describing: selected))\n\(expected.text)\n---\n\(actual.text)")
            if !same { break }
        }
    }
}
