import Foundation

// The SMART check for goals (issue 5, DESIGN "The chain of evidence").
//
// County reviews found goals such as "minskat antal misshandelsfall" or
// "arbeta för förbättring": no measure, no date, no owner, vague verbs. The
// check flags each missing letter with a short reason (Swedish or English) that says what
// to fix. It is pure: text in, flags out.

/// produktionsmål, effektmål, processmål.
public enum GoalKind: String, Codable, Sendable, CaseIterable {
    case production, effect, process

    /// The Swedish name used in plans and reviews.
    public var swedishName: String {
        switch self {
        case .production: "produktionsmål"
        case .effect: "effektmål"
        case .process: "processmål"
        }
    }
}

/// A goal as written in the activity plan, before or after saving.
public struct GoalDraft: Equatable, Sendable {
    public var kind: GoalKind
    public var text: String
    public var indicator: String
    public var baseline: String
    public var target: String
    public var deadline: String
    /// Who owns the goal and follows it up.
    public var owner: String
    /// How many activities serve this goal.
    public var activityCount: Int
    /// Whether those who are to work for it have accepted it.
    public var accepted: Bool

    public init(kind: GoalKind = .effect, text: String = "", indicator: String = "", baseline: String = "",
                target: String = "", deadline: String = "", owner: String = "", activityCount: Int = 0, accepted: Bool = false) {
        self.kind = kind
        self.text = text
        self.indicator = indicator
        self.baseline = baseline
        self.target = target
        self.deadline = deadline
        self.owner = owner
        self.activityCount = activityCount
        self.accepted = accepted
    }
}

public enum SMARTLetter: String, CaseIterable, Sendable {
    case specific, measurable, accepted, realistic, timeBound

    /// The letter as shown on screen.
    public var initial: String {
        switch self {
        case .specific: "S"
        case .measurable: "M"
        case .accepted: "A"
        case .realistic: "R"
        case .timeBound: "T"
        }
    }

    /// The Swedish word for the letter.
    public var swedishName: String {
        switch self {
        case .specific: "Specifikt"
        case .measurable: "Mätbart"
        case .accepted: "Accepterat"
        case .realistic: "Realistiskt"
        case .timeBound: "Tidsatt"
        }
    }
}

public struct SMARTFlag: Equatable, Sendable {
    public var letter: SMARTLetter
    /// Why, one or more (a measure missing and no one to follow it up).
    public var reasons: [SMARTReason]

    public init(letter: SMARTLetter, _ reason: SMARTReason) {
        self.letter = letter
        self.reasons = [reason]
    }

    /// Short, says what to fix, in the language asked for.
    public func reason(_ language: Language) -> String {
        reasons.map { $0.text(language) }.joined(separator: " ")
    }

    /// In Swedish (the default language).
    public var reason: String { reason(.sv) }
}

/// What a goal lacks, with the words to fix it in either language.
public enum SMARTReason: Equatable, Sendable {
    case vague(String), noText, noDirection, noDirectionOrAmount, noTarget, noIndicator, noMeasure, noOwner
    case notAccepted, noActivity, deadlineSaysNoTime(String), noDeadline

    public func text(_ language: Language) -> String {
        let sv = language == .sv
        switch self {
        case .vague(let phrase): return sv
            ? "Vag formulering \"\(phrase)\" – skriv vad som ska förändras, t.ex. minska, öka eller halvera."
            : "Vague wording \"\(phrase)\" – write what is to change, e.g. reduce, increase or halve."
        case .noText: return sv ? "Målet saknar text – skriv vad som ska förändras." : "The goal has no text – write what is to change."
        case .noDirection: return sv
            ? "Ingen riktning – skriv vad som ska förändras, t.ex. minska, öka eller halvera."
            : "No direction – write what is to change, e.g. reduce, increase or halve."
        case .noDirectionOrAmount: return sv
            ? "Ingen riktning eller mängd – skriv vad som ska förändras (minska, öka) eller hur mycket som ska göras (t.ex. 12 trygghetsvandringar)."
            : "No direction or amount – write what is to change (reduce, increase) or how much is to be done (e.g. 12 safety walks)."
        case .noTarget: return sv
            ? "Inget målvärde – ange vilket värde indikatorn ska nå, t.ex. 70 %."
            : "No target value – give the value the indicator is to reach, e.g. 70 %."
        case .noIndicator: return sv
            ? "Ingen indikator – ange vad som mäts, t.ex. antal anmälda inbrott."
            : "No indicator – give what is measured, e.g. the number of reported burglaries."
        case .noMeasure: return sv
            ? "Inget mått – ange indikator och målvärde, t.ex. minska med 20 %."
            : "No measure – give an indicator and a target value, e.g. reduce by 20 %."
        case .noOwner: return sv
            ? "Ingen som följer upp – ange vem som äger och följer upp målet."
            : "No one follows it up – give who owns and follows up the goal."
        case .notAccepted: return sv
            ? "Inte markerat som accepterat – är målet accepterat, något att sträva efter, etiskt och politiskt korrekt?"
            : "Not marked as accepted – is the goal accepted, worth striving for, ethically and politically sound?"
        case .noActivity: return sv
            ? "Ingen aktivitet leder till målet – koppla minst en aktivitet."
            : "No activity leads to the goal – link at least one activity."
        case .deadlineSaysNoTime(let deadline): return sv
            ? "Slutdatumet \"\(deadline)\" säger inte när – ange en tidpunkt, t.ex. 2027-06-30 eller vecka 40."
            : "The deadline \"\(deadline)\" does not say when – give a time, e.g. 2027-06-30 or week 40."
        case .noDeadline: return sv
            ? "Inget slutdatum – ange när målet ska vara nått, t.ex. senast 2027-06-30."
            : "No deadline – give when the goal is to be reached, e.g. by 2027-06-30."
        }
    }
}

