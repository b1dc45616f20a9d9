// The county's live view (`samtal region`): the report's three tables drawn
// into a grid of cells, redrawn when a municipality publishes (the
// executable LISTENs on `RegionSchema.channel`). Pure: state in, grid out.

import SamtalCore
import SamtalRender

public struct RegionViewState: Equatable, Sendable {
    public var report: RegionReport?
    /// The first line of the tables shown (scrolling).
    public var offset = 0
    /// The last reload, as the person reads it ("14:52:03"), and what went
    /// wrong with it if anything did.
    public var loadedAt = ""
    public var problem: String?

    public init(report: RegionReport? = nil) { self.report = report }

    /// The month before or after (`delta` months).
    public static func month(_ period: String, plus delta: Int) -> String {
        let parts = period.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else { return period }
        let n = parts[0] * 12 + (parts[1] - 1) + delta
        let m = n % 12 + 1
        return "\(n / 12)-\(m < 10 ? "0" : "")\(m)"
    }
}

public enum RegionView {
    /// One line of the view: spans of text with a style each.
    typealias Line = [(String, Style)]

    static func style(_ signal: Signal?) -> Style {
        switch signal {
        case .green: Style(.success, bold: true)
        case .yellow: Style(.warning, bold: true)
        case .red: Style(.error, bold: true)
        case nil: .normal
        }
    }

    static func pad(_ s: String, _ width: Int) -> String {
        let w = max(0, width)
        let cut = s.count > w ? String(s.prefix(max(0, w - 1))) + "…" : s
        return cut + String(repeating: " ", count: max(0, w - cut.count))
    }

    /// Every line of the tables, before scrolling.
    static func lines(_ r: RegionReport, width: Int, language: Language) -> [Line] {
        let t = RegionTexts(language)
        let d = DocumentTexts(language)
        let ui = Texts(language)
        let n = max(1, r.municipalities.count)
        let first = min(28, max(12, width / 3))
        /// The first column, with a space before the next.
        func label(_ s: String) -> (String, Style) { (pad(s, first - 1) + " ", .normal) }
        let col = max(8, (width - first) / n)
        var out: [Line] = []
        func header(_ title: String) {
            out.append([])
            out.append([(title, Style(.heading, bold: true))])
            out.append([(pad("", first), .normal)] + r.municipalities.map { (pad($0.name, col), Style(.dim, bold: true)) })
        }
        header(t[.ratingsHeading])
        if r.ratings.isEmpty { out.append([(t[.noRatings], Style(.dim))]) }
        for line in r.ratings {
            out.append([label(line.question)] + line.cells.map { cell -> (String, Style) in
                guard let cell else { return (pad("–", col), Style(.dim)) }
                let now = cell.value.map { ui.ratingValue($0) } ?? "–"
                let before = cell.trend.dropLast(cell.value == nil ? 0 : 1).last
                    .map { " (\(language == .sv ? "före" : "before"): \(ui.ratingValue($0.value)))" } ?? ""
                return (pad(now + before, col), style(cell.value.flatMap(Signal.init(rawValue:))))
            })
        }
        header(t[.qualityHeading])
        for (i, cells) in r.quality.enumerated() {
            out.append([label("\(i + 1). \(d.rubricQuestion(i + 1))")] + cells.map { c -> (String, Style) in
                guard let c else { return (pad("–", col), Style(.dim)) }
                return (pad(d.verdict(c.verdict) + (c.level.map { " · \(d.level($0))" } ?? ""), col), style(Documents.signal(c.verdict, level: c.level)))
            })
        }
        header(t[.promisesHeading])
        for s in ActivityStatus.allCases {
            out.append([label(ui.activityStatus(s))] + r.promises.map { (pad("\($0.activities[s] ?? 0)", col), .normal) })
        }
        return out
    }

    /// How many lines the tables have (to bound scrolling).
    public static func lineCount(_ state: RegionViewState, size: Size, language: Language) -> Int {
        state.report.map { lines($0, width: size.width, language: language).count } ?? 0
    }

    public static func render(_ state: RegionViewState, size: Size, language: Language) -> Grid {
        var g = Grid(size)
        guard size.width > 0, size.height > 2 else { return g }
        let t = RegionTexts(language)
        let sv = language == .sv
        let title = state.report.map { r in
            "\(t.title(r.period)) · \(r.municipalities.count) \(sv ? "kommuner" : "municipalities")"
        } ?? (sv ? "Läser regionen …" : "Reading the region …")
        g.fill(Rect(x: 0, y: 0, width: size.width, height: 1), style: Style(.title, reverse: true))
        _ = g.text(" " + title, x: 0, y: 0, maxX: size.width, style: Style(.title, bold: true, reverse: true))
        let stamp = state.loadedAt.isEmpty ? "" : "\(sv ? "uppdaterad" : "updated") \(state.loadedAt) "
        _ = g.text(stamp, x: max(0, size.width - stamp.count), y: 0, maxX: size.width, style: Style(.title, reverse: true))
        if let report = state.report {
            let all = lines(report, width: size.width, language: language)
            for (row, line) in all.dropFirst(state.offset).prefix(size.height - 2).enumerated() {
                var x = 0
                for (text, style) in line { x = g.text(text, x: x, y: row + 1, maxX: size.width, style: style) }
            }
        }
        let bottom = size.height - 1
        if let problem = state.problem {
            _ = g.text(" " + problem, x: 0, y: bottom, maxX: size.width, style: Style(.error, bold: true))
        } else {
            let keys = sv ? " ←/→ månad  ↑/↓ bläddra  r läs om  q avsluta · uppdateras när en kommun publicerar"
                : " ←/→ month  ↑/↓ scroll  r reload  q quit · refreshed when a municipality publishes"
            _ = g.text(keys, x: 0, y: bottom, maxX: size.width, style: Style(.keyText))
        }
        return g
    }
}
