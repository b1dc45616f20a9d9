// Hostile note text: escape sequences, control characters, NUL, a 1 MB
// paste, a 50,000-character word, right-to-left text with direction
// overrides, combining marks, emoji sequences. What the room typed is
// stored exactly (byte for byte, not merely "equal" under Unicode's
// canonical equivalence), and the exports carry it unchanged: JSON exactly,
// Markdown with line breaks turned into spaces and nothing else changed.

import Foundation
import SamtalCore
@testable import SamtalStore
import Testing

/// The texts, by name. Shared by the tests below.
enum HostileText {
    static let ansi = "Röd \u{1B}[31mtext\u{1B}[0m, \u{1B}]0;title\u{07}fönstertitel, \u{1B}[2J\u{1B}[Hrensa, \u{1B}[?1049l, "
        + "\u{1B}P+q\u{1B}\\ DCS, \u{9B}31m C1-CSI, \u{1B}]8;;http://x\u{1B}\\länk\u{1B}]8;;\u{1B}\\"

    static let controls: String = {
        var s = "C0:"
        for v in UInt32(1)...0x1F { s.unicodeScalars.append(Unicode.Scalar(v)!) }
        s += " DEL:\u{7F} C1:"
        for v in UInt32(0x80)...0x9F { s.unicodeScalars.append(Unicode.Scalar(v)!) }
        return s + " LS:\u{2028} PS:\u{2029} BOM:\u{FEFF} CRLF:\r\n slut"
    }()

    static let nul = "före\u{0}efter\u{0}\u{0}slut"

    /// A million bytes and more: Swedish, emoji, escapes and line breaks.
    static let megabyte: String = {
        let unit = "Buskörning på Storgatan åäö ÅÄÖ 😀 中 \u{1B}[31mröd\u{1B}[0m\n"
        return String(repeating: unit, count: 1_000_000 / unit.utf8.count + 1)
    }()

    static let longWord = String(repeating: "Ordåäö😀x", count: 50_000 / 8 + 1).prefix(50_000).description

    static let rightToLeft = "\u{202E}txet desrever\u{202C} שלום עולם \u{202D}LRO\u{202C} مرحبا بالعالم "
        + "\u{2066}isolerad\u{2069} \u{2067}RLI\u{2069} \u{2068}FSI\u{2069} \u{200F}RLM \u{200E}LRM \u{202A}LRE\u{202C} \u{202B}RLE\u{202C}"

    /// Every letter buried under combining marks.
    static let zalgo: String = {
        var s = ""
        for (i, letter) in "Zalgo åäö".unicodeScalars.enumerated() {
            s.unicodeScalars.append(letter)
            for k in 0..<(i % 3 == 0 ? 40 : 8) { s.unicodeScalars.append(Unicode.Scalar(0x300 + UInt32((i * 7 + k * 5) % 0x70))!) }
        }
        return s + " a\u{30A} (decomposed å)"
    }()

    static let emoji = "👨‍👩‍👧‍👦 👩🏽‍💻 🏳️‍🌈 🇸🇪 ❤️ 1️⃣ 🧑🏿‍🤝‍🧑🏻 👁️‍🗨️ 🫠"

    static let all: [(name: String, text: String)] = [
        ("ansi", ansi), ("controls", controls), ("nul", nul), ("megabyte", megabyte), ("long-word", longWord),
        ("right-to-left", rightToLeft), ("zalgo", zalgo), ("emoji", emoji),
        ("everything", ansi + controls + rightToLeft + zalgo + emoji + longWord.prefix(1_000)),
    ]

    static func named(_ name: String) -> String { all.first { $0.name == name }!.text }

