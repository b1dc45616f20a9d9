// Activities: what is to be done, by whom, from when until when, and how
// urgently. An activity belongs to the cycle of the meeting where it was
// proposed, optionally to one focus area; deleting it only marks it
// deleted, like notes.

import GRDB
import SamtalCore

extension AppStore {
    /// Creates an activity in the meeting's cycle, after the meeting's other
    /// activities.
    ///
    /// - Throws: `StoreError.notFound` for a missing meeting, or a focus
    ///   area that is missing or deleted.
    @discardableResult
    public func addActivity(meetingID: Int64, stepID: String, focusAreaID: Int64?, what: String, responsible: String,
                            start: String, end: String, priority: ActivityPriority, now: Double) throws -> Activity {
        try writer.write { db in
            let meeting = try Self.storedMeeting(db, id: meetingID)
            if let focusAreaID { _ = try Self.liveFocusArea(db, id: focusAreaID) }
            let last = try Int.fetchOne(db, sql: "SELECT MAX(position) FROM activity WHERE meeting_id = ?",
                                        arguments: [meetingID])
            var record = StoredActivity(
                cycleID: meeting.cycleID, meetingID: meetingID, stepID: stepID, focusAreaID: focusAreaID, what: what,
                responsible: responsible, start: start, end: end, priority: priority, position: (last ?? -1) + 1,
                createdAt: now, updatedAt: now, deletedAt: nil)
            try record.insert(db)
            return record.activity
        }
    }

    /// Changes an activity's what, responsible, start, end, priority and
    /// focus area; its cycle, meeting, step and creation time stay as
    /// stored. A deleted activity cannot be changed.
    ///
    /// - Throws: `StoreError.notFound` for a missing or deleted activity, or
    ///   when the focus area is changed to one that is missing or deleted (an
    ///   unchanged focus area is kept even if it was deleted since).
    @discardableResult
    public func updateActivity(_ a: Activity, now: Double) throws -> Activity {
        try writer.write { db in
            var record = try Self.liveActivity(db, id: a.id)
            if a.focusAreaID != record.focusAreaID, let focusAreaID = a.focusAreaID {
                _ = try Self.liveFocusArea(db, id: focusAreaID)
            }
            record.what = a.what
            record.responsible = a.responsible
            record.start = a.start
            record.end = a.end
            record.priority = a.priority
            record.focusAreaID = a.focusAreaID
            record.updatedAt = now
            try record.update(db)
            return record.activity
        }
    }

    /// Hides an activity by marking it deleted. The row stays in the store.
    public func deleteActivity(id: Int64, now: Double) throws {
        try writer.write { db in
            var record = try Self.liveActivity(db, id: id)
            record.deletedAt = now
            record.updatedAt = now
            try record.update(db)
        }
    }

    /// The meeting's activities that are not deleted, in creation order.
    public func activities(meetingID: Int64) throws -> [Activity] {
        try writer.read { db in
            try StoredActivity
                .filter(StoredActivity.Columns.meetingID == meetingID && StoredActivity.Columns.deletedAt == nil)
                .order(StoredActivity.Columns.position, StoredActivity.Columns.id)
                .fetchAll(db).map(\.activity)
        }
    }

    /// The activities of every meeting of the cycle, not deleted: by the
    /// meeting's creation time, then in creation order within the meeting.
    public func activities(cycleID: Int64) throws -> [Activity] {
        try writer.read { db in
            try StoredActivity.fetchAll(db, sql: """
                SELECT activity.* FROM activity JOIN meeting ON meeting.id = activity.meeting_id
                WHERE activity.cycle_id = ? AND activity.deleted_at IS NULL
                ORDER BY meeting.created_at, meeting.id, activity.position, activity.id
                """, arguments: [cycleID]).map(\.activity)
        }
    }

    static func liveActivity(_ db: Database, id: Int64) throws -> StoredActivity {
        guard let record = try StoredActivity.filter(key: id).filter(StoredActivity.Columns.deletedAt == nil)
            .fetchOne(db) else {
            throw StoreError.notFound(what: "Activity \(id)")
        }
        return record
    }
}
