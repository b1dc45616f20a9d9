// Focus areas (cluster steps) and the dots placed on them (vote steps).
//
// A focus area belongs to the cycle; the meeting and step record where it
// was made. Notes are linked to at most one focus area. Deleting a focus
// area only marks it deleted: its note links go (the notes become
// unassigned), its votes stay in the store but no longer count.

import GRDB
import SamtalCore

extension AppStore {
    // MARK: focus areas

    /// Creates a focus area in the meeting's cycle, after the meeting's
    /// other focus areas.
    public func createFocusArea(meetingID: Int64, stepID: String, name: String, type: FocusAreaType,
                                now: Double) throws -> FocusArea {
        try transaction { db in
            let meeting = try Self.storedMeeting(db, id: meetingID)
            let last = try Int.fetchOne(db, sql: "SELECT MAX(position) FROM focus_area WHERE meeting_id = ?",
                                        arguments: [meetingID])
            var record = StoredFocusArea(
                cycleID: meeting.cycleID, meetingID: meetingID, stepID: stepID, name: name, type: type,
                targetPicture: "", position: (last ?? -1) + 1, createdAt: now, deletedAt: nil)
            try record.insert(db)
            return record.focusArea(noteIDs: [])
        }
    }

    @discardableResult
    public func renameFocusArea(id: Int64, name: String) throws -> FocusArea {
        try changeFocusArea(id: id) { $0.name = name }
    }

    @discardableResult
    public func setFocusAreaType(id: Int64, type: FocusAreaType) throws -> FocusArea {
        try changeFocusArea(id: id) { $0.type = type }
    }

    /// The target picture (målbild): what the area should look like when the
    /// promise has worked.
    @discardableResult
    public func setTargetPicture(id: Int64, text: String) throws -> FocusArea {
        try changeFocusArea(id: id) { $0.targetPicture = text }
    }

    /// Marks the focus area deleted and removes its note links, so its notes
    /// become unassigned. Its votes stay in the store but are no longer
    /// listed by `votes`.
    public func deleteFocusArea(id: Int64, now: Double) throws {
        try transaction { db in
            var record = try Self.liveFocusArea(db, id: id)
            record.deletedAt = now
            try record.update(db)
            try db.execute(sql: "DELETE FROM focus_area_note WHERE focus_area_id = ?", arguments: [id])
        }
    }

    /// Puts the note in the focus area, at the end of its notes, or takes it
    /// out of any focus area when `focusAreaID` is nil. A note is in at most
    /// one focus area: assigning it elsewhere moves it. Assigning it to the
    /// area it is already in leaves it where it is.
    public func assignNote(noteID: Int64, to focusAreaID: Int64?) throws {
        try transaction { db in
            _ = try Self.liveNote(db, id: noteID)
            guard let focusAreaID else {
                try db.execute(sql: "DELETE FROM focus_area_note WHERE note_id = ?", arguments: [noteID])
                return
            }
            _ = try Self.liveFocusArea(db, id: focusAreaID)
            let current = try Int64.fetchOne(db, sql: "SELECT focus_area_id FROM focus_area_note WHERE note_id = ?",
                                             arguments: [noteID])
            guard current != focusAreaID else { return }
            try db.execute(sql: """
                INSERT INTO focus_area_note (focus_area_id, note_id, position) VALUES (?, ?, ?)
                ON CONFLICT (note_id) DO UPDATE SET focus_area_id = excluded.focus_area_id, position = excluded.position
                """, arguments: [focusAreaID, noteID, try Self.nextLinkPosition(db, focusAreaID: focusAreaID)])
        }
    }

    /// Makes a new focus area in this meeting split off from `sourceID`: of
    /// its type, and proposed where the source was. Notes are then moved as
    /// into any area.
    @discardableResult
    /// With no meeting (the analysis workspace), the part is filed under the
    /// area's own meeting.
    public func splitFocusArea(_ sourceID: Int64, name: String, type: FocusAreaType? = nil, meetingID: Int64?, stepID: String,
                               now: Double) throws -> FocusArea {
        try transaction { db in
            let source = try Self.liveFocusArea(db, id: sourceID)
            let meetingID = meetingID ?? source.meetingID
            let meeting = try Self.storedMeeting(db, id: meetingID)
            let last = try Int.fetchOne(db, sql: "SELECT MAX(position) FROM focus_area WHERE meeting_id = ?", arguments: [meetingID])
            var record = StoredFocusArea(
                cycleID: meeting.cycleID, meetingID: meetingID, stepID: stepID, name: name, type: type ?? source.type,
                targetPicture: "", position: (last ?? -1) + 1, createdAt: now, deletedAt: nil, splitFromID: sourceID)
            try record.insert(db)
            return try Self.focusArea(db, record: record)
        }
    }

