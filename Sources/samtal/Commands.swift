import ArgumentParser
import Foundation
import SamtalAgendas
import SamtalApp
import SamtalCore
import SamtalStore

/// The program's version, printed by `samtal --version`.
let samtalVersion = "0.16.0"

@main
struct Samtal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samtal",
        abstract: h("Leder dialogmötena för brottsförebyggande medborgarlöften steg för steg och sparar det som sägs i rummet.",
                     "Runs the dialogue meetings of crime-prevention citizen promises step by step and keeps what the room says."),
        discussion: h("""
            Utan underkommando öppnar samtal startskärmen för lagret. Ett mötes id är ett vanligt tal (7), \
            en cykels skrivs c3. Slutkoder: 0 klart, 1 en åtgärd misslyckades (till exempel ett id som inte finns), \
            2 ett interaktivt kommando utan en terminal som det kan använda, 64 en felaktig kommandorad, \
            128 + N en interaktiv skärm som avslutades av signal N (efter att allt sparats).
            """, """
            Without a subcommand, samtal opens the home screen on the store. A meeting's id is a plain number (7), \
            a cycle's is written c3. Exit codes: 0 done, 1 an operation failed (for example an id not found), \
            2 an interactive command without a terminal it can use, 64 a wrong command line, \
            128 + N an interactive screen ended by signal N (after everything was saved).
            """),
        version: samtalVersion,
        subcommands: [RunMeeting.self, Present.self, Capture.self, CycleCommand.self, MeetingCommand.self, NoteCommand.self, Review.self, Export.self, AgendaCommand.self, Publish.self, RegionCommand.self,
                      Backup.self]
    )

    @OptionGroup var options: GlobalOptions

    /// swift-argument-parser's own `main`, except that its words around the
    /// help and a usage error (`USAGE:`, "Missing value for …") speak the
    /// interface's language too (`ParserTexts`).
    static func main() {
        do {
            // The interactive commands' usual lines are read without the
            // parser's reflection (FastStart.swift); the rest by it.
            var command = try FastStart.command(CommandLine.arguments.dropFirst()) ?? parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            var text = fullMessage(for: error)
            if helpLanguage == .sv { text = ParserTexts.swedish(text) }
            if !text.isEmpty {
                if code == .success { print(text) } else { warn(text) }
            }
            Foundation.exit(code.rawValue)
        }
    }

    func run() throws {
        try requireTerminal(options)
        let library = preloadLibrary(options)
        let made = access(options.storePath, F_OK) != 0
        let store = try openStore(options)
        try runInterface(options: options, store: store, library: library, openMeeting: nil, storeMade: made)
    }
}

/// Opens the store, creating it where there is none, unless the command
/// needs a store's records (`existing`): then a path with no store is said
/// and nothing is made. A misspelled --store made an empty store and its
/// folder without a word.
func openStore(_ options: GlobalOptions, existing: Bool = false) throws -> AppStore {
    if existing, access(options.storePath, F_OK) != 0 {
        warn("samtal: " + say(.noStore(path: oneLine(options.storePath))))
        throw ExitCode(1)
    }
    var told = false
    while true {
        do {
            let store = try AppStore(path: options.storePath)
            for w in store.warnings { warn("samtal: " + say(.warning(w.message(options.language)))) }
            if let copy = store.migrationBackupPath { warn("samtal: " + say(.storeUpgraded(copy: oneLine(copy)))) }
            return store
        } catch where AppStore.isBusy(error) {
            // Another process is creating or upgrading the store: wait.
            if !told { warn("samtal: " + AppStore.waitingMessage(options.language, storePath: options.storePath)) }
            told = true
        } catch {
            warn("samtal: " + AppStore.explain(error, options.language, storePath: options.storePath))
            throw ExitCode(1)
        }
    }
}

