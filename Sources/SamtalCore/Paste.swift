// Telling a paste from typing. Terminals deliver a paste as a burst of
// keys; an escape sequence or control character inside it is text, not a
// command (a pasted "\e[31m" must not cancel the line at its Esc, a pasted
// tab must not switch the group).

public enum Paste {
    /// A burst at least this long is a paste, not fast typing.
    public static let minimumLength = 8

    /// Whether a burst of this many keys is (part of) a paste.
    public static func isPaste(count: Int, continuing: Bool) -> Bool {
        continuing || count >= minimumLength
    }

    /// The keys of one burst (everything that was waiting to be read), with
    /// the ones that are text inside a paste turned back into characters.
    /// `continuing` says the burst follows a paste closely (terminals
    /// deliver a long paste in pieces).
    public static func interpret(_ burst: [Key], continuing: Bool = false) -> [Key] {
        let isPaste = continuing || burst.count >= minimumLength
        guard burst.count > 1 || isPaste else { return burst }
        var out: [Key] = []
        out.reserveCapacity(burst.count)
        for (i, key) in burst.enumerated() {
            let next = i + 1 < burst.count ? burst[i + 1] : nil
            switch key {
            case .escape where next == .char("[") || next == .char("]") || next == .char("O") || isPaste:
                // The start of an escape sequence: text, shown safely.
                out.append(.char("\u{1B}"))
            case .unknown(let code) where isPaste && (0..<0x20 ~= code || 0x7F...0x9F ~= code):
                // A control character the keyboard cannot name (DEL, C1): text.
                out.append(code == 0 ? key : .char(Character(Unicode.Scalar(UInt8(code)))))
            case .tab where isPaste:
                out.append(.char("\t"))
            case .ctrl(let c) where isPaste:
                let code = c.asciiValue.map { $0 &- 96 } ?? 0
                out.append(code > 0 && code < 32 ? .char(Character(Unicode.Scalar(code))) : key)
            default:
                out.append(key)
            }
        }
        return out
    }
}
