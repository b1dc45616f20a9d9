// The forms of the home screen: a new cycle, a new meeting, and a meeting's
// method facts (with the participant table).

import Foundation

public enum FormPurpose: Equatable, Sendable {
    case newCycle
    /// A cycle's area and period changed.
    case editCycle(Int64)
    case newMeeting(cycleID: Int64)
    case facts(meetingID: Int64)
    /// A record of the analysis workspace (see Workspace.swift).
    case workspace(WorkspaceForm)
    /// The export dialog (see ExportDialog.swift).
    case export(ExportTarget)
}

public enum FieldID: Hashable, Sendable {
    case area, period, agenda, title, date, place, form, facilitator, noteTakers, namedNotes, groups
    // the analysis workspace
    case name, areaType, targetPicture, leadsToPromise
    case question(ProblemQuestion), side(TriangleSide), causeText, evidence
    case what, how, organisation, responsible, start, end, sequence, dependsOn, focusArea, effectTerm, triangleSide
    case citizens, priority, status
    case goalKind, goalText, indicator, baseline, target, deadline, owner, goalActivities, goalAccepted
    case section(PromiseSection)
    case concerns, aspect, followUpStatus, measuredValue, why
    // export
    case document, format, redact, output
}

public enum FieldValue: Equatable, Sendable {
    case text(TextField)
    /// A fixed set of options; `values` are stored, `labels` shown.
    case choice(values: [String], labels: [String], index: Int)
}

public struct FormField: Equatable, Sendable {
    public var id: FieldID
    public var label: TextKey
    public var value: FieldValue
    public var required: Bool
    /// Rows a long text shows while it is edited; more than 1 makes the
    /// field multi-line: Enter starts a new line, ↑ and ↓ move between its
    /// lines (and out of it at either end).
    public var lines: Int

    public init(_ id: FieldID, _ label: TextKey, _ value: FieldValue, required: Bool = false, lines: Int = 1) {
        self.id = id
        self.label = label
        self.value = value
        self.required = required
        self.lines = lines
    }

    public var isMultiline: Bool { lines > 1 }

    public var text: String {
        switch value {
        case .text(let f): return isMultiline ? f.text.trimmingCharacters(in: .whitespacesAndNewlines) : f.trimmedText
        case .choice(let values, _, let index): return values.isEmpty ? "" : values[index]
        }
    }
}

/// The columns of a participant row, in order: the organisation or role,
/// its kind (whose knowledge it brings), then the four counts.
public enum ParticipantColumn: Int, CaseIterable, Sendable {
    case organisation, kind, count, women, men, other

    /// The columns that hold a number.
    public static let counts: [ParticipantColumn] = [.count, .women, .men, .other]

    /// The longest text a cell of the column takes.
    public var limit: Int {
        switch self {
        case .organisation: return 200
        case .kind: return 40
        case .count, .women, .men, .other: return 7
        }
    }

    public var label: TextKey {
        switch self {
        case .organisation: return .columnOrganisation
        case .kind: return .columnKind
        case .count: return .columnCount
        case .women: return .columnWomen
        case .men: return .columnMen
        case .other: return .columnOther
        }
    }
}

public struct Form: Equatable, Sendable {
    public var purpose: FormPurpose
    /// The facts form: the meeting's purpose, goals and quality criteria.
    public var intro: AgendaIntro?
    public var fields: [FormField]
    /// Participant rows (facts form only), one text field per column.
    public var participants: [[TextField]]?
    /// Flat focus index: fields first, then participant cells row by row.
    public var focus: Int = 0
    public var error: String?

    /// What the fields held when the form was opened.
    private var openedWith: [String] = []

    public init(purpose: FormPurpose, fields: [FormField], participants: [[TextField]]? = nil) {
        self.purpose = purpose
        self.fields = fields
        self.participants = participants
        openedWith = texts
    }

    /// Every field's and participant cell's text, in order.
    private var texts: [String] {
        fields.map(\.text) + (participants ?? []).flatMap { $0.map(\.text) }
    }

    /// Whether anything was typed or chosen since the form was opened:
    /// leaving the program then asks first (the form is not a draft).
    public var isChanged: Bool { texts != openedWith }