struct RunMeeting: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: h("Kör ett möte i terminalen (samtalsledarens vy).", "Run a meeting in the terminal (the facilitator's view)."))
    @OptionGroup var options: GlobalOptions
    @Argument(help: h("Mötets id (se `samtal meeting list`).", "The meeting's id (see `samtal meeting list`).", value: "möte"), completion: completeIDs(meetings: true, cycles: false), transform: meetingArgument) var meeting: Int64

    func run() throws {
        let outline = Handoff<MeetingOutline>()
        let library = preloadLibrary(options, rehearsing: .facilitator, outline: outline)
        let store = try openStore(options, existing: true)
        guard let (agendaID, stepIndex) = try store.meetingOutline(id: meeting) else { throw noMeeting(meeting, options) }
        outline.set(MeetingOutline(agendaID: agendaID, stepIndex: stepIndex))
        try runInterface(options: options, store: store, library: library, openMeeting: meeting)
    }
}

struct Present: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "present",
        abstract: h("Projektorvyn för ett möte: följer samtalsledarens steg, visar rummets fråga, anteckningarna och sammanräkningarna.",
                     "The projector view of a meeting: follows the facilitator's step, shows the room's question, notes and tallies."))
    @OptionGroup var options: GlobalOptions
    @Argument(help: h("Mötets id.", "The meeting's id.", value: "möte"), completion: completeIDs(meetings: true, cycles: false), transform: meetingArgument) var meeting: Int64
    @Option(help: h("color, contrast (vitt och starka färger på svart, allt i fetstil) eller mono (inga färger).",
                       "color, contrast (white and strong colours on black, all bold) or mono (no colours).", value: "tema")) var theme: ProjectorTheme = .color

    func run() throws {
        let outline = Handoff<MeetingOutline>()
        let library = preloadLibrary(options, rehearsing: .projector, outline: outline)
        let store = try openStore(options, existing: true)
        guard let (agendaID, stepIndex) = try store.meetingOutline(id: meeting) else { throw noMeeting(meeting, options) }
        outline.set(MeetingOutline(agendaID: agendaID, stepIndex: stepIndex))
        try runInterface(options: options, store: store, library: library, openMeeting: meeting, role: .projector,
                         theme: theme == .mono ? .monochrome : theme == .contrast ? .highContrast : nil)
    }
}

struct Capture: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capture",
        abstract: h("En antecknares station för en grupp: följer samtalsledarens steg; skriv, Enter sparar.",
                     "A note-taker's station for one group: follows the facilitator's step; type, Enter saves."))
    @OptionGroup var options: GlobalOptions
    @Argument(help: h("Mötets id.", "The meeting's id.", value: "möte"), completion: completeIDs(meetings: true, cycles: false), transform: meetingArgument) var meeting: Int64
    @Option(help: h("Gruppen som stationen skriver för (1 till N, eller 0 för helgruppen).", "The group this station types for (1 to N, or 0 for the plenary).", value: "grupp")) var group: Int
    @Option(help: h("Antecknarens namn, visas i sidhuvudet.", "The note-taker's name, shown in the header.", value: "namn")) var name: String = ""

    func run() throws {
        let outline = Handoff<MeetingOutline>()
        let library = preloadLibrary(options, rehearsing: .station(group: group, name: name), outline: outline)
        let store = try openStore(options, existing: true)
        guard let m = try store.meeting(id: meeting) else { throw noMeeting(meeting, options) }
        outline.set(MeetingOutline(agendaID: m.agendaID, stepIndex: m.currentStepIndex))
        try checkGroup(group, of: m)
        try runInterface(options: options, store: store, library: library, openMeeting: meeting, role: .station(group: group, name: typed("--name", name)))
    }
}

