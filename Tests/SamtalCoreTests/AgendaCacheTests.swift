// The agendas as last read (AgendaCache): the same library with it as
// without, no YAML parsed for a file whose text is unchanged, and a file
// changed is read again (issue 15).

import Foundation
import Testing
@testable import SamtalAgendas
@testable import SamtalCore

@Suite struct AgendaCacheTests {
    let shipped = repositoryRoot.appendingPathComponent("Agendas").path

    func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("samtal-agenda-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func theLibraryIsTheSameWithTheCacheAsWithout() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = dir.appendingPathComponent("cache/agendas.cache").path
        let plain = AgendaLibrary(folders: [shipped])
        let first = AgendaLibrary(folders: [shipped], cachePath: cache) // parses, writes the cache
        #expect(FileManager.default.fileExists(atPath: cache))
        let second = AgendaLibrary(folders: [shipped], cachePath: cache) // from the cache
        for library in [first, second] {
            #expect(library.agendas.map(\.agenda) == plain.agendas.map(\.agenda))
            #expect(library.agendas.map(\.text) == plain.agendas.map(\.text))
            #expect(library.agendas.map(\.path) == plain.agendas.map(\.path))
            #expect(library.agendas.map(\.summary) == plain.agendas.map { AgendaSummary($0.agenda) })
        }
    }

    @Test func anAgendaIsMadeWhenAskedForAndOneWhoseFieldsDoNotReadIsParsedFromItsText() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = dir.appendingPathComponent("agendas.cache").path
        let plain = AgendaLibrary(folders: [shipped])
        _ = AgendaLibrary(folders: [shipped], cachePath: cache)
        var contents = try #require(AgendaCache.Contents(data: Data(contentsOf: URL(fileURLWithPath: cache))))
        for path in contents.entries.keys { contents.entries[path]?.fields.removeLast() }
        try contents.data.write(to: URL(fileURLWithPath: cache))
        let broken = AgendaLibrary(folders: [shipped], cachePath: cache)
        #expect(broken.agendas.map(\.summary) == plain.agendas.map(\.summary))
        #expect(broken.agendas.map(\.agenda) == plain.agendas.map(\.agenda))
    }

    @Test func aFileWhoseTextIsUnchangedIsNotParsedAgainAndAChangedOneIs() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("egen.yaml")
        let cache = dir.appendingPathComponent("agendas.cache").path
        func agenda(_ title: String) -> String {
            "id: egen\nversion: 1\ntitle: \(title)\nmeeting_type: medarbetardialog-vad\nsteps:\n  - {id: start, title: Start, kind: present, minutes: 5}\n"
        }
        try agenda("Första").write(to: file, atomically: true, encoding: .utf8)
        #expect(AgendaLibrary(folders: [dir.path], cachePath: cache).agenda(id: "egen")?.agenda.title == "Första")
        // The cached agenda changed behind the file's back: used as it is,
        // so the file was not parsed again.
        var contents = try #require(AgendaCache.Contents(data: Data(contentsOf: URL(fileURLWithPath: cache))))
        contents.entries[file.path]?.agenda?.title = "Ur cachen"
        try contents.data.write(to: URL(fileURLWithPath: cache))
        #expect(AgendaLibrary(folders: [dir.path], cachePath: cache).agenda(id: "egen")?.agenda.title == "Ur cachen")
        // The file changed: read again.
        try agenda("Andra").write(to: file, atomically: true, encoding: .utf8)
        #expect(AgendaLibrary(folders: [dir.path], cachePath: cache).agenda(id: "egen")?.agenda.title == "Andra")
    }

    @Test func aCacheOfAnotherBuildOrUnreadableIsNotUsed() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = dir.appendingPathComponent("agendas.cache").path
        _ = AgendaLibrary(folders: [shipped], cachePath: cache)
        var contents = try #require(AgendaCache.Contents(data: Data(contentsOf: URL(fileURLWithPath: cache))))
        let path = try #require(contents.entries.keys.first)
        contents.entries[path]?.agenda?.title = "Ur en annan build"
        contents.build = "another build"
        try contents.data.write(to: URL(fileURLWithPath: cache))
        #expect(!AgendaLibrary(folders: [shipped], cachePath: cache).agendas.contains { $0.agenda.title == "Ur en annan build" })
        try "inte en cache".write(toFile: cache, atomically: true, encoding: .utf8)
        #expect(AgendaLibrary(folders: [shipped], cachePath: cache).agendas.map(\.agenda) == AgendaLibrary(folders: [shipped]).agendas.map(\.agenda))
    }

    @Test func eachBuildHasItsOwnFileAndOnlyTheLastFourAreKept() throws {
        let env = ["XDG_CACHE_HOME": "/c", "HOME": "/h"]
        let one = AgendaCache.defaultPath(environment: env, build: "/usr/bin/samtal 100 1.0")
        let two = AgendaCache.defaultPath(environment: env, build: "/usr/bin/samtal 100 2.0")
        #expect(one.hasPrefix("/c/samtal/agendas-") && one.hasSuffix(".cache") && one != two)
        #expect(AgendaCache.defaultPath(environment: ["HOME": "/h"], build: "b").hasPrefix("/h/.cache/samtal/"))
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for i in 0..<6 {
            let old = dir.appendingPathComponent("agendas-old\(i)" + (i % 2 == 0 ? ".cache" : ".json")).path
            FileManager.default.createFile(atPath: old, contents: Data("{}".utf8))
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: Double(-1000 * (i + 1)))], ofItemAtPath: old)
        }
        let mine = dir.appendingPathComponent("agendas-mine.cache").path
        _ = AgendaLibrary(folders: [shipped], cachePath: mine)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("agendas-") }.sorted()
        #expect(left == ["agendas-mine.cache", "agendas-old0.cache", "agendas-old1.json", "agendas-old2.cache"])
    }
}

