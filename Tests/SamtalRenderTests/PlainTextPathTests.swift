// Latin text is measured and drawn by scalar while every scalar is a
// grapheme of its own (issue 15); the result must be exactly what going
// through grapheme clusters gives, for any text.

import Testing
@testable import SamtalRender
import SamtalCore

@Suite("Measuring and drawing by scalar gives what grapheme clusters give")
struct PlainTextPathTests {
    static let pool: [String] = ["a", "Å", "ö", "é", " ", "·", "─", "\u{301}", "\u{30A}", "\u{200D}", "\u{FE0F}", "👍", "🏽",
                                 "中", "\u{1F1F8}", "\u{1F1EA}", "\n", "\u{7}", "\u{AD}", "ß", "ǅ", "\u{2B0}", "\u{600}", "한",
                                 "–", "”", "…", "→", "€", "•", "\u{2028}", "\u{200B}", "\u{2060}", "\u{202E}", "\u{2192}", "\u{FE0E}"]

    /// The reference: every grapheme through `DisplayWidth.cell(for:)`.
    static func referenceWidth(_ s: String) -> Int { s.reduce(0) { $0 + DisplayWidth.cell(for: $1).1 } }

    static func referencePrefix(_ s: String, columns: Int) -> String {
        var out = "", used = 0
        for g in s {
            let w = DisplayWidth.cell(for: g).1
            if used + w > columns { break }
            out.append(g)
            used += w
        }
        return out
    }

    static func referenceRow(_ s: String, width: Int) -> String { referenceDrawn(s, width: width).row }

    /// The row drawn from column `x` (left of the grid when negative), cut
    /// at `maxX`, and the column after the last cell.
    static func referenceDrawn(_ s: String, width: Int, x: Int = 0, maxX: Int? = nil) -> (row: String, end: Int) {
        var grid = Grid(Size(width: width, height: 1))
        let limit = min(maxX ?? width, width)
        var col = x
        for g in s {
            let (shown, w) = DisplayWidth.cell(for: g)
            if w == 0 { continue }
            if col + w > limit { break }
            if col >= 0 {
                grid.put(col, 0, Cell(shown, width: w))
                if w == 2 { grid.put(col + 1, 0, Cell("", width: 0)) }
            }
            col += w
        }
        return (grid.rowText(0), col)
    }

