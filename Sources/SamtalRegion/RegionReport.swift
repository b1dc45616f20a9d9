// The county's report (`samtal region report`): what the municipalities
// published, side by side for one period. Built from the rows read back
// from the region (`[Publication]`), rendered by the same document model
// and renderers as the local documents (Markdown, HTML, PDF), or as CSV.

import SamtalCore

public struct RegionReport: Equatable, Sendable {
    public struct Municipality: Equatable, Sendable {
        public var storeID: String
        public var name: String
        /// The cycle whose quality answers and promise are shown: the one
        /// whose promise period holds the report's period, else the
        /// latest begun by then, else the latest; never a retired one.
        public var cycle: RegionRow?
    }

    /// One municipality's answer to one question of a situation report:
    /// the values of the periods up to the report's, oldest first.
    public struct RatingCell: Equatable, Sendable {
        public var trend: [(period: String, value: String)]
        /// The value in the report's period; nil when not rated then.
        public var value: String? { trend.last.flatMap { $0.period == period ? $0.value : nil } }
        public var period: String

        public static func == (a: RatingCell, b: RatingCell) -> Bool {
            a.period == b.period && a.trend.map(\.period) == b.trend.map(\.period) && a.trend.map(\.value) == b.trend.map(\.value)
        }
    }

    public struct RatingLine: Equatable, Sendable {
        public var question: String
        public var scale: String
        /// Per municipality, in `municipalities` order.
        public var cells: [RatingCell?]
    }

    public struct QualityCell: Equatable, Sendable {
        public var verdict: QualityVerdict
        public var level: QualityLevel?
        public var evidenceCount: Int
    }

    public struct PromiseLine: Equatable, Sendable {
        public var title: String?
        public var draft: Bool
        public var activities: [ActivityStatus: Int]
        public var followUps: [FollowUpStatus: Int]
        /// The promised activities: plan number, what, by whom, status.
        public var promised: [(number: Int, what: String, organisation: String, status: ActivityStatus)]

        public static func == (a: PromiseLine, b: PromiseLine) -> Bool {
            a.title == b.title && a.draft == b.draft && a.activities == b.activities && a.followUps == b.followUps
                && a.promised.map(\.number) == b.promised.map(\.number) && a.promised.map(\.what) == b.promised.map(\.what)
                && a.promised.map(\.status) == b.promised.map(\.status)
        }
    }

    public var period: String
    public var municipalities: [Municipality]
    public var ratings: [RatingLine]
    /// The 15 rubric questions, each with one cell per municipality.
    public var quality: [[QualityCell?]]
    public var promises: [PromiseLine]

    /// How many earlier periods a trend shows besides the report's own.
    public static let trendLength = 3

