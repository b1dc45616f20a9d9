// A frame's changed cells as the bytes that draw them, written to the
// terminal in one write (issue 15).
//
// Why not ncurses' own output: its doupdate runs a scroll detection that
// hashes every row of the screen on every refresh, whatever changed, and
// has no switch to turn it off (it is on wherever the terminal can scroll a
// region); with the cells copied into its window first, a typed letter cost
// ~55 K instructions in ncurses, a quarter of the keystroke. The renderer
// already knows which cells changed (`Grid.changedColumns`, as ratatui's
// buffer diff does, ../shared/STYLE.md): they are sent as they are, with
// the terminal's own terminfo strings. ncurses still sets the terminal up
// (modes, the alternate screen, keypad), reads the keys and restores it.

import CNcursesw
import Glibc
import SamtalRender

/// The terminfo strings a frame is drawn with.
struct TerminalStrings {
    /// All attributes and colours off.
    var normal: [UInt8]
    var bold: [UInt8]
    var reverse: [UInt8]
    var underline: [UInt8]
    var dim: [UInt8]
    /// The terminal's own colours back (terminfo's op), after `normal`.
    var defaultColours: [UInt8]
    /// The foreground and background colour: the capability's text,
    /// formatted for a colour number; nil where there are none.
    var foreground: String?
    var background: String?
    /// How the cursor is moved: `ansi` for ESC [ row ; column H (every
    /// terminal samtal meets), else terminfo's cup, formatted each time.
    var moveANSI: Bool
    var move: String?
    /// Writing the bottom-right cell scrolls the screen (auto margins
    /// without xterm's "eat newline" glitch): that cell is left alone.
    var bottomRightScrolls: Bool

    /// An ANSI (xterm) terminal: for tests.
    static let ansi = TerminalStrings(
        normal: Array("\u{1B}[m".utf8),
        bold: Array("\u{1B}[1m".utf8), reverse: Array("\u{1B}[7m".utf8),
        underline: Array("\u{1B}[4m".utf8), dim: Array("\u{1B}[2m".utf8),
        defaultColours: Array("\u{1B}[39;49m".utf8),
        foreground: "\u{1B}[3%p1%dm", background: "\u{1B}[4%p1%dm",
        moveANSI: true, move: nil, bottomRightScrolls: false)

    /// The strings of the terminal ncurses was set up for (`newterm` first).
    static func fromTerminfo() -> TerminalStrings {
        func string(_ name: String) -> String? {
            guard let p = name.withCString({ samtal_tigetstr($0) }) else { return nil }
            return withoutPadding(String(cString: p))
        }
        func bytes(_ name: String) -> [UInt8] { Array((string(name) ?? "").utf8) }
        func flag(_ name: String) -> Bool { name.withCString { samtal_tigetflag($0) } > 0 }
        let cup = string("cup")
        let ansiMoves = ["\u{1B}[%i%p1%d;%p2%dH"]
        return TerminalStrings(
            normal: bytes("sgr0"),
            bold: bytes("bold"), reverse: bytes("rev"), underline: bytes("smul"), dim: bytes("dim"),
            defaultColours: bytes("op"),
            foreground: string("setaf"), background: string("setab"),
            moveANSI: cup.map { ansiMoves.contains($0) } ?? false, move: cup,
            bottomRightScrolls: flag("am") && !flag("xenl"))
    }
}

/// A terminfo string without its padding ("$<2>", "$<5*/>": delays
/// ncurses' tputs makes by sending pad characters or waiting). The
/// terminals that asked for them were hardware ones at low baud rates; a
/// frame sent whole in one write does not need them, and sent as they
/// are they would show as text.
func withoutPadding(_ s: String) -> String {
    guard s.contains("$<") else { return s }
    var out = ""
    var rest = Substring(s)
    while let start = rest.range(of: "$<") {
        let after = rest[start.upperBound...]
        guard let end = after.firstIndex(of: ">"),
              after[..<end].allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "*" || $0 == "/") }) else {
            out += rest[..<start.upperBound]
            rest = after
            continue
        }
        out += rest[..<start.lowerBound]
        rest = after[after.index(after: end)...]
    }
    return out + rest
}

/// How each role looks, as the bytes that set it: by a cell's style key
/// (`Cell.styleKey`: the role and its bold, reverse and underline).
struct StyleBytes {
    private var looks: [Theme.Look]
    private var background: Int16?
    private var colour: Bool
    private var strings: TerminalStrings
    /// Made when first needed (a frame uses a few of the 160 keys).
    private var made: [[UInt8]?]

