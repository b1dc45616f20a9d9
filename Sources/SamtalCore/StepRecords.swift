// What the step kinds beyond note capture produce: focus areas (cluster),
// dots (vote), checklist answers, ratings, and summary items.

/// How a focus area is delimited (the method support: a place, a type of
/// crime or disorder, or a group). A new area's type is not chosen until
/// the room chooses it: it was a place by default, and the documents said
/// "(plats)" of a group or a crime type no one had typed (fifteenth walk).
public enum FocusAreaType: String, Codable, Sendable, CaseIterable {
    case unset
    case place
    case crimeType = "crime_type"
    case group

    public var next: FocusAreaType {
        let all = FocusAreaType.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// A candidate or agreed focus area, built from notes. It belongs to the
/// cycle; the meeting and step record where it was made.
public struct FocusArea: Equatable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var cycleID: Int64
    public var meetingID: Int64
    public var stepID: String
    public var name: String
    public var type: FocusAreaType
    public var targetPicture: String
    /// The notes it was built from, in the order they were added.
    public var noteIDs: [Int64]
    /// Chosen to lead to the citizen promise.
    public var leadsToPromise: Bool
    public var createdAt: Timestamp
    /// The meetings that proposed it: the one it was made in, then those of
    /// the areas merged into it, oldest first.
    public var proposedIn: [Int64]

    public init(id: Int64, cycleID: Int64, meetingID: Int64, stepID: String, name: String, type: FocusAreaType = .place,
                targetPicture: String = "", noteIDs: [Int64] = [], leadsToPromise: Bool = false, createdAt: Timestamp,
                proposedIn: [Int64]? = nil) {
        self.id = id
        self.cycleID = cycleID
        self.meetingID = meetingID
        self.stepID = stepID
        self.name = name
        self.type = type
        self.targetPicture = targetPicture
        self.noteIDs = noteIDs
        self.leadsToPromise = leadsToPromise
        self.createdAt = createdAt
        self.proposedIn = proposedIn ?? [meetingID]
    }
}

/// One dot on a focus area. `voter` is the group that placed it (0 when
/// dots are counted per participant and not by group).
public struct Vote: Equatable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var meetingID: Int64
    public var stepID: String
    public var focusAreaID: Int64
    public var voter: Int
    public var createdAt: Timestamp

    public init(id: Int64, meetingID: Int64, stepID: String, focusAreaID: Int64, voter: Int, createdAt: Timestamp) {
        self.id = id
        self.meetingID = meetingID
        self.stepID = stepID
        self.focusAreaID = focusAreaID
        self.voter = voter
        self.createdAt = createdAt
    }
}

/// One dot on an activity (a vote step with `on: activities`: the HOW
/// dialogue's and activity planning's prioritisation, 001 lines 526,
/// 825-829). `voter` as for `Vote`.
public struct ActivityVote: Equatable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var meetingID: Int64
    public var stepID: String
    public var activityID: Int64
    public var voter: Int
    public var createdAt: Timestamp

    public init(id: Int64, meetingID: Int64, stepID: String, activityID: Int64, voter: Int, createdAt: Timestamp) {
        self.id = id
        self.meetingID = meetingID
        self.stepID = stepID
        self.activityID = activityID
        self.voter = voter
        self.createdAt = createdAt
    }
}

/// A place in a ranking; equal counts share a rank ("2=").
public struct Ranked<Item: Equatable & Sendable>: Equatable, Sendable {
    public var item: Item
    public var dots: Int
    public var rank: Int
    public var tied: Bool
}

public typealias RankedFocusArea = Ranked<FocusArea>

extension Ranked where Item == FocusArea {
    public var area: FocusArea { item }
}

public enum Ranking {
    /// The cycle's priority is decided by one meeting, the latest that
    /// voted (the joint meeting, 001 lines 669-672); the dots of the
    /// meetings before it are input to that decision, not added to it.
    /// `votes` are in meeting order (as the store lists a cycle's).
    public static func decisive(_ votes: [Vote]) -> (decisive: [Vote], earlier: [Vote]) {
        guard let deciding = votes.last?.meetingID else { return ([], []) }
        return (votes.filter { $0.meetingID == deciding }, votes.filter { $0.meetingID != deciding })
    }

    /// Dots per focus area.
    public static func count(_ votes: [Vote]) -> [Int64: Int] {
        votes.reduce(into: [:]) { $0[$1.focusAreaID, default: 0] += 1 }
    }

