// Cycles, meetings, their participants and the time spent per step.

import GRDB
import SamtalCore

extension AppStore {
    // MARK: cycles

    public func createCycle(area: String, period: String, now: Double) throws -> Cycle {
        try transaction { db in
            var record = StoredCycle(area: area, period: period, createdAt: now)
            try record.insert(db)
            return record.cycle
        }
    }

    /// Newest first.
    public func cycles() throws -> [Cycle] {
        try snapshot { db in
            try StoredCycle.order(StoredCycle.Columns.createdAt.desc, StoredCycle.Columns.id.desc)
                .fetchAll(db).map(\.cycle)
        }
    }

    /// Every cycle, newest first, each with its meetings newest first (by
    /// date, then creation time, then id), and whether it is retired.
    public func overview() throws -> [CycleOverview] {
        try snapshot { db in
            let cycles = try db.rows("SELECT \(StoredCycle.orderedColumns) FROM cycle ORDER BY created_at DESC, id DESC",
                                     StoredCycle.init(columns:))
            let meetings = Dictionary(grouping: try Self.meetings(db, cycleID: nil), by: \.cycleID)
            let retired = Set(try Int64.fetchAll(db, sql: "SELECT cycle_id FROM cycle_retirement"))
            return cycles.map { record in
                let cycle = record.cycle
                return CycleOverview(cycle: cycle, meetings: meetings[cycle.id] ?? [], retired: retired.contains(cycle.id))
            }
        }
    }

    /// The first cycles of `overview()`, whole (each with all its
    /// meetings), as many as make at least `rows` rows of the home screen
    /// (a cycle's row and its meetings'; retired cycles count only when
    /// `showRetired`); `complete` when that is every cycle. The home screen
    /// draws its first page from it while the rest is read: reading every
    /// meeting made its start grow with the store (1,001 meetings: ~14 M
    /// instructions before the first frame, issue 15).
    public func overview(firstRows rows: Int, showRetired: Bool) throws -> (overviews: [CycleOverview], complete: Bool) {
        try snapshot { db in
            let cycles = try db.rows("SELECT \(StoredCycle.orderedColumns) FROM cycle ORDER BY created_at DESC, id DESC",
                                     StoredCycle.init(columns:))
            let retired = Set(try Int64.fetchAll(db, sql: "SELECT cycle_id FROM cycle_retirement"))
            var out: [CycleOverview] = []
            var shown = 0
            for record in cycles {
                guard shown < rows else { return (out, false) }
                let cycle = record.cycle
                let overview = CycleOverview(cycle: cycle, meetings: try Self.meetings(db, cycleID: cycle.id),
                                             retired: retired.contains(cycle.id))
                if showRetired || !overview.retired { shown += 1 + overview.meetings.count }
                out.append(overview)
            }
            return (out, true)
        }
    }

    /// A new name (area) and period for a cycle.
    @discardableResult
    public func renameCycle(id: Int64, area: String, period: String) throws -> Cycle {
        try transaction { db in
            guard var record = try StoredCycle.fetchOne(db, key: id) else { throw StoreError.notFound(what: "cycle \(id)") }
            record.area = area
            record.period = period
            try record.update(db)
            return record.cycle
        }
    }

    /// Retires a cycle (it leaves the home screen; nothing is deleted), or
    /// brings it back.
    public func setCycleRetired(id: Int64, _ retired: Bool, now: Double) throws {
        try transaction { db in
            guard try StoredCycle.fetchOne(db, key: id) != nil else { throw StoreError.notFound(what: "cycle \(id)") }
            if retired {
                try db.execute(sql: "INSERT OR IGNORE INTO cycle_retirement (cycle_id, retired_at) VALUES (?, ?)", arguments: [id, now])
            } else {
                try db.execute(sql: "DELETE FROM cycle_retirement WHERE cycle_id = ?", arguments: [id])
            }
        }
    }

    // MARK: meetings

    /// Creates a planned meeting in the cycle. `agendaSnapshot` is the agenda
    /// file's text as it is now, kept so the meeting always resumes with the
    /// same steps.
    public func createMeeting(cycleID: Int64, agendaID: String, agendaSnapshot: String, title: String, date: String,
                              place: String, groupCount: Int = 3, now: Double) throws -> Meeting {
        try transaction { db in
            guard try StoredCycle.exists(db, key: cycleID) else { throw StoreError.notFound(what: "Cycle \(cycleID)") }
            var record = StoredMeeting(
                cycleID: cycleID, agendaID: agendaID, title: title, date: date, place: place, form: .physical,
                facilitator: "", noteTakers: "", namedNotes: false, groupCount: groupCount, currentStepIndex: 0, status: .planned,
                createdAt: now, finishedAt: nil)
            try record.insert(db)
            try db.execute(sql: "INSERT INTO meeting_agenda (meeting_id, snapshot) VALUES (?, ?)",
                           arguments: [record.id, agendaSnapshot])
            return record.meeting(participants: [])
        }
    }