    init(theme: Theme, colour: Bool, strings: TerminalStrings) {
        looks = Role.allCases.map { theme.look($0) }
        background = colour ? theme.background : nil
        self.colour = colour
        self.strings = strings
        made = Array(repeating: nil, count: Role.allCases.count << 3)
    }

    /// Whether a blank of this style shows as the cleared screen does.
    func isPlain(_ key: Int) -> Bool {
        let flags = key & 7
        guard flags == 0, let look = look(key) else { return false }
        return !look.bold && !look.reverse && !look.underline && !look.dim
            && (!colour || (look.foreground == nil && background == nil))
    }

    private func look(_ key: Int) -> Theme.Look? {
        let role = key >> 3
        return looks.indices.contains(role) ? looks[role] : nil
    }

    mutating func bytes(_ key: Int) -> [UInt8] {
        if made.indices.contains(key), let b = made[key] { return b }
        var look = look(key) ?? Theme.Look()
        if key & 1 != 0 { look.bold = true }
        if key & 2 != 0 { look.reverse = true }
        if key & 4 != 0 { look.underline = true }
        var b = strings.normal
        if colour { b += strings.defaultColours }
        if look.bold { b += strings.bold }
        if look.reverse { b += strings.reverse }
        if look.underline { b += strings.underline }
        if look.dim { b += strings.dim }
        if colour, let fg = look.foreground, let format = strings.foreground { b += Self.format(format, Int32(fg)) }
        if colour, let bg = background, let format = strings.background { b += Self.format(format, Int32(bg)) }
        if made.indices.contains(key) { made[key] = b }
        return b
    }

    static func format(_ format: String, _ a: Int32, _ b: Int32 = 0) -> [UInt8] {
        guard let p = format.withCString({ samtal_tiparm2($0, a, b) }) else { return [] }
        return Array(UnsafeRawBufferPointer(start: p, count: strlen(p)))
    }
}

/// The bytes of one frame's changes: cells placed, styles set, the cursor
/// left where the frame wants it.
struct FrameBytes {
    private(set) var bytes: [UInt8] = []
    private var strings: TerminalStrings
    /// Where the terminal's cursor is now; nil when not known.
    private var at: (x: Int, y: Int)?
    /// The style the terminal is in; nil when not known.
    private var style: Int?

    init(strings: TerminalStrings) {
        self.strings = strings
        bytes.reserveCapacity(4096)
    }

    /// Starts a frame: nothing known of the cursor or the style.
    mutating func begin() {
        bytes.removeAll(keepingCapacity: true)
        at = nil
        style = nil
    }

    mutating func moveCursor(x: Int, y: Int) {
        if let at, at.x == x, at.y == y { return }
        if strings.moveANSI {
            bytes.append(0x1B)
            bytes.append(0x5B)
            appendDecimal(y + 1)
            bytes.append(0x3B)
            appendDecimal(x + 1)
            bytes.append(0x48)
        } else if let move = strings.move {
            bytes += StyleBytes.format(move, Int32(y), Int32(x))
        }
        at = (x, y)
    }

    /// Attributes and colours off at the end of a frame, as a terminal is
    /// left between frames.
    mutating func end() {
        if style != nil { bytes += strings.normal }
        style = nil
    }