public enum SMART {
    /// The flags for a goal, in S M A R T order; empty means it passes.
    /// Specific may be flagged once per vague phrase found.
    public static func check(_ goal: GoalDraft) -> [SMARTFlag] {
        let text = GoalText(goal.text)
        var flags: [SMARTFlag] = []

        // S: no vague phrase, and a direction (or, for production and process
        // goals, a stated quantity of what is delivered).
        let vague = text.vaguePhrases()
        for phrase in vague {
            flags.append(SMARTFlag(letter: .specific, .vague(phrase)))
        }
        if vague.isEmpty {
            if goal.text.trimmed.isEmpty {
                flags.append(SMARTFlag(letter: .specific, .noText))
            } else if !text.hasDirection && !(goal.kind != .effect && text.hasMeasure) {
                flags.append(SMARTFlag(letter: .specific, goal.kind == .effect ? .noDirection : .noDirectionOrAmount))
            }
        }

        // M: indicator and target value, or a measure in the text itself.
        if !text.hasMeasure {
            let indicator = !goal.indicator.trimmed.isEmpty
            let target = !goal.target.trimmed.isEmpty
            switch (indicator, target) {
            case (true, true): break
            case (true, false):
                flags.append(SMARTFlag(letter: .measurable, .noTarget))
            case (false, true):
                flags.append(SMARTFlag(letter: .measurable, .noIndicator))
            case (false, false):
                flags.append(SMARTFlag(letter: .measurable, .noMeasure))
            }
        }

        // M also asks how the results are to be followed up (001 line 840):
        // someone must follow the goal up.
        if goal.owner.trimmed.isEmpty {
            if let i = flags.firstIndex(where: { $0.letter == .measurable }) {
                flags[i].reasons.append(.noOwner)
            } else {
                flags.append(SMARTFlag(letter: .measurable, .noOwner))
            }
        }

        // A: accepted, as the method support asks (001 line 842): "är
        // aktiviteterna och målen accepterade, något att sträva efter,
        // etiskt och politiskt korrekt?" Only the people can say so; the
        // goal is marked accepted when they have.
        if !goal.accepted {
            flags.append(SMARTFlag(letter: .accepted, .notAccepted))
        }

        // R: at least one activity serves it.
        if goal.activityCount < 1 {
            flags.append(SMARTFlag(letter: .realistic, .noActivity))
        }

        // T: a deadline, in the field or in the text; one in the field must
        // say a time ("snart" does not).
        let deadline = goal.deadline.trimmed
        if !deadline.isEmpty && !GoalText(deadline).hasTime && !text.hasTime {
            flags.append(SMARTFlag(letter: .timeBound, .deadlineSaysNoTime(deadline)))
        } else if deadline.isEmpty && !text.hasTime {
            flags.append(SMARTFlag(letter: .timeBound, .noDeadline))
        }
        return flags
    }

    /// The vague phrases in a text, quoted as written (for highlighting).
    public static func vaguePhrases(in text: String) -> [String] {
        GoalText(text).vaguePhrases()
    }
}

// MARK: - Reading Swedish goal text

private extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}

private struct Token {
    let word: String          // lowercased
    let range: Range<String.Index>
    var isDigits: Bool { !word.isEmpty && word.allSatisfy { $0.isASCII && $0.isNumber } }
}

private struct GoalText {
    let text: String
    let tokens: [Token]

