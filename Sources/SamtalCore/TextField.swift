// A text field: the note input line and every form field.
//
// The text is kept as one String (UTF-8: a byte or two a Swedish letter)
// with the cursor both as a String.Index and as a count of characters
// (grapheme clusters), the two kept in step by every edit. An edit looks
// at one character either side of where it changes the text, so a cursor
// step, a deletion and a width computation agree with the saved text on
// what one character is (a combining ring typed after "a" makes one "å";
// deleting what stood between two halves of a flag joins them), and an
// edit costs what it touches, not the length of the text.
//
// Why not [Character]: a Character is 16 bytes. A note line holding its
// limit of 2,000,000 characters took 32 MB as an array, twice over while
// a paste was inserted, and every draft and save built a String from it
// again (issue 15: resident size at most 64 MB).

import Foundation

public struct TextField: Equatable, Sendable {
    public private(set) var text: String
    /// Where the cursor is in `text`: always on a character boundary.
    public private(set) var cursorIndex: String.Index
    /// The cursor, in characters from the start: 0...count.
    public private(set) var cursor: Int
    /// The text's length, in characters.
    public private(set) var count: Int
    /// Longest accepted text, in characters. Input past it is refused (and
    /// reported) rather than silently cut: a typed character at the limit,
    /// a paste that does not fit whole (`paste(_:)`). The note line takes
    /// a pasted megabyte whole.
    public var limit: Int
    /// The column Up and Down aim for: the one the first of them moved
    /// from, so a short line between two long ones does not pull the
    /// cursor to the start of the next; any other key forgets it.
    private var goalColumn: Int?

    public init(_ text: String = "", limit: Int = 2_000_000) {
        self.text = text
        self.count = text.count
        self.cursor = count
        self.cursorIndex = text.endIndex
        self.limit = limit
    }

    public static func == (a: TextField, b: TextField) -> Bool {
        a.text == b.text && a.cursor == b.cursor && a.count == b.count && a.limit == b.limit
    }

    public var isEmpty: Bool { text.isEmpty }
    /// The text with surrounding white space removed, as it is saved: the
    /// blanks and the line breaks before and after it (a pasted paragraph
    /// ends in one; it showed as an empty row under the note).
    public var trimmedText: String {
        text.trimmingCharacters(in: TextField.surroundingBlanks)
    }

    /// Spaces, tabs and line breaks (CR LF, LF, CR).
    static let surroundingBlanks = " \t\r\n\n\r"

    public mutating func set(_ text: String) {
        self.text = text
        count = text.count
        cursor = count
        cursorIndex = text.endIndex
        goalColumn = nil
    }

    public mutating func clear() { set("") }

    /// Replaces the characters `from..<to` (`fromOffset` being `from`'s
    /// count of characters) with `s`, and puts the cursor after what was
    /// put in (on the boundary at or after its end, should its last
    /// character have joined the one after). With `checkLimit`, returns
    /// false and changes nothing when the text would grow past `limit`
    /// characters.
    @discardableResult
    private mutating func splice(_ from: String.Index, _ to: String.Index, fromOffset: Int, removed: Int,
                                 with s: String, checkLimit: Bool) -> Bool {
        // One character either side: what may join what is put in. The
        // window goes on to the right while the character after it would
        // not stay whole beside it: a flag's halves pair from the left,
        // and a joiner (U+200D) or a virama at a character's end joins
        // what follows, so an edit can change how the rest of a run
        // pairs or joins.
        let lo = from > text.startIndex ? text.index(before: from) : from
        var hi = to < text.endIndex ? text.index(after: to) : to
        var after = hi > to ? 1 : 0
        let loOffset = fromOffset - (lo < from ? 1 : 0)
        // Copies, not slices: a slice would share the text's storage and
        // make the edit below copy the whole text.
        let left = String(text[lo..<from])
        var window = left + s + String(text[to..<hi])
        while hi < text.endIndex, !window.isEmpty {
            let next = text[hi]
            let probe = String(window[window.index(before: window.endIndex)...]) + String(next)
            let parts = Array(probe)
            if parts.count == 2, parts[1].unicodeScalars.elementsEqual(next.unicodeScalars) { break }
            window += String(next)
            hi = text.index(after: hi)
            after += 1
        }
        let oldCount = removed + (lo < from ? 1 : 0) + after
        // Composed (NFC) where a mark joins a letter: "å" typed as a and a
        // combining ring is stored as "å", which a search for it finds
        // (the twentieth walk). The characters stay the same characters.
        var target = left.utf8.count + s.utf8.count
        if window.unicodeScalars.contains(where: TextField.mayCompose) {
            target = (left + s).precomposedStringWithCanonicalMapping.utf8.count
            window = window.precomposedStringWithCanonicalMapping
        }
        let newCount = window.count
        if checkLimit, newCount > oldCount, count + newCount - oldCount > limit { return false }
        let loBytes = text.utf8.distance(from: text.startIndex, to: lo)
        text.replaceSubrange(lo..<hi, with: window)
        count += newCount - oldCount
        // The cursor: the first character boundary of the window at or
        // after the end of what was put in.
        var at = window.startIndex
        var steps = 0
        while at < window.endIndex, window.utf8.distance(from: window.startIndex, to: at) < target {
            at = window.index(after: at)
            steps += 1
        }
        let start = text.utf8.index(text.startIndex, offsetBy: loBytes)
        cursorIndex = text.index(start, offsetBy: steps)
        cursor = loOffset + steps
        goalColumn = nil
        return true
    }

