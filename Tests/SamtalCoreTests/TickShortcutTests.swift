import Testing
@testable import SamtalCore

/// A tick within the second is taken by a shortcut that changes only the
/// time (`AppState.tickOnlyMovesTime`, issue 15): wherever it is taken,
/// the state and the effects are those of the whole `update`.
@Suite struct TickShortcutTests {
    /// Random histories of keys, ticks (within the second, across it, 30 s
    /// on), messages and readings, as a facilitator, a station and the
    /// projector, on a meeting running or finished; at every tick both ways.
    @Test("at every tick of 200 random histories, the shortcut gives what the whole update gives",
          arguments: [RunRole.facilitator, .station(group: 2, name: "Åsa"), .projector])
    func sameAsWhole(role: RunRole) {
        var rng = SystemRandomNumberGenerator()
        let keys: [Key] = [.char("a"), .char("ö"), .backspace, .enter, .escape, .down, .up, .tab, .pageDown, .pageUp, .function(2)]
        var shortcuts = 0, ticks = 0
        for _ in 0..<200 {
            var meeting = Fixtures.meeting()
            if Int.random(in: 0..<4, using: &rng) == 0 { meeting.status = .finished }
            var state = AppState(language: .sv, now: 1000, today: "2026-12-03")
            // The home screen's ticks before the meeting is opened.
            if Bool.random(using: &rng) { _ = state.update(.tick(now: 999.5, today: "2026-12-03")) }
            _ = state.update(.meetingOpened(OpenedMeeting(meeting: meeting, agenda: Fixtures.agenda, stepSeconds: [:], notes: [],
                                                          role: role)))
            var now = 999.5
            for step in 0..<60 {
                switch Int.random(in: 0..<10, using: &rng) {
                case 0..<5:
                    now += [0.01, 0.2, 0.45, 0.9, 1.3, 31][Int.random(in: 0..<6, using: &rng)]
                    let tick = Event.tick(now: now, today: "2026-12-03")
                    var whole = state
                    let expected = whole.updateFully(tick)
                    if state.tickOnlyMovesTime(now) { shortcuts += 1 }
                    let effects = state.update(tick)
                    ticks += 1
                    #expect(effects == expected)
                    guard state == whole else {
                        Issue.record("step \(step): the shortcut's state is not the whole update's")
                        return
                    }
                case 5:
                    // A message running out later.
                    _ = state.update(.storeWaiting(Bool.random(using: &rng)))
                case 6:
                    _ = state.update(.stepLoaded(StepData(stepID: "lagesbild", notes: [Fixtures.note(Int64(step + 1), "Lapp \(step)")])))
                default:
                    _ = state.update(.key(keys.randomElement(using: &rng)!))
                }
            }
        }
        // Both ways were taken.
        #expect(shortcuts > 1_000)
        #expect(ticks - shortcuts > 1_000)
    }
}
