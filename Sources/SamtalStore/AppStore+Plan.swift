// The analysis workspace's records: which focus areas lead to the promise,
// goals with the activities that serve them, the promise, and follow-up
// entries; and the whole analysis of a cycle read in one transaction.
//
// Goals and follow-up entries are only marked deleted, like notes. The
// promise is one row per cycle, written whole.

import GRDB
import SamtalCore

extension AppStore {
    // MARK: focus areas

    @discardableResult
    public func setLeadsToPromise(focusAreaID: Int64, _ leads: Bool) throws -> FocusArea {
        try changeFocusArea(id: focusAreaID) { $0.leadsToPromise = leads }
    }

    /// The focus area's problem for the workspace: its most recently changed
    /// live problem, or a new one filed under the meeting where the focus
    /// area was made, with the step id "workspace". Every question and side
    /// is set (missing ones become empty).
    @discardableResult
    public func saveWorkspaceProblem(focusAreaID: Int64, answers: [ProblemQuestion: String],
                                     triangle: [TriangleSide: String], now: Double) throws -> Problem {
        try transaction { db in
            var record = try Self.workspaceProblem(db, focusAreaID: focusAreaID, now: now)
            record.setTexts(answers: answers, triangle: triangle)
            record.updatedAt = now
            if record.id == nil { try record.insert(db) } else { try record.update(db) }
            return record.problem
        }
    }

    /// Adds a cause to the focus area's workspace problem (made empty
    /// first when the focus area has none), under `parentID` or as a
    /// direct cause.
    @discardableResult
    public func addWorkspaceCause(focusAreaID: Int64, parentID: Int64?, text: String, evidence: CauseEvidence,
                                  now: Double) throws -> Cause {
        try transaction { db in
            var problem = try Self.workspaceProblem(db, focusAreaID: focusAreaID, now: now)
            if problem.id == nil { try problem.insert(db) }
            let problemID = problem.id!
            if let parentID { _ = try Self.liveCause(db, id: parentID, problemID: problemID) }
            return try Self.insertCause(db, problemID: problemID, parentID: parentID, text: text, evidence: evidence, now: now).cause
        }
    }

    // MARK: goals

    /// Creates a goal (the id in `g` is ignored) or changes one, with the
    /// activities that serve it.
    ///
    /// - Throws: `StoreError.notFound` for a missing cycle, goal, focus area,
    ///   or an activity that is not one of the goal's cycle. Activities
    ///   deleted meanwhile are left out.
    @discardableResult
    public func saveGoal(_ g: Goal, now: Double) throws -> Goal {
        try transaction { db in
            guard try StoredCycle.exists(db, key: g.cycleID) else { throw StoreError.notFound(what: "Cycle \(g.cycleID)") }
            var record: StoredGoal
            if g.id != 0 {
                record = try Self.liveGoal(db, id: g.id)
                if g.focusAreaID != record.focusAreaID, let focusAreaID = g.focusAreaID {
                    _ = try Self.liveFocusArea(db, id: focusAreaID)
                }
            } else {
                if let focusAreaID = g.focusAreaID { _ = try Self.liveFocusArea(db, id: focusAreaID) }
                let last = try Int.fetchOne(db, sql: "SELECT MAX(position) FROM goal WHERE cycle_id = ?", arguments: [g.cycleID])
                record = StoredGoal(cycleID: g.cycleID, focusAreaID: g.focusAreaID, kind: g.kind, text: g.text,
                                    indicator: "", baseline: "", target: "", deadline: "", owner: "",
                                    position: (last ?? -1) + 1, meetingID: g.meetingID, stepID: g.stepID, createdAt: now,
                                    updatedAt: now, deletedAt: nil)
            }
            record.set(from: g)
            record.updatedAt = now
            if record.id == nil { try record.insert(db) } else { try record.update(db) }
            let id = record.id!
            var served: [Int64] = []
            for a in g.activityIDs where !served.contains(a) {
                // One deleted meanwhile (another terminal) no longer serves.
                guard let activity = try StoredActivity.fetchOne(db, key: a), activity.cycleID == record.cycleID else {
                    throw StoreError.notFound(what: "Activity \(a) in this cycle")
                }
                if activity.deletedAt == nil { served.append(a) }
            }
            try db.execute(sql: "DELETE FROM goal_activity WHERE goal_id = ?", arguments: [id])
            for a in served {
                try db.execute(sql: "INSERT INTO goal_activity (goal_id, activity_id) VALUES (?, ?)", arguments: [id, a])
            }
            return record.goal(activityIDs: served.sorted())
        }
    }

    public func deleteGoal(id: Int64, now: Double) throws {
        try transaction { db in
            var record = try Self.liveGoal(db, id: id)
            record.deletedAt = now
            record.updatedAt = now
            try record.update(db)
        }
    }

