import Testing
@testable import SamtalCore

/// The facilitator gives each group a focus area; each group's station
/// works on it; the facilitator turns the projector's wall.
@Suite struct GroupWorkTests {
    func opened(_ kind: StepKind, role: RunRole, groupAreas: [Int: Int64] = [:],
                areas: [FocusArea] = [area(5, "Storgatan"), area(6, "Stationen")]) -> AppState {
        let agenda = Agenda(id: "a", version: 1, title: "A", meetingType: .problemAnalysis, source: .police, steps: [
            AgendaStep(id: "tidigare", title: "Tidigare", kind: .collect, minutes: 10),
            AgendaStep(id: "steget", title: "Steget", kind: kind, minutes: 30),
        ])
        var meeting = Meeting(id: 7, cycleID: 2, agendaID: "a", title: "M", groupCount: 2, currentStepIndex: 1, createdAt: 0)
        meeting.groupAreas = ["steget": groupAreas]
        var s = AppState(language: .sv, now: 100)
        _ = s.update(.meetingOpened(OpenedMeeting(meeting: meeting, agenda: agenda, stepSeconds: [:], notes: [], role: role)))
        var data = StepData(stepID: "steget", focusAreas: areas)
        data.problemFocusAreaID = groupAreas[2] ?? 5
        _ = s.update(.stepLoaded(data))
        return s
    }

    @Test("Ctrl-G and a group's number give the area shown to that group; 0 takes it back")
    func theFacilitatorGivesAGroupTheAreaShown() {
        var s = opened(.problem, role: .facilitator)
        #expect(s.update(.key(.ctrl("g"))).isEmpty)
        #expect(s.status?.text.contains("Storgatan") == true)
        #expect(s.update(.key(.char("2"))) == [.setGroupAreas(meetingID: 7, stepID: "steget", areas: [2: 5])])
        // The store answers with the meeting; the facilitator keeps its step.
        var m = Fixtures.run(s).meeting
        m.groupAreas = ["steget": [2: 5]]
        m.currentStepIndex = 0
        #expect(s.update(.meetingFollowed(m, stepSeconds: [:])).isEmpty)
        #expect(Fixtures.run(s).groupAreasHere == [2: 5])
        #expect(Fixtures.run(s).stepIndex == 1)
        // The same group again: it has it already, nothing is taken away.
        _ = s.update(.key(.ctrl("g")))
        #expect(s.update(.key(.char("2"))).isEmpty)
        #expect(s.status?.text.contains("har redan") == true)
        // 0 takes the area back from every group.
        _ = s.update(.key(.ctrl("g")))
        #expect(s.update(.key(.char("0"))) == [.setGroupAreas(meetingID: 7, stepID: "steget", areas: [:])])
        // A group the meeting does not have: said, nothing typed.
        _ = s.update(.key(.ctrl("g")))
        #expect(s.update(.key(.char("3"))).isEmpty)
        #expect(s.status?.isError == true)
        #expect(Fixtures.run(s).input.isEmpty)
    }

    @Test("a key that is no group after Ctrl-G is typed as usual")
    func anotherKeyAfterCtrlGIsTyped() {
        var s = opened(.problem, role: .facilitator)
        _ = s.update(.key(.ctrl("g")))
        #expect(s.update(.key(.char("Å"))).isEmpty)
        #expect(Fixtures.run(s).input.text == "Å")
        #expect(Fixtures.run(s).assigningArea == nil)
    }

    @Test("a station writes the area its group was given, cannot choose another, and follows a new one")
    func aStationFollowsItsGroupsArea() {
        var s = opened(.problem, role: .station(group: 2, name: "Sara"), groupAreas: [2: 6])
        #expect(Fixtures.run(s).query.focusAreaID == 6)
        #expect(s.update(.key(.function(3))).isEmpty)
        #expect(s.status?.text.contains("Stationen") == true)
        #expect(Fixtures.run(s).query.focusAreaID == 6)
        // Typed, then given another area: what was typed is written first.
        for c in "Klotter" { _ = s.update(.key(.char(c))) }
        var m = Fixtures.run(s).meeting
        m.groupAreas = ["steget": [2: 5]]
        let effects = Fixtures.withoutDraftClearing(s.update(.meetingFollowed(m, stepSeconds: [:])))
        // The text goes to the area it was typed for; then the new area loads.
        #expect(effects.contains { if case .writeStep(.setProblemText(6, .question(.what), "Klotter"), _, _) = $0 { true } else { false } })
        #expect(effects.last == .loadStep(Fixtures.run(s).query))
        #expect(Fixtures.run(s).query.focusAreaID == 5)
        #expect(Fixtures.run(s).input.isEmpty)
    }

