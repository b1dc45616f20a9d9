import Testing
@testable import SamtalCore

/// A state running a one-step agenda of the given kind, with data loaded.
func runningStep(_ kind: StepKind, questions: [String] = [], settings: [String: String] = [:], data: StepData? = nil,
                 facts: MethodFacts = MethodFacts()) -> AppState {
    let agenda = Agenda(id: "a", version: 1, title: "A", meetingType: .employeeDialogueWhat, source: .employee, steps: [
        AgendaStep(id: "tidigare", title: "Tidigare", kind: .collect, minutes: 10),
        AgendaStep(id: "steget", title: "Steget", kind: kind, minutes: 20, questions: questions, settings: settings),
    ])
    var meeting = Meeting(id: 7, cycleID: 2, agendaID: "a", title: "M", facts: facts, groupCount: 3, currentStepIndex: 1, createdAt: 0)
    meeting.facts = facts
    var state = AppState(language: .sv, now: 100)
    let effects = state.update(.meetingOpened(OpenedMeeting(meeting: meeting, agenda: agenda, stepSeconds: [:], notes: [])))
    guard case .loadStep(let q)? = effects.first else { fatalError("no load: \(effects)") }
    _ = state.update(.stepLoaded(data ?? StepData(stepID: q.stepID)))
    return state
}

/// A meeting opened at a step of the kind whose records have not been read
/// yet, and the query that reads them.
func openedStep(_ kind: StepKind, settings: [String: String] = [:], role: RunRole = .facilitator) -> (AppState, StepQuery) {
    let agenda = Agenda(id: "a", version: 1, title: "A", meetingType: .employeeDialogueWhat, source: .employee, steps: [
        AgendaStep(id: "tidigare", title: "Tidigare", kind: .collect, minutes: 10),
        AgendaStep(id: "steget", title: "Steget", kind: kind, minutes: 20, settings: settings),
    ])
    let meeting = Meeting(id: 7, cycleID: 2, agendaID: "a", title: "M", groupCount: 3, currentStepIndex: 1, createdAt: 0)
    var state = AppState(language: .sv, now: 100)
    let effects = state.update(.meetingOpened(OpenedMeeting(meeting: meeting, agenda: agenda, stepSeconds: [:], notes: [], role: role)))
    guard case .loadStep(let q)? = effects.first else { fatalError("no load: \(effects)") }
    return (state, q)
}

func writes(_ effects: [Effect]) -> [Effect] {
    effects.filter { if case .writeStep = $0 { true } else { false } }
}

func area(_ id: Int64, _ name: String, notes: [Int64] = []) -> FocusArea {
    FocusArea(id: id, cycleID: 2, meetingID: 7, stepID: "steget", name: name, noteIDs: notes, createdAt: Double(id))
}

func vote(_ id: Int64, area: Int64, voter: Int = 0) -> Vote {
    Vote(id: id, meetingID: 7, stepID: "steget", focusAreaID: area, voter: voter, createdAt: Double(id))
}

@Suite struct ClusterTests {
    let notes = [Fixtures.note(1, "Buskörning vid Storgatan", step: "tidigare"), Fixtures.note(2, "Otrygg gångtunnel", step: "tidigare")]

    @Test func theQueryAsksForTheEarlierStepsNotes() {
        let state = runningStep(.cluster)
        let run = Fixtures.run(state)
        #expect(run.query == StepQuery(meetingID: 7, cycleID: 2, stepID: "steget", kind: .cluster, earlierStepIDs: ["tidigare"]))
        #expect(state.keyContext == .cluster)
    }

    @Test func typingANameAndEnterCreatesAFocusArea() {
        var state = runningStep(.cluster)
        Fixtures.type("Storgatan", into: &state)
        let effects = state.update(.key(.enter))
        #expect(Fixtures.withoutDraftClearing(effects) == [.writeStep(.createFocusArea(name: "Storgatan", type: .unset), Fixtures.run(state).query)])
        // The line clears when the write has committed.
        _ = state.update(.stepWritten(.createFocusArea(name: "Storgatan", type: .place),
                                      StepData(stepID: "steget", focusAreas: [area(5, "Storgatan")])))
        #expect(Fixtures.run(state).input.isEmpty)
        #expect(Fixtures.run(state).cluster.area == 0)
    }

    @Test("an Enter typed after a new area's name, before the store has made it, moves the note into the new area")
    func enterAfterANewAreaWaitsForIt() {
        let storgatan = area(5, "Storgatan"), stationen = area(6, "Stationen")
        var state = runningStep(.cluster, data: StepData(stepID: "steget", sourceNotes: notes, focusAreas: [storgatan]))
        let q = Fixtures.run(state).query
        Fixtures.type("Stationen", into: &state)
        _ = state.update(.key(.enter))
        // Typed ahead (the walk: name, Enter, Enter at once): nothing yet.
        #expect(writes(state.update(.key(.enter))) == [])
        // Once the area is stored, the Enter moves the first note into it.
        let effects = state.update(.stepWritten(.createFocusArea(name: "Stationen", type: .unset),
                                                StepData(stepID: "steget", sourceNotes: notes, focusAreas: [storgatan, stationen])))
        #expect(writes(effects) == [.writeStep(.assignNote(noteID: 1, areaID: 6), q)])
        // And keys act at once again.
        #expect(writes(state.update(.key(.enter))) == [.writeStep(.assignNote(noteID: 2, areaID: 6), q)])
    }

    @Test("a new area listed among others (the joint meeting lists the cycle's by meeting) is the one selected, and the Enter typed after its name moves the note into it")
    func theNewAreaIsSelectedWhereverItIsListed() {
        let storgatan = area(5, "Storgatan"), kniv = area(9, "Kniv och vapen bland unga"), torget = area(12, "Otrygghet vid torget")
        var state = runningStep(.cluster, data: StepData(stepID: "steget", sourceNotes: notes, focusAreas: [storgatan, kniv]))
        let q = Fixtures.run(state).query
        Fixtures.type("Otrygghet vid torget", into: &state)
        _ = state.update(.key(.enter))
        #expect(writes(state.update(.key(.enter))) == [])
        // Stored, it is listed before the last area.
        let effects = state.update(.stepWritten(.createFocusArea(name: "Otrygghet vid torget", type: .unset),
                                                StepData(stepID: "steget", sourceNotes: notes, focusAreas: [storgatan, torget, kniv])))
        #expect(Fixtures.run(state).cluster.area == 1)
        #expect(writes(effects) == [.writeStep(.assignNote(noteID: 1, areaID: 12), q)])
    }

