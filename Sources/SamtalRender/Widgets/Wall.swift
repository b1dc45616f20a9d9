// The wall: blocks of lines laid out in columns, a page at a time.

import SamtalCore

/// A line of the wall: a lead (a type, a value, a number) in its own style,
/// then the text.
struct WallLine: Sendable {
    var lead = ""
    var leadStyle = Style.normal
    var text: String
    var style = Style.normal
}

/// What stays together in one column: a heading, or a note with its lines.
/// `breakBefore` starts a new column (a cluster area is a column of its own).
struct WallBlock: Sendable {
    var lines: [WallLine]
    var breakBefore = false
    /// The heading this block belongs under, said again ("… (forts.)")
    /// when the block starts a column.
    var under: WallLine?
}

extension Screens {
    /// The width of `count` columns side by side in `width` cells.
    static func columnWidth(_ count: Int, in width: Int) -> Int { (width - 2 * (count - 1)) / count }

    /// Where a column starts: a block, and how many of its lines went in
    /// the columns before (a block taller than a column goes on in the
    /// next).
    struct WallStart: Equatable, Sendable {
        var block: Int
        var line = 0
    }

    /// A block is laid out to at most this many columns' lines; past them
    /// (a pasted book) it is cut, its last line ending in "…".
    static let wallBlockColumns = 8

    /// Lays the blocks out in columns; `breakBefore` starts a new column,
    /// and a block goes whole into a column where it fits: a block taller
    /// than a column goes on in the next, under its heading said again.
    /// Returns the columns' lines; given `atMost`, it stops as soon as
    /// there are more columns than that.
    static func wallLayout(_ blocks: [WallBlock], columnWidth: Int, height: Int, continued: String, atMost: Int = .max) -> [[WallLine]] {
        wallColumns(blocks[...], columnWidth: columnWidth, height: height, continued: continued, atMost: atMost).columns
    }

