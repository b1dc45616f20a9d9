// The workspace merges and retires focus areas as the joint meeting can.

@testable import SamtalCore
import Testing

@Suite struct WorkspaceMergeTests {
    private func workspace(areas: [FocusArea]) -> AppState {
        var state = AppState(language: .sv, now: 1000, today: "2027-03-01")
        var ws = WorkspaceState(cycleID: 1)
        ws.analysis = CycleAnalysis(cycle: Cycle(id: 1, area: "LPO Fagersta", period: "2027", createdAt: 0), focusAreas: areas)
        state.screen = .workspace(ws)
        return state
    }

    private let areas = [FocusArea(id: 5, cycleID: 1, meetingID: 1, stepID: "fokus", name: "Storgatan", createdAt: 1),
                         FocusArea(id: 6, cycleID: 1, meetingID: 2, stepID: "fokus", name: "Storgatan centrum", createdAt: 2)]

    @Test func mOnOneAreaThenMOnAnotherMergesTheFirstIntoTheSecond() {
        var state = workspace(areas: areas)
        #expect(state.update(.key(.char("m"))).isEmpty)
        #expect(state.status?.text.contains("Välj fokusområdet att slå ihop med") == true)
        _ = state.update(.key(.down))
        #expect(state.update(.key(.char("m"))) == [.writeAnalysis(.mergeFocusAreas(from: 5, into: 6), cycleID: 1)])
        #expect(state.status?.text == "Ihopslagna: Storgatan → Storgatan centrum")
    }

    @Test func sSplitsTheSelectedAreaUnderANewName() {
        var state = workspace(areas: areas)
        #expect(state.update(.key(.char("s"))).isEmpty)
        guard case .workspace(let ws) = state.screen, let form = ws.form else { Issue.record("no form"); return }
        #expect(form.purpose == .workspace(.splitArea(from: 5)))
        Fixtures.type("Busstorget", into: &state)
        #expect(state.update(.key(.function(9))) == [.writeAnalysis(.splitFocusArea(from: 5, name: "Busstorget", type: .place), cycleID: 1)])
    }

    @Test func escGivesUpAMergeBeforeLeaving() {
        var state = workspace(areas: areas)
        _ = state.update(.key(.char("m")))
        #expect(state.update(.key(.escape)).isEmpty)
        guard case .workspace(let ws) = state.screen else { Issue.record("left the workspace"); return }
        #expect(ws.mergeSource == nil)
        #expect(state.status == nil)
    }

    @Test func anAreaIsNotMergedWithItself() {
        var state = workspace(areas: areas)
        _ = state.update(.key(.char("m")))
        #expect(state.update(.key(.char("m"))).isEmpty)
        #expect(state.status?.text.contains("inte ihop med sig självt") == true)
    }

    @Test func f8RetiresTheSelectedAreaAfterAsking() {
        var state = workspace(areas: areas)
        #expect(Keymap.action(for: .function(8), in: .workspaceAreas) == .wsDelete)
        #expect(state.keyContext == .workspaceAreas)
        _ = state.update(.key(.function(8)))
        #expect(state.dialog == .confirm(.deleteFocusArea(5)))
        #expect(state.update(.key(.char("j"))) == [.writeAnalysis(.deleteFocusArea(id: 5), cycleID: 1)])
    }
}
