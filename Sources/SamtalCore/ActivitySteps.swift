// The activities step (the HOW dialogue's proposals, 001 lines 516-526, and
// activity planning, 815-829): what is to be done, by whom (person and
// organisation), from when until when, how, in which order and after which
// other activities, its priority, focus area, the side of the problem
// triangle it works on, whether its effect comes at once or in the long run,
// and whether citizens take part: every field the analysis workspace's
// activity form has, so that what the room decides needs no second pass.

extension ActivityPart {
    /// The order Tab goes through the parts: as the panel shows them, row
    /// by row (the raw values name drafts and cannot change).
    public static let tabOrder: [ActivityPart] = [.what, .who, .organisation, .from, .to, .how, .sequence, .after]
}

/// What is wrong with an activity's parts, in the interface's language.
struct ActivityPartsError: Error {
    var message: String
}

extension RunState {
    /// The list number (1, 2, …) of each activity of the step, as the list
    /// shows them: what "after" refers to.
    public func activityNumbers() -> [Int64: Int] {
        Dictionary(uniqueKeysWithValues: data.activities.enumerated().map { ($0.element.id, $0.offset + 1) })
    }

    /// An activity's "after" as typed: the list numbers of the activities
    /// of this step it comes after (those of other meetings are not shown
    /// and are kept as they are).
    func afterText(_ a: Activity) -> String {
        let numbers = activityNumbers()
        return a.dependsOn.compactMap { numbers[$0] }.sorted().map(String.init).joined(separator: ", ")
    }

    /// The activity the parts typed make: a new one of this step, or the one
    /// edited with its new parts; or what is wrong with them.
    func activityFromParts(_ what: String, texts t: Texts) -> Result<Activity, ActivityPartsError> {
        let s = activities
        if let problem = PlanDate.problem(start: s.start.trimmedText, end: s.end.trimmedText) {
            return .failure(ActivityPartsError(message: t.periodProblem(problem)))
        }
        let sequenceText = s.sequence.trimmedText
        guard sequenceText.isEmpty || Int(sequenceText).map({ $0 > 0 }) == true else {
            return .failure(ActivityPartsError(message: t.notValid(sequenceText, .activitySequenceNotNumber)))
        }
        var a = s.editing.flatMap { id in data.activities.first { $0.id == id } }
            ?? Activity(id: 0, cycleID: meeting.cycleID, meetingID: meeting.id, stepID: step.id, what: "", createdAt: 0)
        // A station's proposal carries its group.
        if a.id == 0, case .station(let g, _) = role { a.group = g }
        // "1, 3" or "1 3": list numbers, never the activity itself.
        let numbered = data.activities
        var after: [Int64] = []
        for token in s.after.trimmedText.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }) {
            guard let n = Int(token), numbered.indices.contains(n - 1) else {
                return .failure(ActivityPartsError(message: t.notValid(String(token), .activityAfterUnknown)))
            }
            let id = numbered[n - 1].id
            guard id != a.id else { return .failure(ActivityPartsError(message: t[.activityAfterItself])) }
            if !after.contains(id) { after.append(id) }
        }
        let listed = Set(numbered.map(\.id))
        a.dependsOn = a.dependsOn.filter { !listed.contains($0) } + after
        // A loop is said here, where the edit is still on screen, not by the
        // store after the line was freed.
        if a.id != 0, let path = ActivityOrder.cycle(adding: a.dependsOn, to: a.id,
                                                     in: Dictionary(uniqueKeysWithValues: numbered.map { ($0.id, $0.dependsOn) })) {
            let numbers = activityNumbers()
            let shown = path.compactMap { numbers[$0] }.map(String.init).joined(separator: " → ")
            return .failure(ActivityPartsError(message: "\(t[.wsDependencyCycle]): \(shown)"))
        }
        a.what = what
        a.responsible = s.owner.trimmedText
        a.start = s.start.trimmedText
        a.end = s.end.trimmedText
        a.how = s.how.trimmedText
        a.organisation = s.organisation.trimmedText
        a.sequence = Int(sequenceText) ?? 0
        a.priority = s.priority
        a.focusAreaID = s.area
        a.triangleSide = s.side
        a.effectTerm = s.term
        a.involvesCitizens = s.citizens
        return .success(a)
    }

    /// The stored text of each part of an activity, in `ActivityPart` order.
    func partTexts(_ a: Activity) -> [String] {
        [a.what, a.responsible, a.start, a.end, a.how, a.organisation, a.sequence == 0 ? "" : String(a.sequence), afterText(a)]
    }

    /// The sub-fields (every part but what) in `ActivityPart` order.
    static var activitySubfields: [WritableKeyPath<RunState, TextField>] {
        [\.activities.owner, \.activities.start, \.activities.end, \.activities.how, \.activities.organisation,
         \.activities.sequence, \.activities.after]
    }

    /// Empties the parts of a new activity (not its priority or area: the
    /// next one is likely to share them).
    mutating func clearActivityParts() {
        for path in Self.activitySubfields { self[keyPath: path].clear() }
        activities.side = nil
        activities.term = nil
        activities.citizens = false
    }
}

