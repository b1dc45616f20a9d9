// What the facilitator is doing within a step: one state per step kind,
// each owning only its own fields (bubbletea's child models). The input
// line itself is shared and bound to one field at a time (`FieldEditor`);
// the sub-fields of a new summary item or activity live here, in their
// kind's state, so nothing typed in one kind of step can reach another.

/// The interaction state of the step being run.
public enum StepState: Equatable, Sendable {
    case present
    case collect
    case cluster(ClusterState)
    case vote(VoteState)
    case checklist(ChecklistState)
    case rating(RatingState)
    case summary(SummaryState)
    case problem(ProblemState)
    case activities(ActivitiesState)
    case goals(GoalsState)
    case followUp(FollowUpState)

    /// The state of a step of this kind just entered.
    public init(_ kind: StepKind) {
        switch kind {
        case .present: self = .present
        case .collect: self = .collect
        case .cluster: self = .cluster(ClusterState())
        case .vote: self = .vote(VoteState())
        case .checklist: self = .checklist(ChecklistState())
        case .rating: self = .rating(RatingState())
        case .summary: self = .summary(SummaryState())
        case .problem: self = .problem(ProblemState())
        case .activities: self = .activities(ActivitiesState())
        case .goals: self = .goals(GoalsState())
        case .followUp: self = .followUp(FollowUpState())
        }
    }
}

public enum ClusterPane: Sendable, Equatable {
    case notes, areas
}

/// A field of a focus area the input line edits in a cluster step.
public enum AreaField: Equatable, Sendable {
    /// Its name (F4).
    case name
    /// Its target picture, målbild (F5): what the joint work should lead to.
    case targetPicture
    /// The name of a new area split off from it (Ctrl-D), which keeps
    /// where it was proposed.
    case split
}

/// Cluster: the pane in focus, the note and the area selected, an area
/// being merged, and an area whose name or target picture is edited.
public struct ClusterState: Equatable, Sendable {
    public var pane: ClusterPane = .notes
    public var note = 0
    public var area = 0
    public var mergeSource: Int64?
    public var editing: (id: Int64, field: AreaField)?
    /// The note being moved with the area's key (after the move key).
    public var moving: Int64?
    public init() {}

    public static func == (a: ClusterState, b: ClusterState) -> Bool {
        a.pane == b.pane && a.note == b.note && a.area == b.area && a.mergeSource == b.mergeSource
            && a.editing?.id == b.editing?.id && a.editing?.field == b.editing?.field && a.moving == b.moving
    }

}

/// The one-key picks after a prefix key (a focus area after the move
/// key, a group after the give-area key): 1–9, then a–z.
public enum PickKey {
    static let keys = Array("123456789abcdefghijklmnopqrstuvwxyz")

    /// The key of the item at `index`; nil past the 35th.
    public static func key(_ index: Int) -> Character? {
        keys.indices.contains(index) ? keys[index] : nil
    }

    /// The index a key picks (case-insensitive).
    public static func index(_ key: Character) -> Int? {
        keys.firstIndex(of: Character(key.lowercased()))
    }

    /// "1–b": the keys of `count` items.
    public static func range(_ count: Int) -> String {
        let last = key(min(count, keys.count) - 1).map(String.init) ?? "1"
        return count <= 1 ? "1" : "1–\(last)"
    }
}

/// Vote: the row selected (a focus area, or an activity with `on:
/// activities`) and, for votes per group, the group voting.
public struct VoteState: Equatable, Sendable {
    public var row = 0
    public var voter = 1
    public init() {}
}

/// Checklist: the point selected.
public struct ChecklistState: Equatable, Sendable {
    public var item = 0
    public init() {}
}

/// The fields of a rating question: the compiled observations, the
/// comment or action, and a new contribution (003 lines 591-596).
public enum RatingField: Sendable, Equatable, CaseIterable {
    case observations, comment, contribution
}