    init(_ text: String) {
        self.text = text
        var tokens: [Token] = []
        var start: String.Index?
        var index = text.startIndex
        func close(_ end: String.Index) {
            if let s = start { tokens.append(Token(word: text[s..<end].lowercased(), range: s..<end)) }
            start = nil
        }
        while index < text.endIndex {
            let c = text[index]
            if c.isLetter || c.isNumber {
                if start == nil { start = index }
            } else {
                close(index)
                if c == "%" { tokens.append(Token(word: "%", range: index..<text.index(after: index))) }
            }
            index = text.index(after: index)
        }
        close(text.endIndex)
        self.tokens = tokens
    }

    func word(_ i: Int) -> String? { tokens.indices.contains(i) ? tokens[i].word : nil }

    // MARK: Vague phrases

    /// Each pattern is a sequence of word sets; an adverb may stand between
    /// two words ("arbeta aktivt för"). Longer patterns come first.
    static let vaguePatterns: [[Set<String>]] = {
        func verb(_ forms: String) -> Set<String> { Set(forms.split(separator: " ").map(String.init)) }
        let ha = verb("ha har hade haft")
        return [
            [verb("skapa skapar skapade skapat"), verb("förutsättningar förutsättning"), verb("för")],
            [ha, verb("fokus"), verb("på")],
            [verb("verka verkar verkade verkat"), verb("för")],
            [verb("värna värnar värnade värnat"), verb("om")],
            [verb("arbeta arbetar arbetade arbetat"), verb("för")],
            [verb("sträva strävar strävade strävat"), verb("efter")],
            [verb("bidra bidrar bidrog bidragit"), verb("till")],
            [verb("medverka medverkar medverkade medverkat"), verb("till")],
            [verb("jobba jobbar jobbade jobbat"), verb("för")],
            [verb("satsa satsar satsade satsat"), verb("på")],
            [verb("fortsätta fortsätter fortsatte"), verb("att arbetet arbeta med")],
            [verb("fokusera fokuserar fokuserade fokuserat"), verb("på")],
            [verb("värna värnar värnade värnat")],
            [verb("uppmärksamma uppmärksammar uppmärksammade uppmärksammat uppmärksammas")],
        ]
    }()

    static let adverbs: Set<String> = [
        "aktivt", "gemensamt", "tillsammans", "särskilt", "systematiskt", "kontinuerligt", "långsiktigt",
        "vidare", "också", "även", "fortsatt", "mer", "mera", "starkt", "alltid", "ständigt", "extra",
    ]