    /// Moves the source's notes (after the target's own, in their order) and
    /// its votes to the target, marks the source deleted, and returns the
    /// target. Merging an area into itself changes nothing.
    @discardableResult
    public func mergeFocusArea(_ sourceID: Int64, into targetID: Int64, now: Double) throws -> FocusArea {
        try transaction { db in
            var source = try Self.liveFocusArea(db, id: sourceID)
            let target = try Self.liveFocusArea(db, id: targetID)
            guard sourceID != targetID else { return try Self.focusArea(db, record: target) }
            try db.execute(sql: """
                UPDATE focus_area_note SET focus_area_id = ?, position = position + ? WHERE focus_area_id = ?
                """, arguments: [targetID, try Self.nextLinkPosition(db, focusAreaID: targetID), sourceID])
            try db.execute(sql: "UPDATE vote SET focus_area_id = ? WHERE focus_area_id = ?",
                           arguments: [targetID, sourceID])
            // Where it was proposed goes along, with what was merged into it.
            try db.execute(sql: "UPDATE focus_area SET merged_into_id = ? WHERE merged_into_id = ?",
                           arguments: [targetID, sourceID])
            // And what was written about it: its activities and goals, and
            // its problem description (found by the fifteenth walk: it was
            // left under "Problem utan fokusområde", out of reach).
            try db.execute(sql: "UPDATE activity SET focus_area_id = ? WHERE focus_area_id = ?", arguments: [targetID, sourceID])
            try db.execute(sql: "UPDATE goal SET focus_area_id = ? WHERE focus_area_id = ?", arguments: [targetID, sourceID])
            try Self.moveProblems(db, from: sourceID, into: targetID, now: now)
            source.mergedIntoID = targetID
            source.deletedAt = now
            try source.update(db)
            return try Self.focusArea(db, record: target)
        }
    }

    /// The source area's live problem descriptions go to the target: as
    /// they are where it has none, else into its one, each text after
    /// the target's (a blank line between) and the causes added to its
    /// tree: nothing is dropped.
    static func moveProblems(_ db: Database, from sourceID: Int64, into targetID: Int64, now: Double) throws {
        let moving = try Int64.fetchAll(db, sql: """
            SELECT id FROM problem WHERE focus_area_id = ? AND deleted_at IS NULL ORDER BY updated_at, id
            """, arguments: [sourceID])
        for id in moving {
            let kept = try Int64.fetchOne(db, sql: """
                SELECT id FROM problem WHERE focus_area_id = ? AND deleted_at IS NULL ORDER BY updated_at DESC, id DESC LIMIT 1
                """, arguments: [targetID])
            guard let kept else {
                try db.execute(sql: "UPDATE problem SET focus_area_id = ?, updated_at = ? WHERE id = ?", arguments: [targetID, now, id])
                continue
            }
            let columns = ProblemQuestion.allCases.map(\.rawValue) + TriangleSide.allCases.map(\.rawValue)
            let joined = columns.map { c in
                let (mine, theirs) = ("problem.\"\(c)\"", "src.\"\(c)\"")
                return "\"\(c)\" = CASE WHEN \(theirs) = '' OR \(theirs) = \(mine) THEN \(mine) WHEN \(mine) = '' THEN \(theirs) "
                    + "ELSE \(mine) || char(10) || char(10) || \(theirs) END"
            }
            try db.execute(sql: """
                UPDATE problem SET \(joined.joined(separator: ", ")), updated_at = ?
                FROM (SELECT * FROM problem WHERE id = ?) AS src WHERE problem.id = ?
                """, arguments: [now, id, kept])
            let offset = try Int.fetchOne(db, sql: "SELECT coalesce(max(position), -1) + 1 FROM cause WHERE problem_id = ?",
                                          arguments: [kept]) ?? 0
            try db.execute(sql: "UPDATE cause SET problem_id = ?, position = position + ? WHERE problem_id = ?",
                           arguments: [kept, offset, id])
            try db.execute(sql: "UPDATE problem SET deleted_at = ? WHERE id = ?", arguments: [now, id])
        }
    }

