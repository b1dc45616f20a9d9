// Drawing helpers shared by the screens: boxes, wrapped text, the key bar,
// and the visible window of a text field.

import SamtalCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

extension Grid {
    /// A box with a title in its top border. Returns the inner rectangle.
    @discardableResult
    public mutating func box(_ rect: Rect, title: String = "", right: String = "", style: Style = Style(.border)) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let top = rect.y, bottom = rect.maxY - 1, left = rect.x, rightX = rect.maxX - 1
        // Cells put as they are: each line character is one column.
        let across = Cell("─", style: style), down = Cell("│", style: style)
        for x in left...rightX {
            put(x, top, across)
            put(x, bottom, across)
        }
        for y in top...bottom {
            put(left, y, down)
            put(rightX, y, down)
        }
        put(left, top, Cell("┌", style: style))
        put(rightX, top, Cell("┐", style: style))
        put(left, bottom, Cell("└", style: style))
        put(rightX, bottom, Cell("┘", style: style))
        if !title.isEmpty, rect.width > 4 {
            text(" " + title + " ", x: left + 1, y: top, maxX: rightX, style: Style(.heading, bold: true))
        }
        if !right.isEmpty, rect.width > 8 {
            let w = DisplayWidth.of(right) + 2
            let x = max(left + 2 + DisplayWidth.of(title) + 2, rightX - w)
            text(" " + right + " ", x: x, y: top, maxX: rightX, style: Style(.dim))
        }
        return rect.inset(1)
    }

    /// Draws wrapped text into a rectangle; returns the rows used.
    @discardableResult
    public mutating func paragraph(_ s: String, in rect: Rect, style: Style = .normal, indent: String = "") -> Int {
        // What does not fit ends in "…".
        guard rect.height > 0 else { return 0 }
        let lines = wrap(s, width: rect.width, indent: indent, maxLines: rect.height)
        for (i, line) in lines.prefix(rect.height).enumerated() {
            text(line, x: rect.x, y: rect.y + i, maxX: rect.maxX, style: style)
        }
        return min(lines.count, rect.height)
    }

    /// Text right-aligned to end at `maxX`.
    public mutating func textRight(_ s: String, maxX: Int, y: Int, style: Style = .normal) {
        text(s, x: maxX - DisplayWidth.of(s), y: y, maxX: maxX, style: style)
    }
}

/// Word-wraps text to a display width. Hard line breaks are kept; a word
/// longer than the width is broken. Continuation lines start with `indent`.
/// At most `maxLines` lines are made (the rest is cut with "…"), so a huge
/// note costs no more to draw than the room it gets.
public func wrap(_ s: String, width: Int, indent: String = "", maxLines: Int = 1000) -> [String] {
    // A test counting layout work counts every wrap.
    guard LayoutWork.current == nil, s.utf8.count <= WrapMemo.longestText else {
        return wrapText(s, width: width, indent: indent, maxLines: maxLines)
    }
    let key = WrapMemo.Key(text: s, width: width, indent: indent, maxLines: maxLines)
    if let lines = WrapMemo.shared.lines(key) { return lines }
    let lines = wrapText(s, width: width, indent: indent, maxLines: maxLines)
    WrapMemo.shared.keep(key, lines)
    return lines
}

/// Texts already wrapped, by text, width, indent and line limit: a frame
/// wraps mostly what the one before did (the talking points, the prompt,
/// the notes in view), so each is wrapped once until it or the width
/// changes (issue 15). `wrap` is a function of those four, so what comes
/// from here is what wrapping again would give.
final class WrapMemo: Sendable {
    struct Key: Hashable, Sendable {
        var text: String
        var width: Int
        var indent: String
        var maxLines: Int

        // By the bytes: String's own hashing and == normalise the text
        // first (Unicode canonical equivalence), which cost more than the
        // rest of a frame's notes (issue 15). Two texts that differ only in
        // encoding are then two keys, each wrapped as it is: the same lines.
        static func == (a: Key, b: Key) -> Bool {
            a.width == b.width && a.maxLines == b.maxLines && sameBytes(a.text, b.text) && sameBytes(a.indent, b.indent)
        }

