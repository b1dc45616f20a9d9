// One plain Codable record per table (named Stored…), mapped to and from the core's domain
// types. Records are internal: the rest of the program sees only the domain
// types of SamtalCore.

import GRDB
import SamtalCore

struct StoredCycle: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "cycle"

    var id: Int64?
    var area: String
    var period: String
    var createdAt: Double

    enum CodingKeys: String, CodingKey {
        case id, area, period
        case createdAt = "created_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let createdAt = Column(CodingKeys.createdAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Rows read from the table always have an id; 0 only stands for a
    /// record that was never inserted.
    var cycle: Cycle {
        Cycle(id: id ?? 0, area: area, period: period, createdAt: createdAt)
    }
}

extension StoredCycle {
    /// The columns `init(columns:)` reads, in its order.
    static let orderedColumns = "id, area, period, created_at"

    init(columns c: ColumnReader) {
        self.init(id: c.int64(0), area: c.text(1), period: c.text(2), createdAt: c.double(3))
    }

    /// The cycle `id`, in plain SQL read by column index (a request by key
    /// looks the table's primary key up in the schema first, issue 15).
    static func fetch(_ db: Database, id: Int64) throws -> StoredCycle? {
        try db.rows("SELECT \(orderedColumns) FROM cycle WHERE id = ?", arguments: [id], StoredCycle.init(columns:)).first
    }
}

/// A meeting row. Its agenda snapshot is a row of `meeting_agenda`, read and
/// written on its own (lists of meetings should not load every agenda text).
struct StoredMeeting: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "meeting"

    var id: Int64?
    var cycleID: Int64
    var agendaID: String
    var title: String
    var date: String
    var place: String
    var form: MeetingForm
    var facilitator: String
    var noteTakers: String
    var namedNotes: Bool
    var groupCount: Int
    var currentStepIndex: Int
    var status: MeetingStatus
    var createdAt: Double
    var finishedAt: Double?
    var groupSources = ""

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, date, place, form, facilitator, status
        case cycleID = "cycle_id"
        case agendaID = "agenda_id"
        case noteTakers = "note_takers"
        case namedNotes = "named_notes"
        case groupCount = "group_count"
        case currentStepIndex = "current_step_index"
        case createdAt = "created_at"
        case finishedAt = "finished_at"
        case groupSources = "group_sources"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let cycleID = Column(CodingKeys.cycleID)
        static let date = Column(CodingKeys.date)
        static let createdAt = Column(CodingKeys.createdAt)
    }

    /// Every column.
    static var databaseSelection: [any SQLSelectable] {
        CodingKeys.allCases.map { Column($0) }
    }

    /// The columns `init(columns:)` reads, in its order.
    static let orderedColumns = """
        id, cycle_id, agenda_id, title, date, place, form, facilitator, note_takers, named_notes, group_count,
        current_step_index, status, created_at, finished_at, group_sources
        """

    /// The meeting `id`; nil when there is none.
    static func fetch(_ db: Database, id: Int64) throws -> StoredMeeting? {
        try db.rows("SELECT \(orderedColumns) FROM meeting WHERE id = ?", arguments: [id], StoredMeeting.init(columns:)).first
    }

    /// Newest first: by date text, then creation time, then id.
    static var newestFirst: [any SQLOrderingTerm] {
        [Columns.date.desc, Columns.createdAt.desc, Columns.id.desc]
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var facts: MethodFacts {
        MethodFacts(date: date, place: place, form: form, facilitator: facilitator, noteTakers: noteTakers, namedNotes: namedNotes)
    }

    mutating func setFacts(_ facts: MethodFacts) {
        date = facts.date
        place = facts.place
        form = facts.form
        facilitator = facts.facilitator
        noteTakers = facts.noteTakers
        namedNotes = facts.namedNotes
    }

    func meeting(participants: [StoredParticipant]) -> Meeting {
        var facts = self.facts
        facts.participants = participants.sorted { $0.position < $1.position }.map(\.row)
        var meeting = Meeting(id: id ?? 0, cycleID: cycleID, agendaID: agendaID, title: title, facts: facts,
                              groupCount: groupCount, currentStepIndex: currentStepIndex, status: status,
                              createdAt: createdAt)
        meeting.groupSources = NoteSource.decode(groups: groupSources)
        return meeting
    }
}

