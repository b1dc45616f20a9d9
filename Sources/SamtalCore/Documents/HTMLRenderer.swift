// A `Document` as one self-contained HTML5 file: inline CSS with print
// rules for A4 (page numbers through the paged-media rules weasyprint
// reads), inline SVG bar charts, no scripts, no external assets.
//
// Every text that comes from the document goes through `escape`: nothing
// is written unescaped except the markup of this file and numbers. No
// stored text is ever written into the CSS.

public enum HTMLRenderer {
    /// With `forWord`, the HTML pandoc turns into DOCX: the document's
    /// title is the `<title>` alone (pandoc makes it the Word title, once),
    /// with no `<h1>` repeating it.
    public static func render(_ doc: Document, forWord: Bool = false) -> String {
        let e: (String) -> String = { escape($0) }
        var out: [String] = [
            "<!doctype html>",
            "<html lang=\"\(doc.language.rawValue)\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            forWord ? "<title>\(e(doc.title))</title>" : "<title>\(e(doc.title)) – \(e(doc.kindLabel))</title>",
            "<style>",
            css,
            "</style>",
            "</head>",
            "<body class=\"doc-\(doc.kind.rawValue)\">",
            "<header>",
            "<p class=\"doc-kind\">\(e(doc.kindLabel))</p>",
        ]
        if !forWord { out.append("<h1>\(e(doc.title))</h1>") }
        for line in doc.meta { out.append("<p class=\"meta\">\(e(line))</p>") }
        out += ["</header>", "<main>"]
        var charts = 0
        for block in doc.blocks {
            if case .barChart = block { charts += 1 }
            out += render(block, chartID: "chart-\(charts)")
        }
        out += ["</main>", "</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    static func render(_ block: Block, chartID: String) -> [String] {
        let e: (String) -> String = { escape($0) }
        switch block {
        case .heading(let level, let text):
            let n = min(max(level, 2), 6)
            return ["<h\(n)>\(e(text))</h\(n)>"]
        case .paragraph(let s):
            return ["<p>\(spans(s))</p>"]
        case .keyValues(let pairs):
            return ["<dl class=\"facts\">"] + pairs.map { "<div><dt>\(e($0.key))</dt><dd>\(spans($0.value))</dd></div>" } + ["</dl>"]
        case .list(let items, let ordered):
            return list(items, ordered: ordered)
        case .table(let t):
            return table(t)
        case .barChart(let chart):
            return barChart(chart, id: chartID)
        case .empty(let text):
            return ["<p class=\"empty\">\(e(text))</p>"]
        case .notice(let text):
            return ["<p class=\"notice\">\(e(text))</p>"]
        case .together(let blocks):
            return ["<div class=\"together\">"] + blocks.flatMap { render($0, chartID: chartID) } + ["</div>"]
        case .signatures(let s):
            // Lines to write on, each with its label under it, as on a form.
            var out = ["<div class=\"signatures\">"]
            for name in s.names {
                // A document already dated and placed needs no line for them.
                let placeAndDate = s.placeAndDateLabel.isEmpty ? "" : "<p class=\"line\">\(e(s.placeAndDateLabel))</p>"
                out.append("<div class=\"signature\">\(placeAndDate)"
                    + "<p class=\"line\">\(e(s.signatureLabel))</p><p class=\"name\">\(e(name))</p></div>")
            }
            return out + ["</div>"]
        }
    }

    static func list(_ items: [ListItem], ordered: Bool) -> [String] {
        let tag = ordered ? "ol" : "ul"
        let checklist = items.contains { $0.checked != nil }
        var out = ["<\(tag)\(checklist ? " class=\"checklist\"" : "")>"]
        for item in items {
            var line = "<li>"
            if let checked = item.checked { line += "<span class=\"box\">\(checked ? "☑" : "☐")</span> " }
            line += spans(item.spans)
            if item.children.isEmpty {
                out.append(line + "</li>")
            } else {
                out.append(line)
                out += list(item.children, ordered: item.orderedChildren)
                out.append("</li>")
            }
        }
        return out + ["</\(tag)>"]
    }

    static func table(_ t: Table) -> [String] {
        let e: (String) -> String = { escape($0) }
        func td(_ c: Cell, _ column: Column?) -> String {
            var classes: [String] = []
            if column?.numeric == true { classes.append("num") }
            if column?.noWrap == true { classes.append("nowrap") }
            if let s = c.signal { classes += ["signal", "signal-\(s.rawValue)"] }
            let attr = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
            return "<td\(attr)>\(spans(c.spans))</td>"
        }
        var out = ["<table\(t.style.map { " class=\"\(e($0))\"" } ?? "")>"]
        if let caption = t.caption { out.append("<caption>\(e(caption))</caption>") }
        out.append("<thead><tr>" + t.columns.map {
            "<th scope=\"col\"\($0.numeric ? " class=\"num\"" : "")>\(e($0.title))</th>"
        }.joined() + "</tr></thead>")
        out.append("<tbody>")
        for row in t.rows {
            out.append("<tr>" + row.enumerated().map { i, c in td(c, t.columns.indices.contains(i) ? t.columns[i] : nil) }.joined() + "</tr>")
        }
        out.append("</tbody>")
        if let footer = t.footer, let first = footer.first {
            let rest = footer.dropFirst().enumerated().map { i, c in td(c, t.columns.indices.contains(i + 1) ? t.columns[i + 1] : nil) }
            out.append("<tfoot><tr><th scope=\"row\">\(spans(first.spans))</th>" + rest.joined() + "</tr></tfoot>")
        }
        return out + ["</table>"]
    }

    static func spans(_ spans: Spans) -> String {
        spans.map { s in
            let text = escape(s.text, breaks: true)
            switch s.style {
            case .plain: return text
            case .strong: return "<strong>\(text)</strong>"
            case .muted: return "<span class=\"muted\">\(text)</span>"
            case .emphasis: return "<em>\(text)</em>"
            }
        }.joined()
    }

    /// One bar per entry, its label above it and its value in words after
    /// it, so nothing depends on colour. Colours are attributes (not CSS
    /// classes) so every SVG renderer draws them.
    static func barChart(_ chart: BarChart, id: String) -> [String] {
        let e: (String) -> String = { escape($0) }
        let width = 640, barMax = 520, row = 44, top = 8
        let height = top + row * chart.bars.count
        let most = max(1, chart.bars.map(\.value).max() ?? 0)
        var out = [
            "<figure class=\"chart\">",
            "<svg role=\"img\" aria-labelledby=\"\(id)-title\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\">",
            "<title id=\"\(id)-title\">\(e(chart.title))</title>",
        ]
        for (i, bar) in chart.bars.enumerated() {
            let y = top + i * row
            let w = bar.value <= 0 ? 0 : max(2, Int((Double(bar.value) / Double(most) * Double(barMax)).rounded()))
            out.append("<text x=\"0\" y=\"\(y + 13)\" font-size=\"14\" fill=\"#1a1a1a\">\(e(shortened(bar.label, to: 80)))</text>")
            out.append("<rect x=\"0\" y=\"\(y + 19)\" width=\"\(w)\" height=\"16\" fill=\"\(fill(bar.signal))\" stroke=\"#1a1a1a\" stroke-width=\"1\"></rect>")
            out.append("<text x=\"\(w + 6)\" y=\"\(y + 32)\" font-size=\"14\" fill=\"#1a1a1a\">\(e(bar.valueText))</text>")
        }
        return out + ["</svg>", "<figcaption>\(e(chart.title))</figcaption>", "</figure>"]
    }

    static func fill(_ signal: Signal?) -> String {
        switch signal {
        case .green: "#4f9a55"
        case .yellow: "#e0b82e"
        case .red: "#c4473d"
        case nil: "#3d6a9e"
        }
    }

    /// At most `limit` characters, with "…" when cut (an SVG label does not wrap).
    static func shortened(_ s: String, to limit: Int) -> String {
        s.count <= limit ? s : String(s.prefix(limit - 1)) + "…"
    }

    /// Text as HTML character data or a quoted attribute value: the five
    /// markup characters become references; line breaks and tabs become
    /// spaces (with `breaks`, in a block's text, a line break is a `<br>`);
    /// other control characters (C0, DEL, C1) and noncharacters become
    /// U+FFFD.
    public static func escape(_ s: String, breaks: Bool = false) -> String {
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
            case "\n", "\r", "\u{2028}", "\u{2029}": out += breaks ? "<br>" : " "
            case "\t": out += " "
            default:
                let v = u.value
                let isControl = v < 0x20 || (0x7F...0x9F).contains(v)
                let isNoncharacter = (0xFDD0...0xFDEF).contains(v) || (v & 0xFFFE) == 0xFFFE
                out.unicodeScalars.append(isControl || isNoncharacter ? "\u{FFFD}" : u)
            }
        }
        return out
    }

    /// In a table cell a long compound breaks at a syllable (the
    /// document's `lang`; `hyphen-sv` for weasyprint), not between any two
    /// letters, and a word of fewer than twelve letters stays whole: a
    /// plan's table ran past the PDF's margin with "trafiksäkerhetsarbet e"
    /// (the sixteenth walk).
    static let css = """
    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    body {
      /* No emoji font named here: a PDF renderer would take the digits from
         it. The system's fallback draws emoji. */
      font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", "Noto Sans", sans-serif;
      font-size: 1rem; line-height: 1.5; color: #1a1a1a; background: #fff;
      max-width: 50rem; margin: 2rem auto; padding: 0 1.25rem;
      overflow-wrap: break-word;
    }
    header { border-bottom: 3px solid #1a1a1a; padding-bottom: .75rem; margin-bottom: 1.5rem; }
    .doc-kind { margin: 0; font-size: .8rem; letter-spacing: .08em; text-transform: uppercase; color: #555; }
    h1 { font-size: 1.8rem; line-height: 1.2; margin: .2rem 0 .3rem; string-set: doctitle content(); }
    .meta { margin: 0; color: #444; }
    h2 { font-size: 1.3rem; line-height: 1.3; margin: 2rem 0 .75rem; padding-bottom: .2rem; border-bottom: 1px solid #999; }
    h3 { font-size: 1.1rem; line-height: 1.3; margin: 1.75rem 0 .5rem; }
    h4 { font-size: 1rem; line-height: 1.3; margin: 1rem 0 .3rem; }
    p { margin: .4rem 0 .8rem; }
    dl.facts { margin: .3rem 0 1.25rem; }
    dl.facts > div { overflow: hidden; }
    dl.facts dt { float: left; width: 14rem; font-weight: 600; padding: .1rem 1rem .1rem 0; }
    dl.facts dd { margin: 0 0 0 14rem; padding: .1rem 0; }
    table { width: 100%; border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
    caption { text-align: left; font-weight: 600; padding-bottom: .3rem; }
    th, td { border: 1px solid #777; padding: .3rem .55rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
    td { hyphens: auto; hyphenate-limit-chars: 12 5 5; }
    .nowrap { white-space: nowrap; }
    thead th { background: #ececec; border-bottom: 2px solid #333; }
    tfoot th, tfoot td { font-weight: 700; border-top: 2px solid #333; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    td.num { white-space: nowrap; }
    td.signal { font-weight: 600; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
    td.signal-green { background: #d3ead3; }
    td.signal-yellow { background: #f8eab0; }
    td.signal-red { background: #f3c9c5; }
    ul, ol { padding-left: 1.4rem; margin: .3rem 0 .8rem; }
    li { margin: .2rem 0; }
    ul.checklist { list-style: none; padding-left: .2rem; }
    .muted { color: #4a4a4a; }
    .empty { color: #555; font-style: italic; }
    .notice { border: 2px solid #1a1a1a; padding: .5rem .8rem; font-weight: 600; }
    figure.chart { margin: .5rem 0 1.25rem; }
    figure.chart svg { display: block; width: 100%; height: auto; max-width: 40rem; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
    figure.chart figcaption { font-size: .85rem; color: #555; }
    .chart text { font-family: inherit; }
    .signatures { margin: 2rem 0 1rem; }
    .signature { display: inline-block; vertical-align: top; width: 45%; margin: 0 4% 1.5rem 0; }
    .signature .line { border-top: 1px solid #1a1a1a; margin: 2.8rem 0 0; padding-top: .15rem; font-size: .8rem; color: #444; }
    .signature .name { margin: .2rem 0 0; font-weight: 600; }
    @page {
      size: A4; margin: 20mm 18mm 22mm 20mm;
      @bottom-left { content: string(doctitle); font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif; font-size: 8pt; color: #555; }
      @bottom-right { content: counter(page) " / " counter(pages); font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif; font-size: 8pt; color: #555; }
    }
    @page promise { margin: 15mm 16mm 16mm 18mm; }
    @media print {
      body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; color: #000; background: none; }
      thead th { background: none; }
      thead { display: table-header-group; }
      /* A total once, after the last row: a footer group is repeated on
         every page a table runs over, where it read as the total of the
         rows above it (the twenty-second session's walk). */
      tfoot { display: table-row-group; }
      tr, li, dl.facts > div, figure, .signature, .notice { break-inside: avoid; page-break-inside: avoid; }
      h1, h2, h3, h4, caption { break-after: avoid; page-break-after: avoid; }
      p, li { orphans: 3; widows: 3; }
      /* A promise is one A4 page when its content allows, as the real ones
         are (Ludvika, Fagersta): tighter type, the signatures kept whole. */
      body.doc-promise { font-size: 9.5pt; line-height: 1.35; page: promise; }
      .doc-promise header { padding-bottom: .4rem; margin-bottom: .6rem; }
      .doc-promise h1 { font-size: 1.5rem; }
      .doc-promise h2 { font-size: 1.05rem; margin: .75rem 0 .25rem; padding-bottom: .1rem; break-after: avoid; page-break-after: avoid; }
      .doc-promise p { margin: .15rem 0 .35rem; }
      .doc-promise ul { margin: .2rem 0 .4rem; }
      .doc-promise .notice { margin: .3rem 0 .5rem; padding: .3rem .6rem; }
      .doc-promise .signatures { margin: .6rem 0 0; break-inside: avoid; page-break-inside: avoid; }
      /* Its closing sections and signatures on one page: signatures
         alone on a page were under no commitment. */
      .together { break-inside: avoid; page-break-inside: avoid; }
      .doc-promise .signature { margin-bottom: .4rem; }
      .doc-promise .signature .line { margin-top: 1.6rem; }
    }
    """
}
