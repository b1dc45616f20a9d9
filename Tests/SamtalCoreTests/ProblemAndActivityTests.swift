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
        #expect(Fixtures.withoutDraftClearing(s.update(.key(.enter))) == [.writeStep(.setProblemText(focusAreaID: 6, .question(.what), "Buskörning med moped"), q)])
    }

    @Test func enterOnAnUnchangedFieldMovesOn() {
        var s = state()
        #expect(s.update(.key(.enter)) == [])
        #expect(Fixtures.run(s).problem.field == 1)
    }

    @Test func aWhyLevelIsSavedOnItsOwn() {
        let problem = Problem(id: 1, cycleID: 2, focusAreaID: 6, meetingID: 7, stepID: "steget", createdAt: 0)
        let chain = [Cause(id: 1, problemID: 1, parentID: nil, text: "Ingen fritidsgård", createdAt: 0)]
        var s = state(problem: problem, chain: chain)
        let q = Fixtures.run(s).query
        for _ in 0..<8 { _ = s.update(.key(.down)) } // to "Varför? 2"
        #expect(Fixtures.run(s).problem.field == 8)
        Fixtures.type("Kommunen har sparat", into: &s)
        #expect(Fixtures.withoutDraftClearing(s.update(.key(.down))) == [.writeStep(.setWhyText(focusAreaID: 6, level: 1, text: "Kommunen har sparat"), q)])
    }

    @Test func f3MovesToTheNextFocusAreaByRank() {
        var s = state()
        let effects = s.update(.key(.function(3)))
        #expect(Fixtures.run(s).problem.area == 5)
        #expect(effects == [.loadStep(Fixtures.run(s).query)])
        #expect(Fixtures.run(s).query.focusAreaID == 5)
    }

    /// The nineteenth walk: after F3 the text typed next went into the
    /// field the last area was at ("Vilka blir konsekvenserna?"), not the
    /// new area's first question.
    @Test func anotherAreaStartsAtItsFirstQuestion() {
        var s = state()
        for _ in 0..<5 { _ = s.update(.key(.down)) }
        #expect(Fixtures.run(s).problem.field == 5)
        _ = s.update(.key(.function(3)))
        var data = StepData(stepID: "steget", focusAreas: areas, votes: [vote(1, area: 6)])
        data.problemFocusAreaID = 5
        _ = s.update(.stepLoaded(data))
        #expect(Fixtures.run(s).problem.field == 0)
        #expect(Fixtures.run(s).bound == .problem(step: "steget", area: 5, index: 0))
    }
}

@Suite struct ActivityStepTests {
    @Test func anActivityWithEveryFieldTheWorkspaceHas() {
        let walk = Activity(id: 3, cycleID: 2, meetingID: 7, stepID: "steget", what: "Trygghetsvandring", createdAt: 0)
        let light = Activity(id: 4, cycleID: 2, meetingID: 7, stepID: "steget", what: "Belysning", createdAt: 0)
        var data = StepData(stepID: "steget", focusAreas: [area(5, "Storgatan")])
        data.activities = [walk, light]
        var s = runningStep(.activities, data: data)
        let q = Fixtures.run(s).query
        #expect(s.keyContext == .activities)
        Fixtures.type("Föräldravandringar fredagskvällar", into: &s)
        for part in ["Kommunpolisen", "Ludvika kommun", "2027-02-01", "2027-03-31", "Två vuxna per kväll längs Storgatan", "2", "1, 2"] {
            _ = s.update(.key(.tab))
            Fixtures.type(part, into: &s)
        }
        _ = s.update(.key(.function(3)))
        _ = s.update(.key(.function(3)))
        // The area: Storgatan, the best ranked, from the start (F7 would go on to none).
        _ = s.update(.key(.function(5))) // the offender's side
        _ = s.update(.key(.function(5))) // the target's
        _ = s.update(.key(.ctrl("o")))
        _ = s.update(.key(.ctrl("n")))
        let effects = Fixtures.withoutDraftClearing(s.update(.key(.enter)))
        let expected = Activity(id: 0, cycleID: Fixtures.run(s).meeting.cycleID, meetingID: Fixtures.run(s).meeting.id, stepID: "steget",
                                focusAreaID: 5, what: "Föräldravandringar fredagskvällar", responsible: "Kommunpolisen",
                                start: "2027-02-01", end: "2027-03-31", priority: .high, how: "Två vuxna per kväll längs Storgatan",
                                organisation: "Ludvika kommun", sequence: 2, dependsOn: [3, 4], effectTerm: .immediate,
                                triangleSide: .target, involvesCitizens: true, createdAt: 0)
        #expect(effects == [.writeStep(.addActivity(expected), q)])
        // The next activity starts empty (its priority and area stay).
        #expect(Fixtures.run(s).activities.side == nil && Fixtures.run(s).activities.how.isEmpty && !Fixtures.run(s).activities.citizens)
    }

