import Testing
@testable import SamtalCore

@Suite struct ProblemStepTests {
    let areas = [area(5, "Storgatan"), area(6, "Stationen")]

    func state(problem: Problem? = nil, chain: [Cause] = []) -> AppState {
        var data = StepData(stepID: "steget", focusAreas: areas, votes: [vote(1, area: 6)])
        data.problemFocusAreaID = 6
        data.problem = problem
        data.whyChain = chain
        return runningStep(.problem, data: data)
    }

    @Test func fieldsRunThroughDescriptionWhyChainAndTriangle() {
        #expect(ProblemField.all.count == 7 + 5 + 6)
        #expect(ProblemField.all.first == .question(.what))
        #expect(ProblemField.all[7] == .why(0))
        #expect(ProblemField.all.last == .triangle(.placeManager))
    }

    @Test func enterSavesTheAnswerForTheChosenFocusArea() {
        var s = state()
        let q = Fixtures.run(s).query
        #expect(s.keyContext == .problem)
        Fixtures.type("Buskörning med moped", into: &s)
        #expect(Fixtures.withoutDraftClearing(s.update(.key(.enter))) == [.writeStep(.saveProblem(focusAreaID: 6, answers: [.what: "Buskörning med moped"], triangle: [:]), q)])
    }

    @Test func enterOnAnUnchangedFieldMovesOn() {
        var s = state()
        #expect(s.update(.key(.enter)) == [])
        #expect(Fixtures.run(s).problem.field == 1)
    }

    @Test func theWhyChainIsSavedAsAWhole() {
        let problem = Problem(id: 1, cycleID: 2, focusAreaID: 6, meetingID: 7, stepID: "steget", createdAt: 0)
        let chain = [Cause(id: 1, problemID: 1, parentID: nil, text: "Ingen fritidsgård", createdAt: 0)]
        var s = state(problem: problem, chain: chain)
        let q = Fixtures.run(s).query
        for _ in 0..<8 { _ = s.update(.key(.down)) } // to "Varför? 2"
        #expect(Fixtures.run(s).problem.field == 8)
        Fixtures.type("Kommunen har sparat", into: &s)
        #expect(Fixtures.withoutDraftClearing(s.update(.key(.down))) == [.writeStep(.saveWhyChain(focusAreaID: 6, texts: ["Ingen fritidsgård", "Kommunen har sparat"]), q)])
    }

    @Test func f3MovesToTheNextFocusAreaByRank() {
        var s = state()
        let effects = s.update(.key(.function(3)))
        #expect(Fixtures.run(s).problem.area == 5)
        #expect(effects == [.loadStep(Fixtures.run(s).query)])
        #expect(Fixtures.run(s).query.focusAreaID == 5)
    }
}

@Suite struct ActivityStepTests {
    @Test func anActivityWithWhoAndWhen() {
        var s = runningStep(.activities, data: StepData(stepID: "steget", focusAreas: [area(5, "Storgatan")]))
        let q = Fixtures.run(s).query
        #expect(s.keyContext == .activities)
        Fixtures.type("Trygghetsvandring", into: &s)
        _ = s.update(.key(.tab))
        Fixtures.type("Kommunpolisen", into: &s)
        _ = s.update(.key(.tab))
        Fixtures.type("2027-02-01", into: &s)
        _ = s.update(.key(.tab))
        Fixtures.type("2027-03-31", into: &s)
        _ = s.update(.key(.function(3)))
        _ = s.update(.key(.function(3)))
        _ = s.update(.key(.function(7)))
        #expect(Fixtures.withoutDraftClearing(s.update(.key(.enter))) == [.writeStep(.addActivity(focusAreaID: 5, what: "Trygghetsvandring", responsible: "Kommunpolisen",
                                                                   start: "2027-02-01", end: "2027-03-31", priority: .high), q)])
    }

    @Test func editAndDelete() {
        let a = Activity(id: 3, cycleID: 2, meetingID: 7, stepID: "steget", what: "Föräldravandring", responsible: "Kommunen", createdAt: 0)
        var data = StepData(stepID: "steget")
        data.activities = [a]
        var s = runningStep(.activities, data: data)
        let q = Fixtures.run(s).query
        _ = s.update(.key(.function(4)))
        #expect(Fixtures.run(s).input.text == "Föräldravandring")
        Fixtures.type(" fredagar", into: &s)
        var changed = a
        changed.what = "Föräldravandring fredagar"
        #expect(Fixtures.withoutDraftClearing(s.update(.key(.enter))) == [.writeStep(.updateActivity(changed), q)])
        _ = s.update(.key(.function(8)))
        #expect(s.dialog == .confirm(.deleteActivity(3)))
    }
}
