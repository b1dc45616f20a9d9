import Foundation

// swift-argument-parser's own words around samtal's help and usage errors
// (headings, "Show help information.", "Missing value for …") in Swedish.
// The library writes them in English only; samtal's `main` passes the
// finished text through here when the interface speaks Swedish. Only the
// library's fixed phrases are replaced: samtal's own texts in the help
// are already in the language, and the values (`md`, `--format`) never
// change.

public enum ParserTexts {
    /// `text` (a help text or a usage error as the library wrote it) with
    /// the library's words in Swedish. Anything else (a completion script,
    /// the help dumped for tools, the version) is returned as it is.
    public static func swedish(_ text: String) -> String {
        guard ["OVERVIEW: ", "USAGE: ", "Error: "].contains(where: text.hasPrefix) else { return text }
        var lines: [String] = []
        var usageIndent = false
        for var line in text.components(separatedBy: "\n") {
            if usageIndent, line.hasPrefix("       ") {
                // A usage that goes on over several lines hangs under its
                // first line: the heading grew, so does the indent.
                line = String(repeating: " ", count: indentGrowth) + line
            } else {
                usageIndent = false
            }
            for (english, swedish) in headings where line.hasPrefix(english) {
                line = swedish + line.dropFirst(english.count)
                usageIndent = english == "USAGE: " || english == "Usage: "
                break
            }
            lines.append(line)
        }
        var out = lines.joined(separator: "\n")
        for (pattern, template) in phrases {
            out = out.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        return out
    }

    static let indentGrowth = "ANVÄNDNING: ".count - "USAGE: ".count

    /// Headings at the start of a line.
    static let headings: [(String, String)] = [
        ("OVERVIEW: ", "ÖVERSIKT: "),
        ("USAGE: ", "ANVÄNDNING: "),
        ("Usage: ", "Användning: "),
        ("ARGUMENTS:", "ARGUMENT:"),
        ("OPTIONS:", "FLAGGOR:"),
        ("SUBCOMMANDS:", "UNDERKOMMANDON:"),
        ("Error: ", "Fel: "),
        ("Help:  ", "Hjälp: "),
    ]

    /// The library's phrases, as regular expressions and their Swedish.
    static let phrases: [(String, String)] = [
        ("Show help information\\.", "Visa hjälpen."),
        ("Show subcommand help information\\.", "Visa hjälpen för ett underkommando."),
        ("Show the version\\.", "Visa versionen."),
        ("\\(values:", "(värden:"),
        ("([(;] ?)default:", "$1standard:"),
        ("See '([^'\\n]*)' for detailed help\\.", "Se '$1' för utförlig hjälp."),
        ("See '([^'\\n]*)' for more information\\.", "Se '$1' för mer information."),
        ("<subcommand>", "<underkommando>"),
        // A default subcommand, in the list of subcommands: the padding
        // after it gives up a space, so that the column stays.
        ("\\(default\\) (?= )", "(standard)"),
        ("(?m)\\(default\\)$", "(standard)"),
        ("Missing expected argument '([^'\\n]*)'", "Argumentet '$1' saknas"),
        ("Missing one of: ", "Något av dessa saknas: "),
        ("Missing value for '([^'\\n]*)'", "Värde saknas för '$1'"),
        ("Missing required subcommand\\.", "Ett underkommando saknas."),
        ("Unknown option '([^'\\n]*)'", "Okänd flagga '$1'"),
        ("Invalid option: ", "Ogiltig flagga: "),
        ("Unexpected argument '([^'\\n]*)'", "Oväntat argument '$1'"),
        ("([0-9]+) unexpected arguments: ", "$1 oväntade argument: "),
        ("The value '([^'\\n]*)' is invalid for '([^'\\n]*)'", "Värdet '$1' är ogiltigt för '$2'"),
        ("The value '([^'\\n]*)' is invalid\\.", "Värdet '$1' är ogiltigt."),
        ("\\. Please provide one of the following:", ". Ange ett av dessa:"),
        ("\\. Please provide one of ([^\\n]*) or ('[^'\\n]*')\\.", ". Ange $1 eller $2."),
        ("\\. Please provide one of ('[^'\\n]*') and ('[^'\\n]*')\\.", ". Ange $1 eller $2."),
    ]
}
