// What the starts read, kept small (issue 15): a store upgraded through
// v22 has its meetings packed again (v22 dropped each row's agenda snapshot
// in place, which left every meeting alone on its own page, and the home
// screen read a page per meeting); a meeting's notes come in display order
// from an index; a cycle's existence is one lookup; the home screen's first
// page is its first cycles, whole.

import Foundation
import GRDB
import SamtalCore
import Testing
@testable import SamtalStore

@Suite("Packed meetings after an upgrade")
struct PackedMeetingsTests {
    /// Pages the table's own b-tree takes (SQLite's dbstat table).
    func pages(_ db: Database, _ table: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM dbstat WHERE name = ?", arguments: [table]) ?? 0
    }

    @Test("a v21 store's meetings, spread one to a page by v22, are packed again, with their notes, agendas and ids")
    func packsMeetings() throws {
        // Given a v21 store with 120 meetings, each with an 11 KB agenda in its row, and a note each
        let temp = try TempFolder()
        let path = temp.file("samtal.sqlite")
        try FileModes.createPrivateFile(path)
        let agenda = "id: medborgardialog\n" + String(repeating: "# talpunkt – åäö\n", count: 650)
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v21")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO cycle (area, period, created_at) VALUES ('Fagersta', '2026', 1)")
                for index in 1...120 {
                    try db.execute(sql: """
                        INSERT INTO meeting (cycle_id, agenda_id, agenda_snapshot, title, date, place, form, facilitator,
                            note_takers, group_count, current_step_index, status, created_at)
                        VALUES (1, 'medborgardialog', ?, ?, '2026-02-01', 'Folkets hus', 'physical', 'Åsa', '', 3, 0, 'planned', ?)
                        """, arguments: [agenda, "Möte \(index) – Storgatan", Double(index)])
                    try db.execute(sql: """
                        INSERT INTO note (meeting_id, step_id, group_number, type, source, text, created_at, updated_at)
                        VALUES (?, 'samla', 1, 'problem', 'group', ?, 1, 1)
                        """, arguments: [db.lastInsertedRowID, "Buskörning vid torget \(index)"])
                }
            }
            // (v22 and v23, as a store upgraded before v24 has them)
            try Schema.migrator.migrate(queue, upTo: "v23")
            #expect(try queue.read { try pages($0, "meeting") } >= 100)
            try queue.close()
        }
        // When this build opens it
        let store = try AppStore(path: path)
        // Then the meetings take a few pages, and nothing of them is lost or changed
        let (meetingPages, titles, ids, noteMeetings, agendas, broken) = try store.writer.read { db in
            (try pages(db, "meeting"),
             try String.fetchAll(db, sql: "SELECT title FROM meeting ORDER BY id"),
             try Int64.fetchAll(db, sql: "SELECT id FROM meeting ORDER BY id"),
             try Int64.fetchAll(db, sql: "SELECT meeting_id FROM note ORDER BY id"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM meeting_agenda WHERE snapshot = ?", arguments: [agenda]),
             try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count)
        }
        #expect(meetingPages <= 10)
        #expect(titles == (1...120).map { "Möte \($0) – Storgatan" })
        #expect(ids == (1...120).map(Int64.init))
        #expect(noteMeetings == ids)
        #expect(agendas == 120)
        #expect(broken == 0)
        #expect(try store.meetings(cycleID: 1).count == 120)
    }

    @Test("the packing refuses to run with foreign keys on (deleting the rows would delete their notes)")
    func refusesWithForeignKeysOn() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v23")
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            #expect(throws: (any Error).self) { try db.inTransaction { try Schema.v24(db); return .rollback } }
        }
    }
}

