// Building a document from what the store holds: one entry point per
// source (a meeting or a cycle), and the filter that keeps the public
// documents public.

import Foundation

/// A whole cycle for its documents: the analysis chain and every meeting's
/// record, oldest meeting first.
public struct CycleRecord: Sendable {
    public var analysis: CycleAnalysis
    public var meetings: [MeetingRecord]

    public init(analysis: CycleAnalysis, meetings: [MeetingRecord]) {
        self.analysis = analysis
        self.meetings = meetings
    }

    public var cycle: Cycle { analysis.cycle }

    /// Every note of every meeting.
    public var notes: [Note] { meetings.flatMap(\.notes) }

    public var flaggedNotes: [(note: Note, kinds: [PersonalDataKind])] { meetings.flatMap(\.flaggedNotes) }

    /// The same cycle with every free text passed through
    /// `PersonalData.redact`.
    public func redacted() -> CycleRecord {
        CycleRecord(analysis: analysis.redacted(), meetings: meetings.map { $0.redacted() })
    }

    /// The same cycle without the notes the facilitator hid from the
    /// projector (they stay in the store and the meetings' own summaries).
    public func withoutHiddenNotes() -> CycleRecord {
        mappingNotes { $0.hidden ? nil : $0 }
    }

    /// The notes as the public feedback's review left them: one excluded
    /// left out, one shortened in its shortened words (a situation picture
    /// holds no individual data either: 003 lines 520, 585).
    public func withReviewedNotes() -> CycleRecord {
        mappingNotes { n in
            guard n.publicReview != .excluded else { return nil }
            var n = n
            n.text = n.publicVersion
            return n
        }
    }

    /// The notes not reviewed that may name a person next to an address or
    /// an age (`IdentifyingContextScan`), by meeting.
    public var identifyingNotesNotReviewed: [(meetingID: Int64, count: Int)] {
        meetings.compactMap { m in
            let count = m.notes.filter { $0.publicReview == .unreviewed && !IdentifyingContextScan.flags(in: $0.text).isEmpty }.count
            return count == 0 ? nil : (m.meeting.id, count)
        }
    }

    func mappingNotes(_ change: (Note) -> Note?) -> CycleRecord {
        CycleRecord(analysis: analysis, meetings: meetings.map { m in
            var m = m
            m.notes = m.notes.compactMap(change)
            m.steps = m.steps.mapValues { data in
                var data = data
                data.sourceNotes = data.sourceNotes.compactMap(change)
                return data
            }
            return m
        })
    }
}

/// What a situation picture may hold: by default no personal data (the
/// county templates ask for none, 003 lines 520, 585) and no note the
/// facilitator hid; each is put in only when asked for.
public struct ExportPrivacy: Equatable, Sendable {
    public var keepPersonalData: Bool
    public var includeHidden: Bool

    public init(keepPersonalData: Bool = false, includeHidden: Bool = false) {
        self.keepPersonalData = keepPersonalData
        self.includeHidden = includeHidden
    }
}

public enum Documents {
    /// A meeting's document: `.summary` or `.feedback`.
    public static func meeting(_ kind: DocumentKind, _ r: MeetingRecord, language: Language) -> Document? {
        switch kind {
        case .summary: summary(r, language: language)
        case .feedback: feedback(r, language: language)
        default: nil
        }
    }

    /// A cycle's document: situation picture, analysis, activity plan,
    /// promise or quality report.
    public static func cycle(_ kind: DocumentKind, _ c: CycleRecord, language: Language) -> Document? {
        switch kind {
        case .situation: situation(c, language: language)
        case .analysis: analysis(c, language: language)
        case .plan: plan(c, language: language)
        case .promise: promise(c, language: language)
        case .quality: quality(c, language: language)
        case .summary, .feedback: nil
        }
    }
}

/// Decides what may stand in a public document (the promise, the
/// feedback): no hidden note, no text that looks like personal data (the
/// facilitator's "checked, keep" does not make a text public), and no text
/// naming a note-taker or a note's author.
struct PublicFilter {
    /// Names that must not appear: note-takers and authors of notes.
    let internalNames: [String]

    init(meetings: [MeetingRecord]) {
        var names: Set<String> = []
        for r in meetings {
            for n in r.notes where !n.author.isEmpty { names.insert(n.author) }
            for name in PublicFilter.names(in: r.meeting.facts.noteTakers) { names.insert(name) }
        }
        // Very short strings would match inside ordinary words.
        internalNames = names.map { $0.stripped }.filter { $0.count >= 3 }.sorted()
    }

    func allows(_ text: String) -> Bool {
        PersonalData.scan(text).isEmpty && !internalNames.contains { text.localizedCaseInsensitiveContains($0) }
    }

    /// A note reaches a public document as its public version, unless
    /// hidden or excluded in the review; a name next to an address or an
    /// age only once the facilitator approved it.
    func allows(_ note: Note) -> Bool {
        guard !note.hidden, note.publicReview != .excluded else { return false }
        let text = note.publicVersion
        return allows(text) && (note.publicReview == .approved || IdentifyingContextScan.flags(in: text).isEmpty)
    }

    /// The names in a free-text list: "Li Wei, Omar Haddad och Åsa".
    static func names(in list: String) -> [String] {
        var parts = [list]
        for separator in [",", ";", "/", "&", "\n", " och ", " and "] {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        return parts.map { $0.stripped }.filter { !$0.isEmpty }
    }
}

extension String {
    /// Without white space or line breaks at either end.
    var stripped: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
