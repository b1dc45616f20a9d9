// The analysis workspace as a state machine: opening it, moving between
// tabs, the forms and what they write, the refusals (a dependency cycle,
// an unknown activity number), the promise draft, and the trace.

import Testing
@testable import SamtalCore

enum WorkspaceFixture {
    static let cycle = Cycle(id: 1, area: "LPO Fagersta", period: "2027", createdAt: 0)
    static let meeting = Meeting(id: 7, cycleID: 1, agendaID: "medarbetardialog-vad", title: "VAD-dialog",
                                 facts: MethodFacts(date: "2026-12-03"), createdAt: 1)
    static let notes = [
        Note(id: 11, meetingID: 7, stepID: "lagesbild", group: 1, type: .problem, source: .employee,
             text: "Otrygg gångtunnel vid stationen", createdAt: 2),
        Note(id: 12, meetingID: 7, stepID: "lagesbild", group: 2, type: .problem, source: .employee,
             text: "Mörkt i tunneln på kvällen – 中文", createdAt: 3),
    ]

    /// A focus area with a problem, a two-level why-tree, two activities
    /// (the second after the first), a passing and a vague goal.
    static var analysis: CycleAnalysis {
        let station = FocusArea(id: 21, cycleID: 1, meetingID: 7, stepID: "fokus", name: "Stationen", type: .place,
                                targetPicture: "En trygg station", noteIDs: [11, 12], leadsToPromise: true, createdAt: 4)
        let torget = FocusArea(id: 22, cycleID: 1, meetingID: 7, stepID: "fokus", name: "Torget", type: .place, createdAt: 5)
        let problem = Problem(id: 31, cycleID: 1, focusAreaID: 21, meetingID: 7, stepID: "workspace",
                              answers: [.what: "Otrygghet i gångtunneln"], triangle: [.place: "Tunneln"], createdAt: 6)
        let causes = [
            Cause(id: 41, problemID: 31, parentID: nil, text: "Dålig belysning", evidence: .observation, createdAt: 7),
            Cause(id: 42, problemID: 31, parentID: 41, text: "Trasiga armaturer", evidence: .statistics, createdAt: 8),
        ]
        let light = Activity(id: 51, cycleID: 1, meetingID: 7, stepID: "workspace", focusAreaID: 21, what: "Byt belysning",
                             responsible: "Anna", start: "2027-02-01", end: "2027-04-30", organisation: "Kommunen",
                             sequence: 1, createdAt: 9)
        let walk = Activity(id: 52, cycleID: 1, meetingID: 7, stepID: "workspace", focusAreaID: 21, what: "Trygghetsvandring",
                            dependsOn: [51], createdAt: 10)
        let good = Goal(id: 61, cycleID: 1, focusAreaID: 21, kind: .effect, text: "Minska andelen otrygga i tunneln",
                        indicator: "Trygghetsmätningen", baseline: "45 %", target: "30 %", deadline: "2027-12-31",
                        owner: "Trygghetssamordnaren", activityIDs: [51], createdAt: 11)
        let vague = Goal(id: 62, cycleID: 1, focusAreaID: 21, kind: .effect, text: "Verka för ökad trygghet", createdAt: 12)
        return CycleAnalysis(cycle: cycle, meetings: [meeting], focusAreas: [station, torget], dots: [21: 3, 22: 1],
                             promiseAreas: [21], problems: [problem], causes: [31: causes], activities: [light, walk],
                             goals: [good, vague], notes: Dictionary(uniqueKeysWithValues: notes.map { ($0.id, $0) }))
    }

    static func opened() -> AppState {
        var state = AppState(language: .sv, now: 0, today: "2026-12-03")
        _ = state.openWorkspace(cycleID: 1)
        _ = state.update(.analysisLoaded(analysis))
        return state
    }
}

@Suite struct WorkspaceTests {
    func ws(_ state: AppState) -> WorkspaceState? {
        if case .workspace(let ws) = state.screen { return ws }
        Issue.record("not the workspace")
        return nil
    }

