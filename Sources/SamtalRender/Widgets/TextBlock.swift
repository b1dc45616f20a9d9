// Bulleted text blocks: each item a paragraph after "• ", its further lines
// indented under its text; drawn down a rectangle, or cut into pages.

extension Grid {
    /// Draws the items as bullets from the top of `rect` down, while there
    /// is room; returns the rows used.
    @discardableResult
    mutating func bullets(_ items: [String], in rect: Rect, style: Style = .normal) -> Int {
        guard rect.height > 0, rect.width > 0 else { return 0 }
        if items.count > 1, Screens.bulletsHeight(items, width: rect.width) > rect.height {
            // Not room for one a line: they run on, so that the room reads
            // them all (a step's five questions showed three); what still
            // does not fit ends in "…".
            var lines = wrap(items.map { "• " + $0 }.joined(separator: "  "), width: rect.width)
            if lines.count > rect.height {
                lines = Array(lines.prefix(rect.height))
                lines[lines.count - 1] = truncate(lines[lines.count - 1] + " …", width: rect.width)
            }
            for (i, line) in lines.enumerated() { text(line, x: rect.x, y: rect.y + i, maxX: rect.maxX, style: style) }
            return lines.count
        }
        var y = rect.y
        for item in items where y < rect.maxY {
            y += paragraph("• " + item, in: Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y), style: style, indent: "  ")
        }
        return y - rect.y
    }
}

extension Screens {
    /// One bullet wrapped to `width`.
    static func bulletLines(_ item: String, width: Int) -> [String] {
        wrap("• " + item, width: width, indent: "  ")
    }

    /// The rows the items take as bullets `width` wide.
    static func bulletsHeight(_ items: [String], width: Int) -> Int {
        items.reduce(0) { $0 + bulletLines($1, width: width).count }
    }

    /// The items as bullets in pages of `height` lines (at least one page).
    /// An item is not split between pages unless it is longer than one.
    static func bulletPages(_ items: [String], width: Int, height: Int) -> [[String]] {
        // The agenda's talking points: the same array every frame, found at once.
        bulletPagesMemo.value(BulletPagesKey(items: items, width: width, height: height)) {
            makeBulletPages(items, width: width, height: height)
        }
    }

    struct BulletPagesKey: Equatable, Sendable {
        var items: [String]
        var width: Int
        var height: Int
    }

    static let bulletPagesMemo = FrameMemo<BulletPagesKey, [[String]]>()

    static func makeBulletPages(_ items: [String], width: Int, height: Int) -> [[String]] {
        var pages: [[String]] = [[]]
        for item in items {
            let lines = bulletLines(item, width: width)
            if !pages[pages.count - 1].isEmpty && pages[pages.count - 1].count + lines.count > height { pages.append([]) }
            for line in lines {
                if pages[pages.count - 1].count == height { pages.append([]) }
                pages[pages.count - 1].append(line)
            }
        }
        return pages
    }
}
