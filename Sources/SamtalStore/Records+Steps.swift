// Records of the v2 tables: what the step kinds beyond note capture produce
// (see Records.swift for the conventions). Mapped to and from the core's
// types in StepRecords.swift.

import GRDB
import SamtalCore

struct StoredFocusArea: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "focus_area"

    var id: Int64?
    var cycleID: Int64
    var meetingID: Int64
    var stepID: String
    var name: String
    var type: FocusAreaType
    var targetPicture: String
    var leadsToPromise = false
    var position: Int
    var createdAt: Double
    var deletedAt: Double?
    var mergedIntoID: Int64?
    var splitFromID: Int64?

    enum CodingKeys: String, CodingKey {
        case id, name, type, position
        case mergedIntoID = "merged_into_id"
        case splitFromID = "split_from_id"
        case cycleID = "cycle_id"
        case meetingID = "meeting_id"
        case stepID = "step_id"
        case targetPicture = "target_picture"
        case leadsToPromise = "leads_to_promise"
        case createdAt = "created_at"
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

    func focusArea(noteIDs: [Int64], proposedIn: [Int64] = []) -> FocusArea {
        FocusArea(id: id ?? 0, cycleID: cycleID, meetingID: meetingID, stepID: stepID, name: name, type: type,
                  targetPicture: targetPicture, noteIDs: noteIDs, leadsToPromise: leadsToPromise, createdAt: createdAt,
                  proposedIn: [meetingID] + proposedIn.filter { $0 != meetingID })
    }
}

extension StoredFocusArea {
    /// The columns `init(columns:)` reads, in its order (qualified: the
    /// areas are read joined with their meetings).
    static let orderedColumns = """
        focus_area.id, focus_area.cycle_id, focus_area.meeting_id, focus_area.step_id, focus_area.name, focus_area.type,
        focus_area.target_picture, focus_area.leads_to_promise, focus_area.position, focus_area.created_at,
        focus_area.deleted_at, focus_area.merged_into_id, focus_area.split_from_id
        """

    /// Read by column index (`ColumnReader`): a cluster step reads the
    /// cycle's areas at its opening (issue 15).
    init(columns c: ColumnReader) throws {
        id = c.int64(0)
        cycleID = c.int64(1)
        meetingID = c.int64(2)
        stepID = c.text(3)
        name = c.text(4)
        type = try c.choice(5, CodingKeys.type)
        targetPicture = c.text(6)
        leadsToPromise = c.bool(7)
        position = c.int(8)
        createdAt = c.double(9)
        deletedAt = c.optionalDouble(10)
        mergedIntoID = c.isNull(11) ? nil : c.int64(11)
        splitFromID = c.isNull(12) ? nil : c.int64(12)
    }
}

struct StoredVote: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "vote"

    var id: Int64?
    var meetingID: Int64
    var stepID: String
    var focusAreaID: Int64
    var voter: Int
    var createdAt: Double

    enum CodingKeys: String, CodingKey {
        case id, voter
        case meetingID = "meeting_id"
        case stepID = "step_id"
        case focusAreaID = "focus_area_id"
        case createdAt = "created_at"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var vote: Vote {
        Vote(id: id ?? 0, meetingID: meetingID, stepID: stepID, focusAreaID: focusAreaID, voter: voter,
             createdAt: createdAt)
    }
}

struct StoredActivityVote: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "activity_vote"

    var id: Int64?
    var meetingID: Int64
    var stepID: String
    var activityID: Int64
    var voter: Int
    var createdAt: Double

    enum CodingKeys: String, CodingKey {
        case id, voter
        case meetingID = "meeting_id"
        case stepID = "step_id"
        case activityID = "activity_id"
        case createdAt = "created_at"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var vote: ActivityVote {
        ActivityVote(id: id ?? 0, meetingID: meetingID, stepID: stepID, activityID: activityID, voter: voter, createdAt: createdAt)
    }
}

struct StoredChecklistAnswer: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "checklist_answer"

    var meetingID: Int64
    var stepID: String
    var item: Int
    var done: Bool
    var comment: String

    enum CodingKeys: String, CodingKey {
        case item, done, comment
        case meetingID = "meeting_id"
        case stepID = "step_id"
    }

    enum Columns {
        static let meetingID = Column(CodingKeys.meetingID)
        static let stepID = Column(CodingKeys.stepID)
        static let item = Column(CodingKeys.item)
    }

    init(meetingID: Int64, stepID: String, answer: ChecklistAnswer) {
        self.meetingID = meetingID
        self.stepID = stepID
        item = answer.item
        done = answer.done
        comment = answer.comment
    }

    var answer: ChecklistAnswer {
        ChecklistAnswer(item: item, done: done, comment: comment)
    }
}

struct StoredRating: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "rating"

    var meetingID: Int64
    var stepID: String
    var question: Int
    var value: String?
    var observations: String
    var comment: String

    enum CodingKeys: String, CodingKey {
        case question, value, observations, comment
        case meetingID = "meeting_id"
        case stepID = "step_id"
    }

    enum Columns {
        static let meetingID = Column(CodingKeys.meetingID)
        static let stepID = Column(CodingKeys.stepID)
        static let question = Column(CodingKeys.question)
    }

    init(meetingID: Int64, stepID: String, rating: Rating) {
        self.meetingID = meetingID
        self.stepID = stepID
        question = rating.question
        value = rating.value
        observations = rating.observations
        comment = rating.comment
    }

    var rating: Rating {
        Rating(question: question, value: value, observations: observations, comment: comment)
    }
}

struct StoredRatingContribution: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "rating_contribution"

    var id: Int64?
    var meetingID: Int64
    var stepID: String
    var question: Int
    var from: String
    var text: String
    var createdAt: Double
    var deletedAt: Double?

    enum CodingKeys: String, CodingKey {
        case id, question, text
        case meetingID = "meeting_id"
        case stepID = "step_id"
        case from = "from_organisation"
        case createdAt = "created_at"
        case deletedAt = "deleted_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let meetingID = Column(CodingKeys.meetingID)
        static let stepID = Column(CodingKeys.stepID)
        static let createdAt = Column(CodingKeys.createdAt)
        static let deletedAt = Column(CodingKeys.deletedAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var contribution: RatingContribution {
        RatingContribution(id: id ?? 0, meetingID: meetingID, stepID: stepID, question: question, from: from, text: text,
                           createdAt: createdAt)
    }
}

struct StoredSummaryItem: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "summary_item"

    var id: Int64?
    var meetingID: Int64
    var stepID: String
    var kind: SummaryItemKind
    var text: String
    var owner: String
    var due: String
    var createdAt: Double
    var deletedAt: Double?

    enum CodingKeys: String, CodingKey {
        case id, kind, text, owner, due
        case meetingID = "meeting_id"
        case stepID = "step_id"
        case createdAt = "created_at"
        case deletedAt = "deleted_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let meetingID = Column(CodingKeys.meetingID)
        static let createdAt = Column(CodingKeys.createdAt)
        static let deletedAt = Column(CodingKeys.deletedAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var item: SummaryItem {
        SummaryItem(id: id ?? 0, meetingID: meetingID, stepID: stepID, kind: kind, text: text, owner: owner, due: due,
                    createdAt: createdAt)
    }
}