    func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        var effects: [Effect] = []
        for key in keys { effects += state.update(.key(key)) }
        return effects
    }

    @Test func homeOpensTheSelectedCyclesWorkspace() {
        var state = AppState(language: .sv)
        _ = state.update(.homeLoaded([CycleOverview(cycle: WorkspaceFixture.cycle, meetings: [WorkspaceFixture.meeting])]))
        _ = state.update(.key(.down)) // a meeting row: its cycle opens
        #expect(state.update(.key(.function(5))) == [.loadAnalysis(cycleID: 1)])
        #expect(ws(state)?.analysis == nil)
        _ = state.update(.analysisLoaded(WorkspaceFixture.analysis))
        #expect(ws(state)?.analysis?.focusAreas.count == 2)
        #expect(state.keyContext == .workspaceAreas)
        // F6 goes back home, with the cycle selected.
        #expect(state.update(.key(.function(6))) == [.loadHome])
        #expect(state.homeFocus == .cycle(1))
    }

    @Test func tabsGoRoundAndEachHasItsKeys() {
        var state = WorkspaceFixture.opened()
        let contexts = (0..<7).map { _ -> KeyContext in
            let c = state.keyContext
            _ = state.update(.key(.tab))
            return c
        }
        #expect(contexts == [.workspaceAreas, .workspaceProblem, .workspaceActivities, .workspaceGoals, .workspacePromise,
                             .workspaceFollowUp, .workspaceAreas])
        _ = state.update(.key(.backTab))
        _ = state.update(.key(.backTab))
        #expect(ws(state)?.tab == .followUp)
    }

    @Test func focusAreasAreListedByPriorityAndEnterOpensTheProblem() {
        var state = WorkspaceFixture.opened()
        #expect(ws(state)?.listedAreas.map(\.name) == ["Stationen", "Torget"])
        _ = press(&state, .down, .enter)
        #expect(ws(state)?.tab == .problem)
        #expect(ws(state)?.currentArea?.name == "Torget")
        // F3 moves to the next focus area
        _ = press(&state, .function(3))
        #expect(ws(state)?.currentArea?.name == "Stationen")
    }

    @Test func savingAFormWarnsOfWhatLooksLikePersonalDataAsNoteCaptureDoes() {
        var state = WorkspaceFixture.opened()
        _ = press(&state, .function(4)) // edit the selected focus area
        for c in " – ring Kim 070-123 45 67" { _ = state.update(.key(.char(c))) }
        let effects = press(&state, .function(9))
        #expect(effects.count == 1)
        #expect(state.status?.text.hasPrefix("Sparat – kan innehålla personuppgifter: telefonnummer (") == true)
        // Clean text is simply saved.
        _ = press(&state, .function(4))
        _ = press(&state, .function(9))
        #expect(state.status?.text == Texts(.sv)[.wsSaved])
    }

    @Test func f3OnAFocusAreaTogglesThePromise() {
        var state = WorkspaceFixture.opened()
        #expect(press(&state, .function(3)) == [.writeAnalysis(.setLeadsToPromise(areaID: 21, false), cycleID: 1)])
        _ = press(&state, .down)
        #expect(press(&state, .function(3)) == [.writeAnalysis(.setLeadsToPromise(areaID: 22, true), cycleID: 1)])
    }

    /// The seventeenth walk: a meeting saved a field of the problem while
    /// its form was open in the workspace; F9 wrote the form over it
    /// without a word (the meeting's own note line warns in that case).
    @Test func aFormSavedOverWhatAnotherTerminalSavedMeanwhileAsksFirst() {
        var state = WorkspaceFixture.opened()
        _ = press(&state, .function(4)) // the focus area's form
        _ = press(&state, .tab, .tab, .end)
        Fixtures.type(" med ljus", into: &state)
        // Another terminal renames the area meanwhile (the analysis read again).
        var changed = WorkspaceFixture.analysis
        changed.focusAreas[0].name = "Stationen och tunneln"
        _ = state.update(.analysisLoaded(changed))
        #expect(press(&state, .function(9)).isEmpty)
        #expect(ws(state)?.form?.error?.contains("”Stationen och tunneln”") == true)
        #expect(ws(state)?.form?.focus == 0) // the field the other terminal changed
        // F9 again: the form's text is written, as the warning said.
        #expect(press(&state, .function(9)) == [.writeAnalysis(.setFocusArea(id: 21, name: "Stationen", type: .place,
                                                                             targetPicture: "En trygg station med ljus",
                                                                             leadsToPromise: true), cycleID: 1)])
    }

    @Test func aFieldChangedElsewhereToWhatTheFormHoldsIsNoConflict() {
        var state = WorkspaceFixture.opened()
        _ = press(&state, .function(4))
        _ = press(&state, .tab, .tab, .end)
        Fixtures.type(" med ljus", into: &state)
        var same = WorkspaceFixture.analysis
        same.focusAreas[0].targetPicture = "En trygg station med ljus"
        _ = state.update(.analysisLoaded(same))
        #expect(press(&state, .function(9)).count == 1)
    }

    @Test func theTargetPictureIsEditedInTheFocusAreaForm() {
        var state = WorkspaceFixture.opened()
        _ = press(&state, .function(4))
        #expect(state.keyContext == .recordForm)
        _ = press(&state, .tab, .tab, .end)
        Fixtures.type(" med ljus", into: &state)
        #expect(press(&state, .function(9)) == [.writeAnalysis(.setFocusArea(id: 21, name: "Stationen", type: .place,
                                                                             targetPicture: "En trygg station med ljus",
                                                                             leadsToPromise: true), cycleID: 1)])
        #expect(ws(state)?.form == nil)
    }

    @Test func problemRowsAreQuestionsTriangleThenTheCauseTree() {
        var state = WorkspaceFixture.opened()
        _ = press(&state, .enter)
        let rows = ws(state)?.problemRows ?? []
        #expect(rows.count == 7 + 6 + 2)
        guard case .cause(let deep, let depth) = rows.last else { Issue.record("no cause row"); return }
        #expect(deep.text == "Trasiga armaturer" && depth == 1)
        // F2 on the deepest cause asks why? once more: a child of it.
        for _ in 0..<14 { _ = press(&state, .down) }
        _ = press(&state, .function(2))
        Fixtures.type("Ingen äger tunneln", into: &state)
        #expect(press(&state, .function(9)) == [.writeAnalysis(.addCause(areaID: 21, parentID: 42, text: "Ingen äger tunneln",
                                                                        evidence: .internalDiscussion), cycleID: 1)])
        // Once stored, the new cause is selected.
        var analysis = WorkspaceFixture.analysis
        analysis.causes[31]!.append(Cause(id: 43, problemID: 31, parentID: 42, text: "Ingen äger tunneln", createdAt: 13))
        _ = state.update(.analysisLoaded(analysis))
        #expect(ws(state)?.selectedProblemRow == .cause(analysis.causes[31]![2], depth: 2))
        // F2 on a question adds a direct cause.
        _ = press(&state, .home)
        for _ in 0..<20 { _ = press(&state, .up) }
        _ = press(&state, .function(2))
        Fixtures.type("Skymd sikt", into: &state)
        #expect(press(&state, .function(9)) == [.writeAnalysis(.addCause(areaID: 21, parentID: nil, text: "Skymd sikt",
                                                                        evidence: .internalDiscussion), cycleID: 1)])
    }

    @Test func editingAQuestionOpensTheProblemFormAtIt() {
        var state = WorkspaceFixture.opened()
        _ = press(&state, .enter, .down, .enter) // Var?
        guard case .workspace(let w) = state.screen, let form = w.form else { Issue.record("no form"); return }
        #expect(form.fields[form.focus].id == .question(.where_))
        Fixtures.type("Gångtunneln", into: &state)
        let effects = press(&state, .function(9))
        #expect(effects == [.writeAnalysis(.saveProblem(areaID: 21, answers: [.what: "Otrygghet i gångtunneln", .where_: "Gångtunneln"],
                                                        triangle: [.place: "Tunneln"]), cycleID: 1)])
    }

    /// The sixteenth walk: an end date before the start moved the cursor to
    /// the start; the end typed again went into the start, over it.
    @Test func anEndBeforeTheStartKeepsTheCursorOnTheEnd() {
        var state = WorkspaceFixture.opened()
        _ = press(&state, .tab, .tab, .enter) // activity 1's form: 2027-02-01 – 2027-04-30
        func field() -> FieldID? { ws(state)?.form.map { $0.fields[$0.focus].id } }
        for _ in 0..<20 where field() != .end { _ = press(&state, .tab) }
        #expect(field() == .end)
        _ = press(&state, .ctrl("u"))
        Fixtures.type("2026-11-01", into: &state)
        #expect(press(&state, .function(9)) == [])
        #expect(ws(state)?.form?.error == "Slutdatumet ligger före startdatumet")
        #expect(field() == .end)
        _ = press(&state, .ctrl("u"))
        Fixtures.type("2027-06-30", into: &state)
        guard case .writeAnalysis(.saveActivity(let act), _)? = press(&state, .function(9)).first else {
            Issue.record("not saved: \(ws(state)?.form?.error ?? "")"); return
        }
        #expect(act.start == "2027-02-01" && act.end == "2027-06-30")
        // Typed in the start, the start is the one to mend.
        state = WorkspaceFixture.opened()
        _ = press(&state, .tab, .tab, .enter)
        for _ in 0..<20 where field() != .start { _ = press(&state, .tab) }
        _ = press(&state, .ctrl("u"))
        Fixtures.type("2027-08-01", into: &state)
        #expect(press(&state, .function(9)) == [])
        #expect(field() == .start)
    }

    /// The sixteenth walk: an activity ending four months after the promise
    /// period was saved without a word. F9 says so, on the date's field;
    /// F9 again saves (preparation may begin before the period); another
    /// date outside is told of again.
    @Test func anActivityDateOutsideThePromisePeriodIsToldOfBeforeItSaves() {
        var state = WorkspaceFixture.opened()
        _ = press(&state, .tab, .tab, .enter) // activity 1's form: 2027-02-01 – 2027-04-30; the period is 2027
        func field() -> FieldID? { ws(state)?.form.map { $0.fields[$0.focus].id } }
        for _ in 0..<20 where field() != .end { _ = press(&state, .tab) }
        _ = press(&state, .ctrl("u"))
        Fixtures.type("2028-04-30", into: &state)
        #expect(press(&state, .function(9)) == [])
        #expect(ws(state)?.form?.error == "”2028-04-30” ligger utanför löftesperioden (2027-01-01–2027-12-31). F9 igen sparar ändå; ändra datumet annars.")
        #expect(field() == .end)
        // Another date outside: told of again.
        _ = press(&state, .ctrl("u"))
        Fixtures.type("2028-05-31", into: &state)
        #expect(press(&state, .function(9)) == [])
        #expect(ws(state)?.form?.error?.contains("2028-05-31") == true)
        guard case .writeAnalysis(.saveActivity(let act), _)? = press(&state, .function(9)).first else {
            Issue.record("not saved: \(ws(state)?.form?.error ?? "")"); return
        }
        #expect(act.end == "2028-05-31")
        // Inside the period: saved at the first F9.
        state = WorkspaceFixture.opened()
        _ = press(&state, .tab, .tab, .enter)
        for _ in 0..<20 where field() != .end { _ = press(&state, .tab) }
        _ = press(&state, .ctrl("u"))
        Fixtures.type("2027-12-31", into: &state)
        guard case .writeAnalysis(.saveActivity, _)? = press(&state, .function(9)).first else {
            Issue.record("not saved: \(ws(state)?.form?.error ?? "")"); return
        }
    }

    /// The sixteenth walk: a sentence typed on a choice field vanished
    /// without a word.
    @Test func textTypedOnAChoiceFieldIsSaidToGoNowhere() {
        var state = WorkspaceFixture.opened()
        _ = press(&state, .tab, .tab, .enter)
        func field() -> FieldID? { ws(state)?.form.map { $0.fields[$0.focus].id } }
        for _ in 0..<20 where field() != .priority { _ = press(&state, .tab) }
        #expect(field() == .priority)
        let before = ws(state)?.form
        _ = press(&state, .char("h"))
        #expect(state.status?.text.contains("Fältet är ett val") == true)
        #expect(state.status?.isError == true)
        #expect(ws(state)?.form == before)
        _ = press(&state, .paste("hög prioritet"))
        #expect(state.status?.text.contains("Fältet är ett val") == true)
    }

    @Test func activitiesAreInPlanOrderAndADependencyCycleIsRefusedInTheForm() {
        var state = WorkspaceFixture.opened()
        _ = press(&state, .tab, .tab)
        #expect(ws(state)?.analysis?.orderedActivities.map(\.what) == ["Byt belysning", "Trygghetsvandring"])
        // Activity 1 cannot depend on 2, which depends on 1.
        _ = press(&state, .enter)
        for _ in 0..<7 { _ = press(&state, .tab) }
        #expect(ws(state)?.form?.fields[ws(state)?.form?.focus ?? 0].id == .dependsOn)
        Fixtures.type("2", into: &state)
        #expect(press(&state, .function(9)) == [])
        #expect(ws(state)?.form?.error == "Beroendena skulle gå i cirkel: 1 → 2 → 1")
        // An activity number that does not exist is named.
        _ = press(&state, .backspace)
        Fixtures.type("9", into: &state)
        #expect(press(&state, .function(9)) == [])
        #expect(ws(state)?.form?.error == "Beror på (nr): ingen aktivitet med nummer 9")
        _ = press(&state, .escape)
        #expect(ws(state)?.form == nil)
    }

    @Test func aNewActivityCarriesEveryField() {
        var state = WorkspaceFixture.opened()
        _ = press(&state, .tab, .tab, .function(2))
        Fixtures.type("Klotterplank", into: &state)
        _ = press(&state, .tab)
        Fixtures.type("Lagliga väggar", into: &state)
        _ = press(&state, .tab)
        Fixtures.type("Fritidsförvaltningen", into: &state)
        for _ in 0..<4 { _ = press(&state, .tab) }
        Fixtures.type("3", into: &state)
        _ = press(&state, .tab)
        Fixtures.type("1, 2", into: &state)
        _ = press(&state, .tab, .tab, .right, .tab, .right, .right, .right, .tab, .right)
        let effects = press(&state, .function(9))
        guard case .writeAnalysis(.saveActivity(let a), 1)? = effects.first else { Issue.record("no write: \(effects)"); return }
        #expect(a.id == 0 && a.what == "Klotterplank" && a.how == "Lagliga väggar" && a.organisation == "Fritidsförvaltningen")
        #expect(a.sequence == 3 && a.dependsOn == [51, 52] && a.focusAreaID == 21)
        #expect(a.effectTerm == .immediate && a.triangleSide == .place && a.involvesCitizens)
    }

    @Test func theGoalFormShowsTheSMARTFlagsAsTyped() {
        var state = WorkspaceFixture.opened()
        _ = press(&state, .tab, .tab, .tab, .function(2), .tab)
        Fixtures.type("Verka för tryggare kvällar", into: &state)
        guard case .workspace(let w) = state.screen, let form = w.form, let a = w.analysis else { return }
        let letters = WorkspaceForms.smartFlags(form, analysis: a).map(\.letter)
        #expect(letters == [.specific, .measurable, .accepted, .realistic, .timeBound])
        _ = press(&state, .function(9))
        #expect(ws(state)?.analysis?.goals.last?.smartFlags.isEmpty == false)
    }

    @Test func aWriteThatFailsGivesTheFormBackAsTyped() {
        var state = WorkspaceFixture.opened()
        _ = press(&state, .tab, .tab, .tab, .function(2), .tab)
        Fixtures.type("Minska klotter med 30 % till 2027-12-31", into: &state)
        _ = press(&state, .function(9))
        #expect(ws(state)?.form == nil)
        _ = state.update(.failed("Activity 51 is not in the store"))
        _ = state.update(.analysisLoaded(WorkspaceFixture.analysis))
        #expect(ws(state)?.form?.value(.goalText) == "Minska klotter med 30 % till 2027-12-31")
        #expect(ws(state)?.form?.error?.contains("Activity 51") == true)
        // A write that succeeds does not bring the form back.
        _ = press(&state, .function(9))
        _ = state.update(.analysisLoaded(WorkspaceFixture.analysis))
        _ = state.update(.failed("something else"))
        #expect(ws(state)?.form == nil)
    }

    @Test func theSelectedGoalIsDeletedAfterConfirming() {
        var state = WorkspaceFixture.opened()
        _ = press(&state, .tab, .tab, .tab, .down, .function(8))
        #expect(state.dialog == .confirm(.deleteGoal(62)))
        #expect(press(&state, .char("j")) == [.writeAnalysis(.deleteGoal(id: 62), cycleID: 1)])
    }

    @Test func f2AsksWhoseNotesTheCycleHoldsThenDraftsTheEmptySections() {
        // Issue 15: the sources are read for the draft, not with every
        // reading of the analysis (the workspace's start).
        var state = WorkspaceFixture.opened()
        for _ in 0..<4 { _ = press(&state, .tab) }
        #expect(ws(state)?.tab == .promise)
        #expect(press(&state, .function(2)) == [.loadPromiseSources(cycleID: 1)])
        // An answer for another cycle (a workspace left meanwhile) does nothing.
        #expect(state.update(.promiseSourcesLoaded(cycleID: 2, [.municipality: 3])) == [])
        let effects = state.update(.promiseSourcesLoaded(cycleID: 1, [.employee: 4, .municipality: 3]))
        guard case .writeAnalysis(.savePromise(let promise), cycleID: 1)? = effects.first, effects.count == 1 else {
            Issue.record("no promise saved: \(effects)"); return
        }
        #expect(promise[.jointPicture].contains("kommun och medarbetare"), "\(promise[.jointPicture])")
        #expect(state.status?.text.hasPrefix("Utkast i tomma avsnitt: ") == true, "\(state.status?.text ?? "")")
    }

    @Test func aMeetingOnlyPlannedIsNotCountedBehindThePicture() {
        // A county's walk: the draft said "2 dialogmöten" while one was only planned.
        var a = WorkspaceFixture.analysis
        var planned = WorkspaceFixture.meeting
        planned.id = 8
        planned.status = .planned
        a.meetings.append(planned)
        let p = PromiseDraft.make(a, texts: Texts(.sv))
        #expect(p[.jointPicture]?.hasPrefix("Lägesbilden bygger på ett möte, med synpunkter från") == true, "\(p[.jointPicture] ?? "")")
    }

    @Test func aMeetingWithoutNotesIsNotSaidToHaveHeardTheNotesSources() {
        // The twentieth walk: a VAD dialogue's notes and a problem analysis
        // held with the municipality: "2 dialogmöten med medarbetare".
        var a = WorkspaceFixture.analysis
        var analysis = WorkspaceFixture.meeting
        analysis.id = 9
        analysis.agendaID = "problemanalys"
        analysis.status = .finished
        a.meetings.append(analysis)
        let p = PromiseDraft.make(a, texts: Texts(.sv))
        #expect(p[.jointPicture]?.hasPrefix("Lägesbilden bygger på 2 möten, med synpunkter från medarbetare.") == true, "\(p[.jointPicture] ?? "")")
        let en = PromiseDraft.make(a, texts: Texts(.en))
        #expect(en[.jointPicture]?.hasPrefix("The joint picture is built on 2 meetings, with points raised by ") == true, "\(en[.jointPicture] ?? "")")
    }

    @Test func everySourceHeardInTheCycleIsNamedNotOnlyThoseInAFocusArea() {
        // The twenty-second session's walk: the municipality's notes of the
        // joint meeting were in no focus area, and the draft said the
        // picture had views from "medarbetare, medborgare och polis" in a
        // promise the municipality signs. And a statistics note counted as
        // a view "från dialogerna"; a target picture had no full stop.
        var a = WorkspaceFixture.analysis
        let heard: [NoteSource: Int] = [.employee: 4, .citizen: 3, .municipality: 2, .statistics: 1]
        var stats = a.notes.values.first!
        stats.id = 99
        stats.source = .statistics
        a.notes[99] = stats
        a.focusAreas[0].noteIDs.append(99)
        a.focusAreas[0].targetPicture = "Fler känner sig trygga vid stationen"
        a.promiseAreas = [a.focusAreas[0].id]
        let p = PromiseDraft.make(a, heard: heard, texts: Texts(.sv))
        #expect(p[.jointPicture]?.hasPrefix("Lägesbilden bygger på ett möte, med synpunkter från kommun, medarbetare och medborgare, och med statistik.") == true,
                "\(p[.jointPicture] ?? "")")
        let n = a.focusAreas[0].noteIDs.count - 1
        #expect(p[.focus]?.contains("utifrån \(n) \(n == 1 ? "synpunkt" : "synpunkter") från dialogerna samt 1 uppgift ur statistik") == true, "\(p[.focus] ?? "")")
        #expect(p[.focus]?.contains("Målbild: Fler känner sig trygga vid stationen.\n") == true, "\(p[.focus] ?? "")")
    }

    @Test func thePromiseDraftFillsOnlyEmptySections() {
        var state = WorkspaceFixture.opened()
        _ = press(&state, .tab, .tab, .tab, .tab)
        #expect(press(&state, .function(2)) == [.loadPromiseSources(cycleID: 1)])
        let effects = state.update(.promiseSourcesLoaded(cycleID: 1, [.employee: 3]))
        guard case .writeAnalysis(.savePromise(let p), 1)? = effects.first else { Issue.record("no draft"); return }
        // Each drafted section says it is a draft until gone through; the
        // line is never published.
        let mark = "\n[Utkast: läs, skriv om med egna ord och ta bort den här raden.]"
        #expect(p[.purpose].contains("Löftet gäller: Stationen.") && p[.validity] == "2027" + mark)
        #expect(p[.jointPicture] == "Lägesbilden bygger på ett möte, med synpunkter från medarbetare. Stationen: Otrygghet i gångtunneln." + mark)
        #expect(p[.activities] == "• Kommunen: Byt belysning (2027-02-01–2027-04-30)\n• Trygghetsvandring" + mark)
        #expect(p[.effects] == "• Minska andelen otrygga i tunneln (från 45 % till 30 % senast 2027-12-31)\n• Verka för ökad trygghet" + mark)
        #expect(PromiseSection.allCases.allSatisfy { p.needsWriting($0) })
        #expect(p.published(.activities) == "• Kommunen: Byt belysning (2027-02-01–2027-04-30)\n• Trygghetsvandring")
        #expect(p[.signatories].isEmpty)
        // Internal details stay out of the public promise.
        // (the organisation is the promise's actor; a person's name is not).
        #expect(!PromiseSection.allCases.contains { p[$0].contains("Anna") })
        // With the draft stored, a second draft leaves the written text alone.
        var analysis = WorkspaceFixture.analysis
        var written = p
        written.sections[.purpose] = "Vårt eget syfte"
        analysis.promise = written
        _ = state.update(.analysisLoaded(analysis))
        #expect(press(&state, .function(2)) == [.loadPromiseSources(cycleID: 1)])
        let again = state.update(.promiseSourcesLoaded(cycleID: 1, [.employee: 3]))
        #expect(again == [])
        #expect(state.status?.text == Texts(.sv)[.wsDraftNothing])
    }

    @Test func aFollowUpEntryConcernsAnActivityOrAGoal() {
        var state = WorkspaceFixture.opened()
        _ = press(&state, .backTab, .function(2))
        _ = press(&state, .right) // activity 1 → activity 2
        _ = press(&state, .tab, .right, .tab, .right, .tab, .tab) // performance; ongoing → not done
        Fixtures.type("Vandringen ställdes in", into: &state)
        let effects = press(&state, .function(9))
        guard case .writeAnalysis(.saveFollowUp(let f), 1)? = effects.first else { Issue.record("no write: \(effects)"); return }
        #expect(f.activityID == 52 && f.goalID == nil)
        #expect(f.aspect == .performance && f.status == .notDone && f.why == "Vandringen ställdes in" && f.date == "2026-12-03")
    }

    @Test func theTraceOfAnActivityReachesTheNotesWithTheirMeeting() {
        var state = WorkspaceFixture.opened()
        _ = press(&state, .tab, .tab, .function(5))
        guard case .trace(let trace)? = state.dialog else { Issue.record("no trace"); return }
        let text = trace.lines.map(\.text)
        #expect(text.first == "Aktivitet 1: Byt belysning")
        #expect(text.contains("Tjänar målet: Minska andelen otrygga i tunneln"))
        #expect(text.contains("Varför? 2: Trasiga armaturer [statistik]"))
        #expect(text.contains("”Otrygg gångtunnel vid stationen” — VAD-dialog 2026-12-03, Grupp 1, medarbetare"))
        _ = press(&state, .escape)
        #expect(state.dialog == nil)
    }

    @Test func activityOrderFollowsSequenceThenDependencies() {
        func act(_ id: Int64, _ sequence: Int, after: [Int64] = []) -> Activity {
            Activity(id: id, cycleID: 1, meetingID: 1, stepID: "s", what: "\(id)", sequence: sequence, dependsOn: after,
                     createdAt: Double(id))
        }
        // 3 depends on 4, though numbered before it.
        let sorted = ActivityOrder.sorted([act(1, 0), act(2, 1), act(3, 2, after: [4]), act(4, 3)])
        #expect(sorted.map(\.id) == [2, 4, 3, 1])
        #expect(ActivityOrder.cycle(adding: [3], to: 4, in: [3: [4]]) == [4, 3, 4])
        #expect(ActivityOrder.cycle(adding: [1], to: 4, in: [3: [4]]) == nil)
    }
}

