// Group work in the problem and activities steps: the facilitator gives
// each group a focus area (Ctrl-G, then the group's number), and each
// group's station works on it (001: "varje grupp tar sig an ett
// fokusområde"). The projector's wall can be turned by the facilitator.

extension RunState {
    /// Each group's focus area in this step: given here, else as given in
    /// the nearest earlier step (the groups that described an area go on
    /// to propose its activities).
    public var groupAreasHere: [Int: Int64] {
        for s in agenda.steps[...stepIndex].reversed() {
            if let areas = meeting.groupAreas[s.id] { return areas }
        }
        return [:]
    }

    /// The focus area the facilitator gave this station's group; nil for
    /// the facilitator, the projector and a group given none.
    public var assignedArea: Int64? {
        guard case .station(let g, _) = role else { return nil }
        return groupAreasHere[g]
    }

    /// The groups given `areaID` in this step, in order.
    public func groups(givenArea areaID: Int64) -> [Int] {
        groupAreasHere.filter { $0.value == areaID }.map(\.key).sorted()
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

    /// The key after Ctrl-G: a group's number gives it the area (in this
    /// step and the ones after it that give none); 0 takes the area back
    /// from every group that has it; any other key is its own again.
    mutating func pickGroup(_ run: inout RunState, key: Key, action: Action?) -> [Effect]? {
        guard let areaID = run.assigningArea else { return nil }
        run.assigningArea = nil
        if case .char(let c) = key, c == "0" || PickKey.index(c) != nil {
            var areas = run.groupAreasHere
            let name = run.data.focusAreas.first { $0.id == areaID }?.name ?? ""
            if c == "0" {
                areas = areas.filter { $0.value != areaID }
                say("\(texts.quote(name)): \(texts[.groupAreaTakenBack])")
            } else {
                let g = PickKey.index(c)! + 1
                guard g <= run.meeting.groupCount else {
                    say("\(texts[.groupAreaNoGroup]) \(c).", error: true)
                    return []
                }
                if areas[g] == areaID {
                    say("\(texts.group(g)) \(texts[.groupAreaAlready]) \(texts.quote(name)).")
                    return []
                }
                areas[g] = areaID
                say("\(texts.group(g)): \(name)")
            }
            return [.setGroupAreas(meetingID: run.meeting.id, stepID: run.step.id, areas: areas)]
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
            let effects = openProblemArea(&run, now)
            if let now { say("\(texts[.groupAreaGiven]): \(run.data.focusAreas.first { $0.id == now }?.name ?? "")", seconds: 10) }
            return effects
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
