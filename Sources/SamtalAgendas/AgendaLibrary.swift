// Where agendas are found: the shipped ones (Agendas/ in the repository),
// the user's own ($XDG_CONFIG_HOME/samtal/agendas), and any --agendas DIR.

import Foundation
import SamtalCore

public struct LoadedAgenda: Sendable {
    /// The agenda; from the cache, decoded the first time it is asked for.
    public var agenda: Agenda { box.agenda }
    public var path: String
    /// The file's text, stored with each meeting so it resumes with the same steps.
    public var text: String
    /// What the library sorts by and the home screen lists, known without
    /// decoding the agenda.
    public let summary: AgendaSummary
    private let box: AgendaBox

    public init(agenda: Agenda, path: String, text: String) {
        self.path = path
        self.text = text
        summary = AgendaSummary(agenda)
        box = AgendaBox(agenda)
    }

    /// From the cache; its summary read from the entry's fields.
    init(cached entry: AgendaCache.Entry, summary: AgendaSummary, path: String) {
        self.path = path
        text = entry.text
        self.summary = summary
        box = AgendaBox(fields: entry.fields, text: entry.text, path: path)
    }
}

/// An agenda's id, title, meeting type and introduction.
public struct AgendaSummary: Equatable, Sendable {
    public var id: String
    public var title: String
    public var meetingType: MeetingType
    public var intro: AgendaIntro

    public init(_ agenda: Agenda) {
        self.init(id: agenda.id, title: agenda.title, meetingType: agenda.meetingType, intro: AgendaIntro(agenda))
    }

    public init(id: String, title: String, meetingType: MeetingType, intro: AgendaIntro) {
        self.id = id
        self.title = title
        self.meetingType = meetingType
        self.intro = intro
    }
}

/// An agenda made once, when first asked for, from the cache's fields;
/// should they not read, from the file's text, as without a cache.
final class AgendaBox: @unchecked Sendable {
    private let lock = NSLock()
    private var decoded: Agenda?
    private let fields: [String]
    private let text: String
    private let path: String

    init(_ agenda: Agenda) {
        decoded = agenda
        fields = []
        text = ""
        path = ""
    }

    init(fields: [String], text: String, path: String) {
        self.fields = fields
        self.text = text
        self.path = path
    }

    var agenda: Agenda {
        lock.lock()
        defer { lock.unlock() }
        if let decoded { return decoded }
        let agenda: Agenda
        if let read = AgendaFields.agenda(fields) {
            agenda = read
        } else if case .success(let parsed) = AgendaLoader.load(text: text, file: path) {
            agenda = parsed
        } else {
            // The cache keeps only agendas this build read from this text.
            preconditionFailure("the cached agenda \(path) reads neither from the cache nor from its text")
        }
        decoded = agenda
        return agenda
    }
}

public struct AgendaLibrary: Sendable {
    public var agendas: [LoadedAgenda] = []
    /// Files that failed to load, with their problems.
    public var problems: [AgendaProblem] = []
    public var folders: [String] = []

    /// Loads every `*.yaml` / `*.yml` in the folders, in order; a later
    /// agenda with the same id replaces an earlier one (user over shipped).
    /// With a cache, a file whose text is as it was when it was last read
    /// is not parsed again (`AgendaCache.swift`).
    public init(folders: [String], cachePath: String? = nil) {
        var cache = cachePath.map { AgendaCache(path: $0) }
        defer { cache?.save() }
        self.folders = folders
        var byID: [String: Int] = [:]
        for folder in folders {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            for name in names {
                let path = (folder as NSString).appendingPathComponent(name)
                switch AgendaLibrary.loadFile(path, cache: &cache) {
                case .success(let loaded):
                    if let i = byID[loaded.summary.id] { agendas[i] = loaded } else {
                        byID[loaded.summary.id] = agendas.count
                        agendas.append(loaded)
                    }
                case .failure(let list):
                    problems += list.list
                }
            }
        }
        // In the order of the process (WHAT dialogue first, situation
        // report last), as the method support describes it.
        let order = Dictionary(uniqueKeysWithValues: MeetingType.allCases.enumerated().map { ($1, $0) })
        agendas = agendas.enumerated().sorted { a, b in
            let (x, y) = (order[a.element.summary.meetingType]!, order[b.element.summary.meetingType]!)
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
    }

    public func agenda(id: String) -> LoadedAgenda? { agendas.first { $0.summary.id == id } }

    public static func loadFile(_ path: String) -> Result<LoadedAgenda, AgendaProblems> {
        var cache: AgendaCache?
        return loadFile(path, cache: &cache)
    }

    static func loadFile(_ path: String, cache: inout AgendaCache?) -> Result<LoadedAgenda, AgendaProblems> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(AgendaProblems([AgendaProblem(file: path, line: 1, column: 1, message: "cannot read the file",
                                                          swedish: "filen går inte att läsa")]))
        }
        // (Not Foundation's String(data:encoding:), ~3 times the work.)
        guard let text = String(validating: data, as: UTF8.self) else {
            return .failure(AgendaProblems([AgendaProblem(file: path, line: 1, column: 1, message: "the file is not UTF-8 text",
                                                          swedish: "filen är inte text i UTF-8")]))
        }
        if let entry = cache?.entry(path: path, text: text), let summary = entry.summary {
            return .success(LoadedAgenda(cached: entry, summary: summary, path: path))
        }
        let result = AgendaLoader.load(text: text, file: path)
        if case .success(let agenda) = result { cache?.keep(path: path, text: text, agenda: agenda) }
        return result.map { LoadedAgenda(agenda: $0, path: path, text: text) }
    }

    /// The default folders: shipped, then the user's, then the extra ones.
    /// This process's executable: /proc/self/exe (argv[0] is only a name
    /// when the program was found on PATH).
    static func executablePath() -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return CommandLine.arguments.first ?? ""
    }

    public static func defaultFolders(extra: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        var folders: [String] = []
        if let shipped = shippedFolder(environment: environment) { folders.append(shipped) }
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".config")
        folders.append(((config as NSString).appendingPathComponent("samtal") as NSString).appendingPathComponent("agendas"))
        return folders + extra
    }

    /// The shipped agendas, found from the executable's own location, never
    /// from the working directory: installed, they are in
    /// `PREFIX/share/samtal/agendas` beside `PREFIX/bin/samtal`
    /// (`Scripts/install`); in a checkout, in the repository's `Agendas/`
    /// above `.build/…/samtal`; else where the source was compiled from.
    /// SAMTAL_SHIPPED_AGENDAS names the folder outright.
    public static func shippedFolder(environment: [String: String], executable: String? = nil) -> String? {
        if let explicit = environment["SAMTAL_SHIPPED_AGENDAS"], !explicit.isEmpty { return explicit }
        var candidates: [URL] = []
        let exe = URL(fileURLWithPath: executable ?? executablePath()).resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        candidates.append(dir.deletingLastPathComponent().appendingPathComponent("share/samtal/agendas"))
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent("Agendas"))
            dir = dir.deletingLastPathComponent()
        }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(source.appendingPathComponent("Agendas"))
        for c in candidates {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: c.path, isDirectory: &isDir), isDir.boolValue,
               FileManager.default.fileExists(atPath: c.appendingPathComponent("medarbetardialog-vad.yaml").path) {
                return c.path
            }
        }
        return nil
    }
}
