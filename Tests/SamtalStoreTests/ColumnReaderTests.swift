// The hot reads decode rows by column index through SQLite's C interface
// (`ColumnReader`): they must read what GRDB's Decodable records read, every
// column kind, NULLs and Swedish text included.

import Foundation
import GRDB
@testable import SamtalCore
@testable import SamtalStore
import Testing

@Suite("Rows read by column index")
struct ColumnReaderTests {
    @Test("notes and meetings read by index are the records GRDB decodes by name")
    func sameAsDecodable() throws {
        let f = try Fixture.inMemory()
        var kept = f.draft("Buskörning på Storgatan – åäö, 😀")
        kept.clientID = "klient-1"
        let a = try f.store.saveNote(kept, now: 10)
        let b = try f.store.saveNote(f.draft("Klotter i gångtunneln", group: 2, type: .opportunity, source: .citizen), now: 11)
        try f.store.deleteNote(id: b.id, now: 12)
        _ = try f.store.saveNote(f.draft("Mörk cykelväg"), now: 13)
        _ = try f.store.finishMeeting(meetingID: f.meeting.id, stepID: "lagesbild", seconds: 1, now: 14)
        try f.store.writer.write { db in
            try db.execute(sql: "UPDATE note SET hidden = 1, personal_data_checked = 1, author = 'Åsa', public_text = 'Offentlig', updated_at = 99, public_review = 'approved' WHERE id = ?",
                           arguments: [a.id])
            try db.execute(sql: "UPDATE note SET public_review = 'excluded' WHERE id = (SELECT max(id) FROM note)")
        }
        try f.store.writer.read { db in
            let byName = try StoredNote.fetchAll(db, sql: "SELECT * FROM note ORDER BY id")
            let byIndex = try db.rows("SELECT \(StoredNote.orderedColumns) FROM note ORDER BY id", StoredNote.init(columns:))
            #expect(byName.count == 3)
            #expect(byIndex.map { String(describing: $0) } == byName.map { String(describing: $0) })
            #expect(byIndex[1].deletedAt == 12 && byIndex[0].clientID == "klient-1" && byIndex[2].clientID == nil)
            // What a note shows, read at once: the same notes.
            let notesByIndex = try db.rows("SELECT \(StoredNote.noteColumns) FROM note ORDER BY id", StoredNote.note(columns:))
            #expect(notesByIndex == byName.map(\.note))
            #expect(notesByIndex.map(\.publicReview) == [.approved, .unreviewed, .excluded])
            let meetingsByName = try StoredMeeting.fetchAll(db)
            let meetingsByIndex = try db.rows("SELECT \(StoredMeeting.orderedColumns) FROM meeting", StoredMeeting.init(columns:))
            #expect(meetingsByIndex.map { String(describing: $0) } == meetingsByName.map { String(describing: $0) })
            #expect(meetingsByIndex.first?.finishedAt == 14)
            let cyclesByName = try StoredCycle.fetchAll(db)
            let cyclesByIndex = try db.rows("SELECT \(StoredCycle.orderedColumns) FROM cycle", StoredCycle.init(columns:))
            #expect(cyclesByIndex.map { String(describing: $0) } == cyclesByName.map { String(describing: $0) })
            #expect(try StoredCycle.fetch(db, id: f.cycle.id)?.cycle == f.cycle)
            #expect(try StoredCycle.fetch(db, id: f.cycle.id + 1) == nil)
        }
    }