    /// What the store keeps: the text exactly, but for NUL, which it stores
    /// as U+FFFD (SQLite text ends at a NUL; see `String.storable`).
    static func stored(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 }))
    }

    /// What the Markdown export should show: line breaks (CR LF, CR, LF,
    /// LS, PS) and tabs as single spaces, other control characters as
    /// U+FFFD (so `cat` of a summary sends no escape to a terminal), the
    /// rest untouched.
    /// The text as a note's list item holds it in Markdown: its line
    /// breaks as hard breaks (a backslash at a line's end), each next line
    /// indented under the item and kept from starting a block.
    static func markdownText(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for u in stored(s).unicodeScalars {
            if u == "\n" && previousCR { previousCR = false; continue }
            previousCR = u == "\r"
            let isBreak = u == "\n" || u == "\r" || u == "\u{2028}" || u == "\u{2029}"
            let isControl = u.value < 0x20 || (0x7F...0x9F).contains(u.value)
            out.append(isBreak ? "\n" : u == "\t" ? " " : isControl ? "\u{FFFD}" : u)
        }
        // Markdown's inline syntax gets a backslash: the text stays text.
        let scalars = Array(out)
        var escaped = String.UnicodeScalarView()
        for (i, u) in scalars.enumerated() {
            let next = i + 1 < scalars.count ? scalars[i + 1] : " "
            let previous = i > 0 ? scalars[i - 1] : " "
            if "\\`*_[]<~^$".unicodeScalars.contains(u)
                || u == "&" && (next == "#" || next.properties.isAlphabetic)
                || u == "@" && !(previous.properties.isAlphabetic || ("0"..."9").contains(previous)) {
                escaped.append("\\")
            }
            escaped.append(u)
        }
        let lines = String(escaped).split(separator: "\n").filter { !$0.allSatisfy { $0 == " " } }
        return lines.enumerated().map { i, line -> String in
            guard i > 0 else { return String(line) }
            let text = line.drop { $0 == " " }
            let digits = text.prefix { $0.isASCII && $0.isNumber }
            if let first = text.first, "#>-+*=|`~_".contains(first) { return "  \\" + text }
            if !digits.isEmpty, let after = text.dropFirst(digits.count).first, after == "." || after == ")" {
                return "  " + digits + "\\" + text.dropFirst(digits.count)
            }
            return "  " + text
        }.joined(separator: "\\\n")
    }
}

/// Byte-exact comparison: `==` on Strings would call a decomposed å equal
/// to a precomposed one.
func sameUTF8(_ a: String?, _ b: String) -> Bool {
    guard let a else { return false }
    return a.utf8.elementsEqual(b.utf8)
}

func utf8Difference(_ a: String?, _ b: String) -> String {
    guard let a else { return "nothing read back" }
    let x = Array(a.utf8), y = Array(b.utf8)
    let first = x.indices.first { $0 >= y.count || x[$0] != y[$0] } ?? min(x.count, y.count)
    let cutAtNUL = y.firstIndex(of: 0) == x.count && x.count < y.count ? " (cut at the first NUL)" : ""
    return "read back \(x.count) bytes, wrote \(y.count); first difference at byte \(first)\(cutAtNUL)"
}

@Suite("Hostile note text")
struct HostileTextTests {
    static let names = HostileText.all.map(\.name)

    @Test("stored and read back byte for byte (in memory)", arguments: names)
    func inMemory(name: String) throws {
        let text = HostileText.named(name)
        let fixture = try Fixture.inMemory()
        let saved = try fixture.store.saveNote(fixture.draft(text), now: 1)
        let savedSame = sameUTF8(saved.text, HostileText.stored(text))
        #expect(savedSame, "\(name): saveNote returned \(utf8Difference(saved.text, HostileText.stored(text)))")
        let read = try fixture.store.notes(meetingID: fixture.meeting.id, stepID: "lagesbild")
        #expect(read.count == 1)
        let same = sameUTF8(read.first?.text, HostileText.stored(text))
        #expect(same, "\(name): \(utf8Difference(read.first?.text, HostileText.stored(text)))")
        #expect(read.first?.id == saved.id)
    }