@Suite struct ExportDialogTests {
    @Test func fromHomeAMeetingOffersItsDocumentsAndTheRequestGoesToTheBackground() {
        var state = AppState(language: .sv)
        _ = state.update(.homeLoaded([CycleOverview(cycle: WorkspaceFixture.cycle, meetings: [WorkspaceFixture.meeting])]))
        _ = state.update(.key(.down))
        _ = state.update(.key(.char("x")))
        guard case .form(let form) = state.screen else { Issue.record("no export form"); return }
        #expect(form.purpose == .export(.meeting(7)))
        #expect(form.value(.document) == "summary")
        _ = state.update(.key(.right)) // feedback
        _ = state.update(.key(.tab))
        _ = state.update(.key(.right)) // pdf
        _ = state.update(.key(.tab))
        _ = state.update(.key(.right)) // redact
        let effects = state.update(.key(.function(9)))
        // The public feedback is reviewed before it is written.
        #expect(effects == [.loadPublicReview(ExportRequest(target: .meeting(7), document: .feedback, format: .pdf, redact: true, output: "")),
                            .loadHome])
        guard case .home = state.screen else { Issue.record("not back home"); return }
        // Progress and the result show in the status line.
        _ = state.update(.exportProgress(.loading(done: 1, total: 3)))
        #expect(state.status?.text == "Exporterar: läser möte 2/3 …")
        _ = state.update(.exportFinished(path: "/tmp/meeting-7-feedback.pdf", warnings: 2))
        #expect(state.status?.text == "Exporterat: /tmp/meeting-7-feedback.pdf (2 anteckningar kan innehålla personuppgifter)")
    }

    @Test func fromTheWorkspaceTheCycleDocumentsAreOffered() {
        var state = WorkspaceFixture.opened()
        _ = state.update(.key(.function(7)))
        guard case .workspace(let ws) = state.screen, let form = ws.form else { Issue.record("no form"); return }
        #expect(form.purpose == .export(.cycle(1)))
        guard case .choice(let values, _, _) = form.fields[0].value else { return }
        #expect(values == ["situation", "analysis", "plan", "promise", "quality"])
        // Records formats take no document.
        _ = state.update(.key(.tab))
        for _ in 0..<4 { _ = state.update(.key(.right)) } // json
        #expect(state.update(.key(.function(9))) == [.export(ExportRequest(target: .cycle(1), document: nil, format: .json,
                                                                            redact: false, output: ""))])
        #expect(state.keyContext == .workspaceAreas)
    }
}