/// Rating: the question selected, which of its fields is edited, and the
/// organisation new contributions come from (empty: not said).
public struct RatingState: Equatable, Sendable {
    public var item = 0
    public var field: RatingField = .observations
    public var from = ""
    public init() {}
}

/// The parts of a new summary item: what (the input line), who, when.
public enum SummaryPart: Int, Sendable, Equatable, CaseIterable {
    case what, who, when
}

/// The parts of an activity: what (the input line), who, from, to, how,
/// the responsible organisation, its place in the order and the activities
/// it comes after: the text fields the workspace's activity form has. New
/// parts go last: a part's number names its draft in the store.
public enum ActivityPart: Int, Sendable, Equatable, CaseIterable {
    case what, who, from, to, how, organisation, sequence, after
}

extension CaseIterable where Self: Equatable, AllCases == [Self] {
    /// The next (or, with `by: -1`, the previous) case, round the end.
    public func cycled(by delta: Int = 1) -> Self {
        let all = Self.allCases
        let i = all.firstIndex(of: self)!
        return all[((i + delta) % all.count + all.count) % all.count]
    }
}

/// Summary: the item selected, and the kind and parts of the item being
/// typed (who and when belong to a next step only).
public struct SummaryState: Equatable, Sendable {
    public var item = 0
    public var kind: SummaryItemKind = .decision
    public var part: SummaryPart = .what
    public var owner = TextField("", limit: 200)
    public var due = TextField("", limit: 40)
    /// The item being edited (F4); nil: a new one.
    public var editing: Int64?
    /// An item just added: selected whenever a reading holds it, until the
    /// selection is moved.
    public var select: Int64?
    public init() {}
}

/// Problem: the field being edited (index into `ProblemField.all`) and the
/// focus area chosen (nil: the store picks the best ranked).
public struct ProblemState: Equatable, Sendable {
    public var field = 0
    public var area: Int64?
    public init() {}
}

/// Activities: the activity selected, the part being typed, the other
/// parts, the priority, focus area, side of the triangle, effect horizon
/// and citizens' part of the activity, and the activity being edited (nil:
/// a new one).
public struct ActivitiesState: Equatable, Sendable {
    public var item = 0
    public var part: ActivityPart = .what
    public var owner = TextField("", limit: 200)
    public var start = TextField("", limit: 40)
    public var end = TextField("", limit: 40)
    public var how = TextField("", limit: 2000)
    public var organisation = TextField("", limit: 200)
    public var sequence = TextField("", limit: 12)
    public var after = TextField("", limit: 200)
    public var priority: ActivityPriority = .medium
    public var area: Int64?
    public var side: TriangleSide?
    public var term: EffectTerm?
    public var citizens = false
    public var editing: Int64?
    public init() {}
}

/// The parts of a goal: the goal itself (the input line), its indicator,
/// baseline, target value, deadline and who follows it up (001 lines
/// 831-844, 903-907).
public enum GoalPart: Int, Sendable, Equatable, CaseIterable {
    case text, indicator, baseline, target, deadline, owner
}

/// Goals: the goal selected, the part being typed, the other parts, the
/// goal's kind, focus area and whether it is accepted, the activity it
/// serves, and the goal being edited (nil: a new one).
public struct GoalsState: Equatable, Sendable {
    public var item = 0
    public var part: GoalPart = .text
    public var indicator = TextField("", limit: 200)
    public var baseline = TextField("", limit: 200)
    public var target = TextField("", limit: 200)
    public var deadline = TextField("", limit: 40)
    public var owner = TextField("", limit: 200)
    public var kind: GoalKind = .production
    public var area: Int64?
    public var activity: Int64?
    public var accepted = false
    public var editing: Int64?
    public init() {}
}

/// What a follow-up step asks of each activity (001 lines 895-897): how it
/// was carried out (or why not), what it took, its quality, its effect, and
/// the value measured against the effect goal.
public enum FollowUpField: Int, Sendable, Equatable, CaseIterable {
    case how, resources, quality, effect, measured

