// Checklist answers, ratings and summary items; the v2 tables going with
// their meeting; a v1 store upgraded by this build.

import Foundation
import SamtalCore
import GRDB
@testable import SamtalStore
import Testing

@Suite("Checklists, ratings and summary items")
struct StepTests {
    @Test("a checklist answer comes back as written, and setting it again replaces it")
    func checklistUpsert() throws {
        // Given a meeting
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let id = fixture.meeting.id
        // When items are answered out of order, in two steps
        try store.setChecklistAnswer(meetingID: id, stepID: "forberedelser",
                                     answer: ChecklistAnswer(item: 2, done: true, comment: "Lokalen bokad – Åsa ✔"))
        try store.setChecklistAnswer(meetingID: id, stepID: "forberedelser", answer: ChecklistAnswer(item: 0))
        try store.setChecklistAnswer(meetingID: id, stepID: "annat", answer: ChecklistAnswer(item: 0, done: true))
        // Then each step's answers come by item
        #expect(try store.checklistAnswers(meetingID: id, stepID: "forberedelser") == [
            ChecklistAnswer(item: 0, done: false, comment: ""),
            ChecklistAnswer(item: 2, done: true, comment: "Lokalen bokad – Åsa ✔"),
        ])
        // When an item is answered again
        try store.setChecklistAnswer(meetingID: id, stepID: "forberedelser",
                                     answer: ChecklistAnswer(item: 2, done: false, comment: "Ändrat: lokal saknas ö"))
        // Then the new answer replaces the old one
        #expect(try store.checklistAnswers(meetingID: id, stepID: "forberedelser") == [
            ChecklistAnswer(item: 0),
            ChecklistAnswer(item: 2, done: false, comment: "Ändrat: lokal saknas ö"),
        ])
        #expect(try store.checklistAnswers(meetingID: id, stepID: "annat") == [ChecklistAnswer(item: 0, done: true)])
        #expect(try rowCount(store, "checklist_answer") == 3)
        #expect(try store.checklistAnswers(meetingID: id, stepID: "saknas") == [])
        #expect(throws: StoreError.notFound(what: "Meeting 99")) {
            try store.setChecklistAnswer(meetingID: 99, stepID: "s", answer: ChecklistAnswer(item: 0))
        }
    }

    @Test("a rating comes back as written, unrated included, and setting it again replaces it")
    func ratingUpsert() throws {
        // Given a meeting
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let id = fixture.meeting.id
        // When questions of two steps are rated
        let light = Rating(question: 1, value: "yellow", observations: "Fler larm i Tång – ÅÄÖ", comment: "Följ upp 😀")
        let unrated = Rating(question: 0, value: nil, observations: "Inga iakttagelser än", comment: "")
        let impact = Rating(question: 0, value: "4", observations: "", comment: "Stor påverkan på tryggheten")
        try store.setRating(meetingID: id, stepID: "lagesbild", rating: light)
        try store.setRating(meetingID: id, stepID: "lagesbild", rating: unrated)
        try store.setRating(meetingID: id, stepID: "paverkan", rating: impact)
        // Then each step's ratings come by question, and the whole meeting's by step id
        #expect(try store.ratings(meetingID: id, stepID: "lagesbild") == [unrated, light])
        #expect(try store.ratings(meetingID: id) == ["lagesbild": [unrated, light], "paverkan": [impact]])
        let value = try store.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT value FROM rating WHERE question = 0 AND step_id = 'lagesbild'")
        }
        #expect(value?["value"] == DatabaseValue.null)
        // When a question is rated again
        let changed = Rating(question: 1, value: "red", observations: "Värre", comment: "")
        try store.setRating(meetingID: id, stepID: "lagesbild", rating: changed)
        // Then it replaces the old rating
        #expect(try store.ratings(meetingID: id, stepID: "lagesbild") == [unrated, changed])
        #expect(try rowCount(store, "rating") == 3)
        #expect(try store.ratings(meetingID: 99) == [:])
        #expect(throws: StoreError.notFound(what: "Meeting 99")) {
            try store.setRating(meetingID: 99, stepID: "s", rating: Rating(question: 0))
        }
    }

    @Test("a question's contributions come back oldest first with their organisation; a deleted one is gone from the step")
    func ratingContributions() throws {
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let id = fixture.meeting.id
        let police = try store.addRatingContribution(meetingID: id, stepID: "lagesbild", question: 0, from: "Polisen",
                                                     text: "Buskörning vid Åsgatan", now: 10)
        let social = try store.addRatingContribution(meetingID: id, stepID: "lagesbild", question: 0, from: "Socialtjänsten",
                                                     text: "Oro för unga i centrum", now: 11)
        _ = try store.addRatingContribution(meetingID: id, stepID: "annan", question: 0, from: "", text: "Annat steg", now: 12)
        #expect(try store.ratingContributions(meetingID: id, stepID: "lagesbild") == [police, social])
        #expect(police.from == "Polisen" && police.id > 0)
        try store.deleteRatingContribution(id: police.id, now: 20)
        #expect(try store.ratingContributions(meetingID: id, stepID: "lagesbild") == [social])
        #expect(try rowCount(store, "rating_contribution") == 3) // the row stays
        #expect(throws: StoreError.notFound(what: "Contribution \(police.id)")) {
            try store.deleteRatingContribution(id: police.id, now: 21)
        }
        #expect(throws: StoreError.notFound(what: "Meeting 99")) {
            try store.addRatingContribution(meetingID: 99, stepID: "s", question: 0, from: "", text: "x", now: 1)
        }
    }

    @Test("summary items come back as written, in creation order; edits and deletes keep the rest")
    func summaryItems() throws {
        // Given a meeting
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let id = fixture.meeting.id
        // When a decision, a next step and something to carry forward are added
        let decision = try store.addSummaryItem(meetingID: id, stepID: "sammanfattning", kind: .decision,
                                                text: "Medborgarlöfte: trygghet på Järnvägsgatan", owner: "", due: "",
                                                now: 10)
        let next = try store.addSummaryItem(meetingID: id, stepID: "sammanfattning", kind: .nextStep,
                                            text: "Boka trygghetsvandring 😀", owner: "Åsa Öberg", due: "2026-02-01",
                                            now: 11)
        let carry = try store.addSummaryItem(meetingID: id, stepID: "avslut", kind: .carryForward,
                                             text: "Belysningen i gångtunneln – 中文", owner: "Kommunen", due: "",
                                             now: 11)
        // Then they come back as written, in the order they were made
        #expect(decision.id > 0)
        #expect(next.owner == "Åsa Öberg")
        #expect(next.due == "2026-02-01")
        #expect(next.createdAt == 11)
        #expect(try store.summaryItems(meetingID: id) == [decision, next, carry])
        let kinds = try store.writer.read { db in try String.fetchAll(db, sql: "SELECT kind FROM summary_item ORDER BY id") }
        #expect(kinds == ["decision", "next_step", "carry_forward"])
        // When one is edited (meeting, step and time in the value are not the store's to change)
        var edit = next
        edit.kind = .carryForward
        edit.text = "Trygghetsvandring i mars – ändrad"
        edit.owner = "Li Wei"
        edit.due = "2026-03-15"
        edit.stepID = "ignoreras"
        edit.createdAt = 999
        let updated = try store.updateSummaryItem(edit)
        // Then the new text, kind, owner and date are stored, the rest kept
        #expect(updated == SummaryItem(id: next.id, meetingID: id, stepID: "sammanfattning", kind: .carryForward,
                                       text: "Trygghetsvandring i mars – ändrad", owner: "Li Wei", due: "2026-03-15",
                                       createdAt: 11))
        #expect(try store.summaryItems(meetingID: id) == [decision, updated, carry])
        // When one is deleted
        try store.deleteSummaryItem(id: decision.id, now: 20)
        // Then it is hidden but kept, and can be neither edited nor deleted again
        #expect(try store.summaryItems(meetingID: id) == [updated, carry])
        #expect(try rowCount(store, "summary_item") == 3)
        let missing = StoreError.notFound(what: "Summary item \(decision.id)")
        #expect(throws: missing) { try store.updateSummaryItem(decision) }
        #expect(throws: missing) { try store.deleteSummaryItem(id: decision.id, now: 21) }
        #expect(throws: StoreError.notFound(what: "Meeting 99")) {
            try store.addSummaryItem(meetingID: 99, stepID: "s", kind: .decision, text: "x", owner: "", due: "", now: 1)
        }
    }

    @Test("dots on activities count per step, leave out deleted activities, and undo takes the voter's newest")
    func activityVotes() throws {
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let id = fixture.meeting.id
        let walk = try store.addActivity(meetingID: id, stepID: "hur", focusAreaID: nil, what: "Trygghetsvandring",
                                         responsible: "", start: "", end: "", priority: .medium, now: 1)
        let light = try store.addActivity(meetingID: id, stepID: "hur", focusAreaID: nil, what: "Belysning",
                                          responsible: "", start: "", end: "", priority: .medium, now: 2)
        try store.addActivityVote(meetingID: id, stepID: "prio", activityID: walk.id, voter: 1, now: 3)
        try store.addActivityVote(meetingID: id, stepID: "prio", activityID: light.id, voter: 2, now: 4)
        try store.addActivityVote(meetingID: id, stepID: "prio", activityID: walk.id, voter: 2, now: 5)
        try store.addActivityVote(meetingID: id, stepID: "annat", activityID: walk.id, voter: 1, now: 6)
        #expect(try store.activityVotes(meetingID: id, stepID: "prio").map(\.activityID) == [walk.id, light.id, walk.id])
        #expect(try store.undoLastActivityVote(meetingID: id, stepID: "prio", voter: 1)?.activityID == walk.id)
        #expect(try store.activityVotes(meetingID: id, stepID: "prio").map(\.voter) == [2, 2])
        // The plan's dots: this meeting's, the latest that voted on activities.
        #expect(try store.cycleAnalysis(cycleID: fixture.cycle.id).activityDots == [walk.id: 2, light.id: 1])
        try store.deleteActivity(id: light.id, now: 7)
        #expect(try store.activityVotes(cycleID: fixture.cycle.id).map(\.activityID) == [walk.id, walk.id])
        #expect(throws: StoreError.self) { try store.addActivityVote(meetingID: id, stepID: "prio", activityID: light.id, voter: 1, now: 8) }
    }

    @Test("deleting a meeting row takes its focus areas, links, dots, answers, ratings and summary items with it")
    func cascade() throws {
        // Given a meeting with something in every v2 table, and another meeting's answer
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let id = fixture.meeting.id
        let other = try store.createMeeting(cycleID: fixture.cycle.id, agendaID: "a", agendaSnapshot: "", title: "kvar",
                                            date: "", place: "", now: 5)
        let area = try store.createFocusArea(meetingID: id, stepID: "fokus", name: "A", type: .place, now: 1)
        let note = try store.saveNote(fixture.draft("x"), now: 1)
        try store.assignNote(noteID: note.id, to: area.id)
        _ = try store.addVote(meetingID: id, stepID: "r", focusAreaID: area.id, voter: 1, now: 2)
        try store.setChecklistAnswer(meetingID: id, stepID: "c", answer: ChecklistAnswer(item: 0, done: true))
        try store.setChecklistAnswer(meetingID: other.id, stepID: "c", answer: ChecklistAnswer(item: 0, done: true))
        try store.setRating(meetingID: id, stepID: "b", rating: Rating(question: 0, value: "3"))
        _ = try store.addSummaryItem(meetingID: id, stepID: "s", kind: .decision, text: "x", owner: "", due: "", now: 3)
        // When the meeting row is deleted
        try store.writer.write { db in try db.execute(sql: "DELETE FROM meeting WHERE id = ?", arguments: [id]) }
        // Then nothing of it is left, and the other meeting keeps its own
        let tables = ["focus_area", "focus_area_note", "vote", "checklist_answer", "rating", "summary_item"]
        #expect(try tables.map { try rowCount(store, $0) } == [0, 0, 0, 1, 0, 0])
    }
}

