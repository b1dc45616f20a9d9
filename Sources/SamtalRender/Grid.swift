// An in-memory grid of cells: every screen is drawn into one, tests read
// it as text, and the ncurses backend copies it to the terminal.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Colours named by purpose; the backend maps them to a theme.
public enum Role: UInt8, Sendable, CaseIterable {
    case normal, title, dim, border, selected, heading
    case timeOK, timeLow, timeOver
    case warning, error, success
    case typeProblem, typeOpportunity, typePositive, typeQuestion, typeDecision
    case keyLabel, keyText, input
}

public struct Style: Equatable, Sendable {
    public var role: Role
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(_ role: Role = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    public static let normal = Style()
}

public struct Cell: Equatable, Sendable {
    /// The text: one scalar's value (nearly every cell), 0 for none (the
    /// second column of a wide character), or, with `Cell.clusterBit`
    /// set, the number of a text of several scalars in `Cell.clusters`.
    /// A cell is plain data, no String: a frame's cells are written,
    /// copied and compared without reference counting (issue 15).
    private var code: UInt32
    /// The width and the style in one word: bits 0-7 the columns, 8-15
    /// the role, 16-18 bold, reverse, underline. Two words make a cell,
    /// so a frame is compared with the last one (only the cells that
    /// changed go to the terminal) at two integer comparisons a cell, and
    /// a row by one `memcmp` (issue 15).
    private var look: UInt32

    /// `text` is one grapheme cluster as it is drawn; "" for the second
    /// column of a wide character.
    public init(_ text: String = " ", width: Int = 1, style: Style = .normal) {
        let scalars = text.unicodeScalars
        let code: UInt32
        if let first = scalars.first {
            code = scalars.index(after: scalars.startIndex) == scalars.endIndex ? first.value : Cell.cluster(text)
        } else {
            code = 0
        }
        self.init(scalar: code, width: Int(UInt8(clamping: width)), style: style)
    }

    /// A cell of one scalar.
    @inline(__always) init(scalar: UInt32, width: Int, style: Style) {
        code = scalar
        look = UInt32(truncatingIfNeeded: width) & 0xFF | Cell.bits(style)
    }

    @inline(__always) static func bits(_ style: Style) -> UInt32 {
        UInt32(style.role.rawValue) << 8 | (style.bold ? 1 << 16 : 0) | (style.reverse ? 1 << 17 : 0) | (style.underline ? 1 << 18 : 0)
    }

    @inline(__always) public static func == (a: Cell, b: Cell) -> Bool { a.code == b.code && a.look == b.look }

    public var style: Style {
        get {
            Style(Role(rawValue: UInt8(truncatingIfNeeded: look >> 8)) ?? .normal,
                  bold: look & 1 << 16 != 0, reverse: look & 1 << 17 != 0, underline: look & 1 << 18 != 0)
        }
        set { look = look & 0xFF | Cell.bits(newValue) }
    }

    public static let blank = Cell()

    /// 1 or 2 for a drawn cell, 0 for the continuation of a wide one.
    public var width: Int { Int(look & 0xFF) }
    public var isContinuation: Bool { look & 0xFF == 0 }

    /// A blank of one column in the same style.
    @inline(__always) mutating func blankKeepingStyle() {
        code = 0x20
        look = look & ~0xFF | 1
    }

    /// The role and its bold, reverse and underline as one number:
    /// role << 3 | underline << 2 | reverse << 1 | bold.
    @inline(__always) public var styleKey: Int { Int(look >> 8 & 0xFF) << 3 | Int(look >> 16 & 7) }

    /// The same role, bold, reverse and underline as `other`.
    @inline(__always) public func sameStyle(as other: Cell) -> Bool { look >> 8 == other.look >> 8 }

    /// One grapheme cluster as it is drawn; "" for the second column of a
    /// wide character.
    public var text: String {
        if code & Cell.clusterBit != 0 { return Cell.clusters.withLock { $0.texts[Int(code & ~Cell.clusterBit)] } }
        guard code != 0, let scalar = Unicode.Scalar(code) else { return "" }
        return String(Character(scalar))
    }