    /// Focus areas by dots, most first; ties share the rank and are marked.
    /// Equal counts keep the areas' creation order.
    public static func rank(_ areas: [FocusArea], votes: [Vote]) -> [RankedFocusArea] {
        rank(areas, counts: votes.reduce(into: [:]) { $0[$1.focusAreaID, default: 0] += 1 })
    }

    /// Activities by dots, the same way.
    public static func rank(_ activities: [Activity], votes: [ActivityVote]) -> [Ranked<Activity>] {
        rank(activities, counts: votes.reduce(into: [:]) { $0[$1.activityID, default: 0] += 1 })
    }

    static func rank<Item: Identifiable<Int64> & Equatable & Sendable>(_ items: [Item], counts: [Int64: Int]) -> [Ranked<Item>] {
        let sorted = items.enumerated().sorted { a, b in
            let ca = counts[a.element.id] ?? 0, cb = counts[b.element.id] ?? 0
            return ca != cb ? ca > cb : a.offset < b.offset
        }.map(\.element)
        var out: [Ranked<Item>] = []
        for (i, item) in sorted.enumerated() {
            let dots = counts[item.id] ?? 0
            let rank = (i > 0 && out[i - 1].dots == dots) ? out[i - 1].rank : i + 1
            out.append(Ranked(item: item, dots: dots, rank: rank, tied: false))
        }
        for i in out.indices {
            out[i].tied = out.filter { $0.rank == out[i].rank }.count > 1
        }
        return out
    }
}

public struct ChecklistAnswer: Equatable, Sendable, Codable {
    public var item: Int
    public var done: Bool
    public var comment: String

    public init(item: Int, done: Bool = false, comment: String = "") {
        self.item = item
        self.done = done
        self.comment = comment
    }
}

/// The scales a rating step can use (the situation-report templates in the
/// seeds: Fagersta rates impact 1–5, Ludvika green/yellow/red).
public enum RatingScale: String, Codable, Sendable, CaseIterable {
    case impact = "impact-1-5"
    case trafficLight = "traffic-light"

    public var values: [String] {
        switch self {
        case .impact: return ["1", "2", "3", "4", "5"]
        case .trafficLight: return ["green", "yellow", "red"]
        }
    }
}

public struct Rating: Equatable, Sendable, Codable {
    public var question: Int
    /// One of the scale's values, or nil when not rated yet.
    public var value: String?
    public var observations: String
    public var comment: String

    public init(question: Int, value: String? = nil, observations: String = "", comment: String = "") {
        self.question = question
        self.value = value
        self.observations = observations
        self.comment = comment
    }
}

/// One contribution to a situation-report question, gathered before the
/// compiled assessment (Ludvika's report, 003 lines 591-596): who brought
/// it (the organisation, from the meeting's participant rows) and what it
/// says.
public struct RatingContribution: Equatable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var meetingID: Int64
    public var stepID: String
    public var question: Int
    /// The organisation that brought it; empty when not said.
    public var from: String
    public var text: String
    public var createdAt: Timestamp

    public init(id: Int64, meetingID: Int64, stepID: String, question: Int, from: String = "", text: String, createdAt: Timestamp) {
        self.id = id
        self.meetingID = meetingID
        self.stepID = stepID
        self.question = question
        self.from = from
        self.text = text
        self.createdAt = createdAt
    }
}

public enum SummaryItemKind: String, Codable, Sendable, CaseIterable {
    case decision
    case nextStep = "next_step"
    case carryForward = "carry_forward"

    public var next: SummaryItemKind {
        let all = SummaryItemKind.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// A decision, a next step (with owner and date), or something that goes on
/// to the next meeting.
extension SummaryItem {
    /// Items as a summary lists them: decisions, next steps, what goes on,
    /// each kind in the order made.
    public static func displayOrder(_ items: [SummaryItem]) -> [SummaryItem] {
        let kinds = SummaryItemKind.allCases
        return items.enumerated().sorted { a, b in
            (kinds.firstIndex(of: a.element.kind)!, a.offset) < (kinds.firstIndex(of: b.element.kind)!, b.offset)
        }.map(\.element)
    }
}

public struct SummaryItem: Equatable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var meetingID: Int64
    public var stepID: String
    public var kind: SummaryItemKind
    public var text: String
    public var owner: String
    public var due: String
    public var createdAt: Timestamp

    public init(id: Int64, meetingID: Int64, stepID: String, kind: SummaryItemKind, text: String, owner: String = "",
                due: String = "", createdAt: Timestamp) {
        self.id = id
        self.meetingID = meetingID
        self.stepID = stepID
        self.kind = kind
        self.text = text
        self.owner = owner
        self.due = due
        self.createdAt = createdAt
    }
}
