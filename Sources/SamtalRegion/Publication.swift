// What a municipality publishes to the region: selected records of its
// store, as rows keyed by a global id (the store's UUID and the record's
// local id). Built from the same `CycleRecord` the local documents are
// built from, so the county's figures are the store's own: the quality
// answers come from `QualityReport.answers`, the ratings from the
// situation reports' rating steps, the promise from `Documents.promise`.
//
// Never published: notes (not even counted by text), hidden notes, names
// of participants, facilitators or note-takers, and any free text the
// coordinator wrote for the plan or the reports (observations, comments,
// the quality report's evidence lines, follow-up reasons, unpromised
// activities), unless `includeInternal`. Every text that is published
// passes through `PersonalData.redact`.

import Foundation
import SamtalCore

/// One table of the regional schema, with its columns after the key
/// (`store_id`, `local_id`).
public enum RegionTable: String, CaseIterable, Sendable {
    case cycles, ratings, qualityAnswers = "quality_answers", promises, activities, followUps = "follow_ups"

    public var columns: [String] {
        switch self {
        case .cycles: ["area", "period", "period_first", "period_last", "retired"]
        case .ratings: ["cycle_id", "meeting_id", "report_date", "period", "step_id", "step_number", "step_title", "question_index", "question",
                        "scale", "value", "meaning", "observations", "comment"]
        case .qualityAnswers: ["cycle_id", "number", "verdict", "level", "evidence_count", "evidence"]
        case .promises: ["cycle_id", "title", "draft", "text"]
        case .activities: ["cycle_id", "number", "promised", "what", "organisation", "start_date", "end_date", "status"]
        case .followUps: ["cycle_id", "activity_id", "goal_id", "aspect", "status", "date", "measured_value", "why"]
        }
    }
}

/// One row to publish: its local id and a value (text, or nil for NULL)
/// per column of its table, in `RegionTable.columns` order.
public struct RegionRow: Equatable, Sendable {
    public var table: RegionTable
    public var localID: String
    public var values: [String?]

    public init(_ table: RegionTable, _ localID: String, _ values: [String?]) {
        precondition(values.count == table.columns.count, "\(table) takes \(table.columns.count) values")
        self.table = table
        self.localID = localID
        self.values = values
    }

    public func value(_ column: String) -> String? {
        table.columns.firstIndex(of: column).flatMap { values[$0] }
    }
}

public struct PublishOptions: Equatable, Sendable {
    /// The coordinator's choice to send the internal free texts too
    /// (still without personal data).
    public var includeInternal: Bool
    public var language: Language

    public init(includeInternal: Bool = false, language: Language = .sv) {
        self.includeInternal = includeInternal
        self.language = language
    }
}

/// Everything one store publishes.
public struct Publication: Equatable, Sendable {
    public var storeID: String
    public var municipality: String
    public var rows: [RegionRow]

    public func rows(_ table: RegionTable) -> [RegionRow] { rows.filter { $0.table == table } }

    /// Builds the rows of every cycle of a store; `retired` names the
    /// cycles retired locally (published with retired = true).
    public init(storeID: String, municipality: String, cycles: [CycleRecord], retired: Set<Int64>, options: PublishOptions) {
        self.storeID = storeID
        self.municipality = municipality
        rows = cycles.flatMap { Self.rows($0, retired: retired.contains($0.cycle.id), options) }
    }

    static func text(_ s: String) -> String { PersonalData.redact(s.trimmingCharacters(in: .whitespacesAndNewlines)) }

    static func cycleID(_ id: Int64) -> String { "c\(id)" }

