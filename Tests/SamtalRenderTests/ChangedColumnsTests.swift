// What the terminal is sent of a frame (`Grid.changedColumns`): every cell
// that changed, and whole wide characters at the ends of the stretch.

import Testing
@testable import SamtalRender

@Suite("The stretch of a row sent to the terminal")
struct ChangedColumnsTests {
    /// The reference: every column whose cell differs, then the stretch
    /// from the first to the last, widened while an end cuts a wide
    /// character of either frame.
    static func reference(_ a: Grid, _ b: Grid, row y: Int) -> Range<Int>? {
        let w = a.size.width
        let differing = (0..<w).filter { a[$0, y] != b[$0, y] }
        guard var x = differing.first, var end = differing.last.map({ $0 + 1 }) else { return nil }
        while x > 0, a[x, y].isContinuation || b[x, y].isContinuation { x -= 1 }
        while end < w, a[end, y].isContinuation || b[end, y].isContinuation { end += 1 }
        return x..<end
    }

    @Test("a cell is two words and no padding, so rows are compared by their bytes")
    func cellLayout() {
        #expect(MemoryLayout<Cell>.size == 8 && MemoryLayout<Cell>.stride == 8)
    }

    @Test("5,000 random pairs of rows with letters, styles and wide characters")
    func randomRows() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", "b", "å", "中", "👍", "–", " "]
        let styles = [Style.normal, Style(.dim), Style(.heading, bold: true), Style(.normal, reverse: true)]
        for _ in 0..<5_000 {
            var a = Grid(Size(width: 12, height: 1))
            var x = 0
            while x < 12 {
                x = a.text(pieces.randomElement(using: &rng)!, x: x, y: 0, style: styles.randomElement(using: &rng)!)
                if Int.random(in: 0..<8, using: &rng) == 0 { x += 1 }
            }
            var b = a
            for _ in 0..<Int.random(in: 0...3, using: &rng) {
                b.text(pieces.randomElement(using: &rng)!, x: Int.random(in: 0..<12, using: &rng), y: 0,
                       style: styles.randomElement(using: &rng)!)
            }
            #expect(b.changedColumns(row: 0, since: a) == Self.reference(b, a, row: 0), "\(a.rowText(0)) → \(b.rowText(0))")
        }
    }
}