    /// The follow-up entry's aspect the field is written to.
    public var aspect: FollowUpAspect {
        switch self {
        case .how, .resources: .resource
        case .quality: .performance
        case .effect, .measured: .effect
        }
    }
}

/// Follow-up: the activity selected and which of its fields is edited.
public struct FollowUpState: Equatable, Sendable {
    public var item = 0
    public var field: FollowUpField = .how
    public init() {}
}

extension RunState {
    // One accessor per kind, for the kind's handler and screen. Reading the
    // state of another kind than the step's gives that kind's fresh state;
    // writing it is a programming error.

    public var cluster: ClusterState {
        get { if case .cluster(let s) = stepState { s } else { ClusterState() } }
        set { setState(.cluster(newValue)) }
    }

    public var vote: VoteState {
        get { if case .vote(let s) = stepState { s } else { VoteState() } }
        set { setState(.vote(newValue)) }
    }

    public var checklist: ChecklistState {
        get { if case .checklist(let s) = stepState { s } else { ChecklistState() } }
        set { setState(.checklist(newValue)) }
    }

    public var rating: RatingState {
        get { if case .rating(let s) = stepState { s } else { RatingState() } }
        set { setState(.rating(newValue)) }
    }

    public var summary: SummaryState {
        get { if case .summary(let s) = stepState { s } else { SummaryState() } }
        set { setState(.summary(newValue)) }
    }

    public var problem: ProblemState {
        get { if case .problem(let s) = stepState { s } else { ProblemState() } }
        set { setState(.problem(newValue)) }
    }

    public var activities: ActivitiesState {
        get { if case .activities(let s) = stepState { s } else { ActivitiesState() } }
        set { setState(.activities(newValue)) }
    }

    public var goals: GoalsState {
        get { if case .goals(let s) = stepState { s } else { GoalsState() } }
        set { setState(.goals(newValue)) }
    }

    public var followUp: FollowUpState {
        get { if case .followUp(let s) = stepState { s } else { FollowUpState() } }
        set { setState(.followUp(newValue)) }
    }

    private mutating func setState(_ new: StepState) {
        assert(StepState(step.kind).sameKind(as: new), "a \(new) state written in a \(step.kind) step")
        stepState = new
    }

    /// The item selected in a step of items (checklist and rating
    /// questions, summary items, activities); 0 elsewhere.
    public var selectedItem: Int {
        switch stepState {
        case .checklist(let s): s.item
        case .rating(let s): s.item
        case .summary(let s): s.item
        case .activities(let s): s.item
        case .goals(let s): s.item
        case .followUp(let s): s.item
        case .present, .collect, .cluster, .vote, .problem: 0
        }
    }

    /// Whether the sub-fields of a new summary item or activity are empty.
    public var subfieldsEmpty: Bool {
        switch stepState {
        case .summary(let s): s.owner.isEmpty && s.due.isEmpty
        case .activities(let s): [s.owner, s.start, s.end, s.how, s.organisation, s.sequence, s.after].allSatisfy(\.isEmpty)
        case .goals(let s): [s.indicator, s.baseline, s.target, s.deadline, s.owner].allSatisfy(\.isEmpty)
        case .present, .collect, .cluster, .vote, .checklist, .rating, .problem, .followUp: true
        }
    }
}

extension StepState {
    func sameKind(as other: StepState) -> Bool {
        switch (self, other) {
        case (.present, .present), (.collect, .collect), (.cluster, .cluster), (.vote, .vote),
             (.checklist, .checklist), (.rating, .rating), (.summary, .summary), (.problem, .problem),
             (.activities, .activities), (.goals, .goals), (.followUp, .followUp):
            return true
        case (.present, _), (.collect, _), (.cluster, _), (.vote, _), (.checklist, _), (.rating, _),
             (.summary, _), (.problem, _), (.activities, _), (.goals, _), (.followUp, _):
            return false
        }
    }
}
