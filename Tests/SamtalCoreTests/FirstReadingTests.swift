import Testing
@testable import SamtalCore

/// The opening of a meeting may bring its step's first reading (read with
/// the meeting on the store's thread, issue 15): taken when it answers what
/// the interface would ask, so nothing is asked of the reading thread; else
/// asked as before. Either way the readings asked and answered stay even.
@Suite struct FirstReadingTests {
    static let agenda = Agenda(id: "a", version: 1, title: "A", meetingType: .problemAnalysis, source: .police, steps: [
        AgendaStep(id: "tidigare", title: "Tidigare", kind: .collect, minutes: 10),
        AgendaStep(id: "steget", title: "Steget", kind: .cluster, minutes: 30),
    ])

    func opening(role: RunRole, groupAreas: [Int: Int64] = [:]) -> OpenedMeeting {
        var meeting = Meeting(id: 7, cycleID: 2, agendaID: "a", title: "M", groupCount: 2, currentStepIndex: 1, createdAt: 0)
        meeting.groupAreas = ["steget": groupAreas]
        return OpenedMeeting(meeting: meeting, agenda: Self.agenda, stepSeconds: [:], notes: [], role: role)
    }

    @Test("a first reading that answers the step's query is taken, and nothing is asked",
          arguments: [RunRole.facilitator, .projector, .station(group: 2, name: "Åsa")])
    func taken(role: RunRole) {
        var opened = opening(role: role, groupAreas: [2: 6])
        let data = StepData(stepID: "steget", focusAreas: [area(5, "Storgatan"), area(6, "Stationen")])
        opened.firstReading = StepReading(query: opened.firstQuery, data: data)
        var s = AppState(language: .sv, now: 100)
        let effects = s.update(.meetingOpened(opened))
        #expect(!effects.contains { if case .loadStep = $0 { true } else { false } })
        let run = Fixtures.run(s)
        #expect(run.stepLoaded)
        #expect(run.data.focusAreas.map(\.name) == ["Storgatan", "Stationen"])
        #expect(s.readsAsked == s.readsAnswered)
    }

    @Test("a facilitator's first reading of a screenful of the cycle's notes is drawn; the rest is asked, and keys wait for it")
    func screenfulFirst() {
        var opened = opening(role: .facilitator)
        let notes = (1...40).map { Fixtures.note(Int64($0), "Lapp \($0)", step: "tidigare") }
        var first = StepData(stepID: "steget", sourceNotes: Array(notes.prefix(12)))
        first.sourceNotesNotRead = 28
        opened.firstReading = StepReading(query: opened.firstQuery, data: first)
        var s = AppState(language: .sv, now: 100)
        // When the meeting opens with it
        let effects = s.update(.meetingOpened(opened))
        // Then the rest is asked, and the screenful is shown
        #expect(effects.contains(.loadStep(Fixtures.run(s).query)))
        #expect(Fixtures.run(s).data.sourceNotes.count == 12)
        #expect(s.readsAsked == s.readsAnswered + 1)
        // When keys are typed before the rest arrives
        for _ in 0..<20 { _ = s.update(.key(.down)) }
        // Then they wait: the selection has not moved
        #expect(Fixtures.run(s).cluster.note == 0)
        // When the whole reading arrives, they act on it: 20 notes down,
        // past the screenful
        _ = s.update(.stepLoaded(StepData(stepID: "steget", sourceNotes: notes)))
        #expect(Fixtures.run(s).cluster.note == 20)
        #expect(Fixtures.run(s).data.sourceNotes.count == 40)
        #expect(s.readsAsked == s.readsAnswered)
        // And later keys act at once
        _ = s.update(.key(.down))
        #expect(Fixtures.run(s).cluster.note == 21)
    }

    @Test("a first reading of another query is not taken: the step is asked for")
    func notTaken() {
        var opened = opening(role: .station(group: 2, name: ""), groupAreas: [2: 6])
        var other = opened.firstQuery
        other.focusAreaID = 5
        opened.firstReading = StepReading(query: other, data: StepData(stepID: "steget", focusAreas: [area(5, "Storgatan")]))
        var s = AppState(language: .sv, now: 100)
        let effects = s.update(.meetingOpened(opened))
        #expect(effects.contains(.loadStep(Fixtures.run(s).query)))
        #expect(!Fixtures.run(s).stepLoaded)
        #expect(s.readsAsked == s.readsAnswered + 1)
    }
}
