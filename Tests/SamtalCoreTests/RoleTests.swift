import Testing
@testable import SamtalCore

@Suite struct FollowingTests {
    func opened(_ role: RunRole) -> AppState {
        var state = AppState(language: .sv, now: 1000)
        _ = state.update(.meetingOpened(OpenedMeeting(meeting: Fixtures.meeting(step: 0), agenda: Fixtures.agenda, stepSeconds: [:],
                                                      notes: [], role: role)))
        return state
    }

    @Test func aStationFollowsTheFacilitatorsStep() {
        var state = opened(.station(group: 2, name: "Sara"))
        #expect(state.keyContext == .station)
        #expect(Fixtures.run(state).group == 2)
        #expect(state.update(.storeChanged) == [.followMeeting(7), .loadStep(Fixtures.run(state).query)])
        var moved = Fixtures.meeting(step: 1)
        moved.currentStepIndex = 1
        let effects = state.update(.meetingFollowed(moved, stepSeconds: ["lagesbild": 40]))
        #expect(Fixtures.run(state).stepIndex == 1)
        #expect(effects == [.loadStep(Fixtures.run(state).query)])
        #expect(Fixtures.run(state).elapsed(now: 1000) == 40)
        // The same step again: nothing to do.
        #expect(state.update(.meetingFollowed(moved, stepSeconds: [:])) == [])
    }

    @Test func aStationCannotMoveStepsOrChangeItsGroup() {
        var state = opened(.station(group: 2, name: ""))
        #expect(state.update(.key(.pageDown)) == [])
        #expect(state.update(.key(.tab)) == [])
        #expect(Fixtures.run(state).group == 2)
        #expect(Fixtures.run(state).stepIndex == 0)
        Fixtures.type("Från stationen", into: &state)
        guard case .saveNote(let draft, _)? = state.update(.key(.enter)).first else { Issue.record("no save"); return }
        #expect(draft.group == 2)
        #expect(!Keymap.bar(for: .station).contains { $0.action == .nextStep })
    }

    @Test("a station where no note can be written says so when a letter is typed, not only on its line")
    func aStationSaysWhyALetterGoesNowhere() {
        var state = opened(.station(group: 2, name: "Erik"))
        var ended = Fixtures.meeting(step: 0)
        ended.status = .finished
        _ = state.update(.meetingFollowed(ended, stepSeconds: [:]))
        #expect(Fixtures.run(state).bound == nil)
        #expect(state.update(.key(.char("T"))) == [])
        #expect(state.status?.text == Texts(.sv)[.meetingEnded] && state.status?.isError == true)
        #expect(Fixtures.run(state).input.isEmpty)
    }

    @Test("each station keeps its drafts under its group and name; an unnamed one, and those before, under its group")
    func eachStationHasItsOwnDrafts() {
        #expect(RunRole.station(group: 2, name: "Åsa").station == "capture-2-Åsa")
        #expect(RunRole.station(group: 2, name: "").station == "capture-2")
        #expect(RunRole.station(group: 2, name: "Åsa").stationBeforeNames == "capture-2")
        #expect(RunRole.station(group: 2, name: "").stationBeforeNames == nil)
        #expect(RunRole.facilitator.station == "run" && RunRole.facilitator.stationBeforeNames == nil)
        #expect(RunRole.projector.station == "present")
    }

    @Test func aStationKeepsItsDraftButNoClock() {
        var state = opened(.station(group: 1, name: ""))
        Fixtures.type("utkast", into: &state)
        let field = "note/\(Fixtures.run(state).step.id)"
        #expect(state.update(.tick(now: 1040, today: "x")) == [.saveDraft(meetingID: 7, station: "capture-1", field: field, text: "utkast"),
                                                               .saveDraft(meetingID: 7, station: "capture-1", field: field + "/meta",
                                                                          text: "1|problem")])
        #expect(state.update(.key(.function(10))) == [.quit])
    }

    /// Found by the fifteenth walk: at the last step a station said to
    /// wait for the next step.
    @Test func aStationInAStepWithoutNotesSaysWhyAndTheLastDoesNotPromiseANext() {
        var state = opened(.station(group: 1, name: "Åsa"))
        let last = Fixtures.agenda.steps.count - 1
        _ = state.update(.meetingFollowed(Fixtures.meeting(step: last), stepSeconds: [:]))
        #expect(Fixtures.run(state).stepIndex == last)
        #expect(Fixtures.run(state).noNotesReason == .lastStepTakesNoNotes)
        #expect(!state.texts[.lastStepTakesNoNotes].contains("nästa steg"))
        // One before it: the next may take notes.
        _ = state.update(.meetingFollowed(Fixtures.meeting(step: 0), stepSeconds: [:]))
        #expect(Fixtures.run(state).noNotesReason == .stepTakesNoNotes)
    }

    /// The nineteenth walk: a station's "this step takes no notes" stayed
    /// after the facilitator moved on to a step that takes them.
    @Test func aStationsNoNotesMessageGoesWhenTheStepChanges() {
        var state = opened(.station(group: 1, name: "Åsa"))
        _ = state.update(.meetingFollowed(Fixtures.meeting(step: 2), stepSeconds: [:]))
        _ = state.update(.key(.char("x")))
        #expect(state.status?.text == state.texts[.lastStepTakesNoNotes])
        _ = state.update(.meetingFollowed(Fixtures.meeting(step: 1), stepSeconds: [:]))
        #expect(state.status == nil)
    }

    @Test func theProjectorOnlyShowsAndQuits() {
        var state = opened(.projector)
        #expect(state.keyContext == .projector)
        for key in [Key.char("x"), .enter, .pageDown, .function(2), .tab] { #expect(state.update(.key(key)) == []) }
        #expect(Fixtures.run(state).input.isEmpty)
        #expect(state.update(.tick(now: 1100, today: "x")) == [])
        #expect(state.update(.key(.char("q"))) == [.quit])
        #expect(Keymap.bar(for: .projector).allSatisfy { $0.context == .projector })
    }

    /// The facilitator reads the meeting again too, but keeps its own step
    /// (and status and clock); it takes the groups' sources and the facts.
    @Test func theFacilitatorDoesNotFollowTheStepButTakesTheRoomsChoices() {
        var state = opened(.facilitator)
        #expect(state.update(.storeChanged) == [.followMeeting(7), .loadStep(Fixtures.run(state).query)])
        var moved = Fixtures.meeting(step: 1)
        moved.groupSources = [2: .municipality]
        moved.title = "Ny rubrik"
        #expect(state.update(.meetingFollowed(moved, stepSeconds: [:])) == [])
        #expect(Fixtures.run(state).stepIndex == 0)
        #expect(Fixtures.run(state).meeting.groupSources == [2: .municipality])
        #expect(Fixtures.run(state).meeting.title == "Ny rubrik")
    }
}
