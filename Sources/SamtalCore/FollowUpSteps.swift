// The follow-up step (001 lines 893-897, 909): the plan's activities one by
// one, each with how far it has come (done, ongoing, not done and why),
// what it took (money, staff, time), the quality of the work and its
// effect, with the effect goals' baseline and target beside it. What is
// written are the plan's own follow-up entries (`FollowUp`), one per
// activity, aspect and step, and the status of the activity in the plan.

extension ActivityStatus {
    /// The plan's status an activity takes from its follow-up: not done is
    /// still planned (the follow-up entry says why).
    public init(followUp: FollowUpStatus) {
        switch followUp {
        case .done: self = .done
        case .ongoing: self = .ongoing
        case .notDone: self = .planned
        }
    }
}

extension RunState {
    /// This step's follow-up entry of an activity's aspect, if written.
    public func followUpEntry(activity: Int64, _ aspect: FollowUpAspect) -> FollowUp? {
        data.followUps.first { $0.activityID == activity && $0.aspect == aspect }
    }

    /// What this step says of an activity's field ("" when nothing yet).
    public func followUpText(activity: Int64, _ field: FollowUpField) -> String {
        guard let f = followUpEntry(activity: activity, field.aspect) else { return "" }
        switch field {
        case .how, .quality, .effect: return f.why
        case .resources: return f.resources
        case .measured: return f.measuredValue
        }
    }

    /// The status this step gave an activity; nil when not yet. An entry
    /// made by typing, before a status was chosen, has no date: its status
    /// is not an assessment.
    public func followUpStatus(activity: Int64) -> FollowUpStatus? {
        followUpEntry(activity: activity, .resource).flatMap { $0.date.isEmpty ? nil : $0.status }
    }

    /// The entry that stores `text` into an activity's field: this step's
    /// entry of the field's aspect, changed, or a new one.
    func followUpWith(activity: Int64, _ field: FollowUpField, _ text: String) -> FollowUp? {
        guard let a = data.activities.first(where: { $0.id == activity }) else { return nil }
        // Nothing to write where nothing was (a field typed and emptied).
        guard !text.isEmpty || followUpEntry(activity: activity, field.aspect) != nil else { return nil }
        var f = followUpEntry(activity: activity, field.aspect)
            ?? FollowUp(id: 0, cycleID: a.cycleID, activityID: activity, aspect: field.aspect,
                        status: followUpStatus(activity: activity) ?? .ongoing, meetingID: meeting.id, stepID: step.id, createdAt: 0)
        switch field {
        case .how, .quality, .effect: f.why = text
        case .resources: f.resources = text
        case .measured: f.measuredValue = text
        }
        return f
    }
}

extension AppState {
    mutating func handleFollowUp(_ run: inout RunState, key: Key, action: Action?) -> [Effect]? {
        let q = run.query
        let activities = run.data.activities
        // With no plan to follow up there is no field: keys typed go nowhere
        // rather than into a line no one sees.
        guard !activities.isEmpty else { return action == nil ? [] : nil }
        let item = run.followUp.item
        switch action {
        case .itemUp, .itemDown:
            // Moving on saves what was typed (see `rebind`); another
            // activity starts at its first field.
            let next = max(0, min(activities.count - 1, item + (action == .itemUp ? -1 : 1)))
            if next != item { run.followUp.field = .how }
            run.followUp.item = next
        case .nextFollowUpField, .previousFollowUpField:
            run.followUp.field = run.followUp.field.cycled(by: action == .previousFollowUpField ? -1 : 1)
        case .nextFollowUpStatus:
            let id = activities[item].id
            let all = FollowUpStatus.allCases
            let status = run.followUpStatus(activity: id).map { all[(all.firstIndex(of: $0)! + 1) % all.count] } ?? all[0]
            // What is typed is saved first, so the status does not wait for it.
            let date = today.isEmpty ? "–" : today
            return saveBound(&run) + [.writeStep(.setFollowUpStatus(activityID: id, status: status, date: date), q)]
        case .saveField:
            let effects = saveBound(&run)
            // Another terminal's text is in the way: stay until Enter again.
            if run.fieldConflict != nil { return effects }
            // Enter goes on to the next field, as in a form.
            if !effects.isEmpty {
                run.bound = nil
                run.input.clear()
            }
            run.followUp.field = run.followUp.field.cycled()
            return effects
        default:
            return editInput(&run, key: key, action: action)
        }
        return []
    }
}
