// A form's unsaved content kept as a draft: written once a second and on
// leaving, removed when the form is saved or given up, and opened again,
// in its form, when its screen is next loaded.

import Testing
@testable import SamtalCore

@Suite struct FormDraftTests {
    @Test("every purpose that keeps a draft reads back from its key; the export dialog keeps none")
    func keysRoundTrip() {
        let purposes: [FormPurpose] = [
            .newCycle, .editCycle(3), .newMeeting(cycleID: 4), .facts(meetingID: 5),
            .workspace(.focusArea(6)), .workspace(.splitArea(from: 7)), .workspace(.problem(areaID: 8)),
            .workspace(.cause(areaID: 9, causeID: nil, parentID: nil)), .workspace(.cause(areaID: 9, causeID: 10, parentID: 11)),
            .workspace(.cause(areaID: 9, causeID: nil, parentID: 12)), .workspace(.activity(nil)), .workspace(.activity(13)),
            .workspace(.goal(nil)), .workspace(.goal(14)), .workspace(.promise), .workspace(.followUp(nil)), .workspace(.followUp(15)),
        ]
        for purpose in purposes {
            let key = purpose.draftKey
            #expect(key != nil)
            #expect(key.flatMap(FormPurpose.init(draftKey:)) == purpose)
        }
        #expect(FormPurpose.export(.cycle(1)).draftKey == nil)
        for bad in ["", "activity", "activity:x", "cause:1:2", "facts:-", "nothing:1", "promise:1"] {
            #expect(FormPurpose(draftKey: bad) == nil, "\(bad)")
        }
    }

    func typed(_ text: String, _ state: inout AppState) {
        Fixtures.type(text, into: &state)
    }

    @Test("typing in a workspace form writes its draft at the next second, once; Esc removes it")
    func workspaceDraftWrittenAndRemoved() {
        var state = WorkspaceFixture.opened()
        _ = state.update(.formDraftLoaded(scope: "cycle:1", nil)) // nothing left from before
        _ = state.update(.key(.tab)); _ = state.update(.key(.tab)) // the activities
        _ = state.update(.key(.function(2)))
        typed("Trygghetsvandring i centrum", &state)
        #expect(state.update(.tick(now: 0.5, today: "2026-12-03")).isEmpty == false)
        let draft = FormDraft(purpose: "activity:-", fields: (state.openForm?.form.fields.map(\.rawText))!)
        #expect(draft.fields.first == "Trygghetsvandring i centrum")
        #expect(state.formDraftsWritten == ["cycle:1": draft])
        // The same second, or nothing new: no write.
        #expect(state.update(.tick(now: 0.9, today: "2026-12-03")) == [])
        #expect(state.update(.tick(now: 1.2, today: "2026-12-03")) == [])
        typed(" varje månad", &state)
        #expect(state.update(.tick(now: 2.1, today: "2026-12-03")).count == 1)
        // Esc removes it at once, not at the next second (a kill -9 in
        // between would bring the form back).
        #expect(state.update(.key(.escape)) == [.saveFormDraft(scope: "cycle:1", draft: nil)])
        #expect(state.update(.tick(now: 3.1, today: "2026-12-03")) == [])
    }

    @Test("a quit signal writes the open form's draft before the program ends")
    func quitWritesTheDraft() {
        var state = WorkspaceFixture.opened()
        _ = state.update(.key(.function(4))) // the focus area
        _ = state.update(.key(.tab)); _ = state.update(.key(.tab))
        typed(" med ljus", &state)
        let effects = state.quitEffects()
        #expect(effects.last == .quit)
        guard case .saveFormDraft(let scope, let draft?)? = effects.first else { Issue.record("\(effects)"); return }
        #expect(scope == "cycle:1")
        #expect(draft.purpose == "focusArea:21")
        #expect(draft.fields.contains("En trygg station med ljus"))
    }

    @Test("a draft left from before opens its form again, with its text, on its tab, once the analysis is read")
    func draftRestoredInTheWorkspace() {
        var state = AppState(language: .sv, now: 0, today: "2026-12-03")
        var fields = WorkspaceForms.activity(WorkspaceFixture.analysis.activities[0], analysis: WorkspaceFixture.analysis,
                                             defaultArea: nil, texts: state.texts).fields.map(\.rawText)
        fields[0] = "Byt belysning i tunneln"
        #expect(state.openWorkspace(cycleID: 1) == [.loadAnalysis(cycleID: 1)])
        #expect(state.update(.analysisLoaded(WorkspaceFixture.analysis)) == [.loadFormDraft(scope: "cycle:1")])
        // Read again (another terminal's commit): not asked again.
        #expect(state.update(.analysisLoaded(WorkspaceFixture.analysis)) == [])
        #expect(state.update(.formDraftLoaded(scope: "cycle:1", FormDraft(purpose: "activity:51", fields: fields))) == [])
        guard case .workspace(let ws) = state.screen, let form = ws.form else { Issue.record("no form"); return }
        #expect(ws.tab == .activities)
        #expect(form.purpose == .workspace(.activity(51)))
        #expect(form.fields.first?.text == "Byt belysning i tunneln")
        #expect(form.isChanged)
        #expect(state.status?.text == "Osparad text från sist: F9 sparar, Esc kastar den")
        // Kept as written: no write until it changes.
        #expect(state.update(.tick(now: 1.5, today: "2026-12-03")) == [])
    }

