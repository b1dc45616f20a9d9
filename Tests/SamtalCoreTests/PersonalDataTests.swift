import Foundation
import Testing
@testable import SamtalCore

/// The labelled cases, kept as data in PersonalDataCases/cases.txt (format
/// described at the top of that file).
private struct LabelledCase {
    var line: Int
    var text: String
    var expected: [Expected]

    struct Expected: Hashable {
        var kind: PersonalDataKind
        var text: String
    }
}

private let casesFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("PersonalDataCases/cases.txt")

private func loadCases() throws -> [LabelledCase] {
    let kinds: [String: PersonalDataKind] = [
        "pnr": .personalNumber, "phone": .phoneNumber, "email": .email, "plate": .licensePlate,
    ]
    let content = try String(contentsOf: casesFile, encoding: .utf8)
    var cases: [LabelledCase] = []
    for (offset, raw) in content.components(separatedBy: "\n").enumerated() {
        let line = raw.trimmingCharacters(in: .whitespaces)
        if line.isEmpty || line.hasPrefix("#") { continue }
        let parts = line.components(separatedBy: " || ")
        guard parts.count >= 2 else {
            Issue.record("cases.txt:\(offset + 1): no ' || ' in \(line)")
            continue
        }
        var expected: [LabelledCase.Expected] = []
        for label in parts.dropFirst() where label != "-" {
            guard let eq = label.firstIndex(of: "="), let kind = kinds[String(label[..<eq])] else {
                Issue.record("cases.txt:\(offset + 1): bad label \(label)")
                continue
            }
            expected.append(.init(kind: kind, text: String(label[label.index(after: eq)...])))
        }
        cases.append(LabelledCase(line: offset + 1, text: parts[0], expected: expected))
    }
    return cases
}

private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }
private func fmt(_ x: Double) -> String { String(format: "%.3f", x) }

@Suite struct PersonalDataTests {
    // MARK: The labelled set: precision and recall

    @Test func labelledCasesMeetPrecisionAndRecall() throws {
        let cases = try loadCases()
        #expect(cases.count >= 150)
        var tp: [PersonalDataKind: Int] = [:]
        var fp: [PersonalDataKind: Int] = [:]
        var fn: [PersonalDataKind: Int] = [:]
        var casesRight = 0
        var wrong: [String] = []
        for c in cases {
            let found = PersonalData.scan(c.text).map { LabelledCase.Expected(kind: $0.kind, text: $0.text) }
            var unmatched = c.expected
            var extra: [LabelledCase.Expected] = []
            for f in found {
                if let k = unmatched.firstIndex(of: f) {
                    unmatched.remove(at: k)
                    tp[f.kind, default: 0] += 1
                } else {
                    extra.append(f)
                    fp[f.kind, default: 0] += 1
                }
            }
            for m in unmatched { fn[m.kind, default: 0] += 1 }
            if unmatched.isEmpty && extra.isEmpty {
                casesRight += 1
            } else {
                let missed = unmatched.map { "\($0.kind.rawValue)=\($0.text)" }.joined(separator: ", ")
                let spurious = extra.map { "\($0.kind.rawValue)=\($0.text)" }.joined(separator: ", ")
                wrong.append("  cases.txt:\(c.line): \(c.text)\n    missed [\(missed)] spurious [\(spurious)]")
            }
        }
        for kind in PersonalDataKind.allCases {
            let t = tp[kind, default: 0], p = fp[kind, default: 0], n = fn[kind, default: 0]
            print("personal data detection, \(kind.rawValue): precision \(fmt(ratio(t, t + p))) recall \(fmt(ratio(t, t + n)))"
                  + " (\(t) found right, \(p) wrongly, \(n) missed)")
        }
        let t = tp.values.reduce(0, +), p = fp.values.reduce(0, +), n = fn.values.reduce(0, +)
        let precision = ratio(t, t + p), recall = ratio(t, t + n)
        let negatives = cases.filter { $0.expected.isEmpty }.count
        print("personal data detection: precision \(fmt(precision)) recall \(fmt(recall)) over \(cases.count) cases"
              + " (\(cases.count - negatives) with personal data, \(negatives) without; \(t + n) labelled matches;"
              + " \(casesRight) cases entirely right)")
        if !wrong.isEmpty { print("personal data detection, cases not entirely right:\n" + wrong.joined(separator: "\n")) }
        #expect(recall >= 0.95)
        #expect(precision >= 0.90)
    }

