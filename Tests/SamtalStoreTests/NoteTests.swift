// Notes: saving, editing, soft deleting, listing; time per step.

import Foundation
import SamtalCore
import GRDB
@testable import SamtalStore
import Testing

@Suite("Notes and step time")
struct NoteTests {
    @Test("a note comes back as written, non-ASCII text included")
    func noteRoundTrip() throws {
        // Given a meeting
        let fixture = try Fixture.inMemory()
        // When a note is saved
        let saved = try fixture.store.saveNote(
            fixture.draft(mixedText, group: 2, type: .opportunity, source: .citizen), now: 1_234.5)
        // Then it has an id and reads back equal
        #expect(saved.id > 0)
        #expect(saved.text == mixedText)
        #expect(saved.group == 2)
        #expect(saved.type == .opportunity)
        #expect(saved.source == .citizen)
        #expect(saved.createdAt == 1_234.5)
        #expect(saved.updatedAt == 1_234.5)
        #expect(try fixture.store.notes(meetingID: fixture.meeting.id, stepID: "lagesbild") == [saved])
        #expect(try fixture.store.notes(meetingID: fixture.meeting.id) == [saved])
    }

    @Test("every note type and source round-trips as its raw string")
    func enumsRoundTrip() throws {
        let fixture = try Fixture.inMemory()
        for (i, type) in NoteType.allCases.enumerated() {
            for (j, source) in NoteSource.allCases.enumerated() {
                try fixture.store.saveNote(fixture.draft("\(type) \(source)", type: type, source: source),
                                           now: Double(i * 10 + j))
            }
        }
        let notes = try fixture.store.notes(meetingID: fixture.meeting.id)
        #expect(notes.count == NoteType.allCases.count * NoteSource.allCases.count)
        #expect(notes.allSatisfy { $0.text == "\($0.type) \($0.source)" })
        let raw = try fixture.store.writer.read { db in
            try String.fetchOne(db, sql: "SELECT type || '/' || source FROM note ORDER BY id LIMIT 1")
        }
        #expect(raw == "problem/employee")
    }

    @Test("a 1 MB note is stored whole")
    func largeNote() throws {
        // Given a text of a million bytes mixing one-, two- and four-byte characters
        let fixture = try Fixture.inMemory()
        let unit = "åäö😀中 abc "
        let text = String(repeating: unit, count: 1_000_000 / unit.utf8.count + 1)
        #expect(text.utf8.count >= 1_000_000)
        // When it is saved
        let saved = try fixture.store.saveNote(fixture.draft(text), now: 1)
        // Then it reads back byte for byte
        let read = try fixture.store.notes(meetingID: fixture.meeting.id, stepID: "lagesbild")
        #expect(read.count == 1)
        #expect(read.first?.text == text)
        #expect(read.first?.id == saved.id)
    }

    @Test("editing a note changes text, group, type and update time only")
    func updateNote() throws {
        // Given a note
        let fixture = try Fixture.inMemory()
        let saved = try fixture.store.saveNote(fixture.draft("Nedsläckt parkering", group: 1, type: .problem), now: 100)
        // When it is edited
        let updated = try fixture.store.updateNote(id: saved.id, text: "Nedsläckt parkering bakom ICA 😀", group: 0,
                                                   type: .decision, now: 200)
        // Then the new values are stored, creation time and source kept
        #expect(updated.text == "Nedsläckt parkering bakom ICA 😀")
        #expect(updated.group == 0)
        #expect(updated.type == .decision)
        #expect(updated.createdAt == 100)
        #expect(updated.updatedAt == 200)
        #expect(updated.source == saved.source)
        #expect(try fixture.store.notes(meetingID: fixture.meeting.id, stepID: "lagesbild") == [updated])
    }