    /// The cycle's live goals in creation order.
    public func goals(cycleID: Int64) throws -> [Goal] {
        try snapshot { db in try Self.goals(db, cycleID: cycleID) }
    }

    // MARK: the promise

    /// The cycle's promise; nil when nothing has been written yet.
    public func promise(cycleID: Int64) throws -> Promise? {
        try snapshot { db in try StoredPromise.fetchOne(db, key: cycleID)?.promise }
    }

    /// Writes every section of the cycle's promise (missing ones become
    /// empty).
    @discardableResult
    public func savePromise(_ p: Promise, now: Double) throws -> Promise {
        try transaction { db in
            guard try StoredCycle.exists(db, key: p.cycleID) else { throw StoreError.notFound(what: "Cycle \(p.cycleID)") }
            var record = StoredPromise(cycleID: p.cycleID, updatedAt: now)
            for s in PromiseSection.allCases { record[keyPath: StoredPromise.column(s)] = p[s] }
            try record.save(db)
            return record.promise
        }
    }

    // MARK: follow-up

    /// Creates a follow-up entry (the id in `f` is ignored) or changes one.
    ///
    /// - Throws: `StoreError.notFound` for a missing cycle or entry, or an
    ///   activity or goal that is not a live one of the cycle.
    @discardableResult
    public func saveFollowUp(_ f: FollowUp, now: Double) throws -> FollowUp {
        try transaction { db in
            guard try StoredCycle.exists(db, key: f.cycleID) else { throw StoreError.notFound(what: "Cycle \(f.cycleID)") }
            if let a = f.activityID, try Self.liveActivity(db, id: a).cycleID != f.cycleID {
                throw StoreError.notFound(what: "Activity \(a) in this cycle")
            }
            if let g = f.goalID, try Self.liveGoal(db, id: g).cycleID != f.cycleID {
                throw StoreError.notFound(what: "Goal \(g) in this cycle")
            }
            var record: StoredFollowUp
            if f.id != 0 {
                record = try Self.liveFollowUp(db, id: f.id)
            } else {
                record = StoredFollowUp(cycleID: f.cycleID, aspect: f.aspect, status: f.status, why: "", measuredValue: "",
                                        date: "", meetingID: f.meetingID, stepID: f.stepID, createdAt: now, updatedAt: now,
                                        deletedAt: nil)
            }
            record.set(from: f)
            record.updatedAt = now
            if record.id == nil { try record.insert(db) } else { try record.update(db) }
            // The activity's status in the plan is its latest follow-up's,
            // as a meeting's follow-up step sets it (the sixteenth walk: done
            // in the workspace, "planerad" in the plan).
            if let activityID = record.activityID,
               let latest = try String.fetchOne(db, sql: """
                   SELECT status FROM follow_up WHERE activity_id = ? AND deleted_at IS NULL
                   ORDER BY date DESC, created_at DESC, id DESC LIMIT 1
                   """, arguments: [activityID]).flatMap(FollowUpStatus.init(rawValue:)) {
                var activity = try Self.liveActivity(db, id: activityID)
                let status = ActivityStatus(followUp: latest)
                if activity.status != status && activity.status != .cancelled {
                    activity.status = status
                    activity.updatedAt = now
                    try activity.update(db)
                }
            }
            return record.followUp
        }
    }

    public func deleteFollowUp(id: Int64, now: Double) throws {
        try transaction { db in
            var record = try Self.liveFollowUp(db, id: id)
            record.deletedAt = now
            record.updatedAt = now
            try record.update(db)
        }
    }

    /// Writes an activity's follow-up entry of one aspect in a meeting step:
    /// the step's entry of that activity and aspect is changed, or made (the
    /// id in `f` is not looked at). Its cycle is the activity's.
    ///
    /// - Throws: `StoreError.notFound` for a missing meeting or an activity
    ///   that is missing or deleted.
    @discardableResult
    public func saveStepFollowUp(_ f: FollowUp, meetingID: Int64, stepID: String, now: Double) throws -> FollowUp {
        try transaction { db in
            try Self.stepFollowUp(db, f, meetingID: meetingID, stepID: stepID, now: now) { $0.set(from: f) }
        }
    }

