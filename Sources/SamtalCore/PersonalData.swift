// Personal data in note text: Swedish personal identity and coordination
// numbers (check digit verified), phone numbers, e-mail addresses and
// licence plates. Used to warn when a note is captured and to list or redact
// flagged notes at export (DESIGN.md "Data and privacy", issue 7).
//
// Plain scanning code over grapheme clusters: one pass per kind, each start
// position looks at a bounded number of characters, so the whole scan is
// linear in the length of the text. Any input is safe (empty, 1 MB, emoji,
// combining marks, right-to-left text): a digit carrying a combining mark is
// not a digit, and every range lies on character boundaries.
//
// What is detected, and the deliberate choices:
//
// - Personal identity numbers and coordination numbers (samordningsnummer,
//   day + 60): YYMMDD-NNNN, YYMMDD+NNNN, YYMMDDNNNN, YYYYMMDD-NNNN,
//   YYYYMMDDNNNN; the separator may also be an en dash or a single space.
//   The Luhn check digit must be right, the month 1-12 and the day possible
//   in that month (1-31, or 61-91 for a coordination number; 29 February is
//   always allowed). A 12-digit number must start with 18, 19 or 20.
//   Organisation numbers (556677-8899: "month" 66) fail the date test and
//   are not flagged.
// - Swedish phone numbers: national form starting with 0 (070-123 45 67,
//   08-123 456 78, 031-12 34 56, 0771-123 123, (08) 123 456 78) and
//   international form (+46 70 123 45 67, +46 (0)8-123 456 78, 0046 ...).
//   The digits after the 0 or 46 must number 7-9, a mobile number (70, 72,
//   73, 76, 79) exactly 9; a one-digit area code must be 8 (Stockholm);
//   an area code written apart has at most three digits after the 0 (so
//   040229-1232, shaped like a personal number, is not a phone number);
//   groups after the first have two digits or more; separators are spaces,
//   dashes or " - " (or a slash after the area code, 08/123 456 78), and
//   after the first separator they are all alike (so "08-10 12-14", two
//   time spans, is not a phone number). Numbers without an area code
//   (123 45 67), 112, 114 14 and 1177 are not flagged, nor are foreign
//   numbers.
// - E-mail addresses: a local part, @, and a domain with at least one dot
//   and a top-level domain of two letters or more (å, ä, ö allowed).
// - Licence plates: three letters and three characters, ABC 123, ABC123,
//   ABC-123, or the newer ABC 12A. Letters are A-Z without I, Q and V (nor
//   Å, Ä, Ö); the last character, if a letter, is not O. Plates are
//   written in capitals; lower case (abc 123) only counts near a "reg"
//   word (regnr, reg.nr, registreringsnummer: up to 30 characters before,
//   20 after), since "och 123" is ordinary text. Abbreviations common in
//   Swedish public-sector text (SMS, LPO, SSP, SEK, TKR, ...) and short
//   Swedish words typed in capitals (OCH 123) are never plates.
// - Not detected: police case numbers (K123456-26, 5000-K123456-26),
//   diary numbers, postcodes, dates, times, amounts: they are not data on
//   an individual by themselves, and treating them as such would bury the
//   real warnings.
//
// Known misses and false alarms (see the labelled cases): a number glued to
// a word (Pnr580613-2907), dotted phone numbers (070.123.45.67), 46 without
// + or 00, obfuscated addresses (anna(at)polisen.se); a long reference that
// happens to be a valid personal number, a 10-digit account number starting
// with 0, an unlisted three-letter code in capitals (DOK 123).
//
// Findings never overlap: e-mail addresses are found first, then personal
// numbers, then phone numbers, then plates, and each later pass skips what
// an earlier one took (so ten digits that are a valid personal number are
// a personal number, not a phone number).

import Foundation

public enum PersonalDataKind: String, Sendable, CaseIterable {
    case personalNumber, phoneNumber, email, licensePlate

    /// What replaces a match in a redacted export (exports are Swedish).
    public var marker: String {
        switch self {
        case .personalNumber: "[personnummer]"
        case .phoneNumber: "[telefonnummer]"
        case .email: "[e-post]"
        case .licensePlate: "[registreringsnummer]"
        }
    }
}

