// The analysis chain after the focus areas: the problem description with
// its triangle, the why-tree of causes, and the activities.

/// The problem description questions of the method support, in order.
public enum ProblemQuestion: String, CaseIterable, Sendable, Codable {
    case what, where_ = "where", when_ = "when", whoCauses = "who_causes", affected, consequences, whoCanFix = "who_can_fix"
}

/// The problem analysis triangle: the inner triangle (offender, target or
/// victim, place) and the outer one (handler, guardian, place manager).
public enum TriangleSide: String, CaseIterable, Sendable, Codable {
    case offender, target, place, handler, guardian, placeManager = "place_manager"
}

/// One problem description, for one focus area.
public struct Problem: Equatable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var cycleID: Int64
    public var focusAreaID: Int64?
    public var meetingID: Int64
    public var stepID: String
    public var answers: [ProblemQuestion: String]
    public var triangle: [TriangleSide: String]
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    public init(id: Int64, cycleID: Int64, focusAreaID: Int64?, meetingID: Int64, stepID: String,
                answers: [ProblemQuestion: String] = [:], triangle: [TriangleSide: String] = [:],
                createdAt: Timestamp, updatedAt: Timestamp? = nil) {
        self.id = id
        self.cycleID = cycleID
        self.focusAreaID = focusAreaID
        self.meetingID = meetingID
        self.stepID = stepID
        self.answers = answers
        self.triangle = triangle
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// How a cause was established (the method support's sources of knowledge).
public enum CauseEvidence: String, CaseIterable, Sendable, Codable {
    case internalDiscussion = "internal_discussion", interviews, survey, observation, statistics
}

/// One "why?" in the tree of causes; `parentID` nil is a direct cause of
/// the problem.
public struct Cause: Equatable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var problemID: Int64
    public var parentID: Int64?
    public var text: String
    public var evidence: CauseEvidence
    public var createdAt: Timestamp

    public init(id: Int64, problemID: Int64, parentID: Int64?, text: String, evidence: CauseEvidence = .internalDiscussion,
                createdAt: Timestamp) {
        self.id = id
        self.problemID = problemID
        self.parentID = parentID
        self.text = text
        self.evidence = evidence
        self.createdAt = createdAt
    }
}

public enum ActivityPriority: String, CaseIterable, Sendable, Codable {
    case high, medium, low

    public var next: ActivityPriority {
        let all = ActivityPriority.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// A proposed or agreed activity: what, who, when.
public struct Activity: Equatable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var cycleID: Int64
    public var meetingID: Int64
    public var stepID: String
    public var focusAreaID: Int64?
    public var what: String
    public var responsible: String
    public var start: String
    public var end: String
    public var priority: ActivityPriority
    public var createdAt: Timestamp

    public init(id: Int64, cycleID: Int64, meetingID: Int64, stepID: String, focusAreaID: Int64? = nil, what: String,
                responsible: String = "", start: String = "", end: String = "", priority: ActivityPriority = .medium,
                createdAt: Timestamp) {
        self.id = id
        self.cycleID = cycleID
        self.meetingID = meetingID
        self.stepID = stepID
        self.focusAreaID = focusAreaID
        self.what = what
        self.responsible = responsible
        self.start = start
        self.end = end
        self.priority = priority
        self.createdAt = createdAt
    }
}

extension ProblemQuestion: CodingKeyRepresentable {}
extension TriangleSide: CodingKeyRepresentable {}