    /// The scalars drawn, for the terminal: at most `limit`.
    public func scalars(_ limit: Int) -> [UInt32] {
        if code & Cell.clusterBit == 0 { return code == 0 ? [] : [code] }
        return text.unicodeScalars.prefix(limit).map(\.value)
    }

    /// The one scalar drawn, when the cell is one (nil for a cluster or
    /// none).
    public var scalar: UInt32? { code == 0 || code & Cell.clusterBit != 0 ? nil : code }

    static let clusterBit: UInt32 = 1 << 31

    /// The texts of several scalars drawn so far (a flag's letters, a
    /// letter with combining marks), each kept once for the process: few
    /// and small, as drawn cells are cut to five scalars.
    static let clusters = Mutex<(texts: [String], numbers: [String: UInt32])>(([], [:]))

    static func cluster(_ text: String) -> UInt32 {
        clusters.withLock { table in
            if let n = table.numbers[text] { return n | clusterBit }
            let n = UInt32(table.texts.count)
            table.texts.append(text)
            table.numbers[text] = n
            return n | clusterBit
        }
    }
}

public struct Size: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }
}

public struct Rect: Equatable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// The rectangle shrunk by `n` on every side.
    public func inset(_ n: Int) -> Rect { Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n) }

    /// Splits off `n` rows at the top: (top, rest).
    public func splitTop(_ n: Int) -> (Rect, Rect) {
        let h = min(max(0, n), height)
        return (Rect(x: x, y: y, width: width, height: h), Rect(x: x, y: y + h, width: width, height: height - h))
    }

    /// Splits off `n` rows at the bottom: (rest, bottom).
    public func splitBottom(_ n: Int) -> (Rect, Rect) {
        let h = min(max(0, n), height)
        return (Rect(x: x, y: y, width: width, height: height - h), Rect(x: x, y: maxY - h, width: width, height: h))
    }

    /// Splits off `n` columns at the left: (left, rest).
    public func splitLeft(_ n: Int) -> (Rect, Rect) {
        let w = min(max(0, n), width)
        return (Rect(x: x, y: y, width: w, height: height), Rect(x: x + w, y: y, width: width - w, height: height))
    }
}

