// The projector's frame under a dialog, and a help dialog, are taken from
// what was drawn before when they are drawn from the same (issue 15: F1 on
// the wall drew the whole wall again). Whatever the history of keys,
// notes, the clock, the wall's pages and the facilitator's steps, a frame
// drawn that way must be the frame drawn afresh; and F1 and Esc on the
// wall must take that way.

import Testing
import SamtalCore
@testable import SamtalRender

@Suite("A frame taken from what was drawn before is the frame drawn afresh")
struct KeptFrameTests {
    static let sizes = [Size(width: 100, height: 30), Size(width: 80, height: 24), Size(width: 132, height: 40), Size(width: 60, height: 16)]

    /// Renders `state` both ways; records where they differ.
    /// Each test's own wall kept: tests run side by side.
    let wall = KeptWall()

    func check(_ state: AppState, size: Size, sourceLocation: SourceLocation = #_sourceLocation) {
        let kept = Screens.render(state, size: size, kept: wall)
        let afresh = Screens.render(state, size: size, kept: nil)
        if kept != afresh {
            let rows = (0..<size.height).filter { y in (0..<size.width).contains { kept[$0, y] != afresh[$0, y] } }
            Issue.record(Comment(rawValue: "rows \(rows) differ; kept:\n" + kept.text + "\nafresh:\n" + afresh.text),
                         sourceLocation: sourceLocation)
        }
    }

    /// An event of a projector's (or a facilitator's) evening: its keys,
    /// notes from the groups, the clock, the wall turned or paused, the
    /// facilitator's next step.
    func randomEvent(_ rng: inout some RandomNumberGenerator, nextID: inout Int64, now: inout Double, state: AppState) -> Event {
        guard case .run(let run) = state.screen else { return .key(.escape) }
        switch Int.random(in: 0..<20, using: &rng) {
        case 0, 1, 2:
            return KeptPanelTests().randomEvent(&rng, nextID: &nextID, state: state)
        case 3, 4, 5, 6:
            now += [0.2, 0.7, 1.0, 31.0].randomElement(using: &rng)!
            return .tick(now: now, today: "2026-12-03")
        case 7:
            // The facilitator turned the wall, paused or started the
            // clock, or went on to another step.
            var meeting = run.meeting
            switch Int.random(in: 0..<3, using: &rng) {
            case 0:
                meeting.wallPage = meeting.wallCounter(at: now) + 1
                meeting.wallTurnedAt = now
            case 1:
                meeting.clockFrom = meeting.clockFrom == nil ? now : nil
            default:
                meeting.currentStepIndex = Int.random(in: 0..<run.agenda.steps.count, using: &rng)
            }
            return .meetingFollowed(meeting, stepSeconds: run.stepSeconds)
        default:
            // F1 and Esc most of all: what a projector's keys are.
            let keys: [Key] = [.function(1), .function(1), .escape, .escape, .char("?"), .up, .down, .pageDown, .pageUp, .char("a")]
            return .key(keys.randomElement(using: &rng)!)
        }
    }