struct CycleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cycle", abstract: h("Cykler: en löftesperiod för ett område.", "Cycles: one promise period for one area."),
                                                    subcommands: [Open.self, New.self, List.self], defaultSubcommand: Open.self)

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "open",
            abstract: h("Öppna en cykels arbetsyta: fokusområden, problem och orsaker, aktiviteter, mål, medborgarlöftet, uppföljning.",
                     "Open a cycle's analysis workspace: focus areas, problem and causes, activities, goals, the promise, follow-up."))
        @OptionGroup var options: GlobalOptions
        @Argument(help: h("Cykelns id, skrivet c3 (se `samtal cycle list`).", "The cycle's id, written c3 (see `samtal cycle list`).", value: "cykel"), completion: completeIDs(meetings: false, cycles: true), transform: cycleArgument) var cycle: Int64

        func run() throws {
            let library = preloadLibrary(options)
            let store = try openStore(options, existing: true)
            guard try store.cycleExists(id: cycle) else { throw noCycle(cycle, options) }
            try runInterface(options: options, store: store, library: library, openMeeting: nil, openCycle: cycle)
        }
    }

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "new", abstract: h("Skapa en cykel; skriver ut dess id (c3).", "Create a cycle; prints its id (c3)."))
        @OptionGroup var options: GlobalOptions
        @Option(help: h("Området (till exempel LPO Fagersta).", "The area (for example LPO Fagersta).", value: "område")) var area: String
        @Option(help: h("Löftesperioden (till exempel 2027 eller 2027 Q1).", "The promise period (for example 2027 or 2027 Q1).", value: "period")) var period: String

        func validate() throws {
            if area.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError(say(.mustNotBeEmpty(option: "--area"))) }
            if period.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError(say(.mustNotBeEmpty(option: "--period"))) }
            // Written as two dates or years: real dates, the end not before the start.
            if let problem = CyclePeriod.problem(period) {
                throw ValidationError(say(.period(problem)))
            }
        }

        func run() throws {
            let store = try openStore(options)
            let cycle = try store.createCycle(area: typed("--area", area), period: typed("--period", period), now: Date().timeIntervalSince1970)
            if CyclePeriod.range(cycle.period) == nil { warn("samtal: " + say(.periodNotDates(oneLine(cycle.period)))) }
            print(ExportTarget.cycleText(cycle.id))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: h("Lista cyklerna, nyaste först: id, område, period.", "List the cycles, newest first: id, area, period."))
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let store = try openStore(options, existing: true)
            for c in try store.cycles() { print("\(ExportTarget.cycleText(c.id))\t\(oneLine(c.area))\t\(oneLine(c.period))") }
        }
    }
}

struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "meeting", abstract: h("Möten i en cykel.", "Meetings of a cycle."),
                                                    subcommands: [New.self, List.self])

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "new", abstract: h("Skapa ett möte från en dagordning; skriver ut dess id.", "Create a meeting from an agenda; prints its id."))
        @OptionGroup var options: GlobalOptions
        @Option(help: h("Cykelns id, skrivet c3.", "The cycle's id, written c3.", value: "cykel"), completion: completeIDs(meetings: false, cycles: true), transform: cycleArgument) var cycle: Int64
        @Option(help: h("Dagordningens id (se `samtal agenda list`).", "The agenda's id (see `samtal agenda list`).", value: "dagordning"), completion: completeAgendas()) var agenda: String
        @Option(help: h("Mötets titel.", "The meeting's title.", value: "titel")) var title: String
        @Option(help: h("Datumet, ÅÅÅÅ-MM-DD (standard: i dag).", "The date, YYYY-MM-DD (default: today).", value: "datum")) var date: String?
        @Option(help: h("Var mötet hålls.", "Where the meeting is held.", value: "plats")) var place: String = ""
        @Option(help: h("Hur många grupper som arbetar parallellt (1-20).", "How many groups work in parallel (1-20).", value: "antal")) var groups: Int = 3
        @Flag(help: h("Anteckningarna bär antecknarens namn (capture --name); utan flaggan är de anonyma.",
                   "Notes carry the note-taker's name (capture --name); without it they are anonymous.")) var namedNotes = false

        func validate() throws {
            if title.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError(say(.mustNotBeEmpty(option: "--title"))) }
            if !(1...20).contains(groups) { throw ValidationError(say(.groupsRange)) }
            // A real date: the cycle's documents number its meetings by it.
            if let date, !PlanDate.isValid(date) { throw ValidationError(say(.meetingDate(date))) }
        }

        func run() throws {
            let library = options.agendaLibrary()
            guard let loaded = library.agenda(id: agenda) else {
                throw failure(say(.noAgenda(id: oneLine(agenda), found: library.agendas.map(\.agenda.id))))
            }
            let store = try openStore(options, existing: true)
            guard try store.cycleExists(id: cycle) else { throw noCycle(cycle, options) }
            let meeting = try store.createMeeting(cycleID: cycle, agendaID: loaded.agenda.id, agendaSnapshot: loaded.text,
                                                  title: typed("--title", title), date: date ?? localDate(),
                                                  place: typed("--place", place), groupCount: groups,
                                                  now: Date().timeIntervalSince1970)
            if namedNotes {
                var facts = meeting.facts
                facts.namedNotes = true
                _ = try store.saveFacts(meetingID: meeting.id, title: meeting.title, facts: facts, groupCount: meeting.groupCount)
            }
            print(meeting.id)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: h("Lista möten, nyaste först: id, cykel, datum, status, dagordning, titel.", "List meetings, newest first: id, cycle, date, status, agenda, title."))
        @OptionGroup var options: GlobalOptions
        @Option(help: h("Bara den här cykelns möten (c3).", "Only this cycle's meetings (c3).", value: "cykel"), completion: completeIDs(meetings: false, cycles: true), transform: cycleArgument) var cycle: Int64?

        func run() throws {
            let store = try openStore(options, existing: true)
            // The status as the interface says it (planerat, pågår, slutfört).
            let texts = Texts(options.language)
            for m in try store.meetings(cycleID: cycle) {
                print("\(m.id)\t\(ExportTarget.cycleText(m.cycleID))\t\(oneLine(m.facts.date))\t\(texts.status(m.status))\t\(oneLine(m.agendaID))\t\(oneLine(m.title))")
            }
        }
    }
}

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: h("Anteckningar i ett möte.", "Notes of a meeting."), subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: h("Lägg till en anteckning i ett av mötets steg; skriver ut dess id när den är sparad.",
                         "Add a note to a meeting step; prints its id once it is committed."),
            discussion: h("Med --stdin blir varje rad på standard in en anteckning, och varje id skrivs ut direkt när dess anteckning är sparad.",
                          "With --stdin, every line of standard input becomes a note, and each id is printed (and flushed) as soon as its note is committed."))
        @OptionGroup var options: GlobalOptions
        @Argument(help: h("Mötets id.", "The meeting's id.", value: "möte"), completion: completeIDs(meetings: true, cycles: false), transform: meetingArgument) var meeting: Int64
        @Option(help: h("Stegets id (standard: mötets aktuella steg).", "The step's id (default: the meeting's current step).", value: "steg")) var step: String?
        @Option(help: h("Gruppen: 1 till N, eller 0 för helgruppen.", "The group: 1 to N, or 0 for the plenary.", value: "grupp")) var group: Int = 1
        @Option(help: h("Anteckningens typ.", "The note's type.", value: "typ")) var type: NoteType = .problem
        @Option(help: h("Anteckningens text.", "The note's text.", value: "text")) var text: String?
        @Option(help: h("Vems kunskap det är (standard: gruppens källa i mötet, annars dagordningens).",
                         "Whose knowledge it is (default: the group's source in the meeting, else the agenda's).", value: "källa"))
        var source: NoteSource?
        @Flag(help: h("Läs en anteckning per rad från standard in.", "Read one note per line from standard input.")) var stdin = false

        func validate() throws {
            if (text == nil) == !stdin { throw ValidationError(say(.textOrStdin)) }
            if group < 0 { throw ValidationError(say(.groupNotNegative)) }
        }

        func run() throws {
            let store = try openStore(options, existing: true)
            guard let m = try store.meeting(id: meeting) else { throw noMeeting(meeting, options) }
            // The meeting's groups only, as at a station: a note of group 7
            // in a meeting of two would reach its documents.
            try checkGroup(group, of: m)
            let agenda = try meetingAgenda(store: store, meeting: m, library: options.agendaLibrary())
            let stepID = step ?? agenda.steps[min(max(0, m.currentStepIndex), agenda.steps.count - 1)].id
            guard agenda.steps.contains(where: { $0.id == stepID }) else {
                throw failure(say(.noStep(id: oneLine(stepID), steps: agenda.steps.map(\.id))))
            }
            func save(_ line: String) throws {
                let draft = NoteDraft(meetingID: meeting, stepID: stepID, group: group, type: type,
                                      source: source ?? m.source(ofGroup: group, agenda: agenda), text: line)
                var saved: Note?
                var told = false
                while saved == nil {
                    do {
                        saved = try store.saveNote(draft, now: Date().timeIntervalSince1970)
                    } catch where AppStore.isBusy(error) {
                        // Another process holds the store: wait, and say so once.
                        if !told { warn("samtal: " + AppStore.waitingMessage(options.language, storePath: options.storePath)) }
                        told = true
                    } catch {
                        // A full or read-only store: what happened and what to do, not SQLite's words.
                        warn("samtal: " + store.explain(error, options.language))
                        throw ExitCode(1)
                    }
                }
                guard let note = saved else { return }
                // Written straight to fd 1: the caller may be waiting for it.
                FileHandle.standardOutput.write(Data("\(note.id)\n".utf8))
            }
            if let text {
                try save(typed("--text", text))
            } else {
                // Bytes, not readLine: a line that is not UTF-8 (a Latin-1
                // file) is read as Latin-1 and said so, not turned into "�".
                var number = 0
                while let bytes = StdinLines.next() {
                    number += 1
                    let (line, wasUTF8) = InputText.decode(bytes)
                    if !wasUTF8 {
                        warn("samtal: " + say(.notUTF8(line: number, text: oneLine(line))))
                    }
                    if !line.isEmpty { try save(line) }
                }
            }
        }
    }
}

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: h("Kopiera lagret med SQLites onlinebackup (säkert medan samtal körs).", "Copy the store with SQLite's online backup (safe while samtal runs)."))
    @OptionGroup var options: GlobalOptions
    @Option(help: h("Var kopian skrivs (standard: bredvid lagret, med datum och tid i namnet).",
                     "Where to write the copy (default: beside the store, with the date and time in its name).", value: "fil"), completion: .file())
    var output: String?

    func run() throws {
        let store = try openStore(options, existing: true)
        let target = output ?? {
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.dateFormat = "yyyyMMdd-HHmmss"
            let base = (options.storePath as NSString).deletingPathExtension
            return "\(base)-backup-\(f.string(from: Date())).sqlite"
        }()
        try failingWithMessage(options) {
            try store.backup(to: target)
            print(target)
        }
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: h("Exportera ett dokument om ett möte eller en cykel, eller deras poster som CSV eller JSON.",
                     "Write a document about a meeting or a cycle, or their raw records as CSV or JSON."),
        discussion: h("""
            Ett mötes dokument: summary (mötessammanfattning, standard), feedback (återkoppling). En cykels (skriven c3): \
            situation (lägesbild, standard), analysis (problem- och orsaksanalys), plan (aktivitetsplan), promise (medborgarlöfte), \
            quality (kvalitetsgranskning). feedback och promise är offentliga: inget internt finns i dem. \
            I lägesbilden ersätts personuppgifter och dolda anteckningar utelämnas, om inte --keep-personal-data eller --include-hidden anges.
            """, """
            A meeting's documents: summary (the default), feedback. A cycle's (written c3): situation \
            (the default), analysis, plan, promise, quality. feedback and promise are public: nothing internal is in them. \
            The situation picture leaves out personal data and hidden notes unless --keep-personal-data or --include-hidden.
            """))
    @OptionGroup var options: GlobalOptions
    @Argument(help: h("Ett mötes id (7), eller en cykels, skrivet c3.", "A meeting's id (7), or a cycle's written c3.", value: "id"), completion: completeIDs(meetings: true, cycles: true), transform: { try exportTarget($0) }) var target: ExportTarget
    @Option(help: h("Ett mötes dokument (summary, feedback) eller en cykels (situation, analysis, plan, promise, quality).",
                     "A meeting's (summary, feedback) or a cycle's (situation, analysis, plan, promise, quality).", value: "dokument"))
    var document: DocumentKind?
    @Option(help: h("html är fristående och klar att skriva ut, pdf kräver weasyprint, docx pandoc; json och csv är posterna (csv: en fil per posttyp i --output MAPP).",
                     "html is self-contained and print-ready, pdf needs weasyprint, docx pandoc; json and csv are the records (csv: one file per record type into --output DIR).", value: "format"))
    var format: ExportFormat = .md
    @Option(help: h("csv: excel (standard) för Excel med svenska inställningar: ';' mellan fälten och en UTF-8-BOM (byte order mark); rfc4180 för ',' och ingen BOM.",
                     "csv: excel (the default) for Excel with Swedish settings: ';' between fields and a UTF-8 byte order mark; rfc4180 for ',' and no mark.", value: "dialekt"))
    var csvDialect: CSVDialect = .excel
    @Option(help: h("Skriv till den här filen (csv: den här mappen) i stället för till standard ut.", "Write to this file (csv: this folder) instead of standard output.", value: "fil"), completion: .file()) var output: String?
    @Flag(help: h("Skriv över en fil som redan finns (aldrig över lagret eller en säkerhetskopia av det).", "Write over a file that is already there (never over the store or a backup of it).")) var force = false
    @Flag(help: h("Ersätt det som ser ut som personuppgifter (personnummer, telefonnummer, e-postadresser, registreringsnummer) med en markering.",
                   "Replace what looks like personal data (identity numbers, phone numbers, e-mail addresses, licence plates) with a marker."))
    var redact = false
    @Flag(help: h("Lägesbilden: behåll det som ser ut som personuppgifter (det ersätts annars).", "The situation picture: keep what looks like personal data (it is replaced by default)."))
    var keepPersonalData = false
    @Flag(help: h("Lägesbilden: ta med anteckningarna som är dolda på projektorn (de utelämnas annars).", "The situation picture: put in the notes hidden from the projector (left out by default)."))
    var includeHidden = false

    func validate() throws {
        if let kind = document {
            if format.isRecords {
                throw ValidationError(say(.recordsNotDocument(format: format.rawValue)))
            }
            do { try checkTarget(target, for: kind) } catch { throw ValidationError(explain(error, commandLanguage)) }
        }
        if format == .csv && output == nil { throw ValidationError(say(.csvNeedsFolder)) }
    }

    func run() throws {
        let store = try openStore(options, existing: true)
        try failingWithMessage(options) {
            let result = try exportDocument(store: store, library: options.agendaLibrary(), target: target,
                                            document: document,
                                            format: format, redact: redact, language: options.language,
                                            privacy: ExportPrivacy(keepPersonalData: keepPersonalData, includeHidden: includeHidden),
                                            csvDialect: csvDialect)
            for line in result.warnings { warn(line.hasPrefix(" ") ? line : "samtal: \(line)") }
            try result.write(to: output, overwrite: force, protecting: [options.storePath])
        }
    }
}

struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agenda", abstract: h("Dagordningsfiler.", "Agenda files."), subcommands: [List.self, Check.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: h("Lista dagordningarna som hittas: id, version, steg, titel, fil.", "List the agendas found: id, version, steps, title, file."))
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let library = options.agendaLibrary()
            for a in library.agendas {
                print("\(a.agenda.id)\t\(a.agenda.version)\t\(a.agenda.steps.count)\t\(oneLine(a.agenda.title))\t\(oneLine(a.path))")
            }
            for p in library.problems { warn(p.description(commandLanguage)) }
            if library.agendas.isEmpty { warn("samtal: " + say(.noAgendasFound(folders: library.folders))) }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "check", abstract: h("Kontrollera dagordningsfiler; skriver fil:rad:kolumn: meddelande för varje problem.", "Check agenda files; prints file:line:column: message for each problem."))
        @OptionGroup var options: GlobalOptions
        @Argument(help: h("Dagordningsfiler (YAML).", "Agenda files (YAML).", value: "fil"), completion: .file(extensions: ["yaml", "yml"])) var files: [String]

        func run() throws {
            var failed = false
            for file in files {
                switch AgendaLibrary.loadFile(file) {
                case .success(let loaded):
                    print(say(.agendaOK(file: file, steps: loaded.agenda.steps.count, minutes: loaded.agenda.plannedMinutes)))
                case .failure(let problems):
                    failed = true
                    for p in problems.list { print(p.description(commandLanguage)) }
                }
            }
            if failed { throw ExitCode(1) }
        }
    }
}