extension StoredMeeting {
    /// Read by column index from a row of `SELECT \(orderedColumns)`, not
    /// through `Decodable` nor by column name (each opening of a meeting
    /// reads it, and every write to it: issue 15).
    init(columns c: ColumnReader) throws {
        id = c.int64(0)
        cycleID = c.int64(1)
        agendaID = c.text(2)
        title = c.text(3)
        date = c.text(4)
        place = c.text(5)
        form = try c.choice(6, CodingKeys.form)
        facilitator = c.text(7)
        noteTakers = c.text(8)
        namedNotes = c.bool(9)
        groupCount = c.int(10)
        currentStepIndex = c.int(11)
        status = try c.choice(12, CodingKeys.status)
        createdAt = c.double(13)
        finishedAt = c.optionalDouble(14)
        groupSources = c.text(15)
    }
}

/// What the room works on while the meeting runs (v13): the focus area
/// each group was given and the projector wall's page. A row of its own,
/// so the meeting's record (read by every write) keeps its columns.
struct StoredRoom: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "meeting_room"

    var meetingID: Int64
    var groupAreas = ""
    var wallPage = 0
    var wallTurnedAt: Double?
    var clockFrom: Double?

    /// The meeting's room row, read by column index; nil when it has none.
    static func fetch(_ db: Database, meetingID: Int64) throws -> StoredRoom? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT meeting_id, group_areas, wall_page, wall_turned_at, clock_from FROM meeting_room WHERE meeting_id = ?
            """, arguments: [meetingID]) else { return nil }
        return StoredRoom(meetingID: try row.decode(atIndex: 0), groupAreas: try row.decode(atIndex: 1),
                          wallPage: try row.decode(atIndex: 2), wallTurnedAt: try row.decode(atIndex: 3),
                          clockFrom: try row.decode(atIndex: 4))
    }

    enum CodingKeys: String, CodingKey {
        case meetingID = "meeting_id"
        case groupAreas = "group_areas"
        case wallPage = "wall_page"
        case wallTurnedAt = "wall_turned_at"
        case clockFrom = "clock_from"
    }

    func apply(to meeting: inout Meeting) {
        meeting.groupAreas = Meeting.decode(groupAreas: groupAreas)
        meeting.wallPage = wallPage
        meeting.wallTurnedAt = wallTurnedAt
        meeting.clockFrom = clockFrom
    }
}

struct StoredParticipant: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "participant"

    var id: Int64?
    var meetingID: Int64
    var position: Int
    var organisationRole: String
    var headCount: Int
    var women: Int
    var men: Int
    var otherOrUnstated: Int
    var organisationKind: NoteSource?

    enum CodingKeys: String, CodingKey {
        case id, position, women, men
        case meetingID = "meeting_id"
        case organisationRole = "organisation_role"
        case organisationKind = "organisation_kind"
        case headCount = "head_count"
        case otherOrUnstated = "other_or_unstated"
    }

    enum Columns {
        static let meetingID = Column(CodingKeys.meetingID)
        static let position = Column(CodingKeys.position)
    }

    /// The meeting's participant rows in their order, read by column index.
    static func fetchAll(_ db: Database, meetingID: Int64) throws -> [StoredParticipant] {
        try fetchOrdered(db, where: "WHERE meeting_id = ? ORDER BY position", arguments: [meetingID])
    }

    /// Participant rows read by column index, `clause` after the FROM.
    static func fetchOrdered(_ db: Database, where clause: String = "", arguments: StatementArguments = []) throws -> [StoredParticipant] {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, meeting_id, position, organisation_role, head_count, women, men, other_or_unstated, organisation_kind
            FROM participant \(clause)
            """, arguments: arguments)
        var out: [StoredParticipant] = []
        while let row = try rows.next() {
            var p = StoredParticipant(meetingID: try row.decode(atIndex: 1), position: try row.decode(atIndex: 2),
                                      row: ParticipantRow(organisationRole: try row.decode(atIndex: 3), headCount: try row.decode(atIndex: 4),
                                                          women: try row.decode(atIndex: 5), men: try row.decode(atIndex: 6),
                                                          otherOrUnstated: try row.decode(atIndex: 7), kind: nil))
            p.id = try row.decode(atIndex: 0)
            if let kind: String = try row.decode(atIndex: 8) {
                p.organisationKind = try choice(row, 8, CodingKeys.organisationKind, kind) as NoteSource
            }
            out.append(p)
        }
        return out
    }

    init(meetingID: Int64, position: Int, row: ParticipantRow) {
        self.meetingID = meetingID
        self.position = position
        organisationRole = row.organisationRole
        headCount = row.headCount
        women = row.women
        men = row.men
        otherOrUnstated = row.otherOrUnstated
        organisationKind = row.kind
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var row: ParticipantRow {
        ParticipantRow(organisationRole: organisationRole, headCount: headCount, women: women, men: men,
                       otherOrUnstated: otherOrUnstated, kind: organisationKind)
    }
}