@Suite struct PromiseDraftTests {
    @Test("the draft says only what the data supports, in correct Swedish, and the promise stays a draft until gone through")
    func theDraftIsHonest() {
        var a = WorkspaceFixture.analysis
        let third = FocusArea(id: 23, cycleID: 1, meetingID: 7, stepID: "fokus", name: "Skolan", type: .place, noteIDs: [1], createdAt: 6)
        a.focusAreas.append(third)
        a.promiseAreas = [21, 22, 23]
        a.dots = [21: 3] // Torget and Skolan got no dots
        a.goals = a.goals.map { var g = $0; g.deadline = g.id == 62 ? "vecka 12" : "2027-12-31"; return g }
        let d = PromiseDraft.make(a, texts: Texts(.sv))
        #expect(d[.purpose]?.contains("Löftet gäller: Stationen, Torget och Skolan.") == true)
        #expect(d[.focus]?.contains("Stationen valdes som fokusområde utifrån") == true)
        #expect(d[.focus]?.contains("och prioriterades av deltagarna (3 prickar)") == true)
        #expect(d[.focus]?.contains("Torget valdes som fokusområde.") == true)
        #expect(d[.focus]?.contains("Skolan valdes som fokusområde utifrån 1 synpunkt från dialogerna.") == true)
        #expect(d[.focus]?.contains("(plats)") == false)
        // An area without a description adds nothing (no "– –").
        #expect(d[.jointPicture]?.contains("Torget:") == false)
        #expect(d[.jointPicture]?.contains("–") == false)
        // The earliest real date, not "vecka 12" by string order.
        #expect(d[.followCitizens]?.contains("senast 2027-12-31") == true)
        // Stored as it is, the promise is a draft: the banner stays, and no
        // instruction line is published.
        var record = DocumentFixture.record
        record.analysis.promise = Promise(cycleID: 1, sections: d.merging([.signatories: "Karin Lund"]) { a, _ in a })
        let doc = Documents.promise(record, language: .sv)
        guard case .notice(let banner)? = doc.blocks.first else { Issue.record("no draft banner"); return }
        #expect(banner.hasPrefix("Utkast"))
        let md = MarkdownRenderer.render(doc)
        #expect(!md.contains("[Utkast") && !md.contains("[Skriv"))
        #expect(md.contains("Löftet gäller: Stationen, Torget och Skolan."))
    }
}

