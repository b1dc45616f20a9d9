// The meeting summary as a document: method facts, then the notes per step
// and group. Pure functions from stored values to text.

import Foundation

public struct MeetingRecord: Sendable {
    public var cycle: Cycle
    public var meeting: Meeting
    public var agenda: Agenda
    public var notes: [Note]
    public var stepSeconds: [String: Double]
    /// What each step's own interaction produced, by step id.
    public var steps: [String: StepData]
    /// The problem descriptions made in this meeting, with their why-chains.
    public var problems: [Problem]
    public var whyChains: [Int64: [Cause]]

    public init(cycle: Cycle, meeting: Meeting, agenda: Agenda, notes: [Note], stepSeconds: [String: Double],
                steps: [String: StepData] = [:], problems: [Problem] = [], whyChains: [Int64: [Cause]] = [:]) {
        self.cycle = cycle
        self.meeting = meeting
        self.agenda = agenda
        self.notes = notes
        self.stepSeconds = stepSeconds
        self.steps = steps
        self.problems = problems
        self.whyChains = whyChains
    }

    /// The notes that look like they hold personal data and have not been
    /// checked and kept.
    public var flaggedNotes: [(note: Note, kinds: [PersonalDataKind])] {
        notes.compactMap { n in
            let kinds = n.personalDataChecked ? [] : PersonalData.kinds(in: n.text)
            return kinds.isEmpty ? nil : (n, kinds)
        }
    }

    /// The same record with every free text passed through `PersonalData.redact`.
    public func redacted() -> MeetingRecord {
        var r = self
        let x = PersonalData.redact
        r.notes = notes.map { var n = $0; n.text = x(n.text); return n }
        for (id, var d) in r.steps {
            d.focusAreas = d.focusAreas.map { var a = $0; a.name = x(a.name); a.targetPicture = x(a.targetPicture); return a }
            d.checklist = d.checklist.map { var c = $0; c.comment = x(c.comment); return c }
            d.ratings = d.ratings.map { var q = $0; q.observations = x(q.observations); q.comment = x(q.comment); return q }
            d.summaryItems = d.summaryItems.map { var i = $0; i.text = x(i.text); i.owner = x(i.owner); return i }
            d.activities = d.activities.map { var a = $0; a.what = x(a.what); a.responsible = x(a.responsible); return a }
            r.steps[id] = d
        }
        r.problems = problems.map { p in
            var p = p
            p.answers = p.answers.mapValues(x)
            p.triangle = p.triangle.mapValues(x)
            return p
        }
        r.whyChains = whyChains.mapValues { $0.map { var c = $0; c.text = x(c.text); return c } }
        return r
    }
}

