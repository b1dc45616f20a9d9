// Problem descriptions with their triangle, and the tree of causes under
// each problem (the "why? why? why?" of the method support).
//
// A problem belongs to the cycle of the meeting where it was described.
// A focus area has one live problem in its cycle: every meeting's problem
// step and the workspace go on with the same description. A problem not
// about one focus area is one per meeting and step. Saving again updates it,
// and makes the saving meeting and step the ones it is "described in". Causes
// are only marked deleted, and a deleted cause takes its descendants with
// it.

import GRDB
import SamtalCore

extension AppStore {
    // MARK: problems

    /// The focus area of the problem the meeting's step wrote last (nil:
    /// none written there, or only the problem not about one area): where
    /// the step goes on when it is opened again.
    public func lastProblemArea(meetingID: Int64, stepID: String) throws -> Int64? {
        try snapshot { db in
            try Int64.fetchOne(db, sql: """
                SELECT focus_area_id FROM problem
                WHERE meeting_id = ? AND step_id = ? AND deleted_at IS NULL AND focus_area_id IS NOT NULL
                ORDER BY updated_at DESC, id DESC LIMIT 1
                """, arguments: [meetingID, stepID])
        }
    }

    /// The live problem of the meeting's step for the focus area (nil: the
    /// problem not about one focus area); nil when there is none.
    public func problem(meetingID: Int64, stepID: String, focusAreaID: Int64?) throws -> Problem? {
        try snapshot { db in
            try Self.liveProblem(db, meetingID: meetingID, stepID: stepID, focusAreaID: focusAreaID)?.problem
        }
    }

    /// Creates or updates the one live problem of the meeting's step for the
    /// focus area, in the meeting's cycle. Every question and side is set:
    /// those missing from `answers` and `triangle` become empty. The
    /// returned problem, like every problem read, lists only the questions
    /// and sides that have text.
    ///
    /// - Throws: `StoreError.notFound` for a missing meeting, or a focus
    ///   area that is missing or deleted.
    @discardableResult
    public func saveProblem(meetingID: Int64, stepID: String, focusAreaID: Int64?,
                            answers: [ProblemQuestion: String], triangle: [TriangleSide: String],
                            now: Double) throws -> Problem {
        try transaction { db in
            let meeting = try Self.storedMeeting(db, id: meetingID)
            if let focusAreaID { _ = try Self.liveFocusArea(db, id: focusAreaID) }
            var record = try Self.liveProblem(db, meetingID: meetingID, stepID: stepID, focusAreaID: focusAreaID)
                ?? StoredProblem(cycleID: meeting.cycleID, focusAreaID: focusAreaID, meetingID: meetingID,
                                 stepID: stepID, now: now)
            record.setTexts(answers: answers, triangle: triangle)
            record.updatedAt = now
            // Described further here: the meeting and step that last wrote
            // it are where the documents say it is described.
            record.meetingID = meetingID
            record.stepID = stepID
            if record.id == nil {
                try record.insert(db)
            } else {
                try record.update(db)
            }
            return record.problem
        }
    }

    /// Sets one text of the focus area's problem description, creating the
    /// description if need be; the other texts stay as stored (another
    /// terminal may have written them since this one read them).
    @discardableResult
    public func setProblemText(_ field: ProblemText, _ text: String, meetingID: Int64, stepID: String, focusAreaID: Int64?,
                               now: Double) throws -> Problem {
        try transaction { db in
            let meeting = try Self.storedMeeting(db, id: meetingID)
            if let focusAreaID { _ = try Self.liveFocusArea(db, id: focusAreaID) }
            var record = try Self.liveProblem(db, meetingID: meetingID, stepID: stepID, focusAreaID: focusAreaID)
                ?? StoredProblem(cycleID: meeting.cycleID, focusAreaID: focusAreaID, meetingID: meetingID, stepID: stepID, now: now)
            switch field {
            case .question(let q): record[keyPath: StoredProblem.column(q)] = text
            case .side(let side): record[keyPath: StoredProblem.column(side)] = text
            }
            record.updatedAt = now
            // Described further here (see `saveProblem`).
            record.meetingID = meetingID
            record.stepID = stepID
            if record.id == nil { try record.insert(db) } else { try record.update(db) }
            return record.problem
        }
    }

