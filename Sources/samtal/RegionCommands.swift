// `samtal publish` and `samtal region`: the county's regional PostgreSQL
// (issue 17). What they do lives in SamtalRegion.

import ArgumentParser
import Foundation
import SamtalApp
import SamtalCore
import SamtalRegion
import SamtalRender
import SamtalStore
import SamtalTerminal

/// The region's URL: the option, else SAMTAL_REGION_URL, else (for
/// `publish`) the address the store's last publish went to.
func regionURL(_ given: String?, option: String, remembered: String = "") throws -> String {
    if let given, !given.isEmpty { return given }
    if let env = ProcessInfo.processInfo.environment["SAMTAL_REGION_URL"], !env.isEmpty { return env }
    if !remembered.isEmpty { return remembered }
    throw ValidationError(say(.regionServerMissing(option: option)))
}

struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: h("Publicera det länet får se till regionens PostgreSQL: bedömningar, kvalitetsgranskningens svar, löftet, aktiviteternas status.",
                    "Publish what the county may see to the region's PostgreSQL: ratings, the quality answers, the promise, activity statuses."),
        discussion: h("""
            Skickar för varje cykel i lagret: lägesrapporternas bedömningar och vad de betyder, kvalitetsgranskningens 15 svar \
            med antalet underlag, det offentliga medborgarlöftet och aktiviteternas status och uppföljningarnas nivåer. \
            Aldrig anteckningar, dolda uppgifter eller personuppgifter; interna fritexter (iakttagelser, kommentarer, underlag, \
            skäl i uppföljningar, aktiviteter som inte finns i löftet) bara med --include-internal. En transaktion: att publicera \
            igen efter ett avbrott gör klart det; att publicera två gånger ändrar ingenting. Det som tas bort här tas bort i \
            regionen; en arkiverad cykel ligger kvar där, märkt som arkiverad.
            """, """
            Sends, for every cycle of the store: the situation reports' ratings and their meanings, the 15 answers of the \
            quality review with their evidence counts, the public promise, and the activities' statuses and follow-up levels. \
            Never notes, hidden or personal data; internal free text (observations, comments, evidence lines, follow-up reasons, \
            activities not in the promise) only with --include-internal. One transaction: publishing again after an interruption \
            completes it; publishing twice changes nothing. Records deleted here are deleted from the region; a retired cycle \
            stays there, marked retired.
            """))
    @OptionGroup var options: GlobalOptions
    @Option(help: ArgumentHelp(h("Regionens server (SAMTAL_REGION_URL anger den också; efter en publicering minns lagret den, utan lösenord). libpq använder TLS när servern erbjuder det.",
                                 "The region's server (SAMTAL_REGION_URL also sets it; after a publish the store remembers it, without a password). libpq connects with TLS when the server offers it.") as String,
                               valueName: "postgres://role@host/db")) var to: String?
    @Option(help: h("Kommunen som lagret hör till, som länet visar den (sparas i lagret).", "The municipality this store belongs to, as the county shows it (remembered in the store).", value: "namn"))
    var municipality: String?
    @Flag(help: h("Skriv ut exakt det som skulle skickas, och skicka ingenting.", "Print exactly what would be sent, and send nothing.")) var dryRun = false
    @Flag(help: h("Skicka också de interna fritexterna (fortfarande utan personuppgifter).", "Also send the internal free texts (still without personal data).")) var includeInternal = false
    @Flag(help: h("Skicka ingenting: säg om regionen har precis det som lagret skulle publicera, och vad som skiljer (slutkod 1 om inte).",
                  "Send nothing: say whether the region holds exactly what this store would publish, and what differs (exit 1 if not).")) var verify = false

    func validate() throws {
        if let municipality, municipality.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(say(.mustNotBeEmpty(option: "--municipality")))
        }
        if dryRun && verify { throw ValidationError(say(.dryRunOrVerify)) }
    }

    func run() throws {
        let store = try openStore(options, existing: true)
        try failingWithMessage(options) {
            let publication = try Publication.of(store: store, library: options.agendaLibrary(),
                                                 options: PublishOptions(includeInternal: includeInternal, language: options.language),
                                                 municipality: municipality?.trimmingCharacters(in: .whitespaces))
            if dryRun {
                print(publication.listing(language: options.language, includeInternal: includeInternal), terminator: "")
                return
            }
            let remembered = try store.identity().regionURL
            let url = try regionURL(to, option: "--to", remembered: remembered)
            if verify {
                let held = try RegionServer.published(storeID: publication.storeID, url: url)
                let differences = publication.differences(from: held)
                if differences.isEmpty {
                    print(say(.regionHoldsSame(rows: publication.rows.count)))
                    return
                }
                warn("samtal: " + say(.regionDiffers(differences: differences.map(say))))
                throw ExitCode(1)
            }
            let result = try RegionServer.publish(publication, url: url)
            // The name is remembered once the region has taken it (a refused
            // or failed publish leaves the store's name as it was).
            if municipality != nil, publication.municipality != (try store.identity().municipality) {
                try store.setMunicipality(publication.municipality)
            }
            // The address is remembered (never a password) for the next time.
            if let keep = PGConnection.withoutPassword(url), keep != remembered {
                try store.setRegionURL(keep)
                warn("samtal: " + say(.regionURLRemembered(url: keep)))
            }
            // The tables by the server's names ("cycles 1"): the same in either language.
            let changed = RegionTable.allCases.compactMap { t in (result.changed[t] ?? 0) == 0 ? nil : "\(t.rawValue) \(result.changed[t]!)" }
            let removed = RegionTable.allCases.compactMap { t in (result.removed[t] ?? 0) == 0 ? nil : "\(t.rawValue) \(result.removed[t]!)" }
            print(say(.published(rows: publication.rows.count, municipality: oneLine(publication.municipality), store: publication.storeID,
                                 changes: result.totalChanged, changed: changed, removed: removed, tls: result.tls)))
        }
    }
}

