// The wall: blocks of lines laid out in columns, a page at a time.

import SamtalCore

/// A line of the wall: a lead (a type, a value, a number) in its own style,
/// then the text.
struct WallLine {
    var lead = ""
    var leadStyle = Style.normal
    var text: String
    var style = Style.normal
}

/// What stays together in one column: a heading, or a note with its lines.
/// `breakBefore` starts a new column (a cluster area is a column of its own).
struct WallBlock {
    var lines: [WallLine]
    var breakBefore = false
    /// The heading this block belongs under, said again ("… (forts.)")
    /// when the block starts a column.
    var under: WallLine?
}

extension Screens {
    /// The width of `count` columns side by side in `width` cells.
    static func columnWidth(_ count: Int, in width: Int) -> Int { (width - 2 * (count - 1)) / count }

    /// Lays the blocks out in columns, a block never split; `breakBefore`
    /// starts a new column. A block taller than a column is cut, its last
    /// line ending in "…". Returns the columns' lines; given `atMost`, it
    /// stops as soon as there are more columns than that.
    static func wallLayout(_ blocks: [WallBlock], columnWidth: Int, height: Int, continued: String, atMost: Int = .max) -> [[WallLine]] {
        var columns: [[WallLine]] = [[]]
        for block in blocks {
            if columns.count > atMost { break }
            LayoutWork.item()
            var lines: [WallLine] = []
            for line in block.lines {
                var leadWidth = DisplayWidth.of(line.lead)
                var lead = line.lead
                if leadWidth > columnWidth * 2 / 5 {
                    // A long label ("Vem eller vad drabbas?") in a narrow
                    // column stands on its own line: the text under it
                    // keeps its words whole.
                    lines.append(WallLine(lead: "", text: line.lead.trimmingCharacters(in: .whitespaces), style: line.leadStyle))
                    lead = "  "
                    leadWidth = 2
                }
                let indent = String(repeating: " ", count: min(leadWidth, columnWidth / 2))
                let wrapped = wrap(line.text, width: max(4, columnWidth - leadWidth), maxLines: max(1, height))
                for (i, part) in (wrapped.isEmpty ? [""] : wrapped).enumerated() {
                    lines.append(WallLine(lead: i == 0 ? lead : indent, leadStyle: line.leadStyle, text: part, style: line.style))
                }
            }
            let room = height - columns[columns.count - 1].count
            if block.breakBefore && !columns[columns.count - 1].isEmpty || lines.count > room && !columns[columns.count - 1].isEmpty {
                columns.append([])
            }
            // A column that starts inside a group or an area names it again.
            if columns[columns.count - 1].isEmpty, let under = block.under, lines.first?.text != under.text {
                let heading = wrap(under.text + " \(continued)", width: columnWidth, maxLines: 2)
                if height > lines.count + heading.count {
                    columns[columns.count - 1] += heading.map { WallLine(text: $0, style: under.style) }
                }
            }
            let space = height - columns[columns.count - 1].count
            if lines.count > space, space > 0 {
                lines = Array(lines.prefix(space))
                let last = space - 1
                lines[last].text = truncate(lines[last].text + " …", width: max(4, columnWidth - DisplayWidth.of(lines[last].lead)))
            }
            columns[columns.count - 1] += lines
        }
        return columns
    }

    /// A wall: its columns side by side, a page at a time, turning by
    /// itself; "sida 2/3" says there is more.
    static func drawWall(_ grid: inout Grid, _ blocks: [WallBlock], rect: Rect, page: Int, texts t: Texts) {
        let area = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height - 1)
        guard area.width > 8, area.height > 0 else { return }
        // As few columns as show everything at once (wide ones read best),
        // else as many of at least 34 cells as fit, a page at a time.
        let most = max(1, min(4, (area.width + 2) / 36))
        // Trying fewer columns stops at the first column too many.
        var fewer: (count: Int, columns: [[WallLine]])?
        for c in 1..<most {
            let laid = wallLayout(blocks, columnWidth: columnWidth(c, in: area.width), height: area.height, continued: t[.wallContinued],
                                  atMost: c)
            if laid.count <= c {
                fewer = (c, laid)
                break
            }
        }
        let count = fewer?.count ?? most, width = columnWidth(count, in: area.width)
        let columns = fewer?.columns ?? wallLayout(blocks, columnWidth: width, height: area.height, continued: t[.wallContinued])
        let pages = (columns.count + count - 1) / count
        let shown = pages > 1 ? page % pages : 0
        for (k, column) in columns.dropFirst(shown * count).prefix(count).enumerated() {
            let x = area.x + k * (width + 2)
            for (i, line) in column.enumerated() {
                let end = grid.text(line.lead, x: x, y: area.y + i, maxX: x + width, style: line.leadStyle)
                grid.text(line.text, x: end, y: area.y + i, maxX: x + width, style: line.style)
            }
        }
        if pages > 1 {
            grid.textRight("\(t[.wallPage]) \(shown + 1)/\(pages)", maxX: rect.maxX - 1, y: rect.maxY - 1, style: Style(.heading, bold: true))
        }
    }
}