extension AppState {
    mutating func handleActivities(_ run: inout RunState, key: Key, action: Action?) -> [Effect]? {
        if let effects = pickGroup(&run, key: key, action: action) { return effects }
        let q = run.query
        let activities = run.data.activities
        switch action {
        case .assignGroupArea:
            startGroupPick(&run, areaID: run.activities.area)
        case .itemUp:
            run.activities.item = max(0, run.activities.item - 1)
        case .itemDown:
            run.activities.item = max(0, min(activities.count - 1, run.activities.item + 1))
        case .nextActivityField, .previousActivityField:
            let order = ActivityPart.tabOrder
            let i = order.firstIndex(of: run.activities.part)! + (action == .previousActivityField ? -1 : 1)
            run.activities.part = order[(i + order.count) % order.count]
        case .nextPriority:
            run.activities.priority = run.activities.priority.next
        case .nextActivityArea:
            if let given = run.assignedArea, run.activities.editing == nil {
                // A station proposes for the area its group was given.
                say("\(texts[.groupAreaFixed]) \(texts.quote(run.data.focusAreas.first { $0.id == given }?.name ?? "")).", error: true)
                return []
            }
            run.activities.area = Self.next(run.activities.area, in: run.rankedAreas.map(\.id))
        case .nextActivitySide:
            run.activities.side = run.activities.side.map { $0 == TriangleSide.allCases.last ? nil : $0.cycled() } ?? TriangleSide.allCases[0]
        case .nextEffectTerm:
            run.activities.term = run.activities.term.map { $0 == EffectTerm.allCases.last ? nil : $0.cycled() } ?? EffectTerm.allCases[0]
        case .toggleCitizens:
            run.activities.citizens.toggle()
        case .editActivity:
            guard activities.indices.contains(run.activities.item),
                  activities[run.activities.item].id != run.activities.editing else { return [] }
            return startEditing(activities[run.activities.item], &run)
        case .deleteActivity:
            guard activities.indices.contains(run.activities.item) else { return [] }
            dialog = .confirm(.deleteActivity(activities[run.activities.item].id))
        case .cancel:
            // An edit is left as stored; a new activity's text is dropped.
            let names = run.boundAndSubfields.map(\.draftName) + (run.itemMetaDraft.map { [$0] } ?? [])
            run.input.clear()
            for name in names { run.drafts[name] = nil }
            run.activities.editing = nil
            run.activities.part = .what
            forgetDraft(&run)
            // Back to a new activity: what was typed for one comes back
            // (with its side, horizon and citizens), nothing of the edit.
            run.clearActivityParts()
            enterStep(&run)
        case .addItem:
            let what = run.input.trimmedText
            guard !what.isEmpty else {
                if !run.subfieldsEmpty { say(texts[.activityNeedsWhat], error: true) }
                return []
            }
            let activity: Activity
            switch run.activityFromParts(what, texts: texts) {
            case .success(let a): activity = a
            case .failure(let error):
                say(error.message, error: true)
                return []
            }
            let clearing = run.clearing(run.boundAndSubfields, also: run.itemMetaDraft.map { [$0] } ?? [])
            let write: StepWrite = run.activities.editing == nil ? .addActivity(activity) : .updateActivity(activity)
            // The line is free at once: back to a new activity, with what
            // was typed for one before the edit.
            run.input.clear()
            run.clearActivityParts()
            run.activities.editing = nil
            run.activities.part = .what
            enterStep(&run)
            return [.writeStep(write, q, clearing: clearing)]
        case nil:
            // Typed text goes into the part the cursor is on.
            let part = run.activities.part
            let held = !run.input.isEmpty || !run.subfieldsEmpty
            edit(&run[keyPath: part == .what ? \RunState.input : RunState.activitySubfields[part.rawValue - 1]], key)
            // All of it emptied: no longer a draft from before.
            if held, run.input.isEmpty, run.subfieldsEmpty { forgetDraft(&run) }
        default:
            return nil
        }
        return []
    }

    /// F4 on an activity: its parts go into the fields (their drafts, when
    /// an edit of it was left unsaved), and what was typed for a new
    /// activity, or for another being edited, is kept as its draft.
    mutating func startEditing(_ a: Activity, _ run: inout RunState) -> [Effect] {
        let effects = leaveStep(&run)
        run.activities.editing = a.id
        run.activities.priority = a.priority
        run.activities.area = a.focusAreaID
        run.activities.side = a.triangleSide
        run.activities.term = a.effectTerm
        run.activities.citizens = a.involvesCitizens
        run.activities.part = .what
        for ((key, path), stored) in zip(run.subfieldKeys, run.partTexts(a).dropFirst()) {
            run[keyPath: path].set(run.drafts[key.draftName] ?? stored)
        }
        if let name = run.itemMetaDraft, let meta = run.drafts[name] { run.restoreItemMeta(meta) }
        return effects
    }
}