@Suite struct AgendaFieldsTests {
    @Test func anAgendaWithEveryKindOfFieldReadsBackTheSame() throws {
        var agenda = Agenda(id: "gemensam-åäö", version: 3, title: "Gemensamt möte – polis & kommun", meetingType: .jointSituationPicture,
                            source: .police, purpose: "Syftet\npå två rader", goals: ["Mål 1", "", "中文 😀"],
                            qualityCriteria: ["Kriterium"], steps: [])
        agenda.groupSources = [2: .municipality, 1: .police]
        var vote = AgendaStep(id: "rösta", title: "Prioritera", kind: .vote, minutes: 10, prompt: "",
                              questions: ["Vilka?", "12"], talkingPoints: ["Punkt\nmed radbrytning"])
        vote.settings = ["dots": "3", "per": "grupp"]
        agenda.steps = [AgendaStep(id: "start", title: "Start", kind: .present, minutes: 0), vote]
        let fields = AgendaFields.fields(of: agenda)
        #expect(AgendaFields.agenda(fields) == agenda)
        #expect(AgendaFields.summary(fields) == AgendaSummary(agenda))
        // A field too many or too few, or a kind this build does not know, does not read.
        #expect(AgendaFields.agenda(fields + ["x"]) == nil)
        #expect(AgendaFields.agenda(Array(fields.dropLast())) == nil)
        #expect(AgendaFields.agenda(fields.map { $0 == "vote" ? "okänd" : $0 }) == nil)
        // A damaged count, however large, does not read (and does not trap).
        for count in [String(Int.max), String(Int.max - 3), "-1", "x"] {
            var damaged = fields
            damaged[4] = count // the goals' count
            #expect(AgendaFields.agenda(damaged) == nil)
            #expect(AgendaFields.summary(damaged) == nil)
            // The entry's own count of fields, damaged the same way.
            func field(_ t: String) -> String { "\(t.utf8.count)\n\(t)\n" }
            let file = "samtal agenda cache 3\n" + field("b") + field("/a.yaml") + field("x") + field(count) + fields.map(field).joined()
            #expect(AgendaCache.Contents(data: Data(file.utf8))?.entries["/a.yaml"]?.agenda == nil)
        }
        // And the file holds them as they were.
        let contents = AgendaCache.Contents(build: "b", entries: ["/a.yaml": AgendaCache.Entry(text: "id: x\n", agenda: agenda)])
        let read = try #require(AgendaCache.Contents(data: contents.data))
        #expect(read.build == "b")
        #expect(read.entries["/a.yaml"]?.agenda == agenda)
        #expect(read.entries["/a.yaml"]?.text == "id: x\n")
    }
}
