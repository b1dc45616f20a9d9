// Large letters for the projector: each glyph five rows high, drawn with
// full blocks. Swedish letters included; anything without a glyph falls
// back to plain text (the caller checks `fits`).

public enum BlockLetters {
    public static let height = 5

    /// '#' is a block, anything else a blank.
    static let glyphs: [Character: [String]] = [
        "A": [" ## ", "#  #", "####", "#  #", "#  #"],
        "B": ["### ", "#  #", "### ", "#  #", "### "],
        "C": [" ###", "#   ", "#   ", "#   ", " ###"],
        "D": ["### ", "#  #", "#  #", "#  #", "### "],
        "E": ["####", "#   ", "### ", "#   ", "####"],
        "F": ["####", "#   ", "### ", "#   ", "#   "],
        "G": [" ###", "#   ", "# ##", "#  #", " ###"],
        "H": ["#  #", "#  #", "####", "#  #", "#  #"],
        "I": ["###", " # ", " # ", " # ", "###"],
        "J": ["  ##", "   #", "   #", "#  #", " ## "],
        "K": ["#  #", "# # ", "##  ", "# # ", "#  #"],
        "L": ["#   ", "#   ", "#   ", "#   ", "####"],
        "M": ["#   #", "## ##", "# # #", "#   #", "#   #"],
        "N": ["#   #", "##  #", "# # #", "#  ##", "#   #"],
        "O": [" ## ", "#  #", "#  #", "#  #", " ## "],
        "P": ["### ", "#  #", "### ", "#   ", "#   "],
        "Q": [" ## ", "#  #", "#  #", "# ##", " ###"],
        "R": ["### ", "#  #", "### ", "# # ", "#  #"],
        "S": [" ###", "#   ", " ## ", "   #", "### "],
        "T": ["#####", "  #  ", "  #  ", "  #  ", "  #  "],
        "U": ["#  #", "#  #", "#  #", "#  #", " ## "],
        "V": ["#   #", "#   #", "#   #", " # # ", "  #  "],
        "W": ["#   #", "#   #", "# # #", "## ##", "#   #"],
        "X": ["#   #", " # # ", "  #  ", " # # ", "#   #"],
        "Y": ["#   #", " # # ", "  #  ", "  #  ", "  #  "],
        "Z": ["####", "   #", "  # ", " #  ", "####"],
        "Å": [" ## ", " ## ", "#  #", "####", "#  #"],
        "Ä": ["#  #", " ## ", "#  #", "####", "#  #"],
        "Ö": ["#  #", " ## ", "#  #", "#  #", " ## "],
        "Ü": ["#  #", "    ", "#  #", "#  #", " ## "],
        "É": ["  # ", "####", "### ", "#   ", "####"],
        "0": [" ## ", "#  #", "#  #", "#  #", " ## "],
        "1": [" # ", "## ", " # ", " # ", "###"],
        "2": ["### ", "   #", " ## ", "#   ", "####"],
        "3": ["### ", "   #", " ## ", "   #", "### "],
        "4": ["#  #", "#  #", "####", "   #", "   #"],
        "5": ["####", "#   ", "### ", "   #", "### "],
        "6": [" ## ", "#   ", "### ", "#  #", " ## "],
        "7": ["####", "   #", "  # ", " #  ", " #  "],
        "8": [" ## ", "#  #", " ## ", "#  #", " ## "],
        "9": [" ## ", "#  #", " ###", "   #", " ## "],
        " ": ["  ", "  ", "  ", "  ", "  "],
        "-": ["   ", "   ", "###", "   ", "   "],
        "–": ["   ", "   ", "###", "   ", "   "],
        ".": [" ", " ", " ", " ", "#"],
        ",": [" ", " ", " ", "#", "#"],
        ":": [" ", "#", " ", "#", " "],
        "?": ["### ", "   #", " ## ", "    ", " #  "],
        "!": ["#", "#", "#", " ", "#"],
        "/": ["   #", "  # ", " #  ", "#   ", "    "],
        "&": [" #  ", "# # ", " #  ", "# # ", " # #"],
    ]

    /// The five rows of text, or nil when a character has no glyph. Kept
    /// for the titles last drawn: the projector draws its step's title at
    /// every frame (~0.3 M instructions each, issue 15).
    public static func rows(_ text: String) -> [String]? {
        memo.value(text) { make(text) }
    }

    private static let memo = FrameMemo<String, [String]?>(capacity: 4)

    private static func make(_ text: String) -> [String]? {
        var rows = Array(repeating: "", count: height)
        for (i, c) in text.uppercased().enumerated() {
            guard let g = glyphs[c] else { return nil }
            for r in 0..<height {
                if i > 0 { rows[r] += " " }
                rows[r] += g[r].map { $0 == "#" ? "█" : " " }
            }
        }
        return rows
    }

    /// Columns the text takes in block letters, or nil without glyphs.
    public static func width(_ text: String) -> Int? {
        rows(text)?.first?.unicodeScalars.count
    }
}