public struct PersonalDataFinding: Equatable, Sendable {
    public var kind: PersonalDataKind
    /// The match in the scanned string; always on character boundaries.
    public var range: Range<String.Index>
    /// The matched text, as written.
    public var text: String

    public init(kind: PersonalDataKind, range: Range<String.Index>, text: String) {
        self.kind = kind
        self.range = range
        self.text = text
    }
}

public enum PersonalData {
    /// Every match in `text`, in order, never overlapping.
    public static func scan(_ text: String) -> [PersonalDataFinding] {
        if !mayHoldFinding(text) { return [] }
        return fullScan(text)
    }

    /// The scan itself, whatever the bytes say (tests compare it with
    /// `mayHoldFinding`).
    static func fullScan(_ text: String) -> [PersonalDataFinding] {
        if text.isEmpty { return [] }
        var s = TextScan(text)
        s.findEmails()
        s.run(.personalNumber) { s, i in s.personalNumber(at: i) }
        s.run(.phoneNumber) { s, i in s.phoneNumber(at: i) }
        s.run(.licensePlate) { s, i in s.licensePlate(at: i) }
        let utf8 = text.utf8
        return s.found.sorted { $0.lo < $1.lo }.map { m in
            let range = utf8.index(utf8.startIndex, offsetBy: s.offsets[m.lo])
                ..< utf8.index(utf8.startIndex, offsetBy: s.offsets[m.hi])
            return PersonalDataFinding(kind: m.kind, range: range, text: String(text[range]))
        }
    }

    /// Whether `text` can hold a finding at all, told from its bytes in
    /// one pass; most notes cannot, and skip the scan (which costs tens of
    /// thousands of instructions a note: a step's notes are scanned when
    /// the step is opened, issue 15). What each kind cannot do without:
    /// an e-mail address an "@"; a personal number a run of six ASCII
    /// digits or more; a phone number eight ASCII digits or more in all (a
    /// 0 and seven, or 46 and seven); a licence plate two ASCII digits
    /// right after an ASCII letter, or after an ASCII letter and one
    /// separator (space, dash, no-break space, narrow no-break space, en
    /// dash, non-breaking hyphen). Every character the scan takes for a
    /// digit, a letter of a plate or "@" is that one ASCII byte.
    static func mayHoldFinding(_ text: String) -> Bool {
        if let answer = text.utf8.withContiguousStorageIfAvailable({ mayHoldFinding($0) }) { return answer }
        return Array(text.utf8).withUnsafeBufferPointer { mayHoldFinding($0) }
    }

    private static func mayHoldFinding(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        @inline(__always) func isDigit(_ i: Int) -> Bool { i >= 0 && i < b.count && b[i] &- 0x30 < 10 }
        @inline(__always) func isLetter(_ i: Int) -> Bool { i >= 0 && i < b.count && (b[i] | 0x20) &- 0x61 < 26 }
        @inline(__always) func bytes(_ i: Int, _ x: UInt8, _ y: UInt8, _ z: UInt8? = nil) -> Bool {
            guard i >= 0, i + (z == nil ? 2 : 3) <= b.count, b[i] == x, b[i + 1] == y else { return false }
            return z.map { b[i + 2] == $0 } ?? true
        }
        var digits = 0
        var run = 0
        for i in 0..<b.count {
            let c = b[i]
            if c &- 0x30 < 10 {
                digits += 1
                run += 1
                if run >= 6 || digits >= 8 { return true }
                // A plate's two digits, i and i + 1.
                if run == 1, isDigit(i + 1) {
                    if isLetter(i - 1) { return true }
                    if i >= 1 && (b[i - 1] == 0x20 || b[i - 1] == 0x2D) && isLetter(i - 2) { return true }
                    if bytes(i - 2, 0xC2, 0xA0) && isLetter(i - 3) { return true }
                    if (bytes(i - 3, 0xE2, 0x80, 0xAF) || bytes(i - 3, 0xE2, 0x80, 0x93) || bytes(i - 3, 0xE2, 0x80, 0x91))
                        && isLetter(i - 4) { return true }
                }
            } else {
                run = 0
                if c == 0x40 { return true }
            }
        }
        return false
    }

    /// `text` with every match replaced by its kind's marker.
    public static func redact(_ text: String) -> String { redact(text, keeping: []) }