    /// F9 was pressed once after being told that another terminal saved
    /// a field of this record since the form was opened: the next writes.
    public var overwriteConfirmed = false
    /// The start and end an F9 was told lie outside the promise period:
    /// the next F9 saves them (other dates are told of again).
    public var periodToldOf: String?

    /// The first field that `stored` (the record as the store has it now,
    /// in a form made alike) holds otherwise than when this form was
    /// opened, and otherwise than this form: saving the form would write
    /// over what another terminal saved. Its index and the stored text.
    public func changedElsewhere(_ stored: Form) -> (index: Int, text: String)? {
        guard stored.fields.count == fields.count, openedWith.count >= fields.count else { return nil }
        for (i, field) in fields.enumerated() where stored.fields[i].id == field.id {
            let now = stored.fields[i].text
            if now != openedWith[i] && now != field.text { return (i, now) }
        }
        return nil
    }

    public var focusCount: Int { fields.count + (participants?.count ?? 0) * ParticipantColumn.allCases.count }

    /// The participant cell in focus, if the focus is in the table.
    public var focusedCell: (row: Int, column: ParticipantColumn)? {
        guard focus >= fields.count else { return nil }
        let i = focus - fields.count
        let n = ParticipantColumn.allCases.count
        return (i / n, ParticipantColumn(rawValue: i % n)!)
    }

    public func value(_ id: FieldID) -> String {
        fields.first(where: { $0.id == id })?.text ?? ""
    }

    mutating func moveFocus(by delta: Int) {
        let n = focusCount
        guard n > 0 else { return }
        focus = ((focus + delta) % n + n) % n
    }

    /// Applies an editing key to the focused text field or cell; a paste
    /// that does not fit is refused whole (and nothing else happens).
    mutating func edit(_ key: Key) -> TextField.PasteRefusal? {
        if let cell = focusedCell {
            return Self.edit(&participants![cell.row][cell.column.rawValue], key)
        }
        guard focus < fields.count, case .text(var f) = fields[focus].value else { return nil }
        let refused = Self.edit(&f, key)
        fields[focus].value = .text(f)
        return refused
    }

    static func edit(_ field: inout TextField, _ key: Key) -> TextField.PasteRefusal? {
        if case .paste(let text) = key, let refusal = field.refusal(ofPaste: text) { return refusal }
        _ = field.handle(key)
        return nil
    }

    mutating func cycleChoice(by delta: Int) -> Bool {
        guard focus < fields.count, case .choice(let values, let labels, let index) = fields[focus].value,
              !values.isEmpty else { return false }
        fields[focus].value = .choice(values: values, labels: labels,
                                      index: ((index + delta) % values.count + values.count) % values.count)
        return true
    }

    mutating func addParticipantRow() {
        guard participants != nil else { return }
        participants!.append(ParticipantColumn.allCases.map { TextField("", limit: $0.limit) })
        focus = fields.count + (participants!.count - 1) * ParticipantColumn.allCases.count
    }

    mutating func removeFocusedParticipantRow() {
        guard let cell = focusedCell else { return }
        participants!.remove(at: cell.row)
        focus = min(focus, focusCount - 1)
    }