@Suite struct PeriodTests {
    @Test(arguments: [
        ("2027", "2027-01-01", "2027-12-31"), ("2027 Q2", "2027-04-01", "2027-06-30"), ("2027–2028", "2027-01-01", "2028-12-31"),
        ("2021-02-01 – 2022-01-31", "2021-02-01", "2022-01-31"), ("2021-02-01 till 2022-01-31", "2021-02-01", "2022-01-31"),
        // As a county's walk wrote them: a plain dash or a slash between years, a season, a month.
        ("2026-2027", "2026-01-01", "2027-12-31"), ("2026/2027", "2026-01-01", "2027-12-31"), ("2026/27", "2026-01-01", "2027-12-31"),
        ("hösten 2027", "2027-07-01", "2027-12-31"), ("Våren 2028", "2028-01-01", "2028-06-30"), ("2028-02", "2028-02-01", "2028-02-29"),
        ("2027-09 – 2028-08", "2027-09-01", "2028-08-31"),
        ("2026–27", "2026-01-01", "2027-12-31"), ("HT 2026", "2026-07-01", "2026-12-31"), ("vt27", "2027-01-01", "2027-06-30"),
        ("HT-26", "2026-07-01", "2026-12-31"), ("VT 27", "2027-01-01", "2027-06-30"),
    ])
    func aPeriodIsReadAsItsFirstAndLastDay(_ period: String, _ first: String, _ last: String) {
        #expect(CyclePeriod.range(period)?.first == first && CyclePeriod.range(period)?.last == last)
    }