    @Test("a station proposes activities for its group's area, marked with its group")
    func aStationsActivitiesCarryItsGroupAndArea() {
        var s = opened(.activities, role: .station(group: 1, name: ""), groupAreas: [1: 6])
        #expect(Fixtures.run(s).activities.area == 6)
        for c in "Trygghetsvandring" { _ = s.update(.key(.char(c))) }
        guard case .writeStep(.addActivity(let a), _, _)? = s.update(.key(.enter)).first else { Issue.record("no write"); return }
        #expect(a.group == 1)
        #expect(a.focusAreaID == 6)
        // The facilitator gives the group another area: new proposals follow.
        var m = Fixtures.run(s).meeting
        m.groupAreas = ["steget": [1: 5]]
        _ = s.update(.meetingFollowed(m, stepSeconds: [:]))
        #expect(Fixtures.run(s).activities.area == 5)
        // F7 on the station does not choose another area.
        _ = s.update(.key(.function(7)))
        #expect(Fixtures.run(s).activities.area == 5)
        #expect(s.status?.isError == true)
    }

    @Test("a new activity or goal starts with the area chosen for the promise, else the best ranked, not with none")
    func aNewActivityStartsWithTheCyclesLeadingArea() {
        // The twenty-second walk: the HOW dialogue's first activity was
        // linked to no focus area unless F7 was pressed.
        for kind in [StepKind.activities, .goals] {
            var s = opened(kind, role: .facilitator)
            func current() -> Int64? { kind == .activities ? Fixtures.run(s).activities.area : Fixtures.run(s).goals.area }
            #expect(current() == 5, "\(kind): the best ranked (the first, without votes)")
            // The area chosen for the promise comes first, read again or not.
            var chosen = area(6, "Stationen")
            chosen.leadsToPromise = true
            s = opened(kind, role: .facilitator, areas: [area(5, "Storgatan"), chosen])
            #expect(current() == 6, "\(kind)")
            // Chosen by the facilitator (F7 round to none): a reading keeps it.
            _ = s.update(.key(.function(7)))
            #expect(current() == nil, "\(kind)")
            _ = s.update(.stepLoaded(StepData(stepID: "steget", focusAreas: [area(5, "Storgatan"), chosen])))
            #expect(current() == nil, "\(kind)")
        }
    }

    @Test("the facilitator's activities keep no group; Ctrl-G gives the chosen area")
    func theFacilitatorsActivities() {
        var s = opened(.activities, role: .facilitator)
        _ = s.update(.key(.function(7))) // choose an area for new activities
        let chosen = Fixtures.run(s).activities.area
        _ = s.update(.key(.ctrl("g")))
        #expect(s.update(.key(.char("1"))) == [.setGroupAreas(meetingID: 7, stepID: "steget", areas: [1: chosen!])])
        for c in "Belysning" { _ = s.update(.key(.char(c))) }
        guard case .writeStep(.addActivity(let a), _, _)? = s.update(.key(.enter)).first else { Issue.record("no write"); return }
        #expect(a.group == nil)
    }

    @Test("stations cannot give areas or turn the wall")
    func stationsDoNotGiveAreas() {
        var s = opened(.problem, role: .station(group: 1, name: ""))
        #expect(s.update(.key(.ctrl("g"))).isEmpty)
        #expect(s.update(.key(.ctrl("e"))).isEmpty)
        #expect(Fixtures.run(s).assigningArea == nil)
    }
}