struct StoredNote: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "note"

    var id: Int64?
    var meetingID: Int64
    var stepID: String
    var group: Int
    var type: NoteType
    var source: NoteSource
    var text: String
    var createdAt: Double
    var updatedAt: Double
    var deletedAt: Double?
    var personalDataChecked: Bool
    var hidden: Bool
    var author: String
    var clientID: String?
    var publicReview: PublicReview
    var publicText: String

    enum CodingKeys: String, CodingKey {
        case id, type, source, text, hidden, author
        case clientID = "client_id"
        case publicReview = "public_review"
        case publicText = "public_text"
        case personalDataChecked = "personal_data_checked"
        case meetingID = "meeting_id"
        case stepID = "step_id"
        case group = "group_number"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case deletedAt = "deleted_at"
    }

    /// Read by hand rather than through `Decodable`, which costs tens of
    /// thousands of instructions a note: a step's notes are read again
    /// after every commit (issue 15).
    init(row: Row) throws {
        func value<T: DatabaseValueConvertible>(_ key: CodingKeys) throws -> T { try row.decode(T.self, forColumn: key.rawValue) }
        func choice<T: RawRepresentable<String>>(_ key: CodingKeys) throws -> T {
            let raw: String = try value(key)
            guard let v = T(rawValue: raw) else {
                throw DecodingError.dataCorrupted(.init(codingPath: [key], debugDescription: "not a \(T.self): \(raw)"))
            }
            return v
        }
        id = try value(.id)
        meetingID = try value(.meetingID)
        stepID = try value(.stepID)
        group = try value(.group)
        type = try choice(.type)
        source = try choice(.source)
        text = try value(.text)
        createdAt = try value(.createdAt)
        updatedAt = try value(.updatedAt)
        deletedAt = try value(.deletedAt)
        personalDataChecked = try value(.personalDataChecked)
        hidden = try value(.hidden)
        author = try value(.author)
        clientID = try value(.clientID)
        publicReview = try choice(.publicReview)
        publicText = try value(.publicText)
    }

    /// The columns `init(columns:)` reads, in its order.
    static let orderedColumns = """
        id, meeting_id, step_id, group_number, type, source, text, created_at, updated_at, deleted_at,
        personal_data_checked, hidden, author, client_id, public_review, public_text
        """

    /// Read by column index from a row of `SELECT \(orderedColumns)`: a
    /// column looked up by name costs a search among the row's columns,
    /// sixteen times a note (issue 15).
    init(columns c: ColumnReader) throws {
        id = c.int64(0)
        meetingID = c.int64(1)
        stepID = c.text(2)
        group = c.int(3)
        type = try c.choice(4, CodingKeys.type)
        source = try c.choice(5, CodingKeys.source)
        text = c.text(6)
        createdAt = c.double(7)
        updatedAt = c.double(8)
        deletedAt = c.optionalDouble(9)
        personalDataChecked = c.bool(10)
        hidden = c.bool(11)
        author = c.text(12)
        clientID = c.optionalText(13)
        publicReview = try c.choice(14, CodingKeys.publicReview)
        publicText = c.text(15)
    }

    /// The columns of what a note shows (`Note`), in the order
    /// `note(columns:)` reads them: without the client's id (a UUID, a
    /// String on the heap for each note) and the deletion time, which a
    /// read of live notes does not need (issue 15).
    static let noteColumns = """
        id, meeting_id, step_id, group_number, type, source, text, created_at, updated_at,
        personal_data_checked, hidden, author, public_review, public_text
        """

    /// A note read by column index from a row of `SELECT \(noteColumns)`,
    /// made at once (not a record first, then copied).
    static func note(columns c: ColumnReader) throws -> Note {
        Note(id: c.int64(0), meetingID: c.int64(1), stepID: c.text(2), group: c.int(3),
             type: try c.choice(4, CodingKeys.type), source: try c.choice(5, CodingKeys.source), text: c.text(6),
             createdAt: c.double(7), updatedAt: c.double(8), personalDataChecked: c.bool(9), hidden: c.bool(10),
             author: c.text(11), publicReview: try c.choice(12, CodingKeys.publicReview), publicText: c.text(13))
    }

    /// The notes of `SELECT \(noteColumns) FROM note …`.
    static func fetchNotes(_ db: Database, sql: String, arguments: StatementArguments) throws -> [Note] {
        try db.rows(sql, arguments: arguments, note(columns:))
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let meetingID = Column(CodingKeys.meetingID)
        static let stepID = Column(CodingKeys.stepID)
        static let group = Column(CodingKeys.group)
        static let createdAt = Column(CodingKeys.createdAt)
        static let deletedAt = Column(CodingKeys.deletedAt)
    }

    /// Display order: group, then time, then id.
    static var displayOrder: [any SQLOrderingTerm] {
        [Columns.group, Columns.createdAt, Columns.id]
    }

    init(draft: NoteDraft, now: Double) {
        meetingID = draft.meetingID
        stepID = draft.stepID
        group = draft.group
        type = draft.type
        source = draft.source
        text = draft.text.storable
        createdAt = now
        updatedAt = now
        personalDataChecked = false
        hidden = false
        author = draft.author
        clientID = draft.clientID
        publicReview = .unreviewed
        publicText = ""
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var note: Note {
        Note(id: id ?? 0, meetingID: meetingID, stepID: stepID, group: group, type: type, source: source,
             text: text, createdAt: createdAt, updatedAt: updatedAt, personalDataChecked: personalDataChecked, hidden: hidden,
             author: author, publicReview: publicReview, publicText: publicText)
    }
}

