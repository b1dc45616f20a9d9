// A person's name next to an address or an age: no pattern of its own
// (`PersonalData` finds numbers and addresses of mail), but together they
// point out one person ("Kalle Nilsson på Storgatan 12", "Elin, 16 år,
// blev rånad"). Found per sentence and only flagged, never replaced: the
// facilitator decides in the public review (issue 14).
//
// A name is a capitalised word that does not open the sentence (or two
// capitalised words that do), is not the street of the address and is
// not one of the organisations every note names (Polisen, Kommunen, …).
// Place names are capitalised too and are flagged with an age ("en
// 16-åring i Ludvika"): the review is where a person tells them apart.

public enum IdentifyingContext: String, Sendable, CaseIterable {
    case nameWithAddress, nameWithAge
}

public enum IdentifyingContextScan {
    /// The contexts found in `text`, each once, in the enum's order.
    public static func flags(in text: String) -> [IdentifyingContext] {
        var found: Set<IdentifyingContext> = []
        for sentence in sentences(text) {
            let words = sentence
            var address: Set<Int> = []
            var ages: Set<Int> = []
            for (i, w) in words.enumerated() {
                let lower = w.lowercased()
                if i + 1 < words.count, streetSuffixes.contains(where: { lower.hasSuffix($0) && lower.count > $0.count }),
                   isHouseNumber(words[i + 1]) {
                    address.formUnion([i, i + 1])
                }
                if isAge(lower, next: i + 1 < words.count ? words[i + 1].lowercased() : "") { ages.insert(i) }
            }
            guard !address.isEmpty || !ages.isEmpty else { continue }
            let named = words.indices.contains { i in
                guard !address.contains(i), isCapitalisedName(words[i]) else { return false }
                if i > 0 { return true }
                // The sentence's first word is a name only when a second
                // one follows ("Lasse Nilsson på …"), or the age ("Elin, 16 år").
                return words.count > 1 && (ages.contains(1) || !address.contains(1) && isCapitalisedName(words[1]))
            }
            guard named else { continue }
            if !address.isEmpty { found.insert(.nameWithAddress) }
            if !ages.isEmpty { found.insert(.nameWithAge) }
        }
        return IdentifyingContext.allCases.filter(found.contains)
    }

    static let streetSuffixes = ["gatan", "vägen", "gränd", "gränden", "torget", "stigen", "backen", "allén", "leden", "platsen",
                                 "plan", "street", "road"]

    /// Capitalised words that are organisations or roles, not people.
    static let notNames: Set<String> = [
        "polisen", "polis", "kommunen", "kommun", "länsstyrelsen", "brå", "lpo", "socialtjänsten", "skolan", "räddningstjänsten",
        "fritidsgården", "regionen", "bostadsbolaget", "fastighetsägaren", "citygruppen", "nattvandrarna", "grannsamverkan",
        "the", "police", "municipality", "i", "en", "ett", "vid", "på", "hos",
    ]

    static func isCapitalisedName(_ w: String) -> Bool {
        guard let first = w.first, first.isUppercase, w.count >= 2 else { return false }
        // All capitals is an abbreviation (LPO, SSP), not a name.
        guard w.dropFirst().contains(where: \.isLowercase) else { return false }
        return !notNames.contains(w.lowercased())
    }

    static func isHouseNumber(_ w: String) -> Bool {
        let digits = w.prefix { $0.isASCII && $0.isNumber }
        return (1...4).contains(digits.count) && w.count - digits.count <= 1
    }

    static let ageWords: Set<String> = ["år", "års", "årig", "åring", "åriga", "åringar", "years", "year", "yo"]

    /// "16 år", "16-åring", "16-årig", "16 years", "16-year-old".
    static func isAge(_ lower: String, next: String) -> Bool {
        let digits = lower.prefix { $0.isASCII && $0.isNumber }
        guard (1...3).contains(digits.count), let n = Int(digits), n <= 120 else { return false }
        let rest = lower.dropFirst(digits.count)
        if rest.isEmpty { return ageWords.contains(next) }
        guard rest.first == "-" else { return false }
        let word = rest.dropFirst()
        return ageWords.contains(String(word)) || word.hasPrefix("year")
    }

    /// The text's sentences as lists of words (letters, digits and inner
    /// hyphens); a sentence ends at . ! ? ; or a line break.
    static func sentences(_ text: String) -> [[String]] {
        var result: [[String]] = []
        var words: [String] = []
        var word = ""
        func endWord() {
            let w = word.trimmingCharacters(in: ["-"])
            if !w.isEmpty { words.append(w) }
            word = ""
        }
        for c in text {
            if c.isLetter || c.isNumber || c == "-" {
                word.append(c)
            } else {
                endWord()
                if c == "." || c == "!" || c == "?" || c == ";" || c.isNewline {
                    if !words.isEmpty { result.append(words) }
                    words = []
                }
            }
        }
        endWord()
        if !words.isEmpty { result.append(words) }
        return result
    }
}