    @Test func redactingTheLabelledCasesLeavesNothingToFind() throws {
        for c in try loadCases() {
            let redacted = PersonalData.redact(c.text)
            #expect(PersonalData.scan(redacted).isEmpty, "cases.txt:\(c.line): \(redacted)")
        }
    }

    // MARK: The byte test before the scan

    /// The scan is skipped only for a text it would find nothing in: the
    /// labelled cases, each cut at every character, and random texts made
    /// of what the kinds are built from (digits, letters, separators of
    /// every sort, "@", dots, marks).
    @Test func theByteTestNeverSkipsAFinding() throws {
        var texts: [String] = []
        for c in try loadCases() {
            texts.append(c.text)
            for k in 1..<max(1, c.text.count) {
                texts.append(String(c.text.prefix(k)))
                texts.append(String(c.text.dropFirst(k)))
            }
        }
        let pieces = ["0", "1", "2", "4", "6", "7", "8", "9", "A", "B", "C", "a", "b", "c", "X", "O", "r", "e", "g", " ", "-",
                      "+", "(", ")", "/", ".", "@", "se", "\u{00A0}", "\u{202F}", "\u{2013}", "\u{2011}", "\u{0301}", "å", "Ö",
                      "\r\n", "reg ", "46", "070", "19", "12"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            texts.append((0..<Int.random(in: 1...16, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        var skipped = 0
        for text in texts where !PersonalData.mayHoldFinding(text) {
            skipped += 1
            #expect(PersonalData.fullScan(text).isEmpty, "skipped, but holds a finding: \(text.debugDescription)")
        }
        #expect(skipped > 1000)
        // Ordinary notes skip it.
        #expect(!PersonalData.mayHoldFinding("Grupp 1 12: Buskörning med mopeder vid Storgatan kvällstid"))
        #expect(!PersonalData.mayHoldFinding("Otrygghet i gångtunneln, 3 av 5 efter kl. 9"))
        #expect(PersonalData.mayHoldFinding("kl 22"))
    }

    // MARK: Personal numbers

    @Test(arguments: [
        "19121212-1212", "121212-1212", "121212+1212", "1212121212", "191212121212", "19121212 1212",
        "811228-9874", "880462-3455", "19920371-0125", "0711045674", "20010615-2432",
    ])
    func validPersonalNumbersAreFound(number: String) {
        let found = PersonalData.scan("pnr \(number).")
        #expect(found.map(\.kind) == [.personalNumber])
        #expect(found.first?.text == number)
    }

    @Test(arguments: [
        "19121212-1213",  // wrong check digit
        "121212-1211",
        "121312-1212",    // month 13 (check digit recomputed would not help)
        "850732-1234",    // day 32
        "850792-1234",    // coordination day 92
        "990230-1234",    // 30 February
        "556677-8899",    // organisation number
        "17121212-1212",  // century 17
        "121212-12120",   // too many digits
        "1212121-1212",
        "12121212121",
    ])
    func numbersThatFailTheChecksAreNotPersonalNumbers(number: String) {
        #expect(!PersonalData.scan("pnr \(number).").contains { $0.kind == .personalNumber })
    }

    @Test func checkDigitAndDateRules() {
        // Every check digit but one fails, for a few real-looking numbers.
        for base in ["121212121", "811228987", "880462345", "040229123"] {
            let valid = (0...9).filter { d in
                PersonalData.scan(String(base.prefix(6)) + "-" + String(base.dropFirst(6)) + String(d))
                    .contains { $0.kind == .personalNumber }
            }
            #expect(valid.count == 1, "\(base): \(valid)")
        }
        // With a wrong check digit a number shaped YYMMDD-NNNN is not a phone number either.
        #expect(PersonalData.scan("040229-1232").isEmpty)
        // 29 February is allowed in any year (the check cannot know the century of a 10-digit number).
        #expect(PersonalData.scan("030229-8724").map(\.kind) == [.personalNumber])
    }

    // MARK: Phone numbers

    @Test(arguments: [
        "070-123 45 67", "+46 70 123 45 67", "08-123 456 78", "031-12 34 56", "0771-123 123", "0701234567",
        "+46701234567", "0046 70 123 45 67", "+46 (0)8-123 456 78", "(08) 123 456 78", "070 - 123 45 67",
        "076-123-45-67", "+46-8-123 456 78",
    ])
    func phoneNumbersInTheFormsOfTheIssueAreFound(number: String) {
        let found = PersonalData.scan("Ring \(number) i kväll.")
        #expect(found.map(\.kind) == [.phoneNumber])
        #expect(found.first?.text == number)
    }

    @Test func typographicSpacesAndDashesInPhoneNumbers() {
        for number in ["070-123\u{A0}45\u{A0}67", "070\u{2013}123 45 67", "08\u{2011}123\u{202F}456\u{202F}78"] {
            #expect(PersonalData.scan("tel \(number)").map(\.text) == [number], "\(number.unicodeScalars.map { $0.value })")
        }
    }

    @Test(arguments: [
        "kl 22-02", "08-10 12-14", "2026-12-03", "12 personer", "10-15", "Storgatan 12", "777 30", "1 500 kr",
        "45 %", "3,5 timmar", "2027", "112", "114 14", "1177", "03-12-2026", "08-12-2026", "070", "08-12 34",
        "070-123 45 678", "0701 2345 6789 0123",
    ])
    func ordinaryNumbersAreNotPersonalData(text: String) {
        #expect(PersonalData.scan("Vi noterade \(text) i går.").isEmpty)
    }

    // MARK: E-mail and plates

    @Test func emailAddresses() {
        #expect(PersonalData.scan("mejla anna.a@polisen.se.").map(\.text) == ["anna.a@polisen.se"])
        #expect(PersonalData.scan("a@b@c.se").map(\.text) == ["b@c.se"])
        #expect(PersonalData.scan("@polisen anna@ x@y .@se.se a@-b.se a@b..se").isEmpty)
    }

    @Test func licencePlates() {
        #expect(PersonalData.scan("ABC 123 ABC123 ABC-123 ABC 12A").map(\.text) == ["ABC 123", "ABC123", "ABC-123", "ABC 12A"])
        // I, Q, V and Å, Ä, Ö are not used; O never ends a plate.
        #expect(PersonalData.scan("AIC 123 AQC 123 VAD 123 ÅBC 123 ABÖ 123 ABC 12O").isEmpty)
        // Common abbreviations are not plates.
        #expect(PersonalData.scan("SMS 123, LPO 202, SSP 123, SEK 500").isEmpty)
        // Lower case only after a "reg" word.
        #expect(PersonalData.scan("och 123 boende").isEmpty)
        #expect(PersonalData.scan("regnr hkl 123").map(\.text) == ["hkl 123"])
        #expect(PersonalData.scan("ABC 1234 ABCD 123 AB 123 ABC 12").isEmpty)
    }

    // MARK: Overlaps and redaction

    @Test func aValidPersonalNumberWinsOverAPhoneNumber() {
        // 071104-5674 is a valid personal number; written without a dash it
        // also has the shape of a phone number.
        let found = PersonalData.scan("Ring 0711045674")
        #expect(found.map(\.kind) == [.personalNumber])
        #expect(found.map(\.text) == ["0711045674"])
        // A phone number that is not a valid personal number stays a phone number.
        #expect(PersonalData.scan("Ring 0711045675").map(\.kind) == [.phoneNumber])
    }

    @Test func anEmailAddressIsOneFindingEvenWithDigitsInIt() {
        let found = PersonalData.scan("skriv till 19121212-1212@example.se eller 0701234567@sms.se")
        #expect(found.map(\.kind) == [.email, .email])
    }

    @Test func findingsAreOrderedAndNeverOverlap() throws {
        var texts = try loadCases().map(\.text)
        texts.append(texts.joined(separator: " "))
        texts.append(texts.joined())
        for text in texts {
            let found = PersonalData.scan(text)
            for (a, b) in zip(found, found.dropFirst()) {
                #expect(a.range.upperBound <= b.range.lowerBound, "\(a.text) / \(b.text)")
            }
            for f in found { #expect(String(text[f.range]) == f.text) }
        }
    }

    @Test func redactReplacesEachMatchWithASwedishMarker() {
        let text = "Anna (070-123 45 67, anna@exempel.se, 19121212-1212) såg bilen ABC 123."
        #expect(PersonalData.redact(text)
                == "Anna ([telefonnummer], [e-post], [personnummer]) såg bilen [registreringsnummer].")
        #expect(PersonalData.redact("Inget här: 2026-12-03 kl 22-02.") == "Inget här: 2026-12-03 kl 22-02.")
        #expect(PersonalData.redact("") == "")
        #expect(PersonalData.redact("19121212-1212") == "[personnummer]")
        #expect(PersonalDataKind.allCases.map(\.marker)
                == ["[personnummer]", "[telefonnummer]", "[e-post]", "[registreringsnummer]"])
    }

    @Test func kindsInANote() {
        #expect(PersonalData.kinds(in: "ABC 123, 070-123 45 67, ABC 456") == [.phoneNumber, .licensePlate])
        #expect(PersonalData.kinds(in: "12 personer kl 18-20").isEmpty)
    }

    // MARK: Any input

    @Test func hostileAndUnusualInputNeverCrashes() {
        let inputs: [String] = [
            "", " ", "@", "@@@@", "+", "+46", "0046", "(", "(0", "(08)", "0", "00", "-", "\u{0}", "\r\n",
            "070-123 45 67\r\n", "\r\n19121212-1212\r\n",
            String(repeating: "0", count: 10_000), String(repeating: "0 ", count: 10_000),
            String(repeating: "a@", count: 10_000), String(repeating: "a.", count: 10_000) + "@x.se",
            String(repeating: "+46 ", count: 5_000), String(repeating: "ABC ", count: 5_000),
            "👩‍👩‍👧‍👦 070-123 45 67 🚓", "🚗ABC 123🚗", "😀@😀.se",
            "1\u{0301}9121212-1212", "19121212-121\u{0302}2", "ABC 12\u{0303}3",      // combining marks
            "שלום 070-123 45 67 مرحبا", "\u{202E}19121212-1212\u{202C}", "\u{0600}19121212-1212",  // RTL, format chars
            "٠٧٠-١٢٣ ٤٥ ٦٧",  // Arabic-Indic digits: not Swedish phone formatting
            "\u{1B}[31m070-123 45 67\u{1B}[0m", "\u{7}\u{8}\u{7F}",
        ]
        for text in inputs {
            let found = PersonalData.scan(text)
            for f in found { #expect(String(text[f.range]) == f.text) }
            _ = PersonalData.redact(text)
        }
        // A digit carrying a combining mark is not a digit.
        #expect(PersonalData.scan("1\u{0301}9121212-1212").isEmpty)
        #expect(PersonalData.scan("👩‍👩‍👧‍👦 070-123 45 67 🚓").map(\.text) == ["070-123 45 67"])
        #expect(PersonalData.scan("\u{1B}[31m 070-123 45 67 \u{1B}[0m").map(\.text) == ["070-123 45 67"])
    }

    @Test func aOneMegabytePasteIsScannedQuickly() throws {
        let note = try loadCases().map(\.text).joined(separator: " ")
        var text = ""
        while text.utf8.count < 1_000_000 { text += note + "\n" }
        let clock = ContinuousClock()
        var found: [PersonalDataFinding] = []
        let elapsed = clock.measure { found = PersonalData.scan(text) }
        print("personal data detection: scanned \(text.utf8.count) bytes in \(elapsed), \(found.count) findings")
        #expect(!found.isEmpty)
        let redacted = PersonalData.redact(text)
        let expectedLength = text.utf8.count - found.reduce(0) { $0 + $1.text.utf8.count }
            + found.reduce(0) { $0 + $1.kind.marker.utf8.count }
        #expect(redacted.utf8.count == expectedLength)
        #expect(elapsed < .seconds(20))

        // Worst cases for the scanner: long runs of what almost matches. The
        // time per byte must stay about the same as for ordinary text.
        for piece in ["0", "0 ", "1-", "a@", "A", "AB 1", "+46 0", "(0", "a.", "😀", "e\u{301}"] {
            let long = String(repeating: piece, count: 250_000 / piece.utf8.count)
            let t = clock.measure { _ = PersonalData.scan(long) }
            #expect(t < .seconds(10), "\(piece): \(t)")
        }
    }
}