    @Test("stored in a file, read back byte for byte after reopening")
    func inAFile() throws {
        let temp = try TempFolder()
        let path = temp.file("store/samtal.sqlite")
        var ids: [Int64] = []
        var meetingID: Int64 = 0
        do {
            let fixture = try Fixture(store: AppStore(path: path))
            meetingID = fixture.meeting.id
            for (i, (_, text)) in HostileText.all.enumerated() {
                ids.append(try fixture.store.saveNote(fixture.draft(text, group: i % 3), now: Double(i)).id)
            }
        }
        let reopened = try AppStore(path: path)
        let notes = try reopened.notes(meetingID: meetingID, stepID: "lagesbild")
        #expect(notes.count == HostileText.all.count)
        for ((name, text), id) in zip(HostileText.all, ids) {
            let read = notes.first { $0.id == id }?.text
            let same = sameUTF8(read, HostileText.stored(text))
            #expect(same, "\(name): \(utf8Difference(read, HostileText.stored(text)))")
        }
    }

    @Test("an edited note keeps the hostile text exactly too")
    func edited() throws {
        let fixture = try Fixture.inMemory()
        let saved = try fixture.store.saveNote(fixture.draft("kort"), now: 1)
        let text = HostileText.named("everything")
        try fixture.store.updateNote(id: saved.id, text: text, group: 2, type: .question, now: 2)
        let read = try fixture.store.notes(meetingID: fixture.meeting.id, stepID: "lagesbild").first?.text
        let same = sameUTF8(read, text)
        #expect(same, "\(utf8Difference(read, text))")
    }

    /// A meeting whose notes are the hostile texts, as the exports see it.
    static func record(_ names: [String]) throws -> (MeetingRecord, [String]) {
        let fixture = try Fixture.inMemory()
        let texts = names.map(HostileText.named)
        for (i, text) in texts.enumerated() { try fixture.store.saveNote(fixture.draft(text), now: Double(i)) }
        let agenda = Agenda(id: "medarbetardialog-vad", version: 1, title: "Medarbetardialog", meetingType: .employeeDialogueWhat,
                            source: .employee, steps: [AgendaStep(id: "lagesbild", title: "Lokal lägesbild", kind: .collect, minutes: 30)])
        let notes = try fixture.store.notes(meetingID: fixture.meeting.id)
        return (MeetingRecord(cycle: fixture.cycle, meeting: fixture.meeting, agenda: agenda, notes: notes, stepSeconds: [:]), texts)
    }

    @Test("the JSON export round-trips every text exactly", arguments: names)
    func jsonExport(name: String) throws {
        let (record, texts) = try Self.record([name])
        let json = RecordSet.meeting(record).json()
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let notes = object?["notes"] as? [[String: Any]] ?? []
        #expect(notes.count == 1)
        let text = notes.first?["text"] as? String
        let same = sameUTF8(text, HostileText.stored(texts[0]))
        #expect(same, "\(name): \(utf8Difference(text, HostileText.stored(texts[0])))")
        // JSON escapes every C0 control character: the file itself holds none.
        let rawControl = json.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }
        #expect(!rawControl, "\(name): a raw control character in the JSON")
    }

    @Test("the Markdown export has the text as typed: its lines as hard breaks in its list item, and Markdown's escapes", arguments: names)
    func markdownExport(name: String) throws {
        let (record, texts) = try Self.record([name])
        let md = MarkdownRenderer.render(Documents.summary(record, language: .sv))
        let expected = HostileText.markdownText(texts[0])
        #expect(!expected.unicodeScalars.contains { $0 == "\r" })
        // The note's list item ends with the text, followed by a line break.
        let needle = Data((": " + expected + "\n").utf8)
        let found = Data(md.utf8).range(of: needle) != nil
        #expect(found, "\(name): the Markdown does not hold the note's text as typed and escaped")
    }
}