    /// `text` with every match replaced by its kind's marker, but those
    /// in `keeping` (public contact details marked as such).
    public static func redact(_ text: String, keeping: Set<String>) -> String {
        let findings = scan(text).filter { !keeping.contains($0.text) }
        if findings.isEmpty { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var at = text.startIndex
        for f in findings {
            out += text[at..<f.range.lowerBound]
            out += f.kind.marker
            at = f.range.upperBound
        }
        out += text[at...]
        return out
    }

    /// The kinds found in `text`, each once, in `allCases` order; empty when
    /// the text looks clean. For the mark and warning at capture.
    public static func kinds(in text: String) -> [PersonalDataKind] {
        let found = Set(scan(text).map(\.kind))
        return PersonalDataKind.allCases.filter { found.contains($0) }
    }

    /// Upper-case words that look like plates but are common abbreviations
    /// (or currencies) in Swedish municipal and police text.
    static let notPlates: Set<String> = [
        "SMS", "LPO", "SSP", "SOS", "MSB", "SKR", "BUP", "LSS", "SOU", "ANT", "EBO", "BRA", "OBS", "TEL",
        "SEK", "EUR", "USD", "NOK", "DKK", "GBP", "CHF", "PDF", "APT", "SFS", "OSL", "SOL", "LOU", "BRB",
        "PBL", "BBR", "NPF", "KBT", "HLR", "FOU", "NUM", "ART", "KAP", "AVS", "ABF", "UMO", "LAS", "MOB",
        "TKR", "MKR", "PER", "TOT", "SUM", "AVG", "MAX", "CET", "UTC", "GMT",
        // Common short words and numerals in a note typed in capitals.
        "OCH", "MED", "SOM", "DET", "DEN", "HAR", "KAN", "SKA", "TAR", "GER", "BOR", "ETT", "UTE", "NYA", "TRE",
        "FEM", "SEX", "NER", "UPP", "EFT", "FRU", "HEM", "DAG", "ALL", "MER", "NOG", "NEJ", "JAG", "DOM",
    ]
}

// MARK: - The scanner

/// The text as one code per character (grapheme cluster): the byte itself
/// for a character that is one ASCII byte, else one of the classes below.
/// Every check works on these codes, which keeps the scan fast.
private enum Code {
    static let space: UInt8 = 0x80   // no-break space, narrow no-break space
    static let dash: UInt8 = 0x81    // en dash, non-breaking hyphen
    static let letter: UInt8 = 0x82  // any other letter (å, ä, ö, é, ...)
    static let number: UInt8 = 0x83  // any other number, or a digit with a mark
    static let other: UInt8 = 0x84
    static let taken: UInt8 = 0xFF   // part of an earlier finding

    static func of(_ c: Character) -> UInt8 {
        if c.utf8.count == 1, let b = c.utf8.first { return b }
        if c == "\u{00A0}" || c == "\u{202F}" { return space }
        if c == "\u{2013}" || c == "\u{2011}" { return dash }
        if c == "\r\n" { return UInt8(ascii: "\n") }
        if c.isLetter { return letter }
        if c.isNumber { return number }
        return other
    }
}

private struct TextScan {
    struct Match {
        var kind: PersonalDataKind
        var lo: Int
        var hi: Int
    }

    var codes: [UInt8]
    /// `offsets[i]` is the UTF-8 offset where character i starts;
    /// `offsets[codes.count]` is the end of the text.
    let offsets: [Int]
    var found: [Match] = []
    let n: Int

    init(_ text: String) {
        // An ASCII byte followed by another ASCII byte (other than CR LF) or
        // by the end is a character of its own; anywhere else the string's
        // own grapheme breaking decides.
        let bytes = Array(text.utf8)
        var codes: [UInt8] = []
        var offsets: [Int] = []
        codes.reserveCapacity(bytes.count)
        offsets.reserveCapacity(bytes.count + 1)
        var off = 0
        while off < bytes.count {
            let b = bytes[off]
            offsets.append(off)
            if b < 0x80 && (off + 1 == bytes.count || (bytes[off + 1] < 0x80 && !(b == 13 && bytes[off + 1] == 10))) {
                codes.append(b)
                off += 1
            } else {
                let c = text[text.utf8.index(text.utf8.startIndex, offsetBy: off)]
                codes.append(Code.of(c))
                off += max(1, c.utf8.count)
            }
        }
        offsets.append(bytes.count)
        self.codes = codes
        self.offsets = offsets
        self.n = codes.count
    }

