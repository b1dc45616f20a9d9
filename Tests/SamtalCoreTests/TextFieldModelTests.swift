// Model-based test of the text field: random edits (letters, combining
// marks, flags' halves, joiners, wide letters, line breaks, pastes, every
// deletion and cursor key) against a reference that recounts the whole
// text after every edit. The field counts only what an edit touches (a
// character either side); the reference shows that this agrees with the
// text's own grapheme clusters however the edit joins or splits them.
// The seed is printed on failure; SAMTAL_MODEL_SEED reruns one.

import Foundation
@testable import SamtalCore
import Testing

/// The field as the whole text says it should be: O(text) per edit.
private struct Reference {
    var text = ""
    var cursor = 0
    var limit: Int
    /// The column Up and Down aim for, from the first of them in a row.
    var goal: Int?

    var characters: [Character] { Array(text) }
    func index(_ n: Int) -> String.Index { text.index(text.startIndex, offsetBy: n) }

    /// Replaces characters a..<b with s, the whole text composed (NFC);
    /// the cursor goes to the first boundary at or after the end of s.
    @discardableResult
    mutating func put(_ s: String, from a: Int, to b: Int, checkLimit: Bool) -> Bool {
        var t = text
        let end = (String(text[..<index(a)]) + s).precomposedStringWithCanonicalMapping.utf8.count
        t.replaceSubrange(index(a)..<index(b), with: s)
        t = t.precomposedStringWithCanonicalMapping
        if checkLimit, t.count > text.count, t.count > limit { return false }
        var n = 0
        var i = t.startIndex
        while i < t.endIndex, t.utf8.distance(from: t.startIndex, to: i) < end {
            i = t.index(after: i)
            n += 1
        }
        text = t
        cursor = n
        return true
    }

    func lineStart(_ i: Int) -> Int {
        let c = characters
        var j = i
        while j > 0 && !c[j - 1].isNewline { j -= 1 }
        return j
    }