    /// Sends the cells of `columns` of row `y`. `skipPlainBlanks`: the
    /// screen there is known to be cleared (a whole frame after a clear),
    /// so blanks of the terminal's own colours need not be sent.
    /// A dialog opened or closed sends a screenful of cells: the row is
    /// read from the grid's storage, and the text of a run of cells in one
    /// style with no move between is encoded into a buffer on the stack
    /// and appended at once (a cell and a byte at a time, through the
    /// grid's subscript and the array's uniqueness and capacity checks,
    /// issue 15).
    mutating func send(_ grid: Grid, row y: Int, columns: Range<Int>, styles: inout StyleBytes, skipPlainBlanks: Bool) {
        let width = grid.size.width
        guard y >= 0, y < grid.size.height else { return }
        let lastRow = y == grid.size.height - 1
        var x = max(0, columns.lowerBound)
        let end = min(width, columns.upperBound)
        guard x < end else { return }
        // A cell's text is at most five scalars and a blank.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: (end - x) * 21) { run in
            let text = run.baseAddress!
            var n = 0
            func flush() {
                if n > 0 { bytes.append(contentsOf: UnsafeBufferPointer(start: text, count: n)) }
                n = 0
            }
            grid.cells.withUnsafeBufferPointer { cells in
                let row = cells.baseAddress! + y * width
                while x < end {
                    let cell = row[x]
                    if cell.isContinuation { x += 1; continue }
                    let key = cell.styleKey
                    let one = cell.scalar
                    if skipPlainBlanks, one == 0x20, cell.width == 1, styles.isPlain(key) {
                        x += 1
                        continue
                    }
                    if lastRow, strings.bottomRightScrolls, x + max(1, cell.width) >= width { break }
                    if at == nil || at!.x != x || at!.y != y {
                        flush()
                        moveCursor(x: x, y: y)
                    }
                    if style != key {
                        flush()
                        bytes += styles.bytes(key)
                        style = key
                    }
                    // The terminal moves its cursor by its own width of what it
                    // is sent (glibc's, on Linux): where that is not the grid's
                    // the rest of the row would shift. U+FFFD then, and a blank
                    // in the column it leaves (a table older than the
                    // renderer's, a wide character cut by the edge).
                    let lead = one ?? cell.scalars(1).first
                    var fits = false
                    if let lead, x + cell.width <= width {
                        fits = lead >= 0x20 && lead < 0x7F ? cell.width == 1 : terminalWidth(lead) == cell.width
                    }
                    var columnsSent = cell.width
                    if fits, let one {
                        n += Self.encodeUTF8(one, into: text + n)
                    } else if fits {
                        for s in cell.scalars(5) { n += Self.encodeUTF8(s, into: text + n) }
                    } else {
                        n += Self.encodeUTF8(lead == nil ? 0x20 : 0xFFFD, into: text + n)
                        columnsSent = 1
                        if cell.width > 1, x + 1 < width, !(lastRow && strings.bottomRightScrolls && x + 2 >= width) {
                            text[n] = 0x20
                            n += 1
                            columnsSent = 2
                        }
                    }
                    at = (x + columnsSent, y)
                    x += max(1, cell.width)
                }
            }
            flush()
        }
    }

    /// The terminal's width of a scalar (glibc's `wcwidth`), kept for the
    /// scalars below U+3000 (Latin letters, punctuation, arrows, the box
    /// lines): a frame draws the same few hundred again and again.
    private var widths = [Int8](repeating: -2, count: 0x3000)

    private mutating func terminalWidth(_ value: UInt32) -> Int {
        guard value < 0x3000 else { return Unicode.Scalar(value).map(Terminal.glibcWidth) ?? -1 }
        let i = Int(value)
        if widths[i] == -2 { widths[i] = Int8(Unicode.Scalar(value).map(Terminal.glibcWidth) ?? -1) }
        return Int(widths[i])
    }

    private mutating func appendDecimal(_ n: Int) {
        if n >= 10 { appendDecimal(n / 10) }
        bytes.append(UInt8(0x30 + n % 10))
    }

    /// Writes a scalar's UTF-8 (U+FFFD for what is none: a surrogate, past
    /// U+10FFFF) at `p`; returns its length, 1 to 4.
    @inline(__always)
    static func encodeUTF8(_ value: UInt32, into p: UnsafeMutablePointer<UInt8>) -> Int {
        let v = value < 0xD800 || (value >= 0xE000 && value <= 0x10FFFF) ? value : 0xFFFD
        switch v {
        case ..<0x80:
            p[0] = UInt8(v)
            return 1
        case ..<0x800:
            p[0] = UInt8(0xC0 | v >> 6)
            p[1] = UInt8(0x80 | v & 0x3F)
            return 2
        case ..<0x10000:
            p[0] = UInt8(0xE0 | v >> 12)
            p[1] = UInt8(0x80 | v >> 6 & 0x3F)
            p[2] = UInt8(0x80 | v & 0x3F)
            return 3
        default:
            p[0] = UInt8(0xF0 | v >> 18)
            p[1] = UInt8(0x80 | v >> 12 & 0x3F)
            p[2] = UInt8(0x80 | v >> 6 & 0x3F)
            p[3] = UInt8(0x80 | v & 0x3F)
            return 4
        }
    }
}