public enum SummaryExport {
    /// Markdown. Stored text is written as typed; Markdown's own characters
    /// at the start of a line are escaped so a note cannot become a heading.
    public static func markdown(_ r: MeetingRecord, texts t: Texts) -> String {
        let sv = t.language == .sv
        var out: [String] = []
        out.append("# \(r.meeting.title)")
        out.append("")
        out.append("\(sv ? "Dagordning" : "Agenda"): \(r.agenda.title) · \(t[.homeCycle]): \(r.cycle.area) · \(r.cycle.period)")
        out.append("")
        out.append("## \(sv ? "Metodbeskrivning" : "Method description")")
        out.append("")
        let f = r.meeting.facts
        out.append("- \(t[.fieldDate]): \(f.date.isEmpty ? "–" : f.date)")
        out.append("- \(t[.fieldPlace]): \(f.place.isEmpty ? "–" : f.place)")
        out.append("- \(t[.fieldForm]): \(t.form(f.form))")
        out.append("- \(t[.fieldFacilitator]): \(f.facilitator.isEmpty ? "–" : f.facilitator)")
        out.append("- \(t[.fieldNoteTakers]): \(f.noteTakers.isEmpty ? "–" : f.noteTakers)")
        out.append("- \(t[.fieldGroups]): \(r.meeting.groupCount)")
        out.append("- \(t[.fieldNamedNotes]): \(f.namedNotes ? t[.notesNamed] : t[.notesAnonymous])")
        out.append("- Status: \(t.status(r.meeting.status))")
        out.append("")
        if f.participants.isEmpty {
            out.append(sv ? "Inga deltagare registrerade." : "No participants recorded.")
        } else {
            out.append("| \(t[.columnOrganisation]) | \(t[.columnCount]) | \(t[.columnWomen]) | \(t[.columnMen]) | \(t[.columnOther]) |")
            out.append("| --- | ---: | ---: | ---: | ---: |")
            for p in f.participants {
                out.append("| \(cell(p.organisationRole)) | \(p.headCount) | \(p.women) | \(p.men) | \(p.otherOrUnstated) |")
            }
            out.append("| **\(t[.participantsTotal])** | **\(f.totalHeadCount)** | **\(f.totalWomen)** | **\(f.totalMen)** | **\(f.totalOtherOrUnstated)** |")
        }
        out.append("")
        out.append("## \(sv ? "Tid per steg" : "Time per step")")
        out.append("")
        out.append("| \(t[.stepLabel]) | \(sv ? "Planerat" : "Planned") | \(sv ? "Faktiskt" : "Actual") |")
        out.append("| --- | ---: | ---: |")
        for s in r.agenda.steps {
            out.append("| \(cell(s.title)) | \(s.minutes) min | \(minutes(r.stepSeconds[s.id] ?? 0)) |")
        }
        out.append("")
        out.append("## \(t[.notesHeading])")
        let byStep = Dictionary(grouping: r.notes, by: \.stepID)
        for (i, s) in r.agenda.steps.enumerated() {
            out.append("")
            out.append("### \(i + 1). \(s.title)")
            let records = stepRecords(s, r, texts: t)
            out += records
            guard let notes = byStep[s.id], !notes.isEmpty else {
                if records.isEmpty {
                    out.append("")
                    out.append(sv ? "_Inga anteckningar._" : "_No notes._")
                }
                continue
            }
            for (group, groupNotes) in Dictionary(grouping: notes, by: \.group).sorted(by: { $0.key < $1.key }) {
                out.append("")
                out.append("#### \(t.group(group))")
                out.append("")
                for n in groupNotes.sorted(by: { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }) {
                    let by = n.author.isEmpty ? "" : " – \(inline(n.author))"
                    out.append("- **\(t.noteType(n.type))** (\(t.source(n.source))): \(inline(n.text))\(by)")
                }
            }
        }
        // Notes of steps no longer in the agenda are never dropped.
        let known = Set(r.agenda.steps.map(\.id))
        let orphans = r.notes.filter { !known.contains($0.stepID) }
        if !orphans.isEmpty {
            out.append("")
            out.append("### \(sv ? "Övriga steg" : "Other steps")")
            out.append("")
            for n in orphans { out.append("- \(n.stepID) · \(t.group(n.group)) · **\(t.noteType(n.type))**: \(inline(n.text))") }
        }
        out.append("")
        return out.joined(separator: "\n")
    }

