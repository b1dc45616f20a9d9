// Telling a paste from typing. A terminal in bracketed-paste mode (samtal
// asks for it) wraps a paste in ESC[200~ … ESC[201~: everything between is
// text, whatever it looks like (a pasted "\e[31m" must not cancel the line
// at its Esc, a pasted tab must not switch the group, a pasted line break
// must not save half a note). Without the markers, an escape sequence in a
// burst of keys is still taken as text.

public struct PasteReader: Sendable {
    /// Inside a bracketed paste.
    public private(set) var inPaste = false
    /// Keys that may be the start of a marker, held until it is clear.
    private var held: [Key] = []

    public init() {}

    static let start: [Key] = [.escape, .char("["), .char("2"), .char("0"), .char("0"), .char("~")]
    static let end: [Key] = [.escape, .char("["), .char("2"), .char("0"), .char("1"), .char("~")]

    /// The keys of one burst (everything that was waiting to be read), with
    /// pasted ones turned into the characters they are. Markers split
    /// across bursts are held until the next one.
    public mutating func read(_ burst: [Key]) -> [Key] {
        var out: [Key] = []
        out.reserveCapacity(burst.count)
        for key in burst {
            held.append(key)
            let marker = inPaste ? PasteReader.end : PasteReader.start
            if held.count <= marker.count, Array(marker.prefix(held.count)) == held {
                if held.count == marker.count {
                    inPaste.toggle()
                    held = []
                }
                continue
            }
            // Not a marker after all: what was held is ordinary input.
            let keys = held
            held = []
            for k in keys { out.append(inPaste ? PasteReader.literal(k) : k) }
        }
        if !inPaste, held == [.escape] {
            // A lone Esc at the end of a burst is the Esc key.
            out.append(.escape)
            held = []
        }
        return PasteReader.altEnter(PasteReader.escapeSequencesAsText(PasteReader.namedKeys(out)))
    }

    /// Alt-Enter as terminals send it (an Esc and an Enter in one burst)
    /// does nothing. Its Esc cancelled the typed line and its Enter then
    /// saved nothing: a note-taker who tried it for a line break lost the
    /// note without a word (the fourteenth walk). Nothing is safe in every
    /// context (a confirmation's Esc then Enter is neither no nor yes). An
    /// Esc before any other key stays the Esc key (it closes a dialog
    /// before the F10 that follows it at once).
    static func altEnter(_ keys: [Key]) -> [Key] {
        guard keys.count > 1, keys.contains(.escape) else { return keys }
        var out: [Key] = []
        out.reserveCapacity(keys.count)
        var i = 0
        while i < keys.count {
            if keys[i] == .escape, i + 1 < keys.count, keys[i + 1] == .enter {
                i += 2
                continue
            }
            out.append(keys[i])
            i += 1
        }
        return out
    }

    /// Home, End, Delete, PgUp/PgDn and the arrows as terminals send them
    /// when the terminal's description does not name them (tmux with
    /// TERM=xterm-256color, PuTTY, the Linux console): keys, never text
    /// ("\e[4~" typed into a note).
    static let named: [(String, Key)] = [
        ("[1~", .home), ("[7~", .home), ("[H", .home), ("OH", .home), ("[4~", .end), ("[8~", .end), ("[F", .end), ("OF", .end),
        ("[3~", .delete), ("[5~", .pageUp), ("[6~", .pageDown), ("[A", .up), ("[B", .down), ("[C", .right), ("[D", .left),
        ("OA", .up), ("OB", .down), ("OC", .right), ("OD", .left), ("[2~", .unknown(0)), // Insert: nothing
    ]

    static func namedKeys(_ keys: [Key]) -> [Key] {
        guard keys.count > 2, keys.contains(.escape) else { return keys }
        var out: [Key] = []
        out.reserveCapacity(keys.count)
        var i = 0
        search: while i < keys.count {
            if keys[i] == .escape {
                for (sequence, key) in named {
                    let chars = sequence.map { Key.char($0) }
                    if keys.count >= i + 1 + chars.count, Array(keys[(i + 1)..<(i + 1 + chars.count)]) == chars {
                        out.append(key)
                        i += 1 + chars.count
                        continue search
                    }
                }
            }
            out.append(keys[i])
            i += 1
        }
        return out
    }

    /// How many keys a burst is when it is made only of whole CSI
    /// (`ESC [` parameters, intermediates, a final byte) or SS3 (`ESC O`
    /// and one character) sequences; nil otherwise.
    static func unnamedKeys(_ keys: [Key]) -> Int? {
        func byte(_ key: Key) -> UInt32? {
            guard case .char(let c) = key, c.unicodeScalars.count == 1 else { return nil }
            return c.unicodeScalars.first!.value
        }
        var i = 0, count = 0
        while i < keys.count {
            guard keys[i] == .escape, i + 2 < keys.count else { return nil }
            switch byte(keys[i + 1]) {
            case 0x4F: // SS3: one printable character
                guard let b = byte(keys[i + 2]), 0x20...0x7E ~= b else { return nil }
                i += 3
            case 0x5B: // CSI
                var j = i + 2
                while j < keys.count, let b = byte(keys[j]), 0x30...0x3F ~= b { j += 1 }
                while j < keys.count, let b = byte(keys[j]), 0x20...0x2F ~= b { j += 1 }
                guard j < keys.count, let b = byte(keys[j]), 0x40...0x7E ~= b else { return nil }
                i = j + 1
            default:
                return nil
            }
            count += 1
        }
        return count
    }