    @Test("100 random histories of the wall, and of the facilitator's screen, with its help opened and closed",
          arguments: [RunRole.projector, .facilitator])
    func randomHistories(role: RunRole) {
        var rng = SystemRandomNumberGenerator()
        var fromBefore = 0, dialogs = 0
        for _ in 0..<100 {
            var state = ShapeFixtures.running(notes: Int.random(in: 0...60, using: &rng), role: role)
            let size = Self.sizes.randomElement(using: &rng)!
            var nextID: Int64 = 10_000
            var now = state.now
            var last: (AppState, ProjectorWall)?
            for _ in 0..<60 {
                _ = state.update(randomEvent(&rng, nextID: &nextID, now: &now, state: state))
                check(state, size: size)
                if state.dialog != nil { dialogs += 1 }
                if case .run(let run) = state.screen, run.role == .projector {
                    let wall = ProjectorWall(run, state: state)
                    if let last, last.1 == wall, last.0.equalsOutsideDialogAndNoteLine(state) { fromBefore += 1 }
                    last = (state, wall)
                }
            }
        }
        // ~2,400 on the wall, ~600 on the facilitator's screen (a letter
        // typed closes its help).
        #expect(dialogs > (role == .projector ? 1000 : 200), "\(dialogs) frames with a dialog")
        // Not a test that passes by never taking a frame from before.
        if role == .projector { #expect(fromBefore > 1000, "\(fromBefore) frames of the wall drawn as the frame before") }
    }

    @Test("F1, Esc and the clock's seconds on the wall draw it from the frame kept; a page turned draws it again")
    func helpOnTheWall() {
        var state = ShapeFixtures.running(notes: 40, role: .projector)
        let size = Size(width: 100, height: 30)
        guard case .run(let run) = state.screen else { Issue.record("not running"); return }
        let kept = wall
        check(state, size: size)
        #expect(Screens.render(state, size: size, kept: kept).text.contains("00:00 / 30:00"))
        _ = state.update(.key(.function(1)))
        #expect(state.dialog != nil)
        #expect(kept.has(state, wall: ProjectorWall(run, state: state), size: size))
        _ = state.update(.tick(now: state.now + 0.1, today: "2026-12-03"))
        #expect(kept.has(state, wall: ProjectorWall(run, state: state), size: size))
        // The clock's next second: the same frame, the clock drawn over it.
        _ = state.update(.tick(now: state.now + 1, today: "2026-12-03"))
        #expect(kept.has(state, wall: ProjectorWall(run, state: state), size: size))
        #expect(Screens.render(state, size: size, kept: kept).text.contains("00:01 / 30:00"))
        check(state, size: size)
        _ = state.update(.key(.escape))
        #expect(state.dialog == nil)
        check(state, size: size)
        // The facilitator turned the wall's page.
        var meeting = run.meeting
        meeting.wallPage = meeting.wallCounter(at: state.now) + 1
        meeting.wallTurnedAt = state.now
        _ = state.update(.meetingFollowed(meeting, stepSeconds: run.stepSeconds))
        guard case .run(let turned) = state.screen else { Issue.record("not running"); return }
        #expect(!kept.has(state, wall: ProjectorWall(turned, state: state), size: size))
        check(state, size: size)
    }

    @Test("A clock that widens as its time runs low and out gives the title the room it leaves, at every width and step")
    func clockWidens() {
        var widened = 0
        for width in stride(from: 60, through: 140, by: 2) {
            for step in 0..<ScreenFixtures.agenda.steps.count {
                var state = ShapeFixtures.running(notes: 5, role: .projector)
                guard case .run(let run) = state.screen else { Issue.record("not running"); return }
                let size = Size(width: width, height: 30)
                var meeting = run.meeting
                meeting.currentStepIndex = step
                // The clock's changes three seconds past the wall's page
                // turns (every ten seconds): the second after one is drawn
                // over the same page.
                meeting.clockFrom = 10_003
                _ = state.update(.meetingFollowed(meeting, stepSeconds: [:]))
                guard case .run(let moved) = state.screen, let start = moved.clockStart else { continue }
                let planned = Double(moved.step.minutes * 60)
                // A second before and after each change of the clock's
                // text: 80 % and 95 % of the time ("! "), and past it ("⚠ +").
                for at in [0.8, 0.95, 1.0] {
                    _ = state.update(.tick(now: start + planned * at - 0.5, today: "2026-12-03"))
                    check(state, size: size)
                    let before = ProjectorWall(moved, state: state)
                    _ = state.update(.tick(now: start + planned * at + 1, today: "2026-12-03"))
                    check(state, size: size)
                    let after = ProjectorWall(moved, state: state)
                    if after.clockWidth != before.clockWidth && after.page == before.page { widened += 1 }
                }
            }
        }
        #expect(widened > 300, "\(widened) seconds that widened the clock")
    }
}
