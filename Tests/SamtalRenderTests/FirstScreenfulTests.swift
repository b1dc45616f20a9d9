import Testing
import SamtalCore
@testable import SamtalRender

/// A cluster step gathering a cycle's notes opens on a first reading of a
/// screenful of them, the rest counted (`StepData.sourceNotesNotRead`,
/// issue 15): its frame is the one the whole reading draws.
@Suite struct FirstScreenfulTests {
    @Test("the first frame of a screenful of the cycle's notes is the whole reading's, at every size")
    func sameFrame() {
        let notes = ShapeFixtures.notes(400)
        // Areas holding notes among those read (the store reads everything
        // where an area holds one that is not).
        let areas = [StepFixtures.area(10, "Storgatan kvällstid", notes: [1, 4]), StepFixtures.area(11, "Gångtunneln", notes: [7])]
        var compared = 0
        for size in [Size(width: 100, height: 30), Size(width: 80, height: 24), Size(width: 132, height: 50), Size(width: 60, height: 16)] {
            let whole = StepFixtures.state(.cluster, settings: ["notes_from": "cycle"],
                                           data: StepData(stepID: "steget", sourceNotes: notes, focusAreas: areas))
            // The store reads whole meetings until it has the terminal's rows.
            for read in [size.height, size.height + 37] {
                var first = StepData(stepID: "steget", sourceNotes: Array(notes.prefix(read)), focusAreas: areas)
                first.sourceNotesNotRead = notes.count - read
                let partial = StepFixtures.state(.cluster, settings: ["notes_from": "cycle"], data: first)
                let (a, b) = (Screens.render(partial, size: size), Screens.render(whole, size: size))
                #expect(a.text == b.text, "\(size.width)×\(size.height), \(read) read")
                #expect(a == b, "\(size.width)×\(size.height), \(read) read: the same text, not the same looks")
                compared += 1
            }
        }
        #expect(compared == 8)
    }
}