    @Test("keys held for a new area that was not stored act on the step read again")
    func keysHeldForAnAreaThatFailed() {
        let storgatan = area(5, "Storgatan")
        var state = runningStep(.cluster, data: StepData(stepID: "steget", sourceNotes: notes, focusAreas: [storgatan]))
        let q = Fixtures.run(state).query
        Fixtures.type("Stationen", into: &state)
        _ = state.update(.key(.enter))
        #expect(writes(state.update(.key(.enter))) == [])
        #expect(state.update(.failed("disken är full")) == [.loadStep(q)])
        let effects = state.update(.stepLoaded(StepData(stepID: "steget", sourceNotes: notes, focusAreas: [storgatan])))
        #expect(writes(effects) == [.writeStep(.assignNote(noteID: 1, areaID: 5), q)])
    }

    @Test("Enter typed before the notes are read moves the first note once they are, not nothing")
    func enterBeforeTheNotesAreReadWaitsForThem() {
        var (state, q) = openedStep(.cluster)
        #expect(state.update(.key(.enter)) == [])
        let effects = state.update(.stepLoaded(StepData(stepID: "steget", sourceNotes: notes, focusAreas: [area(5, "Storgatan")])))
        #expect(writes(effects) == [.writeStep(.assignNote(noteID: 1, areaID: 5), q)])
    }

