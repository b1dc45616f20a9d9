// The county's live view (`samtal region`): the report's three tables drawn
// into a grid of cells, redrawn when a municipality publishes (a
// `RegionReader` LISTENs on `RegionSchema.channel` off the key loop). Pure:
// state and event in, state and what to do out (`update`); state in, grid
// out (`render`). Its keys are the keymap's `.region` context.

import SamtalCore
import SamtalRender

public struct RegionViewState: Equatable, Sendable {
    /// What the region held when last read (nil until the first read).
    public var publications: [Publication]?
    /// The month asked for (`--period`, then ←/→); nil: the latest month rated.
    public var month: String?
    public var report: RegionReport?
    /// The first line of the tables shown (scrolling).
    public var offset = 0
    /// The last read, as the person reads it ("14:52:03"), and what went
    /// wrong since if anything did (the server's words in the interface's
    /// language), and whether the reader tries again by itself.
    public var loadedAt = ""
    public var problem: String?
    public var retrying = false
    /// The help over the view (F1), and how far it is scrolled.
    public var helpOpen = false
    public var helpScroll = 0

    public init(report: RegionReport? = nil, month: String? = nil) {
        self.report = report
        self.month = month ?? report?.period
    }

    /// The month before or after (`delta` months).
    public static func month(_ period: String, plus delta: Int) -> String {
        let parts = period.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else { return period }
        let n = parts[0] * 12 + (parts[1] - 1) + delta
        let m = n % 12 + 1
        return "\(n / 12)-\(m < 10 ? "0" : "")\(m)"
    }
}

/// What reaches the live view: a key, or what the reader (off the key
/// loop) found.
public enum RegionViewEvent: Equatable, Sendable {
    case key(Key)
    /// The region as read, at a clock time ("14:52:03"); `thisMonth`
    /// (YYYY-MM) is shown when nothing is rated yet.
    case read([Publication], at: String, thisMonth: String)
    /// Reading failed: the message, and whether the reader tries again by itself.
    case failed(String, retrying: Bool)
}

/// What the key loop does after an event.
public enum RegionViewEffect: Equatable, Sendable {
    case none, readAgain, quit, suspend
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

