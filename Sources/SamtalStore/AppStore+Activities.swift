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
        try transaction { db in
            var record = try Self.newActivity(db, meetingID: meetingID, stepID: stepID, focusAreaID: focusAreaID, what: what, now: now)
            record.responsible = responsible
            record.start = start
            record.end = end
            record.priority = priority
            try record.insert(db)
            return record.activity(dependsOn: [])
        }
    }

    /// Creates an activity of the meeting's step with every field of `a`
    /// (its id, cycle, meeting and step are ignored), after the meeting's
    /// other activities, with the activities it comes after.
    ///
    /// - Throws: as `addActivity`, and `StoreError.notFound` for a
    ///   dependency that is not a live activity of the same cycle.
    @discardableResult
    public func addActivity(_ a: Activity, meetingID: Int64, stepID: String, now: Double) throws -> Activity {
        try transaction { db in
            var record = try Self.newActivity(db, meetingID: meetingID, stepID: stepID, focusAreaID: a.focusAreaID, what: a.what,
                                              now: now)
            record.set(from: a)
            try record.insert(db)
            let dependsOn = try Self.setDependencies(db, activity: record, dependsOn: a.dependsOn)
            return record.activity(dependsOn: dependsOn)
        }
    }

    /// A new activity of the meeting's step, last in its order, not yet
    /// inserted.
    static func newActivity(_ db: Database, meetingID: Int64, stepID: String, focusAreaID: Int64?, what: String,
                            now: Double) throws -> StoredActivity {
        let meeting = try Self.storedMeeting(db, id: meetingID)
        if let focusAreaID { _ = try Self.liveFocusArea(db, id: focusAreaID) }
        let last = try Int.fetchOne(db, sql: "SELECT MAX(position) FROM activity WHERE meeting_id = ?", arguments: [meetingID])
        return StoredActivity(
            cycleID: meeting.cycleID, meetingID: meetingID, stepID: stepID, focusAreaID: focusAreaID, what: what,
            responsible: "", start: "", end: "", priority: .medium, position: (last ?? -1) + 1,
            createdAt: now, updatedAt: now, deletedAt: nil)
    }

    /// Changes everything an activity has but its cycle, meeting, step and
    /// creation time, including what it depends on. A deleted activity
    /// cannot be changed.
    ///
    /// - Throws: `StoreError.notFound` for a missing or deleted activity, a
    ///   dependency that is not a live activity of the same cycle, or when
    ///   the focus area is changed to one that is missing or deleted (an
    ///   unchanged focus area is kept even if it was deleted since);
    ///   `StoreError.dependencyCycle` when the dependencies would go round.
    @discardableResult
    public func updateActivity(_ a: Activity, now: Double) throws -> Activity {
        try transaction { db in
            var record = try Self.liveActivity(db, id: a.id)
            if a.focusAreaID != record.focusAreaID, let focusAreaID = a.focusAreaID {
                _ = try Self.liveFocusArea(db, id: focusAreaID)
            }
            record.set(from: a)
            record.updatedAt = now
            try record.update(db)
            let dependsOn = try Self.setDependencies(db, activity: record, dependsOn: a.dependsOn)
            return record.activity(dependsOn: dependsOn)
        }
    }

    /// Creates an activity with every field of `a` (its id, meeting and
    /// step are ignored) for the cycle's analysis: it is recorded under the
    /// meeting where its focus area was made, else the cycle's latest
    /// meeting, with the step id "workspace".
    ///
    /// - Throws: `StoreError.notFound` when the cycle has no meeting, or as
    ///   `updateActivity`.
    @discardableResult
    public func addWorkspaceActivity(_ a: Activity, now: Double) throws -> Activity {
        try transaction { db in
            let meetingID = try Self.workspaceMeeting(db, cycleID: a.cycleID, focusAreaID: a.focusAreaID)
            if let focusAreaID = a.focusAreaID { _ = try Self.liveFocusArea(db, id: focusAreaID) }
            let last = try Int.fetchOne(db, sql: "SELECT MAX(position) FROM activity WHERE meeting_id = ?",
                                        arguments: [meetingID])
            var record = StoredActivity(
                cycleID: a.cycleID, meetingID: meetingID, stepID: AppStore.workspaceStepID, focusAreaID: a.focusAreaID,
                what: a.what, responsible: a.responsible, start: a.start, end: a.end, priority: a.priority,
                position: (last ?? -1) + 1, createdAt: now, updatedAt: now, deletedAt: nil)
            record.set(from: a)
            try record.insert(db)
            let dependsOn = try Self.setDependencies(db, activity: record, dependsOn: a.dependsOn)
            return record.activity(dependsOn: dependsOn)
        }
    }

    /// Hides an activity by marking it deleted. The row stays in the store.
    public func deleteActivity(id: Int64, now: Double) throws {
        try transaction { db in
            var record = try Self.liveActivity(db, id: id)
            record.deletedAt = now
            record.updatedAt = now
            try record.update(db)
        }
    }

    /// The meeting's activities that are not deleted, in creation order.
    public func activities(meetingID: Int64) throws -> [Activity] {
        try snapshot { db in
            try StoredActivity
                .filter(StoredActivity.Columns.meetingID == meetingID && StoredActivity.Columns.deletedAt == nil)
                .order(StoredActivity.Columns.position, StoredActivity.Columns.id)
                .fetchAll(db)
                .map { $0.activity(dependsOn: try Self.dependencies(db, activityID: $0.id!)) }
        }
    }

    /// The activities of every meeting of the cycle, not deleted: by the
    /// meeting's date (then creation time), then in creation order within the meeting.
    public func activities(cycleID: Int64) throws -> [Activity] {
        try snapshot { db in
            try StoredActivity.fetchAll(db, sql: """
                SELECT activity.* FROM activity JOIN meeting ON meeting.id = activity.meeting_id
                WHERE activity.cycle_id = ? AND activity.deleted_at IS NULL
                ORDER BY meeting.date, meeting.created_at, meeting.id, activity.position, activity.id
                """, arguments: [cycleID])
                .map { $0.activity(dependsOn: try Self.dependencies(db, activityID: $0.id!)) }
        }
    }

    // MARK: dots on activities

    /// Places one dot on a live activity.
    @discardableResult
    public func addActivityVote(meetingID: Int64, stepID: String, activityID: Int64, voter: Int, now: Double) throws -> ActivityVote {
        try transaction { db in
            _ = try Self.storedMeeting(db, id: meetingID)
            _ = try Self.liveActivity(db, id: activityID)
            var record = StoredActivityVote(meetingID: meetingID, stepID: stepID, activityID: activityID, voter: voter, createdAt: now)
            try record.insert(db)
            return record.vote
        }
    }

    /// Deletes the step's newest dot on a live activity (only among the
    /// voter's when `voter` is given) and returns it; nil when there is none.
    @discardableResult
    public func undoLastActivityVote(meetingID: Int64, stepID: String, voter: Int?) throws -> ActivityVote? {
        try transaction { db in
            var sql = Self.countedActivityVotes + " WHERE activity_vote.meeting_id = ? AND activity_vote.step_id = ?"
            var arguments: StatementArguments = [meetingID, stepID]
            if let voter {
                sql += " AND activity_vote.voter = ?"
                arguments += [voter]
            }
            sql += " ORDER BY activity_vote.created_at DESC, activity_vote.id DESC LIMIT 1"
            guard let record = try StoredActivityVote.fetchOne(db, sql: sql, arguments: arguments) else { return nil }
            try record.delete(db)
            return record.vote
        }
    }

    /// The step's dots on live activities, oldest first.
    public func activityVotes(meetingID: Int64, stepID: String) throws -> [ActivityVote] {
        try snapshot { db in
            try StoredActivityVote.fetchAll(db, sql: Self.countedActivityVotes + """
                 WHERE activity_vote.meeting_id = ? AND activity_vote.step_id = ?
                 ORDER BY activity_vote.created_at, activity_vote.id
                """, arguments: [meetingID, stepID]).map(\.vote)
        }
    }

    /// The dots of every meeting of the cycle on its live activities, in
    /// meeting order.
    public func activityVotes(cycleID: Int64) throws -> [ActivityVote] {
        try snapshot { db in
            try StoredActivityVote.fetchAll(db, sql: Self.countedActivityVotes + """
                 JOIN meeting ON meeting.id = activity_vote.meeting_id
                WHERE meeting.cycle_id = ?
                ORDER BY meeting.date, meeting.created_at, meeting.id, activity_vote.created_at, activity_vote.id
                """, arguments: [cycleID]).map(\.vote)
        }
    }

    static let countedActivityVotes = """
        SELECT activity_vote.* FROM activity_vote
        JOIN activity ON activity.id = activity_vote.activity_id AND activity.deleted_at IS NULL
        """

    /// The step id of records made in the analysis workspace rather than
    /// in a meeting step.
    public static let workspaceStepID = "workspace"

    /// The live activities this one depends on, oldest first.
    static func dependencies(_ db: Database, activityID: Int64) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            SELECT depends_on_id FROM activity_dependency JOIN activity ON activity.id = depends_on_id
            WHERE activity_id = ? AND activity.deleted_at IS NULL ORDER BY depends_on_id
            """, arguments: [activityID])
    }

    /// Replaces the activity's dependencies, refusing any that would close
    /// a cycle. Returns them as stored (no duplicates, no self).
    static func setDependencies(_ db: Database, activity: StoredActivity, dependsOn: [Int64]) throws -> [Int64] {
        guard let id = activity.id else { return [] }
        var wanted: [Int64] = []
        for d in dependsOn where !wanted.contains(d) {
            if d == id { throw StoreError.dependencyCycle([id, id]) }
            let other = try liveActivity(db, id: d)
            guard other.cycleID == activity.cycleID else { throw StoreError.notFound(what: "Activity \(d) in this cycle") }
            wanted.append(d)
        }
        var edges: [Int64: [Int64]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT activity_id, depends_on_id FROM activity_dependency JOIN activity ON activity.id = activity_id
            WHERE activity.cycle_id = ? AND activity.deleted_at IS NULL
            """, arguments: [activity.cycleID]) {
            edges[row[0], default: []].append(row[1])
        }
        if let path = ActivityOrder.cycle(adding: wanted, to: id, in: edges) {
            throw StoreError.dependencyCycle(path)
        }
        try db.execute(sql: "DELETE FROM activity_dependency WHERE activity_id = ?", arguments: [id])
        for d in wanted {
            try db.execute(sql: "INSERT INTO activity_dependency (activity_id, depends_on_id) VALUES (?, ?)",
                           arguments: [id, d])
        }
        return wanted.sorted()
    }

    /// The meeting workspace records are filed under: the focus area's
    /// meeting, else the cycle's latest meeting.
    static func workspaceMeeting(_ db: Database, cycleID: Int64, focusAreaID: Int64?) throws -> Int64 {
        if let focusAreaID, let area = try StoredFocusArea.fetchOne(db, key: focusAreaID), area.cycleID == cycleID {
            return area.meetingID
        }
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM meeting WHERE cycle_id = ? ORDER BY created_at DESC, id DESC LIMIT 1",
                                          arguments: [cycleID]) else {
            throw StoreError.notFound(what: "A meeting of cycle \(cycleID)")
        }
        return id
    }

    static func liveActivity(_ db: Database, id: Int64) throws -> StoredActivity {
        guard let record = try StoredActivity.filter(key: id).filter(StoredActivity.Columns.deletedAt == nil)
            .fetchOne(db) else {
            throw StoreError.notFound(what: "Activity \(id)")
        }
        return record
    }
}