    @Test("a reading that may have missed the area just made, arriving after the write's answer, neither takes it away nor the selection off it")
    func aStaleReadingKeepsTheNewAreaSelected() {
        let storgatan = area(5, "Storgatan"), stationen = area(6, "Stationen")
        let before = StepData(stepID: "steget", sourceNotes: notes, focusAreas: [storgatan])
        let after = StepData(stepID: "steget", sourceNotes: notes, focusAreas: [storgatan, stationen])
        let create = StepWrite.createFocusArea(name: "Stationen", type: .place)
        // Asked before the write (another commit seen), and asked while it is
        // on its way: both answered after the write's answer, without it.
        for askedWhileWriting in [false, true] {
            var state = runningStep(.cluster, data: before)
            if !askedWhileWriting { #expect(state.update(.storeChanged).contains(.loadStep(Fixtures.run(state).query))) }
            Fixtures.type("Stationen", into: &state)
            #expect(writes(state.update(.key(.enter))).count == 1)
            if askedWhileWriting { #expect(state.update(.storeChanged).contains(.loadStep(Fixtures.run(state).query))) }
            _ = state.update(.stepWritten(create, after))
            #expect(Fixtures.run(state).cluster.area == 1)
            // Not shown; asked again (another terminal's commit since the
            // write's answer would be in it).
            #expect(state.update(.stepLoaded(before)).contains(.loadStep(Fixtures.run(state).query)))
            #expect(Fixtures.run(state).data.focusAreas.map(\.name) == ["Storgatan", "Stationen"])
            #expect(Fixtures.run(state).cluster.area == 1)
            // Enter moves the selected note into the area just made.
            #expect(writes(state.update(.key(.enter))) == [.writeStep(.assignNote(noteID: 1, areaID: 6), Fixtures.run(state).query)])
            // The reading asked again, asked while that move is on its way,
            // is asked once more; the move's answer is shown.
            _ = state.update(.stepWritten(.assignNote(noteID: 1, areaID: 6), after))
            #expect(state.update(.stepLoaded(after)).contains(.loadStep(Fixtures.run(state).query)))
            _ = state.update(.stepLoaded(after))
            #expect(Fixtures.run(state).cluster.area == 1)
        }
        // A reading asked once the write is answered is taken.
        var state = runningStep(.cluster, data: before)
        Fixtures.type("Stationen", into: &state)
        _ = state.update(.key(.enter))
        _ = state.update(.stepWritten(create, after))
        _ = state.update(.storeChanged)
        _ = state.update(.stepLoaded(StepData(stepID: "steget", sourceNotes: notes, focusAreas: [storgatan, stationen, area(7, "Centrum")])))
        #expect(Fixtures.run(state).data.focusAreas.count == 3)
        // A failed reading counts as answered: the next one is taken.
        _ = state.update(.storeChanged)
        _ = state.update(.stepNotLoaded("disk I/O error"))
        _ = state.update(.storeChanged)
        _ = state.update(.stepLoaded(after))
        #expect(Fixtures.run(state).data.focusAreas.count == 2)
    }

    @Test func enterWithoutTextMovesTheSelectedNoteIntoTheSelectedArea() {
        var state = runningStep(.cluster, data: StepData(stepID: "steget", sourceNotes: notes,
                                                         focusAreas: [area(5, "Storgatan"), area(6, "Stationen")]))
        _ = state.update(.key(.tab))
        _ = state.update(.key(.down))
        _ = state.update(.key(.tab))
        _ = state.update(.key(.down))
        let effects = state.update(.key(.enter))
        #expect(effects == [.writeStep(.assignNote(noteID: 2, areaID: 6), Fixtures.run(state).query)])
    }

    /// The sixteenth walk: the area chosen in its list, Enter there did
    /// nothing.
    @Test func enterInTheAreasListMovesTheMarkedNoteIntoTheMarkedArea() {
        var state = runningStep(.cluster, data: StepData(stepID: "steget", sourceNotes: notes,
                                                         focusAreas: [area(5, "Storgatan"), area(6, "Stationen")]))
        _ = state.update(.key(.down)) // note 2 marked in the notes' list
        _ = state.update(.key(.tab)) // to the areas' list
        _ = state.update(.key(.down)) // Stationen
        #expect(Fixtures.run(state).cluster.pane == .areas)
        let effects = state.update(.key(.enter))
        #expect(effects == [.writeStep(.assignNote(noteID: 2, areaID: 6), Fixtures.run(state).query)])
    }

    @Test func ctrlFAndTheAreasKeyMovesTheSelectedNoteThere() {
        let areas = (0..<11).map { area(Int64(10 + $0), "Område \($0 + 1)") }
        var state = runningStep(.cluster, data: StepData(stepID: "steget", sourceNotes: notes, focusAreas: areas))
        let q = Fixtures.run(state).query
        // The selected list is the notes'; the areas pane has focus nowhere.
        #expect(state.update(.key(.ctrl("f"))).isEmpty)
        #expect(state.status?.text.contains("1–b") == true)
        #expect(state.update(.key(.char("3"))) == [.writeStep(.assignNote(noteID: 1, areaID: 12), q)])
        // The next note is selected; "b" is the 11th area.
        #expect(Fixtures.run(state).cluster.note == 1)
        _ = state.update(.key(.ctrl("f")))
        #expect(state.update(.key(.char("B"))) == [.writeStep(.assignNote(noteID: 2, areaID: 20), q)])
        #expect(Fixtures.run(state).input.isEmpty)
    }

    @Test func aKeyThatIsNoAreaAfterCtrlFIsTypedAndNothingMoves() {
        var state = runningStep(.cluster, data: StepData(stepID: "steget", sourceNotes: notes,
                                                         focusAreas: [area(5, "Storgatan"), area(6, "Stationen")]))
        _ = state.update(.key(.ctrl("f")))
        // "7" names no area: said, nothing moved, nothing typed.
        #expect(state.update(.key(.char("7"))).isEmpty)
        #expect(state.status?.isError == true)
        #expect(Fixtures.run(state).input.isEmpty)
        // A letter past the areas' keys is no pick either; "Ö" is text.
        _ = state.update(.key(.ctrl("f")))
        #expect(state.update(.key(.char("Ö"))).isEmpty)
        #expect(Fixtures.run(state).input.text == "Ö")
        #expect(Fixtures.run(state).cluster.moving == nil)
        // Esc after Ctrl-F cancels the move and keeps the line.
        _ = state.update(.key(.ctrl("f")))
        #expect(state.update(.key(.escape)).isEmpty)
        #expect(Fixtures.run(state).input.text == "Ö")
    }

    @Test func typeRenameAndDelete() {
        var state = runningStep(.cluster, data: StepData(stepID: "steget", sourceNotes: notes, focusAreas: [area(5, "Storgatan", notes: [1])]))
        let q = Fixtures.run(state).query
        #expect(state.update(.key(.function(3))) == [.writeStep(.setFocusAreaType(id: 5, type: .crimeType), q)])
        _ = state.update(.key(.function(4)))
        #expect(Fixtures.run(state).input.text == "Storgatan")
        _ = state.update(.key(.ctrl("u")))
        Fixtures.type("Storgatan kvällstid", into: &state)
        #expect(Fixtures.withoutDraftClearing(state.update(.key(.enter))) == [.writeStep(.renameFocusArea(id: 5, name: "Storgatan kvällstid"), q)])
        // F8 on a grouped note takes it out of its area.
        #expect(state.update(.key(.function(8))) == [.writeStep(.assignNote(noteID: 1, areaID: nil), q)])
        // F8 on an area asks first.
        _ = state.update(.key(.tab))
        #expect(state.update(.key(.function(8))) == [])
        #expect(state.dialog == .confirm(.deleteFocusArea(5)))
        #expect(state.update(.key(.char("j"))) == [.writeStep(.deleteFocusArea(id: 5), q)])
    }

    @Test func mergeTakesTwoPresses() {
        var state = runningStep(.cluster, data: StepData(stepID: "steget", focusAreas: [area(5, "Storgatan"), area(6, "Storgatan väst")]))
        let q = Fixtures.run(state).query
        _ = state.update(.key(.tab))
        _ = state.update(.key(.down))
        #expect(state.update(.key(.function(7))) == [])
        #expect(Fixtures.run(state).cluster.mergeSource == 6)
        _ = state.update(.key(.up))
        #expect(state.update(.key(.function(7))) == [.writeStep(.mergeFocusArea(from: 6, into: 5), q)])
    }

    @Test("a merge waiting for its target is given up by another command: an area made after F7 does not leave the next F7 merging")
    func aWaitingMergeIsGivenUpByAnotherCommand() {
        var state = runningStep(.cluster, data: StepData(stepID: "steget", focusAreas: [area(5, "Storgatan"), area(6, "Hagaparken")]))
        let q = Fixtures.run(state).query
        _ = state.update(.key(.tab))
        _ = state.update(.key(.down))
        #expect(state.update(.key(.function(7))) == [])
        Fixtures.type("Bostadsområdet Bäckby", into: &state)
        #expect(Fixtures.withoutDraftClearing(state.update(.key(.enter))) == [.writeStep(.createFocusArea(name: "Bostadsområdet Bäckby", type: .unset), q)])
        #expect(Fixtures.run(state).cluster.mergeSource == nil)
        #expect(state.status?.text == Texts(.sv)[.clusterMergeCancelled])
        // Stored, the new area is selected (keys wait for it); F7 now
        // starts a merge of its own, from the area above it; nothing is merged.
        _ = state.update(.stepWritten(.createFocusArea(name: "Bostadsområdet Bäckby", type: .unset),
                                      StepData(stepID: "steget", focusAreas: [area(5, "Storgatan"), area(6, "Hagaparken"),
                                                                              area(7, "Bostadsområdet Bäckby")])))
        _ = state.update(.key(.up))
        #expect(state.update(.key(.function(7))) == [])
        #expect(Fixtures.run(state).cluster.mergeSource == 6)
    }

    @Test func ctrlDSplitsTheSelectedAreaUnderTheNameTyped() {
        var state = runningStep(.cluster, data: StepData(stepID: "steget", focusAreas: [area(5, "Centrum"), area(6, "Stationen")]))
        let q = Fixtures.run(state).query
        _ = state.update(.key(.tab)) // the areas; Centrum selected
        _ = state.update(.key(.ctrl("d")))
        #expect(Fixtures.run(state).bound == .splitArea(from: 5))
        Fixtures.type("Busstorget", into: &state)
        #expect(Fixtures.withoutDraftClearing(state.update(.key(.enter))) == [.writeStep(.splitFocusArea(from: 5, name: "Busstorget"), q)])
        #expect(Fixtures.run(state).cluster.editing == nil && Fixtures.run(state).input.isEmpty)
    }

    @Test func noteKeysOfTheRunScreenDoNotApply() {
        #expect(Keymap.action(for: .function(3), in: .cluster) == .nextAreaType)
        #expect(Keymap.action(for: .enter, in: .checklist) == .saveField) // Enter is an action of the step's own keymap
        #expect(Keymap.action(for: .pageDown, in: .cluster) == .nextStep)
        #expect(!Keymap.bar(for: .vote).contains { $0.action == .nextNoteType })
        #expect(Keymap.bar(for: .vote).last?.action == .quit)
    }
}

@Suite struct VoteTests {
    let areas = [area(5, "Storgatan"), area(6, "Stationen"), area(7, "Centrum")]

    @Test func dotsGoToTheSelectedAreaAndUndoTakesTheLast() {
        var state = runningStep(.vote, settings: ["dots": "3"], data: StepData(stepID: "steget", focusAreas: areas))
        let q = Fixtures.run(state).query
        _ = state.update(.key(.down))
        #expect(state.update(.key(.enter)) == [.writeStep(.addVote(areaID: 6, voter: 0), q)])
        #expect(state.update(.key(.char("+"))) == [.writeStep(.addVote(areaID: 6, voter: 0), q)])
        #expect(state.update(.key(.backspace)) == [.writeStep(.undoVote(voter: nil), q)])
        #expect(state.update(.key(.char("x"))) == [])
    }

    @Test("keys typed before the areas are read act on them once they are: ↓ Enter is a dot on the second, not lost on an empty list")
    func keysBeforeTheAreasAreReadWaitForThem() {
        var (state, q) = openedStep(.vote, settings: ["dots": "3"])
        for key: Key in [.down, .enter, .enter, .up, .enter] { #expect(state.update(.key(key)) == []) }
        let effects = state.update(.stepLoaded(StepData(stepID: "steget", focusAreas: areas)))
        #expect(writes(effects) == [.writeStep(.addVote(areaID: 6, voter: 0), q), .writeStep(.addVote(areaID: 6, voter: 0), q),
                                    .writeStep(.addVote(areaID: 5, voter: 0), q)])
        // Each dot is shown once, and the answers bring the store's truth.
        #expect(Fixtures.run(state).data.votes.map(\.focusAreaID) == [6, 6, 5])
        let stored = StepData(stepID: "steget", focusAreas: areas, votes: [vote(1, area: 6), vote(2, area: 6), vote(3, area: 5)])
        for write in [StepWrite.addVote(areaID: 6, voter: 0), .addVote(areaID: 6, voter: 0), .addVote(areaID: 5, voter: 0)] {
            _ = state.update(.stepWritten(write, stored))
        }
        _ = state.update(.storeChanged)
        let more = StepData(stepID: "steget", focusAreas: areas, votes: stored.votes + [vote(4, area: 7)])
        _ = state.update(.stepLoaded(more))
        #expect(Fixtures.run(state).data.votes.map(\.id) == [1, 2, 3, 4])
        // A station's dots for its group, the same.
        var (station, sq) = openedStep(.vote, settings: ["dots": "3", "per": "group"], role: .station(group: 2, name: "Sara"))
        #expect(station.update(.key(.down)) == [])
        #expect(station.update(.key(.enter)) == [])
        #expect(writes(station.update(.stepLoaded(StepData(stepID: "steget", focusAreas: areas)))) == [.writeStep(.addVote(areaID: 6, voter: 2), sq)])
        // Keys held for a step the facilitator then leaves are not applied to the next.
        var (left, _) = openedStep(.vote, settings: ["dots": "3", "per": "group"], role: .station(group: 2, name: "Sara"))
        _ = left.update(.key(.enter))
        var moved = Meeting(id: 7, cycleID: 2, agendaID: "a", title: "M", groupCount: 3, currentStepIndex: 0, createdAt: 0)
        moved.status = .running
        _ = left.update(.meetingFollowed(moved, stepSeconds: [:]))
        #expect(writes(left.update(.stepLoaded(StepData(stepID: "tidigare")))) == [])
        #expect(Fixtures.run(left).heldKeys.isEmpty)
    }

    @Test func aVoteOnActivitiesPutsTheDotsOnTheActivitiesNotTheAreas() {
        var data = StepData(stepID: "steget", focusAreas: areas)
        data.activities = [Activity(id: 40, cycleID: 1, meetingID: 1, stepID: "hur", what: "Trygghetsvandring", createdAt: 1),
                           Activity(id: 41, cycleID: 1, meetingID: 1, stepID: "hur", what: "Belysning i tunneln", createdAt: 2)]
        var state = runningStep(.vote, settings: ["dots": "1", "per": "group", "on": "activities"], data: data)
        let q = Fixtures.run(state).query
        #expect(q.votesOnActivities)
        _ = state.update(.key(.down))
        #expect(state.update(.key(.enter)) == [.writeStep(.addActivityVote(activityID: 41, voter: 1), q)])
        // The dot is counted against the group's budget at once.
        #expect(Fixtures.run(state).data.activityVotes.map(\.activityID) == [41])
        #expect(Fixtures.run(state).dotsLeft == 0)
        #expect(state.update(.key(.enter)) == [])
        _ = state.update(.key(.down))
        #expect(Fixtures.run(state).vote.row == 1) // two activities, not three areas
        #expect(state.update(.key(.backspace)) == [.writeStep(.undoVote(voter: 1), q)])
        #expect(Fixtures.run(state).data.activityVotes.isEmpty)
    }

    @Test func perParticipantBudgetCountsTheHeadCount() {
        let facts = MethodFacts(participants: [ParticipantRow(organisationRole: "Ingripande", headCount: 2)])
        var state = runningStep(.vote, settings: ["dots": "2"], data: StepData(stepID: "steget", focusAreas: areas,
                                                                               votes: (1...4).map { vote(Int64($0), area: 5) }), facts: facts)
        #expect(Fixtures.run(state).dotsLeft == 0)
        #expect(state.update(.key(.enter)) == [])
        #expect(state.status?.isError == true)
    }

    @Test func perGroupBudgetAndTabChangesTheVoter() {
        var state = runningStep(.vote, settings: ["dots": "1", "per": "group"],
                                data: StepData(stepID: "steget", focusAreas: areas, votes: [vote(1, area: 5, voter: 1)]))
        let q = Fixtures.run(state).query
        #expect(Fixtures.run(state).dotsLeft == 0)
        #expect(state.update(.key(.enter)) == [])
        _ = state.update(.key(.tab))
        #expect(Fixtures.run(state).vote.voter == 2)
        #expect(state.update(.key(.enter)) == [.writeStep(.addVote(areaID: 5, voter: 2), q)])
        #expect(state.update(.key(.backspace)) == [.writeStep(.undoVote(voter: 2), q)])
        _ = state.update(.key(.backTab))
        _ = state.update(.key(.backTab))
        #expect(Fixtures.run(state).vote.voter == 3)
    }

    @Test func rankingSharesPlacesOnTies() {
        let ranked = Ranking.rank(areas, votes: [vote(1, area: 6), vote(2, area: 6), vote(3, area: 5), vote(4, area: 7)])
        #expect(ranked.map(\.area.name) == ["Stationen", "Storgatan", "Centrum"])
        #expect(ranked.map(\.rank) == [1, 2, 2])
        #expect(ranked.map(\.tied) == [false, true, true])
        #expect(Ranking.rank(areas, votes: []).map(\.rank) == [1, 1, 1])
    }
}

@Suite struct ChecklistAndRatingTests {
    let items = ["Ansvarig", "Syfte och mål", "Målgrupp"]