// MARK: ids, failures and exit codes
//
// Exit codes: 0 done; 64 (EX_USAGE, swift-argument-parser's) a wrong
// command line: an unknown option, a value out of range, an id of the
// wrong kind; 1 an operation that failed: an id or agenda not found, a
// store that cannot be opened, an export that cannot be written; 2 an
// interactive command without a terminal it can use.

/// An operation that failed (exit 1): the message on stderr, no usage text.
func failure(_ message: String) -> ExitCode {
    warn("samtal: " + message)
    return ExitCode(1)
}

func noMeeting(_ id: Int64, _ options: GlobalOptions) -> ExitCode {
    failure(say(.noMeeting(id, store: options.storePath)))
}

func noCycle(_ id: Int64, _ options: GlobalOptions) -> ExitCode {
    failure(say(.noCycle(id, store: options.storePath)))
}

/// A meeting's group: 1…N, or 0 for the plenary (a usage error otherwise).
func checkGroup(_ group: Int, of meeting: Meeting) throws {
    guard (0...meeting.groupCount).contains(group) else {
        throw ValidationError(say(.groupRange(max: meeting.groupCount, meeting: meeting.id)))
    }
}

/// A meeting (7) or a cycle (c3) for `export`.
func exportTarget(_ argument: String) throws -> ExportTarget {
    guard let target = ExportTarget(argument: argument) else {
        throw ValidationError(say(.notAnID))
    }
    return target
}

