// What an export is asked for: about which meeting or cycle, in which
// format. Shared by `samtal export` and the interface's export dialog.

/// What a document is about: a meeting ("7") or a cycle ("c3", "cycle:3").
public enum ExportTarget: Equatable, Sendable, CustomStringConvertible {
    case meeting(Int64)
    case cycle(Int64)

    /// Reads "7", "c3" or "cycle:3"; nil for anything else.
    public init?(argument: String) {
        let s = argument.lowercased()
        if let id = Int64(s), id > 0 {
            self = .meeting(id)
        } else if let rest = ["cycle:", "c"].lazy.compactMap({ s.hasPrefix($0) ? String(s.dropFirst($0.count)) : nil }).first,
                  let id = Int64(rest), id > 0 {
            self = .cycle(id)
        } else {
            return nil
        }
    }

    public var isCycle: Bool { if case .cycle = self { true } else { false } }

    public var description: String {
        switch self {
        case .meeting(let id): "meeting \(id)"
        case .cycle(let id): "cycle \(id)"
        }
    }

    /// The document written when none is named.
    public var defaultDocument: DocumentKind { isCycle ? .situation : .summary }
}

public enum ExportFormat: String, CaseIterable, Sendable {
    case md, html, pdf, docx, csv, json

    /// The raw records rather than a document.
    public var isRecords: Bool { self == .csv || self == .json }
    public var isBinary: Bool { self == .pdf || self == .docx }
}