    /// Sets how far an activity has come in a meeting step's follow-up, as
    /// assessed on `date`, and the activity's status in the plan with it
    /// (not done: planned).
    public func setStepFollowUpStatus(activityID: Int64, status: FollowUpStatus, date: String, meetingID: Int64, stepID: String,
                                      now: Double) throws {
        try transaction { db in
            var activity = try Self.liveActivity(db, id: activityID)
            let f = FollowUp(id: 0, cycleID: activity.cycleID, activityID: activityID, aspect: .resource, status: status, date: date,
                             createdAt: now)
            _ = try Self.stepFollowUp(db, f, meetingID: meetingID, stepID: stepID, now: now) {
                $0.status = status
                $0.date = date
            }
            activity.status = ActivityStatus(followUp: status)
            activity.updatedAt = now
            try activity.update(db)
        }
    }

    /// The step's entry of `f`'s activity and aspect, changed by `change`,
    /// or a new one made from `f`.
    private static func stepFollowUp(_ db: Database, _ f: FollowUp, meetingID: Int64, stepID: String, now: Double,
                                     change: (inout StoredFollowUp) -> Void) throws -> FollowUp {
        _ = try storedMeeting(db, id: meetingID)
        guard let activityID = f.activityID else { throw StoreError.notFound(what: "Activity") }
        let activity = try liveActivity(db, id: activityID)
        var record = try StoredFollowUp.fetchOne(db, sql: """
            SELECT * FROM follow_up WHERE meeting_id = ? AND step_id = ? AND activity_id = ? AND aspect = ? AND deleted_at IS NULL
            ORDER BY id DESC LIMIT 1
            """, arguments: [meetingID, stepID, activityID, f.aspect.rawValue])
            ?? StoredFollowUp(cycleID: activity.cycleID, activityID: activityID, aspect: f.aspect, status: f.status, why: "",
                              measuredValue: "", date: "", meetingID: meetingID, stepID: stepID, createdAt: now, updatedAt: now,
                              deletedAt: nil)
        change(&record)
        record.activityID = activityID
        record.goalID = nil
        record.aspect = f.aspect
        record.updatedAt = now
        if record.id == nil { try record.insert(db) } else { try record.update(db) }
        return record.followUp
    }

    /// A meeting step's follow-up entries, oldest first.
    public func followUps(meetingID: Int64, stepID: String) throws -> [FollowUp] {
        try snapshot { db in
            try StoredFollowUp.fetchAll(db, sql: """
                SELECT * FROM follow_up WHERE meeting_id = ? AND step_id = ? AND deleted_at IS NULL ORDER BY created_at, id
                """, arguments: [meetingID, stepID]).map(\.followUp)
        }
    }

    /// The cycle's live follow-up entries, oldest first.
    public func followUps(cycleID: Int64) throws -> [FollowUp] {
        try snapshot { db in try Self.followUps(db, cycleID: cycleID) }
    }

    // MARK: the whole chain

