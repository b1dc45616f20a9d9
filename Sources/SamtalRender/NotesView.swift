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

    /// What the notes panel is drawn from: all `layOutNotes` reads.
    struct NotesPanelKey: Equatable, Sendable {
        var notes: [Note]
        var selection: Int64?
        var groupCount: Int
        var personalData: [Int64: [PersonalDataKind]]
        var rect: Rect
        var onlyGroup: Int?
        var language: Language
        var size: Size
    }

    /// Panels drawn, by what they were drawn from (like `WrapMemo`): a key
    /// typed on the note line changes none of it, and laying out the notes
    /// in view was half of such a frame (issue 15).
    static let notesPanels = FrameMemo<NotesPanelKey, [Cell]>(capacity: 8)

    /// The notes panel in `rect`, which is blank: drawn once for what it
    /// is drawn from, then its cells copied. A test that counts layout
    /// work (`LayoutWork`) has it laid out every time.
    static func drawNotes(_ grid: inout Grid, run: RunState, rect: Rect, texts t: Texts, onlyGroup: Int? = nil) {
        let key = NotesPanelKey(notes: run.notes, selection: run.selection, groupCount: run.meeting.groupCount,
                                personalData: run.personalData, rect: rect, onlyGroup: onlyGroup, language: t.language, size: grid.size)
        kept(notesPanels, key, in: &grid, rect: rect) { layOutNotes(&$0, run: run, rect: rect, texts: t, onlyGroup: onlyGroup) }
    }

    /// Draws a panel confined to `rect`, a blank part of `grid`, once for
    /// `key` (all it is drawn from), then copies its cells from `memo`.
    /// A test that counts layout work (`LayoutWork`) has it drawn every
    /// time; `KeptPanelTests` holds what is copied to what is drawn.
    static func kept<Key: Equatable & Sendable>(_ memo: FrameMemo<Key, [Cell]>, _ key: Key, in grid: inout Grid, rect: Rect,
                                                draw: (inout Grid) -> Void) {
        guard LayoutWork.current == nil else {
            draw(&grid)
            return
        }
        let area = grid.clipped(rect)
        guard !area.isEmpty else { return }
        let size = grid.size
        let block = memo.value(key) {
            var panel = Grid(size)
            draw(&panel)
            return panel.cells(in: area)
        }
        grid.put(block, in: area)
    }

    static func layOutNotes(_ grid: inout Grid, run: RunState, rect: Rect, texts t: Texts, onlyGroup: Int?) {
        // The notes listed: all, or one group's, a run of positions in
        // `run.notes` (display order: group, then time).
        let index = run.noteIndex
        let groups = onlyGroup.map { g in index.groups.filter { $0.group == g } } ?? index.groups
        let listed = onlyGroup == nil ? run.notes.indices : groups.first?.range ?? 0..<0
        let inner = grid.box(rect, title: "\(t[.notesHeading]) (\(listed.count))", right: onlyGroup == nil ? groupsLegend(run, texts: t) : "")
        guard inner.width > 4, inner.height > 0 else { return }
        if listed.isEmpty {
            grid.text(truncate(t[.noNotes], width: inner.width), x: inner.x + 1, y: inner.y, style: Style(.dim))
            return
        }
        let typeWidth = NoteType.allCases.map { DisplayWidth.of(t.noteType($0)) }.max()! + 2
        let textWidth = max(4, inner.width - typeWidth - 2)
        let height = inner.height
        // Only what is in view is laid out: a heading per group, then each
        // note wrapped, walking from the note kept in view (the selection,
        // else the note written last) until the box is full. So a frame
        // costs the same with 30 notes in the step as with 3,000.
        struct Line { var text: String; var style: Style; var typeLabel: String?; var typeStyle: Style; var position: Int? }
        /// A note's lines, after its group's heading when it is the group's first.
        func block(_ p: Int) -> (lines: [Line], heading: Int) {
            LayoutWork.item()
            let note = run.notes[p]
            var lines: [Line] = []
            if let group = groups.first(where: { $0.range.lowerBound == p }) {
                lines.append(Line(text: "\(t.group(note.group)) (\(group.range.count))", style: Style(.heading, bold: true), typeStyle: .normal))
            }
            let heading = lines.count
            let selected = note.id == run.selection
            // The marks after the text (author, hidden, personal data) get
            // room of their own: they never cover a word.
            let wrapped = wrap(note.text, width: max(8, textWidth - marks(note, run: run, texts: t).reduce(0) { $0 + DisplayWidth.of($1.0) }),
                               maxLines: max(1, height - 1))
            for (i, part) in wrapped.enumerated() {
                lines.append(Line(text: part, style: Style(.normal, reverse: selected),
                                  typeLabel: i == 0 ? t.noteType(note.type) : nil,
                                  typeStyle: Style(typeRole(note.type), bold: true, reverse: selected), position: p))
            }
            return (lines, heading)
        }
        // The bottom of the list is in view, and the note written last (the
        // plenary's stands above the groups'); a selection is kept in view.
        let selected = run.selection.flatMap { index.position[$0] }.flatMap { listed.contains($0) ? $0 : nil }
        let newest = (onlyGroup == nil ? index.newest : groups.first?.newest).flatMap { index.position[$0] }
        let anchor = selected ?? newest ?? listed.upperBound - 1
        // From the bottom up: while the lines from the anchor's first line
        // (its group's heading, when it is the group's first) to the end
        // fit, the last `height` lines are shown.
        var laid: [Line] = []       // in order, the lines laid out
        var top = listed.upperBound // the first position laid out
        var last = listed.upperBound - 1 // the last
        var fromBottom = true
        while top > anchor {
            top -= 1
            laid.insert(contentsOf: block(top).lines, at: 0)
            if top == anchor {
                fromBottom = laid.count <= height
            } else if laid.count >= height {
                fromBottom = false
                break
            }
        }
        var window: Range<Int>     // of `laid`, the lines shown
        if fromBottom {
            while laid.count < height, top > listed.lowerBound {
                top -= 1
                laid.insert(contentsOf: block(top).lines, at: 0)
            }
            window = max(0, laid.count - height)..<laid.count
        } else {
            // The anchor's first line (its heading's) at the top, then what
            // follows it.
            laid = block(anchor).lines
            // Its heading left out only where the two do not fit (a box of one line).
            let start = max(0, laid.count - height)
            top = anchor
            last = anchor
            var next = anchor + 1
            while laid.count < start + height, next < listed.upperBound {
                laid += block(next).lines
                last = next
                next += 1
            }
            window = start..<min(start + height, laid.count)
        }
        var shown = Array(laid[window])
        // The group of the line at the top named there when its heading is
        // out of view (the twenty-second session's walk: at 80×24 a
        // group's notes stood under no heading), unless that line is the
        // note kept in view's.
        if let p = shown.first?.position, p != anchor, let group = groups.first(where: { $0.range.contains(p) }) {
            shown[0] = Line(text: "\(t.group(run.notes[p].group)) (\(group.range.count))", style: Style(.heading, bold: true),
                            typeLabel: nil, typeStyle: .normal, position: nil)
        }
        // Counted in notes (not lines, not group headings): "+3" is three
        // notes; a note whose first line is out of view is not shown.
        let labelled = Set(shown.filter { $0.typeLabel != nil }.compactMap(\.position))
        let before = Set((laid[..<window.lowerBound] + laid[window]).compactMap(\.position)).subtracting(labelled)
        let after = Set(laid[window.upperBound...].compactMap(\.position)).subtracting(labelled)
        overflowMarks(&grid, above: top - listed.lowerBound + before.count, below: listed.upperBound - 1 - last + after.count, rect: inner)
        for (i, line) in shown.enumerated() {
            let y = inner.y + i
            guard let p = line.position else {
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
            if line.typeLabel != nil {
                let marks = marks(run.notes[p], run: run, texts: t)
                let width = marks.reduce(0) { $0 + DisplayWidth.of($1.0) }
                // A note that goes on below has its marks at the right edge,
                // apart from its words: after them, " – Erik" read as part of
                // the note's text (the facilitator's walk).
                let goesOn = i + 1 < shown.count && shown[i + 1].position == p
                var x = goesOn ? inner.maxX - width : min(end, inner.maxX - width)
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
        let kinds = run.personalData[note.id], contexts = identifyingContexts(note.text)
        if kinds != nil || !contexts.isEmpty {
            if note.personalDataChecked {
                marks.append((" ✓ \(t[.checkedMark])", Style(.dim)))
            } else {
                if let kinds { marks.append((" ⚠ " + kinds.map { shortPersonalData($0, texts: t) }.joined(separator: ",") + "?", Style(.warning, bold: true))) }
                // "⚠ namn och adress?"
                for c in contexts { marks.append((" ⚠ " + t.identifying(c), Style(.warning, bold: true))) }
            }
        }
        return marks
    }

    /// A name beside an address or an age (the twenty-second session's
    /// walk), looked for in the notes laid out only, never in every note
    /// of the step at its reading: done there, `samtal run` on a step of
    /// 300 notes started 7.9 ms after the home screen at the median
    /// (bench-tui, 135 sessions), 1.4 ms once moved here (45 sessions).
    /// In a note's first 4 KB.
    static func identifyingContexts(_ text: String) -> [IdentifyingContext] {
        var head = text
        if head.utf8.count > 4096 { head = String(head.prefix(4096)) }
        return IdentifyingContextScan.flags(in: head)
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
