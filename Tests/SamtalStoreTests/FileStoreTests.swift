// The store as a file: modes, warnings, refusing damaged and newer stores
// without touching them, several writers at once, backups.

import Foundation
import GRDB
import SamtalCore
@testable import SamtalStore
import Testing

@Suite("Store files")
struct FileStoreTests {
    @Test("a new store gets a 0700 folder and a 0600 file, and no warnings")
    func modes() throws {
        // Given a path in folders that do not exist yet
        let temp = try TempFolder()
        let folder = temp.file("data/samtal")
        let path = folder + "/samtal.sqlite"
        // When the store is opened and written to
        let store = try AppStore(path: path)
        _ = try store.createCycle(area: "Fagersta", period: "Q1", now: 1)
        // Then the folder is 0700, the file and its WAL 0600
        #expect(mode(of: folder) == 0o700)
        #expect(mode(of: path) == 0o600)
        if let walMode = mode(of: path + "-wal") { #expect(walMode == 0o600) }
        #expect(store.warnings.isEmpty)
        #expect(store.migrationBackupPath == nil)
    }

    @Test("the writer commits with synchronous = FULL in WAL mode")
    func durability() throws {
        let temp = try TempFolder()
        let store = try AppStore(path: temp.file("s.sqlite"))
        let (synchronous, journal) = try store.writer.writeWithoutTransaction { db in
            (try Int.fetchOne(db, sql: "PRAGMA synchronous"), try String.fetchOne(db, sql: "PRAGMA journal_mode"))
        }
        #expect(synchronous == 2) // FULL
        #expect(journal == "wal")
    }

    @Test("a store others can read opens, with a warning that says how to fix it")
    func warnsAboutOpenModes() throws {
        // Given a store whose file is 0644 and whose folder is 0755
        let temp = try TempFolder()
        let folder = temp.file("open")
        let path = folder + "/samtal.sqlite"
        do { _ = try AppStore(path: path) }
        #expect(chmod(path, 0o644) == 0)
        #expect(chmod(folder, 0o755) == 0)
        // When it is opened again
        let store = try AppStore(path: path)
        // Then it works, and both are reported with the command that fixes them
        #expect(try store.cycles() == [])
        #expect(store.warnings.map { $0.message(.en) } == [
            "store folder \(folder) is readable by others (mode 755); run chmod 700 \(folder)",
            "store file \(path) is readable by others (mode 644); run chmod 600 \(path)",
        ])
        // In the interface's language.
        #expect(store.warnings.map { $0.message(.sv) } == [
            "lagrets mapp \(folder) är läsbar för andra (läge 755); kör chmod 700 \(folder)",
            "lagrets fil \(path) är läsbar för andra (läge 644); kör chmod 600 \(path)",
        ])
        // And a file only its group can read is reported too
        #expect(chmod(path, 0o640) == 0)
        #expect(chmod(folder, 0o700) == 0)
        #expect(try AppStore(path: path).warnings.map(\.description) == [
            "store file \(path) is readable by its group (mode 640); run chmod 600 \(path)",
        ])
    }

    @Test("a file that is not a database is refused as damaged and left byte-identical")
    func garbageIsDamaged() throws {
        // Given a file of text that is not SQLite
        let temp = try TempFolder()
        let path = temp.file("notes.sqlite")
        let garbage = Data(String(repeating: "Det här är ingen databas – åäö 😀\n", count: 200).utf8)
        try garbage.write(to: URL(fileURLWithPath: path))
        // When it is opened as a store
        let error = #expect(throws: StoreError.self) { try AppStore(path: path) }
        // Then the error says it is damaged, names the file, and the file is unchanged
        guard case .damaged(let errorPath, let detail)? = error else {
            Issue.record("expected .damaged, got \(String(describing: error))")
            return
        }
        #expect(errorPath == path)
        #expect(detail == "it is not a database")
        #expect(try bytes(of: path) == garbage)
        #expect(mode(of: path + "-wal") == nil)
    }

    @Test("a folder in place of the store file is refused as damaged")
    func folderIsDamaged() throws {
        let temp = try TempFolder()
        let path = temp.file("samtal.sqlite")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        #expect(throws: StoreError.damaged(path: path, detail: "it is a folder, not a file")) {
            try AppStore(path: path)
        }
    }

    @Test("a store marked up to date is opened without its schema read on the inspecting connection; an unmarked one is read and marked")
    func upToDateMark() throws {
        let temp = try TempFolder()
        let path = temp.file("samtal.sqlite")
        do { _ = try AppStore(path: path) } // made, migrated, marked
        do {
            let queue = try DatabaseQueue(path: path)
            #expect(try queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == AppStore.upToDateMark(Schema.migrator))
            try queue.write { try $0.execute(sql: "PRAGMA user_version = 0") } // as an older build left it
            try queue.close()
        }
        do {
            let store = try AppStore(path: path)
            #expect(store.inspection.read { $0.schemaBytes() }.map { $0 > 0 } == true)
            store.close()
        }
        let store = try AppStore(path: path)
        #expect(store.inspection.read { $0.schemaBytes() } == 0)
        #expect(try store.meetingOutline(id: 1) == nil)
    }

    @Test("a store written by a newer samtal is refused and left unchanged (marked as a newer build marks it, or not marked)",
          arguments: [true, false])
    func newerVersion(marked: Bool) throws {
        // Given a store with a note, then marked with a migration this build does not know
        let temp = try TempFolder()
        let path = temp.file("samtal.sqlite")
        do {
            let fixture = try Fixture(store: AppStore(path: path))
            try fixture.store.saveNote(fixture.draft("från förr"), now: 1)
        }
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == AppStore.upToDateMark(Schema.migrator))
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
                // A newer build marks its own number of migrations.
                try db.execute(sql: "PRAGMA user_version = \(marked ? AppStore.upToDateMark(Schema.migrator) + 1 : 0)")
            }
            try queue.close()
        }
        let before = try bytes(of: path)
        // When this build opens it
        #expect(throws: StoreError.newerVersion(path: path)) { try AppStore(path: path) }
        // Then the file is byte for byte what it was, and no WAL was started
        #expect(try bytes(of: path) == before)
        #expect(mode(of: path + "-wal") == nil)
    }

    @Test("before migrating a store with data, a 0600 copy is made with the online backup")
    func backupBeforeMigration() throws {
        // Given a store of the current schema with a note
        let temp = try TempFolder()
        let path = temp.file("samtal.sqlite")
        do {
            let fixture = try Fixture(store: AppStore(path: path))
            try fixture.store.saveNote(fixture.draft("före uppgraderingen åäö"), now: 1)
        }
        // When a build with one more migration opens it
        var migrator = Schema.migrator
        migrator.registerMigration("v2-test") { db in
            try db.execute(sql: "ALTER TABLE note ADD COLUMN test_extra TEXT")
        }
        let upgraded = try AppStore(path: path, migrator: migrator)
        // Then the copy exists beside the store, private, with the old schema and the data
        let copy = try #require(upgraded.migrationBackupPath)
        #expect(copy.hasPrefix(path + ".before-migration-"))
        #expect(copy.hasSuffix(".sqlite"))
        #expect(mode(of: copy) == 0o600)
        let queue = try DatabaseQueue(path: copy)
        let (migrations, texts) = try queue.read { db in
            (try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier"),
             try String.fetchAll(db, sql: "SELECT text FROM note"))
        }
        try queue.close()
        #expect(migrations == Schema.migrator.migrations.sorted())
        #expect(texts == ["före uppgraderingen åäö"])
        // And the upgraded store keeps the note
        #expect(try upgraded.notes(meetingID: 1).map(\.text) == ["före uppgraderingen åäö"])
        // And opening the same store again needs no second copy
        #expect(try AppStore(path: path, migrator: migrator).migrationBackupPath == nil)
    }

    @Test("two stores on one file (two processes) writing 200 notes each at once lose none")
    func twoWriters() throws {
        // Given two stores opened on the same file
        let temp = try TempFolder()
        let path = temp.file("samtal.sqlite")
        let fixture = try Fixture(store: AppStore(path: path))
        let stores = [fixture.store, try AppStore(path: path)]
        let meetingID = fixture.meeting.id
        let failures = Failures()
        // When both write 200 notes at the same time
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            for i in 0..<200 {
                let draft = NoteDraft(meetingID: meetingID, stepID: "lagesbild", group: writer + 1, type: .problem,
                                      source: writer == 0 ? .police : .municipality, text: "skrivare \(writer) nr \(i) åäö")
                do {
                    try stores[writer].saveNote(draft, now: Double(i))
                } catch {
                    failures.add("\(error)")
                }
            }
        }
        // Then every note is there, seen from either store
        #expect(failures.all == [])
        for store in stores {
            let notes = try store.notes(meetingID: meetingID, stepID: "lagesbild")
            #expect(notes.count == 400)
            let expected = Set((0..<2).flatMap { w in (0..<200).map { "skrivare \(w) nr \($0) åäö" } })
            #expect(Set(notes.map(\.text)) == expected)
            #expect(Set(notes.map(\.id)).count == 400)
        }
    }

    @Test("a backup is a private, readable copy of the whole store")
    func backup() throws {
        // Given a store with a cycle, meeting, facts, notes and step time
        let temp = try TempFolder()
        let fixture = try Fixture(store: AppStore(path: temp.file("samtal.sqlite")))
        let store = fixture.store
        _ = try store.saveFacts(meetingID: fixture.meeting.id, title: "Möte 😀",
                                facts: MethodFacts(date: "2026-01-15", participants: [ParticipantRow(organisationRole: "Polis", headCount: 2)]),
                                groupCount: 2)
        let kept = try store.saveNote(fixture.draft(mixedText), now: 5)
        let deleted = try store.saveNote(fixture.draft("raderad"), now: 6)
        try store.deleteNote(id: deleted.id, now: 7)
        try store.recordStepTime(meetingID: fixture.meeting.id, stepID: "lagesbild", seconds: 33)
        // When it is backed up
        let copyPath = temp.file("copy.sqlite")
        try store.backup(to: copyPath)
        // Then the copy is 0600 and opens as a store with the same contents
        #expect(mode(of: copyPath) == 0o600)
        let copy = try AppStore(path: copyPath)
        #expect(try copy.overview() == store.overview())
        #expect(try copy.notes(meetingID: fixture.meeting.id) == [kept])
        #expect(try copy.stepSeconds(meetingID: fixture.meeting.id) == ["lagesbild": 33])
        #expect(try copy.agendaSnapshot(meetingID: fixture.meeting.id) == "id: medarbetardialog-vad\n")
        #expect(copy.warnings.isEmpty)
    }

    @Test("a backup refuses to overwrite a file with content, and makes an empty file private")
    func backupTargets() throws {
        let temp = try TempFolder()
        let store = try AppStore.inMemory()
        // Given a file with content
        let taken = temp.file("taken.sqlite")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: taken))
        // Then a backup to it fails and leaves it alone
        #expect(throws: (any Error).self) { try store.backup(to: taken) }
        #expect(try bytes(of: taken) == Data("keep me".utf8))
        // Given an empty file readable by everyone (as `touch` makes it)
        let empty = temp.file("empty.sqlite")
        #expect(FileManager.default.createFile(atPath: empty, contents: nil))
        #expect(chmod(empty, 0o644) == 0)
        // When the store is backed up to it
        try store.backup(to: empty)
        // Then it becomes a private database
        #expect(mode(of: empty) == 0o600)
        #expect(try AppStore(path: empty).cycles() == [])
    }
}