    static func rows(_ record: CycleRecord, retired: Bool, _ o: PublishOptions) -> [RegionRow] {
        let c = record.withoutHiddenNotes()
        let a = c.analysis
        let cid = cycleID(c.cycle.id)
        let inner = o.includeInternal
        let ui = Texts(o.language)
        var rows: [RegionRow] = []
        let range = CyclePeriod.range(c.cycle.period)
        rows.append(RegionRow(.cycles, cid, [text(c.cycle.area), text(c.cycle.period), range?.first, range?.last, retired ? "true" : "false"]))

        // The situation reports' ratings: as the situation picture shows
        // them (a follow-up meeting's ratings judge the plan, not the
        // situation), one row per question.
        for r in c.meetings where r.agenda.meetingType != .followUp {
            for (number, step) in r.agenda.steps.enumerated() where step.kind == .rating {
                let scale = RatingScale(rawValue: step.settings["scale"] ?? "") ?? .impact
                let meanings = Dictionary(ui.scaleMeanings(scale).map { ($0.value, $0.meaning) }, uniquingKeysWith: { a, _ in a })
                let questions = step.questions.isEmpty ? [step.title] : step.questions
                let ratings = r.steps[step.id]?.ratings ?? []
                for (i, q) in questions.enumerated() {
                    // The county compares by the question's title: the
                    // municipalities' templates word the same question
                    // differently (003 lines 527 and 589).
                    let label = questions.count == 1 ? step.title : "\(step.title) – \(q)"
                    let rating = ratings.first { $0.question == i }
                    let value = rating?.value
                    let meaning = value.map { v in [ui.ratingValue(v), meanings[v]].compactMap { $0 }.joined(separator: ": ") }
                    let date = r.meeting.facts.date
                    rows.append(RegionRow(.ratings, "m\(r.meeting.id)/\(step.id)/\(i)", [
                        cid, "\(r.meeting.id)", date.isEmpty ? nil : date, date.count >= 7 ? String(date.prefix(7)) : nil,
                        step.id, "\(number + 1)", text(step.title), "\(i)", text(label), scale.rawValue, value, meaning,
                        inner ? rating.map { text($0.observations) } : nil,
                        inner ? rating.map { text($0.comment) } : nil,
                    ]))
                }
            }
        }

        // The rubric's 15 answers, computed as the local quality report
        // computes them, on the same record (hidden notes count there:
        // only the answers and their counts travel, never a note).
        for x in QualityReport.answers(record, language: o.language) {
            rows.append(RegionRow(.qualityAnswers, "\(cid)/q\(x.number)", [
                cid, "\(x.number)", x.verdict.rawValue, x.level?.rawValue, "\(x.evidence.count)",
                inner ? text(x.evidence.joined(separator: "\n")) : nil,
            ]))
        }

        // The public promise, as its public document has it.
        if let promise = a.promise {
            let doc = Documents.promise(c, language: o.language)
            rows.append(RegionRow(.promises, cid, [
                cid, text(promise.published(.title).isEmpty ? c.cycle.area : promise.published(.title)),
                promise.missing.isEmpty ? "false" : "true", text(MarkdownRenderer.render(doc)),
            ]))
        }

        // Activities in plan order: status always; what and by whom only
        // for the promised ones (the promise shows them) unless internal.
        for (n, act) in a.orderedActivities.enumerated() {
            let promised = act.focusAreaID.map(a.promiseAreas.contains) == true && act.status != .cancelled
            let shown = promised || inner
            rows.append(RegionRow(.activities, "a\(act.id)", [
                cid, "\(n + 1)", promised ? "true" : "false", shown ? text(act.what) : nil, shown ? text(act.organisation) : nil,
                act.start.isEmpty ? nil : act.start, act.end.isEmpty ? nil : act.end, act.status.rawValue,
            ]))
        }

        // Follow-up entries: what they look at (the level) and how far it came.
        for f in a.followUps {
            rows.append(RegionRow(.followUps, "f\(f.id)", [
                cid, f.activityID.map { "a\($0)" }, f.goalID.map { "g\($0)" }, f.aspect.rawValue, f.status.rawValue,
                f.date.isEmpty ? nil : f.date, inner ? text(f.measuredValue) : nil, inner ? text(f.why) : nil,
            ]))
        }
        return rows
    }

    /// What `--dry-run` prints: every row exactly as it would be sent (the
    /// tables' and columns' names are the server's, in any language).
    public func listing(language: Language = .sv, includeInternal: Bool = false) -> String {
        let sv = language == .sv
        var out = ["\(sv ? "lager" : "store") \(storeID) · \(municipality)"]
        // First in words, for the coordinator: what goes and what stays.
        let counts = RegionTable.allCases.map { "\(rows($0).count) \(Self.tableWords($0, count: rows($0).count, sv: sv))" }
        out.append((sv ? "skickas: " : "sent: ") + counts.joined(separator: ", "))
        out.append(sv ? "stannar i lagret: anteckningar (dolda och synliga), deltagare, problembeskrivningar och orsaker, målens texter"
                      + (includeInternal ? "" : ", interna fritexter (--include-internal skickar dem)")
                      + "; personuppgifter i det som skickas ersätts med en markering"
                    : "stays in the store: notes (hidden or not), participants, problem descriptions and causes, the goals' texts"
                      + (includeInternal ? "" : ", internal free texts (--include-internal sends them)")
                      + "; personal data in what is sent is replaced by a marker")
        out.append(sv ? "raderna nedan är precis det som skickas (tabellernas och kolumnernas namn är serverns)"
                      : "the rows below are exactly what is sent (the tables' and columns' names are the server's)")
        for table in RegionTable.allCases {
            let rows = rows(table)
            out.append("")
            out.append("\(table.rawValue) (\(rows.count))")
            for r in rows {
                let fields = zip(table.columns, r.values).map { c, v in "\(c)=\(v.map(Self.quoted) ?? "NULL")" }
                out.append("  \(r.localID): " + fields.joined(separator: " "))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func tableWords(_ t: RegionTable, count: Int, sv: Bool) -> String {
        let one = count == 1
        return switch t {
        case .cycles: sv ? (one ? "cykel" : "cykler") : (one ? "cycle" : "cycles")
        case .ratings: sv ? (one ? "bedömning ur lägesrapporterna" : "bedömningar ur lägesrapporterna")
            : (one ? "situation-report rating" : "situation-report ratings")
        case .qualityAnswers: sv ? "svar i kvalitetsgranskningen" : (one ? "quality review answer" : "quality review answers")
        case .promises: sv ? (one ? "medborgarlöfte" : "medborgarlöften") : (one ? "citizen promise" : "citizen promises")
        case .activities: sv ? (one ? "aktivitet" : "aktiviteter") : (one ? "activity" : "activities")
        case .followUps: sv ? (one ? "uppföljning" : "uppföljningar") : (one ? "follow-up" : "follow-ups")
        }
    }

    static func quoted(_ s: String) -> String {
        let escaped = s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\"\(escaped)\""
    }
}