    public init(_ publications: [Publication], period: String) {
        self.period = period
        let municipalities = publications.map { p in
            Municipality(storeID: p.storeID, name: p.municipality, cycle: Self.cycle(p, period: period))
        }
        self.municipalities = municipalities
        let live = publications.map { p in
            Set(p.rows(.cycles).filter { $0.value("retired") != "true" }.map(\.localID))
        }

        // Ratings: every question any municipality reported, in the
        // agenda's order (of the first municipality that has it).
        var questions: [(String, String)] = []
        for (i, p) in publications.enumerated() {
            let inOrder = p.rows(.ratings).filter { live[i].contains($0.value("cycle_id") ?? "") }.sorted { a, b in
                (Int(a.value("step_number") ?? "") ?? 0, Int(a.value("question_index") ?? "") ?? 0)
                    < (Int(b.value("step_number") ?? "") ?? 0, Int(b.value("question_index") ?? "") ?? 0)
            }
            for r in inOrder {
                let q = r.value("question") ?? ""
                if !questions.contains(where: { $0.0 == q }) { questions.append((q, r.value("scale") ?? "")) }
            }
        }
        ratings = questions.map { q, scale in
            RatingLine(question: q, scale: scale, cells: publications.enumerated().map { i, p in
                let rows = p.rows(.ratings).filter { r in
                    live[i].contains(r.value("cycle_id") ?? "") && r.value("question") == q && r.value("value") != nil
                        && (r.value("period").map { $0 <= period } ?? false)
                }
                // The latest report of each period.
                let sorted = rows.sorted { a, b in
                    let ka = (a.value("period") ?? "", a.value("report_date") ?? "", Int(a.value("meeting_id") ?? "") ?? 0, a.localID)
                    let kb = (b.value("period") ?? "", b.value("report_date") ?? "", Int(b.value("meeting_id") ?? "") ?? 0, b.localID)
                    return ka < kb
                }
                var byPeriod: [(period: String, value: String)] = []
                for r in sorted {
                    let entry = (period: r.value("period")!, value: r.value("value")!)
                    if byPeriod.last?.period == entry.period { byPeriod[byPeriod.count - 1] = entry } else { byPeriod.append(entry) }
                }
                guard !byPeriod.isEmpty else { return nil }
                return RatingCell(trend: Array(byPeriod.suffix(Self.trendLength + 1)), period: period)
            })
        }

        quality = (1...15).map { n in
            publications.enumerated().map { i, p in
                guard let cycle = municipalities[i].cycle,
                      let row = p.rows(.qualityAnswers).first(where: { $0.value("cycle_id") == cycle.localID && $0.value("number") == "\(n)" }),
                      let verdict = row.value("verdict").flatMap(QualityVerdict.init(rawValue:)) else { return nil }
                return QualityCell(verdict: verdict, level: row.value("level").flatMap(QualityLevel.init(rawValue:)),
                                   evidenceCount: Int(row.value("evidence_count") ?? "") ?? 0)
            }
        }

        promises = publications.enumerated().map { i, p in
            let cid = municipalities[i].cycle?.localID
            let promise = p.rows(.promises).first { $0.value("cycle_id") == cid }
            let acts = p.rows(.activities).filter { $0.value("cycle_id") == cid }
            let follow = p.rows(.followUps).filter { $0.value("cycle_id") == cid }
            var activities: [ActivityStatus: Int] = [:]
            for a in acts { if let s = a.value("status").flatMap(ActivityStatus.init(rawValue:)) { activities[s, default: 0] += 1 } }
            var followUps: [FollowUpStatus: Int] = [:]
            for f in follow { if let s = f.value("status").flatMap(FollowUpStatus.init(rawValue:)) { followUps[s, default: 0] += 1 } }
            let promised = acts.filter { $0.value("promised") == "true" }
                .map { a in (number: Int(a.value("number") ?? "") ?? 0, what: a.value("what") ?? "", organisation: a.value("organisation") ?? "",
                             status: a.value("status").flatMap(ActivityStatus.init(rawValue:)) ?? .planned) }
                .sorted { $0.number < $1.number }
            return PromiseLine(title: promise?.value("title"), draft: promise?.value("draft") == "true",
                               activities: activities, followUps: followUps, promised: promised)
        }
    }

    /// The cycle shown for a municipality in `period` (YYYY-MM): the newest
    /// whose promise period holds it.
    static func cycle(_ p: Publication, period: String) -> RegionRow? {
        let live = p.rows(.cycles).filter { $0.value("retired") != "true" }
            .sorted { (Int($0.localID.dropFirst()) ?? 0) < (Int($1.localID.dropFirst()) ?? 0) }
        func first(_ r: RegionRow) -> String? { r.value("period_first").map { String($0.prefix(7)) } }
        func last(_ r: RegionRow) -> String? { r.value("period_last").map { String($0.prefix(7)) } }
        if let holding = live.last(where: { r in first(r).map { $0 <= period } == true && last(r).map { period <= $0 } == true }) {
            return holding
        }
        // Else the newest whose months are not known (its period is free
        // text), else the newest begun before the period; none when every
        // cycle begins after it.
        return live.last { first($0) == nil } ?? live.last { r in first(r).map { $0 <= period } == true }
    }

    /// The latest period any municipality rated in (YYYY-MM), for a report
    /// asked for without a period.
    public static func latestPeriod(_ publications: [Publication]) -> String? {
        publications.flatMap { $0.rows(.ratings).compactMap { $0.value("value") == nil ? nil : $0.value("period") } }.max()
    }

    /// Whether `s` is a period the report takes: YYYY-MM.
    public static func isPeriod(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && parts[0].count == 4 && parts[1].count == 2 && parts.allSatisfy { $0.allSatisfy(\.isASCII) && Int($0) != nil }
            && (1...12).contains(Int(parts[1])!)
    }
}

// MARK: the document

extension RegionReport {
    /// How many municipalities one table of the document shows side by side.
    static let perTable = 4

    /// How many municipalities published: a name two stores publish under counts once.
    public var municipalityCount: Int { Set(municipalities.map { $0.name.lowercased() }).count }

    /// The municipalities' names as columns: a name two stores publish
    /// under (a municipality with two stores) carries its cycle's area.
    public var columnNames: [String] {
        let counts = Dictionary(municipalities.map { ($0.name.lowercased(), 1) }, uniquingKeysWith: +)
        return municipalities.map { m in
            guard counts[m.name.lowercased()]! > 1, let area = m.cycle?.value("area"), !area.isEmpty else { return m.name }
            return "\(m.name) (\(area))"
        }
    }