    @Test("every plain scalar is one column, no mark or format character, and a grapheme of its own before another")
    func plainScalars() {
        let all = DisplayWidth.plainRanges.flatMap { $0 }.compactMap(Unicode.Scalar.init) + (0x20..<0x7F).compactMap(Unicode.Scalar.init)
        #expect(all.allSatisfy { DisplayWidth.isPlain($0.value) })
        for a in all {
            #expect(DisplayWidth.tableWidth(a) == 1, "U+\(String(a.value, radix: 16))")
            switch a.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .format, .control, .lineSeparator, .paragraphSeparator, .surrogate:
                Issue.record("U+\(String(a.value, radix: 16)) is \(a.properties.generalCategory)")
            default: break
            }
        }
        for (i, a) in all.enumerated() {
            // Against every other plain scalar would be 900,000 pairs: a
            // stride through them, different for each.
            for b in stride(from: i % 7, to: all.count, by: 7).map({ all[$0] }) {
                var s = ""
                s.unicodeScalars.append(a)
                s.unicodeScalars.append(b)
                if s.count != 2 { Issue.record("U+\(String(a.value, radix: 16)) U+\(String(b.value, radix: 16)) is one grapheme") }
            }
        }
        // Just outside: not plain.
        for v: UInt32 in [0x7F, 0xAD, 0x300, 0x200F, 0x2028, 0x205F, 0x2060, 0x20C1, 0x218F, 0x2200, 0x24FF, 0x25A0] {
            #expect(!DisplayWidth.isPlain(v), "U+\(String(v, radix: 16))")
        }
    }

    @Test("10,000 random texts of Latin letters, marks, emoji, flags, wide and control characters")
    func randomTexts() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<10_000 {
            let s = (0..<Int.random(in: 0...12, using: &rng)).map { _ in Self.pool.randomElement(using: &rng)! }.joined()
            #expect(DisplayWidth.of(s) == Self.referenceWidth(s), "width of \(s.unicodeScalars.map { String($0.value, radix: 16) })")
            let columns = Int.random(in: 0...14, using: &rng)
            #expect(DisplayWidth.prefix(s, columns: columns) == Self.referencePrefix(s, columns: columns))
            var grid = Grid(Size(width: 10, height: 1))
            grid.text(s, x: 0, y: 0)
            #expect(grid.rowText(0) == Self.referenceRow(s, width: 10), "drawn \(s.unicodeScalars.map { String($0.value, radix: 16) })")
            // From a column left of the row or inside it, cut short.
            let x = Int.random(in: -3...4, using: &rng), maxX = Int.random(in: 0...11, using: &rng)
            var cut = Grid(Size(width: 10, height: 1))
            let end = cut.text(s, x: x, y: 0, maxX: maxX)
            let reference = Self.referenceDrawn(s, width: 10, x: x, maxX: maxX)
            #expect(cut.rowText(0) == reference.row && end == reference.end,
                    "drawn from \(x) to \(maxX): \(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("the input line's window read from the bytes is the one walked by grapheme, for 20,000 random fields")
    func inputWindow() {
        var rng = SystemRandomNumberGenerator()
        // Mostly plain, so that the byte path is taken and its ends are met.
        let plainPool = ["a", "b", "Å", "ö", " ", "–", "”", "€", "→", "─", "é"]
        var byBytes = 0
        for _ in 0..<20_000 {
            let pool = Bool.random(using: &rng) ? plainPool : plainPool + Self.pool
            let s = (0..<Int.random(in: 0...30, using: &rng)).map { _ in pool.randomElement(using: &rng)! }.joined()
            var field = TextField(s)
            for _ in 0..<Int.random(in: 0...s.count, using: &rng) { field.moveLeft() }
            let width = Int.random(in: 2...12, using: &rng)
            let window = plainWindow(of: field, width: width) ?? graphemeWindow(of: field, width: width)
            let reference = graphemeWindow(of: field, width: width)
            if plainWindow(of: field, width: width) != nil { byBytes += 1 }
            #expect(window.text == reference.text && window.cursorColumn == reference.cursorColumn && window.cut == reference.cut && window.cutEnd == reference.cutEnd,
                    "\(s.unicodeScalars.map { String($0.value, radix: 16) }) cursor \(field.cursor) width \(width)")
        }
        #expect(byBytes > 5_000)
    }

    @Test("A line scrolled past its start shows … in its first column, a wide character's two included")
    func scrolledLineIsMarked() {
        var field = TextField("Ungdomar samlas vid busstationen")
        let end = visibleWindow(of: field, width: 10)
        // "stationen" before the cursor, its first letter the mark.
        #expect(end.text == "…tationen" && end.cursorColumn == 9)
        field = TextField("中文中文中文中文")
        let wide = visibleWindow(of: field, width: 7)
        #expect(wide.text == "… 中文" && wide.cursorColumn == 6)
        field = TextField("Kort")
        #expect(visibleWindow(of: field, width: 10).text == "Kort")
        // The cursor at the window's start: the character under it shown.
        field = TextField("Ungdomar samlas vid busstationen")
        for _ in 0..<12 { field.moveLeft() }
        let inside = visibleWindow(of: field, width: 10)
        #expect(!inside.text.hasPrefix("…") || inside.cursorColumn > 0)
    }

    @Test("A line cut at its right end shows … in its last column, unless the cursor stands there")
    func lineCutAtItsEndIsMarked() {
        var field = TextField("Ungdomar samlas vid busstationen")
        field.moveHome()
        let start = visibleWindow(of: field, width: 10)
        #expect(start.text == "Ungdomar …" && start.cursorColumn == 0)
        field = TextField("中文中文中文中文")
        field.moveHome()
        let wide = visibleWindow(of: field, width: 7)
        // Three wide characters fit; the third's two columns are "… ".
        #expect(wide.text == "中文… " && wide.cursorColumn == 0)
        // The window keeps the cursor in its last column once the text
        // before it is longer than the line: the character there is shown.
        field = TextField("Ungdomar samlas vid busstationen")
        for _ in 0..<12 { field.moveLeft() }
        let scrolled = visibleWindow(of: field, width: 10)
        #expect(scrolled.text == "…las vid b" && scrolled.cursorColumn == 9)
        // The whole text fits: no mark.
        field = TextField("Kort")
        field.moveHome()
        #expect(visibleWindow(of: field, width: 10).text == "Kort")
    }
}