    @Test func checklistTogglesAndComments() {
        var state = runningStep(.checklist, questions: items)
        let q = Fixtures.run(state).query
        #expect(Fixtures.withoutDraftClearing(state.update(.key(.function(3)))) == [.writeStep(.setChecklistAnswer(ChecklistAnswer(item: 0, done: true)), q)])
        Fixtures.type("Kommunpolisen", into: &state)
        // The tick is shown at once, so the comment's save keeps it.
        #expect(Fixtures.withoutDraftClearing(state.update(.key(.enter))) == [.writeStep(.setChecklistAnswer(ChecklistAnswer(item: 0, done: true, comment: "Kommunpolisen")), q)])
    }

    @Test func movingOnSavesWhatWasTyped() {
        var state = runningStep(.checklist, questions: items,
                                data: StepData(stepID: "steget", checklist: [ChecklistAnswer(item: 1, done: true, comment: "Klart")]))
        let q = Fixtures.run(state).query
        Fixtures.type("Anna", into: &state)
        #expect(Fixtures.withoutDraftClearing(state.update(.key(.down))) == [.writeStep(.setChecklistAnswer(ChecklistAnswer(item: 0, comment: "Anna")), q)])
        // The next item's comment is offered for editing.
        #expect(Fixtures.run(state).input.text == "Klart")
    }

