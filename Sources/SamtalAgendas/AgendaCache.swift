// The agendas as last read, so that a start does not parse every YAML file
// again: Yams (its tags resolved by regular expressions) took a third of
// the instructions of `samtal run` before its first frame (issue 15).
//
// One JSON file per build of samtal (`$XDG_CACHE_HOME/samtal/agendas-HASH.json`,
// else under `~/.cache`; HASH names the executable by its path, size and
// time of modification, since another build may read agendas differently)
// holds, per agenda file, its text and the agenda read from it. An entry
// is used only when the file's text is the same. Anything that does not
// match is parsed as before and the file is written again (to a temporary
// file, then renamed); the files of all but the four builds used last are
// removed. A cache that cannot be read or written changes nothing but the
// time.

import Foundation
import SamtalCore

public struct AgendaCache: Sendable {
    struct Contents: Codable {
        var build: String
        var entries: [String: Entry]
    }

    struct Entry: Codable {
        var text: String
        var agenda: Agenda
    }

    public let path: String
    let build: String
    private var contents: Contents
    private var used: [String: Entry] = [:]
    private var changed = false

    /// The cache file at `path`, read now (empty when it is missing, from
    /// another build, or unreadable).
    public init(path: String, build: String = AgendaCache.currentBuild()) {
        self.path = path
        self.build = build
        contents = Contents(build: build, entries: [:])
        if let data = FileManager.default.contents(atPath: path),
           let read = try? JSONDecoder().decode(Contents.self, from: data), read.build == build {
            contents = read
        }
    }

    /// Where the cache of this build lives for this user.
    public static func defaultPath(environment: [String: String], build: String = currentBuild()) -> String {
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".cache")
        // FNV-1a: a name for the build, not a check (the file holds the build).
        let hash = build.utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        return ((base as NSString).appendingPathComponent("samtal") as NSString)
            .appendingPathComponent("\(filePrefix)\(String(hash, radix: 16)).json")
    }

    static let filePrefix = "agendas-"
    /// The builds whose caches are kept.
    static let buildsKept = 4

    /// This executable, by size and time of modification.
    public static func currentBuild() -> String {
        let exe = AgendaLibrary.executablePath()
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: exe),
              let size = attributes[.size] as? NSNumber, let date = attributes[.modificationDate] as? Date else { return "" }
        return "\(exe) \(size) \(date.timeIntervalSince1970)"
    }

    /// The agenda read before from the file at `path` with this text.
    mutating func agenda(path: String, text: String) -> Agenda? {
        guard !build.isEmpty, let entry = contents.entries[path], entry.text == text else { return nil }
        used[path] = entry
        return entry.agenda
    }

    /// The agenda just read from the file.
    mutating func keep(path: String, text: String, agenda: Agenda) {
        used[path] = Entry(text: text, agenda: agenda)
        changed = true
    }

    /// Writes the agendas used by this library, when any was read anew or
    /// one the file held was not used.
    func save() {
        guard !build.isEmpty, changed || used.count != contents.entries.count else { return }
        guard let data = try? JSONEncoder().encode(Contents(build: build, entries: used)) else { return }
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temporary = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else { return }
        if rename(temporary, path) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
        removeOtherBuilds(folder: folder)
    }

    /// Removes the caches of all but the builds used last.
    private func removeOtherBuilds(folder: String) {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasPrefix(Self.filePrefix) && $0.hasSuffix(".json") }
            .map { (folder as NSString).appendingPathComponent($0) }
        guard files.count > Self.buildsKept else { return }
        let dated = files.map { ($0, (try? FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date) ?? .distantPast) }
        for (file, _) in dated.sorted(by: { $0.1 > $1.1 }).dropFirst(Self.buildsKept) where file != path {
            try? FileManager.default.removeItem(atPath: file)
        }
    }
}