    public func document(language: Language) -> Document {
        let t = RegionTexts(language)
        let d = DocumentTexts(language)
        let ui = Texts(language)
        let names = columnNames
        var b: [Block] = [.paragraph(t.intro(municipalityCount, period))]
        // At most four municipalities side by side: a county's eight in one
        // table ran off the A4 page (seen in a county's walk). Each group
        // is a table of its own, the questions repeated.
        let groups = stride(from: 0, to: municipalities.count, by: Self.perTable).map { $0..<min($0 + Self.perTable, municipalities.count) }
        if municipalities.isEmpty { b.append(.empty(t[.noMunicipalities])) }

        b.append(.heading(2, t[.ratingsHeading]))
        if ratings.isEmpty {
            b.append(.empty(t[.noRatings]))
        } else {
            b.append(.paragraph([.muted(t[.trendExplained])]))
            for g in groups {
            b.append(.table(Table(
                columns: [Column(d[.question])] + names[g].map { Column($0) },
                rows: ratings.map { line in
                    [Cell(line.question)] + line.cells[g].map { cell -> Cell in
                        guard let cell else { return Cell("–") }
                        var spans: Spans = []
                        for (i, e) in cell.trend.enumerated() {
                            let word = ui.ratingValue(e.value)
                            let isNow = i == cell.trend.count - 1 && e.period == period
                            if i > 0 { spans.append(.muted(" → ")) }
                            spans.append(isNow ? .strong(word) : .muted("\(word) (\(e.period))"))
                        }
                        if cell.value == nil { spans.append(.muted(" → –")) }
                        return Cell(spans, signal: cell.value.flatMap(Signal.init(rawValue:)))
                    }
                },
                style: "rating")))
            }
        }

        b.append(.heading(2, t[.qualityHeading]))
        b.append(.paragraph([.muted(t[.qualityExplained])]))
        let cycles = municipalities.map { m in
            "\(m.name): " + (m.cycle.map { "\($0.value("area") ?? "") (\($0.value("period") ?? ""))" } ?? t[.noCycle])
        }
        b.append(.bullets(cycles.map(ListItem.init)))
        for g in groups {
        b.append(.table(Table(
            columns: [Column(d[.number], numeric: true), Column(d[.question])] + names[g].map { Column($0) },
            rows: quality.enumerated().map { i, cells in
                [Cell("\(i + 1)"), Cell(d.rubricQuestion(i + 1))] + cells[g].map { c -> Cell in
                    guard let c else { return Cell("–") }
                    var spans: Spans = [Span(d.verdict(c.verdict))]
                    if let level = c.level { spans.append(Span(" · \(d.level(level))")) }
                    spans.append(.muted(" (\(c.evidenceCount))"))
                    return Cell(spans, signal: Documents.signal(c.verdict, level: c.level))
                }
            },
            style: "quality")))
        }

        b.append(.heading(2, t[.promisesHeading]))
        b.append(.table(Table(
            columns: [Column(t[.municipality]), Column(t[.promise]), Column(t[.activities]), Column(t[.followUps])],
            rows: promises.enumerated().map { i, p in
                [Cell(names[i]), Cell(p.title.map { $0 + (p.draft ? " (\(t[.draft]))" : "") } ?? t[.noPromise]),
                 Cell(ActivityStatus.allCases.compactMap { s in
                     (p.activities[s] ?? 0) == 0 ? nil : "\(ui.activityStatus(s)) \(p.activities[s]!)" }.joined(separator: ", ")),
                 Cell(FollowUpStatus.allCases.compactMap { s in
                     (p.followUps[s] ?? 0) == 0 ? nil : "\(ui.followUpStatus(s)) \(p.followUps[s]!)" }.joined(separator: ", "))]
            })))
        for (i, p) in promises.enumerated() where !p.promised.isEmpty {
            b.append(.heading(3, "\(names[i]): \(t[.promisedActivities])"))
            b.append(.bullets(p.promised.map { a in
                ListItem([Span("\(a.number). \(a.what)"), .muted(a.organisation.isEmpty ? "" : " (\(a.organisation))"),
                          Span(" – "), .strong(ui.activityStatus(a.status))])
            }))
        }
        return Document(kind: .quality, language: language, kindLabel: t[.kind], title: t.title(period),
                        meta: [t[.source]], blocks: b)
    }