    @Test func ratingCyclesTheScaleAndKeepsTwoTexts() {
        var state = runningStep(.rating, questions: ["Ordningsstörningar"], settings: ["scale": "traffic-light"])
        let q = Fixtures.run(state).query
        #expect(Fixtures.withoutDraftClearing(state.update(.key(.function(3)))) == [.writeStep(.setRating(Rating(question: 0, value: "green")), q)])
        _ = state.update(.stepWritten(.setRating(Rating(question: 0, value: "green")),
                                      StepData(stepID: "steget", ratings: [Rating(question: 0, value: "green")])))
        #expect(Fixtures.withoutDraftClearing(state.update(.key(.function(5)))) == [.writeStep(.setRating(Rating(question: 0, value: nil)), q)])
        #expect(Fixtures.withoutDraftClearing(state.update(.key(.function(3)))) == [.writeStep(.setRating(Rating(question: 0, value: "green")), q)])
        Fixtures.type("Nedskräpning i parken", into: &state)
        // F5 and F3 are shown at once: the value the next write keeps is
        // the one on screen, though the store has not answered yet.
        #expect(Fixtures.withoutDraftClearing(state.update(.key(.enter))) == [.writeStep(.setRating(Rating(question: 0, value: "green", observations: "Nedskräpning i parken")), q)])
        _ = state.update(.stepWritten(.setRating(Rating(question: 0, value: nil)), StepData(stepID: "steget", ratings: [Rating(question: 0)])))
        #expect(Fixtures.run(state).rating(0).value == "green") // an older answer does not undo what is on its way
        _ = state.update(.stepWritten(.setRating(Rating(question: 0, value: "green")),
                                      StepData(stepID: "steget", ratings: [Rating(question: 0, value: "green")])))
        _ = state.update(.stepWritten(.setRating(Rating(question: 0, value: "green", observations: "Nedskräpning i parken")),
                                      StepData(stepID: "steget", ratings: [Rating(question: 0, value: "green", observations: "Nedskräpning i parken")])))
        _ = state.update(.key(.tab))
        #expect(Fixtures.run(state).rating.field == .comment)
        #expect(Fixtures.run(state).input.isEmpty)
        Fixtures.type("Fler papperskorgar", into: &state)
        #expect(Fixtures.withoutDraftClearing(state.update(.key(.enter))) == [.writeStep(.setRating(Rating(question: 0, value: "green", observations: "Nedskräpning i parken",
                                                                                comment: "Fler papperskorgar")), q)])
    }

    @Test func severalContributionsFromTheOrganisationsBeforeTheCompiledAssessment() {
        let facts = MethodFacts(participants: [ParticipantRow(organisationRole: "Socialtjänsten", headCount: 1, kind: .municipality),
                                               ParticipantRow(organisationRole: "Polisen", headCount: 2, kind: .police),
                                               ParticipantRow(organisationRole: "Socialtjänsten", headCount: 1)])
        var state = runningStep(.rating, questions: ["Ordningsstörningar", "Rasism"], settings: ["scale": "traffic-light"], facts: facts)
        let q = Fixtures.run(state).query
        #expect(Fixtures.run(state).contributors == ["Socialtjänsten", "Polisen"])
        _ = state.update(.key(.tab))
        _ = state.update(.key(.tab))
        #expect(Fixtures.run(state).rating.field == .contribution)
        _ = state.update(.key(.function(7)))
        _ = state.update(.key(.function(7)))
        #expect(Fixtures.run(state).rating.from == "Polisen")
        // The organisation is kept beside what is typed: it comes back after a restart.
        var run = Fixtures.run(state)
        #expect(run.pendingDrafts().contains(.saveDraft(meetingID: 7, station: run.station, field: "rating/steget/from", text: "Polisen")))
        var fresh = Fixtures.run(runningStep(.rating, questions: ["Ordningsstörningar"], settings: ["scale": "traffic-light"], facts: facts))
        fresh.restoreItemMeta("Polisen")
        #expect(fresh.rating.from == "Polisen")
        Fixtures.type("Buskörning med mopeder vid skolan", into: &state)
        // A value chosen meanwhile leaves the contribution on the line.
        #expect(Fixtures.withoutDraftClearing(state.update(.key(.function(3)))) == [.writeStep(.setRating(Rating(question: 0, value: "green")), q)])
        #expect(Fixtures.run(state).input.text == "Buskörning med mopeder vid skolan")
        #expect(Fixtures.withoutDraftClearing(state.update(.key(.enter)))
                == [.writeStep(.addContribution(question: 0, from: "Polisen", text: "Buskörning med mopeder vid skolan"), q)])
        #expect(Fixtures.run(state).input.isEmpty)
        // Shown at once, before the store answers; a second one follows.
        #expect(Fixtures.run(state).data.contributions.map(\.text) == ["Buskörning med mopeder vid skolan"])
        _ = state.update(.key(.function(7))) // past the last: from no one named
        #expect(Fixtures.run(state).rating.from == "")
        Fixtures.type("Klotter", into: &state)
        _ = state.update(.key(.enter))
        let stored = [RatingContribution(id: 8, meetingID: 7, stepID: "steget", question: 0, from: "Polisen", text: "Buskörning med mopeder vid skolan", createdAt: 1),
                      RatingContribution(id: 9, meetingID: 7, stepID: "steget", question: 0, text: "Klotter", createdAt: 2)]
        var data = StepData(stepID: "steget")
        data.contributions = stored
        // Until the store has answered, the latest has no id: nothing (and
        // not an older one) is offered for deletion.
        _ = state.update(.key(.function(8)))
        #expect(state.dialog == nil)
        #expect(state.status?.text == "Bidraget sparas ännu; tryck igen om en stund.")
        var first = data
        first.contributions = []
        first.ratings = [Rating(question: 0, value: "green")]
        _ = state.update(.stepWritten(.setRating(Rating(question: 0, value: "green")), first))
        first.contributions = [stored[0]]
        _ = state.update(.stepWritten(.addContribution(question: 0, from: "Polisen", text: "Buskörning med mopeder vid skolan"), first))
        data.ratings = first.ratings
        _ = state.update(.stepWritten(.addContribution(question: 0, from: "", text: "Klotter"), data))
        _ = state.update(.key(.function(8)))
        #expect(state.dialog == .confirm(.deleteContribution(9)))
        #expect(Fixtures.withoutDraftClearing(state.update(.key(.char("j")))) == [.writeStep(.deleteContribution(id: 9), q)])
        // Another question has none to delete.
        _ = state.update(.key(.down))
        _ = state.update(.key(.function(8)))
        #expect(state.dialog == nil)
    }

    @Test func impactScaleHasFiveSteps() {
        #expect(RatingScale.impact.values == ["1", "2", "3", "4", "5"])
        let run = Fixtures.run(runningStep(.rating, questions: ["x"], settings: ["scale": "impact-1-5"]))
        #expect(run.ratingScale == .impact)
    }
}

