// A `Document` as Markdown (pipe tables, as GitHub and pandoc read them).
//
// Stored text is text: every character Markdown could read as inline
// syntax (a link, an image, raw HTML, a comment, emphasis) is escaped with
// a backslash, control characters are kept out (see `inline`), and in table
// cells the column separator `|` is escaped. A paragraph or a list item
// keeps its text's line breaks as hard breaks (a backslash at the line's
// end); headings and table cells have them as spaces. A paragraph, or a
// line of it, that would start with a block marker (`#`, `>`, `-`, …) gets
// a backslash so it stays text. The document's own structure
// (headings, lists, tables, emphasis) comes from its blocks, never from
// stored text. Charts are left out: their figures are in the table or list
// beside them.

public enum MarkdownRenderer {
    public static func render(_ doc: Document) -> String {
        var out: [String] = ["# \(inline(doc.title))", "", inline(doc.kindLabel)]
        for line in doc.meta { out += ["", inline(line)] }
        // Kept together on a printed page: nothing to keep in Markdown.
        for block in doc.blocks.flatMap(\.flattened) {
            let lines = render(block)
            if !lines.isEmpty { out += [""] + lines }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func render(_ block: Block) -> [String] {
        switch block {
        case .heading(let level, let text):
            return [String(repeating: "#", count: min(max(level, 2), 6)) + " " + inline(text)]
        case .paragraph(let spans):
            return [paragraph(spans)]
        case .keyValues(let pairs):
            return pairs.map { "- \(inline($0.key)): " + lines(spans($0.value, breaks: true), indent: "  ", markerFirst: false) }
        case .list(let items, let ordered):
            return list(items, ordered: ordered, indent: "")
        case .table(let t):
            return table(t)
        case .barChart:
            return []
        case .empty(let text):
            return ["_\(inline(text))_"]
        case .notice(let text):
            return ["> **\(inline(text))**"]
        case .together(let blocks):
            return blocks.map(render).filter { !$0.isEmpty }.joined(separator: [""]).map { $0 }
        case .signatures(let s):
            if s.placeAndDateLabel.isEmpty {
                return table(Table(columns: [Column(s.nameLabel), Column(s.signatureLabel)], rows: s.names.map { [Cell($0), Cell("")] }))
            }
            return table(Table(columns: [Column(s.nameLabel), Column(s.signatureLabel), Column(s.placeAndDateLabel)],
                               rows: s.names.map { [Cell($0), Cell(""), Cell("")] }))
        }
    }

    static func list(_ items: [ListItem], ordered: Bool, indent: String) -> [String] {
        var out: [String] = []
        for (i, item) in items.enumerated() {
            let marker = ordered ? "\(i + 1). " : "- "
            let check = item.checked.map { $0 ? "[x] " : "[ ] " } ?? ""
            out.append(indent + marker + check + escapingBlockMarker(item.spans, indent: indent + String(repeating: " ", count: marker.count)))
            if !item.children.isEmpty {
                out += list(item.children, ordered: item.orderedChildren,
                            indent: indent + String(repeating: " ", count: marker.count))
            }
        }
        return out
    }

    static func table(_ t: Table) -> [String] {
        var out: [String] = []
        if let caption = t.caption { out += ["**\(inline(caption))**", ""] }
        out.append("| " + t.columns.map { cell($0.title) }.joined(separator: " | ") + " |")
        out.append("| " + t.columns.map { $0.numeric ? "---:" : "---" }.joined(separator: " | ") + " |")
        for row in t.rows {
            out.append("| " + row.map { cell($0.spans) }.joined(separator: " | ") + " |")
        }
        if let footer = t.footer {
            out.append("| " + footer.map { c in
                let text = cell(c.spans)
                return text.isEmpty ? "" : "**\(text)**"
            }.joined(separator: " | ") + " |")
        }
        return out
    }

    /// The spans as Markdown; with `breaks`, a text's line breaks are kept
    /// as "\n" (for `lines` to make hard breaks of).
    static func spans(_ spans: Spans, breaks: Bool = false) -> String {
        spans.map { s in
            let text = inline(s.text, breaks: breaks)
            if text.isEmpty { return "" }
            // A marker may not stand beside a blank ("**Plats: **" is not
            // bold in CommonMark): blanks go outside it.
            func marked(_ m: String) -> String {
                let core = text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !core.isEmpty else { return text }
                let blank: (Character) -> Bool = { $0 == " " || $0 == "\n" }
                let lead = String(text.prefix(while: blank)), trail = String(text.reversed().prefix(while: blank).reversed())
                return lead + m + core + m + trail
            }
            switch s.style {
            case .plain, .muted: return text
            case .strong: return marked("**")
            case .emphasis: return marked("_")
            }
        }.joined()
    }

    static func cell(_ spans: Spans) -> String { self.spans(spans).replacing("|", with: "\\|") }
    static func cell(_ text: String) -> String { inline(text).replacing("|", with: "\\|") }

    static func paragraph(_ spans: Spans) -> String { escapingBlockMarker(spans, indent: "") }

    /// Text that starts a paragraph or a list item: when its first run is
    /// plain text starting with a block marker (`#`, `>`, `-`, `1.`, …),
    /// the marker gets a backslash, so the text cannot become a heading, a
    /// quote, a list or a table. Its line breaks are hard breaks, each next
    /// line under `indent` (see `lines`).
    static func escapingBlockMarker(_ spans: Spans, indent: String) -> String {
        let plain = spans.first?.style == .plain || spans.first?.style == .muted
        return lines(self.spans(spans, breaks: true), indent: indent, markerFirst: plain)
    }

    /// A text of several lines (from `spans(_:breaks:)`) as one block: a
    /// backslash ends each line but the last (a hard break), each next line
    /// is indented to stay in the block (a list item's) and is kept from
    /// starting a block of its own (a heading, a list, a quote, a setext
    /// underline); blank lines go (they would end the paragraph). The first
    /// line is kept from being a block marker only with `markerFirst` (it
    /// follows a list's key otherwise).
    static func lines(_ text: String, indent: String, markerFirst: Bool) -> String {
        guard text.contains("\n") else { return markerFirst ? escapingMarker(text) : text }
        let parts = text.split(separator: "\n").filter { !$0.allSatisfy { $0 == " " } }.map(String.init)
        return parts.enumerated().map { i, line in
            i == 0 ? (markerFirst ? escapingMarker(line) : line) : indent + escapingMarker(line)
        }.joined(separator: "\\\n")
    }

    /// A line of text that would start with a block marker, its marker
    /// escaped.
    static func escapingMarker(_ line: String) -> String {
        var text = line
        // Spaces at the start would let a marker after them count (up to
        // three), or make a code block (four): they go.
        if text.first == " " {
            text = String(text.drop { $0 == " " })
        }
        guard let first = text.first else { return text }
        if "#>-+*=|`~_".contains(first) { return "\\" + text }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let after = text.dropFirst(digits.count).first, after == "." || after == ")" {
            return digits + "\\" + text.dropFirst(digits.count)
        }
        return text
    }

    /// Keeps a text on its line and makes it text: line breaks and tabs
    /// become spaces (with `breaks`, a line break, also "\r\n", is one
    /// "\n"), other control characters U+FFFD (`cat file.md` in a
    /// terminal must not run an escape sequence someone typed), and every
    /// character Markdown (CommonMark, GitHub's and pandoc's extensions)
    /// could read as inline syntax gets a backslash: `\` `` ` `` `*` `_`
    /// `[` `]` `<` `~` `^` `$`, `&` before what could be an entity, and `@`
    /// starting a word (pandoc's citation; an address's `@` stays). So a
    /// note cannot make a link, an image (a tracking pixel), raw HTML, a
    /// comment, code, emphasis, math or a citation; the reader sees what
    /// was typed.
    public static func inline(_ s: String, breaks: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        let scalars = Array(s.unicodeScalars)
        for (i, u) in scalars.enumerated() {
            if u == "\n" && previousCR { previousCR = false; continue }
            previousCR = u == "\r"
            let isBreak = u == "\n" || u == "\r" || u == "\u{2028}" || u == "\u{2029}" || u == "\t"
            let isControl = u.value < 0x20 || (0x7F...0x9F).contains(u.value)
            if isBreak {
                out.append(breaks && u != "\t" ? "\n" : " ")
            } else if isControl {
                out.append("\u{FFFD}")
            } else {
                let entity = u == "&" && i + 1 < scalars.count && (scalars[i + 1] == "#" || scalars[i + 1].properties.isAlphabetic)
                let citation = u == "@" && (i == 0 || !(scalars[i - 1].properties.isAlphabetic || ("0"..."9").contains(scalars[i - 1])))
                if escaped.contains(u) || entity || citation {
                    out.append("\\")
                }
                out.append(u)
            }
        }
        return String(out)
    }

    /// The inline syntax characters escaped in stored text.
    static let escaped: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", "~", "^", "$"]
}
