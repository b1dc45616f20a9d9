// A single-line text field: the note input line and every form field.
// Text is kept as an array of grapheme clusters so that a cursor step,
// a deletion and a width computation all agree on what one character is.

public struct TextField: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Index into `characters`, 0...count.
    public private(set) var cursor: Int
    /// Longest accepted text, in characters. Input past it is refused (and
    /// reported) rather than silently cut: a typed character at the limit,
    /// a paste that does not fit whole (`paste(_:)`). The note line takes
    /// a pasted megabyte whole.
    public var limit: Int

    public init(_ text: String = "", limit: Int = 2_000_000) {
        self.characters = Array(text)
        self.cursor = characters.count
        self.limit = limit
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }
    /// The text with surrounding white space removed, as it is saved.
    public var trimmedText: String {
        text.trimmingCharacters(in: " \t")
    }

    public mutating func set(_ text: String) {
        characters = Array(text)
        cursor = characters.count
    }

    public mutating func clear() { set("") }

    /// Inserts a character at the cursor. A combining mark joins the
    /// character before it (a decomposed å typed as a + ring). Returns
    /// false when the field is full.
    @discardableResult
    public mutating func insert(_ c: Character) -> Bool {
        if cursor > 0, c.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .nonspacingMark
                                                    || $0.properties.generalCategory == .enclosingMark
                                                    || $0.value == 0x200D || (0xFE00...0xFE0F).contains($0.value) }) {
            let merged = String(characters[cursor - 1]) + String(c)
            if merged.count == 1 {
                characters[cursor - 1] = Character(merged)
                return true
            }
        }
        guard characters.count < limit else { return false }
        characters.insert(c, at: cursor)
        cursor += 1
        return true
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
        let room = max(0, limit - characters.count)
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
        if let refusal = refusal(ofPaste: text) { return refusal }
        var pasted = Array(text)
        if let first = pasted.first, cursor > 0 {
            let merged = String(characters[cursor - 1]) + String(first)
            if merged.count == 1 {
                characters[cursor - 1] = Character(merged)
                pasted.removeFirst()
            }
        }
        characters.insert(contentsOf: pasted, at: cursor)
        cursor += pasted.count
        return nil
    }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    public mutating func deleteWordBackward() {
        var i = cursor
        while i > 0, characters[i - 1] == " " { i -= 1 }
        while i > 0, characters[i - 1] != " " { i -= 1 }
        characters.removeSubrange(i..<cursor)
        cursor = i
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    /// To the line above (same column, or its end); false on the first line.
    public mutating func moveLineUp() -> Bool {
        guard let start = lineStart(cursor), start > 0 else { return false }
        let column = cursor - start
        let above = lineStart(start - 1) ?? 0
        cursor = min(above + column, start - 1)
        return true
    }

    /// To the line below (same column, or its end); false on the last line.
    public mutating func moveLineDown() -> Bool {
        let start = lineStart(cursor) ?? 0
        guard let end = characters[cursor...].firstIndex(where: \.isNewline) else { return false }
        let nextEnd = characters[(end + 1)...].firstIndex(where: \.isNewline) ?? characters.count
        cursor = min(end + 1 + (cursor - start), nextEnd)
        return true
    }

    /// To the start of the cursor's line.
    public mutating func moveLineHome() { cursor = lineStart(cursor) ?? 0 }

    /// To the end of the cursor's line.
    public mutating func moveLineEnd() {
        cursor = characters[cursor...].firstIndex(where: \.isNewline) ?? characters.count
    }

    /// Where the line holding position `i` starts.
    func lineStart(_ i: Int) -> Int? {
        guard i >= 0, i <= characters.count else { return nil }
        var j = i
        while j > 0 && !characters[j - 1].isNewline { j -= 1 }
        return j
    }

    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = characters.count }

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