@Suite struct SummaryTests {
    @Test func decisionsNextStepsAndWhatGoesOn() {
        var state = runningStep(.summary)
        let q = Fixtures.run(state).query
        Fixtures.type("Storgatan blir fokusområde", into: &state)
        #expect(Fixtures.withoutDraftClearing(state.update(.key(.enter))) == [.writeStep(.addSummaryItem(kind: .decision, text: "Storgatan blir fokusområde", owner: "", due: ""), q)])
        _ = state.update(.stepWritten(.addSummaryItem(kind: .decision, text: "x", owner: "", due: ""), StepData(stepID: "steget")))
        _ = state.update(.key(.function(3)))
        #expect(Fixtures.run(state).summary.kind == .nextStep)
        Fixtures.type("Återkoppla på APT", into: &state)
        _ = state.update(.key(.tab))
        Fixtures.type("Anna", into: &state)
        _ = state.update(.key(.tab))
        Fixtures.type("2027-01-15", into: &state)
        #expect(Fixtures.withoutDraftClearing(state.update(.key(.enter))) == [.writeStep(.addSummaryItem(kind: .nextStep, text: "Återkoppla på APT", owner: "Anna",
                                                                          due: "2027-01-15"), q)])
        _ = state.update(.key(.function(3)))
        #expect(Fixtures.run(state).summary.kind == .carryForward)
        #expect(Fixtures.run(state).summary.part == .what)
    }

    @Test("an item typed and sent before the step was first read is shown once its write is answered")
    func itemSentBeforeTheFirstReading() {
        var (state, q) = openedStep(.summary)
        Fixtures.type("Stationen blir fokusområde", into: &state)
        _ = state.update(.key(.enter))
        // The first reading, begun before the write, comes after it went out:
        // it cannot be shown (it lacks the item).
        _ = state.update(.stepLoaded(StepData(stepID: q.stepID)))
        let decision = SummaryItem(id: 1, meetingID: 7, stepID: "steget", kind: .decision, text: "Stationen blir fokusområde",
                                   createdAt: 1)
        let effects = state.update(.stepWritten(.addSummaryItem(kind: .decision, text: decision.text, owner: "", due: ""),
                                                StepData(stepID: q.stepID, summaryItems: [decision])))
        let run = Fixtures.run(state)
        // The answer's reading, taken after the write, is the step's first,
        // or a new reading is asked: either way the item comes to the screen.
        if run.stepLoaded {
            #expect(run.data.summaryItems.map(\.text) == ["Stationen blir fokusområde"])
            #expect(run.data.summaryItems[run.summary.item].id == 1)
        } else {
            #expect(effects.contains(.loadStep(q)))
        }
    }

    @Test("an item added while another write is on its way is selected when the reading that holds it comes")
    func newItemSelectedWhenRead() {
        func item(_ id: Int64, _ kind: SummaryItemKind, _ text: String) -> SummaryItem {
            SummaryItem(id: id, meetingID: 7, stepID: "steget", kind: kind, text: text, createdAt: Double(id))
        }
        let decision = item(1, .decision, "Stationen blir fokusområde"), next = item(2, .nextStep, "Återkoppla på APT")
        var state = runningStep(.summary, data: StepData(stepID: "steget", summaryItems: [decision, next]))
        _ = state.update(.key(.function(3)))
        _ = state.update(.key(.function(3)))
        #expect(Fixtures.run(state).summary.kind == .carryForward)
        Fixtures.type("Orsaksanalys för gångtunneln", into: &state)
        _ = state.update(.key(.enter))
        // Another write goes out before the answer (a draft cleared, a
        // second item): the answer's reading is not shown yet.
        Fixtures.type("Trygghetsvandring", into: &state)
        _ = state.update(.key(.enter))
        let carried = item(3, .carryForward, "Orsaksanalys för gångtunneln")
        _ = state.update(.stepWritten(.addSummaryItem(kind: .carryForward, text: carried.text, owner: "", due: ""),
                                      StepData(stepID: "steget", summaryItems: [decision, next, carried])))
        // The second answer brings both; the newest of its kind is selected.
        let walk = item(4, .carryForward, "Trygghetsvandring")
        _ = state.update(.stepWritten(.addSummaryItem(kind: .carryForward, text: walk.text, owner: "", due: ""),
                                      StepData(stepID: "steget", summaryItems: [decision, next, carried, walk])))
        let run = Fixtures.run(state)
        #expect(run.data.summaryItems[run.summary.item].id == 4)
        // A reading begun before the write arrives after its answer (without
        // the item), then a fresh one: the new item is selected again.
        var stale = runningStep(.summary, data: StepData(stepID: "steget", summaryItems: [decision, next]))
        _ = stale.update(.key(.function(3)))
        _ = stale.update(.key(.function(3)))
        Fixtures.type("Orsaksanalys för gångtunneln", into: &stale)
        _ = stale.update(.key(.enter))
        _ = stale.update(.stepWritten(.addSummaryItem(kind: .carryForward, text: carried.text, owner: "", due: ""),
                                      StepData(stepID: "steget", summaryItems: [decision, next, carried])))
        _ = stale.update(.stepLoaded(StepData(stepID: "steget", summaryItems: [decision, next])))
        _ = stale.update(.stepLoaded(StepData(stepID: "steget", summaryItems: [decision, next, carried])))
        let r = Fixtures.run(stale)
        #expect(r.data.summaryItems[r.summary.item].id == 3)
        // Moved by hand: the selection is the user's again.
        _ = stale.update(.key(.up))
        _ = stale.update(.stepLoaded(StepData(stepID: "steget", summaryItems: [decision, next, carried])))
        let moved = Fixtures.run(stale)
        #expect(moved.data.summaryItems[moved.summary.item].id == 2)
    }

    @Test func deleteAsksFirst() {
        let item = SummaryItem(id: 9, meetingID: 7, stepID: "steget", kind: .decision, text: "x", createdAt: 0)
        var state = runningStep(.summary, data: StepData(stepID: "steget", summaryItems: [item]))
        _ = state.update(.key(.function(8)))
        #expect(state.dialog == .confirm(.deleteSummaryItem(9)))
        #expect(state.update(.key(.char("j"))) == [.writeStep(.deleteSummaryItem(id: 9), Fixtures.run(state).query)])
    }
}

