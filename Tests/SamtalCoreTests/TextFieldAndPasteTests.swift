import Testing
@testable import SamtalCore

@Suite struct PasteTests {
    func keys(_ s: String) -> [Key] { s.map { .char($0) } }

    @Test func anEscapeSequenceInAPasteIsText() {
        let burst: [Key] = keys("Röd ") + [.escape] + keys("[31mtext")
        let out = Paste.interpret(burst)
        #expect(out == keys("Röd \u{1B}[31mtext"))
        var state = Fixtures.running()
        for k in out { _ = state.update(.key(k)) }
        #expect(Fixtures.run(state).input.text == "Röd \u{1B}[31mtext")
    }

    @Test func aLoneEscapeStaysACommand() {
        #expect(Paste.interpret([.escape]) == [.escape])
        #expect(Paste.interpret([.char("a"), .escape]) == [.char("a"), .escape])
    }

    @Test func tabsAndControlsInsideAPasteAreText() {
        let burst: [Key] = keys("kolumn") + [.tab] + keys("två") + [.ctrl("g")]
        #expect(Paste.interpret(burst) == keys("kolumn\ttvå\u{07}"))
        // Typing fast is not a paste: a tab still switches the group.
        #expect(Paste.interpret([.char("a"), .tab]) == [.char("a"), .tab])
    }
}
