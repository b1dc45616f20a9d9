// A step's notes, by group, as the facilitator and the stations see them.

import SamtalCore

extension Screens {
    static func groupsLegend(_ run: RunState, texts t: Texts) -> String {
        let groups = (1...max(1, run.meeting.groupCount)).map(String.init).joined(separator: " · ")
        return "\(t[.groupLabel]) \(groups) · \(t[.plenary].lowercased())"
    }

    static func typeRole(_ type: NoteType) -> Role {
        switch type {
        case .problem: return .typeProblem
        case .opportunity: return .typeOpportunity
        case .positive: return .typePositive
        case .question: return .typeQuestion
        case .decision: return .typeDecision
        }
    }

    static func drawNotes(_ grid: inout Grid, run: RunState, rect: Rect, texts t: Texts, onlyGroup: Int? = nil) {
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
        for note in notes {
            if note.group != lastGroup {
                lines.append(Line(text: "\(t.group(note.group)) (\(counts[note.group] ?? 0))", style: Style(.heading, bold: true),
                                  typeStyle: .normal))
                lastGroup = note.group
            }
            LayoutWork.item()
            let selected = note.id == run.selection
            // The marks after the text (author, hidden, personal data) get
            // room of their own: they never cover a word.
            let wrapped = wrap(note.text, width: max(8, textWidth - marks(note, run: run, texts: t).reduce(0) { $0 + DisplayWidth.of($1.0) }),
                               maxLines: max(1, inner.height - 1))
            let start = lines.count
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
        // Counted in notes (not lines, not group headings): "+3" is three notes.
        let shown = Set(lines[first...].prefix(inner.height).compactMap(\.noteID))
        overflowMarks(&grid, above: Set(lines[..<first].compactMap(\.noteID)).subtracting(shown).count,
                      below: Set(lines[min(lines.count, first + inner.height)...].compactMap(\.noteID)).subtracting(shown).count, rect: inner)
        for (i, line) in lines[first...].prefix(inner.height).enumerated() {
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
                var x = min(end, inner.maxX - width)
                for (mark, style) in marks { x = grid.text(mark, x: x, y: y, maxX: inner.maxX, style: style) }
            }
        }
    }

    /// What is said of a note after its text, each mark by a sign and a
    /// word, not by colour alone.
    static func marks(_ note: Note, run: RunState, texts t: Texts) -> [(String, Style)] {
        var marks: [(String, Style)] = []
        if !note.author.isEmpty { marks.append((" – \(note.author)", Style(.dim))) }
        if note.hidden { marks.append((" (\(t[.hiddenMark]))", Style(.dim))) }
        // Not committed yet: sent to the store, which may be busy.
        if note.id < 0 { marks.append((" (\(t[.savingMark]))", Style(.dim))) }
        if let kinds = run.personalData[note.id] {
            if note.personalDataChecked {
                marks.append((" ✓ \(t[.checkedMark])", Style(.dim)))
            } else {
                marks.append((" ⚠ " + kinds.map { shortPersonalData($0, texts: t) }.joined(separator: ",") + "?", Style(.warning, bold: true)))
            }
        }
        return marks
    }

    static func shortPersonalData(_ k: PersonalDataKind, texts t: Texts) -> String {
        switch (k, t.language) {
        case (.personalNumber, .sv): return "pnr"
        case (.personalNumber, .en): return "id no"
        case (.phoneNumber, _): return "tel"
        case (.email, .sv): return "e-post"
        case (.email, .en): return "e-mail"
        case (.licensePlate, .sv): return "regnr"
        case (.licensePlate, .en): return "plate"
        }
    }
}
