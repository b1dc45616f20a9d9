import ArgumentParser
import Foundation
import SamtalAgendas
import SamtalApp
import SamtalCore
import SamtalRegion
import SamtalStore

/// Options every command takes: where the store is, which language, which
/// extra agenda folders.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(h("Lagrets fil (standard: $XDG_DATA_HOME/samtal/samtal.sqlite; SAMTAL_STORE anger den också).",
                                               "The store file (default: $XDG_DATA_HOME/samtal/samtal.sqlite; SAMTAL_STORE also sets it)."),
                                             valueName: h("fil", "path")),
            completion: .file(extensions: ["sqlite"]))
    var store: String?

    @Option(name: .long, help: ArgumentHelp(h("Språket i gränssnittet och dokumenten (SAMTAL_LANG anger det också).",
                                               "Language of the interface and documents (SAMTAL_LANG also sets it)."), valueName: "sv|en"))
    var lang: Language?

    @Option(name: .long, help: ArgumentHelp(h("En extra mapp med dagordningsfiler (kan anges flera gånger).",
                                               "An extra folder of agenda files (can be repeated)."), valueName: h("mapp", "dir")),
            completion: .directory)
    var agendas: [String] = []

    /// Read once, from the C environment: Foundation's
    /// `ProcessInfo.environment` cost ~1.2 M instructions at every start,
    /// twice (issue 15). The first of a name given twice counts, as there.
    static let processEnvironment: [String: String] = {
        var environment: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.utf8.firstIndex(of: UInt8(ascii: "=")) {
                let name = String(text[..<equals])
                if environment[name] == nil { environment[name] = String(text[text.utf8.index(after: equals)...]) }
            }
            entry += 1
        }
        return environment
    }()
    var environment: [String: String] { Self.processEnvironment }

    func validate() throws {
        if lang == nil, let env = environment["SAMTAL_LANG"], !env.isEmpty, Language(rawValue: env) == nil {
            throw ValidationError(say(.badLanguageVariable(env)))
        }
    }

    var language: Language {
        if let lang { return lang }
        if let env = environment["SAMTAL_LANG"], let l = Language(rawValue: env) { return l }
        return .sv
    }

    var storePath: String { Self.storePath(store, environment: environment) }

    /// `--store`, else SAMTAL_STORE, else the default under XDG_DATA_HOME.
    static func storePath(_ store: String?, environment: [String: String]) -> String {
        if let store, !store.isEmpty { return store }
        if let env = environment["SAMTAL_STORE"], !env.isEmpty { return env }
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".local/share")
        return ((base as NSString).appendingPathComponent("samtal") as NSString).appendingPathComponent("samtal.sqlite")
    }

    func agendaLibrary() -> AgendaLibrary {
        AgendaLibrary(folders: AgendaLibrary.defaultFolders(extra: agendas, environment: environment),
                      cachePath: AgendaCache.defaultPath(environment: environment))
    }
}

/// Runs `body`; an operation's failure (an export or a file that cannot be
/// written, the region's server refusing or out of reach) is said on
/// stderr and exits 1.
func failingWithMessage(_ options: GlobalOptions, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as RegionError {
        warn("samtal: \(error.message(options.language))")
        throw ExitCode(1)
    } catch let error as ExportError {
        warn("samtal: \(error.message(options.language))")
        throw ExitCode(1)
    } catch let error as OutputError {
        warn("samtal: \(error.message(options.language))")
        throw ExitCode(1)
    }
}

/// The interface's language as the command line names it: `--lang`, else
/// SAMTAL_LANG, else Swedish. Read from the arguments themselves, so that
/// the messages made while they are parsed (a wrong id) speak it too.
let commandLanguage: Language = {
    let args = CommandLine.arguments
    for (i, a) in args.enumerated() {
        if a == "--lang", i + 1 < args.count, let l = Language(rawValue: args[i + 1]) { return l }
        if a.hasPrefix("--lang="), let l = Language(rawValue: String(a.dropFirst(7))) { return l }
    }
    return GlobalOptions.processEnvironment["SAMTAL_LANG"].flatMap(Language.init(rawValue:)) ?? .sv
}()