    @Test func freeTextHasNoRangeAndWrongDatesAreNamed() {
        #expect(CyclePeriod.range("Centrum, det nya löftet") == nil && CyclePeriod.problem("Centrum, det nya löftet") == nil)
        #expect(CyclePeriod.range("2027-13") == nil || CyclePeriod.problem("2027-13") != nil)
        #expect(CyclePeriod.problem("2028-2027") == .endBeforeStart)
        #expect(CyclePeriod.problem("2022-01-31 – 2021-02-01") == .endBeforeStart)
        #expect(CyclePeriod.problem("2021-02-30 – 2022-01-31") == .notADate("2021-02-30"))
        #expect(CyclePeriod.problem("2028–2027") == .endBeforeStart)
    }

    @Test func aNewCycleWithTheEndBeforeTheStartIsRefused() {
        var state = AppState(language: .sv)
        _ = state.update(.homeLoaded([])) // keys on the home screen wait for its rows
        _ = state.update(.key(.function(2)))
        for c in "LPO Ludvika" { _ = state.update(.key(.char(c))) }
        _ = state.update(.key(.tab))
        for c in "2022-01-31 – 2021-02-01" { _ = state.update(.key(.char(c))) }
        #expect(state.update(.key(.function(9))) == [])
        guard case .form(let form) = state.screen else { Issue.record("the form closed"); return }
        #expect(form.error == Texts(.sv)[.dateEndBeforeStart])
    }

    @Test func aGoalsDeadlineLiesInsideThePromisePeriod() {
        let a = WorkspaceFixture.analysis // period 2027
        var form = WorkspaceForms.goal(nil, analysis: a, defaultArea: 21, texts: Texts(.sv))
        form.fields[form.fields.firstIndex { $0.id == .goalText }!].value = .text(TextField("Minska inbrotten med 20 %"))
        form.fields[form.fields.firstIndex { $0.id == .deadline }!].value = .text(TextField("2028-03-01"))
        guard case .failure(let error) = WorkspaceForms.submit(form, .goal(nil), analysis: a, texts: Texts(.sv)) else {
            Issue.record("a deadline after the period was accepted"); return
        }
        #expect(error.message == "”2028-03-01” ligger utanför löftesperioden (2027-01-01–2027-12-31)")
        form.fields[form.fields.firstIndex { $0.id == .deadline }!].value = .text(TextField("2027-11-30"))
        guard case .success = WorkspaceForms.submit(form, .goal(nil), analysis: a, texts: Texts(.sv)) else {
            Issue.record("a deadline inside the period was refused"); return
        }
    }
}
