// A selectable, scrolling list: its rows, the overflow marks, and where
// its scrolling starts.

extension Screens {
    /// A list row: marker, text, selection shown by sign and reverse video.
    static func listRow(_ grid: inout Grid, _ text: String, x: Int, y: Int, width: Int, selected: Bool, active: Bool = true,
                        style: Style = .normal) {
        var st = style
        if selected && active { st.reverse = true }
        if selected { grid.fill(Rect(x: x, y: y, width: width, height: 1), style: st) }
        // Only the list that has the keys shows the pointer; another list's
        // selection is a quiet dot.
        grid.text((selected ? (active ? "› " : "· ") : "  ") + truncate(text, width: width - 2), x: x, y: y, maxX: x + width, style: st)
    }

    /// One row of a list drawn by `drawList`: a heading when not selectable.
    struct ListItem {
        var text: String
        var style: Style = .normal
        /// The index the selection names; nil for a heading.
        var index: Int?
        /// A style of its own for the text's first characters (a rating's
        /// value in its colour), when it has one.
        var lead = 0
        var leadStyle: Style?
        /// Columns of a label (padded) before the text: a selected row
        /// wrapped goes on under its text, not under its label (the
        /// problem step's fields: wrapping joined the padding away).
        var hanging = 0
    }

    /// A scrolling list whose selected row is shown whole, wrapped over as
    /// many lines as it needs (the others are one line each, cut with "…"):
    /// nothing selected is ever cut without a way to read it.
    static func drawList(_ grid: inout Grid, _ items: [ListItem], selected: Int?, rect: Rect, active: Bool = true) {
        guard rect.width > 2, rect.height > 0 else { return }
        let lines: [(item: Int, text: String, first: Bool)] = items.enumerated().flatMap { i, item in
            // A selected row that fits keeps its spacing (wrapping joins blanks).
            guard item.index != nil, item.index == selected, !DisplayWidth.fits(item.text, columns: rect.width - 2) else { return [(i, item.text, true)] }
            if item.hanging > 0, item.hanging < (rect.width - 2) / 2 {
                let label = DisplayWidth.prefix(item.text, columns: item.hanging)
                let wrapped = wrap(String(item.text.dropFirst(label.count)), width: rect.width - 2 - item.hanging, maxLines: rect.height)
                let under = String(repeating: " ", count: item.hanging)
                return wrapped.enumerated().map { (i, ($0.offset == 0 ? label : under) + $0.element, $0.offset == 0) }
            }
            let wrapped = wrap(item.text, width: rect.width - 2, indent: "  ", maxLines: rect.height)
            return wrapped.enumerated().map { (i, $0.element, $0.offset == 0) }
        }
        let chosen = lines.indices.filter { items[lines[$0].item].index != nil && items[lines[$0].item].index == selected }
        var first = 0
        if let last = chosen.last, let top = chosen.first, lines.count > rect.height {
            first = max(0, min(top - (rect.height - (last - top + 1)) / 2, lines.count - rect.height))
            first = min(first, top)
        }
        overflowMarks(&grid, above: first, below: lines.count - first - rect.height, rect: rect)
        for (n, line) in lines.enumerated().dropFirst(first).prefix(rect.height) {
            let item = items[line.item]
            listLine(&grid, item, text: line.text, first: line.first, selected: item.index != nil && item.index == selected,
                     y: rect.y + n - first, rect: rect, active: active)
        }
    }

    /// `drawList` for a long list whose row i is item i (none a heading),
    /// made only for the rows in view: a frame costs the same for 30 rows
    /// as for 3,000.
    static func drawList(_ grid: inout Grid, count: Int, selected: Int?, rect: Rect, active: Bool = true, item: (Int) -> ListItem) {
        guard rect.width > 2, rect.height > 0 else { return }
        // The selected row, wrapped when it does not fit on its line.
        let chosen = selected.flatMap { (0..<count).contains($0) ? $0 : nil }
        var wrapped: [String] = []
        if let chosen {
            let text = item(chosen).text
            wrapped = !DisplayWidth.fits(text, columns: rect.width - 2) ? wrap(text, width: rect.width - 2, indent: "  ", maxLines: rect.height) : [text]
        }
        let total = count - (chosen == nil ? 0 : 1) + wrapped.count
        var first = 0
        if let top = chosen, !wrapped.isEmpty, total > rect.height {
            first = max(0, min(top - (rect.height - wrapped.count) / 2, total - rect.height))
            first = min(first, top)
        }
        overflowMarks(&grid, above: first, below: total - first - rect.height, rect: rect)
        for n in first..<min(total, first + rect.height) {
            let y = rect.y + n - first
            if let top = chosen, n >= top {
                if n < top + wrapped.count {
                    listLine(&grid, item(top), text: wrapped[n - top], first: n == top, selected: true, y: y, rect: rect, active: active)
                    continue
                }
                let row = item(n - wrapped.count + 1)
                listLine(&grid, row, text: row.text, first: true, selected: false, y: y, rect: rect, active: active)
            } else {
                let row = item(n)
                listLine(&grid, row, text: row.text, first: true, selected: false, y: y, rect: rect, active: active)
            }
        }
    }

    /// One line of a list: a heading, a line of the selected row, or
    /// another row, with its lead in a style of its own.
    private static func listLine(_ grid: inout Grid, _ item: ListItem, text: String, first: Bool, selected: Bool, y: Int, rect: Rect,
                                 active: Bool) {
        if item.index == nil {
            grid.text(truncate(text, width: rect.width), x: rect.x, y: y, style: item.style)
        } else if selected {
            var st = item.style
            if active { st.reverse = true }
            grid.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: st)
            grid.text((first ? (active ? "› " : "· ") : "  ") + text, x: rect.x, y: y, maxX: rect.maxX, style: st)
        } else {
            listRow(&grid, text, x: rect.x, y: y, width: rect.width, selected: false, style: item.style)
        }
        if first, item.index != nil, var lead = item.leadStyle, item.lead > 0 {
            lead.reverse = active && selected
            grid.text(String(text.prefix(item.lead)), x: rect.x + 2, y: y, maxX: rect.maxX, style: lead)
        }
    }

    /// "↑ +3 ↓ +5" on the bottom border of a box whose inner `rect` does
    /// not show all its lines: nothing is hidden without a sign.
    static func overflowMarks(_ grid: inout Grid, above: Int, below: Int, rect: Rect) {
        // On the bottom border, where no title stands.
        let marks = [above > 0 ? "↑ +\(above)" : nil, below > 0 ? "↓ +\(below)" : nil].compactMap { $0 }
        if !marks.isEmpty { grid.textRight(" \(marks.joined(separator: " ")) ", maxX: rect.maxX, y: rect.maxY, style: Style(.heading, bold: true)) }
    }

    /// First row to show so that `selected` stays in view.
    static func scrollStart(selected: Int, count: Int, height: Int) -> Int {
        guard count > height, height > 0 else { return 0 }
        return max(0, min(selected - height / 2, count - height))
    }
}
