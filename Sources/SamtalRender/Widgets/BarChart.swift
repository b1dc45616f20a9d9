// Tally bars: rank, label, dots and a bar for each row, as the vote step
// and the hand-on ranking show them.

import SamtalCore

extension Screens {
    /// One row of a tally: a focus area's or an activity's.
    struct TallyRow {
        var label: String
        var dots: Int
        var rank: Int
        var tied: Bool
        /// A line under it (a focus area's target picture).
        var detail: String? = nil
        /// Said dim after its bar ("tidigare möten: 7", their dots).
        var aside: String? = nil
    }

    /// Tally bars: each row's rank, label and dots, and a bar as long as its
    /// share of the most dots; `selected` is kept in view.
    static func drawTally(_ grid: inout Grid, _ rows: [TallyRow], selected: Int?, rect: Rect, title: String, empty: String) {
        let inner = grid.box(rect, title: title)
        guard inner.width > 10, inner.height > 0 else { return }
        if rows.isEmpty {
            grid.paragraph(empty, in: inner, style: Style(.dim))
            return
        }
        let maxDots = max(1, rows.map(\.dots).max() ?? 1)
        let nameWidth = max(8, min(inner.width - 22, rows.map { DisplayWidth.of($0.label) }.max() ?? 12))
        let start = scrollStart(selected: selected ?? 0, count: rows.count, height: inner.height)
        let asideWidth = rows.map { $0.aside.map { DisplayWidth.of($0) + 1 } ?? 0 }.max() ?? 0
        var y = inner.y
        for (i, r) in rows.enumerated().dropFirst(start) where y < inner.maxY {
            defer {
                y += 1
                if let detail = r.detail, y < inner.maxY {
                    grid.text(truncate("      " + detail, width: inner.width), x: inner.x, y: y, style: Style(.dim))
                    y += 1
                }
            }
            let rank = r.dots == 0 ? "  –" : (r.tied ? "\(r.rank)=" : "\(r.rank).").leftPadded(3)
            let countText = "\(r.dots)".leftPadded(3)
            let head = "\(rank) \(pad(truncate(r.label, width: nameWidth), width: nameWidth)) \(countText) "
            listRow(&grid, head, x: inner.x, y: y, width: DisplayWidth.of(head) + 2, selected: i == selected,
                    style: Style(.normal, bold: r.rank == 1 && r.dots > 0))
            let barX = inner.x + DisplayWidth.of(head) + 2
            let aside = r.aside.map { " " + $0 } ?? ""
            let barWidth = max(0, inner.maxX - barX - 1 - asideWidth)
            let n = r.dots * barWidth / maxDots
            grid.text(String(repeating: "█", count: n), x: barX, y: y, maxX: inner.maxX, style: Style(.success))
            // In a column of their own at the right (where the bars end,
            // at 80 columns the bars give way to them).
            if !aside.isEmpty { grid.text(aside, x: max(barX, inner.maxX - asideWidth), y: y, maxX: inner.maxX, style: Style(.dim)) }
        }
    }

    // MARK: a run's tallies

    /// The focus areas' tally, best first; while voting (`selectable`) in
    /// their own order so the selection does not jump as dots are added
    /// (the rank column says where each stands).
    static func areaTally(_ run: RunState, selectable: Bool, texts t: Texts) -> [TallyRow] {
        let ranked = Ranking.rank(run.data.focusAreas, votes: run.data.votes)
        let rows = selectable ? run.data.focusAreas.compactMap { a in ranked.first { $0.area.id == a.id } } : ranked
        // Shown to the room (not while voting), with the target picture the
        // joint meeting wrote and a star on the areas that lead to a promise.
        return rows.map { r in
            let a = r.area
            let picture = !selectable && !a.targetPicture.isEmpty ? "\(t[.targetPictureLabel]): \(a.targetPicture)" : nil
            let earlier = run.data.earlierDots[a.id].map { "\(t[.earlierDots]): \($0)" }
            return TallyRow(label: (a.leadsToPromise && !selectable ? "★ " : "") + run.areaLabel(a), dots: r.dots, rank: r.rank,
                            tied: r.tied, detail: picture, aside: earlier)
        }
    }

    /// The activities' tally (a vote `on: activities`), the same way.
    static func activityTally(_ run: RunState, selectable: Bool, texts t: Texts) -> [TallyRow] {
        let ranked = Ranking.rank(run.data.activities, votes: run.data.activityVotes)
        let rows = selectable ? run.data.activities.compactMap { a in ranked.first { $0.item.id == a.id } } : ranked
        return rows.map { r in
            var label = r.item.what
            if let id = r.item.focusAreaID, let area = run.data.focusAreas.first(where: { $0.id == id }) { label += " · \(area.name)" }
            return TallyRow(label: label, dots: r.dots, rank: r.rank, tied: r.tied)
        }
    }
}