@Suite("A meeting's notes read in order from an index")
struct NoteDisplayIndexTests {
    @Test("reading a meeting's notes sorts nothing: they come in display order from an index")
    func readsInOrderWithoutSorting() throws {
        let fixture = try Fixture.inMemory()
        let plan = try fixture.store.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + """
                SELECT \(StoredNote.orderedColumns) FROM note WHERE meeting_id = ? AND deleted_at IS NULL
                ORDER BY group_number, created_at, id
                """, arguments: [fixture.meeting.id]).map { $0["detail"] as String? ?? "" }
        }
        #expect(!plan.joined(separator: "\n").contains("TEMP B-TREE"), "\(plan)")
        // And the notes come in that order, without the deleted ones
        let notes = try (0..<6).map { i in
            try fixture.store.saveNote(NoteDraft(meetingID: fixture.meeting.id, stepID: "s", group: [2, 1, 3][i % 3], type: .problem,
                                                 source: .police, text: "Anteckning \(i) – åäö"), now: Double(10 - i))
        }
        try fixture.store.deleteNote(id: notes[0].id, now: 20)
        let read = try fixture.store.writer.read { db in try AppStore.readNotes(db, meetingID: fixture.meeting.id) }
        #expect(read.map(\.text) == [4, 1, 3, 5, 2].map { "Anteckning \($0) – åäö" })
    }
}

@Suite("Whether a cycle is there")
struct CycleExistsTests {
    @Test("a cycle is there, retired or not; an id of none or of a meeting is not")
    func cycleExists() throws {
        let fixture = try Fixture.inMemory()
        let retired = try fixture.store.createCycle(area: "Ludvika – åäö", period: "2027", now: 2)
        try fixture.store.setCycleRetired(id: retired.id, true, now: 3)
        #expect(try fixture.store.cycleExists(id: fixture.cycle.id))
        #expect(try fixture.store.cycleExists(id: retired.id))
        #expect(try !fixture.store.cycleExists(id: retired.id + 1))
        #expect(try !fixture.store.cycleExists(id: -1))
    }
}

@Suite("The home screen's first page")
struct HomeFirstPageTests {
    @Test("the first cycles, whole, enough for the rows asked; a prefix of the whole overview; complete when that is all")
    func firstPage() throws {
        let store = try AppStore.inMemory()
        // 6 cycles of 3 meetings each, made oldest first; the fourth newest retired
        var cycles: [Cycle] = []
        for c in 0..<6 {
            let cycle = try store.createCycle(area: "LPO \(c) – åäö", period: "202\(c)", now: Double(c * 10))
            for m in 0..<3 {
                _ = try store.createMeeting(cycleID: cycle.id, agendaID: "medborgardialog", agendaSnapshot: "id: x\n",
                                            title: "Möte \(c).\(m)", date: "2026-0\(m + 1)-01", place: "", now: Double(c * 10 + m))
            }
            cycles.append(cycle)
        }
        try store.setCycleRetired(id: cycles[2].id, true, now: 100)
        let all = try store.overview()
        for rows in [1, 4, 5, 9, 12, 24] {
            let page = try store.overview(firstRows: rows, showRetired: false)
            #expect(Array(all.prefix(page.overviews.count)) == page.overviews, "\(rows)")
            let shown = page.overviews.filter { !$0.retired }.reduce(0) { $0 + 1 + $1.meetings.count }
            #expect(shown >= rows || page.complete, "\(rows)")
            // No more cycles than needed: without the last one, too few rows.
            let fewer = page.overviews.dropLast().filter { !$0.retired }.reduce(0) { $0 + 1 + $1.meetings.count }
            #expect(fewer < rows, "\(rows)")
            #expect(page.complete == (page.overviews.count == all.count), "\(rows)")
        }
        // The retired cycle's rows count only when it is shown: 13 rows are
        // cycles 5, 4, 3, (2), 1 without it, 5, 4, 3, 2 with it.
        #expect(try store.overview(firstRows: 13, showRetired: false).overviews.count == 5)
        #expect(try store.overview(firstRows: 13, showRetired: true).overviews.count == 4)
        #expect(try store.overview(firstRows: 100, showRetired: true) == (all, true))
    }
}
