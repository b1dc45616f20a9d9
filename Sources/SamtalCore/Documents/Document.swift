// A small document model: what every exported document is made of, so one
// Markdown and one HTML renderer serve all seven documents. Builders are
// pure functions from stored values to a `Document`; renderers turn it into
// text. Stored text goes into the model as typed: escaping is the
// renderers' job.

/// The documents samtal writes (issue 6).
public enum DocumentKind: String, CaseIterable, Sendable {
    /// Meeting summary with the method description.
    case summary
    /// Återkoppling to a meeting's participants (public).
    case feedback
    /// The cycle's situation picture (lägesbild).
    case situation
    /// Problem and cause analysis per focus area.
    case analysis
    /// The internal activity plan with goals and follow-up.
    case plan
    /// The citizen promise (public).
    case promise
    /// The county rubric's 15 questions answered from the store.
    case quality

    /// True for the documents built from a whole cycle; the others are
    /// built from one meeting.
    public var isCycleDocument: Bool {
        switch self {
        case .summary, .feedback: false
        case .situation, .analysis, .plan, .promise, .quality: true
        }
    }

    /// True for the documents that print the notes' text (and so are
    /// warned about when a note looks like it holds personal data).
    public var printsNotes: Bool {
        switch self {
        case .summary, .feedback, .situation, .analysis: true
        case .plan, .promise, .quality: false
        }
    }

    /// True for the documents that leave the partners: nothing internal
    /// may be in them.
    public var isPublic: Bool { self == .feedback || self == .promise }
}

public struct Document: Equatable, Sendable {
    public var kind: DocumentKind
    public var language: Language
    /// What kind of document this is, as a reader says it ("Medborgarlöfte").
    public var kindLabel: String
    public var title: String
    /// Short lines under the title (agenda, cycle, period).
    public var meta: [String]
    public var blocks: [Block]

    public init(kind: DocumentKind, language: Language, kindLabel: String, title: String, meta: [String] = [], blocks: [Block] = []) {
        self.kind = kind
        self.language = language
        self.kindLabel = kindLabel
        self.title = title
        self.meta = meta
        self.blocks = blocks
    }
}

/// A run of text with one emphasis.
public struct Span: Equatable, Sendable {
    public enum Style: Equatable, Sendable {
        case plain
        case strong
        /// Secondary information: source, author, a mark.
        case muted
        case emphasis
    }

    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public static func strong(_ s: String) -> Span { Span(s, .strong) }
    public static func muted(_ s: String) -> Span { Span(s, .muted) }
    public static func emphasis(_ s: String) -> Span { Span(s, .emphasis) }
}

public typealias Spans = [Span]

/// The three levels a situation report or a quality answer is coloured
/// by. Every coloured cell also says its level in words.
public enum Signal: String, Equatable, Sendable {
    case green, yellow, red

    /// Done green, ongoing yellow, not done red.
    public init(followUp status: FollowUpStatus) {
        switch status {
        case .done: self = .green
        case .ongoing: self = .yellow
        case .notDone: self = .red
        }
    }
}

public struct ListItem: Equatable, Sendable {
    public var spans: Spans
    /// A checklist item: ticked or not; nil for an ordinary item.
    public var checked: Bool?
    public var children: [ListItem]
    /// Whether the children are numbered.
    public var orderedChildren: Bool

    public init(_ spans: Spans, checked: Bool? = nil, children: [ListItem] = [], orderedChildren: Bool = false) {
        self.spans = spans
        self.checked = checked
        self.children = children
        self.orderedChildren = orderedChildren
    }

    public init(_ text: String) { self.init([Span(text)]) }
}

public struct Column: Equatable, Sendable {
    public var title: String
    /// Right-aligned figures.
    public var numeric: Bool
    /// Short values kept on one line (dates).
    public var noWrap: Bool

    public init(_ title: String, numeric: Bool = false, noWrap: Bool = false) {
        self.title = title
        self.numeric = numeric
        self.noWrap = noWrap
    }
}

public struct Cell: Equatable, Sendable {
    public var spans: Spans
    public var signal: Signal?

    public init(_ spans: Spans, signal: Signal? = nil) {
        self.spans = spans
        self.signal = signal
    }

    public init(_ text: String, signal: Signal? = nil) { self.init([Span(text)], signal: signal) }
}

public struct Table: Equatable, Sendable {
    public var caption: String?
    public var columns: [Column]
    public var rows: [[Cell]]
    /// A totals row, set apart.
    public var footer: [Cell]?
    /// A class name for the HTML table (styling only).
    public var style: String?

    public init(caption: String? = nil, columns: [Column], rows: [[Cell]], footer: [Cell]? = nil, style: String? = nil) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.footer = footer
        self.style = style
    }
}

/// A horizontal bar chart. It always stands beside a table or list with
/// the same figures: HTML draws it as inline SVG, Markdown leaves it out.
public struct BarChart: Equatable, Sendable {
    public struct Bar: Equatable, Sendable {
        public var label: String
        public var value: Int
        /// The value as read aloud ("3 prickar"), drawn after the bar.
        public var valueText: String
        public var signal: Signal?

        public init(label: String, value: Int, valueText: String, signal: Signal? = nil) {
            self.label = label
            self.value = value
            self.valueText = valueText
            self.signal = signal
        }
    }

    public var title: String
    public var bars: [Bar]

    public init(title: String, bars: [Bar]) {
        self.title = title
        self.bars = bars
    }
}

public struct KeyValue: Equatable, Sendable {
    public var key: String
    public var value: Spans

    public init(_ key: String, _ value: Spans) {
        self.key = key
        self.value = value
    }

    public init(_ key: String, _ value: String) { self.init(key, [Span(value)]) }
}

/// Where the signatories sign: a line to sign on, the name under it, and
/// place and date.
public struct Signatures: Equatable, Sendable {
    public var names: [String]
    public var signatureLabel: String
    public var nameLabel: String
    public var placeAndDateLabel: String

    public init(names: [String], signatureLabel: String, nameLabel: String, placeAndDateLabel: String) {
        self.names = names
        self.signatureLabel = signatureLabel
        self.nameLabel = nameLabel
        self.placeAndDateLabel = placeAndDateLabel
    }
}

public enum Block: Equatable, Sendable {
    /// Levels 2 to 4 (the title is level 1).
    case heading(Int, String)
    case paragraph(Spans)
    case keyValues([KeyValue])
    case list([ListItem], ordered: Bool)
    case table(Table)
    case barChart(BarChart)
    /// "Inga anteckningar." and the like: said quietly.
    case empty(String)
    /// A boxed remark the reader must not miss ("Internt – offentliggörs inte").
    case notice(String)
    /// Lines to sign, one per signatory.
    case signatures(Signatures)
    /// Blocks a printed page does not split: a promise's closing sections
    /// and its signatures (the twenty-second session's walk: the
    /// signatures alone on a second page, under no commitment).
    indirect case together([Block])

    /// This block, and those it holds, in order.
    public var flattened: [Block] {
        if case .together(let blocks) = self { return blocks.flatMap(\.flattened) }
        return [self]
    }

    public static func paragraph(_ text: String) -> Block { .paragraph([Span(text)]) }
    public static func bullets(_ items: [ListItem]) -> Block { .list(items, ordered: false) }
}
