// The goals step (activity planning's "Formulera mål", 001 lines 831-844,
// and the HOW dialogue's goals, 496): production, effect and process goals
// of the cycle's plan, each with its indicator, baseline, target value,
// deadline and who follows it up, the activity it serves and whether it is
// accepted, with the SMART check live as it is typed. The goals are the
// plan's own (`Goal`), the same the analysis workspace shows.

extension RunState {
    /// The goal being typed or edited, as the SMART check reads it.
    public var goalDraft: GoalDraft {
        let g = goals
        let kept = g.editing.flatMap { id in data.goals.first { $0.id == id } }?.activityIDs ?? []
        let served = Set(kept + (g.activity.map { [$0] } ?? []))
        return GoalDraft(kind: g.kind, text: input.text, indicator: g.indicator.text, baseline: g.baseline.text, target: g.target.text,
                         deadline: g.deadline.text, owner: g.owner.text, activityCount: served.count, accepted: g.accepted)
    }

    /// The goal the parts typed make: a new one of this meeting's step, or
    /// the one edited with its new parts (the activities it served before
    /// are kept; the one chosen is added).
    func goalFromParts(_ text: String) -> Goal {
        let g = goals
        var goal = g.editing.flatMap { id in data.goals.first { $0.id == id } }
            ?? Goal(id: 0, cycleID: meeting.cycleID, text: "", meetingID: meeting.id, stepID: step.id, createdAt: 0)
        goal.text = text
        goal.kind = g.kind
        goal.indicator = g.indicator.trimmedText
        goal.baseline = g.baseline.trimmedText
        goal.target = g.target.trimmedText
        goal.deadline = g.deadline.trimmedText
        goal.owner = g.owner.trimmedText
        goal.focusAreaID = g.area
        goal.accepted = g.accepted
        if let a = g.activity, !goal.activityIDs.contains(a) { goal.activityIDs.append(a) }
        return goal
    }
}

extension AppState {
    mutating func handleGoals(_ run: inout RunState, key: Key, action: Action?) -> [Effect]? {
        let q = run.query
        let goals = run.data.goals
        switch action {
        case .itemUp:
            run.goals.item = max(0, run.goals.item - 1)
        case .itemDown:
            run.goals.item = max(0, min(goals.count - 1, run.goals.item + 1))
        case .nextGoalField, .previousGoalField:
            run.goals.part = run.goals.part.cycled(by: action == .previousGoalField ? -1 : 1)
        case .nextGoalKind:
            run.goals.kind = run.goals.kind.cycled()
        case .nextGoalArea:
            run.goals.area = Self.next(run.goals.area, in: run.rankedAreas.map(\.id))
        case .nextGoalActivity:
            run.goals.activity = Self.next(run.goals.activity, in: run.data.activities.map(\.id))
        case .toggleGoalAccepted:
            run.goals.accepted.toggle()
        case .editGoal:
            guard goals.indices.contains(run.goals.item), goals[run.goals.item].id != run.goals.editing else { return [] }
            return startEditing(goals[run.goals.item], &run)
        case .deleteGoal:
            guard goals.indices.contains(run.goals.item) else { return [] }
            dialog = .confirm(.deleteGoal(goals[run.goals.item].id))
        case .cancel:
            // An edit is left as stored; a new goal's text is dropped.
            let names = run.boundAndSubfields.map(\.draftName) + (run.itemMetaDraft.map { [$0] } ?? [])
            run.input.clear()
            for name in names { run.drafts[name] = nil }
            let editing = run.goals.editing
            let item = run.goals.item
            run.goals = GoalsState()
            run.goals.item = item // the selection stays where it was
            forgetDraft(&run)
            if editing != nil { enterStep(&run) }
        case .addItem:
            let text = run.input.trimmedText
            guard !text.isEmpty else {
                say(texts[.goalNeedsText], error: true)
                return []
            }
            let clearing = run.clearing(run.boundAndSubfields, also: run.itemMetaDraft.map { [$0] } ?? [])
            let write = StepWrite.saveGoal(run.goalFromParts(text))
            // The line is free at once: back to a new goal, with what was
            // typed for one before the edit.
            run.input.clear()
            let item = run.goals.item
            run.goals = GoalsState()
            run.goals.item = item
            enterStep(&run)
            return [.writeStep(write, q, clearing: clearing)]
        case nil:
            let held = !run.input.isEmpty || !run.subfieldsEmpty
            switch run.goals.part {
            case .text: edit(&run.input, key)
            case .indicator: edit(&run.goals.indicator, key)
            case .baseline: edit(&run.goals.baseline, key)
            case .target: edit(&run.goals.target, key)
            case .deadline: edit(&run.goals.deadline, key)
            case .owner: edit(&run.goals.owner, key)
            }
            if held, run.input.isEmpty, run.subfieldsEmpty { forgetDraft(&run) }
        default:
            return nil
        }
        return []
    }

    /// The next of `ids` after `current`, then none, then the first again.
    static func next<ID: Equatable>(_ current: ID?, in ids: [ID]) -> ID? {
        guard !ids.isEmpty else { return nil }
        guard let current, let i = ids.firstIndex(of: current) else { return ids[0] }
        return i + 1 < ids.count ? ids[i + 1] : nil
    }

    /// F4 on a goal: its parts go into the fields (their drafts, when an
    /// edit of it was left unsaved); what was typed for a new goal is kept
    /// as its draft.
    mutating func startEditing(_ g: Goal, _ run: inout RunState) -> [Effect] {
        let effects = leaveStep(&run)
        run.goals.editing = g.id
        run.goals.kind = g.kind
        run.goals.area = g.focusAreaID
        run.goals.activity = nil
        run.goals.accepted = g.accepted
        run.goals.part = .text
        for ((key, path), stored) in zip(run.subfieldKeys, [g.indicator, g.baseline, g.target, g.deadline, g.owner]) {
            run[keyPath: path].set(run.drafts[key.draftName] ?? stored)
        }
        if let name = run.itemMetaDraft, let meta = run.drafts[name] { run.restoreItemMeta(meta) }
        return effects
    }
}
