// Records of the v3 tables: the analysis chain after the focus areas (see
// Records.swift for the conventions). Mapped to and from the core's types
// in Analysis.swift.

import GRDB
import SamtalCore

/// A problem row: one text column per question and per side of the
/// triangle. The switches in `column(_:)` are exhaustive on purpose: a new
/// question or side in the core does not build until a migration adds its
/// column and this record reads it.
struct StoredProblem: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "problem"

    var id: Int64?
    var cycleID: Int64
    var focusAreaID: Int64?
    var meetingID: Int64
    var stepID: String
    var what = ""
    var where_ = ""
    var when_ = ""
    var whoCauses = ""
    var affected = ""
    var consequences = ""
    var whoCanFix = ""
    var offender = ""
    var target = ""
    var place = ""
    var handler = ""
    var guardian = ""
    var placeManager = ""
    var createdAt: Double
    var updatedAt: Double
    var deletedAt: Double?

    enum CodingKeys: String, CodingKey {
        case id, what, affected, consequences, offender, target, place, handler, guardian
        case where_ = "where"
        case when_ = "when"
        case whoCauses = "who_causes"
        case whoCanFix = "who_can_fix"
        case placeManager = "place_manager"
        case cycleID = "cycle_id"
        case focusAreaID = "focus_area_id"
        case meetingID = "meeting_id"
        case stepID = "step_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case deletedAt = "deleted_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let cycleID = Column(CodingKeys.cycleID)
        static let focusAreaID = Column(CodingKeys.focusAreaID)
        static let meetingID = Column(CodingKeys.meetingID)
        static let stepID = Column(CodingKeys.stepID)
        static let deletedAt = Column(CodingKeys.deletedAt)
    }

    init(cycleID: Int64, focusAreaID: Int64?, meetingID: Int64, stepID: String, now: Double) {
        self.cycleID = cycleID
        self.focusAreaID = focusAreaID
        self.meetingID = meetingID
        self.stepID = stepID
        createdAt = now
        updatedAt = now
    }

    static func column(_ question: ProblemQuestion) -> WritableKeyPath<StoredProblem, String> {
        switch question {
        case .what: \.what
        case .where_: \.where_
        case .when_: \.when_
        case .whoCauses: \.whoCauses
        case .affected: \.affected
        case .consequences: \.consequences
        case .whoCanFix: \.whoCanFix
        }
    }

    static func column(_ side: TriangleSide) -> WritableKeyPath<StoredProblem, String> {
        switch side {
        case .offender: \.offender
        case .target: \.target
        case .place: \.place
        case .handler: \.handler
        case .guardian: \.guardian
        case .placeManager: \.placeManager
        }
    }

    /// Sets every question and side: those missing from the dictionaries
    /// become empty.
    mutating func setTexts(answers: [ProblemQuestion: String], triangle: [TriangleSide: String]) {
        for question in ProblemQuestion.allCases { self[keyPath: Self.column(question)] = answers[question] ?? "" }
        for side in TriangleSide.allCases { self[keyPath: Self.column(side)] = triangle[side] ?? "" }
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Only the questions and sides with text are in the dictionaries.
    var problem: Problem {
        var answers: [ProblemQuestion: String] = [:]
        for question in ProblemQuestion.allCases where !self[keyPath: Self.column(question)].isEmpty {
            answers[question] = self[keyPath: Self.column(question)]
        }
        var triangle: [TriangleSide: String] = [:]
        for side in TriangleSide.allCases where !self[keyPath: Self.column(side)].isEmpty {
            triangle[side] = self[keyPath: Self.column(side)]
        }
        return Problem(id: id ?? 0, cycleID: cycleID, focusAreaID: focusAreaID, meetingID: meetingID, stepID: stepID,
                       answers: answers, triangle: triangle, createdAt: createdAt, updatedAt: updatedAt)
    }
}

struct StoredCause: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "cause"

    var id: Int64?
    var problemID: Int64
    var parentID: Int64?
    var text: String
    var evidence: CauseEvidence
    var position: Int
    var createdAt: Double
    var deletedAt: Double?

    enum CodingKeys: String, CodingKey {
        case id, text, evidence, position
        case problemID = "problem_id"
        case parentID = "parent_id"
        case createdAt = "created_at"
        case deletedAt = "deleted_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let problemID = Column(CodingKeys.problemID)
        static let position = Column(CodingKeys.position)
        static let deletedAt = Column(CodingKeys.deletedAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var cause: Cause {
        Cause(id: id ?? 0, problemID: problemID, parentID: parentID, text: text, evidence: evidence,
              createdAt: createdAt)
    }
}

struct StoredActivity: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "activity"

    var id: Int64?
    var cycleID: Int64
    var meetingID: Int64
    var stepID: String
    var focusAreaID: Int64?
    var what: String
    var responsible: String
    var start: String
    var end: String
    var priority: ActivityPriority
    var position: Int
    var createdAt: Double
    var updatedAt: Double
    var deletedAt: Double?

    enum CodingKeys: String, CodingKey {
        case id, what, responsible, start, end, priority, position
        case cycleID = "cycle_id"
        case meetingID = "meeting_id"
        case stepID = "step_id"
        case focusAreaID = "focus_area_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case deletedAt = "deleted_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let meetingID = Column(CodingKeys.meetingID)
        static let position = Column(CodingKeys.position)
        static let deletedAt = Column(CodingKeys.deletedAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var activity: Activity {
        Activity(id: id ?? 0, cycleID: cycleID, meetingID: meetingID, stepID: stepID, focusAreaID: focusAreaID,
                 what: what, responsible: responsible, start: start, end: end, priority: priority,
                 createdAt: createdAt)
    }
}
