// A key typed on the note line draws only the top row, the note line and
// the key bar again, over the frame on the screen, when the state's basis
// (everything else) is the same (issue 15). Whatever the history of keys,
// notes, ticks and messages, a frame drawn that way must be the frame
// `render` draws afresh; and typing must take that way.

import Testing
import SamtalCore
@testable import SamtalRender

@Suite("A frame drawn again in the note line's rows is the frame drawn whole")
struct PartialFrameTests {
    /// Follows frames as the interface draws them: over the last frame
    /// where the basis is the same, else whole. Each frame is checked
    /// against the whole one; returns whether it was drawn over.
    struct Screen {
        var size: Size
        var grid: Grid?
        var basis: FrameBasis?

        mutating func frame(_ state: AppState, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
            let whole = Screens.render(state, size: size)
            defer { grid = whole }
            guard var over = grid, let basis, Screens.sameBasis(basis, state, size: size) else {
                self.basis = Screens.basis(of: state, size: size)
                return false
            }
            Screens.redrawChangedRows(state, into: &over)
            if over != whole {
                let rows = (0..<size.height).filter { y in (0..<size.width).contains { over[$0, y] != whole[$0, y] } }
                let message = "rows \(rows) differ (cursor \(String(describing: over.cursor)) / \(String(describing: whole.cursor))); "
                    + "drawn over:\n" + over.text + "\nwhole:\n" + whole.text
                Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
            }
            return true
        }
    }

    func randomEvent(_ rng: inout some RandomNumberGenerator, nextID: inout Int64, now: inout Double, state: AppState) -> Event {
        let keys: [Key] = [.char("a"), .char("å"), .char(" "), .char("0"), .char("7"), .char("@"), .char("中"), .enter, .up, .down,
                           .pageUp, .pageDown, .tab, .backTab, .backspace, .escape, .home, .end, .left, .right, .ctrl("u"),
                           .function(2), .function(3), .function(7), .ctrl("p"), .paste("Ring Erik på 070-123 45 67")]
        switch Int.random(in: 0..<16, using: &rng) {
        case 0, 1:
            // A note saved, changed or deleted (or a key), as the kept
            // panels' histories have them.
            return KeptPanelTests().randomEvent(&rng, nextID: &nextID, state: state)
        case 2, 3, 4:
            // The clock: within the second, to the next, or half a minute on.
            now += [0.2, 0.7, 1.0, 31.0].randomElement(using: &rng)!
            return .tick(now: now, today: "2026-12-03")
        case 5:
            return .storeWaiting(Bool.random(using: &rng))
        default:
            // Letters most of all: what a note-taker does.
            if Bool.random(using: &rng) { return .key(.char(["a", "e", "ö", "k", "1"].randomElement(using: &rng)!)) }
            return .key(keys.randomElement(using: &rng)!)
        }
    }

    @Test("100 random histories on the note line, as facilitator and as a group's station",
          arguments: [RunRole.facilitator, .station(group: 2, name: "Grupp 2")])
    func randomHistories(role: RunRole) {
        var rng = SystemRandomNumberGenerator()
        var over = 0, frames = 0
        for _ in 0..<100 {
            var state = ShapeFixtures.running(notes: Int.random(in: 0...60, using: &rng), role: role)
            var screen = Screen(size: [Size(width: 100, height: 30), Size(width: 80, height: 24), Size(width: 132, height: 40)]
                .randomElement(using: &rng)!)
            var nextID: Int64 = 10_000
            var now = state.now
            for _ in 0..<60 {
                _ = state.update(randomEvent(&rng, nextID: &nextID, now: &now, state: state))
                if screen.frame(state) { over += 1 }
                frames += 1
            }
        }
        // Not a test that passes by never drawing over: most events are
        // letters on the line.
        #expect(over > frames / 4, "\(over) of \(frames) frames drawn over the last")
    }

    @Test("100 random histories of the cluster step: the new area's name typed, areas moved and named")
    func clusterHistories() {
        var rng = SystemRandomNumberGenerator()
        let keys: [Key] = [.up, .down, .tab, .enter, .escape, .char("m"), .char("1"), .char("a"), .char("å"), .backspace,
                           .pageDown, .function(3), .function(4), .char(" ")]
        var over = 0, frames = 0
        for _ in 0..<100 {
            let notes = ShapeFixtures.notes(Int.random(in: 0...40, using: &rng), stepID: "lokal-lagesbild")
            let areas = [StepFixtures.area(10, "Storgatan kvällstid", notes: [1, 2, 3]), StepFixtures.area(11, "Gångtunneln", notes: [4, 5])]
            var state = StepFixtures.state(.cluster, settings: ["notes_from": "step"],
                                           data: StepData(stepID: "steget", sourceNotes: notes, focusAreas: areas))
            var screen = Screen(size: Size(width: 100, height: 30))
            var now = state.now
            for _ in 0..<60 {
                if Int.random(in: 0..<5, using: &rng) == 0 {
                    now += 0.6
                    _ = state.update(.tick(now: now, today: "2026-12-03"))
                } else {
                    _ = state.update(.key(Bool.random(using: &rng) ? .char("e") : keys.randomElement(using: &rng)!))
                }
                if screen.frame(state) { over += 1 }
                frames += 1
            }
        }
        #expect(over > frames / 4, "\(over) of \(frames) frames drawn over the last")
    }