public struct Grid: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be (the input line), if visible.
    public var cursor: (x: Int, y: Int)?

    public init(_ size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: size.width * size.height)
    }

    public static func == (a: Grid, b: Grid) -> Bool {
        a.size == b.size && a.cells == b.cells && a.cursor?.x == b.cursor?.x && a.cursor?.y == b.cursor?.y
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
    }

    func contains(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < size.width && y < size.height }

    /// Sets one cell, repairing any wide character it cuts in half.
    mutating func put(_ x: Int, _ y: Int, _ cell: Cell) {
        guard contains(x, y) else { return }
        let width = size.width
        cells.withUnsafeMutableBufferPointer { Grid.place(cell, at: x, y, in: $0, width: width) }
    }

    /// `put` into the cells' storage, taken once for a run of cells (the
    /// array's own subscript checks bounds and uniqueness on every access:
    /// ~50 instructions a cell, issue 15). `x`, `y` must be in the grid.
    @inline(__always)
    static func place(_ cell: Cell, at x: Int, _ y: Int, in cells: UnsafeMutableBufferPointer<Cell>, width: Int) {
        let i = y * width + x
        if cells[i].isContinuation, x > 0 { cells[i - 1].blankKeepingStyle() }
        if cells[i].width == 2, x + 1 < width { cells[i + 1].blankKeepingStyle() }
        cells[i] = cell
    }

    /// The columns of row `y` that differ from the same row of `previous`
    /// (a grid of the same size), widened to whole wide characters; nil
    /// when the row is the same. What the terminal is sent of a frame: a
    /// letter typed is a cell or two, not the screen.
    public func changedColumns(row y: Int, since previous: Grid) -> Range<Int>? {
        let width = size.width
        guard previous.size == size, y >= 0, y < size.height else { return 0..<width }
        return previous.cells.withUnsafeBufferPointer { b in
            changedColumns(row: y, since: UnsafeBufferPointer(rebasing: b[(y * width)..<((y + 1) * width)]))
        }
    }

    /// The same against the row's cells as they were (`width` cells).
    public func changedColumns(row y: Int, since old: [Cell]) -> Range<Int>? {
        guard old.count == size.width, y >= 0, y < size.height else { return 0..<size.width }
        return old.withUnsafeBufferPointer { changedColumns(row: y, since: $0) }
    }

    private func changedColumns(row y: Int, since b: UnsafeBufferPointer<Cell>) -> Range<Int>? {
        let width = size.width, row = y * width
        guard width > 0 else { return nil }
        return cells.withUnsafeBufferPointer { all in
            let a = UnsafeBufferPointer(rebasing: all[row..<(row + width)])
            // A cell is two 32-bit words, no padding: a row the same
            // as before is its same bytes, found by one memcmp.
            if memcmp(a.baseAddress!, b.baseAddress!, width * MemoryLayout<Cell>.stride) == 0 { return nil }
            var x = 0, end = width
            while x < width, a[x] == b[x] { x += 1 }
            if x == width { return nil }
            while end > x, a[end - 1] == b[end - 1] { end -= 1 }
            while x > 0, a[x].isContinuation || b[x].isContinuation { x -= 1 }
            while end < width, a[end].isContinuation || b[end].isContinuation { end += 1 }
            return x..<end
        }
    }

    /// The part of `r` inside the grid.
    func clipped(_ r: Rect) -> Rect {
        let x = max(0, r.x), y = max(0, r.y)
        return Rect(x: x, y: y, width: min(size.width, r.maxX) - x, height: min(size.height, r.maxY) - y)
    }

    /// The cells of a rectangle inside the grid, row by row.
    func cells(in r: Rect) -> [Cell] {
        var out: [Cell] = []
        out.reserveCapacity(r.width * r.height)
        for y in r.y..<r.maxY { out += cells[(y * size.width + r.x)..<(y * size.width + r.maxX)] }
        return out
    }

    /// Puts cells that `cells(in: r)` gave back into `r`, each as `put`
    /// would (a wide character cut at the edge is repaired alike).
    mutating func put(_ block: [Cell], in r: Rect) {
        guard block.count == r.width * r.height, !block.isEmpty else { return }
        let width = size.width
        cells.withUnsafeMutableBufferPointer { cells in
            block.withUnsafeBufferPointer { block in
                var k = 0
                for y in r.y..<r.maxY {
                    let row = y * width + r.x
                    // A row of one-column cells (a blank part, as `kept`
                    // draws into) needs no repair: copied whole (a cell at
                    // a time was a fifth of a frame, issue 15).
                    if (row..<(row + r.width)).allSatisfy({ cells[$0].width == 1 }) {
                        (cells.baseAddress! + row).update(from: block.baseAddress! + k, count: r.width)
                        k += r.width
                        continue
                    }
                    for x in r.x..<r.maxX {
                        Grid.place(block[k], at: x, y, in: cells, width: width)
                        k += 1
                    }
                }
            }
        }
    }

    /// Blanks whole rows, as a new grid has them.
    mutating func clear(rows: [Int]) {
        let width = size.width
        for y in rows where y >= 0 && y < size.height {
            cells.replaceSubrange((y * width)..<((y + 1) * width), with: repeatElement(Cell.blank, count: width))
        }
    }

    /// Fills a rectangle with blanks of a style.
    /// As `put` of each cell would: a wide character cut at an edge is
    /// repaired; inside, every cell is the blank (a dialog's fill, ~2,000
    /// cells, through `put` was a tenth of the projector's F1, issue 15).
    public mutating func fill(_ rect: Rect, style: Style = .normal) {
        let r = clipped(rect)
        guard !r.isEmpty else { return }
        let blank = Cell(scalar: 0x20, width: 1, style: style)
        let width = size.width
        cells.withUnsafeMutableBufferPointer { cells in
            for y in r.y..<r.maxY {
                Grid.place(blank, at: r.x, y, in: cells, width: width)
                Grid.place(blank, at: r.maxX - 1, y, in: cells, width: width)
                (cells.baseAddress! + y * width + r.x).update(repeating: blank, count: r.width)
            }
        }
    }

    /// Draws text from (x, y), clipped to `maxX` (exclusive). A wide
    /// character that does not fit whole is left out. Returns the column
    /// after the last drawn cell.
    @discardableResult
    public mutating func text(_ s: String, x: Int, y: Int, maxX: Int? = nil, style: Style = .normal) -> Int {
        let limit = min(maxX ?? size.width, size.width)
        guard y >= 0, y < size.height else { return x }
        // Latin text (å ä ö – ”, and ASCII): a cell per scalar while every
        // scalar is a grapheme of its own, looking at no more of the text
        // than the row has room for; the rest by grapheme cluster (issue 15).
        var col = x
        // Read from the UTF-8 bytes themselves (a native string's storage):
        // walking `unicodeScalars` by index cost ~200 instructions a cell,
        // most of a frame (issue 15).
        let width = size.width
        let stop: Int? = s.utf8.withContiguousStorageIfAvailable { bytes -> Int in
            cells.withUnsafeMutableBufferPointer { cells in
                var i = 0
                var (scalar, length) = UTF8Scalar.decode(bytes, at: 0)
                while i < bytes.count, DisplayWidth.isPlain(scalar) {
                    let next = i + length
                    let (after, afterLength) = UTF8Scalar.decode(bytes, at: next)
                    // The last plain scalar is a grapheme of its own only if
                    // what follows cannot extend it (a combining mark would).
                    if next < bytes.count, !DisplayWidth.isPlain(after) { break }
                    if col + 1 > limit { return -1 }
                    if col >= 0 { Grid.place(Cell(scalar: scalar, width: 1, style: style), at: col, y, in: cells, width: width) }
                    col += 1
                    (i, scalar, length) = (next, after, afterLength)
                }
                return i
            }
        }
        let plain: String.Index
        if let stop {
            if stop < 0 { return col }
            plain = s.utf8.index(s.utf8.startIndex, offsetBy: stop)
        } else {
            plain = DisplayWidth.plainPrefixEnd(s, limit: max(0, limit - x) + 1)
            for scalar in s.unicodeScalars[..<plain] {
                if col + 1 > limit { return col }
                if col >= 0 { put(col, y, Cell(scalar: scalar.value, width: 1, style: style)) }
                col += 1
            }
        }
        for g in s[plain...] {
            let (shown, w) = DisplayWidth.cell(for: g)
            if w == 0 { continue }
            if col + w > limit { break }
            if col >= 0 {
                let scalars = shown.unicodeScalars
                if w == 2, scalars.count == 2, scalars.allSatisfy({ DisplayWidth.of($0) == 1 }) {
                    // A flag drawn as its two letters: a cell each (one
                    // cell of two letters reached the terminal as U+FFFD).
                    for (i, letter) in scalars.enumerated() { put(col + i, y, Cell(scalar: letter.value, width: 1, style: style)) }
                } else {
                    put(col, y, Cell(shown, width: w, style: style))
                    if w == 2 { put(col + 1, y, Cell(scalar: 0, width: 0, style: style)) }
                }
            }
            col += w
        }
        return col
    }

    /// The visible text of a row: continuation cells skipped, trailing
    /// blanks kept so that columns line up in snapshots.
    public func rowText(_ y: Int) -> String {
        var s = ""
        for x in 0..<size.width where !self[x, y].isContinuation { s += self[x, y].text }
        return s
    }

    /// The whole grid as text, one line per row, trailing blanks trimmed.
    public var text: String {
        (0..<size.height).map { y in
            var line = rowText(y)
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}

/// One scalar read from well-formed UTF-8 (a Swift string's own storage).
enum UTF8Scalar {
    /// The scalar at byte `i` and its length in bytes; (0, 0) past the end.
    @inline(__always) static func decode(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        guard i < b.count else { return (0, 0) }
        let b0 = UInt32(b[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 { return ((b0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3) }
        return ((b0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F), 4)
    }
}