@Suite struct KeyHintTests {
    @Test func textsNameKeysFromTheKeymap() {
        #expect(Keymap.hint(.newCycle) == "F2 (n)")
        #expect(Keymap.hint(.mergeArea) == "F7")
        #expect(Texts(.sv)[.homeEmpty].contains("Tryck F2 (n) för att skapa en cykel"))
        #expect(Texts(.en)[.clusterMergePick] == "Select the focus area to merge into and press F7 (Esc cancels)")
        // Every hint in every text names an action the keymap binds.
        for key in TextKey.allCases {
            for language in Language.allCases {
                let text = Texts(language)[key]
                #expect(!text.contains("{"), "\(key) \(language): \(text)")
            }
        }
    }
}

@Suite struct StepNoteTypeTests {
    @Test func aStepCanSayWhatTypeItsNotesStartWith() {
        let agenda = Agenda(id: "lagesrapport", version: 1, title: "Lägesrapport", meetingType: .situationReport, source: .municipality, steps: [
            AgendaStep(id: "ovrigt", title: "Övrigt", kind: .collect, minutes: 5),
            AgendaStep(id: "positiva", title: "Positiva händelser", kind: .collect, minutes: 5, settings: ["note_type": "positive"]),
            AgendaStep(id: "mer", title: "Mer", kind: .collect, minutes: 5),
        ])
        var state = AppState(language: .sv, now: 1000, today: "2027-01-20")
        _ = state.update(.meetingOpened(OpenedMeeting(meeting: Fixtures.meeting(step: 0), agenda: agenda, stepSeconds: [:], notes: [])))
        #expect(Fixtures.run(state).noteType == .problem)
        _ = state.update(.key(.pageDown))
        #expect(Fixtures.run(state).noteType == .positive)
        _ = state.update(.key(.function(3))) // the facilitator may still choose another
        #expect(Fixtures.run(state).noteType == .question)
        _ = state.update(.key(.pageDown))
        #expect(Fixtures.run(state).noteType == .problem)
    }
}

@Suite struct StationVoteTests {
    /// A station of group 2 in a vote whose dots are counted by group.
    func station(per: String = "group") -> AppState {
        let agenda = Agenda(id: "a", version: 1, title: "A", meetingType: .employeeDialogueWhat, source: .employee, steps: [
            AgendaStep(id: "tidigare", title: "Tidigare", kind: .collect, minutes: 10),
            AgendaStep(id: "steget", title: "Prioritera", kind: .vote, minutes: 20, settings: ["dots": "3", "per": per]),
        ])
        let meeting = Meeting(id: 7, cycleID: 2, agendaID: "a", title: "M", groupCount: 3, currentStepIndex: 1, createdAt: 0)
        var state = AppState(language: .sv, now: 100)
        _ = state.update(.meetingOpened(OpenedMeeting(meeting: meeting, agenda: agenda, stepSeconds: [:], notes: [],
                                                      role: .station(group: 2, name: "Sara"))))
        _ = state.update(.stepLoaded(StepData(stepID: "steget", focusAreas: [area(5, "Storgatan"), area(6, "Stationen")])))
        return state
    }

    @Test("a station places its own group's dots, and cannot change group or step")
    func aStationVotesForItsGroup() {
        var s = station()
        #expect(s.keyContext == .stationVote)
        let q = Fixtures.run(s).query
        _ = s.update(.key(.down))
        #expect(Fixtures.withoutDraftClearing(s.update(.key(.enter))) == [.writeStep(.addVote(areaID: 6, voter: 2), q)])
        #expect(Fixtures.run(s).dotsLeft == 2)
        #expect(s.update(.key(.tab)) == [])
        #expect(s.update(.key(.pageDown)) == [])
        #expect(Fixtures.run(s).stepIndex == 1)
        #expect(Fixtures.withoutDraftClearing(s.update(.key(.backspace))) == [.writeStep(.undoVote(voter: 2), q)])
        // Letters type nothing: there is no input line in a vote.
        #expect(s.update(.key(.char("a"))) == [])
    }

    @Test("where dots are counted per participant, a station only shows, and its key bar offers no note keys")
    func perParticipantAStationWatches() {
        var s = station(per: "participant")
        #expect(s.keyContext == .stationWatch)
        let bar = Keymap.bar(for: .stationWatch).map(\.action)
        #expect(bar == [.help, .quit])
        #expect(s.update(.key(.char("a"))) == [])
        #expect(s.update(.key(.function(3))) == [])
        #expect(Fixtures.run(s).input.isEmpty)
    }

    @Test("the facilitator's vote per participant offers no group to switch to")
    func perParticipantHasNoVoterKey() {
        let bar = Keymap.bar(for: .voteTogether).map(\.action)
        #expect(!bar.contains(.nextVoter) && !bar.contains(.nextGroup))
        #expect(bar.contains(.addDot))
        #expect(Keymap.bar(for: .vote).map(\.action).contains(.nextVoter))
    }
}