    /// The participant rows as domain values, or the first problem found.
    public func participantRows(_ texts: Texts) -> Result<[ParticipantRow], FormError> {
        var rows: [ParticipantRow] = []
        for (r, cells) in (participants ?? []).enumerated() {
            let org = cells[ParticipantColumn.organisation.rawValue].trimmedText
            let kindText = cells[ParticipantColumn.kind.rawValue].trimmedText
            var kind: NoteSource?
            if !kindText.isEmpty {
                // A kind is written as the interface names it (polis,
                // kommun, …) or by its code.
                guard let k = NoteSource.allCases.first(where: { s in
                    [texts.source(s), s.rawValue].contains { $0.compare(kindText, options: [.caseInsensitive, .diacriticInsensitive]) == .orderedSame }
                }) else {
                    return .failure(FormError(message: "\(texts[.participantsHeading]) \(r + 1): \(texts[.errorKind]) "
                                              + NoteSource.allCases.map { texts.source($0) }.joined(separator: ", "),
                                              focus: fields.count + r * ParticipantColumn.allCases.count + ParticipantColumn.kind.rawValue))
                }
                kind = k
            }
            var numbers: [Int] = []
            for column in ParticipantColumn.counts {
                let raw = cells[column.rawValue].trimmedText
                if raw.isEmpty { numbers.append(0); continue }
                guard let n = Int(raw), n >= 0, n < 1_000_000 else {
                    return .failure(FormError(message: "\(texts[.participantsHeading]) \(r + 1), \(texts[column.label]) \(texts[.errorNumber])",
                                              focus: fields.count + r * ParticipantColumn.allCases.count + column.rawValue))
                }
                numbers.append(n)
            }
            if org.isEmpty && kind == nil && numbers.allSatisfy({ $0 == 0 }) { continue }
            rows.append(ParticipantRow(organisationRole: org, headCount: numbers[0], women: numbers[1],
                                       men: numbers[2], otherOrUnstated: numbers[3], kind: kind))
        }
        return .success(rows)
    }

    /// The first required field left empty, as an error.
    func missingRequired(_ texts: Texts) -> FormError? {
        for (i, f) in fields.enumerated() where f.required && f.text.isEmpty {
            return FormError(message: "\(texts[f.label]) \(texts[.errorRequired])", focus: i)
        }
        return nil
    }
}

/// What a key did to a form.
public enum FormOutcome: Equatable, Sendable {
    case editing, help, quit, cancel, save
    /// A paste that does not fit the focused field: nothing went in.
    case pasteRefused(TextField.PasteRefusal)
    /// Text typed or pasted on a choice field, which takes none (the
    /// sixteenth walk: a sentence typed there vanished without a word).
    case typedInChoice
}

extension Form {
    /// Applies a key: text keys go to the focused field first (Left/Right
    /// move the cursor in a text field and change the value of a choice
    /// field); the outcome says what the screen holding the form must do.
    mutating func apply(key: Key, action: Action?) -> FormOutcome {
        guard error != nil else { return applyKey(key, action: action) }
        // A message about the last save goes once the text it was about
        // is changed (the twentieth walk: "är inget datum" stayed under a
        // corrected date until the next F9); F9 says it again if it holds.
        let before = texts
        let outcome = applyKey(key, action: action)
        if texts != before { error = nil }
        return outcome
    }

    private mutating func applyKey(_ key: Key, action: Action?) -> FormOutcome {
        // A long text's own keys: a new line, and moving between its lines.
        if focusedCell == nil, focus < fields.count, fields[focus].isMultiline, case .text(var f) = fields[focus].value {
            var moved = true
            switch key {
            case .enter: _ = f.insert("\n") // refused only at the field's limit
            case .up: moved = f.moveLineUp()
            case .down: moved = f.moveLineDown()
            case .home, .ctrl("a"): f.moveLineHome()
            case .end, .ctrl("e"): f.moveLineEnd()
            case .ctrl("u"): f.clearLine() // "Ctrl-U tömmer raden": this line, not the whole text
            default: moved = false
            }
            if moved {
                fields[focus].value = .text(f)
                return .editing
            }
        }
        switch action {
        case .choiceNext, .choicePrevious:
            if !cycleChoice(by: action == .choiceNext ? 1 : -1), let refused = edit(key) { return .pasteRefused(refused) }
        case nil:
            if focusedCell == nil, focus < fields.count, case .choice = fields[focus].value {
                switch key {
                case .char, .paste: return .typedInChoice
                default: break
                }
            }
            if let refused = edit(key) { return .pasteRefused(refused) }
        case .help: return .help
        case .quit: return .quit
        case .nextField: moveFocus(by: 1)
        case .previousField: moveFocus(by: -1)
        case .addParticipant: addParticipantRow()
        case .removeParticipant: removeFocusedParticipantRow()
        case .cancelForm: return .cancel
        case .saveForm: return .save
        default: break
        }
        return .editing
    }
}

