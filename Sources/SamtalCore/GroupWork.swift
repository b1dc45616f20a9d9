// Group work in the problem and activities steps: the facilitator gives
// each group a focus area (Ctrl-G, then the group's number), and each
// group's station works on it (001: "varje grupp tar sig an ett
// fokusområde"). The projector's wall can be turned by the facilitator.

extension RunState {
    /// The focus area the facilitator gave this station's group; nil for
    /// the facilitator, the projector and a group given none.
    public var assignedArea: Int64? {
        guard case .station(let g, _) = role else { return nil }
        return meeting.groupAreas[g]
    }

    /// The groups given `areaID`, in order.
    public func groups(givenArea areaID: Int64) -> [Int] {
        meeting.groupAreas.filter { $0.value == areaID }.map(\.key).sorted()
    }
}

extension AppState {
    /// Ctrl-G in a problem or activities step: the area shown (problem) or
    /// chosen for new activities waits for the group's number.
    mutating func startGroupPick(_ run: inout RunState, areaID: Int64?) {
        guard let areaID, run.meeting.groupCount > 0 else {
            say(texts[.groupAreaNoArea], error: true)
            return
        }
        run.assigningArea = areaID
        let name = run.data.focusAreas.first { $0.id == areaID }?.name ?? ""
        say(texts.groupAreaPick(area: name, range: PickKey.range(run.meeting.groupCount)), seconds: 30)
    }

    /// The key after Ctrl-G: a group's number gives it the area (again:
    /// takes it back); anything else is its own key again.
    mutating func pickGroup(_ run: inout RunState, key: Key, action: Action?) -> [Effect]? {
        guard let areaID = run.assigningArea else { return nil }
        run.assigningArea = nil
        if case .char(let c) = key, let i = PickKey.index(c) {
            let g = i + 1
            guard g <= run.meeting.groupCount else {
                say("\(texts[.groupAreaNoGroup]) \(c).", error: true)
                return []
            }
            let taken = run.meeting.groupAreas[g] == areaID
            let name = run.data.focusAreas.first { $0.id == areaID }?.name ?? ""
            say(taken ? "\(texts.group(g)): \(texts[.groupAreaTakenBack])" : "\(texts.group(g)): \(name)")
            return [.setGroupArea(meetingID: run.meeting.id, group: g, areaID: taken ? nil : areaID)]
        }
        say(texts[.groupAreaCancelled])
        return action == .cancel ? [] : nil
    }

    /// The facilitator gave this station's group another area: a problem
    /// step writes what was typed and opens the new area's description; an
    /// activities step proposes for it.
    mutating func followAssignedArea(_ run: inout RunState, was: Int64?) -> [Effect] {
        let now = run.assignedArea
        switch run.step.kind {
        case .problem:
            let effects = unbind(&run)
            run.problem.area = now
            run.stepLoaded = false
            run.data.problemFocusAreaID = nil
            run.data.problem = nil
            run.data.whyChain = []
            if let now { say("\(texts[.groupAreaGiven]): \(run.data.focusAreas.first { $0.id == now }?.name ?? "")", seconds: 10) }
            return effects + [.loadStep(run.query)]
        case .activities:
            if run.activities.editing == nil, run.activities.area == was || run.activities.area == nil {
                run.activities.area = now
            }
            return []
        case .present, .collect, .cluster, .vote, .checklist, .rating, .summary, .goals, .followUp:
            return []
        }
    }

    /// Ctrl-E: the projector's wall turns to its next page and stays there
    /// a while.
    mutating func turnWall(_ run: RunState) -> [Effect] {
        say(texts[.wallTurned])
        return [.turnWall(meetingID: run.meeting.id, page: run.meeting.wallCounter(at: now) + 1)]
    }
}
