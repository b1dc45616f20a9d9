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

    /// As it is typed: `7`, `c3`.
    public var argument: String {
        switch self {
        case .meeting(let id): "\(id)"
        case .cycle(let id): Self.cycleText(id)
        }
    }

    public var description: String {
        switch self {
        case .meeting(let id): "meeting \(id)"
        case .cycle(let id): "cycle \(id)"
        }
    }

    /// The document written when none is named.
    public var defaultDocument: DocumentKind { isCycle ? .situation : .summary }

    /// The id as printed and typed: `c3` for a cycle, `7` for a meeting.
    public var text: String {
        switch self {
        case .meeting(let id): String(id)
        case .cycle(let id): ExportTarget.cycleText(id)
        }
    }

    /// A cycle's id as printed and typed (`c3`).
    public static func cycleText(_ id: Int64) -> String { "c\(id)" }

    /// The meeting an argument names; an error naming the kind for a
    /// cycle's id or anything else.
    public static func meetingID(_ argument: String) throws(IDError) -> Int64 {
        switch ExportTarget(argument: argument) {
        case .meeting(let id): return id
        case .cycle: throw IDError(argument: argument, expected: .meeting, found: .cycle)
        case nil: throw IDError(argument: argument, expected: .meeting, found: nil)
        }
    }

    /// The cycle an argument names; an error naming the kind for a
    /// meeting's id (a plain number) or anything else.
    public static func cycleID(_ argument: String) throws(IDError) -> Int64 {
        switch ExportTarget(argument: argument) {
        case .cycle(let id): return id
        case .meeting: throw IDError(argument: argument, expected: .cycle, found: .meeting)
        case nil: throw IDError(argument: argument, expected: .cycle, found: nil)
        }
    }
}

/// An id of the wrong kind, or no id at all, where a meeting or a cycle is
/// expected. One id form per kind: a meeting is a plain number (`7`), a
/// cycle is written `c3` (`cycle:3` is read too).
public struct IDError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case meeting, cycle }
    public var argument: String
    public var expected: Kind
    public var found: Kind?

    /// In English; `message(_:)` in the interface's language.
    public var description: String { Texts(.en).command(.id(self)) }
}

public enum ExportFormat: String, CaseIterable, Sendable {
    case md, html, pdf, docx, csv, json

    /// The raw records rather than a document.
    public var isRecords: Bool { self == .csv || self == .json }
    public var isBinary: Bool { self == .pdf || self == .docx }
}

/// How the records' CSV files are written (`samtal export --csv-dialect`).
public enum CSVDialect: String, CaseIterable, Sendable {
    /// What Excel with Swedish settings opens with a double click: a UTF-8
    /// byte order mark, `;` between fields (the comma is the decimal sign).
    case excel
    /// RFC 4180: `,` between fields, no byte order mark.
    case rfc4180

    public var separator: Character { self == .excel ? ";" : "," }
}