    @Test("a restored draft that holds what its record holds is removed by Esc, or at the next second if left")
    func restoredDraftEqualToTheRecord() {
        for esc in [true, false] {
            var state = AppState(language: .sv, now: 0, today: "2026-12-03")
            _ = state.openWorkspace(cycleID: 1)
            _ = state.update(.analysisLoaded(WorkspaceFixture.analysis))
            let area = WorkspaceFixture.analysis.focusAreas[0]
            let fields = WorkspaceForms.focusArea(area, leads: true, texts: state.texts).fields.map(\.rawText)
            _ = state.update(.formDraftLoaded(scope: "cycle:1", FormDraft(purpose: "focusArea:21", fields: fields)))
            #expect(state.openForm?.form.isChanged == false)
            if esc {
                #expect(state.update(.key(.escape)) == [.saveFormDraft(scope: "cycle:1", draft: nil)])
            } else {
                #expect(state.update(.tick(now: 1.5, today: "2026-12-03")) == [.saveFormDraft(scope: "cycle:1", draft: nil)])
            }
            #expect(state.update(.tick(now: 2.5, today: "2026-12-03")) == [])
        }
    }

    @Test("saving a restored form takes its draft along in the save's transaction; a failed save writes it again")
    func savedWithItsDraft() {
        var state = AppState(language: .sv, now: 0, today: "2026-12-03")
        _ = state.openWorkspace(cycleID: 1)
        _ = state.update(.analysisLoaded(WorkspaceFixture.analysis))
        let draft = FormDraft(purpose: "activity:-", fields: ["Nattvandring"])
        _ = state.update(.formDraftLoaded(scope: "cycle:1", draft))
        let effects = state.update(.key(.function(9)))
        guard case .removingFormDraft("cycle:1", .writeAnalysis(.saveActivity(let a), cycleID: 1))? = effects.first else {
            Issue.record("\(effects)"); return
        }
        #expect(a.what == "Nattvandring")
        #expect(state.status?.text != "Osparad text från sist: F9 sparar, Esc kastar den")
        #expect(state.update(.tick(now: 1.5, today: "2026-12-03")) == [])
        // The write failed (its transaction, the draft's removal with it,
        // rolled back): the form is back, and its draft is written again.
        _ = state.update(.failed("disk full"))
        #expect(state.openForm?.form.value(.what) == "Nattvandring")
        let again = state.update(.tick(now: 2.5, today: "2026-12-03"))
        guard case .saveFormDraft("cycle:1", let written?)? = again.first else { Issue.record("\(again)"); return }
        #expect(written.fields.first == "Nattvandring")
    }

    @Test("a draft whose record is gone is shown in the message line and removed")
    func draftOfAGoneRecord() {
        var state = AppState(language: .sv, now: 0, today: "2026-12-03")
        _ = state.openWorkspace(cycleID: 1)
        _ = state.update(.analysisLoaded(WorkspaceFixture.analysis))
        let effects = state.update(.formDraftLoaded(scope: "cycle:1", FormDraft(purpose: "goal:999", fields: ["Färre inbrott", ""])))
        #expect(effects == [.saveFormDraft(scope: "cycle:1", draft: nil)])
        #expect(state.status?.isError == true)
        #expect(state.status?.text.contains("Färre inbrott") == true)
        guard case .workspace(let ws) = state.screen else { Issue.record("not the workspace"); return }
        #expect(ws.form == nil)
    }

    @Test("the home screen's draft: a meeting's facts with its participant rows come back")
    func homeFactsRestored() {
        var state = AppState(language: .sv, agendas: [AgendaInfo(id: "medarbetardialog-vad", title: "Medarbetardialog – VAD")],
                             now: 0, today: "2026-12-03")
        let cycle = Cycle(id: 1, area: "LPO Fagersta", period: "2027", createdAt: 0)
        #expect(state.update(.homeLoaded([CycleOverview(cycle: cycle, meetings: [Fixtures.meeting()])])) == [.loadFormDraft(scope: "home")])
        var fields = Form.facts(for: Fixtures.meeting(), texts: state.texts).fields.map(\.rawText)
        fields[2] = "Polisstationen"
        let draft = FormDraft(purpose: "facts:7", fields: fields, participants: [["Ingripande", "polis", "12", "5", "7", "0"]])
        _ = state.update(.formDraftLoaded(scope: "home", draft))
        guard case .form(let form) = state.screen else { Issue.record("no form: \(state.screen)"); return }
        #expect(form.value(.place) == "Polisstationen")
        #expect(form.participants?.map { $0.map(\.text) } == [["Ingripande", "polis", "12", "5", "7", "0"]])
        #expect(form.draft == draft)
        // Saved: the draft goes in the save's transaction, and is not
        // written again while the save is on its way.
        let effects = state.update(.key(.function(9)))
        guard case .removingFormDraft(let scope, .saveFacts(let id, _, _, _))? = effects.first else { Issue.record("\(effects)"); return }
        #expect(scope == "home" && id == 7)
        #expect(state.update(.tick(now: 1.5, today: "2026-12-03")) == [])
        _ = state.update(.factsSaved(Fixtures.meeting()))
        #expect(state.update(.tick(now: 2.5, today: "2026-12-03")) == [])
    }
}