public struct FormError: Error, Equatable, Sendable {
    public var message: String
    public var focus: Int
}

extension Form {
    public static func newCycle() -> Form {
        Form(purpose: .newCycle, fields: [
            FormField(.area, .fieldArea, .text(TextField("", limit: 200)), required: true),
            FormField(.period, .fieldPeriod, .text(TextField("", limit: 100)), required: true),
        ])
    }

    public static func editCycle(_ c: Cycle) -> Form {
        Form(purpose: .editCycle(c.id), fields: [
            FormField(.area, .fieldArea, .text(TextField(c.area, limit: 200)), required: true),
            FormField(.period, .fieldPeriod, .text(TextField(c.period, limit: 100)), required: true),
        ])
    }

    public static func newMeeting(cycleID: Int64, agendas: [AgendaInfo], today: String) -> Form {
        Form(purpose: .newMeeting(cycleID: cycleID), fields: [
            FormField(.agenda, .fieldAgenda, .choice(values: agendas.map(\.id), labels: agendas.map(\.title), index: 0), required: true),
            FormField(.title, .fieldTitle, .text(TextField("", limit: 200)), required: true),
            FormField(.date, .fieldDate, .text(TextField(today, limit: 40))),
            FormField(.place, .fieldPlace, .text(TextField("", limit: 200))),
        ])
    }

    public static func facts(for meeting: Meeting, texts: Texts, intro: AgendaIntro? = nil) -> Form {
        let forms = MeetingForm.allCases
        let f = meeting.facts
        var form = Form(purpose: .facts(meetingID: meeting.id), fields: [
            FormField(.title, .fieldTitle, .text(TextField(meeting.title, limit: 200)), required: true),
            FormField(.date, .fieldDate, .text(TextField(f.date, limit: 40))),
            FormField(.place, .fieldPlace, .text(TextField(f.place, limit: 200))),
            FormField(.form, .fieldForm, .choice(values: forms.map(\.rawValue), labels: forms.map { texts.form($0) },
                                                 index: forms.firstIndex(of: f.form) ?? 0)),
            FormField(.facilitator, .fieldFacilitator, .text(TextField(f.facilitator, limit: 200))),
            FormField(.noteTakers, .fieldNoteTakers, .text(TextField(f.noteTakers, limit: 400))),
            FormField(.namedNotes, .fieldNamedNotes, .choice(values: ["anonymous", "named"],
                                                             labels: [texts[.notesAnonymous], texts[.notesNamed]],
                                                             index: f.namedNotes ? 1 : 0)),
            FormField(.groups, .fieldGroups, .text(TextField(String(meeting.groupCount), limit: 3))),
        ], participants: f.participants.map { p in
            zip(ParticipantColumn.allCases, [p.organisationRole, p.kind.map { texts.source($0) } ?? "", String(p.headCount),
                                             String(p.women), String(p.men), String(p.otherOrUnstated)])
                .map { TextField($1, limit: $0.limit) }
        })
        form.intro = intro
        return form
    }
}

/// What the new-meeting form needs to know of an agenda.
public struct AgendaInfo: Equatable, Sendable {
    public var id: String
    public var title: String
    /// The agenda's purpose, goals and quality criteria.
    public var intro: AgendaIntro
    public init(id: String, title: String, intro: AgendaIntro = AgendaIntro()) {
        self.id = id
        self.title = title
        self.intro = intro
    }
}

/// What a meeting is for, as its agenda states it: read out at its start
/// and shown where its facts are entered.
public struct AgendaIntro: Equatable, Sendable {
    public var purpose: String
    public var goals: [String]
    public var qualityCriteria: [String]

    public init(purpose: String = "", goals: [String] = [], qualityCriteria: [String] = []) {
        self.purpose = purpose
        self.goals = goals
        self.qualityCriteria = qualityCriteria
    }

    public init(_ agenda: Agenda) {
        self.init(purpose: agenda.purpose, goals: agenda.goals, qualityCriteria: agenda.qualityCriteria)
    }

    public var isEmpty: Bool { purpose.isEmpty && goals.isEmpty && qualityCriteria.isEmpty }
}