    /// Whether a scalar may compose with the one before it (a combining
    /// mark, a Hangul vowel or final): only then is a text normalized, so
    /// a paste of Swedish text ("–", "”" and all) is not.
    static func mayCompose(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x300 else { return false }
        let p = scalar.properties
        return p.isGraphemeExtend || p.canonicalCombiningClass != .notReordered || (0x1160...0x11FF).contains(scalar.value)
    }

    /// Inserts a character at the cursor. A combining mark joins the
    /// character before it (a decomposed å typed as a + ring). Returns
    /// false when the field is full.
    @discardableResult
    public mutating func insert(_ c: Character) -> Bool {
        goalColumn = nil
        return splice(cursorIndex, cursorIndex, fromOffset: cursor, removed: 0, with: String(c), checkLimit: true)
    }

    /// Why a paste was refused: it is longer than the room left.
    public struct PasteRefusal: Equatable, Sendable {
        /// The paste's length, in characters.
        public var length: Int
        /// The field's limit, and the characters it still has room for.
        public var limit: Int
        public var room: Int
    }

    /// Why the text cannot be pasted here, or nil when it fits whole.
    public func refusal(ofPaste text: String) -> PasteRefusal? {
        let room = max(0, limit - count)
        // A character is at least one byte: no need to count them.
        if text.utf8.count <= room { return nil }
        let length = text.count
        return length <= room ? nil : PasteRefusal(length: length, limit: limit, room: room)
    }

    /// Inserts a pasted text at the cursor, whole and at once, or nothing
    /// of it when it does not fit (the refusal says why). A combining mark
    /// at its start joins the character before the cursor, as typed.
    @discardableResult
    public mutating func paste(_ text: String) -> PasteRefusal? {
        goalColumn = nil
        if let refusal = refusal(ofPaste: text) { return refusal }
        splice(cursorIndex, cursorIndex, fromOffset: cursor, removed: 0, with: text, checkLimit: false)
        return nil
    }

    public mutating func backspace() {
        goalColumn = nil
        guard cursor > 0 else { return }
        splice(text.index(before: cursorIndex), cursorIndex, fromOffset: cursor - 1, removed: 1, with: "", checkLimit: false)
    }

    public mutating func deleteForward() {
        goalColumn = nil
        guard cursorIndex < text.endIndex else { return }
        splice(cursorIndex, text.index(after: cursorIndex), fromOffset: cursor, removed: 1, with: "", checkLimit: false)
    }

    /// Ctrl-W: the spaces before the cursor and the word before them, on
    /// the cursor's line. At a line's start, the line break only (it took
    /// the word at the end of the line above).
    public mutating func deleteWordBackward() {
        goalColumn = nil
        var i = cursorIndex
        var n = cursor
        func before() -> Character { text[text.index(before: i)] }
        while n > 0, before() == " " { i = text.index(before: i); n -= 1 }
        if n == cursor, n > 0, before().isNewline {
            i = text.index(before: i)
            n -= 1
        } else {
            while n > 0, before() != " ", !before().isNewline { i = text.index(before: i); n -= 1 }
        }
        guard n < cursor else { return }
        splice(i, cursorIndex, fromOffset: n, removed: cursor - n, with: "", checkLimit: false)
    }

