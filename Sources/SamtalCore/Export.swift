// The meeting summary as a document: method facts, then the notes per step
// and group. Pure functions from stored values to text.

import Foundation

public struct MeetingRecord: Sendable {
    public var cycle: Cycle
    public var meeting: Meeting
    public var agenda: Agenda
    public var notes: [Note]
    public var stepSeconds: [String: Double]

    public init(cycle: Cycle, meeting: Meeting, agenda: Agenda, notes: [Note], stepSeconds: [String: Double]) {
        self.cycle = cycle
        self.meeting = meeting
        self.agenda = agenda
        self.notes = notes
        self.stepSeconds = stepSeconds
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
            guard let notes = byStep[s.id], !notes.isEmpty else {
                out.append("")
                out.append(sv ? "_Inga anteckningar._" : "_No notes._")
                continue
            }
            for (group, groupNotes) in Dictionary(grouping: notes, by: \.group).sorted(by: { $0.key < $1.key }) {
                out.append("")
                out.append("#### \(t.group(group))")
                out.append("")
                for n in groupNotes.sorted(by: { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }) {
                    out.append("- **\(t.noteType(n.type))** (\(t.source(n.source))): \(inline(n.text))")
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

    static func minutes(_ seconds: Double) -> String {
        let m = Int((seconds / 60).rounded())
        return "\(m) min"
    }

    /// Keeps a note on its list line: line breaks become spaces. The text
    /// is otherwise written exactly as typed (it sits after the list
    /// marker, so it cannot start a heading or a list).
    static func inline(_ s: String) -> String {
        String(s.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }

    /// A table cell: also escapes the column separator.
    static func cell(_ s: String) -> String { inline(s).replacing("|", with: "\\|") }

    /// JSON: the same record, every field, for other tools.
    public static func json(_ r: MeetingRecord) throws -> String {
        struct StepOut: Encodable {
            var id: String, title: String, kind: String, plannedMinutes: Int, actualSeconds: Double
        }
        struct NoteOut: Encodable {
            var id: Int64, stepID: String, group: Int, type: String, source: String, text: String, createdAt: Double, updatedAt: Double
        }
        struct Out: Encodable {
            var format = "samtal.meeting-summary.v1"
            var cycle: [String: String]
            var meeting: MeetingOut
            var steps: [StepOut]
            var notes: [NoteOut]
        }
        struct MeetingOut: Encodable {
            var id: Int64, title: String, agendaID: String, agendaVersion: Int, status: String, groupCount: Int
            var facts: MethodFacts
        }
        let out = Out(
            cycle: ["id": String(r.cycle.id), "area": r.cycle.area, "period": r.cycle.period],
            meeting: MeetingOut(id: r.meeting.id, title: r.meeting.title, agendaID: r.agenda.id, agendaVersion: r.agenda.version,
                                status: r.meeting.status.rawValue, groupCount: r.meeting.groupCount, facts: r.meeting.facts),
            steps: r.agenda.steps.map { StepOut(id: $0.id, title: $0.title, kind: $0.kind.rawValue, plannedMinutes: $0.minutes,
                                               actualSeconds: (r.stepSeconds[$0.id] ?? 0).rounded()) },
            notes: r.notes.map { NoteOut(id: $0.id, stepID: $0.stepID, group: $0.group, type: $0.type.rawValue, source: $0.source.rawValue,
                                         text: $0.text, createdAt: $0.createdAt, updatedAt: $0.updatedAt) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(out), as: UTF8.self) + "\n"
    }
}
