// The home screen: the cycles and their meetings.

import SamtalCore

extension Screens {
    static func drawHome(_ grid: inout Grid, _ home: HomeState, state: AppState) {
        let t = state.texts
        let w = grid.size.width, h = grid.size.height
        grid.fill(Rect(x: 0, y: 0, width: w, height: 1), style: Style(.title, reverse: true))
        grid.text(" " + t[.homeTitle], x: 0, y: 0, style: Style(.title, bold: true, reverse: true))
        let inner = grid.box(Rect(x: 0, y: 1, width: w, height: h - 3))
        if home.rows.isEmpty {
            grid.paragraph(t[.homeEmpty], in: inner.inset(1), style: Style(.dim))
        } else {
            let visible = inner.height
            let first = max(0, min(home.selection - visible / 2, home.rows.count - visible))
            for (i, row) in home.rows.enumerated().dropFirst(first).prefix(visible) {
                let y = inner.y + i - first
                let selected = i == home.selection
                let line: String
                var style: Style
                switch row {
                case .cycle(let c):
                    line = "\(t[.homeCycle]): \(c.area) · \(c.period)" + (home.retired.contains(c.id) ? " (\(t[.retiredMark]))" : "")
                    style = home.retired.contains(c.id) ? Style(.dim, bold: true) : Style(.heading, bold: true)
                case .meeting(let m):
                    let date = m.facts.date.isEmpty ? "          " : pad(m.facts.date, width: 10)
                    line = "    \(date)  \(m.title) · \(t.status(m.status))"
                    style = Style(.normal)
                }
                if selected { style.reverse = true }
                grid.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: selected ? style : .normal)
                grid.text(truncate(line, width: inner.width), x: inner.x, y: y, maxX: inner.maxX, style: style)
                if case .cycle = row, !home.rows.indices.contains(i + 1) || { if case .cycle = home.rows[i + 1] { return true }; return false }() {
                    let x = inner.x + DisplayWidth.of(line) + 3
                    if x < inner.maxX { grid.text(t[.homeNoMeetings], x: x, y: y, maxX: inner.maxX, style: Style(.dim)) }
                }
            }
        }
        drawStatus(&grid, state: state, y: h - 2)
        drawKeyBar(&grid, context: .home, texts: t, y: h - 1)
    }
}