    /// The report as one CSV table (RFC 4180, CRLF): one line per
    /// municipality and rating period, rubric answer and activity.
    public func csv(language: Language, dialect: CSVDialect = .excel) -> String {
        let t = RegionTexts(language)
        let d = DocumentTexts(language)
        let ui = Texts(language)
        // The header in the report's language, as its values are.
        var lines: [[String]] = [language == .sv
            ? ["avsnitt", "kommun", "lager_id", "cykel", "fråga", "period", "värde", "nivå", "antal_underlag"]
            : ["section", "municipality", "store_id", "cycle", "question", "period", "value", "level", "evidence_count"]]
        for line in ratings {
            for (i, cell) in line.cells.enumerated() {
                for e in cell?.trend ?? [] {
                    lines.append([t[.csvRating], municipalities[i].name, municipalities[i].storeID, "", line.question, e.period,
                                  ui.ratingValue(e.value), "", ""])
                }
            }
        }
        for (n, cells) in quality.enumerated() {
            for (i, c) in cells.enumerated() {
                guard let c else { continue }
                lines.append([t[.csvQuality], municipalities[i].name, municipalities[i].storeID, municipalities[i].cycle?.localID ?? "",
                              "\(n + 1). \(d.rubricQuestion(n + 1))", period, d.verdict(c.verdict), c.level.map(d.level) ?? "",
                              "\(c.evidenceCount)"])
            }
        }
        for (i, p) in promises.enumerated() {
            for a in p.promised {
                lines.append([t[.csvActivity], municipalities[i].name, municipalities[i].storeID, municipalities[i].cycle?.localID ?? "",
                              "\(a.number). \(a.what)", period, ui.activityStatus(a.status), "", ""])
            }
        }
        let text = lines.map { $0.map { RecordSet.csvField($0, dialect) }.joined(separator: String(dialect.separator)) + "\r\n" }.joined()
        return dialect == .excel ? "\u{FEFF}" + text : text
    }
}

/// The report's own words, Swedish and English.
struct RegionTexts {
    enum Key {
        case kind, source, noMunicipalities, ratingsHeading, noRatings, trendExplained, qualityHeading, qualityExplained, noCycle
        case promisesHeading, municipality, promise, activities, followUps, draft, noPromise, promisedActivities
        case csvRating, csvQuality, csvActivity
    }

    let language: Language
    init(_ language: Language) { self.language = language }

    subscript(_ key: Key) -> String {
        let (sv, en): (String, String) = switch key {
        case .kind: ("Regional jämförelse", "Regional comparison")
        case .source: ("Publicerat av kommunerna till länets samtal-region", "Published by the municipalities to the county's samtal region")
        case .noMunicipalities: ("Ingen kommun har publicerat ännu.", "No municipality has published yet.")
        case .ratingsHeading: ("Lägesrapporter – bedömningar", "Situation reports – ratings")
        case .noRatings: ("Inga bedömningar till och med perioden.", "No ratings up to the period.")
        case .trendExplained: ("Varje kommuns bedömning under perioden i fetstil, efter de tidigare perioderna (högst tre).",
                               "Each municipality's rating in the period in bold, after the earlier periods (at most three).")
        case .qualityHeading: ("Kvalitetsgranskning – de 15 frågorna", "Quality review – the 15 questions")
        case .qualityExplained: ("Svaret, nivån där frågan graderas, och (antal underlag) ur varje kommuns egen kvalitetsgranskning av cykeln nedan.",
                                 "The answer, the level where the question is graded, and (number of evidence lines) from each municipality's own quality review of the cycle below.")
        case .noCycle: ("ingen cykel", "no cycle")
        case .promisesHeading: ("Medborgarlöften och aktiviteter", "Citizen promises and activities")
        case .municipality: ("Kommun", "Municipality")
        case .promise: ("Medborgarlöfte", "Citizen promise")
        case .activities: ("Aktiviteter", "Activities")
        case .followUps: ("Uppföljningar", "Follow-ups")
        case .draft: ("utkast", "draft")
        case .noPromise: ("inget löfte", "no promise")
        case .promisedActivities: ("utlovade aktiviteter", "promised activities")
        case .csvRating: ("lägesrapport", "rating")
        case .csvQuality: ("kvalitetsgranskning", "quality")
        case .csvActivity: ("aktivitet", "activity")
        }
        return language == .sv ? sv : en
    }

    func title(_ period: String) -> String { language == .sv ? "Länets bild \(period)" : "The county's picture \(period)" }

    func intro(_ count: Int, _ period: String) -> String {
        language == .sv
            ? "\(count) \(count == 1 ? "kommun" : "kommuner") har publicerat. Lägesrapporternas bedömningar för \(period) sida vid sida med utvecklingen över perioderna, kvalitetsgranskningens 15 frågor per kommun och hur långt löftenas aktiviteter har kommit."
            : "\(count) \(count == 1 ? "municipality has" : "municipalities have") published. The situation reports' ratings for \(period) side by side with the trend over the periods, the quality review's 15 questions per municipality, and how far the promises' activities have come."
    }
}
