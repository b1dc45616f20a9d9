// The raw records of a meeting or a cycle for other tools: one flat table
// per record type, every stored field, in JSON (one file) or CSV (one file
// per table). Both spell the same tables with the same column names;
// docs/json-schema.md documents them.

public struct RecordSet: Equatable, Sendable {
    public enum Value: Equatable, Sendable {
        case string(String), int(Int64), double(Double), bool(Bool), null
    }

    public struct Table: Equatable, Sendable {
        public var name: String
        public var columns: [String]
        public var rows: [[Value]]
    }

    public static let format = "samtal.records.v1"

    /// "meeting" or "cycle".
    public var scope: String
    public var tables: [Table]

    public func table(_ name: String) -> Table? { tables.first { $0.name == name } }

    // MARK: building

    /// A meeting's records. The promise belongs to the cycle: its table is
    /// empty here; goals and follow-up entries are those written in the
    /// meeting's steps.
    public static func meeting(_ r: MeetingRecord) -> RecordSet {
        let data = r.agenda.steps.compactMap { r.steps[$0.id] }
        var areas: [Int64: FocusArea] = [:]
        for d in data { for a in d.focusAreas { areas[a.id] = a } }
        let votes = r.agenda.steps.filter { $0.kind == .vote }.flatMap { r.steps[$0.id]?.votes ?? [] }
        let activities = r.agenda.steps.filter { $0.kind == .activities }.flatMap { r.steps[$0.id]?.activities ?? [] }
        let goals = data.flatMap(\.goals).filter { $0.meetingID == r.meeting.id }
        return build(scope: "meeting", cycle: r.cycle, meetings: [r], focusAreas: Array(areas.values), votes: votes,
                     problems: r.problems, causes: r.whyChains.values.flatMap { $0 }, activities: activities,
                     goals: goals, promise: nil, followUps: data.flatMap(\.followUps))
    }

    /// A cycle's records: every meeting's, and the analysis chain.
    public static func cycle(_ c: CycleRecord) -> RecordSet {
        let a = c.analysis
        let votes = c.meetings.flatMap { r in r.agenda.steps.filter { $0.kind == .vote }.flatMap { r.steps[$0.id]?.votes ?? [] } }
        return build(scope: "cycle", cycle: a.cycle, meetings: c.meetings, focusAreas: a.focusAreas, votes: votes,
                     problems: a.problems, causes: a.causes.values.flatMap { $0 }, activities: a.activities,
                     goals: a.goals, promise: a.promise, followUps: a.followUps)
    }

    // swiftlint:disable:next function_parameter_count function_body_length
    static func build(scope: String, cycle: Cycle, meetings: [MeetingRecord], focusAreas: [FocusArea], votes: [Vote],
                      problems: [Problem], causes: [Cause], activities: [Activity], goals: [Goal], promise: Promise?,
                      followUps: [FollowUp]) -> RecordSet {
        func s(_ v: String) -> Value { .string(v) }
        func i(_ v: Int) -> Value { .int(Int64(v)) }
        func id(_ v: Int64?) -> Value { v.map { .int($0) } ?? .null }
        func t(_ v: Double) -> Value { .double(v) }
        func unique<T: Identifiable>(_ list: [T]) -> [T] where T.ID == Int64 {
            Dictionary(list.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }).values.sorted { $0.id < $1.id }
        }
        var tables: [Table] = []
        func add(_ name: String, _ columns: [String], _ rows: [[Value]]) { tables.append(Table(name: name, columns: columns, rows: rows)) }

