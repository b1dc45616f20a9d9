// Text that arrives as bytes from outside (a line of `note add --stdin`):
// UTF-8 when it is, else read as Latin-1 (Windows-1252, what a Swedish
// Windows file or a Latin-1 terminal sends), so å ä ö are kept rather than
// turned into U+FFFD, and the caller says it happened.

public enum InputText {
    /// `bytes` as text, and whether they were UTF-8.
    /// UTF-8 wherever it is valid; only a byte that does not belong to a
    /// valid UTF-8 character is read as Latin-1 (a UTF-8 line with one
    /// stray Windows dash keeps its å ä ö).
    public static func decode(_ bytes: some Collection<UInt8>) -> (text: String, wasUTF8: Bool) {
        if let text = String(validating: bytes, as: UTF8.self) { return (text, true) }
        let b = Array(bytes)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < b.count {
            let lead = b[i]
            let needed = switch lead {
            case 0x00...0x7F: 0
            case 0xC2...0xDF: 1
            case 0xE0...0xEF: 2
            case 0xF0...0xF4: 3
            default: -1
            }
            if needed >= 0, i + needed < b.count,
               let s = String(validating: b[i...(i + needed)], as: UTF8.self), let scalar = s.unicodeScalars.first,
               s.unicodeScalars.count == 1 {
                out.append(scalar)
                i += needed + 1
            } else {
                out.append(latin1(lead))
                i += 1
            }
        }
        return (String(out), false)
    }

    /// One byte of Latin-1 (Windows-1252) as a character.
    public static func latin1(_ b: UInt8) -> Unicode.Scalar {
        (0x80...0x9F).contains(b) ? Unicode.Scalar(windows1252[Int(b - 0x80)]) ?? "\u{FFFD}" : Unicode.Scalar(b)
    }

    /// Windows-1252's characters at 0x80–0x9F (where ISO 8859-1 has
    /// control characters); U+FFFD where it has none.
    static let windows1252: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}