    @Test("Every letter of a note typed on the line, and the clock's seconds, are drawn over the last frame")
    func typingTakesThePartialWay() {
        var state = ShapeFixtures.running(notes: 300)
        var now = state.now
        // The interface's first tick comes before its first frame (the
        // clock is shared with the room's other screens then).
        _ = state.update(.tick(now: now, today: "2026-12-03"))
        var screen = Screen(size: Size(width: 100, height: 30))
        _ = screen.frame(state)
        for ch in "Buskörning vid torget, fredagar" {
            now += 0.3
            _ = state.update(.tick(now: now, today: "2026-12-03"))
            _ = state.update(.key(.char(ch)))
            let over = screen.frame(state)
            #expect(over, "'\(ch)' drew the whole frame")
        }
        // Saved: the notes panel changes, the frame is drawn whole.
        _ = state.update(.key(.enter))
        let over = screen.frame(state)
        #expect(!over)
    }
}

@Suite("A workspace form drawn over its kept cells is the form drawn afresh")
struct KeptFormTests {
    /// Every form the workspace's tabs open with a key, as their states.
    static func openForms() -> [AppState] {
        var forms: [AppState] = []
        for tab in WorkspaceTab.allCases {
            for opening: [Key] in [[.char("n")], [.enter], [.char("e")], [.down, .enter], [.char("w")], [.char("s")]] {
                let state = WorkspaceFixtures.state(tab: tab, keys: opening)
                if case .workspace(let ws) = state.screen, ws.form != nil { forms.append(state) }
            }
        }
        return forms
    }

    @Test("Random typing in every form the tabs open: text, pastes, moves between fields")
    func randomTyping() {
        var rng = SystemRandomNumberGenerator()
        let keys: [Key] = [.char("a"), .char("ö"), .char(" "), .char("7"), .char("中"), .backspace, .left, .right, .home, .end,
                           .tab, .backTab, .up, .down, .ctrl("u"), .enter,
                           .paste("Belysning i gångtunneln vid stationen, med kommunens fastighetsavdelning och polisen"),
                           .paste("Rad ett\nrad två\nrad tre")]
        let forms = Self.openForms()
        #expect(forms.count >= 6, "\(forms.count) forms opened")
        var kept = 0
        for start in forms {
            for size in [Size(width: 100, height: 30), Size(width: 80, height: 24)] {
                var state = start
                for _ in 0..<40 {
                    _ = state.update(.key(Bool.random(using: &rng) ? .char("e") : keys.randomElement(using: &rng)!))
                    guard case .workspace(let ws) = state.screen, ws.form != nil else { break }
                    _ = Screens.render(state, size: size)
                    let drawn = Screens.render(state, size: size)
                    var afresh: Grid?
                    _ = LayoutWork.count { afresh = Screens.render(state, size: size) }
                    if drawn != afresh {
                        Issue.record(Comment(rawValue: "kept:\n" + drawn.text + "\nafresh:\n" + (afresh?.text ?? "")))
                        return
                    }
                    if drawn.cursor?.x != afresh?.cursor?.x || drawn.cursor?.y != afresh?.cursor?.y {
                        Issue.record("cursor \(String(describing: drawn.cursor)) against \(String(describing: afresh?.cursor))")
                        return
                    }
                    kept += 1
                }
            }
        }
        #expect(kept > 200)
    }
}

@Suite("The long text under a form")
struct LongTypedTextTests {
    /// The seventeenth walk: at 80×24 the text shown whole under a form
    /// (a one-line field too long for its line) was cut after three
    /// lines without a sign that more followed.
    @Test("cut where the form ends, it says so with …")
    func cutSaysSo() {
        var state = WorkspaceFixtures.state(tab: .activities, keys: [.char("n")])
        guard case .workspace(let ws) = state.screen, let form = ws.form else {
            Issue.record("no activity form")
            return
        }
        // A one-line field: its whole text goes under the form.
        guard let one = form.fields.firstIndex(where: { !$0.isMultiline }) else {
            Issue.record("no one-line field")
            return
        }
        for _ in 0..<one { _ = state.update(.key(.tab)) }
        let words = Array(repeating: "Kommunens fastighetsavdelning, polisen och föreningarna vid torget", count: 12).joined(separator: " ")
        _ = state.update(.key(.paste(words)))
        let grid = Screens.render(state, size: Size(width: 80, height: 24))
        let rows = (0..<24).map { grid.rowText($0) }
        let shown = rows.filter { $0.contains("fastighetsavdelning") }
        #expect(shown.count >= 2, "\(rows.joined(separator: "\n"))")
        #expect(shown.last?.contains("…") == true, "\(rows.joined(separator: "\n"))")
    }
}

@Suite("A form's message")
struct FormMessageTests {
    /// The seventeenth walk: a form saved over what another terminal
    /// saved meanwhile asks first; its question is longer than a row and
    /// was cut at the screen's edge before its choice.
    @Test("another terminal's save: the whole question, over the form's lower edge")
    func theWholeQuestion() {
        var state = WorkspaceFixtures.state(tab: .focusAreas, keys: [.function(4)])
        for c in " och tunneln" { _ = state.update(.key(.char(c))) }
        var changed = WorkspaceFixtures.analysis
        changed.focusAreas[0].targetPicture += " – ändrad i ett möte"
        _ = state.update(.analysisLoaded(changed))
        _ = state.update(.key(.function(9)))
        let grid = Screens.render(state, size: Size(width: 80, height: 24))
        let screen = (0..<24).map { grid.rowText($0) }.joined(separator: "\n")
        #expect(screen.contains("En annan terminal sparade"), "\(screen)")
        #expect(screen.contains("utan att spara."), "\(screen)")
    }
}
