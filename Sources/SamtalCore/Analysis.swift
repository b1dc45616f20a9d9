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

/// One text of a problem description: an answer or a side of the triangle.
public enum ProblemText: Equatable, Sendable {
    case question(ProblemQuestion)
    case side(TriangleSide)
}

/// A focus area's problem description with its why-chain, as the room's
/// wall shows it.
public struct AreaProblem: Equatable, Sendable {
    public var problem: Problem
    public var whyChain: [Cause]

    public init(problem: Problem, whyChain: [Cause]) {
        self.problem = problem
        self.whyChain = whyChain
    }
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

/// Whether an activity is meant to work at once or over time.
public enum EffectTerm: String, CaseIterable, Sendable, Codable {
    case immediate, longTerm = "long_term"
}

public enum ActivityStatus: String, CaseIterable, Sendable, Codable {
    case planned, ongoing, done, cancelled
}

/// A proposed or agreed activity: what, how, who, when, in which order and
/// after which others, and which side of the triangle it works on.
public struct Activity: Equatable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var cycleID: Int64
    public var meetingID: Int64
    public var stepID: String
    public var focusAreaID: Int64?
    public var what: String
    /// The responsible person.
    public var responsible: String
    public var start: String
    public var end: String
    public var priority: ActivityPriority
    public var how: String
    /// The responsible organisation.
    public var organisation: String
    /// The place in the plan's order (1, 2, …); 0 when not set.
    public var sequence: Int
    /// The activities that must come first (ids, same cycle).
    public var dependsOn: [Int64]
    public var effectTerm: EffectTerm?
    public var triangleSide: TriangleSide?
    public var involvesCitizens: Bool
    public var status: ActivityStatus
    public var createdAt: Timestamp
    /// The group whose station proposed it; nil when made by the
    /// facilitator or in the workspace (optional: snapshots made before
    /// it decode).
    public var group: Int?

    public init(id: Int64, cycleID: Int64, meetingID: Int64, stepID: String, focusAreaID: Int64? = nil, what: String,
                responsible: String = "", start: String = "", end: String = "", priority: ActivityPriority = .medium,
                how: String = "", organisation: String = "", sequence: Int = 0, dependsOn: [Int64] = [],
                effectTerm: EffectTerm? = nil, triangleSide: TriangleSide? = nil, involvesCitizens: Bool = false,
                status: ActivityStatus = .planned, createdAt: Timestamp) {
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
        self.how = how
        self.organisation = organisation
        self.sequence = sequence
        self.dependsOn = dependsOn
        self.effectTerm = effectTerm
        self.triangleSide = triangleSide
        self.involvesCitizens = involvesCitizens
        self.status = status
        self.createdAt = createdAt
    }
}

extension Problem {
    /// Sets one text; an empty one is removed, as the store leaves it out.
    public mutating func set(_ field: ProblemText, _ text: String) {
        switch field {
        case .question(let q): answers[q] = text.isEmpty ? nil : text
        case .side(let side): triangle[side] = text.isEmpty ? nil : text
        }
    }
}

extension ProblemQuestion: CodingKeyRepresentable {}
extension TriangleSide: CodingKeyRepresentable {}