    /// The live notes of the cycle's meetings by source, in a focus area or
    /// not: whose views the promise's draft names. Read for that draft only
    /// (F2 in the workspace), not with the analysis: at every reading it
    /// cost the workspace's start ~2 ms at 1,000 notes (issue 15).
    public func notesHeard(cycleID: Int64) throws -> [NoteSource: Int] {
        try snapshot { db in
            var heard: [NoteSource: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT note.source, count(*) FROM note JOIN meeting ON meeting.id = note.meeting_id
                WHERE meeting.cycle_id = ? AND note.deleted_at IS NULL GROUP BY note.source
                """, arguments: [cycleID]) {
                if let source = NoteSource(rawValue: row[0]) { heard[source] = row[1] }
            }
            return heard
        }
    }

    /// The cycle's analysis as one value, read in one transaction.
    ///
    /// - Throws: `StoreError.notFound` for a missing cycle.
    public func cycleAnalysis(cycleID: Int64) throws -> CycleAnalysis {
        try snapshot { db in
            guard let cycle = try StoredCycle.fetch(db, id: cycleID) else {
                throw StoreError.notFound(what: "Cycle \(cycleID)")
            }
            // Oldest first by date, as everywhere in a cycle (the cluster
            // step's notes, the areas, the documents' numbering).
            let meetings = try Self.meetings(db, cycleID: cycleID).sorted {
                ($0.facts.date, $0.createdAt, $0.id) < ($1.facts.date, $1.createdAt, $1.id)
            }
            let areas = try Self.focusAreas(db, where: "focus_area.cycle_id = ?", arguments: [cycleID])
            let (decisive, earlier) = Ranking.decisive(try Self.votes(db, cycleID: cycleID))
            let problems = try StoredProblem.fetchAll(db, sql: """
                SELECT problem.* FROM problem JOIN meeting ON meeting.id = problem.meeting_id
                WHERE problem.cycle_id = ? AND problem.deleted_at IS NULL
                ORDER BY meeting.date, meeting.created_at, meeting.id, problem.created_at, problem.id
                """, arguments: [cycleID]).map(\.problem)
            var causes: [Int64: [Cause]] = [:]
            for p in problems { causes[p.id] = try Self.causes(db, problemID: p.id).map(\.cause) }
            let activities = try StoredActivity.fetchAll(db, sql: """
                SELECT activity.* FROM activity JOIN meeting ON meeting.id = activity.meeting_id
                WHERE activity.cycle_id = ? AND activity.deleted_at IS NULL
                ORDER BY meeting.date, meeting.created_at, meeting.id, activity.position, activity.id
                """, arguments: [cycleID]).map { $0.activity(dependsOn: try Self.dependencies(db, activityID: $0.id!)) }
            let noteIDs = Set(areas.flatMap(\.noteIDs))
            var notes: [Int64: Note] = [:]
            if !noteIDs.isEmpty {
                for n in try StoredNote.filter(keys: Array(noteIDs)).fetchAll(db) where n.deletedAt == nil {
                    notes[n.id!] = n.note
                }
            }
            var analysis = CycleAnalysis(
                cycle: cycle.cycle, meetings: meetings, focusAreas: areas, dots: Ranking.count(decisive),
                promiseAreas: Set(areas.filter(\.leadsToPromise).map(\.id)), problems: problems, causes: causes,
                activities: activities, goals: try Self.goals(db, cycleID: cycleID),
                // In plain SQL: a request by key looks the table's primary
                // key up in the schema first (issue 15).
                promise: try StoredPromise.fetchOne(db, sql: "SELECT * FROM promise WHERE cycle_id = ?", arguments: [cycleID])?.promise,
                followUps: try Self.followUps(db, cycleID: cycleID), notes: notes)
            analysis.earlierDots = Ranking.count(earlier)
            analysis.decidedIn = decisive.first?.meetingID
            // The activities' dots: the latest meeting that voted on them.
            let activityVotes = try StoredActivityVote.fetchAll(db, sql: Self.countedActivityVotes + """
                 JOIN meeting ON meeting.id = activity_vote.meeting_id WHERE meeting.cycle_id = ?
                ORDER BY meeting.date, meeting.created_at, meeting.id, activity_vote.created_at, activity_vote.id
                """, arguments: [cycleID]).map(\.vote)
            let deciding = activityVotes.last?.meetingID
            analysis.activityDots = activityVotes.filter { $0.meetingID == deciding }.reduce(into: [:]) { $0[$1.activityID, default: 0] += 1 }
            return analysis
        }
    }

    // MARK: helpers inside a transaction

    /// The focus area's most recently changed live problem, or a new
    /// (not yet inserted) one filed under the area's meeting.
    static func workspaceProblem(_ db: Database, focusAreaID: Int64, now: Double) throws -> StoredProblem {
        let area = try liveFocusArea(db, id: focusAreaID)
        return try liveProblem(db, meetingID: area.meetingID, stepID: workspaceStepID, focusAreaID: focusAreaID)
            ?? StoredProblem(cycleID: area.cycleID, focusAreaID: focusAreaID, meetingID: area.meetingID,
                             stepID: workspaceStepID, now: now)
    }

    static func liveGoal(_ db: Database, id: Int64) throws -> StoredGoal {
        guard let record = try StoredGoal.filter(key: id).filter(StoredGoal.Columns.deletedAt == nil).fetchOne(db) else {
            throw StoreError.notFound(what: "Goal \(id)")
        }
        return record
    }

    static func liveFollowUp(_ db: Database, id: Int64) throws -> StoredFollowUp {
        guard let record = try StoredFollowUp.filter(key: id).filter(StoredFollowUp.Columns.deletedAt == nil)
            .fetchOne(db) else {
            throw StoreError.notFound(what: "Follow-up \(id)")
        }
        return record
    }

    static func goals(_ db: Database, cycleID: Int64) throws -> [Goal] {
        try StoredGoal
            .filter(StoredGoal.Columns.cycleID == cycleID && StoredGoal.Columns.deletedAt == nil)
            .order(StoredGoal.Columns.position, Column("id"))
            .fetchAll(db)
            .map { g in
                g.goal(activityIDs: try Int64.fetchAll(db, sql: """
                    SELECT activity_id FROM goal_activity JOIN activity ON activity.id = activity_id
                    WHERE goal_id = ? AND activity.deleted_at IS NULL ORDER BY activity_id
                    """, arguments: [g.id!]))
            }
    }

    static func followUps(_ db: Database, cycleID: Int64) throws -> [FollowUp] {
        try StoredFollowUp
            .filter(StoredFollowUp.Columns.cycleID == cycleID && StoredFollowUp.Columns.deletedAt == nil)
            .order(Column("created_at"), StoredFollowUp.Columns.id)
            .fetchAll(db).map(\.followUp)
    }
}
