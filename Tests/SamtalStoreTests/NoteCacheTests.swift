// Notes read again after a commit: only those written since are read
// (issue 15), and what comes back is what a whole reading gives.

import Foundation
import GRDB
import SamtalCore
@testable import SamtalStore
import Testing

@Suite("Notes read again read only what changed")
struct NoteCacheTests {
    /// What a whole reading of the meeting's notes gives, past the cache.
    func whole(_ store: AppStore, _ meetingID: Int64) throws -> [Note] {
        try store.writer.read { try AppStore.readNotes($0, meetingID: meetingID) }
    }

    @Test("another terminal's notes, edits, deletions, hidings and reviews: the same as a whole reading, each time")
    func anotherTerminalsChanges() throws {
        let folder = try TempFolder()
        let path = folder.file("samtal.sqlite")
        let mine = try AppStore(path: path)
        let fixture = try Fixture(store: mine)
        let other = try AppStore(path: path) // another process's connections
        let meeting = fixture.meeting.id
        var ids: [Int64] = []
        for i in 0..<12 {
            ids.append(try other.saveNote(fixture.draft("Anteckning \(i)", step: i % 3 == 0 ? "annat" : "lagesbild", group: i % 4),
                                          now: Double(2_000 + i)).id)
        }
        #expect(try mine.notes(meetingID: meeting, stepID: "lagesbild") == whole(mine, meeting).filter { $0.stepID == "lagesbild" })
        let changes: [() throws -> Void] = [
            { _ = try other.saveNote(fixture.draft("Ny i grupp 2", group: 2), now: 1_500) }, // earlier than the rest
            { _ = try other.updateNote(id: ids[1], text: "Ändrad", group: 3, type: .question, now: 3_000) },
            { try other.deleteNote(id: ids[2], now: 3_001) },
            { _ = try other.setNoteHidden(noteID: ids[4], hidden: true) },
            { _ = try other.setPersonalDataChecked(noteID: ids[5], checked: true) },
            { _ = try other.reviewNotes([NoteReviewDecision(noteID: ids[7], review: .approved, publicText: "Kort")]) },
            { try other.saveDraft(meetingID: meeting, station: "run", field: "note:lagesbild", text: "utkast", now: 3_002) },
            { _ = try mine.saveNote(fixture.draft("Min egen", group: 0), now: 3_003) },
        ]
        for change in changes {
            try change()
            #expect(try mine.notes(meetingID: meeting) == whole(mine, meeting))
            #expect(try mine.notes(meetingID: meeting, stepID: "lagesbild") == whole(mine, meeting).filter { $0.stepID == "lagesbild" })
        }
        // Read again with nothing changed: the same notes.
        #expect(try mine.notes(meetingID: meeting) == whole(mine, meeting))
    }

    @Test("a step read again after a commit that wrote no note is the same array; after a note, a new one with it")
    func sameArrayWhileNoNoteIsWritten() throws {
        let folder = try TempFolder()
        let store = try AppStore(path: folder.file("samtal.sqlite"))
        let fixture = try Fixture(store: store)
        let meeting = fixture.meeting.id
        for i in 0..<20 { _ = try store.saveNote(fixture.draft("Anteckning \(i)", step: i % 2 == 0 ? "annat" : "lagesbild"), now: Double(i)) }
        func base(_ notes: [Note]) -> UnsafeRawPointer? { notes.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }
        let first = try store.notes(meetingID: meeting, stepID: "lagesbild")
        // The terminal's own draft, written each second while typing.
        try store.saveDraft(meetingID: meeting, station: "run", field: "note:lagesbild", text: "Klotter på", now: 100)
        let again = try store.notes(meetingID: meeting, stepID: "lagesbild")
        #expect(again.count == 10)
        #expect(base(again) == base(first))
        _ = try store.saveNote(fixture.draft("Ny", step: "lagesbild"), now: 200)
        let after = try store.notes(meetingID: meeting, stepID: "lagesbild")
        #expect(base(after) != base(first))
        #expect(after.map(\.text).last == "Ny")
        #expect(try after == whole(store, meeting).filter { $0.stepID == "lagesbild" })
    }

    @Test("after the first reading, a commit reads only the notes it changed")
    func readsOnlyTheChanged() throws {
        let fixture = try Fixture.inMemory()
        let meeting = fixture.meeting.id
        var first: Note?
        for i in 0..<50 {
            let note = try fixture.store.saveNote(fixture.draft("Anteckning \(i)"), now: Double(i))
            first = first ?? note
        }
        _ = try fixture.store.notes(meetingID: meeting, stepID: "lagesbild")
        // A change the version does not see (its trigger taken away for the
        // test), then a note saved: only the new note is read.
        try fixture.store.writer.write { db in
            try db.execute(sql: "DROP TRIGGER note_changed")
            try db.execute(sql: "UPDATE note SET text = 'ändrad i smyg' WHERE id = ?", arguments: [first!.id])
        }
        let note = try fixture.store.saveNote(fixture.draft("En till"), now: 100)
        let notes = try fixture.store.notes(meetingID: meeting, stepID: "lagesbild")
        #expect(notes.count == 51 && notes.last == note)
        #expect(notes.first?.text == "Anteckning 0")
        #expect(try whole(fixture.store, meeting).first?.text == "ändrad i smyg")
    }

    @Test("a note removed for good (by hand, in SQL) is gone from the next reading")
    func removedForGood() throws {
        let fixture = try Fixture.inMemory()
        let meeting = fixture.meeting.id
        let a = try fixture.store.saveNote(fixture.draft("A"), now: 1)
        _ = try fixture.store.saveNote(fixture.draft("B"), now: 2)
        _ = try fixture.store.notes(meetingID: meeting)
        try fixture.store.writer.write { try $0.execute(sql: "DELETE FROM note WHERE id = ?", arguments: [a.id]) }
        #expect(try fixture.store.notes(meetingID: meeting).map(\.text) == ["B"])
    }