/// A store whose damage lies deep inside, on a page that opening no longer
/// reads (issue 15): found where the full check runs, after a crash, before
/// a migration and by a backup.
@Suite("Damage deep in a store")
struct DeepDamageTests {
    /// A store of a few hundred long notes, closed cleanly (no -wal left).
    func storeWithNotes(_ path: String) throws {
        let fixture = try Fixture(store: AppStore(path: path))
        let text = String(repeating: "Buskörning vid Storgatan kvällstid åäö. ", count: 25)
        for i in 0..<300 { _ = try fixture.store.saveNote(fixture.draft("\(i) \(text)"), now: Double(i)) }
    }

    /// Overwrites the page in the middle of the file with 0xFF.
    func damageMiddlePage(_ path: String) throws {
        let size = try #require(FileModes.size(path))
        let pageSize: Int64 = 4096
        #expect(size / pageSize > 20)
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: UInt64((size / pageSize / 2) * pageSize))
        handle.write(Data(repeating: 0xFF, count: Int(pageSize)))
        try handle.close()
    }

    @Test("left by a crash (a -wal with content): refused on opening")
    func afterACrash() throws {
        // Given the files of a store as a crash leaves them: written to while
        // open, so its -wal has content; and a page deep inside damaged
        let temp = try TempFolder()
        let path = temp.file("samtal.sqlite"), crashed = temp.file("crashed.sqlite")
        try storeWithNotes(path)
        do {
            let fixture = try Fixture(store: AppStore(path: path))
            _ = try fixture.store.saveNote(fixture.draft("the last note before the crash"), now: 999)
            #expect((FileModes.size(path + "-wal") ?? 0) > 0)
            try FileManager.default.copyItem(atPath: path, toPath: crashed)
            try FileManager.default.copyItem(atPath: path + "-wal", toPath: crashed + "-wal")
        }
        try damageMiddlePage(crashed)
        // When it is opened
        let error = #expect(throws: StoreError.self) { try AppStore(path: crashed) }
        // Then it is reported as damaged by the integrity check (SQLite's
        // recovery of the -wal on closing the checking connection may have
        // written it into the file, as before issue 15)
        guard case .damaged(let errorPath, let detail)? = error else {
            Issue.record("expected .damaged, got \(String(describing: error))")
            return
        }
        #expect(errorPath == crashed)
        #expect(detail.hasPrefix("integrity check: ") || detail.hasPrefix("the database is damaged"))
    }

    @Test("closed cleanly: opening reads no more than the header and schema; a backup finds the damage and leaves no copy")
    func cleanlyClosed() throws {
        let temp = try TempFolder()
        let path = temp.file("samtal.sqlite")
        try storeWithNotes(path)
        #expect(FileModes.size(path + "-wal") == nil)
        try damageMiddlePage(path)
        // Opening checks in constant time, so it does not see the page
        let store = try AppStore(path: path)
        // A backup reads every page of its copy
        let copy = temp.file("copy.sqlite")
        let error = #expect(throws: StoreError.self) { try store.backup(to: copy) }
        guard case .damaged(let errorPath, _)? = error else {
            Issue.record("expected .damaged, got \(String(describing: error))")
            return
        }
        #expect(errorPath == path)
        #expect(FileModes.status(copy) == nil)
    }

    @Test("a store closed after writing leaves an empty -wal: the next opening has nothing to recover")
    func closeEmptiesTheWAL() throws {
        let temp = try TempFolder()
        let path = temp.file("samtal.sqlite")
        let fixture = try Fixture(store: AppStore(path: path))
        let note = try fixture.store.saveNote(fixture.draft("sparad före stängning"), now: 1)
        #expect((FileModes.size(path + "-wal") ?? 0) > 0)
        fixture.store.close()
        #expect((FileModes.size(path + "-wal") ?? 0) == 0)
        #expect(try AppStore(path: path).notes(meetingID: fixture.meeting.id) == [note])
    }

    @Test("before a migration: refused, not copied, the file unchanged")
    func beforeAMigration() throws {
        let temp = try TempFolder()
        let path = temp.file("samtal.sqlite")
        try storeWithNotes(path)
        try damageMiddlePage(path)
        let before = try bytes(of: path)
        var migrator = Schema.migrator
        migrator.registerMigration("v99-test") { db in
            try db.execute(sql: "ALTER TABLE note ADD COLUMN test_extra TEXT")
        }
        let error = #expect(throws: StoreError.self) { try AppStore(path: path, migrator: migrator) }
        guard case .damaged? = error else {
            Issue.record("expected .damaged, got \(String(describing: error))")
            return
        }
        #expect(try bytes(of: path) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path).filter { $0.contains("before-migration") } == [])
    }

    @Test("a file with SQLite's name in its header but no valid page size is not a database")
    func badHeader() throws {
        let temp = try TempFolder()
        let path = temp.file("samtal.sqlite")
        var header = Data("SQLite format 3\u{0}".utf8)
        header.append(contentsOf: [0x03, 0x00]) // 768: not a power of two
        header.append(Data(repeating: 0, count: 4096 - header.count))
        try header.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.damaged(path: path, detail: "it is not a database")) { try AppStore(path: path) }
        #expect(try bytes(of: path) == header)
    }
}

/// Errors collected from concurrent writers.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ failure: String) { lock.withLock { list.append(failure) } }
    var all: [String] { lock.withLock { list } }
}
