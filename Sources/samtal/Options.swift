import ArgumentParser
import Foundation
import SamtalAgendas
import SamtalCore

/// Options every command takes: where the store is, which language, which
/// extra agenda folders.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store file (default: $XDG_DATA_HOME/samtal/samtal.sqlite; SAMTAL_STORE also sets it).", valueName: "path"))
    var store: String?

    @Option(name: .long, help: ArgumentHelp("Language of the interface and documents: sv or en (SAMTAL_LANG also sets it).", valueName: "sv|en"))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp("An extra folder of agenda files (can be repeated).", valueName: "dir"))
    var agendas: [String] = []

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    func validate() throws {
        if let lang, Language(rawValue: lang) == nil {
            throw ValidationError("--lang must be sv or en, not '\(lang)'")
        }
        if lang == nil, let env = environment["SAMTAL_LANG"], !env.isEmpty, Language(rawValue: env) == nil {
            throw ValidationError("SAMTAL_LANG must be sv or en, not '\(env)'")
        }
    }

    var language: Language {
        if let lang, let l = Language(rawValue: lang) { return l }
        if let env = environment["SAMTAL_LANG"], let l = Language(rawValue: env) { return l }
        return .sv
    }

    var storePath: String {
        if let store, !store.isEmpty { return store }
        if let env = environment["SAMTAL_STORE"], !env.isEmpty { return env }
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".local/share")
        return ((base as NSString).appendingPathComponent("samtal") as NSString).appendingPathComponent("samtal.sqlite")
    }

    func agendaLibrary() -> AgendaLibrary {
        AgendaLibrary(folders: AgendaLibrary.defaultFolders(extra: agendas, environment: environment))
    }
}

/// Prints to standard error.
func warn(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Today's date in the local time zone, as YYYY-MM-DD.
func localDate(_ date: Date = Date()) -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.dateFormat = "yyyy-MM-dd"
    return f.string(from: date)
}