    @Test("a write that is rolled back leaves nothing of it in what is read")
    func rolledBack() throws {
        let fixture = try Fixture.inMemory()
        let meeting = fixture.meeting.id
        _ = try fixture.store.saveNote(fixture.draft("A"), now: 1)
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try fixture.store.inOneTransaction {
                _ = try fixture.store.saveNote(fixture.draft("B"), now: 2)
                #expect(try fixture.store.notes(meetingID: meeting).count == 2) // read inside the write
                throw Stop()
            }
        }
        _ = try fixture.store.saveNote(fixture.draft("C"), now: 3) // takes the number B had
        #expect(try fixture.store.notes(meetingID: meeting).map(\.text) == ["A", "C"])
    }
}

@Suite("Form drafts")
struct FormDraftStoreTests {
    @Test("a screen's form draft is kept, replaced, read back as written, and removed; screens keep their own")
    func keptReplacedRemoved() throws {
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        #expect(try store.formDraft(scope: "home") == nil)
        let first = FormDraft(purpose: "newCycle", fields: ["LPO Fagersta", ""])
        try store.saveFormDraft(scope: "home", draft: first, now: 1)
        let facts = FormDraft(purpose: "facts:7", fields: ["VAD-dialog", " två  mellanslag ", "åäö 中文"],
                              participants: [["Ingripande", "polis", "12", "5", "7", "0"], ["", "", "", "", "", ""]])
        try store.saveFormDraft(scope: "home", draft: facts, now: 2)
        let activity = FormDraft(purpose: "activity:-", fields: ["Trygghetsvandring"])
        try store.saveFormDraft(scope: "cycle:1", draft: activity, now: 3)
        #expect(try store.formDraft(scope: "home") == facts)
        #expect(try store.formDraft(scope: "cycle:1") == activity)
        try store.saveFormDraft(scope: "home", draft: nil, now: 4)
        #expect(try store.formDraft(scope: "home") == nil)
        #expect(try store.formDraft(scope: "cycle:1") == activity)
    }

    func insert(_ store: AppStore, owner: Int64, fields: String, at: Double) throws {
        try store.writer.write { db in
            try db.execute(sql: """
                INSERT INTO form_draft (scope, owner, purpose, fields, participants, updated_at)
                VALUES ('home', ?, 'newCycle', ?, '[]', ?)
                """, arguments: [owner, fields, at])
        }
    }

    @Test("another terminal's draft is left to it while it runs; one of a terminal that ended is taken over; one unreadable is dropped")
    func owners() throws {
        let store = try Fixture.inMemory().store
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        // Another samtal still running: a program of that name that waits.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("samtal-owner-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(atPath: "/bin/sleep", toPath: folder.appendingPathComponent("samtal").path)
        let other = Process()
        other.executableURL = folder.appendingPathComponent("samtal")
        other.arguments = ["20"]
        try other.run()
        defer { kill(other.processIdentifier, SIGKILL); other.waitUntilExit() }
        let dead = Int64(ended.processIdentifier), running = Int64(other.processIdentifier), me = Int64(getpid())
        // Not a samtal: its draft is from a samtal that ended.
        #expect(AppStore.isRunning(Int64(getppid())) == false)
        #expect(AppStore.isRunning(running))
        #expect(AppStore.isRunning(dead) == false)
        try insert(store, owner: running, fields: #"["pågår i ett annat fönster"]"#, at: 5)
        try insert(store, owner: dead, fields: #"["från sist"]"#, at: 4)
        #expect(try store.formDraft(scope: "home")?.fields == ["från sist"])
        let owners = try store.writer.read { try Int64.fetchAll($0, sql: "SELECT owner FROM form_draft ORDER BY owner") }
        #expect(Set(owners) == [running, me])
        try store.saveFormDraft(scope: "home", draft: nil, now: 6)
        #expect(try store.formDraft(scope: "home") == nil)
        try insert(store, owner: dead, fields: "inte json", at: 7)
        #expect(try store.formDraft(scope: "home") == nil)
        #expect(try store.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM form_draft WHERE owner = ?", arguments: [dead]) } == 0)
    }
}

@Suite("The store's folder")
struct StoreFolderTests {
    @Test("is the folder Foundation's URL names, for absolute and relative paths, å ä ö and spaces (\"..\" left in)")
    func asURLNamesIt() {
        for path in ["/a/b/samtal.sqlite", "/samtal.sqlite", "rel/samtal.sqlite", "samtal.sqlite", "/home/anna/Löften 2027/samtal.sqlite",
                     "../up/samtal.sqlite"] {
            let folder = AppStore.folder(of: path)
            #expect(folder.hasPrefix("/"))
            #expect(URL(fileURLWithPath: folder).standardized.path == URL(fileURLWithPath: path).deletingLastPathComponent().path, "\(path)")
        }
    }
}

@Suite("The home screen's reading")
struct HomeReadingTests {
    @Test("the meetings come newest first from an index, not sorted at every start")
    func meetingsFromTheIndex() throws {
        let store = try Fixture.inMemory().store
        let details = try store.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + AppStore.meetingsSQL("")).map { $0["detail"] as String }
        }
        #expect(details.contains { $0.contains("USING INDEX meeting_newest") }, "\(details)")
        #expect(!details.contains { $0.contains("TEMP B-TREE") }, "\(details)")
    }
}