@Suite struct StationProblemTests {
    @Test("a station writes its group's focus area's problem description, field by field, and cannot change step")
    func aStationWritesADescription() {
        let agenda = Agenda(id: "a", version: 1, title: "A", meetingType: .problemAnalysis, source: .police, steps: [
            AgendaStep(id: "tidigare", title: "Tidigare", kind: .collect, minutes: 10),
            AgendaStep(id: "steget", title: "Problem", kind: .problem, minutes: 30),
        ])
        let meeting = Meeting(id: 7, cycleID: 2, agendaID: "a", title: "M", groupCount: 2, currentStepIndex: 1, createdAt: 0)
        var s = AppState(language: .sv, now: 100)
        _ = s.update(.meetingOpened(OpenedMeeting(meeting: meeting, agenda: agenda, stepSeconds: [:], notes: [],
                                                  role: .station(group: 2, name: "Sara"))))
        var data = StepData(stepID: "steget", focusAreas: [area(5, "Storgatan"), area(6, "Stationen")])
        data.problemFocusAreaID = 5
        _ = s.update(.stepLoaded(data))
        #expect(s.keyContext == .stationProblem)
        // The group's area, chosen by the station (F3): the store reads it.
        let chose = s.update(.key(.function(3)))
        #expect(Fixtures.run(s).problem.area == 6)
        guard case .loadStep(let q)? = chose.first else { Issue.record("no load: \(chose)"); return }
        data.problemFocusAreaID = 6
        _ = s.update(.stepLoaded(data))
        for c in "Skadegörelse i tunneln" { _ = s.update(.key(.char(c))) }
        #expect(Fixtures.withoutDraftClearing(s.update(.key(.enter))) == [.writeStep(.setProblemText(focusAreaID: 6, .question(.what), "Skadegörelse i tunneln"), q)])
        #expect(Fixtures.run(s).problem.field == 1)
        #expect(s.update(.key(.pageDown)) == [])
        #expect(Fixtures.run(s).stepIndex == 1)
    }
}

@Suite struct StationActivitiesTests {
    @Test("a station proposes activities with every part; deleting one is the facilitator's")
    func aStationProposesActivities() {
        let agenda = Agenda(id: "a", version: 1, title: "A", meetingType: .employeeDialogueHow, source: .employee, steps: [
            AgendaStep(id: "tidigare", title: "Tidigare", kind: .collect, minutes: 10),
            AgendaStep(id: "steget", title: "Aktiviteter", kind: .activities, minutes: 30),
        ])
        let meeting = Meeting(id: 7, cycleID: 2, agendaID: "a", title: "M", groupCount: 2, currentStepIndex: 1, createdAt: 0)
        var s = AppState(language: .sv, now: 100)
        _ = s.update(.meetingOpened(OpenedMeeting(meeting: meeting, agenda: agenda, stepSeconds: [:], notes: [],
                                                  role: .station(group: 1, name: "Erik"))))
        var data = StepData(stepID: "steget")
        data.activities = [Activity(id: 3, cycleID: 2, meetingID: 7, stepID: "steget", what: "Trygghetsvandring", createdAt: 0)]
        _ = s.update(.stepLoaded(data))
        #expect(s.keyContext == .stationActivities)
        let q = Fixtures.run(s).query
        for c in "Föräldravandring" { _ = s.update(.key(.char(c))) }
        _ = s.update(.key(.tab))
        for c in "Fältassistenterna" { _ = s.update(.key(.char(c))) }
        let effects = Fixtures.withoutDraftClearing(s.update(.key(.enter)))
        var expected = Activity(id: 0, cycleID: 2, meetingID: 7, stepID: "steget", what: "Föräldravandring", responsible: "Fältassistenterna",
                                createdAt: 0)
        expected.group = 1 // the station's group proposed it
        #expect(effects == [.writeStep(.addActivity(expected), q)])
        _ = s.update(.key(.function(8)))
        #expect(s.dialog == nil)
        #expect(s.update(.key(.pageDown)) == [])
    }
}

@Suite struct DraftWordTests {
    /// A step of the kind opened with a draft from before in `field`, and
    /// `data` its first reading.
    func opened(_ kind: StepKind, field: String, text: String, data: StepData = StepData(stepID: "steget")) -> AppState {
        let agenda = Agenda(id: "a", version: 1, title: "A", meetingType: .employeeDialogueWhat, source: .employee, steps: [
            AgendaStep(id: "tidigare", title: "Tidigare", kind: .collect, minutes: 10),
            AgendaStep(id: "steget", title: "Steget", kind: kind, minutes: 20),
        ])
        let meeting = Meeting(id: 7, cycleID: 2, agendaID: "a", title: "M", groupCount: 3, currentStepIndex: 1, createdAt: 0)
        var state = AppState(language: .sv, now: 100)
        _ = state.update(.meetingOpened(OpenedMeeting(meeting: meeting, agenda: agenda, stepSeconds: [:], notes: [],
                                                      drafts: [field: text])))
        _ = state.update(.stepLoaded(data))
        return state
    }

    @Test("Esc on an edit of a summary item offered back from a draft takes the draft's message with it (the nineteenth walk)")
    func escOnARestoredSummaryEdit() {
        let item = SummaryItem(id: 4, meetingID: 7, stepID: "steget", kind: .decision, text: "Storgatan kvällstid blir fokusområde", createdAt: 1)
        var state = opened(.summary, field: "summary-edit/4/0", text: "Storgatan kvällstid blir fokusområde i vår",
                           data: StepData(stepID: "steget", summaryItems: [item]))
        #expect(Fixtures.run(state).summary.editing == 4)
        #expect(Fixtures.run(state).input.text == "Storgatan kvällstid blir fokusområde i vår")
        #expect(state.status?.text == Texts(.sv)[.draftRestored])
        _ = state.update(.key(.escape))
        #expect(Fixtures.run(state).summary.editing == nil)
        #expect(Fixtures.run(state).input.isEmpty)
        #expect(state.status == nil)
    }

    @Test("a draft offered back and emptied in a cluster, summary, problem, activities or goals step takes its mark and message with it (the nineteenth walk)")
    func anEmptiedDraftTakesItsWordInEveryStep() {
        for (kind, field) in [(StepKind.cluster, "area/steget"), (.summary, "summary/steget/0"), (.problem, "problem/steget/none/0"),
                              (.activities, "activity/steget/new/0"), (.goals, "goal/steget/new/0")] {
            for keys in [[Key.ctrl("u")], Array(repeating: Key.backspace, count: 18), [.escape]] {
                var state = opened(kind, field: field, text: "Trygghet för äldre")
                #expect(Fixtures.run(state).input.text == "Trygghet för äldre", "\(kind)")
                #expect(state.status?.text == Texts(.sv)[.draftRestored], "\(kind)")
                for key in keys { _ = state.update(.key(key)) }
                #expect(Fixtures.run(state).input.isEmpty, "\(kind) \(keys)")
                #expect(!Fixtures.run(state).restoredDraft, "\(kind) \(keys)")
                #expect(state.status == nil, "\(kind) \(keys)")
            }
        }
    }
}