    mutating func apply(_ edit: Edit) {
        let c = characters
        let goalBefore = goal
        goal = nil
        switch edit {
        case .insert(let ch): put(String(ch), from: cursor, to: cursor, checkLimit: true)
        case .paste(let s):
            if s.count <= max(0, limit - text.count) { put(s, from: cursor, to: cursor, checkLimit: false) }
        case .backspace: if cursor > 0 { put("", from: cursor - 1, to: cursor, checkLimit: false) }
        case .delete: if cursor < c.count { put("", from: cursor, to: cursor + 1, checkLimit: false) }
        case .deleteWord:
            var i = cursor
            while i > 0, c[i - 1] == " " { i -= 1 }
            if i == cursor, i > 0, c[i - 1].isNewline {
                i -= 1
            } else {
                while i > 0, c[i - 1] != " ", !c[i - 1].isNewline { i -= 1 }
            }
            if i < cursor { put("", from: i, to: cursor, checkLimit: false) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(c.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = c.count
        case .lineHome: cursor = lineStart(cursor)
        case .lineEnd: cursor = c[cursor...].firstIndex(where: \.isNewline) ?? c.count
        case .lineUp:
            let start = lineStart(cursor)
            guard start > 0 else { goal = goalBefore; return } // no line above: nothing moves
            let above = lineStart(start - 1)
            let column = goalBefore ?? cursor - start
            cursor = min(above + column, start - 1)
            goal = column
        case .lineDown:
            let start = lineStart(cursor)
            guard let end = c[cursor...].firstIndex(where: \.isNewline) else { goal = goalBefore; return }
            let nextEnd = c[(end + 1)...].firstIndex(where: \.isNewline) ?? c.count
            let column = goalBefore ?? cursor - start
            cursor = min(end + 1 + column, nextEnd)
            goal = column
        case .clear:
            text = ""
            cursor = 0
        case .clearLine:
            let start = lineStart(cursor)
            let end = c[cursor...].firstIndex(where: \.isNewline) ?? c.count
            if start < end { put("", from: start, to: end, checkLimit: false) }
        }
    }
}

private enum Edit: CustomStringConvertible {
    case insert(Character), paste(String), backspace, delete, deleteWord, left, right, home, end
    case lineHome, lineEnd, lineUp, lineDown, clear, clearLine

    var description: String {
        switch self {
        case .insert(let c): "insert(\(c.unicodeScalars.map { String($0.value, radix: 16) }))"
        case .paste(let s): "paste(\(s.unicodeScalars.map { String($0.value, radix: 16) }))"
        case .backspace: "backspace"
        case .delete: "delete"
        case .deleteWord: "deleteWord"
        case .left: "left"
        case .right: "right"
        case .home: "home"
        case .end: "end"
        case .lineHome: "lineHome"
        case .lineEnd: "lineEnd"
        case .lineUp: "lineUp"
        case .lineDown: "lineDown"
        case .clear: "clear"
        case .clearLine: "clearLine"
        }
    }
}

/// Letters, Swedish and decomposed; marks that join the letter before;
/// the halves of a flag (🇸 🇪), which join in pairs; a zero-width joiner
/// and the emoji it joins; Devanagari consonants and the virama that
/// joins them; a wide letter; a space and a line break.
private let alphabet: [Character] = ["a", "å", "e", "\u{0301}", "\u{030A}", " ", " ", "\n", "\u{1F1F8}", "\u{1F1EA}",
                                     "\u{200D}", "\u{1F469}", "\u{0915}", "\u{094D}", "\u{0937}", "漢", "x", "ö"]

private func randomEdit(_ rng: inout FuzzRandom) -> Edit {
    switch Int.random(in: 0..<20, using: &rng) {
    case 0..<8: return .insert(alphabet.randomElement(using: &rng)!)
    case 8: return .paste(String((0..<Int.random(in: 0...6, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }))
    case 9: return .backspace
    case 10: return .delete
    case 11: return .deleteWord
    case 12: return .left
    case 13: return .right
    case 14: return [.home, .end].randomElement(using: &rng)!
    case 15: return [.lineHome, .lineEnd].randomElement(using: &rng)!
    case 16: return .lineUp
    case 17: return .lineDown
    case 18: return [.clear, .clearLine, .clearLine, .left, .left, .left, .left, .left, .left, .left].randomElement(using: &rng)!
    default: return .right
    }
}

private func apply(_ edit: Edit, to f: inout TextField) {
    switch edit {
    case .insert(let c): f.insert(c)
    case .paste(let s): f.paste(s)
    case .backspace: f.backspace()
    case .delete: f.deleteForward()
    case .deleteWord: f.deleteWordBackward()
    case .left: f.moveLeft()
    case .right: f.moveRight()
    case .home: f.moveHome()
    case .end: f.moveEnd()
    case .lineHome: f.moveLineHome()
    case .lineEnd: f.moveLineEnd()
    case .lineUp: _ = f.moveLineUp()
    case .lineDown: _ = f.moveLineDown()
    case .clear: f.clear()
    case .clearLine: f.clearLine()
    }
}

@Suite struct TextFieldModelTests {
    @Test("Random edits leave the field's text, cursor and count as a recount of the whole text says")
    func randomEditsAgreeWithARecountOfTheWholeText() {
        let base = UInt64(truncatingIfNeeded: Int(ProcessInfo.processInfo.environment["SAMTAL_MODEL_SEED"] ?? "") ?? 20_261_129)
        for n in 0..<2_000 {
            let seed = base &+ UInt64(n)
            var rng = FuzzRandom(seed: seed)
            let limit = Int.random(in: 4...24, using: &rng)
            var field = TextField("", limit: limit)
            var reference = Reference(limit: limit)
            var trail: [Edit] = []
            for _ in 0..<60 {
                let edit = randomEdit(&rng)
                trail.append(edit)
                apply(edit, to: &field)
                reference.apply(edit)
                let agrees = Array(field.text.utf8) == Array(reference.text.utf8)
                    && field.cursor == reference.cursor
                    && field.count == field.text.count
                    && field.text.utf8.distance(from: field.text.startIndex, to: field.cursorIndex)
                        == reference.text.utf8.distance(from: reference.text.startIndex, to: reference.index(reference.cursor))
                if !agrees {
                    Issue.record("""
                        seed \(seed): field \(Array(field.text.unicodeScalars.map(\.value))) cursor \(field.cursor) count \(field.count), \
                        reference \(Array(reference.text.unicodeScalars.map(\.value))) cursor \(reference.cursor)
                        edits: \(trail.map(\.description).joined(separator: " "))
                        """)
                    return
                }
            }
        }
    }

    @Test("Deleting what stood between a flag's halves joins them into one character, and the cursor stays between whole ones")
    func deletingBetweenAFlagsHalvesJoinsThem() {
        var f = TextField("\u{1F1F8}x\u{1F1EA}")
        #expect(f.count == 3)
        f.moveLeft()
        f.backspace()
        #expect(f.text == "\u{1F1F8}\u{1F1EA}")
        #expect(f.count == 1)
        #expect(f.cursor == 1 && f.cursorIndex == f.text.endIndex)
    }

    @Test("A note line holding a megabyte is held as its UTF-8, not 16 bytes a character")
    func aLongTextIsHeldAsItsUTF8() {
        let text = String(repeating: "Klotter på väggen vid torget. ", count: 35_000)
        var f = TextField()
        #expect(f.paste(text) == nil)
        #expect(f.count == text.count && f.cursor == text.count)
        // Typing at the end of a megabyte: the text is not rebuilt.
        f.insert("!")
        #expect(f.text.utf8.count == text.utf8.count + 1)
        #expect(f.text.hasSuffix("torget. !"))
    }
}