struct StoredStepTime: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "step_time"

    var meetingID: Int64
    var stepID: String
    var seconds: Double

    enum CodingKeys: String, CodingKey {
        case seconds
        case meetingID = "meeting_id"
        case stepID = "step_id"
    }

    enum Columns {
        static let meetingID = Column(CodingKeys.meetingID)
    }
}

/// The unsaved text of one field of one terminal, kept so that a crash or a
/// closed terminal does not lose it.
struct StoredDraft: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "field_draft"

    var meetingID: Int64
    var station: String
    var field: String
    var text: String
    var updatedAt: Double

    enum CodingKeys: String, CodingKey {
        case station, field, text
        case meetingID = "meeting_id"
        case updatedAt = "updated_at"
    }
}

/// The value of a column holding one of `T`'s raw values, at `index`.
func choice<T: RawRepresentable<String>>(_ row: Row, _ index: Int, _ key: some CodingKey, _ known: String? = nil) throws -> T {
    let raw: String = try known ?? row.decode(atIndex: index)
    guard let v = T(rawValue: raw) else {
        throw DecodingError.dataCorrupted(.init(codingPath: [key], debugDescription: "not a \(T.self): \(raw)"))
    }
    return v
}

extension String {
    /// The text as SQLite can keep it: GRDB binds text up to its first NUL,
    /// so a NUL (never typed, but possible in a pasted or piped line) is
    /// stored as U+FFFD instead of cutting the rest of the note off.
    var storable: String {
        guard unicodeScalars.contains("\u{0}") else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 }))
    }
}