    /// A pasted key as the text it stands for.
    static func literal(_ key: Key) -> Key {
        switch key {
        case .char: return key
        case .enter: return .char("\n")
        case .tab: return .char("\t")
        case .escape: return .char("\u{1B}")
        case .backspace: return .char("\u{7F}")
        case .ctrl(let c):
            let code = c.asciiValue.map { $0 &- 96 } ?? 0
            return code > 0 && code < 32 ? .char(Character(Unicode.Scalar(code))) : key
        case .unknown(let code) where 0 < code && (code < 0x20 || 0x7F...0x9F ~= code):
            return .char(Character(Unicode.Scalar(UInt8(code))))
        default:
            return key
        }
    }

    /// Without bracketed paste: an Esc directly followed by '[' or ']' in
    /// one burst starts an escape sequence (CSI, OSC), which is text (a
    /// paste in a terminal without bracketed paste), unless the burst is
    /// nothing but whole CSI or SS3 sequences: that is a key the terminal
    /// description does not name (Ctrl-End, Shift-F5 under another TERM),
    /// and it does nothing, never text. An Esc before 'O' and more is the
    /// Esc key: an SS3 sequence is a key, never in a text, and "O" starts
    /// words ("Olika", "Orsak", "Osäker") typed after an Esc in one write
    /// on a slow link; taken as text, the Esc went into the note as a
    /// control character (the twentieth walk).
    static func escapeSequencesAsText(_ keys: [Key]) -> [Key] {
        guard keys.count > 1, keys.contains(.escape) else { return keys }
        if let count = unnamedKeys(keys) { return Array(repeating: .unknown(0), count: count) }
        var out = keys
        for i in out.indices.dropLast() where out[i] == .escape {
            if out[i + 1] == .char("[") || out[i + 1] == .char("]") { out[i] = .char("\u{1B}") }
        }
        return out
    }
}

/// The bytes of a bracketed paste, read straight from the terminal in large
/// reads once its start marker has been seen (issue 15: a 10 MB paste read
/// key by key took a minute), up to its end marker ESC[201~, which may be
/// split across reads. What was read after the end marker belongs to the
/// keys that follow.
public struct PasteBytes: Sendable {
    /// The paste so far, without the markers.
    public private(set) var bytes: [UInt8] = []
    /// The end marker has been read.
    public private(set) var finished = false
    /// Read after the end marker: the next keys, to be read as keys.
    public private(set) var rest: [UInt8] = []

    static let endMarker: [UInt8] = Array("\u{1B}[201~".utf8)

    public init() {}

    /// Takes the next bytes read.
    public mutating func feed(_ chunk: some Collection<UInt8>) {
        guard !finished else { rest.append(contentsOf: chunk); return }
        // A marker may have begun at the end of the last read.
        let from = max(0, bytes.count - (Self.endMarker.count - 1))
        bytes.append(contentsOf: chunk)
        guard let at = Self.find(Self.endMarker, in: bytes, from: from) else { return }
        rest = Array(bytes[(at + Self.endMarker.count)...])
        bytes.removeSubrange(at...)
        finished = true
    }

    static func find(_ marker: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        bytes.withUnsafeBufferPointer { b in
            var i = from
            let last = b.count - marker.count
            while i <= last {
                if b[i] == marker[0] {
                    var j = 1
                    while j < marker.count && b[i + j] == marker[j] { j += 1 }
                    if j == marker.count { return i }
                }
                i += 1
            }
            return nil
        }
    }

    /// The paste as text, as its keys were read one by one before: UTF-8,
    /// a byte that is not UTF-8 as Latin-1 (`wasUTF8` false); a line break
    /// (CR, LF or CR LF) as "\n", Ctrl-H as DEL, NUL dropped. The bytes
    /// are cleaned where they lie and let go of once decoded: a 10 MB
    /// paste is held as bytes and as text, not three times.
    public mutating func takeText() -> (text: String, wasUTF8: Bool) {
        var kept = 0
        bytes.withUnsafeMutableBufferPointer { b in
            var previous: UInt8 = 0
            for i in b.indices {
                let byte = b[i]
                switch byte {
                case 0x0D: b[kept] = 0x0A; kept += 1
                case 0x0A where previous == 0x0D: break
                case 0x08: b[kept] = 0x7F; kept += 1
                case 0x00: break
                default: b[kept] = byte; kept += 1
                }
                previous = byte
            }
        }
        bytes.removeSubrange(kept...)
        let text = InputText.decode(bytes)
        bytes = []
        return text
    }
}
