// The meeting summary as one self-contained HTML5 document: the same content
// as `SummaryExport.markdown`, with inline CSS (print rules for A4) and an
// inline SVG chart for each vote. No scripts, no external assets.
//
// Every text that comes from the store or an agenda goes through `escape`,
// and so does every UI text: nothing is written into the document unescaped
// except the markup of this file and numbers.

public enum HTMLExport {
    /// The meeting summary (internal: hidden notes are included and marked).
    public static func summary(_ r: MeetingRecord, texts t: Texts) -> String {
        let sv = t.language == .sv
        let e = escape
        var out: [String] = []
        let docKind = sv ? "Mötessammanfattning" : "Meeting summary"
        out.append("<!doctype html>")
        out.append("<html lang=\"\(sv ? "sv" : "en")\">")
        out.append("<head>")
        out.append("<meta charset=\"utf-8\">")
        out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        out.append("<title>\(e(r.meeting.title)) – \(e(docKind))</title>")
        out.append("<style>")
        out.append(css)
        out.append("</style>")
        out.append("</head>")
        out.append("<body>")
        out.append("<header>")
        out.append("<p class=\"doc-kind\">\(e(docKind))</p>")
        out.append("<h1>\(e(r.meeting.title))</h1>")
        out.append("<p class=\"meta\">\(e(sv ? "Dagordning" : "Agenda")): \(e(r.agenda.title)) · \(e(t[.homeCycle])): \(e(r.cycle.area)) · \(e(r.cycle.period))</p>")
        out.append("</header>")
        out.append("<main>")

        // Method description.
        let f = r.meeting.facts
        func fact(_ s: String) -> String { s.isEmpty ? "–" : e(s) }
        out.append("<section class=\"method\">")
        out.append("<h2>\(e(sv ? "Metodbeskrivning" : "Method description"))</h2>")
        out.append("<dl class=\"facts\">")
        let facts: [(TextKey?, String, String)] = [
            (.fieldDate, "", fact(f.date)),
            (.fieldPlace, "", fact(f.place)),
            (.fieldForm, "", e(t.form(f.form))),
            (.fieldFacilitator, "", fact(f.facilitator)),
            (.fieldNoteTakers, "", fact(f.noteTakers)),
            (.fieldGroups, "", "\(r.meeting.groupCount)"),
            (.fieldNamedNotes, "", e(f.namedNotes ? t[.notesNamed] : t[.notesAnonymous])),
            (nil, "Status", e(t.status(r.meeting.status))),
        ]
        for (key, label, value) in facts {
            out.append("<dt>\(e(key.map { t[$0] } ?? label))</dt><dd>\(value)</dd>")
        }
        out.append("</dl>")
        if f.participants.isEmpty {
            out.append("<p class=\"empty\">\(e(sv ? "Inga deltagare registrerade." : "No participants recorded."))</p>")
        } else {
            out.append("<table class=\"participants\">")
            out.append("<caption>\(e(t[.participantsHeading]))</caption>")
            out.append("<thead><tr><th scope=\"col\">\(e(t[.columnOrganisation]))</th><th scope=\"col\" class=\"num\">\(e(t[.columnCount]))</th><th scope=\"col\" class=\"num\">\(e(t[.columnWomen]))</th><th scope=\"col\" class=\"num\">\(e(t[.columnMen]))</th><th scope=\"col\" class=\"num\">\(e(t[.columnOther]))</th></tr></thead>")
            out.append("<tbody>")
            for p in f.participants {
                out.append("<tr><td>\(e(p.organisationRole))</td><td class=\"num\">\(p.headCount)</td><td class=\"num\">\(p.women)</td><td class=\"num\">\(p.men)</td><td class=\"num\">\(p.otherOrUnstated)</td></tr>")
            }
            out.append("</tbody>")
            out.append("<tfoot><tr><th scope=\"row\">\(e(t[.participantsTotal]))</th><td class=\"num\">\(f.totalHeadCount)</td><td class=\"num\">\(f.totalWomen)</td><td class=\"num\">\(f.totalMen)</td><td class=\"num\">\(f.totalOtherOrUnstated)</td></tr></tfoot>")
            out.append("</table>")
        }
        out.append("</section>")

        // Time per step.
        out.append("<section class=\"time\">")
        out.append("<h2>\(e(sv ? "Tid per steg" : "Time per step"))</h2>")
        out.append("<table>")
        out.append("<thead><tr><th scope=\"col\">\(e(t[.stepLabel]))</th><th scope=\"col\" class=\"num\">\(e(sv ? "Planerat" : "Planned"))</th><th scope=\"col\" class=\"num\">\(e(sv ? "Faktiskt" : "Actual"))</th></tr></thead>")
        out.append("<tbody>")
        var actualTotal = 0.0
        for (i, s) in r.agenda.steps.enumerated() {
            let seconds = r.stepSeconds[s.id] ?? 0
            actualTotal += seconds
            out.append("<tr><td>\(i + 1). \(e(s.title))</td><td class=\"num\">\(s.minutes) min</td><td class=\"num\">\(e(SummaryExport.minutes(seconds)))</td></tr>")
        }
        out.append("</tbody>")
        out.append("<tfoot><tr><th scope=\"row\">\(e(t[.participantsTotal]))</th><td class=\"num\">\(r.agenda.plannedMinutes) min</td><td class=\"num\">\(e(SummaryExport.minutes(actualTotal)))</td></tr></tfoot>")
        out.append("</table>")
        out.append("</section>")

        // Notes and what each step produced.
        out.append("<section class=\"steps\">")
        out.append("<h2>\(e(t[.notesHeading]))</h2>")
        let byStep = Dictionary(grouping: r.notes, by: \.stepID)
        for (i, s) in r.agenda.steps.enumerated() {
            out.append("<section class=\"step\">")
            out.append("<h3>\(i + 1). \(e(s.title))</h3>")
            let records = stepRecords(s, index: i, r, texts: t)
            out += records
            if let notes = byStep[s.id], !notes.isEmpty {
                for (group, groupNotes) in Dictionary(grouping: notes, by: \.group).sorted(by: { $0.key < $1.key }) {
                    out.append("<h4>\(e(t.group(group)))</h4>")
                    out.append("<ul class=\"notes\">")
                    for n in groupNotes.sorted(by: { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }) {
                        out.append("<li>\(noteLine(n, texts: t))</li>")
                    }
                    out.append("</ul>")
                }
            } else if records.isEmpty {
                out.append("<p class=\"empty\">\(e(sv ? "Inga anteckningar." : "No notes."))</p>")
            }
            out.append("</section>")
        }
        // Notes of steps no longer in the agenda are never dropped.
        let known = Set(r.agenda.steps.map(\.id))
        let orphans = r.notes.filter { !known.contains($0.stepID) }
        if !orphans.isEmpty {
            out.append("<section class=\"step\">")
            out.append("<h3>\(e(sv ? "Övriga steg" : "Other steps"))</h3>")
            out.append("<ul class=\"notes\">")
            for n in orphans {
                out.append("<li><span class=\"step-id\">\(e(n.stepID)) · \(e(t.group(n.group)))</span> · \(noteLine(n, texts: t))</li>")
            }
            out.append("</ul>")
            out.append("</section>")
        }
        out.append("</section>")
        out.append("</main>")
        out.append("</body>")
        out.append("</html>")
        return out.joined(separator: "\n") + "\n"
    }