    /// The meeting's focus areas that are not deleted, in creation order,
    /// each with its notes (not deleted) in the order they were added.
    public func focusAreas(meetingID: Int64) throws -> [FocusArea] {
        try snapshot { db in
            try Self.focusAreas(db, where: "focus_area.meeting_id = ?", arguments: [meetingID])
        }
    }

    /// The focus areas of every meeting of the cycle, not deleted: by the
    /// meeting's date (then creation time), then in creation order within the meeting.
    public func focusAreas(cycleID: Int64) throws -> [FocusArea] {
        try snapshot { db in
            try Self.focusAreas(db, where: "focus_area.cycle_id = ?", arguments: [cycleID])
        }
    }

    // MARK: votes

    /// Places one dot on a focus area (not deleted).
    @discardableResult
    public func addVote(meetingID: Int64, stepID: String, focusAreaID: Int64, voter: Int, now: Double) throws -> Vote {
        try transaction { db in
            _ = try Self.storedMeeting(db, id: meetingID)
            _ = try Self.liveFocusArea(db, id: focusAreaID)
            var record = StoredVote(meetingID: meetingID, stepID: stepID, focusAreaID: focusAreaID, voter: voter,
                                    createdAt: now)
            try record.insert(db)
            return record.vote
        }
    }

    /// Deletes the newest counted dot of the step (newest by time, then id),
    /// only among the voter's when `voter` is given, and returns it; nil when
    /// there is none.
    @discardableResult
    public func undoLastVote(meetingID: Int64, stepID: String, voter: Int?) throws -> Vote? {
        try transaction { db in
            var sql = Self.countedVotes + " WHERE vote.meeting_id = ? AND vote.step_id = ?"
            var arguments: StatementArguments = [meetingID, stepID]
            if let voter {
                sql += " AND vote.voter = ?"
                arguments += [voter]
            }
            sql += " ORDER BY vote.created_at DESC, vote.id DESC LIMIT 1"
            guard let record = try StoredVote.fetchOne(db, sql: sql, arguments: arguments) else { return nil }
            try record.delete(db)
            return record.vote
        }
    }

    /// The step's dots on focus areas that are not deleted, oldest first.
    public func votes(meetingID: Int64, stepID: String) throws -> [Vote] {
        try snapshot { db in
            try StoredVote.fetchAll(db, sql: Self.countedVotes + """
                 WHERE vote.meeting_id = ? AND vote.step_id = ? ORDER BY vote.created_at, vote.id
                """, arguments: [meetingID, stepID]).map(\.vote)
        }
    }

    /// The dots of every meeting of the cycle on focus areas that are not
    /// deleted: by the meeting's date (then creation), then oldest first.
    public func votes(cycleID: Int64) throws -> [Vote] {
        try snapshot { db in try Self.votes(db, cycleID: cycleID) }
    }

    static func votes(_ db: Database, cycleID: Int64) throws -> [Vote] {
        try StoredVote.fetchAll(db, sql: Self.countedVotes + """
             JOIN meeting ON meeting.id = vote.meeting_id
            WHERE meeting.cycle_id = ?
            ORDER BY meeting.date, meeting.created_at, meeting.id, vote.created_at, vote.id
            """, arguments: [cycleID]).map(\.vote)
    }

    // MARK: helpers inside a transaction

    /// Votes on focus areas that are not deleted; the caller adds the rest.
    static let countedVotes = """
        SELECT vote.* FROM vote
        JOIN focus_area ON focus_area.id = vote.focus_area_id AND focus_area.deleted_at IS NULL
        """

    static func liveFocusArea(_ db: Database, id: Int64) throws -> StoredFocusArea {
        guard let record = try StoredFocusArea.filter(key: id).filter(StoredFocusArea.Columns.deletedAt == nil)
            .fetchOne(db) else {
            throw StoreError.notFound(what: "Focus area \(id)")
        }
        return record
    }