/// Where the county reads the region, and which month: the options of
/// `samtal region` and `samtal region report`.
struct RegionReading: ParsableArguments {
    @Option(help: ArgumentHelp(h("Regionens server (SAMTAL_REGION_URL anger den också).", "The region's server (SAMTAL_REGION_URL also sets it).") as String,
                               valueName: "postgres://role@host/db")) var from: String?
    @Option(help: ArgumentHelp(h("Månaden (standard: den senaste månaden med bedömningar).", "The month (default: the latest month rated).") as String,
                               valueName: helpLanguage == .sv ? "ÅÅÅÅ-MM" : "YYYY-MM")) var period: String?

    func validate() throws {
        if let period, !RegionReport.isPeriod(period) { throw ValidationError(say(.periodMonth(oneLine(period)))) }
        _ = try regionURL(from, option: "--from")
    }

    func url() throws -> String { try regionURL(from, option: "--from") }
}

struct RegionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "region", abstract: h("Länets regionala server: sätt upp den, jämför kommunerna.", "The county's regional server: set it up, compare the municipalities."),
                                                    subcommands: [View.self, Setup.self, Report.self], defaultSubcommand: View.self)

    struct View: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "view",
            abstract: h("Länets levande vy: rapportens tabeller i terminalen, ritade på nytt när en kommun publicerar (LISTEN/NOTIFY).",
                        "The county's live view: the report's tables in the terminal, redrawn when a municipality publishes (LISTEN/NOTIFY)."))
        @OptionGroup var options: GlobalOptions
        @OptionGroup var region: RegionReading

        func run() throws {
            try requireTerminal(options)
            let url = try region.url()
            let language = options.language
            // A wrong URL or a refusing server is said before the screen opens.
            var first: PGConnection!
            try failingWithMessage(options) {
                first = try PGConnection(url: url)
                try first.exec("LISTEN \(RegionSchema.channel)")
            }
            Terminal.prepareLocale()
            let terminal: Terminal
            do {
                terminal = try Terminal(theme: ProcessInfo.processInfo.environment["SAMTAL_THEME"] == "mono" ? .monochrome : .color)
            } catch {
                warn("samtal: \(error)")
                throw ExitCode(noTerminalExitCode)
            }
            defer { terminal.shutdown() }
            // The server is read on the reader's thread: the keys never wait for it.
            let reader = RegionReader(url: url, language: language, connection: first)
            first = nil
            reader.start()
            defer { reader.stop() }
            var state = RegionViewState(month: region.period)
            let clock = DateFormatter()
            clock.dateFormat = "HH:mm:ss"
            var drawn: Grid?
            while terminal.quitSignal == nil {
                let size = terminal.size
                for found in reader.take() {
                    let event: RegionViewEvent
                    switch found {
                    case .read(let publications):
                        event = .read(publications, at: clock.string(from: Date()), thisMonth: String(localDate().prefix(7)))
                    case .failed(let message, let retrying):
                        event = .failed(message, retrying: retrying)
                    }
                    state = RegionView.update(state, event, size: size, language: language).0
                }
                let grid = RegionView.render(state, size: size, language: language)
                if grid != drawn { terminal.draw(grid); drawn = grid }
                guard case .key(let key) = terminal.readKey(timeoutMilliseconds: 100) else { continue }
                let (next, effect) = RegionView.update(state, .key(key), size: size, language: language)
                state = next
                switch effect {
                case .none: break
                case .quit: return
                case .readAgain: reader.readAgain()
                case .suspend:
                    terminal.suspend()
                    drawn = nil
                }
            }
            // Ended by a signal: 128 + its number, as the meeting screens.
            if let signal = terminal.quitSignal { throw ExitCode(128 + signal) }
        }
    }

    struct Setup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "setup",
            abstract: h("Skapa eller uppdatera regionens schema, dess roller och radsäkerhet på en PostgreSQL-server (som dess administratör).",
                        "Create or update the regional schema, its roles and row-level security on a PostgreSQL server (as its administrator)."),
            discussion: h("""
                Att köra den igen ändrar ingenting (migreringarna har versioner i samtal_region.region_schema_version). \
                Inloggningsroller skapas utan lösenord: ge ett med ALTER ROLE namn PASSWORD 'hemligt' (eller använd \
                serverns egen autentisering, till exempel certifikat).
                """, """
                Running it again changes nothing (migrations are versioned in samtal_region.region_schema_version). \
                Login roles are made without a password: set one with ALTER ROLE name PASSWORD 'secret' (or use the server's \
                own authentication, such as certificates).
                """))
        @Option(help: ArgumentHelp(h("En administratörs adress till servern.", "An administrator's URL of the server.") as String,
                                   valueName: "postgres://admin@host/db")) var adminURL: String
        @Option(help: ArgumentHelp(h("En kommuns inloggningsroll att skapa (kan upprepas).", "A municipality's login role to create (can be repeated).") as String,
                                   valueName: helpLanguage == .sv ? "roll" : "role")) var municipality: [String] = []
        @Option(help: ArgumentHelp(h("Länets inloggningsroll att skapa (kan upprepas).", "The county's login role to create (can be repeated).") as String,
                                   valueName: helpLanguage == .sv ? "roll" : "role")) var county: [String] = []
        @Option(help: ArgumentHelp(h("Om kommunerna får läsa varandras rader (standard: nej).", "Whether municipalities read each other's rows (default: no).") as String,
                                   valueName: "yes|no"))
        var municipalitiesReadOthers: String?
        @Option(name: .long, help: ArgumentHelp(h("Meddelandenas språk (SAMTAL_LANG anger det också).", "Language of the messages (SAMTAL_LANG also sets it).") as String,
                                                valueName: "sv|en")) var lang: Language?

        func validate() throws {
            for role in municipality + county where !RegionSchema.isValidRoleName(role) {
                throw ValidationError(say(.roleName(oneLine(role))))
            }
            if let both = RegionSchema.roleInBoth(municipalities: municipality, counties: county) {
                throw ValidationError(say(.roleName(both)))
            }
            if let m = municipalitiesReadOthers, !["yes", "no"].contains(m) {
                throw ValidationError(say(.yesOrNo(option: "--municipalities-read-others")))
            }
        }

        func run() throws {
            var options = GlobalOptions()
            options.lang = lang
            try failingWithMessage(options) {
                let result = try RegionSchema.setup(adminURL: adminURL, municipalities: municipality, counties: county,
                                                    readOthers: municipalitiesReadOthers.map { $0 == "yes" })
                print(say(.regionSetUp(version: result.version, applied: result.applied, roles: result.rolesCreated)))
            }
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: h("Länets rapport: kommunernas bedömningar sida vid sida med utvecklingen, kvalitetsgranskningens 15 svar, löftenas aktiviteter.",
                        "The county's report: every municipality's ratings side by side with their trend, the 15 quality answers, the promises' activities."))
        @OptionGroup var options: GlobalOptions
        @OptionGroup var region: RegionReading
        @Option(help: h("md, html, pdf (weasyprint) eller csv.", "md, html, pdf (weasyprint) or csv.")) var format: ExportFormat = .md
        @Option(help: h("csv: excel (standard) för Excel med svenska inställningar: ';' mellan fälten och en UTF-8-byteordningsmarkering; rfc4180 för ',' och ingen markering.",
                        "csv: excel (the default) for Excel with Swedish settings: ';' between fields and a UTF-8 byte order mark; rfc4180 for ',' and no mark."))
        var csvDialect: CSVDialect = .excel
        @Option(help: h("Skriv till den här filen i stället för till standard ut.", "Write to this file instead of standard output.", value: "fil"), completion: .file())
        var output: String?
        @Flag(help: h("Skriv över en fil som redan finns.", "Write over a file that is already there.")) var force = false

        func validate() throws {
            if format == .json || format == .docx { throw ValidationError(say(.regionReportFormats)) }
        }

        func run() throws {
            try failingWithMessage(options) {
                let publications = try RegionServer.read(url: try region.url())
                let month = region.period ?? RegionReport.latestPeriod(publications) ?? String(localDate().prefix(7))
                let report = RegionReport(publications, period: month)
                var warnings: [String] = []
                let data: Data = format == .csv ? Data(report.csv(language: options.language, dialect: csvDialect).utf8)
                    : try renderDocument(report.document(language: options.language), format: format, warnings: &warnings)
                for line in warnings { warn("samtal: \(line)") }
                if let output {
                    try OutputFile.write(data, to: output, overwrite: force, protecting: [options.storePath], isPrivate: true)
                } else if format == .pdf && isatty(STDOUT_FILENO) != 0 {
                    warn("samtal: " + say(.binaryToTerminal(name: "PDF")))
                    throw ExitCode(1)
                } else {
                    FileHandle.standardOutput.write(data)
                }
            }
        }
    }
}
