// The agendas as last read, so that a start does not parse every YAML file
// again: Yams (its tags resolved by regular expressions) took a third of
// the instructions of `samtal run` before its first frame (issue 15).
//
// One file per build of samtal (`$XDG_CACHE_HOME/samtal/agendas-HASH.cache`,
// else under `~/.cache`; HASH names the executable by its path, size and
// time of modification, since another build may read agendas differently)
// holds, per agenda file, its text and the agenda read from it. An entry
// is used only when the file's text is the same. Anything that does not
// match is parsed as before and the file is written again (to a temporary
// file, then renamed); the files of all but the four builds used last are
// removed. A cache that cannot be read or written changes nothing but the
// time.
//
// Each entry keeps the agenda as a list of texts (`AgendaFields`), turned
// into an `Agenda` only when the agenda is asked for; what the library
// sorts by and the home screen lists (`AgendaSummary`) is read from its
// first fields: a start decoded every agenda whole (13 M instructions for
// the shipped nine), where `samtal run` needs the steps of one. The file
// is not JSON but its fields one after another, each as its length in
// bytes and a line break, the bytes, a line break: the JSON decoder spent
// ~70 instructions a byte on the files' texts (76 KB, kept to compare), a
// field costs about one; and decoding the one agenda from JSON cost
// ~2.4 M instructions at every start, most of it the Swift runtime's first
// look-ups of each Codable type's keys (issue 15).

import Foundation
import SamtalCore

public struct AgendaCache: Sendable {
    struct Contents {
        var build: String
        var entries: [String: Entry]
    }

    struct Entry {
        var text: String
        /// The agenda as `AgendaFields` writes it.
        var fields: [String]

        init(text: String, fields: [String]) {
            self.text = text
            self.fields = fields
        }

        init(text: String, agenda: Agenda) {
            self.text = text
            fields = AgendaFields.fields(of: agenda)
        }

        /// What the library sorts by and lists, from the first fields (nil
        /// when they do not read).
        var summary: AgendaSummary? { AgendaFields.summary(fields) }

        /// The agenda (nil when its fields do not read); set, the entry is
        /// made again from it.
        var agenda: Agenda? {
            get { AgendaFields.agenda(fields) }
            set { if let newValue { self = Entry(text: text, agenda: newValue) } }
        }
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
           let read = Contents(data: data), read.build == build {
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
            .appendingPathComponent("\(filePrefix)\(String(hash, radix: 16))\(fileSuffix)")
    }

    static let filePrefix = "agendas-"
    static let fileSuffix = ".cache"
    /// The files of builds before this format, removed like the others.
    static let oldFileSuffix = ".json"
    /// The builds whose caches are kept.
    static let buildsKept = 4

    /// This executable, by size and time of modification.
    public static func currentBuild() -> String { thisBuild }

    /// Asked once, of `stat` itself: FileManager's attributes also name
    /// the file's owner and group, which reads /etc/passwd and /etc/group
    /// (and tries nscd) at every start (issue 15).
    private static let thisBuild: String = {
        let exe = AgendaLibrary.executablePath()
        var status = stat()
        guard stat(exe, &status) == 0 else { return "" }
        let modified = Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1_000_000_000
        return "\(exe) \(status.st_size) \(modified)"
    }()

    /// The entry read before from the file at `path` with this text.
    mutating func entry(path: String, text: String) -> Entry? {
        guard !build.isEmpty, let entry = contents.entries[path], entry.text == text else { return nil }
        used[path] = entry
        return entry
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
        let data = Contents(build: build, entries: used).data
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
            .filter { $0.hasPrefix(Self.filePrefix) && ($0.hasSuffix(Self.fileSuffix) || $0.hasSuffix(Self.oldFileSuffix)) }
            .map { (folder as NSString).appendingPathComponent($0) }
        guard files.count > Self.buildsKept else { return }
        let dated = files.map { ($0, (try? FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date) ?? .distantPast) }
        for (file, _) in dated.sorted(by: { $0.1 > $1.1 }).dropFirst(Self.buildsKept) where file != path {
            try? FileManager.default.removeItem(atPath: file)
        }
    }
}

extension AgendaCache.Contents {
    static let magic = Array("samtal agenda cache 3\n".utf8)

    /// The contents of a cache file; nil when it is not one.
    init?(data: Data) {
        let bytes = [UInt8](data)
        guard bytes.starts(with: Self.magic) else { return nil }
        var fields: [String] = []
        var i = Self.magic.count
        while i < bytes.count {
            guard let end = bytes[i...].firstIndex(of: 10), end - i <= 12,
                  let count = Int(String(decoding: bytes[i..<end], as: UTF8.self)), count >= 0,
                  count < bytes.count - end - 1, bytes[end + 1 + count] == 10 else { return nil }
            fields.append(String(decoding: bytes[(end + 1)..<(end + 1 + count)], as: UTF8.self))
            i = end + 2 + count
        }
        guard let first = fields.first else { return nil }
        build = first
        entries = [:]
        // Per entry: its path, its text, the number of the agenda's fields, the fields.
        var k = 1
        while k < fields.count {
            guard k + 2 < fields.count, let count = Int(fields[k + 2]), count >= 0, count <= fields.count - k - 3 else { return nil }
            entries[fields[k]] = AgendaCache.Entry(text: fields[k + 1], fields: Array(fields[(k + 3)..<(k + 3 + count)]))
            k += 3 + count
        }
    }