    /// `wallLayout`, with where each column starts. A column starts empty
    /// whatever came before it, so laying the blocks out from a column's
    /// start gives that column and those after it again.
    static func wallColumns(_ blocks: ArraySlice<WallBlock>, from start: WallStart? = nil, columnWidth: Int, height: Int,
                            continued: String, atMost: Int = .max) -> (columns: [[WallLine]], starts: [WallStart]) {
        let first = start ?? WallStart(block: blocks.startIndex)
        var columns: [[WallLine]] = [[]]
        var starts = [first]
        let from = blocks[max(first.block, blocks.startIndex)...]
        for (index, block) in zip(from.indices, from) {
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
                let wrapped = wrap(line.text, width: max(4, columnWidth - leadWidth), maxLines: max(1, height) * wallBlockColumns)
                for (i, part) in (wrapped.isEmpty ? [""] : wrapped).enumerated() {
                    lines.append(WallLine(lead: i == 0 ? lead : indent, leadStyle: line.leadStyle, text: part, style: line.style))
                }
            }
            let cap = max(1, height) * wallBlockColumns
            if lines.count > cap {
                lines = Array(lines.prefix(cap))
                lines[cap - 1].text = truncate(lines[cap - 1].text + " …", width: max(4, columnWidth - DisplayWidth.of(lines[cap - 1].lead)))
            }
            // The lines that went in the columns before this page's first.
            var done = index == first.block ? min(first.line, lines.count) : 0
            let room = height - columns[columns.count - 1].count
            if block.breakBefore && !columns[columns.count - 1].isEmpty || lines.count - done > room && !columns[columns.count - 1].isEmpty {
                columns.append([])
                starts.append(WallStart(block: index, line: done))
            }
            while true {
                // A column that starts inside a group or an area (or a
                // block) names it again, if a line fits under it.
                if columns[columns.count - 1].isEmpty, let under = block.under, done > 0 || lines.first?.text != under.text {
                    let heading = wrap(under.text + " \(continued)", width: columnWidth, maxLines: 2)
                    if height > heading.count {
                        columns[columns.count - 1] += heading.map { WallLine(text: $0, style: under.style) }
                    }
                }
                let space = height - columns[columns.count - 1].count
                let part = lines[done...].prefix(max(1, space))
                columns[columns.count - 1] += part
                done += part.count
                // Taller than the column: it goes on in the next.
                guard done < lines.count, columns.count <= atMost else { break }
                columns.append([])
                starts.append(WallStart(block: index, line: done))
            }
        }
        return (columns, starts)
    }

    /// How a wall is paged at one size: the columns a page, their width,
    /// and the block each page starts with.
    struct WallPlan: Sendable {
        var count: Int
        var width: Int
        var pageStarts: [WallStart]
    }

    /// The rectangle the wall's columns take in `rect`, if they fit.
    static func wallArea(_ rect: Rect) -> Rect? {
        let area = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height - 1)
        return area.width > 8 && area.height > 0 ? area : nil
    }

    /// Pages the whole wall: as few columns as show everything at once
    /// (wide ones read best), else as many of at least 34 cells as fit, a
    /// page at a time. Returns the plan and every column.
    static func wallPlan(_ blocks: [WallBlock], area: Rect, continued: String) -> (plan: WallPlan, columns: [[WallLine]]) {
        let most = max(1, min(4, (area.width + 2) / 36))
        // Trying fewer columns stops at the first column too many.
        for c in 1..<most {
            let laid = wallLayout(blocks, columnWidth: columnWidth(c, in: area.width), height: area.height, continued: continued, atMost: c)
            if laid.count <= c {
                return (WallPlan(count: c, width: columnWidth(c, in: area.width), pageStarts: [WallStart(block: 0)]), laid)
            }
        }
        let width = columnWidth(most, in: area.width)
        let (columns, starts) = wallColumns(blocks[...], columnWidth: width, height: area.height, continued: continued)
        let pageStarts = stride(from: 0, to: columns.count, by: most).map { starts[$0] }
        return (WallPlan(count: most, width: width, pageStarts: pageStarts), columns)
    }

    /// A wall: its columns side by side, a page at a time, turning by
    /// itself; "sida 2/3" says there is more.
    static func drawWall(_ grid: inout Grid, _ blocks: [WallBlock], rect: Rect, page: Int, texts t: Texts) {
        guard let area = wallArea(rect) else { return }
        let (plan, columns) = wallPlan(blocks, area: area, continued: t[.wallContinued])
        let pages = plan.pageStarts.count
        let shown = pages > 1 ? page % pages : 0
        drawWallPage(&grid, Array(columns.dropFirst(shown * plan.count).prefix(plan.count)), plan: plan, shown: shown, area: area,
                     rect: rect, texts: t)
    }

    /// Walls that grow with the notes (a step's notes, the cluster's),
    /// kept between frames by what they are made of.
    enum WallSource: Equatable, Sendable {
        case notes([Note], personalData: [Int64: [PersonalDataKind]], Language)
        case cluster([Note], areas: [FocusArea], Language)
    }

    struct WallPlanKey: Equatable, Sendable {
        var source: WallSource
        var width: Int
        var height: Int
    }

    struct WallPageKey: Equatable, Sendable {
        var plan: WallPlanKey
        var page: Int
        var continued: String
    }

    static let wallBlocks = FrameMemo<WallSource, [WallBlock]>(capacity: 6)
    static let wallPlans = FrameMemo<WallPlanKey, WallPlan>(capacity: 8)
    /// The columns of the page shown: a frame that changes only the clock
    /// or opens the help over the wall does not wrap its notes again
    /// (~0.3 M instructions a projector's frame, issue 15).
    static let wallPages = FrameMemo<WallPageKey, [[WallLine]]>(capacity: 8)

    /// The wall of `source`, its blocks made by `blocks` only when the
    /// source changed and its pages counted only when it or the size did;
    /// a frame lays out the page it shows, so a frame of a wall of 3,000
    /// notes costs what one of 30 does.
    static func drawWall(_ grid: inout Grid, source: WallSource, rect: Rect, page: Int, texts t: Texts,
                         blocks make: () -> [WallBlock]) {
        guard let area = wallArea(rect) else { return }
        let continued = t[.wallContinued]
        let blocks = wallBlocks.value(source, make: make)
        let planKey = WallPlanKey(source: source, width: area.width, height: area.height)
        let plan = wallPlans.value(planKey) {
            wallPlan(blocks, area: area, continued: continued).plan
        }
        let pages = plan.pageStarts.count
        let shown = pages > 1 ? page % pages : 0
        let columns = wallPages.value(WallPageKey(plan: planKey, page: shown, continued: continued)) {
            Array(wallColumns(blocks[...], from: plan.pageStarts[shown], columnWidth: plan.width, height: area.height,
                              continued: continued, atMost: plan.count).columns.prefix(plan.count))
        }
        drawWallPage(&grid, columns, plan: plan, shown: shown, area: area, rect: rect, texts: t)
    }

    private static func drawWallPage(_ grid: inout Grid, _ columns: [[WallLine]], plan: WallPlan, shown: Int, area: Rect, rect: Rect,
                                     texts t: Texts) {
        for (k, column) in columns.enumerated() {
            let x = area.x + k * (plan.width + 2)
            for (i, line) in column.enumerated() {
                let end = grid.text(line.lead, x: x, y: area.y + i, maxX: x + plan.width, style: line.leadStyle)
                grid.text(line.text, x: end, y: area.y + i, maxX: x + plan.width, style: line.style)
            }
        }
        let pages = plan.pageStarts.count
        if pages > 1 {
            grid.textRight("\(t[.wallPage]) \(shown + 1)/\(pages)", maxX: rect.maxX - 1, y: rect.maxY - 1, style: Style(.heading, bold: true))
        }
    }
}