    public mutating func moveLeft() {
        goalColumn = nil
        guard cursor > 0 else { return }
        cursorIndex = text.index(before: cursorIndex)
        cursor -= 1
    }

    public mutating func moveRight() {
        goalColumn = nil
        guard cursorIndex < text.endIndex else { return }
        cursorIndex = text.index(after: cursorIndex)
        cursor += 1
    }

    /// Moves the cursor to `index`, `offset` characters from the start.
    private mutating func move(to index: String.Index, _ offset: Int) {
        cursorIndex = index
        cursor = offset
        goalColumn = nil
    }

    /// The start of the line holding `i` (`n` characters from the start),
    /// and its count of characters.
    private func lineStart(_ i: String.Index, _ n: Int) -> (String.Index, Int) {
        var j = i
        var m = n
        while m > 0 {
            let before = text.index(before: j)
            if text[before].isNewline { break }
            j = before
            m -= 1
        }
        return (j, m)
    }

    /// The end of the line holding `i` (before its line break), and its
    /// count of characters; `column` characters at most from `i` when given.
    private func lineEnd(_ i: String.Index, _ n: Int, column: Int = .max) -> (String.Index, Int) {
        var j = i
        var m = n
        while j < text.endIndex, m - n < column, !text[j].isNewline {
            j = text.index(after: j)
            m += 1
        }
        return (j, m)
    }

    /// To the line above (the goal column, or its end); false on the
    /// first line.
    public mutating func moveLineUp() -> Bool {
        let (start, startOffset) = lineStart(cursorIndex, cursor)
        guard startOffset > 0 else { return false }
        let column = goalColumn ?? cursor - startOffset
        let (above, aboveOffset) = lineStart(text.index(before: start), startOffset - 1)
        let (to, toOffset) = lineEnd(above, aboveOffset, column: column)
        move(to: to, toOffset)
        goalColumn = column
        return true
    }

    /// To the line below (the goal column, or its end); false on the last
    /// line.
    public mutating func moveLineDown() -> Bool {
        let (_, startOffset) = lineStart(cursorIndex, cursor)
        let (end, endOffset) = lineEnd(cursorIndex, cursor)
        guard end < text.endIndex else { return false }
        let column = goalColumn ?? cursor - startOffset
        let (to, toOffset) = lineEnd(text.index(after: end), endOffset + 1, column: column)
        move(to: to, toOffset)
        goalColumn = column
        return true
    }

    /// Empties the cursor's line (Ctrl-U in a text of several lines): the
    /// other lines and the line breaks stay.
    public mutating func clearLine() {
        goalColumn = nil
        let (start, startOffset) = lineStart(cursorIndex, cursor)
        let (end, endOffset) = lineEnd(cursorIndex, cursor)
        guard startOffset < endOffset else { return }
        splice(start, end, fromOffset: startOffset, removed: endOffset - startOffset, with: "", checkLimit: false)
    }

    /// To the start of the cursor's line.
    public mutating func moveLineHome() {
        let (start, offset) = lineStart(cursorIndex, cursor)
        move(to: start, offset)
    }

    /// To the end of the cursor's line.
    public mutating func moveLineEnd() {
        let (end, offset) = lineEnd(cursorIndex, cursor)
        move(to: end, offset)
    }

    public mutating func moveHome() { move(to: text.startIndex, 0) }
    public mutating func moveEnd() { move(to: text.endIndex, count) }

    /// Applies an editing key. Returns true when the key was an editing key.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c): insert(c)
        case .paste(let text): paste(text)
        case .backspace: backspace()
        case .delete: deleteForward()
        case .left: moveLeft()
        case .right: moveRight()
        case .home, .ctrl("a"): moveHome()
        case .end, .ctrl("e"): moveEnd()
        case .ctrl("u"): clear()
        case .ctrl("w"): deleteWordBackward()
        default: return false
        }
        return true
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var s = Substring(self)
        while let f = s.first, chars.contains(f) { s.removeFirst() }
        while let l = s.last, chars.contains(l) { s.removeLast() }
        return String(s)
    }
}