    /// The live problems of every meeting of the cycle: by the meeting's
    /// date (then creation time), then in creation order within the meeting. Problems
    /// whose focus area was deleted are listed too.
    public func problems(cycleID: Int64) throws -> [Problem] {
        try snapshot { db in
            try StoredProblem.fetchAll(db, sql: """
                SELECT problem.* FROM problem JOIN meeting ON meeting.id = problem.meeting_id
                WHERE problem.cycle_id = ? AND problem.deleted_at IS NULL
                ORDER BY meeting.date, meeting.created_at, meeting.id, problem.created_at, problem.id
                """, arguments: [cycleID]).map(\.problem)
        }
    }

    // MARK: causes

    /// The problem's causes that are not deleted, in tree order: each cause
    /// followed by its children's subtrees, siblings in creation order. A
    /// parent thus always comes before its children.
    public func causes(problemID: Int64) throws -> [Cause] {
        try snapshot { db in try Self.causes(db, problemID: problemID).map(\.cause) }
    }

    /// Adds a cause under the problem, or under `parentID` (a cause of the
    /// same problem, not deleted), after its siblings.
    ///
    /// - Throws: `StoreError.notFound` for a missing problem, or a parent
    ///   that is missing, deleted or a cause of another problem.
    @discardableResult
    public func addCause(problemID: Int64, parentID: Int64?, text: String, evidence: CauseEvidence,
                         now: Double) throws -> Cause {
        try transaction { db in
            _ = try Self.liveProblem(db, id: problemID)
            if let parentID { _ = try Self.liveCause(db, id: parentID, problemID: problemID) }
            return try Self.insertCause(db, problemID: problemID, parentID: parentID, text: text, evidence: evidence,
                                        now: now).cause
        }
    }

    /// Changes a cause's text and evidence. A deleted cause cannot be
    /// changed.
    @discardableResult
    public func updateCause(id: Int64, text: String, evidence: CauseEvidence) throws -> Cause {
        try transaction { db in
            var record = try Self.liveCause(db, id: id)
            record.text = text
            record.evidence = evidence
            try record.update(db)
            return record.cause
        }
    }

    /// Marks the cause and every cause under it deleted. The rows stay in
    /// the store.
    public func deleteCause(id: Int64, now: Double) throws {
        try transaction { db in
            _ = try Self.liveCause(db, id: id)
            try Self.deleteCauseSubtree(db, id: id, now: now)
        }
    }

    /// The linear chain the meeting step edits: the problem's first direct
    /// cause, then repeatedly the first child of the last one. Empty when
    /// the problem has no causes.
    public func whyChain(problemID: Int64) throws -> [Cause] {
        try snapshot { db in try Self.whyChain(db, problemID: problemID).map(\.cause) }
    }

    /// Makes the why chain read `texts`, level by level, and returns it:
    /// `whyChain` gives the same afterwards. Trailing texts that are empty
    /// or only white space are ignored. Kept levels keep their id and
    /// evidence (their text is changed in place); missing levels are added
    /// under the previous one. When the chain gets shorter, every cause under
    /// the last kept level (every direct cause when no level is kept) is
    /// marked deleted with its descendants, since any of them would become
    /// the next level. Other causes off the chain are left alone.
    @discardableResult
    public func saveWhyChain(problemID: Int64, texts: [String], now: Double) throws -> [Cause] {
        let count = (texts.lastIndex { !$0.allSatisfy(\.isWhitespace) }).map { $0 + 1 } ?? 0
        let texts = Array(texts.prefix(count))
        return try transaction { db in
            _ = try Self.liveProblem(db, id: problemID)
            let chain = try Self.whyChain(db, problemID: problemID)
            var saved: [StoredCause] = []
            for (level, text) in texts.enumerated() {
                if level < chain.count {
                    var record = chain[level]
                    if record.text != text {
                        record.text = text
                        try record.update(db)
                    }
                    saved.append(record)
                } else {
                    saved.append(try Self.insertCause(db, problemID: problemID, parentID: saved.last?.id, text: text,
                                                      evidence: .internalDiscussion, now: now))
                }
            }
            if texts.count < chain.count {
                // Every child of the last kept level goes, not only the next
                // level: otherwise another child would become the next level.
                for next in try Self.causeChildren(db, problemID: problemID)[saved.last?.id] ?? [] {
                    if let id = next.id { try Self.deleteCauseSubtree(db, id: id, now: now) }
                }
            }
            return saved.map(\.cause)
        }
    }