    /// Changes a focus area that is not deleted and returns it with its notes.
    func changeFocusArea(id: Int64, _ change: @escaping @Sendable (inout StoredFocusArea) -> Void) throws
        -> FocusArea {
        try transaction { db in
            var record = try Self.liveFocusArea(db, id: id)
            change(&record)
            try record.update(db)
            return try Self.focusArea(db, record: record)
        }
    }

    static func nextLinkPosition(_ db: Database, focusAreaID: Int64) throws -> Int {
        let last = try Int.fetchOne(db, sql: "SELECT MAX(position) FROM focus_area_note WHERE focus_area_id = ?",
                                    arguments: [focusAreaID])
        return (last ?? -1) + 1
    }

    static func focusArea(_ db: Database, record: StoredFocusArea) throws -> FocusArea {
        try focusAreas(db, where: "focus_area.id = ?", arguments: [record.id]).first
            ?? record.focusArea(noteIDs: [])
    }

    /// Focus areas that are not deleted and match `condition` (on
    /// `focus_area` joined with its `meeting`), by the meeting's date (then
    /// creation time), then position; each with its links to notes that are not
    /// deleted, in link order.
    static func focusAreas(_ db: Database, where condition: String, arguments: StatementArguments) throws
        -> [FocusArea] {
        let areas = "FROM focus_area JOIN meeting ON meeting.id = focus_area.meeting_id"
        let filter = "WHERE focus_area.deleted_at IS NULL AND \(condition)"
        // By column index, not through `Decodable` (issue 15): a cluster
        // step reads the cycle's areas and every note's place in them.
        let records = try db.rows("""
            SELECT \(StoredFocusArea.orderedColumns) \(areas) \(filter)
            ORDER BY meeting.date, meeting.created_at, meeting.id, focus_area.position, focus_area.id
            """, arguments: arguments, StoredFocusArea.init(columns:))
        // No areas (a cluster step before the first is made): no notes in
        // them and none merged into them, and nothing more to ask.
        if records.isEmpty { return [] }
        let links = try db.rows("""
            SELECT focus_area_note.focus_area_id, focus_area_note.note_id \(areas)
            JOIN focus_area_note ON focus_area_note.focus_area_id = focus_area.id
            JOIN note ON note.id = focus_area_note.note_id AND note.deleted_at IS NULL
            \(filter)
            ORDER BY focus_area_note.position, focus_area_note.rowid
            """, arguments: arguments) { (area: $0.int64(0), note: $0.int64(1)) }
        let noteIDs = Dictionary(grouping: links, by: \.area).mapValues { $0.map(\.note) }
        // The meetings of the areas merged into these, oldest first, and of
        // the areas they were split off from.
        var merged: [Int64: [Int64]] = [:]
        func proposals(of id: Int64) throws -> [Int64] {
            try Int64.fetchAll(db, sql: """
                SELECT meeting_id FROM (
                    SELECT focus_area.meeting_id, meeting.date, meeting.created_at, focus_area.id FROM focus_area
                    JOIN meeting ON meeting.id = focus_area.meeting_id WHERE focus_area.id = ? OR focus_area.merged_into_id = ?)
                ORDER BY date, created_at, id
                """, arguments: [id, id])
        }
        for r in records {
            guard let id = r.id, let from = r.splitFromID else { continue }
            for meeting in try proposals(of: from) where !merged[id, default: []].contains(meeting) { merged[id, default: []].append(meeting) }
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT merged.merged_into_id, merged.meeting_id FROM focus_area merged
            JOIN meeting ON meeting.id = merged.meeting_id
            WHERE merged.merged_into_id IN (SELECT focus_area.id \(areas) \(filter))
            ORDER BY meeting.date, meeting.created_at, meeting.id, merged.id
            """, arguments: arguments) {
            let into: Int64 = row[0], meeting: Int64 = row[1]
            if !merged[into, default: []].contains(meeting) { merged[into, default: []].append(meeting) }
        }
        return records.map { r in
            r.focusArea(noteIDs: r.id.flatMap { noteIDs[$0] } ?? [], proposedIn: r.id.flatMap { merged[$0] } ?? [])
        }
    }
}