    mutating func run(_ kind: PersonalDataKind, _ match: (TextScan, Int) -> Int?) {
        var i = 0
        while i < n {
            if codes[i] != Code.taken, let end = match(self, i), end > i {
                take(kind, i, end)
                i = end
            } else {
                i += 1
            }
        }
    }

    mutating func take(_ kind: PersonalDataKind, _ lo: Int, _ hi: Int) {
        for k in lo..<hi { codes[k] = Code.taken }
        found.append(Match(kind: kind, lo: lo, hi: hi))
    }

    // MARK: Characters

    /// The code at i; `Code.taken` when out of range (it matches nothing).
    func code(_ i: Int) -> UInt8 { i >= 0 && i < n ? codes[i] : Code.taken }

    func isChar(_ i: Int, _ c: Unicode.Scalar) -> Bool { code(i) == UInt8(ascii: c) }

    func digit(_ i: Int) -> Int? {
        let b = code(i)
        return b >= 0x30 && b <= 0x39 ? Int(b - 0x30) : nil
    }

    static func isASCIILetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
    static func isASCIIAlnum(_ b: UInt8) -> Bool { isASCIILetter(b) || (b >= 0x30 && b <= 0x39) }

    func isLetter(_ i: Int) -> Bool {
        let b = code(i)
        return Self.isASCIILetter(b) || b == Code.letter
    }

    func isSpace(_ i: Int) -> Bool { let b = code(i); return b == 0x20 || b == Code.space }

    func isDash(_ i: Int) -> Bool { let b = code(i); return b == UInt8(ascii: "-") || b == Code.dash }

    /// Part of a word or a number: a neighbour that stops a match.
    func isWordish(_ i: Int) -> Bool {
        let b = code(i)
        return Self.isASCIIAlnum(b) || b == Code.letter || b == Code.number || b == UInt8(ascii: "_") || b == UInt8(ascii: "@")
    }

    /// Characters that join digits into a longer number (1-2, 3.5, 1/2).
    func isConnector(_ i: Int) -> Bool {
        switch code(i) {
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "/"),
             UInt8(ascii: ":"), Code.dash: return true
        default: return false
        }
    }

    /// A match may start at i: the character before is not part of a word
    /// or of a longer number.
    func startsFree(_ i: Int) -> Bool {
        if i == 0 { return true }
        if isWordish(i - 1) { return false }
        if isConnector(i - 1) && digit(i - 2) != nil { return false }
        return true
    }

    /// A match may end just before j.
    func endsFree(_ j: Int) -> Bool {
        if j >= n { return true }
        if isWordish(j) { return false }
        if isConnector(j) && digit(j + 1) != nil { return false }
        return true
    }

    // MARK: E-mail addresses