    @Test func theSideEffectAndCitizensComeBackWithTheUnsavedText() {
        var s = runningStep(.activities)
        Fixtures.type("Grannsamverkan", into: &s)
        _ = s.update(.key(.function(5)))
        _ = s.update(.key(.ctrl("o")))
        _ = s.update(.key(.ctrl("o")))
        _ = s.update(.key(.ctrl("n")))
        var run = Fixtures.run(s)
        let drafts = run.pendingDrafts()
        guard let meta = drafts.compactMap({ effect -> String? in
            if case .saveDraft(_, _, let field, let text) = effect, field.hasSuffix("/meta") { return text }
            return nil
        }).first else {
            Issue.record("no meta draft in \(drafts)")
            return
        }
        var fresh = Fixtures.run(runningStep(.activities))
        fresh.restoreItemMeta(meta)
        #expect(fresh.activities.side == .offender && fresh.activities.term == .longTerm && fresh.activities.citizens)
        // A draft written before these fields existed still restores.
        fresh.restoreItemMeta("high|")
        #expect(fresh.activities.priority == .high)
    }

    @Test func aLoopOfAfterIsRefusedWithTheEditStillOnScreenAndEscLeavesNothingOfTheEdit() {
        var walk = Activity(id: 3, cycleID: 2, meetingID: 7, stepID: "steget", what: "Trygghetsvandring", triangleSide: .handler,
                            involvesCitizens: true, createdAt: 0)
        let light = Activity(id: 4, cycleID: 2, meetingID: 7, stepID: "steget", what: "Belysning", dependsOn: [3], createdAt: 0)
        walk.effectTerm = .longTerm
        var data = StepData(stepID: "steget")
        data.activities = [walk, light]
        var s = runningStep(.activities, data: data)
        _ = s.update(.key(.function(4)))
        _ = s.update(.key(.backTab)) // after: the last part
        Fixtures.type("2", into: &s)
        #expect(s.update(.key(.enter)) == [])
        #expect(s.status?.text == "Beroendena skulle gå i cirkel: 1 → 2 → 1")
        #expect(Fixtures.run(s).activities.editing == 3 && Fixtures.run(s).input.text == "Trygghetsvandring")
        _ = s.update(.key(.escape))
        let run = Fixtures.run(s)
        #expect(run.activities.editing == nil && run.activities.side == nil && run.activities.term == nil && !run.activities.citizens)
        #expect(run.activities.after.isEmpty && run.input.isEmpty)
    }

    @Test func orderAndAfterMustBeNumbersOfTheList() {
        let walk = Activity(id: 3, cycleID: 2, meetingID: 7, stepID: "steget", what: "Trygghetsvandring", createdAt: 0)
        var data = StepData(stepID: "steget")
        data.activities = [walk]
        var s = runningStep(.activities, data: data)
        Fixtures.type("Belysning", into: &s)
        for _ in 0..<6 { _ = s.update(.key(.tab)) }
        Fixtures.type("först", into: &s)
        #expect(s.update(.key(.enter)) == [])
        #expect(s.status?.text == "”först” är ingen ordning: skriv ett tal (1, 2, …)")
        for _ in 0..<5 { _ = s.update(.key(.backspace)) }
        _ = s.update(.key(.tab))
        Fixtures.type("1, 4", into: &s)
        #expect(s.update(.key(.enter)) == [])
        #expect(s.status?.text == "”4” är inget nummer i listan: skriv aktiviteternas nummer, t.ex. 1, 3")
        // Editing the walk: it cannot come after itself, and what it came
        // after in other meetings is kept.
        var kept = walk
        kept.dependsOn = [99]
        var data2 = StepData(stepID: "steget")
        data2.activities = [kept]
        var e = runningStep(.activities, data: data2)
        _ = e.update(.key(.function(4)))
        #expect(Fixtures.run(e).activities.after.text == "")
        _ = e.update(.key(.backTab))
        Fixtures.type("1", into: &e)
        #expect(e.update(.key(.enter)) == [])
        #expect(e.status?.text == "En aktivitet kan inte komma efter sig själv.")
        _ = e.update(.key(.backspace))
        var changed = kept
        changed.what = "Trygghetsvandring"
        #expect(Fixtures.withoutDraftClearing(e.update(.key(.enter))) == [.writeStep(.updateActivity(changed), Fixtures.run(e).query)])
    }

