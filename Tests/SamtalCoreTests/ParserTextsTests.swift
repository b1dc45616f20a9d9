// swift-argument-parser's words around samtal's help and usage errors in
// Swedish (issue 16): only the library's phrases change, never samtal's
// own texts or the values, and nothing but a help or an error is touched.

import Testing
@testable import SamtalCore

@Suite struct ParserTextsTests {
    @Test func theHelpsHeadingsAndLinesAreSwedish() {
        let help = """
            OVERVIEW: Exportera ett dokument.

            USAGE: samtal export <target> [--format <format>]
                   samtal export <subcommand>

            ARGUMENTS:
              <target>                Ett mötes id.

            OPTIONS:
              --format <format>       html eller md. (values: md, html; default:
                                      md)
              --version               Show the version.
              -h, --help              Show help information.

            SUBCOMMANDS:
              See 'samtal help <subcommand>' for detailed help.
            """
        #expect(ParserTexts.swedish(help) == """
            ÖVERSIKT: Exportera ett dokument.

            ANVÄNDNING: samtal export <target> [--format <format>]
                        samtal export <underkommando>

            ARGUMENT:
              <target>                Ett mötes id.

            FLAGGOR:
              --format <format>       html eller md. (värden: md, html; standard:
                                      md)
              --version               Visa versionen.
              -h, --help              Visa hjälpen.

            UNDERKOMMANDON:
              Se 'samtal help <underkommando>' för utförlig hjälp.
            """)
    }

    @Test func aDefaultSubcommandKeepsItsColumn() {
        let help = "USAGE: samtal cycle <subcommand>\n\nSUBCOMMANDS:\n  open (default)          Öppna en cykel.\n  new                     Skapa en cykel."
        #expect(ParserTexts.swedish(help) == "ANVÄNDNING: samtal cycle <underkommando>\n\nUNDERKOMMANDON:\n  open (standard)         Öppna en cykel.\n  new                     Skapa en cykel.")
    }

    @Test func aUsageErrorIsSwedishAroundSamtalsOwnMessage() {
        let error = """
            Error: The value 'odt' is invalid for '--format <format>'. Please provide one of 'md', 'html' or 'csv'.
            Help:  --format <format>  html eller md.
            Usage: samtal export <target>
              See 'samtal export --help' for more information.
            """
        #expect(ParserTexts.swedish(error) == """
            Fel: Värdet 'odt' är ogiltigt för '--format <format>'. Ange 'md', 'html' eller 'csv'.
            Hjälp: --format <format>  html eller md.
            Användning: samtal export <target>
              Se 'samtal export --help' för mer information.
            """)
        #expect(ParserTexts.swedish("Error: Missing value for '--group <group>'") == "Fel: Värde saknas för '--group <group>'")
        #expect(ParserTexts.swedish("Error: Unknown option '--x'") == "Fel: Okänd flagga '--x'")
    }

    @Test func anythingElseIsLeftAsItIs() {
        for text in ["0.16.0", "{\n  \"abstract\" : \"Show help information.\"\n}", "#!/bin/bash\n# OPTIONS: default: x",
                     "#compdef samtal\n'--version[Show the version.]'"] {
            #expect(ParserTexts.swedish(text) == text)
        }
    }
}