/// A help text (a command's abstract and discussion, an option's help) in
/// the interface's language: swift-argument-parser evaluates them when
/// the help is asked for, so `--help` is Swedish by default and English
/// with `--lang en` or SAMTAL_LANG=en. The help dumped for tools
/// (`--experimental-dump-help`, which the man page plugin reads) is
/// English: the plugin drops the letters outside ASCII.
func h(_ sv: String, _ en: String) -> String { helpLanguage == .sv ? sv : en }
func h(_ sv: String, _ en: String) -> ArgumentHelp { ArgumentHelp(h(sv, en) as String) }
/// An option's help and, in Swedish, its value's placeholder in the usage
/// (`<möte>`); the English one is the option's name (`<meeting>`).
func h(_ sv: String, _ en: String, value: String) -> ArgumentHelp {
    helpLanguage == .sv ? ArgumentHelp(sv, valueName: value) : ArgumentHelp(en)
}

/// The help's language: the command line's, except in the help dumped for
/// tools, which is English.
let helpLanguage: Language = CommandLine.arguments.contains("--experimental-dump-help") ? .en : commandLanguage

/// A command line message in the interface's language.
func say(_ m: CommandMessage) -> String { Texts(commandLanguage).command(m) }

/// A meeting's id as an argument: a wrong one is a usage error in the
/// interface's language.
func meetingArgument(_ argument: String) throws -> Int64 {
    do { return try ExportTarget.meetingID(argument) } catch { throw ValidationError(say(.id(error))) }
}

/// A cycle's id (c3) as an argument.
func cycleArgument(_ argument: String) throws -> Int64 {
    do { return try ExportTarget.cycleID(argument) } catch { throw ValidationError(say(.id(error))) }
}

/// Prints to standard error.
func warn(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// A stored text as one printable line: line breaks become spaces and
/// other control characters (an escape sequence in a note) "�", so that
/// nothing stored (a note, a title, an agenda's title) reaches the
/// terminal as a command: every listing prints stored text through it.
func oneLine(_ s: String) -> String {
    String(String.UnicodeScalarView(s.unicodeScalars.map { c in
        c == "\n" || c == "\r" || c == "\t" ? " " : c.properties.generalCategory == .control ? "\u{FFFD}" : c
    }))
}

/// Today's date in the local time zone, as YYYY-MM-DD. From the C
/// library's `localtime_r` (the same TZ and /etc/localtime), not a
/// DateFormatter: a formatter cost ~780,000 instructions a call, and the
/// interface asks at start and once a second (issue 15).
func localDate(_ date: Date = Date()) -> String {
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var t = tm()
    guard localtime_r(&seconds, &t) != nil else { return "1970-01-01" }
    func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(t.tm_year + 1900)-\(two(t.tm_mon + 1))-\(two(t.tm_mday))"
}

// The core's value types as argument-parser values: their cases are what
// --help lists, what a wrong value's message offers, and what the shell
// completion scripts complete.
extension Language: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}
extension CSVDialect: ExpressibleByArgument {}
extension DocumentKind: ExpressibleByArgument {}
// A note's type and source also by the name the interface shows them by
// ("möjlighet", "kommun"), in either language; completed and listed by
// their values.
extension NoteType: ExpressibleByArgument {
    public init?(argument: String) {
        guard let t = Texts.noteType(named: argument) else { return nil }
        self = t
    }
}
extension NoteSource: ExpressibleByArgument {
    public init?(argument: String) {
        guard let s = Texts.noteSource(named: argument) else { return nil }
        self = s
    }
}

/// The projector's colours (`present --theme`).
enum ProjectorTheme: String, CaseIterable, ExpressibleByArgument {
    case color, contrast, mono
}

/// Shell completion of ids, read from the store named on the line being
/// completed (`--store`), else SAMTAL_STORE or the default store; never
/// creating or changing it.
func completeIDs(meetings: Bool, cycles: Bool) -> CompletionKind {
    .custom { words, _, _ in
        let given = words.firstIndex(of: "--store").flatMap { $0 + 1 < words.count ? words[$0 + 1] : nil }
        let ids = AppStore.completionIDs(path: GlobalOptions.storePath(given, environment: GlobalOptions.processEnvironment))
        return (meetings ? ids.meetings.map(String.init) : []) + (cycles ? ids.cycles.map(ExportTarget.cycleText) : [])
    }
}

/// Shell completion of agenda ids: the shipped ones, the user's, and those
/// of any --agendas on the line being completed.
func completeAgendas() -> CompletionKind {
    .custom { words, _, _ in
        let extra = words.indices.dropLast().filter { words[$0] == "--agendas" }.map { words[$0 + 1] }
        let folders = AgendaLibrary.defaultFolders(extra: extra, environment: GlobalOptions.processEnvironment)
        return AgendaLibrary(folders: folders).agendas.map(\.agenda.id)
    }
}