        add("cycles", ["id", "area", "period", "created_at"], [[.int(cycle.id), s(cycle.area), s(cycle.period), t(cycle.createdAt)]])
        add("meetings", ["id", "cycle_id", "agenda_id", "agenda_version", "agenda_title", "title", "date", "place", "form",
                         "facilitator", "note_takers", "named_notes", "group_count", "status", "created_at"],
            meetings.map { r in
                let m = r.meeting, f = m.facts
                return [.int(m.id), .int(m.cycleID), s(r.agenda.id), i(r.agenda.version), s(r.agenda.title), s(m.title), s(f.date),
                        s(f.place), s(f.form.rawValue), s(f.facilitator), s(f.noteTakers), .bool(f.namedNotes), i(m.groupCount),
                        s(m.status.rawValue), t(m.createdAt)]
            })
        add("participants", ["meeting_id", "position", "organisation_role", "organisation_kind", "head_count", "women", "men",
                             "other_or_unstated"],
            meetings.flatMap { r in r.meeting.facts.participants.enumerated().map { n, p in
                [.int(r.meeting.id), i(n), s(p.organisationRole), s(p.kind?.rawValue ?? ""), i(p.headCount), i(p.women), i(p.men),
                 i(p.otherOrUnstated)]
            } })
        add("steps", ["meeting_id", "position", "step_id", "title", "kind", "planned_minutes", "actual_seconds"],
            meetings.flatMap { r in r.agenda.steps.enumerated().map { n, step in
                [.int(r.meeting.id), i(n), s(step.id), s(step.title), s(step.kind.rawValue), i(step.minutes),
                 t((r.stepSeconds[step.id] ?? 0).rounded())]
            } })
        add("notes", ["id", "meeting_id", "step_id", "group", "type", "source", "text", "author", "hidden", "personal_data_checked",
                      "public_review", "public_text", "created_at", "updated_at"],
            unique(meetings.flatMap(\.notes)).map { n in
                [.int(n.id), .int(n.meetingID), s(n.stepID), i(n.group), s(n.type.rawValue), s(n.source.rawValue), s(n.text),
                 s(n.author), .bool(n.hidden), .bool(n.personalDataChecked), s(n.publicReview == .unreviewed ? "unreviewed" : n.publicReview.rawValue),
                 s(n.publicText), t(n.createdAt), t(n.updatedAt)]
            })
        let areas = unique(focusAreas)
        add("focus_areas", ["id", "cycle_id", "meeting_id", "step_id", "name", "type", "target_picture", "leads_to_promise", "created_at"],
            areas.map { a in
                [.int(a.id), .int(a.cycleID), .int(a.meetingID), s(a.stepID), s(a.name), s(a.type.rawValue), s(a.targetPicture),
                 .bool(a.leadsToPromise), t(a.createdAt)]
            })
        add("focus_area_notes", ["focus_area_id", "note_id", "position"],
            areas.flatMap { a in a.noteIDs.enumerated().map { n, note in [.int(a.id), .int(note), i(n)] } })
        add("focus_area_proposals", ["focus_area_id", "meeting_id", "position"],
            areas.flatMap { a in a.proposedIn.enumerated().map { n, meeting in [.int(a.id), .int(meeting), i(n)] } })
        add("votes", ["id", "meeting_id", "step_id", "focus_area_id", "voter", "created_at"],
            unique(votes).map { v in [.int(v.id), .int(v.meetingID), s(v.stepID), .int(v.focusAreaID), i(v.voter), t(v.createdAt)] })
        add("activity_votes", ["id", "meeting_id", "step_id", "activity_id", "voter", "created_at"],
            unique(meetings.flatMap { r in r.agenda.steps.filter { $0.kind == .vote }.flatMap { r.steps[$0.id]?.activityVotes ?? [] } })
                .map { v in [.int(v.id), .int(v.meetingID), s(v.stepID), .int(v.activityID), i(v.voter), t(v.createdAt)] })
        add("checklist_answers", ["meeting_id", "step_id", "item", "item_text", "done", "comment"],
            meetings.flatMap { r in r.agenda.steps.filter { $0.kind == .checklist }.flatMap { step in
                (r.steps[step.id]?.checklist ?? []).sorted { $0.item < $1.item }.map { c in
                    [.int(r.meeting.id), s(step.id), i(c.item), s(step.questions.indices.contains(c.item) ? step.questions[c.item] : ""),
                     .bool(c.done), s(c.comment)]
                }
            } })
        add("ratings", ["meeting_id", "step_id", "question", "question_text", "value", "observations", "comment"],
            meetings.flatMap { r in r.agenda.steps.filter { $0.kind == .rating }.flatMap { step in
                (r.steps[step.id]?.ratings ?? []).sorted { $0.question < $1.question }.map { q in
                    [.int(r.meeting.id), s(step.id), i(q.question),
                     s(step.questions.indices.contains(q.question) ? step.questions[q.question] : ""),
                     q.value.map(s) ?? .null, s(q.observations), s(q.comment)]
                }
            } })
        add("rating_contributions", ["id", "meeting_id", "step_id", "question", "from_organisation", "text", "created_at"],
            unique(meetings.flatMap { r in r.agenda.steps.filter { $0.kind == .rating }.flatMap { r.steps[$0.id]?.contributions ?? [] } })
                .map { c in [.int(c.id), .int(c.meetingID), s(c.stepID), i(c.question), s(c.from), s(c.text), t(c.createdAt)] })
        add("summary_items", ["id", "meeting_id", "step_id", "kind", "text", "owner", "due", "created_at"],
            unique(meetings.flatMap { r in r.steps.values.flatMap(\.summaryItems) }).map { x in
                [.int(x.id), .int(x.meetingID), s(x.stepID), s(x.kind.rawValue), s(x.text), s(x.owner), s(x.due), t(x.createdAt)]
            })
        add("problems", ["id", "cycle_id", "focus_area_id", "meeting_id", "step_id"] + ProblemQuestion.allCases.map(\.rawValue)
                + TriangleSide.allCases.map(\.rawValue) + ["created_at", "updated_at"],
            unique(problems).map { p in
                [.int(p.id), .int(p.cycleID), id(p.focusAreaID), .int(p.meetingID), s(p.stepID)]
                    + ProblemQuestion.allCases.map { s(p.answers[$0] ?? "") } + TriangleSide.allCases.map { s(p.triangle[$0] ?? "") }
                    + [t(p.createdAt), t(p.updatedAt)]
            })
        add("causes", ["id", "problem_id", "parent_id", "text", "evidence", "created_at"],
            unique(causes).map { c in [.int(c.id), .int(c.problemID), id(c.parentID), s(c.text), s(c.evidence.rawValue), t(c.createdAt)] })
        let acts = unique(activities)
        add("activities", ["id", "cycle_id", "meeting_id", "step_id", "focus_area_id", "what", "how", "responsible", "organisation",
                           "start", "end", "priority", "sequence", "effect_term", "triangle_side", "involves_citizens", "status", "created_at",
                           "group"],
            acts.map { a in
                [.int(a.id), .int(a.cycleID), .int(a.meetingID), s(a.stepID), id(a.focusAreaID), s(a.what), s(a.how), s(a.responsible),
                 s(a.organisation), s(a.start), s(a.end), s(a.priority.rawValue), i(a.sequence), a.effectTerm.map { s($0.rawValue) } ?? .null,
                 a.triangleSide.map { s($0.rawValue) } ?? .null, .bool(a.involvesCitizens), s(a.status.rawValue), t(a.createdAt),
                 a.group.map { .int(Int64($0)) } ?? .null]
            })
        add("activity_dependencies", ["activity_id", "depends_on_id"],
            acts.flatMap { a in a.dependsOn.sorted().map { [.int(a.id), .int($0)] } })
        let sortedGoals = unique(goals)
        add("goals", ["id", "cycle_id", "focus_area_id", "kind", "text", "indicator", "baseline", "target", "deadline", "owner",
                      "smart_flags", "created_at", "updated_at", "accepted", "meeting_id", "step_id"],
            sortedGoals.map { g in
                let letters = SMARTLetter.allCases.filter { l in g.smartFlags.contains { $0.letter == l } }.map(\.initial)
                return [.int(g.id), .int(g.cycleID), id(g.focusAreaID), s(g.kind.rawValue), s(g.text), s(g.indicator), s(g.baseline),
                        s(g.target), s(g.deadline), s(g.owner), s(letters.joined(separator: " ")), t(g.createdAt), t(g.updatedAt),
                        .bool(g.accepted), id(g.meetingID), g.stepID.map(s) ?? .null]
            })
        add("goal_activities", ["goal_id", "activity_id"], sortedGoals.flatMap { g in g.activityIDs.sorted().map { [.int(g.id), .int($0)] } })
        add("promise_sections", ["cycle_id", "section", "text", "updated_at"],
            promise.map { p in PromiseSection.allCases.map { [.int(p.cycleID), s($0.rawValue), s(p[$0]), t(p.updatedAt)] } } ?? [])
        add("follow_ups", ["id", "cycle_id", "activity_id", "goal_id", "aspect", "status", "why", "measured_value", "date", "created_at",
                           "resources", "meeting_id", "step_id"],
            unique(followUps).map { f in
                [.int(f.id), .int(f.cycleID), id(f.activityID), id(f.goalID), s(f.aspect.rawValue), s(f.status.rawValue), s(f.why),
                 s(f.measuredValue), s(f.date), t(f.createdAt), s(f.resources), id(f.meetingID), f.stepID.map(s) ?? .null]
            })
        return RecordSet(scope: scope, tables: tables)
    }

    // MARK: writing

    /// One JSON object: `format`, `scope`, then one array of row objects
    /// per table, columns in the documented order. Text is written as
    /// stored (UTF-8, only `"`, `\` and control characters escaped).
    public func json() -> String {
        var out = "{\n  \"format\": \(Self.jsonString(Self.format)),\n  \"scope\": \(Self.jsonString(scope))"
        for table in tables {
            out += ",\n  \(Self.jsonString(table.name)): ["
            for (n, row) in table.rows.enumerated() {
                let fields = zip(table.columns, row).map { "\(Self.jsonString($0)): \(Self.json($1))" }
                out += (n == 0 ? "\n" : ",\n") + "    {" + fields.joined(separator: ", ") + "}"
            }
            out += table.rows.isEmpty ? "]" : "\n  ]"
        }
        return out + "\n}\n"
    }

    static func json(_ v: Value) -> String {
        switch v {
        case .string(let s): jsonString(s)
        case .int(let n): String(n)
        case .double(let d): number(d)
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        }
    }

    /// A whole number of seconds without a fraction, else as Swift prints it.
    static func number(_ d: Double) -> String {
        d.isFinite && d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : d.isFinite ? "\(d)" : "null"
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// One CSV file per table, named `<table>.csv`: a header row with the
    /// column names, then one row per record, CRLF line ends; a field with
    /// the separator, a quote or a line break is quoted and its quotes
    /// doubled (RFC 4180). The default dialect is Swedish Excel's: a UTF-8
    /// byte order mark and `;` between fields; `.rfc4180` is the plain
    /// comma form. In both, text is written as stored except that control
    /// characters become U+FFFD (line breaks stay, as LF) and a text a
    /// spreadsheet would take for a formula (starting with `=`, `+`, `-`,
    /// `@`, a tab or a line break) gets a leading `'`. The JSON records
    /// carry every text exactly as stored. Null is an empty field; a
    /// number with a fraction has a decimal comma in the Excel dialect.
    public func csvFiles(dialect: CSVDialect = .excel) -> [(name: String, text: String)] {
        let separator = String(dialect.separator)
        return tables.map { table in
            let lines = [table.columns.map { Self.csvField($0, dialect) }] + table.rows.map { row in row.map { Self.csvValue($0, dialect) } }
            let text = lines.map { $0.joined(separator: separator) + "\r\n" }.joined()
            return ("\(table.name).csv", dialect == .excel ? "\u{FEFF}" + text : text)
        }
    }

    /// A value as one CSV field; in the Excel dialect a number's fraction
    /// follows a decimal comma, as Swedish Excel reads it.
    static func csvValue(_ v: Value, _ dialect: CSVDialect) -> String {
        switch v {
        case .string(let s): csvField(s, dialect)
        case .null: ""
        case .double where dialect == .excel: json(v).replacing(".", with: ",")
        default: json(v)
        }
    }

    /// A text as one CSV field: printable, not a formula, quoted when needed.
    public static func csvField(_ s: String, _ dialect: CSVDialect) -> String {
        var text = csvText(s)
        if let first = text.unicodeScalars.first, formulaStarts.contains(first) { text = "'" + text }
        let separator = dialect.separator.unicodeScalars.first!
        let needsQuotes = text.unicodeScalars.contains { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || text.first?.isWhitespace == true || text.last?.isWhitespace == true
        return needsQuotes ? "\"" + text.replacing("\"", with: "\"\"") + "\"" : text
    }

    /// What makes a spreadsheet read a cell as a formula (OWASP's list,
    /// with the full-width forms some versions of Excel also take).
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\n", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"]

    /// Line breaks (CRLF, CR, LF, U+2028/9) as LF, a tab kept, every other
    /// control character (C0, DEL, C1) as U+FFFD.
    static func csvText(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for u in s.unicodeScalars {
            if u == "\n" && previousCR { previousCR = false; continue }
            previousCR = u == "\r"
            if u == "\n" || u == "\r" || u == "\u{2028}" || u == "\u{2029}" {
                out.append("\n")
            } else if u != "\t" && (u.value < 0x20 || (0x7F...0x9F).contains(u.value)) {
                out.append("\u{FFFD}")
            } else {
                out.append(u)
            }
        }
        return String(out)
    }
}
