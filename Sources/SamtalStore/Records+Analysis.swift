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
    var how = ""
    var organisation = ""
    var sequence = 0
    /// "" when not set.
    var effectTerm = ""
    /// "" when not set.
    var triangleSide = ""
    var involvesCitizens = false
    var status = ActivityStatus.planned
    /// The proposing station's group; 0: none.
    var groupNo = 0

    enum CodingKeys: String, CodingKey {
        case id, what, responsible, start, end, priority, position, how, organisation, sequence, status
        case groupNo = "group_no"
        case cycleID = "cycle_id"
        case meetingID = "meeting_id"
        case stepID = "step_id"
        case focusAreaID = "focus_area_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case deletedAt = "deleted_at"
        case effectTerm = "effect_term"
        case triangleSide = "triangle_side"
        case involvesCitizens = "involves_citizens"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let cycleID = Column(CodingKeys.cycleID)
        static let meetingID = Column(CodingKeys.meetingID)
        static let position = Column(CodingKeys.position)
        static let deletedAt = Column(CodingKeys.deletedAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Copies what an edit may change: everything but the cycle, meeting,
    /// step, position and creation time.
    mutating func set(from a: Activity) {
        focusAreaID = a.focusAreaID
        what = a.what
        responsible = a.responsible
        start = a.start
        end = a.end
        priority = a.priority
        how = a.how
        organisation = a.organisation
        sequence = a.sequence
        effectTerm = a.effectTerm?.rawValue ?? ""
        triangleSide = a.triangleSide?.rawValue ?? ""
        involvesCitizens = a.involvesCitizens
        status = a.status
        groupNo = a.group ?? 0
    }

    func activity(dependsOn: [Int64]) -> Activity {
        var a = Activity(id: id ?? 0, cycleID: cycleID, meetingID: meetingID, stepID: stepID, focusAreaID: focusAreaID,
                 what: what, responsible: responsible, start: start, end: end, priority: priority, how: how,
                 organisation: organisation, sequence: sequence, dependsOn: dependsOn,
                 effectTerm: EffectTerm(rawValue: effectTerm), triangleSide: TriangleSide(rawValue: triangleSide),
                 involvesCitizens: involvesCitizens, status: status, createdAt: createdAt)
        a.group = groupNo == 0 ? nil : groupNo
        return a
    }
}

// MARK: v6: goals, the promise, follow-up

struct StoredGoal: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "goal"

    var id: Int64?
    var cycleID: Int64
    var focusAreaID: Int64?
    var kind: GoalKind
    var text: String
    var indicator: String
    var baseline: String
    var target: String
    var deadline: String
    var owner: String
    var position: Int
    var accepted: Bool = false
    var meetingID: Int64?
    var stepID: String?
    var createdAt: Double
    var updatedAt: Double
    var deletedAt: Double?

    enum CodingKeys: String, CodingKey {
        case id, kind, text, indicator, baseline, target, deadline, owner, position, accepted
        case cycleID = "cycle_id"
        case focusAreaID = "focus_area_id"
        case meetingID = "meeting_id"
        case stepID = "step_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case deletedAt = "deleted_at"
    }

    enum Columns {
        static let cycleID = Column(CodingKeys.cycleID)
        static let position = Column(CodingKeys.position)
        static let deletedAt = Column(CodingKeys.deletedAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    mutating func set(from g: Goal) {
        focusAreaID = g.focusAreaID
        kind = g.kind
        text = g.text
        indicator = g.indicator
        baseline = g.baseline
        target = g.target
        deadline = g.deadline
        owner = g.owner
        accepted = g.accepted
    }

    func goal(activityIDs: [Int64]) -> Goal {
        Goal(id: id ?? 0, cycleID: cycleID, focusAreaID: focusAreaID, kind: kind, text: text, indicator: indicator,
             baseline: baseline, target: target, deadline: deadline, owner: owner, activityIDs: activityIDs,
             accepted: accepted, meetingID: meetingID, stepID: stepID, createdAt: createdAt, updatedAt: updatedAt)
    }
}

/// The promise row: one text column per section. The switch in
/// `column(_:)` is exhaustive, like the problem's.
struct StoredPromise: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "promise"

    var cycleID: Int64
    var title = ""
    var documentDate = ""
    var place = ""
    var diaryNumber = ""
    var decision = ""
    var owner = ""
    var purpose = ""
    var jointPicture = ""
    var focus = ""
    var activities = ""
    var effects = ""
    var followCitizens = ""
    var contact = ""
    var signatories = ""
    var validity = ""
    var updatedAt: Double

    enum CodingKeys: String, CodingKey {
        case purpose, focus, activities, effects, contact, signatories, validity, title, place, decision, owner
        case documentDate = "document_date"
        case diaryNumber = "diary_number"
        case cycleID = "cycle_id"
        case jointPicture = "joint_picture"
        case followCitizens = "follow_citizens"
        case updatedAt = "updated_at"
    }

    static func column(_ section: PromiseSection) -> WritableKeyPath<StoredPromise, String> {
        switch section {
        case .title: \.title
        case .documentDate: \.documentDate
        case .place: \.place
        case .diaryNumber: \.diaryNumber
        case .decision: \.decision
        case .owner: \.owner
        case .purpose: \.purpose
        case .jointPicture: \.jointPicture
        case .focus: \.focus
        case .activities: \.activities
        case .effects: \.effects
        case .followCitizens: \.followCitizens
        case .contact: \.contact
        case .signatories: \.signatories
        case .validity: \.validity
        }
    }

    var promise: Promise {
        var sections: [PromiseSection: String] = [:]
        for s in PromiseSection.allCases where !self[keyPath: Self.column(s)].isEmpty {
            sections[s] = self[keyPath: Self.column(s)]
        }
        return Promise(cycleID: cycleID, sections: sections, updatedAt: updatedAt)
    }
}

struct StoredFollowUp: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "follow_up"

    var id: Int64?
    var cycleID: Int64
    var activityID: Int64?
    var goalID: Int64?
    var aspect: FollowUpAspect
    var status: FollowUpStatus
    var why: String
    var measuredValue: String
    var date: String
    var resources: String = ""
    var meetingID: Int64?
    var stepID: String?
    var createdAt: Double
    var updatedAt: Double
    var deletedAt: Double?

    enum CodingKeys: String, CodingKey {
        case id, aspect, status, why, date, resources
        case meetingID = "meeting_id"
        case stepID = "step_id"
        case cycleID = "cycle_id"
        case activityID = "activity_id"
        case goalID = "goal_id"
        case measuredValue = "measured_value"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case deletedAt = "deleted_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let cycleID = Column(CodingKeys.cycleID)
        static let deletedAt = Column(CodingKeys.deletedAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    mutating func set(from f: FollowUp) {
        activityID = f.activityID
        goalID = f.goalID
        aspect = f.aspect
        status = f.status
        why = f.why
        measuredValue = f.measuredValue
        date = f.date
        resources = f.resources
    }

    var followUp: FollowUp {
        FollowUp(id: id ?? 0, cycleID: cycleID, activityID: activityID, goalID: goalID, aspect: aspect, status: status,
                 why: why, measuredValue: measuredValue, date: date, resources: resources, meetingID: meetingID, stepID: stepID,
                 createdAt: createdAt)
    }
}