    /// What a step's own interaction produced, as Markdown lines.
    static func stepRecords(_ step: AgendaStep, _ r: MeetingRecord, texts t: Texts) -> [String] {
        let sv = t.language == .sv
        guard let d = r.steps[step.id] else { return [] }
        var out: [String] = []
        switch step.kind {
        case .cluster where !d.focusAreas.isEmpty:
            out.append("")
            out.append("**\(t[.clusterAreasHeading])**")
            out.append("")
            let notes = Dictionary(d.sourceNotes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for a in d.focusAreas {
                out.append("- **\(inline(a.name))** (\(t.areaType(a.type)))")
                for id in a.noteIDs { if let n = notes[id] { out.append("  - \(inline(n.text))") } }
            }
        case .vote where !d.focusAreas.isEmpty:
            out.append("")
            out.append("| \(t[.voteRank]) | \(t[.clusterAreasHeading]) | \(sv ? "Prickar" : "Dots") |")
            out.append("| ---: | --- | ---: |")
            for ranked in Ranking.rank(d.focusAreas, votes: d.votes) {
                let rank = ranked.dots == 0 ? "–" : (ranked.tied ? "\(ranked.rank)=" : "\(ranked.rank)")
                out.append("| \(rank) | \(cell(ranked.area.name)) | \(ranked.dots) |")
            }
        case .checklist:
            out.append("")
            for (i, item) in step.questions.enumerated() {
                let a = d.checklist.first { $0.item == i }
                let comment = a.map { $0.comment.isEmpty ? "" : " – \(inline($0.comment))" } ?? ""
                out.append("- [\(a?.done == true ? "x" : " ")] \(inline(item))\(comment)")
            }
        case .rating:
            out.append("")
            out.append("| \(sv ? "Fråga" : "Question") | \(t[.ratingHeading]) | \(t[.ratingObservations]) | \(t[.ratingComment]) |")
            out.append("| --- | --- | --- | --- |")
            for (i, q) in step.questions.enumerated() {
                let rating = d.ratings.first { $0.question == i }
                let value = rating?.value.map { t.ratingValue($0) } ?? t[.ratingNotRated]
                out.append("| \(cell(q)) | \(value) | \(cell(rating?.observations ?? "")) | \(cell(rating?.comment ?? "")) |")
            }
        case .problem:
            for p in r.problems where p.stepID == step.id {
                let area = p.focusAreaID.flatMap { id in r.steps.values.flatMap(\.focusAreas).first { $0.id == id } }
                out.append("")
                out.append("**\(t[.problemHeading]): \(inline(area?.name ?? t[.problemNoArea]))**")
                out.append("")
                for q in ProblemQuestion.allCases where !(p.answers[q] ?? "").isEmpty {
                    out.append("- \(t.problemField(.question(q))) \(inline(p.answers[q]!))")
                }
                let chain = r.whyChains[p.id] ?? []
                if !chain.isEmpty {
                    out.append("")
                    out.append("\(t[.problemWhyChain]):")
                    out.append("")
                    for (i, c) in chain.enumerated() { out.append("\(i + 1). \(inline(c.text))") }
                }
                let sides = TriangleSide.allCases.filter { !(p.triangle[$0] ?? "").isEmpty }
                if !sides.isEmpty {
                    out.append("")
                    out.append("\(t[.problemTriangle]):")
                    out.append("")
                    for side in sides { out.append("- \(t.problemField(.triangle(side))): \(inline(p.triangle[side]!))") }
                }
            }
        case .activities where !d.activities.isEmpty:
            out.append("")
            out.append("| \(t[.activityWhat]) | \(t[.activityWho]) | \(sv ? "Period" : "Period") | \(t[.keyPriority]) | \(t[.activityArea]) |")
            out.append("| --- | --- | --- | --- | --- |")
            for a in d.activities {
                let area = a.focusAreaID.flatMap { id in d.focusAreas.first { $0.id == id }?.name } ?? ""
                out.append("| \(cell(a.what)) | \(cell(a.responsible)) | \(cell(a.start))–\(cell(a.end)) | \(t.priority(a.priority)) | \(cell(area)) |")
            }
        case .summary where !d.summaryItems.isEmpty:
            for kind in SummaryItemKind.allCases {
                let items = d.summaryItems.filter { $0.kind == kind }
                guard !items.isEmpty else { continue }
                let heading: TextKey = kind == .decision ? .summaryDecisions : kind == .nextStep ? .summaryNextSteps : .summaryCarryForward
                out.append("")
                out.append("**\(t[heading])**")
                out.append("")
                for item in items {
                    var line = "- \(inline(item.text))"
                    if !item.owner.isEmpty { line += " – \(t[.summaryWho]): \(inline(item.owner))" }
                    if !item.due.isEmpty { line += " – \(t[.summaryWhen]): \(inline(item.due))" }
                    out.append(line)
                }
            }
        default:
            break
        }
        return out
    }

    static func minutes(_ seconds: Double) -> String {
        let m = Int((seconds / 60).rounded())
        return "\(m) min"
    }

    /// Keeps a note on its list line: line breaks and tabs become spaces,
    /// other control characters U+FFFD. The text is otherwise written
    /// exactly as typed (it sits after the list marker, so it cannot start
    /// a heading or a list).
    static func inline(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for u in s.unicodeScalars {
            if u == "\n" && previousCR { previousCR = false; continue }
            previousCR = u == "\r"
            let isBreak = u == "\n" || u == "\r" || u == "\u{2028}" || u == "\u{2029}" || u == "\t"
            // No control character reaches the file: `cat summary.md` in a
            // terminal must not run an escape sequence someone typed.
            let isControl = u.value < 0x20 || (0x7F...0x9F).contains(u.value)
            out.append(isBreak ? " " : isControl ? "\u{FFFD}" : u)
        }
        return String(out)
    }

    /// A table cell: also escapes the column separator.
    static func cell(_ s: String) -> String { inline(s).replacing("|", with: "\\|") }

    /// JSON: the same record, every field, for other tools.
    public static func json(_ r: MeetingRecord) throws -> String {
        struct StepOut: Encodable {
            var id: String, title: String, kind: String, plannedMinutes: Int, actualSeconds: Double
            var focusAreas: [FocusArea]?, votes: [Vote]?, checklist: [ChecklistAnswer]?, ratings: [Rating]?
            var summaryItems: [SummaryItem]?, activities: [Activity]?
        }
        struct ProblemOut: Encodable {
            var problem: Problem
            var whyChain: [Cause]
        }
        struct NoteOut: Encodable {
            var id: Int64, stepID: String, group: Int, type: String, source: String, text: String, createdAt: Double, updatedAt: Double
            var author: String, hiddenFromProjector: Bool, personalDataChecked: Bool
        }
        struct Out: Encodable {
            var format = "samtal.meeting-summary.v1"
            var cycle: [String: String]
            var meeting: MeetingOut
            var steps: [StepOut]
            var notes: [NoteOut]
            var problems: [ProblemOut]
        }
        struct MeetingOut: Encodable {
            var id: Int64, title: String, agendaID: String, agendaVersion: Int, status: String, groupCount: Int
            var facts: MethodFacts
        }
        let out = Out(
            cycle: ["id": String(r.cycle.id), "area": r.cycle.area, "period": r.cycle.period],
            meeting: MeetingOut(id: r.meeting.id, title: r.meeting.title, agendaID: r.agenda.id, agendaVersion: r.agenda.version,
                                status: r.meeting.status.rawValue, groupCount: r.meeting.groupCount, facts: r.meeting.facts),
            steps: r.agenda.steps.map { step in
                let d = r.steps[step.id]
                func some<T>(_ list: [T]?) -> [T]? { list?.isEmpty == false ? list : nil }
                let own = step.kind == .cluster || step.kind == .vote
                return StepOut(id: step.id, title: step.title, kind: step.kind.rawValue, plannedMinutes: step.minutes,
                               actualSeconds: (r.stepSeconds[step.id] ?? 0).rounded(),
                               focusAreas: own ? some(d?.focusAreas) : nil, votes: step.kind == .vote ? some(d?.votes) : nil,
                               checklist: some(d?.checklist), ratings: some(d?.ratings), summaryItems: some(d?.summaryItems),
                               activities: some(d?.activities))
            },
            notes: r.notes.map { NoteOut(id: $0.id, stepID: $0.stepID, group: $0.group, type: $0.type.rawValue, source: $0.source.rawValue,
                                         text: $0.text, createdAt: $0.createdAt, updatedAt: $0.updatedAt, author: $0.author,
                                         hiddenFromProjector: $0.hidden, personalDataChecked: $0.personalDataChecked) },
            problems: r.problems.map { ProblemOut(problem: $0, whyChain: r.whyChains[$0.id] ?? []) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(out), as: UTF8.self) + "\n"
    }
}