        static func sameBytes(_ a: String, _ b: String) -> Bool {
            guard a.utf8.count == b.utf8.count else { return false }
            var (a, b) = (a, b)
            return a.withUTF8 { a in b.withUTF8 { b in a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(width)
            hasher.combine(maxLines)
            var (text, indent) = (text, indent)
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            hasher.combine(0xFF as UInt8) // not a byte of UTF-8: where the text ends
            indent.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    static let shared = WrapMemo()
    /// Longer texts (a pasted page on the input line) are wrapped each time.
    static let longestText = 2_000
    /// Emptied when its texts come to more than this many bytes.
    static let capacity = 1 << 20

    /// By the key's hash, each with the keys of that hash: a dictionary
    /// keyed by `Key` itself made the Swift runtime search every
    /// conformance record of the binary for `Key: Hashable` at its first
    /// use (~0.43 M instructions at every start, issue 15); `Int`'s is
    /// found once for the whole program.
    private let state = Mutex<(lines: [Int: [(key: Key, lines: [String])]], bytes: Int)>(([:], 0))

    func lines(_ key: Key) -> [String]? {
        state.withLock { $0.lines[key.hashValue]?.first(where: { $0.key == key })?.lines }
    }

    func keep(_ key: Key, _ lines: [String]) {
        state.withLock { state in
            let bytes = key.text.utf8.count + lines.reduce(0) { $0 + $1.utf8.count }
            if state.bytes + bytes > Self.capacity { state = ([:], 0) }
            let hash = key.hashValue
            var kept = state.lines[hash] ?? []
            kept.removeAll { $0.key == key }
            kept.append((key, lines))
            state.lines[hash] = kept
            state.bytes += bytes
        }
    }
}

func wrapText(_ s: String, width: Int, indent: String = "", maxLines: Int = 1000) -> [String] {
    guard width > 0, maxLines > 0 else { return [] }
    let indentText = DisplayWidth.of(indent) < width ? indent : ""
    let indentWidth = DisplayWidth.of(indentText)
    // Never look at more text than could be shown.
    let budget = (maxLines + 1) * width
    var source = s
    var cut = false
    // Counted in bytes first: a character is at least one, so a text of
    // few bytes is never cut, and a long one is walked only to the budget.
    if s.utf8.count > budget, let end = s.index(s.startIndex, offsetBy: budget, limitedBy: s.endIndex), end < s.endIndex {
        source = String(s[..<end])
        cut = true
    }
    var out: [String] = []
    var line = "", lineWidth = 0, hasWord = false
    func newLine() {
        out.append(line)
        line = indentText
        lineWidth = indentWidth
        hasWord = false
    }
    paragraphs: for paragraph in splitAtByte(source[...], UInt8(ascii: "\n"), omittingEmpty: false) {
        let startCount = out.count
        line = ""
        lineWidth = 0
        hasWord = false
        for piece in splitAtByte(paragraph, UInt8(ascii: " "), omittingEmpty: true) {
            if out.count > maxLines { break paragraphs }
            var word = piece
            var ww = DisplayWidth.of(String(word))
            let gap = hasWord ? 1 : 0
            if lineWidth + gap + ww <= width {
                line += (hasWord ? " " : "") + word
                lineWidth += gap + ww
                hasWord = true
                continue
            }
            if hasWord { newLine() }
            while lineWidth + ww > width, !word.isEmpty, out.count <= maxLines {
                // A word longer than the line: cut it, keeping count of the
                // rest's width instead of measuring it again (a 50,000
                // character word would otherwise cost O(n²)).
                var head = DisplayWidth.prefix(String(word.prefix(width)), columns: width - lineWidth)
                if head.isEmpty { head = String(word.first!) } // wider than the whole line: the grid clips it
                line += head
                word = word.dropFirst(head.count)
                ww -= DisplayWidth.of(head)
                hasWord = true
                newLine()
            }
            if !word.isEmpty {
                line += word
                lineWidth += ww
                hasWord = true
            }
        }
        if hasWord || out.count == startCount { out.append(line) }
    }
    if out.count > maxLines || cut {
        out = Array(out.prefix(maxLines))
        if let last = out.last { out[out.count - 1] = truncate(last + " …", width: width) }
    }
    return out
}

/// `text` split where the ASCII byte `separator` is, found by byte: a
/// split by `Character` runs the grapheme-breaking rules over every
/// character, which was most of a first frame's wrapping (~3.8 M
/// instructions, issue 15). A space or a line break is a character of its
/// own in any text typed (only a combining mark right after it would join
/// it), so the pieces are those of the split by `Character`.
func splitAtByte(_ text: Substring, _ separator: UInt8, omittingEmpty: Bool) -> [Substring] {
    var out: [Substring] = []
    let bytes = text.utf8
    var start = bytes.startIndex
    var i = start
    while i != bytes.endIndex {
        if bytes[i] == separator {
            if !(omittingEmpty && start == i) { out.append(text[start..<i]) }
            start = bytes.index(after: i)
        }
        i = bytes.index(after: i)
    }
    if !(omittingEmpty && start == bytes.endIndex) { out.append(text[start..<bytes.endIndex]) }
    return out
}

/// Cuts text to a width, ending in "…" when cut.
public func truncate(_ s: String, width: Int) -> String {
    guard width > 0 else { return "" }
    // Measured only as far as the width: a long note costs a line.
    let head = DisplayWidth.prefix(s, columns: width)
    if head.utf8.count == s.utf8.count { return s }
    return DisplayWidth.prefix(head, columns: width - 1) + "…"
}

/// Pads text with spaces to a display width (cutting if longer).
public func pad(_ s: String, width: Int) -> String {
    let t = DisplayWidth.prefix(s, columns: width)
    return t + String(repeating: " ", count: max(0, width - DisplayWidth.of(t)))
}

/// The part of a text field that fits `width` columns with the cursor in
/// view, and the cursor's column within it. Costs O(width), not O(text),
/// so a megabyte on the input line does not slow typing down.
public func visibleWindow(of field: TextField, width: Int) -> (text: String, cursorColumn: Int) {
    guard width > 1 else { return ("", 0) }
    var (text, cursorColumn, cut, cutEnd) = plainWindow(of: field, width: width) ?? graphemeWindow(of: field, width: width)
    // Scrolled past the text's start: its first column says so (the
    // twentieth walk: a long note's start went out with no mark). Not
    // where the cursor stands on it.
    if cut, cursorColumn > 0, let first = text.first {
        let w = DisplayWidth.cell(for: first).1
        if cursorColumn >= w {
            text = "…" + String(repeating: " ", count: max(0, w - 1)) + text.dropFirst()
        }
    }
    // Cut at its right end: the last column says so (the twenty-first
    // session's walk), unless the cursor stands on it.
    if cutEnd, let last = text.last {
        let w = DisplayWidth.cell(for: last).1
        if cursorColumn < DisplayWidth.of(text) - w {
            text = text.dropLast() + "…" + String(repeating: " ", count: max(0, w - 1))
        }
    }
    return (text, cursorColumn)
}

/// `visibleWindow` where the text within reach of the cursor is plain
/// (`DisplayWidth.isPlain`: a column and a grapheme a scalar), read from
/// the UTF-8 bytes; nil where it is not. Walking the same characters as
/// graphemes cost ~1,000 instructions each, every keystroke (issue 15).
func plainWindow(of field: TextField, width: Int) -> (text: String, cursorColumn: Int, cut: Bool, cutEnd: Bool)? {
    var text = field.text
    let cursor = text.utf8.distance(from: text.utf8.startIndex, to: field.cursorIndex)
    return text.withUTF8 { b -> (text: String, cursorColumn: Int, cut: Bool, cutEnd: Bool)? in
        func plain(at i: Int) -> Bool { DisplayWidth.isPlain(UTF8Scalar.decode(b, at: i).0) }
        func lead(before i: Int) -> Int {
            var j = i - 1
            while j > 0, b[j] & 0xC0 == 0x80 { j -= 1 }
            return j
        }
        // Back from the cursor, leaving a column for it.
        var start = cursor, before = 0
        while before < width - 1, start > 0 {
            start = lead(before: start)
            guard plain(at: start) else { return nil }
            before += 1
        }
        // What comes before and after must not join the ends into a
        // grapheme of several scalars.
        if start > 0, !plain(at: lead(before: start)) { return nil }
        var end = start, taken = 0
        while taken < width, end < b.count {
            guard plain(at: end) else { return nil }
            end += UTF8Scalar.decode(b, at: end).1
            taken += 1
        }
        if end < b.count, !plain(at: end) { return nil }
        return (String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self), before, start > 0, end < b.count)
    }
}

/// `visibleWindow` grapheme by grapheme: for any text.
func graphemeWindow(of field: TextField, width: Int) -> (text: String, cursorColumn: Int, cut: Bool, cutEnd: Bool) {
    let text = field.text
    var start = field.cursorIndex
    var used = 0
    // Room for the character under the cursor, whole (a wide one is two
    // columns), or for the cursor after the text.
    let under = field.cursorIndex < text.endIndex ? max(1, DisplayWidth.cell(for: text[field.cursorIndex]).1) : 1
    while start > text.startIndex {
        let before = text.index(before: start)
        let w = DisplayWidth.cell(for: text[before]).1
        if used + w > width - under { break }
        used += w
        start = before
    }
    var out = ""
    var total = 0
    var cursorColumn = 0
    var i = start
    while i < text.endIndex {
        if i == field.cursorIndex { cursorColumn = total }
        let (shown, w) = DisplayWidth.cell(for: text[i])
        if total + w > width { break }
        out += shown
        total += w
        i = text.index(after: i)
    }
    if i <= field.cursorIndex { cursorColumn = total }
    return (out, cursorColumn, start > text.startIndex, i < text.endIndex)
}

/// A one-line text field as it is shown: around the cursor while it is
/// being edited (`visibleWindow`), else from its beginning, line breaks as
/// ↵ and a long text cut with "…" (a field left with its cursor at the end
/// of a long text showed only that end). Costs O(width), not O(text).
public func fieldWindow(of field: TextField, width: Int, focused: Bool) -> (text: String, cursorColumn: Int) {
    if focused { return visibleWindow(of: field, width: width) }
    // Every character but a rare zero-width one takes a column at least:
    // what can be shown is among the first 2 × width + 2.
    let start = String(field.text.prefix(max(0, width) * 2 + 2))
    return (truncate(start.replacingOccurrences(of: "\n", with: " ↵ "), width: width), 0)
}

/// A multi-line text field wrapped to `width` columns at spaces (a word
/// longer than the line is cut): the `rows` visual lines around the
/// cursor, and the cursor's row and column among them. Line breaks in the
/// text start new lines.
public func multilineWindow(of field: TextField, width: Int, rows: Int) -> (lines: [String], cursorRow: Int, cursorColumn: Int) {
    guard width > 1, rows > 0 else { return ([], 0, 0) }
    typealias Cell = (index: Int, shown: String, width: Int)
    var lines: [[Cell]] = []
    var line: [Cell] = []
    var used = 0
    for (i, c) in field.text.enumerated() {
        if c.isNewline {
            lines.append(line + [(i, "", 0)]) // the break ends its line
            line = []
            used = 0
            continue
        }
        let (shown, w) = DisplayWidth.cell(for: c)
        if used + w > width - 1 {
            // Break after the line's last space, or (one long word) here.
            if let space = line.lastIndex(where: { $0.shown == " " }) {
                lines.append(Array(line[...space]))
                line = Array(line[(space + 1)...])
            } else {
                lines.append(line)
                line = []
            }
            used = line.reduce(0) { $0 + $1.width }
        }
        line.append((i, shown, w))
        used += w
    }
    lines.append(line)
    var cursor = (row: lines.count - 1, column: used)
    for (r, cells) in lines.enumerated() {
        if let k = cells.firstIndex(where: { $0.index == field.cursor }) {
            cursor = (r, cells[..<k].reduce(0) { $0 + $1.width })
            break
        }
    }
    let first = max(0, min(cursor.row - rows + 1, lines.count - rows))
    let shown = lines.dropFirst(first).prefix(rows).map { $0.map(\.shown).joined() }
    return (Array(shown), cursor.row - first, cursor.column)
}

/// The bottom key bar of a context, built from the keymap table. When the
/// terminal is too narrow for all of it, bindings are dropped from the
/// end of the table, but the last one (quit) always stays.
public func drawKeyBar(_ grid: inout Grid, context: KeyContext, texts: Texts, y: Int) {
    // The same few bars are drawn frame after frame: each is laid out once
    // for its context, language and width (~130,000 instructions a frame,
    // issue 15) and its cells copied.
    let row = keyBars.value(KeyBarKey(context: context, language: texts.language, width: grid.size.width)) {
        var bar = Grid(Size(width: grid.size.width, height: 1))
        let end = layOutKeyBar(&bar, context: context, texts: texts, y: 0)
        return Array(bar.cells[0..<min(end, bar.cells.count)])
    }
    for (x, cell) in row.enumerated() { grid.put(x, y, cell) }
}

struct KeyBarKey: Equatable, Sendable {
    var context: KeyContext
    var language: Language
    var width: Int
}

let keyBars = FrameMemo<KeyBarKey, [Cell]>(capacity: 16)

/// Draws the key bar; returns the column after it.
func layOutKeyBar(_ grid: inout Grid, context: KeyContext, texts: Texts, y: Int) -> Int {
    var items = Keymap.bar(for: context).map { b in
        (key: Keymap.keyText(b, barOnly: true), label: texts[b.barLabel!], kept: b.action == .nextStep)
    }
    func width(_ list: [(key: String, label: String, kept: Bool)], gap: Int) -> Int {
        list.reduce(0) { $0 + DisplayWidth.of($1.key) + DisplayWidth.of($1.label) + 1 + gap }
    }
    // Labels that do not fit are left out from the one before the last
    // (the help, F1, lists every key), but the steps' PgUp/PgDn, the way
    // on in a meeting; two spaces between them, or one where that leaves
    // out fewer.
    func fitting(gap: Int) -> [(key: String, label: String, kept: Bool)] {
        var kept = items
        while kept.count > 2 && width(kept, gap: gap) > grid.size.width,
              let drop = kept.indices.dropFirst().dropLast().last(where: { !kept[$0].kept }) {
            kept.remove(at: drop)
        }
        return kept
    }
    let wide = fitting(gap: 2), narrow = fitting(gap: 1)
    let gap = narrow.count > wide.count ? 1 : 2
    items = gap == 1 ? narrow : wide
    var x = 0
    for item in items {
        x = grid.text(item.key, x: x, y: y, style: Style(.keyLabel, bold: true, reverse: true))
        x = grid.text(" " + item.label + String(repeating: " ", count: gap), x: x, y: y, style: Style(.keyText))
    }
    return x
}

/// Minutes and seconds, as on a clock: 12:40, 125:03.
public func clock(_ seconds: Double) -> String {
    let s = max(0, Int(seconds.rounded(.down)))
    let m = s / 60, r = s % 60
    return (m < 10 ? "0" : "") + "\(m):" + (r < 10 ? "0" : "") + "\(r)"
}

extension String {
    /// Right-aligns to a width with spaces on the left.
    func leftPadded(_ width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(self))) + self
    }
}