    public func meeting(id: Int64) throws -> Meeting? {
        try snapshot { db in try Self.meeting(db, id: id) }
    }

    /// The meeting's agenda and the index of its current step (nil: no such
    /// meeting): one indexed lookup, where `meeting(id:)` decodes the
    /// meeting, its participants and its room. Asked before the interface
    /// starts, through SQLite's C interface (its first query through GRDB
    /// cost ~2.9 M instructions of first-time work); the first screen is
    /// rehearsed with them while the meeting is read (issue 15).
    public func meetingOutline(id: Int64) throws -> (agendaID: String, stepIndex: Int)? {
        // On the writer's connection, which has read the schema: the
        // inspecting one has not (a store marked up to date), and a
        // reader's would be opened for it (issue 15).
        let found = try writer.writeWithoutTransaction { db in
            try db.sqliteConnection.map { try BareConnection.rows(on: $0, "SELECT agenda_id, current_step_index FROM meeting WHERE id = ?", [id]) }
        }
        guard let row = found?.first, row.count == 2, let agendaID = row[0] else { return nil }
        return (agendaID, row[1].flatMap { Int($0) } ?? 0)
    }

    /// Whether there is a cycle `id`: one indexed lookup on the writer's
    /// connection through SQLite's C interface, as `meetingOutline`
    /// (reading every cycle through GRDB's Codable records first cost
    /// ~7 M instructions before the workspace's first frame, issue 15).
    public func cycleExists(id: Int64) throws -> Bool {
        let found = try writer.writeWithoutTransaction { db in
            try db.sqliteConnection.map { try BareConnection.rows(on: $0, "SELECT 1 FROM cycle WHERE id = ?", [id]) }
        }
        return !(found ?? []).isEmpty
    }

    /// The meetings of one cycle, or of all cycles when `cycleID` is nil;
    /// newest first (by date, then creation time, then id).
    public func meetings(cycleID: Int64?) throws -> [Meeting] {
        try snapshot { db in try Self.meetings(db, cycleID: cycleID) }
    }

    /// The agenda text the meeting was created from; nil if there is no
    /// such meeting.
    public func agendaSnapshot(meetingID: Int64) throws -> String? {
        try snapshot { db in
            try String.fetchOne(db, sql: "SELECT snapshot FROM meeting_agenda WHERE meeting_id = ?", arguments: [meetingID])
        }
    }

    /// Saves the method facts: title, date, place, form, who led and took
    /// notes, the participant rows (replaced, in the order given) and the
    /// number of groups. One transaction.
    public func saveFacts(meetingID: Int64, title: String, facts: MethodFacts, groupCount: Int) throws -> Meeting {
        try transaction { db in
            var record = try Self.storedMeeting(db, id: meetingID)
            record.title = title
            record.setFacts(facts)
            record.groupCount = groupCount
            try record.update(db)
            try StoredParticipant.filter(StoredParticipant.Columns.meetingID == meetingID).deleteAll(db)
            var rows: [StoredParticipant] = []
            for (position, row) in facts.participants.enumerated() {
                var participant = StoredParticipant(meetingID: meetingID, position: position, row: row)
                try participant.insert(db)
                rows.append(participant)
            }
            return record.meeting(participants: rows)
        }
    }

    /// Marks a planned meeting as running; a running or finished meeting is
    /// left as it is.
    @discardableResult
    public func startMeeting(meetingID: Int64) throws -> Meeting {
        try transaction { db in
            var record = try Self.storedMeeting(db, id: meetingID)
            if record.status == .planned {
                record.status = .running
                try record.update(db)
            }
            return try Self.meeting(db, record: record)
        }
    }