    // MARK: helpers inside a transaction

    /// The oldest live problem for the key (there is one at most, unless a
    /// focus area row was removed and its problems' key became NULL).
    static func liveProblem(_ db: Database, meetingID: Int64, stepID: String, focusAreaID: Int64?) throws
        -> StoredProblem? {
        // A focus area has one problem in its cycle, whichever meeting,
        // step or the workspace goes on describing it.
        if let focusAreaID {
            return try StoredProblem
                .filter(StoredProblem.Columns.focusAreaID == focusAreaID && StoredProblem.Columns.deletedAt == nil)
                .order(Column("updated_at").desc, StoredProblem.Columns.id.desc)
                .fetchOne(db)
        }
        return try StoredProblem
            .filter(StoredProblem.Columns.meetingID == meetingID && StoredProblem.Columns.stepID == stepID
                    && StoredProblem.Columns.focusAreaID == focusAreaID && StoredProblem.Columns.deletedAt == nil)
            .order(StoredProblem.Columns.id)
            .fetchOne(db)
    }

    static func liveProblem(_ db: Database, id: Int64) throws -> StoredProblem {
        guard let record = try StoredProblem.filter(key: id).filter(StoredProblem.Columns.deletedAt == nil)
            .fetchOne(db) else {
            throw StoreError.notFound(what: "Problem \(id)")
        }
        return record
    }

    /// A cause that is not deleted, of the given problem when `problemID`
    /// is given.
    static func liveCause(_ db: Database, id: Int64, problemID: Int64? = nil) throws -> StoredCause {
        var request = StoredCause.filter(key: id).filter(StoredCause.Columns.deletedAt == nil)
        if let problemID { request = request.filter(StoredCause.Columns.problemID == problemID) }
        guard let record = try request.fetchOne(db) else {
            throw StoreError.notFound(what: "Cause \(id)")
        }
        return record
    }

    static func insertCause(_ db: Database, problemID: Int64, parentID: Int64?, text: String,
                            evidence: CauseEvidence, now: Double) throws -> StoredCause {
        let last = try Int.fetchOne(db, sql: "SELECT MAX(position) FROM cause WHERE problem_id = ?",
                                    arguments: [problemID])
        var record = StoredCause(problemID: problemID, parentID: parentID, text: text, evidence: evidence,
                                 position: (last ?? -1) + 1, createdAt: now, deletedAt: nil)
        try record.insert(db)
        return record
    }

    /// Marks the cause and its descendants deleted; those already deleted
    /// keep their time.
    static func deleteCauseSubtree(_ db: Database, id: Int64, now: Double) throws {
        try db.execute(sql: """
            WITH RECURSIVE subtree(id) AS (
                SELECT ? UNION SELECT cause.id FROM cause JOIN subtree ON cause.parent_id = subtree.id
            )
            UPDATE cause SET deleted_at = ? WHERE id IN subtree AND deleted_at IS NULL
            """, arguments: [id, now])
    }

    /// Live causes of the problem grouped by parent (nil: direct causes),
    /// each group in sibling order.
    static func causeChildren(_ db: Database, problemID: Int64) throws -> [Int64?: [StoredCause]] {
        let records = try StoredCause
            .filter(StoredCause.Columns.problemID == problemID && StoredCause.Columns.deletedAt == nil)
            .order(StoredCause.Columns.position, StoredCause.Columns.id)
            .fetchAll(db)
        return Dictionary(grouping: records, by: \.parentID)
    }

    /// Tree order (depth first, parent before children). A live cause under
    /// a deleted one is not reachable, so not listed.
    static func causes(_ db: Database, problemID: Int64) throws -> [StoredCause] {
        let children = try causeChildren(db, problemID: problemID)
        var ordered: [StoredCause] = []
        var pending = Array((children[nil] ?? []).reversed())
        while let next = pending.popLast() {
            ordered.append(next)
            pending += (children[next.id] ?? []).reversed()
        }
        return ordered
    }

    static func whyChain(_ db: Database, problemID: Int64) throws -> [StoredCause] {
        let children = try causeChildren(db, problemID: problemID)
        var chain: [StoredCause] = []
        while let next = children[chain.last?.id]?.first {
            chain.append(next)
        }
        return chain
    }
}