    /// One note: type, source, text, author when named, and the hidden mark.
    static func noteLine(_ n: Note, texts t: Texts) -> String {
        let e = escape
        var line = "<span class=\"type\">\(e(t.noteType(n.type)))</span> <span class=\"source\">(\(e(t.source(n.source))))</span>: \(e(n.text))"
        if !n.author.isEmpty { line += " <span class=\"author\">– \(e(n.author))</span>" }
        if n.hidden {
            line += " <span class=\"hidden-mark\">(\(e(t.language == .sv ? "dold på projektorn" : "hidden on the projector")))</span>"
        }
        return line
    }

    /// What a step's own interaction produced, as HTML lines (the same
    /// records as `SummaryExport.stepRecords`).
    static func stepRecords(_ step: AgendaStep, index: Int, _ r: MeetingRecord, texts t: Texts) -> [String] {
        let sv = t.language == .sv
        let e = escape
        guard let d = r.steps[step.id] else { return [] }
        var out: [String] = []
        switch step.kind {
        case .cluster where !d.focusAreas.isEmpty:
            out.append("<h4>\(e(t[.clusterAreasHeading]))</h4>")
            out.append("<ul class=\"areas\">")
            let notes = Dictionary(d.sourceNotes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for a in d.focusAreas {
                let members = a.noteIDs.compactMap { notes[$0] }
                var line = "<li><strong>\(e(a.name))</strong> (\(e(t.areaType(a.type))))"
                if !members.isEmpty {
                    line += "\n<ul>\n" + members.map { "<li>\(e($0.text))</li>" }.joined(separator: "\n") + "\n</ul>\n"
                }
                out.append(line + "</li>")
            }
            out.append("</ul>")
        case .vote where !d.focusAreas.isEmpty:
            let ranking = Ranking.rank(d.focusAreas, votes: d.votes)
            func rankText(_ x: RankedFocusArea) -> String { x.dots == 0 ? "–" : (x.tied ? "\(x.rank)=" : "\(x.rank)") }
            // In the chart an untied rank reads "3." (as in a list); "1=" and "–" stay.
            func chartRank(_ x: RankedFocusArea) -> String { x.dots == 0 || x.tied ? rankText(x) : "\(x.rank)." }
            let dotsLabel = sv ? "Prickar" : "Dots"
            out.append("<table class=\"ranking\">")
            out.append("<caption>\(e(t[.voteHeading]))</caption>")
            out.append("<thead><tr><th scope=\"col\" class=\"num\">\(e(t[.voteRank]))</th><th scope=\"col\">\(e(t[.clusterAreasHeading]))</th><th scope=\"col\" class=\"num\">\(e(dotsLabel))</th></tr></thead>")
            out.append("<tbody>")
            for x in ranking {
                out.append("<tr><td class=\"num\">\(e(rankText(x)))</td><td>\(e(x.area.name))</td><td class=\"num\">\(x.dots)</td></tr>")
            }
            out.append("</tbody>")
            out.append("</table>")
            out += chart(ranking, id: "chart-\(index + 1)", rankText: chartRank, texts: t)
        case .checklist:
            out.append("<ul class=\"checklist\">")
            for (i, item) in step.questions.enumerated() {
                let a = d.checklist.first { $0.item == i }
                let done = a?.done == true
                let mark = "<span class=\"check\">\(done ? "☑" : "☐")</span> "
                let state = " <span class=\"state\">(\(e(done ? t[.checklistDone] : t[.checklistNotDone])))</span>"
                let comment = a.map { $0.comment.isEmpty ? "" : " – \(e($0.comment))" } ?? ""
                out.append("<li>\(mark)\(e(item))\(state)\(comment)</li>")
            }
            out.append("</ul>")
        case .rating:
            out.append("<table class=\"rating\">")
            out.append("<thead><tr><th scope=\"col\">\(e(sv ? "Fråga" : "Question"))</th><th scope=\"col\">\(e(t[.ratingHeading]))</th><th scope=\"col\">\(e(t[.ratingObservations]))</th><th scope=\"col\">\(e(t[.ratingComment]))</th></tr></thead>")
            out.append("<tbody>")
            for (i, q) in step.questions.enumerated() {
                let rating = d.ratings.first { $0.question == i }
                let value = rating?.value.map { t.ratingValue($0) } ?? t[.ratingNotRated]
                out.append("<tr><td>\(e(q))</td><td>\(e(value))</td><td>\(e(rating?.observations ?? ""))</td><td>\(e(rating?.comment ?? ""))</td></tr>")
            }
            out.append("</tbody>")
            out.append("</table>")
        case .problem:
            for p in r.problems where p.stepID == step.id {
                let area = p.focusAreaID.flatMap { id in r.steps.values.flatMap(\.focusAreas).first { $0.id == id } }
                out.append("<h4>\(e(t[.problemHeading])): \(e(area?.name ?? t[.problemNoArea]))</h4>")
                let answered = ProblemQuestion.allCases.filter { !(p.answers[$0] ?? "").isEmpty }
                if !answered.isEmpty {
                    out.append("<dl class=\"answers\">")
                    for q in answered {
                        out.append("<dt>\(e(t.problemField(.question(q))))</dt><dd>\(e(p.answers[q]!))</dd>")
                    }
                    out.append("</dl>")
                }
                let chain = r.whyChains[p.id] ?? []
                if !chain.isEmpty {
                    out.append("<p class=\"label\">\(e(t[.problemWhyChain])):</p>")
                    out.append("<ol class=\"why\">")
                    for c in chain { out.append("<li>\(e(c.text))</li>") }
                    out.append("</ol>")
                }
                let sides = TriangleSide.allCases.filter { !(p.triangle[$0] ?? "").isEmpty }
                if !sides.isEmpty {
                    out.append("<p class=\"label\">\(e(t[.problemTriangle])):</p>")
                    out.append("<dl class=\"answers\">")
                    for side in sides {
                        out.append("<dt>\(e(t.problemField(.triangle(side))))</dt><dd>\(e(p.triangle[side]!))</dd>")
                    }
                    out.append("</dl>")
                }
            }
        case .activities where !d.activities.isEmpty:
            out.append("<table class=\"activities\">")
            out.append("<thead><tr><th scope=\"col\">\(e(t[.activityWhat]))</th><th scope=\"col\">\(e(t[.activityWho]))</th><th scope=\"col\">Period</th><th scope=\"col\">\(e(t[.keyPriority]))</th><th scope=\"col\">\(e(t[.activityArea]))</th></tr></thead>")
            out.append("<tbody>")
            for a in d.activities {
                let area = a.focusAreaID.flatMap { id in d.focusAreas.first { $0.id == id }?.name } ?? ""
                out.append("<tr><td>\(e(a.what))</td><td>\(e(a.responsible))</td><td>\(e(a.start))–\(e(a.end))</td><td>\(e(t.priority(a.priority)))</td><td>\(e(area))</td></tr>")
            }
            out.append("</tbody>")
            out.append("</table>")
        case .summary where !d.summaryItems.isEmpty:
            for kind in SummaryItemKind.allCases {
                let items = d.summaryItems.filter { $0.kind == kind }
                guard !items.isEmpty else { continue }
                let heading: TextKey = kind == .decision ? .summaryDecisions : kind == .nextStep ? .summaryNextSteps : .summaryCarryForward
                out.append("<h4>\(e(t[heading]))</h4>")
                out.append("<ul class=\"items\">")
                for item in items {
                    var line = "<li>\(e(item.text))"
                    if !item.owner.isEmpty { line += " <span class=\"who\">– \(e(t[.summaryWho])): \(e(item.owner))</span>" }
                    if !item.due.isEmpty { line += " <span class=\"when\">– \(e(t[.summaryWhen])): \(e(item.due))</span>" }
                    out.append(line + "</li>")
                }
                out.append("</ul>")
            }
        default:
            break
        }
        return out
    }

    /// A horizontal bar chart of a ranking: one bar per focus area, with
    /// its rank and name above the bar and the dot count as text after it,
    /// so nothing depends on colour.
    static func chart(_ ranking: [RankedFocusArea], id: String, rankText: (RankedFocusArea) -> String, texts t: Texts) -> [String] {
        let sv = t.language == .sv
        let e = escape
        let width = 640, left = 0, barMax = 530, row = 44, top = 8
        let height = top + row * ranking.count
        let most = max(1, ranking.map(\.dots).max() ?? 0)
        let title = sv ? "Prickar per fokusområde" : "Dots per focus area"
        var out: [String] = []
        out.append("<figure class=\"chart\">")
        out.append("<svg role=\"img\" aria-labelledby=\"\(id)-title\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\">")
        out.append("<title id=\"\(id)-title\">\(e(title))</title>")
        for (i, x) in ranking.enumerated() {
            let y = top + i * row
            let w = x.dots == 0 ? 0 : max(2, Int((Double(x.dots) / Double(most) * Double(barMax)).rounded()))
            let label = "\(rankText(x)) \(shortened(x.area.name, to: 80))"
            out.append("<text x=\"\(left)\" y=\"\(y + 13)\" class=\"label\">\(e(label))</text>")
            out.append("<rect x=\"\(left)\" y=\"\(y + 19)\" width=\"\(w)\" height=\"16\" class=\"bar\"></rect>")
            out.append("<text x=\"\(left + w + 6)\" y=\"\(y + 32)\" class=\"count\">\(x.dots) \(e(dots(x.dots, texts: t)))</text>")
        }
        out.append("</svg>")
        out.append("<figcaption>\(e(title))</figcaption>")
        out.append("</figure>")
        return out
    }

    /// "1 prick", "3 prickar" / "1 dot", "3 dots".
    static func dots(_ n: Int, texts t: Texts) -> String {
        n == 1 ? (t.language == .sv ? "prick" : "dot") : t[.voteDots]
    }

    /// At most `limit` characters, with "…" when cut (an SVG label does not wrap).
    static func shortened(_ s: String, to limit: Int) -> String {
        s.count <= limit ? s : String(s.prefix(limit - 1)) + "…"
    }

    /// Text as HTML character data or a quoted attribute value: the five
    /// markup characters become references; line breaks and tabs become
    /// spaces; other control characters (C0, DEL, C1) and noncharacters
    /// become U+FFFD.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var previousCR = false
        for u in s.unicodeScalars {
            if u == "\n" && previousCR { previousCR = false; continue }
            previousCR = u == "\r"
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\r", "\t", "\u{2028}", "\u{2029}": out += " "
            default:
                let v = u.value
                let isControl = v < 0x20 || (0x7F...0x9F).contains(v)
                let isNoncharacter = (0xFDD0...0xFDEF).contains(v) || (v & 0xFFFE) == 0xFFFE
                out.unicodeScalars.append(isControl || isNoncharacter ? "\u{FFFD}" : u)
            }
        }
        return out
    }

    static let css = """
    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    body {
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif,
        "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji";
      font-size: 1rem; line-height: 1.5; color: #1a1a1a; background: #fff;
      max-width: 48rem; margin: 2rem auto; padding: 0 1.25rem;
      overflow-wrap: break-word;
    }
    header { border-bottom: 3px solid #1a1a1a; padding-bottom: .75rem; margin-bottom: 1.5rem; }
    .doc-kind { margin: 0; font-size: .8rem; letter-spacing: .08em; text-transform: uppercase; color: #555; }
    h1 { font-size: 1.8rem; line-height: 1.2; margin: .2rem 0 .3rem; }
    .meta { margin: 0; color: #444; }
    h2 { font-size: 1.3rem; line-height: 1.3; margin: 2rem 0 .75rem; padding-bottom: .2rem; border-bottom: 1px solid #999; }
    h3 { font-size: 1.1rem; line-height: 1.3; margin: 1.75rem 0 .5rem; }
    h4 { font-size: 1rem; line-height: 1.3; margin: 1rem 0 .3rem; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1.5rem; margin: 0 0 1.25rem; }
    dl.facts dt { font-weight: 600; }
    dl.facts dd { margin: 0; }
    dl.answers dt { font-weight: 600; margin-top: .4rem; }
    dl.answers dd { margin: 0 0 0 1.25rem; }
    table { width: 100%; border-collapse: collapse; margin: .5rem 0 1rem; font-size: .95rem; }
    caption { text-align: left; font-weight: 600; padding-bottom: .3rem; }
    th, td { border: 1px solid #777; padding: .3rem .55rem; text-align: left; vertical-align: top; }
    thead th { background: #ececec; border-bottom: 2px solid #333; }
    tfoot th, tfoot td { font-weight: 700; border-top: 2px solid #333; }
    .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    ul, ol { padding-left: 1.4rem; margin: .3rem 0 .8rem; }
    li { margin: .2rem 0; }
    ul.checklist { list-style: none; padding-left: .2rem; }
    .type { font-weight: 600; }
    .source, .author, .who, .when, .state, .step-id { color: #444; }
    .hidden-mark { color: #444; font-style: italic; }
    .empty { color: #555; font-style: italic; }
    .label { font-weight: 600; margin: .8rem 0 .2rem; }
    figure.chart { margin: .5rem 0 1.25rem; }
    figure.chart svg { display: block; width: 100%; height: auto; max-width: 40rem; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
    figure.chart figcaption { font-size: .85rem; color: #555; }
    .chart text { font-family: inherit; font-size: 14px; fill: #1a1a1a; }
    .chart .bar { fill: #3d6a9e; stroke: #1a1a1a; stroke-width: 1; }
    @media print {
      @page { size: A4; margin: 20mm 18mm 22mm 20mm; }
      body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; color: #000; background: none; }
      thead th { background: none; }
      thead { display: table-header-group; }
      table, tr, li, dl.facts, dl.answers, figure { break-inside: avoid; page-break-inside: avoid; }
      h1, h2, h3, h4, caption, .label { break-after: avoid; page-break-after: avoid; }
      h2, h3, h4 { break-inside: avoid; page-break-inside: avoid; }
      p, li { orphans: 3; widows: 3; }
    }
    """
}
