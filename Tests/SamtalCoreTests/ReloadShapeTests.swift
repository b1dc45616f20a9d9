// The shape of a reload's cost (issue 15): while a facilitator types, the
// terminal's own draft is committed once a second and the step is read
// again. The store then hands back the same array of notes (no note was
// written), and the core must tell so without looking at every note: at
// 3,000 notes a reload may cost no more than at 30. Counted, not timed.

import Testing
@testable import SamtalCore

@Suite("A reload that changed no note does not grow with the notes")
struct ReloadShapeTests {
    static func notes(_ count: Int) -> [Note] {
        (0..<count).map { i in
            Fixtures.note(Int64(i + 1), "Anteckning \(i) om nedskräpning vid torget", group: i % 3 + 1, at: Double(i))
        }
    }

    /// The note work of typing a line with the step read again (the same
    /// array from the store) after every third key.
    func typing(notes count: Int) -> (work: NoteWork, state: AppState) {
        let list = Self.notes(count)
        var state = Fixtures.running(notes: list)
        let work = NoteWork.count {
            for (i, c) in "Klotter på skolans gavel".enumerated() {
                _ = state.update(.key(.char(c)))
                if i % 3 == 2 { _ = state.update(.stepLoaded(StepData(stepID: "lagesbild", notes: list))) }
            }
        }
        return (work, state)
    }

    @Test("typing with reloads: 3,000 notes cost at most 1.2× 30")
    func typingWithReloads() {
        let small = typing(notes: 30), large = typing(notes: 3000)
        #expect(Double(large.work.notes) <= 1.2 * Double(small.work.notes), "notes looked at: \(small.work.notes) → \(large.work.notes)")
        #expect(Fixtures.run(large.state).notes.count == 3000)
        #expect(Fixtures.run(large.state).input.text == "Klotter på skolans gavel")
    }

    @Test("a reload with a note from another terminal shows it, and the next unchanged one is free again")
    func anotherTerminalsNote() {
        let list = Self.notes(300)
        var state = Fixtures.running(notes: list)
        let more = list + [Fixtures.note(301, "Ny från station 2", group: 2, at: 1e6)]
        let changed = NoteWork.count { _ = state.update(.stepLoaded(StepData(stepID: "lagesbild", notes: more))) }
        #expect(changed.notes > 0)
        #expect(Fixtures.run(state).note(id: 301)?.text == "Ny från station 2")
        #expect(Fixtures.run(state).notes.count == 301)
        let again = NoteWork.count { _ = state.update(.stepLoaded(StepData(stepID: "lagesbild", notes: more))) }
        #expect(again.notes == 0)
    }

    @Test("a note on its way stays through reloads, and the store's answer replaces it once")
    func provisionalThroughReloads() {
        let list = Self.notes(30)
        var state = Fixtures.running(notes: list)
        Fixtures.type("Trasig belysning", into: &state)
        _ = state.update(.key(.enter))
        _ = state.update(.stepLoaded(StepData(stepID: "lagesbild", notes: list)))
        #expect(Fixtures.run(state).notes.filter { $0.id < 0 }.map(\.text) == ["Trasig belysning"])
        let saved = Fixtures.note(31, "Trasig belysning", at: 1e6)
        _ = state.update(.noteSaved(saved))
        let stored = list + [saved]
        _ = state.update(.stepLoaded(StepData(stepID: "lagesbild", notes: stored)))
        _ = state.update(.stepLoaded(StepData(stepID: "lagesbild", notes: stored)))
        #expect(Fixtures.run(state).notes.filter { $0.text == "Trasig belysning" }.map(\.id) == [31])
        #expect(Fixtures.run(state).notes.count == 31)
    }

    @Test("a note edited here and read back unchanged is the store's, not the edit's")
    func editedThenSameList() {
        let list = Self.notes(30)
        var state = Fixtures.running(notes: list)
        // Shown as it will be stored, before the store answers.
        var edited = list[4]
        edited.text = "Ändrad här"
        _ = state.update(.noteUpdated(edited))
        // The store read again before the edit reached it: its list is the
        // one held before, and it is what is shown.
        _ = state.update(.stepLoaded(StepData(stepID: "lagesbild", notes: list)))
        #expect(Fixtures.run(state).note(id: list[4].id)?.text == list[4].text)
    }
}