    func vaguePhrases() -> [String] {
        var used = Set<Int>()
        var found: [(Int, String)] = []
        for pattern in Self.vaguePatterns {
            var i = 0
            while i < tokens.count {
                if let end = match(pattern, at: i), used.isDisjoint(with: i...end) {
                    used.formUnion(i...end)
                    found.append((i, String(text[tokens[i].range.lowerBound..<tokens[end].range.upperBound])))
                    i = end + 1
                } else {
                    i += 1
                }
            }
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The index of the last token matched, or nil.
    private func match(_ pattern: [Set<String>], at start: Int) -> Int? {
        guard pattern[0].contains(tokens[start].word) else { return nil }
        var i = start
        for set in pattern.dropFirst() {
            if let next = word(i + 1), set.contains(next) {
                i += 1
            } else if let gap = word(i + 1), Self.adverbs.contains(gap), let next = word(i + 2), set.contains(next) {
                i += 2
            } else {
                return nil
            }
        }
        return i
    }

    // MARK: Direction

    static let directionStems = [
        "minsk", "ök", "förbättr", "utveckl", "höj", "sänk", "halver", "stärk", "förstärk", "reducer",
        "förkort", "fördubbl", "dubbler", "eliminer", "begräns", "effektiviser",
    ]
    static let directionSuffixes: Set<String> = [
        "a", "ar", "at", "ad", "ade", "ades", "as", "ats", "ande", "e", "er", "es", "s", "t", "ts", "d", "de",
        "ning", "ningen", "ningar", "ningarna", "ing", "ingen", "ingar", "ingarna",
    ]
    static let directionWords: Set<String> = [
        "färre", "fler", "lägre", "högre", "större", "mindre", "bättre", "tryggare", "säkrare", "kortare",
        "snabbare", "renare", "lugnare", "minst", "högst", "max", "maximalt", "uppnå", "uppnås", "uppgå", "uppgår",
    ]

    var hasDirection: Bool {
        tokens.contains { token in
            let w = token.word
            if Self.directionWords.contains(w) { return true }
            return Self.directionStems.contains { stem in
                w.hasPrefix(stem) && Self.directionSuffixes.contains(String(w.dropFirst(stem.count)))
            }
        }
    }

    // MARK: Measure

    static let monthNames: Set<String> = [
        "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
        "november", "december", "jan", "feb", "apr", "aug", "sep", "sept", "okt", "nov", "dec",
    ]
    static let timeUnits: Set<String> = [
        "dag", "dagar", "dagars", "dygn", "vecka", "veckor", "veckors", "månad", "månader", "månaders",
        "år", "års", "timme", "timmar", "timmars", "kvartal", "terminer", "halvår",
    ]
    static let numberWords: Set<String> = [
        "noll", "två", "tre", "fyra", "fem", "sju", "åtta", "nio", "tio", "elva", "tolv", "femton", "tjugo",
        "trettio", "fyrtio", "femtio", "hundra", "tusen", "hälften", "halva", "tredjedel", "tredjedelar",
        "fjärdedel", "fjärdedelar",
    ]
    static let measureStems = ["halver", "fördubbl", "dubbler"]

    var hasMeasure: Bool {
        for (i, token) in tokens.enumerated() {
            let w = token.word
            if w == "%" || w.hasPrefix("procent") { return true }
            if Self.measureStems.contains(where: { w.hasPrefix($0) }) { return true }
            let next = word(i + 1) ?? ""
            if Self.numberWords.contains(w) && !Self.timeUnits.contains(next) { return true }
            if token.isDigits && !isYear(token) && !isDatePart(token) && !Self.timeUnits.contains(next)
                && !Self.monthNames.contains(next) && !["vecka", "v", "kvartal", "kl", "klockan", "q"].contains(word(i - 1) ?? "") {
                return true
            }
        }
        return false
    }

    func isYear(_ token: Token) -> Bool {
        token.isDigits && token.word.count == 4 && (1900...2099).contains(Int(token.word) ?? 0)
    }

    /// "30/6", "2027-06-30", "22:00": part of a date or a clock time.
    func isDatePart(_ token: Token) -> Bool {
        let separators: Set<Character> = ["/", "-", ":"]
        if token.range.upperBound < text.endIndex, separators.contains(text[token.range.upperBound]) {
            let beyond = text.index(after: token.range.upperBound)
            if beyond < text.endIndex, text[beyond].isNumber { return true }
        }
        if token.range.lowerBound > text.startIndex {
            let separator = text.index(before: token.range.lowerBound)
            if separators.contains(text[separator]), separator > text.startIndex,
               text[text.index(before: separator)].isNumber { return true }
        }
        return false
    }

    // MARK: Time

    static let timeWords: Set<String> = [
        "senast", "kvartal", "kvartalet", "tertial", "tertialet", "halvår", "halvåret", "halvårsskiftet",
        "årsskiftet", "årsskifte", "årets", "året", "läsår", "läsåret", "termin", "terminen", "vårterminen",
        "höstterminen", "våren", "sommaren", "hösten", "vintern", "sommarlovet", "höstlovet", "sportlovet",
        "jullovet", "påsklovet", "jul", "julen", "julhelgen", "påsk", "påsken", "påskhelgen", "midsommar",
        "nyår", "nyårsafton", "valborg", "skolstart", "skolstarten", "terminsstart", "löptid", "löptiden",
        "löftesperiod", "löftesperioden", "perioden", "vecka", "veckan", "månaden", "deadline", "datum",
    ]
    static let frequencyWords: Set<String> = ["per", "varje", "i", "varannan", "varannat", "en"]

    var hasTime: Bool {
        for (i, token) in tokens.enumerated() {
            let w = token.word
            let previous = word(i - 1) ?? ""
            let next = word(i + 1) ?? ""
            if isYear(token) || isDatePart(token) || Self.monthNames.contains(w) { return true }
            // v12, q3
            if w.count >= 2, let first = w.first, first == "v" || first == "q", w.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) {
                return true
            }
            if w == "v", let n = word(i + 1), Token(word: n, range: token.range).isDigits { return true }
            if Self.timeWords.contains(w) {
                // "per vecka", "varje kvartal", "i veckan": how often, not by when.
                if ["vecka", "veckan", "månaden", "kvartal", "kvartalet", "halvår", "året", "termin", "terminen"].contains(w)
                    && Self.frequencyWords.contains(previous) && !Token(word: next, range: token.range).isDigits {
                    continue
                }
                return true
            }
            // till och med, t.o.m.
            if w == "till", next == "och", word(i + 2) == "med" { return true }
            if w == "t", next == "o", word(i + 2) == "m" { return true }
            // i år, nästa år, inom 6 månader, inom ett år
            if w == "år", ["i", "nästa", "detta", "innevarande"].contains(previous) { return true }
            if w == "nästa", ["år", "vecka", "månad", "termin", "läsår", "halvår", "kvartal"].contains(next) { return true }
            if w == "inom", Self.timeUnits.contains(word(i + 2) ?? "") || Self.timeUnits.contains(next) { return true }
        }
        return false
    }
}
