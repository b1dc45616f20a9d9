// Display width of text in terminal columns, without the C library: the
// renderer must not depend on the process locale. The table follows
// Unicode's East Asian Width (W and F) and emoji presentation, which is
// what glibc's wcwidth, ncurses and tmux agree on for single scalars.
//
// Policy for what terminals disagree on (the team's notes,
// ../shared/NOTES-swift-ncurses.md, outside the repository): an emoji
// sequence (variation selector 16, skin tone, ZWJ family) is drawn as its
// first scalar alone, as wide as that scalar is alone; a flag as its two
// letters. The stored text is untouched.

public enum DisplayWidth {
    /// Columns one scalar takes: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        // What screens are mostly made of: printable ASCII, Latin letters
        // (å ä ö é ü) and marks (· «), the box-drawing lines. One column
        // each, without the Unicode tables (the soft hyphen is a format
        // character: none).
        if isPlain(v) { return 1 }
        return tableWidth(scalar)
    }

    /// A scalar of one column drawn as it is, that no following scalar of
    /// the same kind joins into a cluster: printable ASCII, Latin letters
    /// (å ä ö é ü) and marks (· «), Swedish typography's dashes, quotes and
    /// ellipsis (– ” …), currency signs (€), arrows (→ ↵) and the
    /// box-drawing lines. A run of them is one grapheme each, so text made
    /// of them is measured and drawn by scalar, without walking grapheme
    /// clusters (issue 15). `PlainTextPathTests` checks every one of them.
    @inline(__always) static func isPlain(_ v: UInt32) -> Bool {
        if v < 0x300 { return v >= 0x20 && v < 0x7F || v >= 0xA0 && v != 0xAD }
        return (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v) || (0x20A0...0x20C0).contains(v)
            || (0x2190...0x21FF).contains(v) || (0x2500...0x259F).contains(v)
    }

    /// The ranges `isPlain` takes beyond printable ASCII, for its test.
    static let plainRanges: [ClosedRange<UInt32>] = [0xA0...0xAC, 0xAE...0x2FF, 0x2010...0x2027, 0x2030...0x205E,
                                                     0x20A0...0x20C0, 0x2190...0x21FF, 0x2500...0x259F]

    /// Where the plain run at the start of `s` ends: every scalar before
    /// it is a grapheme of one column (see `isPlain`), and it is at a
    /// grapheme boundary.
    /// At most `limit` scalars are looked at: a long text is walked only
    /// as far as can be shown.
    @inline(__always) static func plainPrefixEnd(_ s: String, limit: Int = .max) -> String.Index {
        let scalars = s.unicodeScalars
        var i = scalars.startIndex
        var taken = 0
        while taken < limit, i < scalars.endIndex, isPlain(scalars[i].value) {
            taken += 1
            let next = scalars.index(after: i)
            // The last plain scalar is a grapheme of its own only if what
            // follows cannot extend it (a combining mark would).
            if next < scalars.endIndex, !isPlain(scalars[next].value) { break }
            i = next
        }
        return i
    }

    /// `of(_:)` through the Unicode property tables.
    static func tableWidth(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 { return 0 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 1 } // shown as a replacement, see `cell(for:)`
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B || (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return isWide(v) ? 2 : 1
    }

    /// What one grapheme cluster is drawn as, and its width.
    /// Control characters become U+FFFD (never an escape to the terminal).
    public static func cell(for g: Character) -> (String, Int) {
        // Printable ASCII, most of what is typed: one column, as it is.
        if let a = g.asciiValue, a >= 0x20, a < 0x7F { return (String(g), 1) }
        // One scalar that needs no table (å, –, ─): drawn as it is.
        let view = g.unicodeScalars
        if let first = view.first, view.index(after: view.startIndex) == view.endIndex, isPlain(first.value) {
            return (String(g), 1)
        }
        return tableCell(for: g)
    }

    /// `cell(for:)` through the general rules.
    static func tableCell(for g: Character) -> (String, Int) {
        let scalars = Array(g.unicodeScalars)
        guard let first = scalars.first else { return ("", 0) }
        // A line break inside a one-line view (a form field, a cut line).
        if g == "\n" || g == "\r\n" { return ("↵", 1) }
        // A tab (pasted into a note) as the space it stands for.
        if g == "\t" { return (" ", 1) }
        if first.value < 0x20 || (0x7F..<0xA0).contains(first.value) || first.value == 0x2028 || first.value == 0x2029 {
            return ("\u{FFFD}", 1)
        }
        let w = of(first)
        if scalars.count == 1 { return (String(g), w) }
        // A flag (two regional indicators) is drawn as its two letters:
        // terminals and glibc disagree on the width of the symbols.
        if scalars.count == 2, scalars.allSatisfy({ (0x1F1E6...0x1F1FF).contains($0.value) }) {
            let letters = scalars.map { Character(Unicode.Scalar($0.value - 0x1F1E6 + 0x41)!) }
            return (String(letters), 2)
        }
        let isEmojiSequence = scalars.contains { $0.value == 0x200D || $0.value == 0xFE0F || (0x1F3FB...0x1F3FF).contains($0.value) }
            || (0x1F1E6...0x1F1FF).contains(first.value)
        if isEmojiSequence || first.properties.isEmojiPresentation {
            // Decided policy: the base emoji alone, as wide as it is alone
            // (❤️ is drawn as ❤, one column; 👍🏽 as 👍, two).
            return (String(first), w)
        }
        if w == 0 {
            // A lone combining mark: show it on a space.
            return (" " + String(g), 1)
        }
        // Base plus combining marks (decomposed å): the base's width.
        let kept = scalars.prefix(5).filter { $0.value >= 0x20 }
        var s = ""
        s.unicodeScalars.append(contentsOf: kept)
        return (s, w)
    }

    /// Columns a string takes when drawn.
    public static func of(_ s: String) -> Int {
        LayoutWork.measured(s.utf8.count)
        if isPrintableASCII(s) { return s.utf8.count }
        let (plain, columns, _) = plainPrefix(s)
        return s[plain...].reduce(columns) { $0 + cell(for: $1).1 }
    }

    /// `plainPrefixEnd` and the number of scalars before it, read from the
    /// UTF-8 bytes of a native string (walking `unicodeScalars` by index
    /// cost ~150 instructions a scalar: most of a cluster step's frame,
    /// issue 15); `nth`, when given, also the end of the first `nth`
    /// scalars if there are that many plain ones.
    @inline(__always) static func plainPrefix(_ s: String, limit: Int = .max, nth: Int? = nil)
        -> (end: String.Index, count: Int, nthEnd: String.Index?) {
        let found: (Int, Int, Int?)? = s.utf8.withContiguousStorageIfAvailable { b in
            var i = 0, taken = 0, nthEnd: Int? = nth == 0 ? 0 : nil
            while taken < limit, i < b.count {
                let (v, length) = UTF8Scalar.decode(b, at: i)
                guard isPlain(v) else { break }
                let next = i + length
                // The last plain scalar is a grapheme of its own only if
                // what follows cannot extend it (a combining mark would).
                if next < b.count, !isPlain(UTF8Scalar.decode(b, at: next).0) { break }
                i = next
                taken += 1
                if taken == nth { nthEnd = i }
            }
            return (i, taken, nthEnd)
        }
        if let (end, count, nthEnd) = found {
            let start = s.utf8.startIndex
            return (s.utf8.index(start, offsetBy: end), count, nthEnd.map { s.utf8.index(start, offsetBy: $0) })
        }
        let end = plainPrefixEnd(s, limit: limit)
        let scalars = s.unicodeScalars
        let count = scalars.distance(from: scalars.startIndex, to: end)
        let nthEnd = nth.flatMap { n in n <= count ? scalars.index(scalars.startIndex, offsetBy: n) : nil }
        return (end, count, nthEnd)
    }

    /// Whether every character is printable ASCII (one byte, one column):
    /// then width is counted in bytes, without the Unicode tables.
    @inline(__always) static func isPrintableASCII(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// The longest prefix of `s` that fits in `columns`.
    public static func prefix(_ s: String, columns: Int) -> String {
        // Never more of the text than could fit: a 200 KB note cut to a
        // line costs a line (issue 15).
        let n = max(0, columns)
        let (plain, plainCount, nthEnd) = plainPrefix(s, limit: n + 1, nth: n)
        if plainCount > n, let nthEnd {
            // More plain scalars than columns: cut after the n-th, at a
            // grapheme boundary (the next one is plain too).
            let out = String(s[..<nthEnd])
            LayoutWork.measured(out.utf8.count)
            return out
        }
        if plain == s.endIndex {
            LayoutWork.measured(s.utf8.count)
            return s
        }
        var out = String(s[..<plain])
        var used = plainCount
        for g in s[plain...] {
            let w = cell(for: g).1
            if used + w > n { break }
            out.append(g)
            used += w
        }
        LayoutWork.measured(out.utf8.count)
        return out
    }

    /// Whether `s` fits in `columns`, looking at no more of it than that.
    public static func fits(_ s: String, columns: Int) -> Bool {
        if s.utf8.count <= columns { return of(s) <= columns }
        return prefix(s, columns: columns).utf8.count == s.utf8.count
    }

    static func isWide(_ v: UInt32) -> Bool {
        var i = 0
        while i < wideRanges.count {
            if v >= wideRanges[i] && v <= wideRanges[i + 1] { return true }
            i += 2
        }
        return false
    }

    /// East Asian Wide and Fullwidth ranges (Unicode 15), condensed: each
    /// range's first and last value. Not `ClosedRange`s: the first use of
    /// an array of them made the Swift runtime look `UInt32: Comparable` up
    /// in every conformance record of the binary (~0.3 M instructions at
    /// every start, issue 15).
    static let wideRanges: [UInt32] = [
        0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3,
        0x25FD, 0x25FE, 0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693, 0x26A1, 0x26A1,
        0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA, 0x26EA,
        0x26F2, 0x26F3, 0x26F5, 0x26F5, 0x26FA, 0x26FA, 0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B,
        0x2728, 0x2728, 0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797,
        0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55,
        0x2E80, 0x303E, 0x3041, 0x33FF, 0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0xA000, 0xA4CF, 0xA960, 0xA97F,
        0xAC00, 0xD7A3, 0xF900, 0xFAFF, 0xFE10, 0xFE19, 0xFE30, 0xFE6F, 0xFF00, 0xFF60, 0xFFE0, 0xFFE6,
        0x16FE0, 0x16FE4, 0x17000, 0x18CFF, 0x1AFF0, 0x1B2FF, 0x1F004, 0x1F004, 0x1F0CF, 0x1F0CF,
        0x1F18E, 0x1F18E, 0x1F191, 0x1F19A, 0x1F200, 0x1F202, 0x1F210, 0x1F23B, 0x1F240, 0x1F248,
        0x1F250, 0x1F251, 0x1F260, 0x1F265, 0x1F300, 0x1F320, 0x1F32D, 0x1F335, 0x1F337, 0x1F37C,
        0x1F37E, 0x1F393, 0x1F3A0, 0x1F3CA, 0x1F3CF, 0x1F3D3, 0x1F3E0, 0x1F3F0, 0x1F3F4, 0x1F3F4,
        0x1F3F8, 0x1F43E, 0x1F440, 0x1F440, 0x1F442, 0x1F4FC, 0x1F4FF, 0x1F53D, 0x1F54B, 0x1F54E,
        0x1F550, 0x1F567, 0x1F57A, 0x1F57A, 0x1F595, 0x1F596, 0x1F5A4, 0x1F5A4, 0x1F5FB, 0x1F64F,
        0x1F680, 0x1F6C5, 0x1F6CC, 0x1F6CC, 0x1F6D0, 0x1F6D2, 0x1F6D5, 0x1F6D7, 0x1F6DC, 0x1F6DF,
        0x1F6EB, 0x1F6EC, 0x1F6F4, 0x1F6FC, 0x1F7E0, 0x1F7EB, 0x1F7F0, 0x1F7F0, 0x1F90C, 0x1F93A,
        0x1F93C, 0x1F945, 0x1F947, 0x1F9FF, 0x1FA70, 0x1FAFF, 0x20000, 0x2FFFD, 0x30000, 0x3FFFD,
    ]
}
