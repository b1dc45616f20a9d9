// `Grid.fill` blanks a rectangle as `put` of each of its cells would:
// a wide character cut by an edge is repaired, every cell inside blank.

import Testing
@testable import SamtalRender

@Suite("A rectangle filled is each of its cells put")
struct GridFillTests {
    @Test("2,000 random rectangles over rows of letters and wide characters")
    func randomRectangles() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", "å", "中", "👍", "–", " ", "文字"]
        for _ in 0..<2_000 {
            let size = Size(width: Int.random(in: 1...12, using: &rng), height: Int.random(in: 1...4, using: &rng))
            var grid = Grid(size)
            for y in 0..<size.height {
                var x = Int.random(in: 0...1, using: &rng)
                while x < size.width {
                    x = grid.text(pieces.randomElement(using: &rng)!, x: x, y: y, style: Style(.heading, bold: Bool.random(using: &rng)))
                }
            }
            let rect = Rect(x: Int.random(in: -2...size.width, using: &rng), y: Int.random(in: -1...size.height, using: &rng),
                            width: Int.random(in: 0...size.width + 2, using: &rng), height: Int.random(in: 0...size.height + 1, using: &rng))
            let style = Style(.dim, reverse: Bool.random(using: &rng))
            var reference = grid
            for y in max(0, rect.y)..<max(max(0, rect.y), min(size.height, rect.maxY)) {
                for x in max(0, rect.x)..<max(max(0, rect.x), min(size.width, rect.maxX)) {
                    reference.put(x, y, Cell(" ", style: style))
                }
            }
            grid.fill(rect, style: style)
            #expect(grid == reference, "\(rect) over\n\(reference.text)")
        }
    }
}