    /// The file: the build, then per entry its path, its text, the number
    /// of the agenda's fields and the fields.
    var data: Data {
        var out = Data(Self.magic)
        func field(_ text: String) {
            let bytes = Data(text.utf8)
            out.append(contentsOf: Array("\(bytes.count)\n".utf8))
            out.append(bytes)
            out.append(10)
        }
        field(build)
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
            field(path)
            field(entry.text)
            field(String(entry.fields.count))
            entry.fields.forEach(field)
        }
        return out
    }
}

/// An agenda as a list of texts, for the cache: written by `fields(of:)`,
/// read back by `agenda(_:)`, the first of them (what `AgendaSummary`
/// holds) by `summary(_:)` alone. A list is its count, then its items; a
/// dictionary its count, then each key and value, in the keys' order.
enum AgendaFields {
    static func fields(of agenda: Agenda) -> [String] {
        var out = [agenda.id, agenda.title, agenda.meetingType.rawValue, agenda.purpose]
        func list(_ items: [String]) {
            out.append(String(items.count))
            out += items
        }
        list(agenda.goals)
        list(agenda.qualityCriteria)
        out += [String(agenda.version), agenda.source.rawValue]
        list(agenda.groupSources.sorted { $0.key < $1.key }.flatMap { [String($0.key), $0.value.rawValue] })
        out.append(String(agenda.steps.count))
        for step in agenda.steps {
            out += [step.id, step.title, step.kind.rawValue, String(step.minutes), step.prompt]
            list(step.questions)
            list(step.talkingPoints)
            list(step.settings.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] })
        }
        return out
    }

    /// Reads fields one after another; nil once one is missing or wrong.
    struct Reader {
        var fields: [String]
        var at = 0

        mutating func text() -> String? {
            guard at < fields.count else { return nil }
            defer { at += 1 }
            return fields[at]
        }

        mutating func number() -> Int? { text().flatMap { Int($0) } }

        mutating func list() -> [String]? {
            // (A count as the difference: a damaged file's count near
            // Int.max must not overflow, only fail to read.)
            guard let count = number(), count >= 0, count <= fields.count - at else { return nil }
            defer { at += count }
            return Array(fields[at..<(at + count)])
        }

        mutating func value<T: RawRepresentable>(_: T.Type) -> T? where T.RawValue == String {
            text().flatMap { T(rawValue: $0) }
        }
    }

    static func summary(_ fields: [String]) -> AgendaSummary? {
        var r = Reader(fields: fields)
        guard let id = r.text(), let title = r.text(), let type = r.value(MeetingType.self), let purpose = r.text(),
              let goals = r.list(), let criteria = r.list() else { return nil }
        return AgendaSummary(id: id, title: title, meetingType: type,
                             intro: AgendaIntro(purpose: purpose, goals: goals, qualityCriteria: criteria))
    }

    static func agenda(_ fields: [String]) -> Agenda? {
        var r = Reader(fields: fields)
        guard let id = r.text(), let title = r.text(), let type = r.value(MeetingType.self), let purpose = r.text(),
              let goals = r.list(), let criteria = r.list(), let version = r.number(), let source = r.value(NoteSource.self),
              let sources = r.list(), sources.count % 2 == 0, let stepCount = r.number(), stepCount >= 0 else { return nil }
        var agenda = Agenda(id: id, version: version, title: title, meetingType: type, source: source, purpose: purpose,
                            goals: goals, qualityCriteria: criteria, steps: [])
        for k in stride(from: 0, to: sources.count, by: 2) {
            guard let group = Int(sources[k]), let source = NoteSource(rawValue: sources[k + 1]) else { return nil }
            agenda.groupSources[group] = source
        }
        for _ in 0..<stepCount {
            guard let id = r.text(), let title = r.text(), let kind = r.value(StepKind.self), let minutes = r.number(),
                  let prompt = r.text(), let questions = r.list(), let points = r.list(),
                  let settings = r.list(), settings.count % 2 == 0 else { return nil }
            var step = AgendaStep(id: id, title: title, kind: kind, minutes: minutes, prompt: prompt,
                                  questions: questions, talkingPoints: points)
            for k in stride(from: 0, to: settings.count, by: 2) { step.settings[settings[k]] = settings[k + 1] }
            agenda.steps.append(step)
        }
        return r.at == fields.count ? agenda : nil
    }
}