    /// Makes a meeting that an opening started (`startMeeting`) and that
    /// was only looked at planned again: no step time, no clock. Left as it
    /// is, and false returned, when it is not running at its first step or
    /// holds a note or a draft (another terminal wrote in it meanwhile).
    @discardableResult
    public func unstartMeeting(meetingID: Int64) throws -> Bool {
        try transaction { db in
            var record = try Self.storedMeeting(db, id: meetingID)
            guard record.status == .running, record.currentStepIndex == 0 else { return false }
            let written = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM note WHERE meeting_id = ?1) OR EXISTS (SELECT 1 FROM field_draft WHERE meeting_id = ?1)
                """, arguments: [meetingID]) ?? true
            guard !written else { return false }
            record.status = .planned
            try record.update(db)
            try db.execute(sql: "DELETE FROM step_time WHERE meeting_id = ?", arguments: [meetingID])
            try Self.setClock(db, meetingID: meetingID, from: nil)
            return true
        }
    }

    /// Adds the last stretch of time to the step and marks the meeting
    /// finished: one transaction.
    @discardableResult
    public func finishMeeting(meetingID: Int64, stepID: String, seconds: Double, now: Double) throws -> Meeting {
        try transaction { db in
            var record = try Self.storedMeeting(db, id: meetingID)
            try Self.addStepTime(db, meetingID: meetingID, stepID: stepID, seconds: seconds)
            try Self.setClock(db, meetingID: meetingID, from: nil)
            record.status = .finished
            record.finishedAt = now
            try record.update(db)
            return try Self.meeting(db, record: record)
        }
    }

    // MARK: step time

    /// Adds `seconds` to the time stored for the step, and keeps since
    /// when the facilitator times it beyond them (`clockFrom`; nil: the
    /// facilitator has stopped, the room's clock stands still). Negative or
    /// non-finite amounts count as zero.
    public func recordStepTime(meetingID: Int64, stepID: String, seconds: Double, clockFrom: Double? = nil) throws {
        try transaction { db in
            _ = try Self.storedMeeting(db, id: meetingID)
            try Self.addStepTime(db, meetingID: meetingID, stepID: stepID, seconds: seconds)
            try Self.setClock(db, meetingID: meetingID, from: clockFrom)
        }
    }

    /// In plain SQL: the query interface's `fetchOne(key:)` and `save`
    /// look the table's primary key up in the schema first, ~5 M
    /// instructions at the facilitator's first store of its clock.
    static func setClock(_ db: Database, meetingID: Int64, from: Double?) throws {
        try db.execute(sql: """
            INSERT INTO meeting_room (meeting_id, clock_from) VALUES (?, ?)
            ON CONFLICT (meeting_id) DO UPDATE SET clock_from = excluded.clock_from
            WHERE clock_from IS NOT excluded.clock_from
            """, arguments: [meetingID, from])
    }

    /// Adds `seconds` to the step being left and makes step `toIndex` the
    /// meeting's current step, its clock running from `now` (when given):
    /// one transaction, so a crash leaves either both or neither.
    public func moveToStep(meetingID: Int64, leaving stepID: String, seconds: Double, toIndex: Int, now: Double? = nil) throws {
        try transaction { db in
            var record = try Self.storedMeeting(db, id: meetingID)
            try Self.addStepTime(db, meetingID: meetingID, stepID: stepID, seconds: seconds)
            if record.currentStepIndex != toIndex, let now {
                // A new step's wall starts on its first page.
                var room = try Self.room(db, meetingID: meetingID)
                (room.wallPage, room.wallTurnedAt) = Meeting.wallAtStepStart(now: now)
                try room.save(db)
            }
            if let now { try Self.setClock(db, meetingID: meetingID, from: now) }
            record.currentStepIndex = toIndex
            try record.update(db)
        }
    }

    /// Gives the meeting's groups their focus areas in a step (a group not
    /// in `areas` chooses); returns the meeting.
    @discardableResult
    public func setGroupAreas(meetingID: Int64, stepID: String, areas: [Int: Int64]) throws -> Meeting {
        try changeRoom(meetingID: meetingID) { room in
            var all = Meeting.decode(groupAreas: room.groupAreas)
            all[stepID] = areas
            room.groupAreas = Meeting.encode(groupAreas: all)
        }
    }

    /// Turns the projector's wall to page counter `page` at `now`; returns
    /// the meeting.
    @discardableResult
    public func turnWall(meetingID: Int64, page: Int, now: Double) throws -> Meeting {
        try changeRoom(meetingID: meetingID) { room in
            room.wallPage = page
            room.wallTurnedAt = now
        }
    }

    /// Changes the meeting's room row in one transaction; returns the meeting.
    private func changeRoom(meetingID: Int64, _ change: @escaping (inout StoredRoom) -> Void) throws -> Meeting {
        try transaction { db in
            let record = try Self.storedMeeting(db, id: meetingID)
            var room = try Self.room(db, meetingID: meetingID)
            change(&room)
            try room.save(db)
            return try Self.meeting(db, record: record)
        }
    }

    /// Seconds stored per step id.
    public func stepSeconds(meetingID: Int64) throws -> [String: Double] {
        try snapshot { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT step_id, seconds FROM step_time WHERE meeting_id = ?", arguments: [meetingID])
            var seconds: [String: Double] = [:]
            while let row = try rows.next() {
                seconds[try row.decode(String.self, atIndex: 0), default: 0] += try row.decode(Double.self, atIndex: 1)
            }
            return seconds
        }
    }

    // MARK: helpers inside a transaction

    static func storedMeeting(_ db: Database, id: Int64) throws -> StoredMeeting {
        guard let record = try StoredMeeting.fetch(db, id: id) else {
            throw StoreError.notFound(what: "Meeting \(id)")
        }
        return record
    }

    static func meeting(_ db: Database, id: Int64) throws -> Meeting? {
        guard let record = try StoredMeeting.fetch(db, id: id) else { return nil }
        return try meeting(db, record: record)
    }

    /// In plain SQL, read by column index: the query interface's requests
    /// look up each table's primary key in the schema first, ~5 M
    /// instructions at a start (issue 15).
    static func meeting(_ db: Database, record: StoredMeeting) throws -> Meeting {
        guard let id = record.id else { return record.meeting(participants: []) }
        var meeting = record.meeting(participants: try StoredParticipant.fetchAll(db, meetingID: id))
        try StoredRoom.fetch(db, meetingID: id)?.apply(to: &meeting)
        return meeting
    }

    /// The meeting's room row, or a new one (not yet saved).
    static func room(_ db: Database, meetingID: Int64) throws -> StoredRoom {
        try StoredRoom.fetch(db, meetingID: meetingID) ?? StoredRoom(meetingID: meetingID)
    }

    /// The meetings of a cycle (or all), for lists and documents: without
    /// their room's state (group areas, wall page), which `meeting(id:)` has.
    /// The meetings (of the `clause`), newest first: from the index
    /// `meeting_newest`, read backwards.
    static func meetingsSQL(_ clause: String) -> String {
        "SELECT \(StoredMeeting.orderedColumns) FROM meeting \(clause) ORDER BY \(newestFirst)"
    }

    /// The order of `meetings(cycleID:)`.
    static let newestFirst = "date DESC, created_at DESC, id DESC"

    /// The ids of the cycle's meetings, in the order of `meetings(cycleID:)`:
    /// a cluster step gathering the cycle's notes needs no more of them (the
    /// meetings and their participants read and made: ~1 M instructions at
    /// its opening, issue 15).
    func meetingIDs(cycleID: Int64) throws -> [Int64] {
        try snapshot { db in
            // By column index: `Int64.fetchAll` made its generic cursor's
            // metadata at the cluster step's opening, ~0.56 M instructions.
            try db.rows("SELECT id FROM meeting WHERE cycle_id = ? ORDER BY \(Self.newestFirst)", arguments: [cycleID]) { $0.int64(0) }
        }
    }

    static func meetings(_ db: Database, cycleID: Int64?) throws -> [Meeting] {
        // Read by column index, not through `Decodable`: the home screen
        // reads every meeting, and decoding 1,000 cost ~30 M instructions
        // (issue 15). Newest first, as `StoredMeeting.newestFirst`.
        let clause = cycleID == nil ? "" : "WHERE cycle_id = ?"
        let arguments: StatementArguments = cycleID.map { [$0] } ?? []
        let records = try db.rows(meetingsSQL(clause), arguments: arguments, StoredMeeting.init(columns:))
        let participants = try StoredParticipant.fetchOrdered(
            db, where: cycleID == nil ? "" : "WHERE meeting_id IN (SELECT id FROM meeting WHERE cycle_id = ?)", arguments: arguments)
        let byMeeting = Dictionary(grouping: participants, by: \.meetingID)
        return records.map { record in
            record.meeting(participants: record.id.flatMap { byMeeting[$0] } ?? [])
        }
    }

    static func addStepTime(_ db: Database, meetingID: Int64, stepID: String, seconds: Double) throws {
        let amount = seconds.isFinite ? max(0, seconds) : 0
        try db.execute(sql: """
            INSERT INTO step_time (meeting_id, step_id, seconds) VALUES (?, ?, ?)
            ON CONFLICT (meeting_id, step_id) DO UPDATE SET seconds = seconds + excluded.seconds
            """, arguments: [meetingID, stepID, amount])
    }
}

extension AppStore {
    // MARK: a finished meeting's snapshot

    /// Keeps what a finished meeting's steps produced (`MeetingSnapshot`,
    /// as JSON), replacing the one of an earlier finish.
    public func saveMeetingSnapshot(meetingID: Int64, data: String, now: Double) throws {
        try transaction { db in
            _ = try Self.storedMeeting(db, id: meetingID)
            try db.execute(sql: """
                INSERT INTO meeting_snapshot (meeting_id, data, taken_at) VALUES (?, ?, ?)
                ON CONFLICT (meeting_id) DO UPDATE SET data = excluded.data, taken_at = excluded.taken_at
                """, arguments: [meetingID, data, now])
        }
    }

    /// The snapshot taken when the meeting last finished, if any.
    public func meetingSnapshot(meetingID: Int64) throws -> String? {
        try snapshot { db in
            try String.fetchOne(db, sql: "SELECT data FROM meeting_snapshot WHERE meeting_id = ?", arguments: [meetingID])
        }
    }
}