@Suite("Upgrading a v1 store")
struct UpgradeTests {
    @Test("a v1 store file opens with this build, gets a copy first, and keeps its notes")
    func upgradeFromV1() throws {
        // Given a store file written by a build that only knew v1, with a cycle, a meeting and notes
        let temp = try TempFolder()
        let path = temp.file("samtal.sqlite")
        var v1Only = DatabaseMigrator()
        v1Only.registerMigration("v1", migrate: Schema.v1)
        let kept: Note
        do {
            let fixture = try Fixture(oldStore: AppStore(path: path, migrator: v1Only))
            kept = try saveOldNote(fixture.store, fixture.draft("Från v1 – åäö ÅÄÖ 😀"), now: 1)
            try saveOldNote(fixture.store, fixture.draft("raderad i v1"), now: 2, deleted: true)
            let meetingID = fixture.meeting.id
            try fixture.store.writer.write { db in
                try db.execute(sql: "INSERT INTO step_time (meeting_id, step_id, seconds) VALUES (?, 'lagesbild', 42)",
                               arguments: [meetingID])
            }
        }
        // When this build opens it
        let store = try AppStore(path: path)
        // Then a private copy of the v1 store was made first
        let copy = try #require(store.migrationBackupPath)
        #expect(copy.hasPrefix(path + ".before-migration-"))
        #expect(mode(of: copy) == 0o600)
        let queue = try DatabaseQueue(path: copy)
        let (copyMigrations, copyTables) = try queue.read { db in
            (try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
             try db.tableExists("focus_area"))
        }
        try queue.close()
        #expect(copyMigrations == ["v1"])
        #expect(copyTables == false)
        // And the store is now at the current schema with its notes, meeting and step time as they were
        let migrations = try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        }
        #expect(Set(migrations) == Set(Schema.migrator.migrations))
        #expect(try store.notes(meetingID: kept.meetingID) == [kept])
        #expect(try store.stepSeconds(meetingID: kept.meetingID) == ["lagesbild": 42])
        #expect(try store.meeting(id: kept.meetingID)?.title == "Medarbetardialog")
        // And the old notes can be built into focus areas
        let area = try store.createFocusArea(meetingID: kept.meetingID, stepID: "fokus", name: "Fokus – ö",
                                             type: .place, now: 4)
        try store.assignNote(noteID: kept.id, to: area.id)
        #expect(try store.focusAreas(meetingID: kept.meetingID).map(\.noteIDs) == [[kept.id]])
        // And opening it again needs no second copy
        #expect(try AppStore(path: path).migrationBackupPath == nil)
    }

    @Test("a store this build's migrator brought only up to v1 is upgraded the same way")
    func migrateUpToV1() throws {
        // Given a store file migrated up to "v1" only, then given a note by a v1 build
        let temp = try TempFolder()
        let path = temp.file("samtal.sqlite")
        try FileModes.createPrivateFile(path)
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v1")
            try queue.close()
        }
        var v1Only = DatabaseMigrator()
        v1Only.registerMigration("v1", migrate: Schema.v1)
        do {
            let fixture = try Fixture(oldStore: AppStore(path: path, migrator: v1Only))
            #expect(fixture.store.migrationBackupPath == nil)
            try saveOldNote(fixture.store, fixture.draft("bara v1 – åäö"), now: 1)
        }
        // When this build opens it
        let store = try AppStore(path: path)
        // Then it was copied and upgraded, the note kept
        #expect(store.migrationBackupPath != nil)
        #expect(store.warnings.isEmpty)
        #expect(try store.notes(meetingID: 1).map(\.text) == ["bara v1 – åäö"])
        #expect(try store.focusAreas(meetingID: 1) == [])
    }
}