    func isLocalChar(_ i: Int) -> Bool {
        let b = code(i)
        if Self.isASCIIAlnum(b) || b == Code.letter { return true }
        switch b {
        case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "%"), UInt8(ascii: "+"), UInt8(ascii: "-"),
             UInt8(ascii: "'"): return true
        default: return false
        }
    }

    func isDomainChar(_ i: Int) -> Bool {
        let b = code(i)
        return Self.isASCIIAlnum(b) || b == Code.letter || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }

    mutating func findEmails() {
        var at = 0
        while at < n {
            defer { at += 1 }
            guard isChar(at, "@") else { continue }
            var lo = at
            while lo > 0, isLocalChar(lo - 1) { lo -= 1 }
            while lo < at, isChar(lo, ".") { lo += 1 }
            guard lo < at, !isChar(at - 1, ".") else { continue }
            var hi = at + 1
            while hi < n, isDomainChar(hi) { hi += 1 }
            while hi > at + 1, isChar(hi - 1, ".") || isChar(hi - 1, "-") { hi -= 1 }
            guard hi > at + 1, validDomain(at + 1, hi) else { continue }
            take(.email, lo, hi)
            at = hi - 1
        }
    }

    /// Labels separated by single dots, none starting or ending with a
    /// dash, at least two, the last one letters only and two or more long.
    func validDomain(_ lo: Int, _ hi: Int) -> Bool {
        var labels = 1
        var labelStart = lo
        var lastIsLetters = true
        for k in lo...hi {
            if k == hi || isChar(k, ".") {
                if k == labelStart || isDash(labelStart) || isDash(k - 1) { return false }
                if k == hi { return labels >= 2 && lastIsLetters && k - labelStart >= 2 }
                labels += 1
                labelStart = k + 1
                lastIsLetters = true
            } else if !isLetter(k) {
                lastIsLetters = false
            }
        }
        return false
    }

    // MARK: Personal identity and coordination numbers

    func personalNumber(at i: Int) -> Int? {
        guard digit(i) != nil, startsFree(i), !isChar(i - 1, "+") else { return nil }  // +46..., a signed number
        var run: [Int] = []
        var j = i
        while run.count <= 12, let d = digit(j) {
            run.append(d)
            j += 1
        }
        var ten: [Int]
        var century: Int?
        var end = j
        switch run.count {
        case 12:
            century = run[0] * 10 + run[1]
            ten = Array(run[2...])
        case 10:
            ten = run
        case 6, 8:
            let plus = isChar(j, "+")
            guard isDash(j) || plus || isSpace(j) else { return nil }
            if run.count == 8 && plus { return nil }
            var last: [Int] = []
            var k = j + 1
            while last.count <= 4, let d = digit(k) {
                last.append(d)
                k += 1
            }
            guard last.count == 4 else { return nil }
            if run.count == 8 {
                century = run[0] * 10 + run[1]
                ten = Array(run[2...]) + last
            } else {
                ten = run + last
            }
            end = k
        default:
            return nil
        }
        if let c = century, !(18...20).contains(c) { return nil }
        guard Self.plausibleDate(ten), Self.luhnValid(ten), endsFree(end) else { return nil }
        return end
    }

    /// Month 1-12 and a day that month can have (plus 60 for a coordination
    /// number), from the YYMMDD part of a ten-digit number.
    static func plausibleDate(_ ten: [Int]) -> Bool {
        let month = ten[2] * 10 + ten[3]
        var day = ten[4] * 10 + ten[5]
        if day > 60 { day -= 60 }
        guard (1...12).contains(month), day >= 1 else { return false }
        let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }

    /// The Luhn check over the ten digits YYMMDDNNNC.
    static func luhnValid(_ ten: [Int]) -> Bool {
        var sum = 0
        for (k, d) in ten.enumerated() {
            var v = k % 2 == 0 ? d * 2 : d
            if v > 9 { v -= 9 }
            sum += v
        }
        return sum % 10 == 0
    }

    // MARK: Phone numbers

    enum Separator { case space, dash, slash }

    func phoneNumber(at i: Int) -> Int? {
        let c = code(i)
        guard c == UInt8(ascii: "+") || c == UInt8(ascii: "0") || c == UInt8(ascii: "("), startsFree(i) else { return nil }
        var p = i
        var international = false
        var paren = false
        if c == UInt8(ascii: "+"), digit(i + 1) == 4, digit(i + 2) == 6 {
            international = true
            p = i + 3
        } else if digit(i) == 0, digit(i + 1) == 0, digit(i + 2) == 4, digit(i + 3) == 6 {
            international = true
            p = i + 4
        } else if c == UInt8(ascii: "(") {
            paren = true
            p = i + 1
        }
        if international {
            if isSpace(p) || isDash(p) { p += 1 }
            if isChar(p, "("), digit(p + 1) == 0, isChar(p + 2, ")") {
                p += 3
                if isSpace(p) || isDash(p) { p += 1 }
            }
            if digit(p) == 0 { p += 1 }  // +46 070..., the 0 kept by mistake
            guard let first = digit(p), first != 0 else { return nil }
        } else {
            guard digit(p) == 0, let first = digit(p + 1), first != 0 else { return nil }
        }

        // Digit groups and where each ends.
        var digits: [Int] = []
        var sizes: [Int] = []
        var ends: [Int] = []
        var later: Separator?
        func readGroup(_ from: Int) -> Int {
            var k = from
            var size = 0
            while digits.count <= 12, let d = digit(k) {
                digits.append(d)
                size += 1
                k += 1
            }
            sizes.append(size)
            ends.append(k)
            return k
        }
        p = readGroup(p)
        if paren {
            guard isChar(p, ")") else { return nil }
            p += 1
            if isSpace(p) || isDash(p) { p += 1 }
            guard digit(p) != nil else { return nil }
            p = readGroup(p)
        }
        while digits.count <= 12 {
            var q = p
            let type: Separator
            if isSpace(q) {
                if isDash(q + 1) && isSpace(q + 2) {
                    type = .dash
                    q += 3
                } else {
                    type = .space
                    q += 1
                }
            } else if isDash(q) {
                type = .dash
                q += 1
            } else if isChar(q, "/") && sizes.count == 1 && !paren {
                type = .slash  // 08/123 456 78, after the area code only
                q += 1
            } else {
                break
            }
            guard digit(q) != nil else { break }
            if sizes.count >= 2 {
                if let l = later, l != type { break }
                later = type
            }
            p = readGroup(q)
        }

        // The longest run of whole groups that makes a plausible number.
        let skip = international ? 0 : 1
        let areaLength = sizes[0] - skip
        var k = sizes.count
        while k > 0 {
            defer { k -= 1 }
            let count = sizes[0..<k].reduce(0, +)
            guard count > skip else { continue }
            let nsn = digits[skip..<count]
            let first = nsn[nsn.startIndex], second = nsn.count > 1 ? nsn[nsn.startIndex + 1] : -1
            guard (7...9).contains(nsn.count), first != 0, areaLength >= 1 else { continue }
            if sizes[1..<k].contains(where: { $0 < 2 }) { continue }
            if k > 1 {
                // The first group is the area code: 8, or two or three digits.
                if areaLength > 3 || (areaLength == 1 && first != 8) { continue }
                if !international && !paren && sizes[0..<k].elementsEqual([2, 2, 4]) { continue }  // 08-12-2026
            }
            if first == 7 && [0, 2, 3, 6, 9].contains(second) && nsn.count != 9 { continue }  // mobile
            guard endsFree(ends[k - 1]) else { continue }
            return ends[k - 1]
        }
        return nil
    }

    // MARK: Licence plates

    /// A plate letter: A-Z without I, Q and V. Returns the upper-case byte
    /// and whether it was written in lower case.
    func plateLetter(_ i: Int) -> (upper: UInt8, lower: Bool)? {
        let b = code(i)
        guard Self.isASCIILetter(b) else { return nil }
        let lower = b >= 0x61
        let upper = lower ? b - 0x20 : b
        guard upper != UInt8(ascii: "I"), upper != UInt8(ascii: "Q"), upper != UInt8(ascii: "V") else { return nil }
        return (upper, lower)
    }

    func licensePlate(at i: Int) -> Int? {
        guard let a = plateLetter(i), let b = plateLetter(i + 1), let c = plateLetter(i + 2), startsFree(i) else {
            return nil
        }
        var p = i + 3
        if isSpace(p) || isDash(p) { p += 1 }
        guard digit(p) != nil, digit(p + 1) != nil else { return nil }
        var lower = a.lower || b.lower || c.lower
        if digit(p + 2) == nil {
            guard let last = plateLetter(p + 2), last.upper != UInt8(ascii: "O") else { return nil }
            lower = lower || last.lower
        }
        let end = p + 3
        guard endsFree(end) else { return nil }
        let word = String(decoding: [a.upper, b.upper, c.upper], as: UTF8.self)
        if PersonalData.notPlates.contains(word) { return nil }
        if lower && !nearRegistrationWord(i, end) { return nil }
        return end
    }

    /// "reg" starts a word in the 30 characters before the plate or the 20
    /// after it (regnr, reg.nr, reg nr, registreringsnummer).
    func nearRegistrationWord(_ lo: Int, _ hi: Int) -> Bool {
        func startsReg(_ s: Int) -> Bool {
            code(s) | 0x20 == UInt8(ascii: "r") && code(s + 1) | 0x20 == UInt8(ascii: "e")
                && code(s + 2) | 0x20 == UInt8(ascii: "g") && !isLetter(s - 1)
        }
        for s in max(0, lo - 30)..<max(0, lo - 2) where startsReg(s) { return true }
        for s in hi..<min(n, hi + 20) where startsReg(s) { return true }
        return false
    }
}