@Suite struct GroupAreasPerStepTests {
    @Test("a step without assignments of its own takes the nearest earlier step's; its own never change an earlier step's")
    func assignmentsCarryForwardOnly() {
        let agenda = Agenda(id: "a", version: 1, title: "A", meetingType: .problemAnalysis, source: .police, steps: [
            AgendaStep(id: "problem", title: "Problem", kind: .problem, minutes: 30),
            AgendaStep(id: "aktiviteter", title: "Aktiviteter", kind: .activities, minutes: 30),
            AgendaStep(id: "mer", title: "Fler aktiviteter", kind: .activities, minutes: 30),
        ])
        var meeting = Meeting(id: 7, cycleID: 2, agendaID: "a", title: "M", groupCount: 2, currentStepIndex: 0, createdAt: 0)
        meeting.groupAreas = ["problem": [1: 5, 2: 6], "mer": [2: 9]]
        var s = AppState(language: .sv, now: 100)
        _ = s.update(.meetingOpened(OpenedMeeting(meeting: meeting, agenda: agenda, stepSeconds: [:], notes: [], role: .station(group: 2, name: ""))))
        var run = Fixtures.run(s)
        #expect(run.assignedArea == 6)
        run.stepIndex = 1
        #expect(run.assignedArea == 6) // carried on from the problem step
        run.stepIndex = 2
        #expect(run.assignedArea == 9)
        run.stepIndex = 0
        #expect(run.groupAreasHere == [1: 5, 2: 6])
    }

    @Test("the stored form keeps each step's areas, and a step that gives none")
    func encoding() {
        let areas: [String: [Int: Int64]] = ["problem": [1: 12, 2: 14], "aktiviteter": [:], "mer-2": [3: 1]]
        #expect(Meeting.decode(groupAreas: Meeting.encode(groupAreas: areas)) == areas)
        #expect(Meeting.decode(groupAreas: "") == [:])
    }
}

@Suite struct WallPageTests {
    @Test("the wall turns every 10 s by itself; a turn holds its page 30 s, then turning goes on")
    func theWallCounter() {
        var m = Meeting(id: 1, cycleID: 1, agendaID: "a", title: "M", createdAt: 0)
        #expect(m.wallCounter(at: 0) == 0)
        #expect(m.wallCounter(at: 25) == 2)
        m.wallPage = 7
        m.wallTurnedAt = 1000
        #expect(m.wallCounter(at: 1000) == 7)
        #expect(m.wallCounter(at: 1029.9) == 7)
        #expect(m.wallCounter(at: 1030) == 8)
        #expect(m.wallCounter(at: 1045) == 9)
    }

    @Test("Ctrl-E turns the wall to the page after the one the room sees; a new step starts on page 1, not held")
    func ctrlETurnsTheWall() {
        var s = Fixtures.running()
        _ = s.update(.tick(now: 1055, today: "x"))
        let seen = Fixtures.run(s).meeting.wallCounter(at: 1055)
        #expect(s.update(.key(.ctrl("e"))) == [.turnWall(meetingID: 7, page: seen + 1)])
        _ = s.update(.key(.pageDown))
        // … and turns by itself after a page's time, not held.
        #expect(Fixtures.run(s).meeting.wallCounter(at: 1055) == 0)
        #expect(Fixtures.run(s).meeting.wallCounter(at: 1065) == 1)
    }
}

/// Two terminals on one field: another terminal's save is never written
/// over without a word.
@Suite struct FieldConflictTests {
    func problemStep(what: String) -> (AppState, StepData) {
        let agenda = Agenda(id: "a", version: 1, title: "A", meetingType: .problemAnalysis, source: .police, steps: [
            AgendaStep(id: "tidigare", title: "Tidigare", kind: .collect, minutes: 10),
            AgendaStep(id: "steget", title: "Problem", kind: .problem, minutes: 30),
        ])
        let meeting = Meeting(id: 7, cycleID: 2, agendaID: "a", title: "M", groupCount: 2, currentStepIndex: 1, createdAt: 0)
        var s = AppState(language: .sv, now: 100)
        _ = s.update(.meetingOpened(OpenedMeeting(meeting: meeting, agenda: agenda, stepSeconds: [:], notes: [])))
        var data = StepData(stepID: "steget", focusAreas: [area(5, "Storgatan")])
        data.problemFocusAreaID = 5
        data.problem = Problem(id: 1, cycleID: 2, focusAreaID: 5, meetingID: 7, stepID: "steget", answers: [.what: what], createdAt: 0)
        _ = s.update(.stepLoaded(data))
        return (s, data)
    }

    func saved(_ data: StepData, what: String) -> StepData {
        var d = data
        d.problem?.answers[.what] = what
        return d
    }