    /// `s` in a cell `width` wide: cut with "…" to leave the last column
    /// blank, the space between cells.
    static func cell(_ s: String, _ width: Int) -> String { pad(s, width - 1) + " " }

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
        // The questions' column gives way to the municipalities (a county
        // has up to ten): each gets at least 10 columns while the first
        // keeps 12; every cell ends with a space, so names and answers
        // never run together ("HärjedalenKrokom", seen at 80×24).
        let first = max(12, min(28, width / 3, width - n * 10))
        /// The first column, with a space before the next.
        func label(_ s: String) -> (String, Style) { (pad(s, first - 1) + " ", .normal) }
        let col = max(7, (width - first) / n)
        var out: [Line] = []
        func header(_ title: String) {
            out.append([])
            out.append([(title, Style(.heading, bold: true))])
            out.append([(pad("", first), .normal)] + r.columnNames.map { (cell($0, col), Style(.dim, bold: true)) })
        }
        header(t[.ratingsHeading])
        if r.ratings.isEmpty { out.append([(t[.noRatings], Style(.dim))]) }
        for line in r.ratings {
            out.append([label(line.question)] + line.cells.map { cell -> (String, Style) in
                guard let cell else { return (Self.cell("–", col), Style(.dim)) }
                let now = cell.value.map { ui.ratingValue($0) } ?? "–"
                let before = cell.trend.dropLast(cell.value == nil ? 0 : 1).last
                    .map { " (\(language == .sv ? "före" : "before"): \(ui.ratingValue($0.value)))" } ?? ""
                return (Self.cell(now + before, col), style(cell.value.flatMap(Signal.init(rawValue:))))
            })
        }
        header(t[.qualityHeading])
        for (i, cells) in r.quality.enumerated() {
            out.append([label("\(i + 1). \(d.rubricQuestion(i + 1))")] + cells.map { c -> (String, Style) in
                guard let c else { return (cell("–", col), Style(.dim)) }
                return (cell(d.verdict(c.verdict) + (c.level.map { " · \(d.level($0))" } ?? ""), col), style(Documents.signal(c.verdict, level: c.level)))
            })
        }
        header(t[.promisesHeading])
        for s in ActivityStatus.allCases {
            out.append([label(ui.activityStatus(s))] + r.promises.map { (cell("\($0.activities[s] ?? 0)", col), .normal) })
        }
        return out
    }

    /// How many lines the tables have (to bound scrolling).
    public static func lineCount(_ state: RegionViewState, size: Size, language: Language) -> Int {
        state.report.map { lines($0, width: size.width, language: language).count } ?? 0
    }

    /// The rows the tables have on the screen: all but the title and the
    /// key bar, and the problem's line when there is one.
    static func tableRows(_ state: RegionViewState, size: Size) -> Int {
        max(1, size.height - 2 - (state.problem == nil ? 0 : 1))
    }

    /// The live view's state after an event, and what the key loop does:
    /// pure, the keys read from the keymap's `.region` context (`.help`
    /// while the help is open).
    public static func update(_ state: RegionViewState, _ event: RegionViewEvent, size: Size,
                              language: Language) -> (RegionViewState, RegionViewEffect) {
        var s = state
        switch event {
        case .read(let publications, let at, let thisMonth):
            s.publications = publications
            s.loadedAt = at
            s.problem = nil
            s.retrying = false
            s.report = RegionReport(publications, period: s.month ?? RegionReport.latestPeriod(publications) ?? thisMonth)
            s.month = s.report?.period
            s.offset = min(s.offset, lastOffset(s, size: size, language: language))
            return (s, .none)
        case .failed(let message, let retrying):
            s.problem = message
            s.retrying = retrying
            return (s, .none)
        case .key(let key):
            if s.helpOpen {
                switch Keymap.action(for: key, in: .help) {
                case .closeHelp: s.helpOpen = false
                case .scrollHelpDown: s.helpScroll += 1
                case .scrollHelpUp: s.helpScroll = max(0, s.helpScroll - 1)
                case .quit: return (s, .quit)
                case .suspend: return (s, .suspend)
                default: break
                }
                return (s, .none)
            }
            let page = max(1, tableRows(s, size: size) - 1)
            switch Keymap.action(for: key, in: .region) {
            case .help:
                s.helpOpen = true
                s.helpScroll = 0
            case .quit: return (s, .quit)
            case .suspend: return (s, .suspend)
            case .readAgain: return (s, .readAgain)
            case .monthBack, .monthForward:
                guard let month = s.month else { break }
                s.month = RegionViewState.month(month, plus: Keymap.action(for: key, in: .region) == .monthBack ? -1 : 1)
                s.offset = 0
                if let publications = s.publications { s.report = RegionReport(publications, period: s.month!) }
            case .regionUp: s.offset = max(0, s.offset - 1)
            case .regionDown: s.offset = min(lastOffset(s, size: size, language: language), s.offset + 1)
            case .regionPageUp: s.offset = max(0, s.offset - page)
            case .regionPageDown: s.offset = min(lastOffset(s, size: size, language: language), s.offset + page)
            default: break
            }
            return (s, .none)
        }
    }

    /// The furthest the tables scroll: their last line at the bottom.
    static func lastOffset(_ state: RegionViewState, size: Size, language: Language) -> Int {
        max(0, lineCount(state, size: size, language: language) - tableRows(state, size: size))
    }

    public static func render(_ state: RegionViewState, size: Size, language: Language) -> Grid {
        var g = Grid(size)
        guard size.width > 0, size.height > 2 else { return g }
        let t = RegionTexts(language)
        let ui = Texts(language)
        let sv = language == .sv
        let title = state.report.map { r in
            "\(t.title(r.period)) · \(r.municipalityCount) \(sv ? (r.municipalityCount == 1 ? "kommun" : "kommuner") : (r.municipalityCount == 1 ? "municipality" : "municipalities"))"
        } ?? (sv ? "Läser regionen …" : "Reading the region …")
        g.fill(Rect(x: 0, y: 0, width: size.width, height: 1), style: Style(.title, reverse: true))
        _ = g.text(" " + title, x: 0, y: 0, maxX: size.width, style: Style(.title, bold: true, reverse: true))
        let stamp = state.loadedAt.isEmpty ? "" : "\(sv ? "uppdaterad" : "updated") \(state.loadedAt) "
        _ = g.text(stamp, x: max(0, size.width - stamp.count), y: 0, maxX: size.width, style: Style(.title, reverse: true))
        let rows = tableRows(state, size: size)
        if let report = state.report {
            let all = lines(report, width: size.width, language: language)
            for (row, line) in all.dropFirst(state.offset).prefix(rows).enumerated() {
                var x = 0
                for (text, style) in line { x = g.text(text, x: x, y: row + 1, maxX: size.width, style: style) }
            }
        }
        if let problem = state.problem {
            // Said in the view, and what is shown is what was read before.
            // The server's detail is cut first: what samtal does about it stays.
            var notes = ""
            if state.retrying { notes += " · " + ui[.regionRetrying] }
            let from = " · " + ui[.regionShowingFrom] + " " + state.loadedAt
            // When the line is short of room, the time of the last read goes first.
            if state.report != nil && !state.loadedAt.isEmpty && 1 + problem.count + notes.count + from.count <= size.width { notes += from }
            let room = max(0, size.width - notes.count)
            let said = 1 + problem.count <= room ? " " + problem : pad(" " + problem, room)
            _ = g.text(said + notes, x: 0, y: size.height - 2, maxX: size.width, style: Style(.error, bold: true))
        }
        if state.helpOpen {
            Screens.drawHelp(&g, context: .region, texts: ui, scroll: state.helpScroll)
            drawKeyBar(&g, context: .help, texts: ui, y: size.height - 1)
        } else {
            drawKeyBar(&g, context: .region, texts: ui, y: size.height - 1)
        }
        return g
    }
}