/// Standard input one line at a time, as bytes (without the line end: LF
/// or CRLF), read as it arrives.
enum StdinLines {
    nonisolated(unsafe) static var buffer: [UInt8] = []
    nonisolated(unsafe) static var ended = false

    static func next() -> [UInt8]? {
        while true {
            if let n = buffer.firstIndex(of: 0x0A) {
                var line = Array(buffer[..<n])
                buffer.removeFirst(n + 1)
                if line.last == 0x0D { line.removeLast() }
                return line
            }
            if ended {
                guard !buffer.isEmpty else { return nil }
                defer { buffer = [] }
                return buffer.last == 0x0D ? Array(buffer.dropLast()) : buffer
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = read(STDIN_FILENO, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { ended = true } else { buffer += chunk[..<count] }
        }
    }
}

/// An option's text as typed: read as Latin-1, and said so on stderr,
/// when it was not UTF-8 (see `rawArgument`).
func typed(_ option: String, _ value: String) -> String {
    let (text, wasUTF8) = rawArgument(option, parsed: value)
    if !wasUTF8 { warn("samtal: " + say(.argumentNotUTF8(option: option, text: oneLine(text)))) }
    return text
}

/// An option's value as the bytes the shell gave: Swift turns an argument
/// that is not UTF-8 into "�" before the parser sees it, so a Latin-1
/// `--text` (from a Latin-1 terminal) is found again in the raw arguments
/// and read as Latin-1. Returns `parsed` when the value was UTF-8.
func rawArgument(_ option: String, parsed: String) -> (text: String, wasUTF8: Bool) {
    guard parsed.unicodeScalars.contains("\u{FFFD}") else { return (parsed, true) }
    let args = (0..<Int(CommandLine.argc)).compactMap { CommandLine.unsafeArgv[$0].map { Array(UnsafeBufferPointer(start: $0, count: strlen($0))).map { UInt8(bitPattern: $0) } } }
    let prefix = Array((option + "=").utf8)
    for (i, arg) in args.enumerated() {
        let value: [UInt8]? = arg == Array(option.utf8) && i + 1 < args.count ? args[i + 1]
            : arg.starts(with: prefix) ? Array(arg.dropFirst(prefix.count)) : nil
        guard let value, String(decoding: value, as: UTF8.self) == parsed else { continue }
        let (text, wasUTF8) = InputText.decode(value)
        return (text, wasUTF8)
    }
    // Not found again (given in a form not looked for): the text keeps its
    // "�", and the warning says it was not UTF-8.
    return (parsed, false)
}