    @Test("untouched here, the field shows what another terminal saved, and moving on writes nothing")
    func untouchedFollows() {
        let (start, data) = problemStep(what: "Buskörning")
        var s = start
        _ = s.update(.stepLoaded(saved(data, what: "Buskörning på Storgatan")))
        #expect(Fixtures.run(s).input.text == "Buskörning på Storgatan")
        // Said, so that what is typed next is not glued on unseen.
        #expect(s.status?.text == "En annan terminal sparade i fältet – det du skriver hamnar efter dess text")
        #expect(s.update(.key(.down)).isEmpty)
    }

    @Test("opened on a field that holds saved text: nothing said (it is not another terminal's doing now)")
    func openedOnSavedText() {
        let (start, _) = problemStep(what: "Buskörning")
        #expect(Fixtures.run(start).input.text == "Buskörning")
        #expect(start.status?.text.contains("annan terminal") != true)
    }

    @Test("typed here while another terminal saved: said at once; Enter asks, Enter again writes over")
    func enterTwiceWritesOver() {
        let (start, data) = problemStep(what: "Buskörning")
        var s = start
        for c in " kvällstid" { _ = s.update(.key(.char(c))) }
        _ = s.update(.stepLoaded(saved(data, what: "Buskörning på Storgatan")))
        #expect(s.status?.isError == true)
        #expect(s.status?.text.contains("”Buskörning på Storgatan”") == true)
        #expect(Fixtures.run(s).input.text == "Buskörning kvällstid") // what was typed stays
        #expect(s.update(.key(.enter)).isEmpty)
        #expect(s.status?.text.contains("Enter igen") == true)
        let effects = Fixtures.withoutDraftClearing(s.update(.key(.enter)))
        #expect(effects.contains { if case .writeStep(.setProblemText(5, .question(.what), "Buskörning kvällstid"), _, _) = $0 { true } else { false } })
    }

    @Test("typed here while another terminal saved, then moved away: kept as the field's draft, not written")
    func leavingKeepsADraft() {
        let (start, data) = problemStep(what: "Buskörning")
        var s = start
        for c in " kvällstid" { _ = s.update(.key(.char(c))) }
        _ = s.update(.stepLoaded(saved(data, what: "Buskörning på Storgatan")))
        let effects = s.update(.key(.down))
        #expect(!effects.contains { if case .writeStep = $0 { true } else { false } })
        #expect(s.status?.text.contains("utkast") == true)
        // Back on the field: the draft is offered, the other's text is stored.
        _ = s.update(.key(.up))
        #expect(Fixtures.run(s).input.text == "Buskörning kvällstid")
        #expect(Fixtures.run(s).restoredDraft)
        #expect(Fixtures.run(s).storedValue(Fixtures.run(s).bound!) == "Buskörning på Storgatan")
    }

    /// The seventeenth walk: a letter typed hid the warning (an error
    /// message goes at the next key), and the next reading brought it
    /// back a second later, again and again.
    @Test("the warning of another terminal's save stays while typing, and goes once Esc has chosen")
    func theWarningStaysWhileTyping() {
        let (start, data) = problemStep(what: "Buskörning")
        var s = start
        for c in " kvällstid" { _ = s.update(.key(.char(c))) }
        _ = s.update(.stepLoaded(saved(data, what: "Buskörning på Storgatan")))
        let warning = s.status?.text
        #expect(warning?.hasPrefix("En annan terminal sparade i fältet medan du skrev") == true)
        for c in " och helger" { _ = s.update(.key(.char(c))) }
        #expect(s.status?.text == warning)
        #expect(Fixtures.run(s).input.text == "Buskörning kvällstid och helger")
        _ = s.update(.key(.escape))
        #expect(s.status == nil)
    }

    @Test("Esc takes the other terminal's text")
    func escTakesTheOther() {
        let (start, data) = problemStep(what: "Buskörning")
        var s = start
        for c in " kvällstid" { _ = s.update(.key(.char(c))) }
        _ = s.update(.stepLoaded(saved(data, what: "Buskörning på Storgatan")))
        _ = s.update(.key(.escape))
        #expect(Fixtures.run(s).input.text == "Buskörning på Storgatan")
        #expect(Fixtures.run(s).fieldConflict == nil)
    }
}