    @Test("rows of varied kinds, sources, authors, client ids and texts, long and empty, read as GRDB decodes them")
    func repeatedTexts() throws {
        // Given 400 notes whose step ids (of one length), kinds, sources,
        // authors, client ids and texts repeat and change in random runs,
        // a long text among them, and a kind that is not one of the enum's last
        let f = try Fixture.inMemory()
        var random = SystemRandomNumberGenerator()
        let steps = ["steg-a", "steg-b", "steg-c"], authors = ["", "Åsa", "Kim", "Ösa"]
        let types = NoteType.allCases, sources = NoteSource.allCases
        let long = String(repeating: "Buskörning vid torget – åäö ", count: 10)
        try f.store.writer.write { db in
            var step = steps[0], author = "", type = types[0], source = sources[0]
            for index in 0..<400 {
                if Int.random(in: 0..<4, using: &random) == 0 { step = steps.randomElement(using: &random)! }
                if Int.random(in: 0..<4, using: &random) == 0 { author = authors.randomElement(using: &random)! }
                if Int.random(in: 0..<3, using: &random) == 0 { type = types.randomElement(using: &random)! }
                if Int.random(in: 0..<3, using: &random) == 0 { source = sources.randomElement(using: &random)! }
                let text = [long, "Kort", "Kort", "Korp", ""].randomElement(using: &random)!
                // Unique, all of one length: each differs from the last.
                let client: String? = Bool.random(using: &random) ? nil : "klient-\(1000 + index)"
                try db.execute(sql: """
                    INSERT INTO note (meeting_id, step_id, group_number, type, source, text, created_at, updated_at, author, client_id)
                    VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [f.meeting.id, step, type.rawValue, source.rawValue, text, Double(index), Double(index), author, client])
            }
        }
        // When they are read by column index and decoded by name
        try f.store.writer.read { db in
            let byName = try StoredNote.fetchAll(db, sql: "SELECT * FROM note ORDER BY id")
            let byIndex = try db.rows("SELECT \(StoredNote.orderedColumns) FROM note ORDER BY id", StoredNote.init(columns:))
            // Then every row is the same
            #expect(byName.count == 400)
            #expect(byIndex.map { String(describing: $0) } == byName.map { String(describing: $0) })
        }
        // And a kind that is not one of the enum's, after rows that were, still throws
        try f.store.writer.write { db in
            try db.execute(sql: "UPDATE note SET type = 'nonsens' WHERE id = (SELECT max(id) FROM note)")
        }
        #expect(throws: DecodingError.self) {
            try f.store.writer.read { db in
                try db.rows("SELECT \(StoredNote.orderedColumns) FROM note ORDER BY id", StoredNote.init(columns:))
            }
        }
    }

    @Test("focus areas read by index, merged, split and deleted ones too, are the records GRDB decodes by name")
    func focusAreasSameAsDecodable() throws {
        let f = try Fixture.inMemory()
        let a = try f.store.createFocusArea(meetingID: f.meeting.id, stepID: "fokus", name: "Storgatan – åäö", type: .place, now: 1)
        let b = try f.store.createFocusArea(meetingID: f.meeting.id, stepID: "fokus", name: "Klotter", type: .crimeType, now: 2)
        let c = try f.store.createFocusArea(meetingID: f.meeting.id, stepID: "fokus", name: "Unga", type: .group, now: 3)
        let note = try f.store.saveNote(f.draft("Buskörning"), now: 4)
        try f.store.assignNote(noteID: note.id, to: a.id)
        try f.store.mergeFocusArea(b.id, into: a.id, now: 5)
        _ = try f.store.splitFocusArea(a.id, name: "Torget", meetingID: nil, stepID: "fokus", now: 6)
        try f.store.writer.write { db in
            try db.execute(sql: "UPDATE focus_area SET target_picture = 'Tryggt', leads_to_promise = 1, deleted_at = 7 WHERE id = ?",
                           arguments: [c.id])
        }
        try f.store.writer.read { db in
            let byName = try StoredFocusArea.fetchAll(db, sql: "SELECT * FROM focus_area ORDER BY id")
            let byIndex = try db.rows("SELECT \(StoredFocusArea.orderedColumns) FROM focus_area ORDER BY id", StoredFocusArea.init(columns:))
            #expect(byName.count == 4)
            #expect(byIndex.map { String(describing: $0) } == byName.map { String(describing: $0) })
        }
        #expect(try f.store.focusAreas(cycleID: f.cycle.id).first { $0.id == a.id }?.noteIDs == [note.id])
    }

    @Test("a value that is not one of an enum's throws, as decoding the record does")
    func unknownChoice() throws {
        let f = try Fixture.inMemory()
        let note = try f.store.saveNote(f.draft("Text"), now: 10)
        try f.store.writer.write { db in
            try db.execute(sql: "UPDATE note SET type = 'nonsens' WHERE id = ?", arguments: [note.id])
        }
        #expect(throws: DecodingError.self) {
            try f.store.writer.read { db in
                try db.rows("SELECT \(StoredNote.orderedColumns) FROM note", StoredNote.init(columns:))
            }
        }
    }
}

@Suite("Readings on the writer's connection")
struct ReadingOnWriterTests {
    @Test("the opening's readings on the writer's connection read what the pool's readers read")
    func sameAsSnapshot() throws {
        let temp = try TempFolder()
        let store = try AppStore(path: temp.file("samtal.sqlite"))
        let f = try Fixture(store: store)
        _ = try store.saveNote(f.draft("Buskörning på Storgatan"), now: 10)
        let onWriter = try store.readingOnWriter { (try store.overview(), try store.notes(meetingID: f.meeting.id, stepID: "lagesbild")) }
        #expect(onWriter.0 == (try store.overview()))
        #expect(onWriter.1 == (try store.notes(meetingID: f.meeting.id, stepID: "lagesbild")))
        #expect(onWriter.1.map(\.text) == ["Buskörning på Storgatan"])
    }
}