    @Test func datesMustBeRealAndInOrder() {
        var s = runningStep(.activities)
        Fixtures.type("Trygghetsvandring", into: &s)
        for _ in 0..<3 { _ = s.update(.key(.tab)) } // past who and organisation
        #expect(Fixtures.run(s).activities.part == .from)
        Fixtures.type("1 april", into: &s)
        #expect(s.update(.key(.enter)) == [])
        #expect(s.status?.text == "”1 april” är inget datum: skriv datum som 2027-03-01")
        for _ in 0..<7 { _ = s.update(.key(.backspace)) }
        Fixtures.type("2027-04-30", into: &s)
        _ = s.update(.key(.tab))
        Fixtures.type("2027-04-01", into: &s)
        #expect(s.update(.key(.enter)) == [])
        #expect(s.status?.text == "Slutdatumet ligger före startdatumet")
        #expect(PlanDate.isValid("2028-02-29") && !PlanDate.isValid("2027-02-29") && !PlanDate.isValid("2027-13-01"))
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

@Suite struct GoalStepTests {
    let walk = Activity(id: 40, cycleID: 2, meetingID: 7, stepID: "hur", what: "Trygghetsvandring", createdAt: 1)

    @Test func aGoalWithEveryPartKindActivityAndAcceptanceIsAGoalOfThePlan() {
        var data = StepData(stepID: "steget", focusAreas: [area(5, "Gångtunneln")])
        data.activities = [walk]
        var s = runningStep(.goals, data: data)
        let q = Fixtures.run(s).query
        #expect(s.keyContext == .goals)
        Fixtures.type("Minska andelen otrygga i tunneln", into: &s)
        for part in ["Andel otrygga i trygghetsmätningen", "64 %", "40 %", "2027-12-31", "Trygghetssamordnaren"] {
            _ = s.update(.key(.tab))
            Fixtures.type(part, into: &s)
        }
        _ = s.update(.key(.function(3))) // production -> effect
        _ = s.update(.key(.function(5))) // the walk serves it
        // Gångtunneln, the best ranked, from the start (F7 would go on to none).
        // Not yet accepted: SMART's A is the one letter left, live.
        #expect(SMART.check(Fixtures.run(s).goalDraft).map(\.letter) == [.accepted])
        _ = s.update(.key(.ctrl("g")))
        #expect(SMART.check(Fixtures.run(s).goalDraft).isEmpty)
        let expected = Goal(id: 0, cycleID: 2, focusAreaID: 5, kind: .effect, text: "Minska andelen otrygga i tunneln",
                            indicator: "Andel otrygga i trygghetsmätningen", baseline: "64 %", target: "40 %", deadline: "2027-12-31",
                            owner: "Trygghetssamordnaren", activityIDs: [40], accepted: true, meetingID: 7, stepID: "steget", createdAt: 0)
        #expect(Fixtures.withoutDraftClearing(s.update(.key(.enter))) == [.writeStep(.saveGoal(expected), q)])
        // The fields are free for the next goal.
        let run = Fixtures.run(s)
        #expect(run.input.isEmpty && run.subfieldsEmpty && !run.goals.accepted && run.goals.part == .text)
    }

    @Test func editingKeepsTheActivitiesItServesAndEscLeavesItAsStored() {
        var data = StepData(stepID: "steget")
        data.activities = [walk]
        data.goals = [Goal(id: 9, cycleID: 2, kind: .production, text: "Tolv vandringar", owner: "Polisen", activityIDs: [40], createdAt: 0)]
        var s = runningStep(.goals, data: data)
        let q = Fixtures.run(s).query
        _ = s.update(.key(.function(4)))
        #expect(Fixtures.run(s).input.text == "Tolv vandringar")
        _ = s.update(.key(.tab))
        Fixtures.type("Antal vandringar", into: &s)
        _ = s.update(.key(.escape))
        #expect(Fixtures.run(s).goals.editing == nil && Fixtures.run(s).subfieldsEmpty)
        _ = s.update(.key(.function(4)))
        _ = s.update(.key(.ctrl("g")))
        var changed = data.goals[0]
        changed.accepted = true
        #expect(Fixtures.withoutDraftClearing(s.update(.key(.enter))) == [.writeStep(.saveGoal(changed), q)])
        _ = s.update(.key(.function(8)))
        #expect(s.dialog == .confirm(.deleteGoal(9)))
    }

    @Test func enterWithoutAGoalSaysWhatIsMissing() {
        var s = runningStep(.goals)
        _ = s.update(.key(.tab))
        Fixtures.type("Antal", into: &s)
        #expect(s.update(.key(.enter)) == [])
        #expect(s.status?.isError == true)
    }
}

@Suite struct FollowUpStepTests {
    static let data: StepData = {
        var d = StepData(stepID: "steget")
        d.activities = [Activity(id: 40, cycleID: 1, meetingID: 3, stepID: "hur", what: "Trygghetsvandring", createdAt: 1),
                        Activity(id: 41, cycleID: 1, meetingID: 3, stepID: "hur", what: "Belysning", createdAt: 2)]
        return d
    }()

    @Test func theStatusIsWrittenAtOnceAndTheFieldsAsTheyAreLeft() {
        var s = runningStep(.followUp, data: Self.data)
        let q = Fixtures.run(s).query
        #expect(s.keyContext == .followUp)
        #expect(s.update(.key(.function(3))) == [.writeStep(.setFollowUpStatus(activityID: 40, status: .done, date: "–"), q)])
        // Shown at once, before the store answers.
        #expect(Fixtures.run(s).followUpStatus(activity: 40) == .done)
        #expect(s.update(.key(.function(3))) == [.writeStep(.setFollowUpStatus(activityID: 40, status: .ongoing, date: "–"), q)])
        Fixtures.type("Två av tre vandringar", into: &s)
        let effects = Fixtures.withoutDraftClearing(s.update(.key(.tab)))
        guard case .writeStep(.saveFollowUp(let f), _, _)? = effects.first else { Issue.record("no write: \(effects)"); return }
        #expect(f.activityID == 40 && f.aspect == .resource && f.why == "Två av tre vandringar" && f.status == .ongoing)
        #expect(f.meetingID == 7 && f.stepID == "steget" && f.cycleID == 1) // the activity's cycle
        #expect(Fixtures.run(s).followUp.field == .resources)
        Fixtures.type("40 timmar", into: &s)
        _ = s.update(.key(.down)) // leaving the activity saves the field
        #expect(Fixtures.run(s).followUpText(activity: 40, .resources) == "40 timmar")
        #expect(Fixtures.run(s).followUpText(activity: 41, .resources) == "")
        #expect(Fixtures.run(s).followUp.item == 1)
    }

    @Test func enterSavesAndGoesOnToTheNextField() {
        var s = runningStep(.followUp, data: Self.data)
        for _ in 0..<3 { _ = s.update(.key(.tab)) } // effect
        #expect(Fixtures.run(s).followUp.field == .effect)
        Fixtures.type("Färre anmälningar", into: &s)
        let effects = Fixtures.withoutDraftClearing(s.update(.key(.enter)))
        guard case .writeStep(.saveFollowUp(let f), _, _)? = effects.first else { Issue.record("no write: \(effects)"); return }
        #expect(f.aspect == .effect && f.why == "Färre anmälningar")
        #expect(Fixtures.run(s).followUp.field == .measured)
        #expect(Fixtures.run(s).input.isEmpty)
    }
}