    @Test("a deleted note is hidden everywhere but its row is kept")
    func softDelete() throws {
        // Given two notes
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let keep = try store.saveNote(fixture.draft("kvar"), now: 1)
        let gone = try store.saveNote(fixture.draft("borta"), now: 2)
        // When one is deleted
        try store.deleteNote(id: gone.id, now: 3)
        // Then lists and counts no longer show it
        #expect(try store.notes(meetingID: fixture.meeting.id, stepID: "lagesbild") == [keep])
        #expect(try store.notes(meetingID: fixture.meeting.id) == [keep])
        #expect(try store.noteCount(meetingID: fixture.meeting.id) == 1)
        // And it can be neither edited nor deleted again
        #expect(throws: StoreError.notFound(what: "Note \(gone.id)")) {
            try store.updateNote(id: gone.id, text: "x", group: 1, type: .problem, now: 4)
        }
        #expect(throws: StoreError.notFound(what: "Note \(gone.id)")) { try store.deleteNote(id: gone.id, now: 4) }
        // But the text is still in the store, marked with the deletion time
        let row = try store.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT text, deleted_at FROM note WHERE id = ?", arguments: [gone.id])
        }
        #expect(row?["text"] == "borta")
        #expect(row?["deleted_at"] == 3.0)
    }

    @Test("a step's notes come by group, then time, then id; other steps and meetings stay out")
    func noteOrder() throws {
        // Given notes in several groups, steps and meetings, saved out of order
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let other = try store.createMeeting(cycleID: fixture.cycle.id, agendaID: "a", agendaSnapshot: "", title: "annat",
                                            date: "2026-01-16", place: "", now: 2)
        let g2 = try store.saveNote(fixture.draft("g2 tidig", group: 2), now: 10)
        let g1late = try store.saveNote(fixture.draft("g1 sen", group: 1), now: 30)
        let plenary = try store.saveNote(fixture.draft("plenum", group: 0), now: 40)
        let g1early = try store.saveNote(fixture.draft("g1 tidig", group: 1), now: 20)
        let g1same = try store.saveNote(fixture.draft("g1 samma tid", group: 1), now: 20)
        let otherStep = try store.saveNote(fixture.draft("annat steg", step: "fokus", group: 1), now: 5)
        try store.saveNote(NoteDraft(meetingID: other.id, stepID: "lagesbild", group: 1, type: .problem,
                                     source: .police, text: "annat möte"), now: 1)
        // When the step's notes are read
        let step = try store.notes(meetingID: fixture.meeting.id, stepID: "lagesbild")
        // Then they are in display order
        #expect(step == [plenary, g1early, g1same, g1late, g2])
        // And the whole meeting's notes keep that order within each step
        let all = try store.notes(meetingID: fixture.meeting.id)
        #expect(all.count == 6)
        #expect(all.filter { $0.stepID == "lagesbild" } == step)
        #expect(all.filter { $0.stepID == "fokus" } == [otherStep])
        #expect(try store.noteCount(meetingID: fixture.meeting.id) == 6)
        #expect(try store.noteCount(meetingID: other.id) == 1)
    }

    @Test("loading a step's notes uses an index on the meeting")
    func noteIndex() throws {
        let store = try AppStore.inMemory()
        let columns = try store.writer.read { db in
            try db.indexes(on: "note").first { $0.name == "note_on_meeting_step" }?.columns
        }
        #expect(columns == ["meeting_id", "step_id"])
        let plan = try store.writer.read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT * FROM note
                WHERE meeting_id = 1 AND step_id = 's' AND deleted_at IS NULL
                ORDER BY group_number, created_at, id
                """).map { $0["detail"] as String? ?? "" }.joined(separator: "\n")
        }
        // (Since v25 SQLite may take the meeting's notes in display order
        // from `note_display` and leave out the other steps' instead of
        // sorting: an index either way, never the whole table.)
        #expect(plan.contains("USING INDEX note_on_meeting_step") || plan.contains("USING INDEX note_display"))
        #expect(!plan.contains("SCAN note"))
    }

    @Test("a note for a meeting that is not there is refused")
    func noteForMissingMeeting() throws {
        let store = try AppStore.inMemory()
        #expect(throws: StoreError.notFound(what: "Meeting 99")) {
            try store.saveNote(NoteDraft(meetingID: 99, stepID: "s", group: 1, type: .problem, source: .police,
                                         text: "x"), now: 0)
        }
        #expect(throws: StoreError.notFound(what: "Meeting 99")) {
            try store.recordStepTime(meetingID: 99, stepID: "s", seconds: 1)
        }
    }

    @Test("step time accumulates per step")
    func stepTimeAccumulates() throws {
        // Given a meeting
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let id = fixture.meeting.id
        #expect(try store.stepSeconds(meetingID: id) == [:])
        // When time is recorded several times on two steps
        try store.recordStepTime(meetingID: id, stepID: "inledning", seconds: 30)
        try store.recordStepTime(meetingID: id, stepID: "inledning", seconds: 12.5)
        try store.recordStepTime(meetingID: id, stepID: "lagesbild", seconds: 300)
        try store.recordStepTime(meetingID: id, stepID: "inledning", seconds: -4) // counts as zero
        // Then each step holds the sum of its own
        #expect(try store.stepSeconds(meetingID: id) == ["inledning": 42.5, "lagesbild": 300])
    }

    @Test("moving to a step stores the time and the new step together")
    func moveToStep() throws {
        // Given a meeting on step 0
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let id = fixture.meeting.id
        // When moving from "inledning" to step 1 after 95 s
        try store.moveToStep(meetingID: id, leaving: "inledning", seconds: 95, toIndex: 1)
        // Then both are stored
        #expect(try store.meeting(id: id)?.currentStepIndex == 1)
        #expect(try store.stepSeconds(meetingID: id) == ["inledning": 95])
        // When moving back after 10 s
        try store.moveToStep(meetingID: id, leaving: "lagesbild", seconds: 10, toIndex: 0)
        #expect(try store.meeting(id: id)?.currentStepIndex == 0)
        #expect(try store.stepSeconds(meetingID: id) == ["inledning": 95, "lagesbild": 10])
    }

    @Test("the room's clock: since when the facilitator times the step, kept with its time, gone when it stops or finishes")
    func roomClock() throws {
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let id = fixture.meeting.id
        #expect(try store.meeting(id: id)?.clockFrom == nil)
        try store.recordStepTime(meetingID: id, stepID: "inledning", seconds: 0, clockFrom: 1000)
        #expect(try store.meeting(id: id)?.clockFrom == 1000)
        try store.recordStepTime(meetingID: id, stepID: "inledning", seconds: 30, clockFrom: 1030)
        #expect(try store.meeting(id: id)?.clockFrom == 1030)
        #expect(try store.stepSeconds(meetingID: id) == ["inledning": 30])
        try store.moveToStep(meetingID: id, leaving: "inledning", seconds: 5, toIndex: 1, now: 1035)
        #expect(try store.meeting(id: id)?.clockFrom == 1035)
        // The facilitator quits: the room's clock stands still.
        try store.recordStepTime(meetingID: id, stepID: "lagesbild", seconds: 7, clockFrom: nil)
        #expect(try store.meeting(id: id)?.clockFrom == nil)
        try store.recordStepTime(meetingID: id, stepID: "lagesbild", seconds: 0, clockFrom: 2000)
        _ = try store.finishMeeting(meetingID: id, stepID: "lagesbild", seconds: 3, now: 2003)
        #expect(try store.meeting(id: id)?.clockFrom == nil)
        #expect(try store.stepSeconds(meetingID: id) == ["inledning": 35, "lagesbild": 10])
    }

    @Test("moving to a step is atomic: if the step change fails, the time is not stored either")
    func moveToStepIsAtomic() throws {
        // Given a meeting whose step index cannot be changed (the write fails half-way)
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let id = fixture.meeting.id
        try store.recordStepTime(meetingID: id, stepID: "inledning", seconds: 5)
        try store.writer.write { db in
            try db.execute(sql: """
                CREATE TRIGGER test_refuse_step BEFORE UPDATE OF current_step_index ON meeting
                WHEN NEW.current_step_index <> OLD.current_step_index
                BEGIN SELECT RAISE(ABORT, 'simulated failure'); END
                """)
        }
        // When moving to the next step
        #expect(throws: (any Error).self) {
            try store.moveToStep(meetingID: id, leaving: "inledning", seconds: 60, toIndex: 1)
        }
        // Then neither the time nor the step changed
        #expect(try store.stepSeconds(meetingID: id) == ["inledning": 5])
        #expect(try store.meeting(id: id)?.currentStepIndex == 0)
        // And a missing meeting changes nothing either
        #expect(throws: StoreError.notFound(what: "Meeting 404")) {
            try store.moveToStep(meetingID: 404, leaving: "inledning", seconds: 1, toIndex: 1)
        }
    }
}

@Suite("Cycles renamed and retired")
struct CycleRetirementTests {
    @Test("a cycle is renamed, retired (nothing deleted) and brought back")
    func renameRetireRestore() throws {
        let f = try Fixture.inMemory()
        let renamed = try f.store.renameCycle(id: f.cycle.id, area: "LPO Ludvika", period: "2021-02-01 – 2022-01-31")
        #expect(renamed.area == "LPO Ludvika" && renamed.period == "2021-02-01 – 2022-01-31")
        try f.store.saveNote(f.draft("Mopeder på Storgatan"), now: 1)
        try f.store.setCycleRetired(id: f.cycle.id, true, now: 2)
        let retired = try #require(try f.store.overview().first { $0.cycle.id == f.cycle.id })
        #expect(retired.retired && retired.cycle.area == "LPO Ludvika" && retired.meetings.map(\.id) == [f.meeting.id])
        #expect(try f.store.notes(meetingID: f.meeting.id).count == 1)
        try f.store.setCycleRetired(id: f.cycle.id, true, now: 3) // twice is once
        try f.store.setCycleRetired(id: f.cycle.id, false, now: 4)
        #expect(try f.store.overview().first { $0.cycle.id == f.cycle.id }?.retired == false)
        #expect(throws: StoreError.self) { try f.store.setCycleRetired(id: 999, true, now: 5) }
    }
}
