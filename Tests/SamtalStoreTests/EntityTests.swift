// Cycles and meetings: round trips through the store, and the order lists
// come back in.

import Foundation
import SamtalCore
import GRDB
@testable import SamtalStore
import Testing

@Suite("Cycles and meetings")
struct EntityTests {
    @Test("a cycle comes back as it was written, non-ASCII text included")
    func cycleRoundTrip() throws {
        // Given an empty store
        let store = try AppStore.inMemory()
        // When a cycle with Swedish, emoji and CJK text is created
        let created = try store.createCycle(area: "Norra Ängby 😀 中", period: "höst 2026", now: 1_700_000_000.25)
        // Then it is listed exactly as created
        #expect(try store.cycles() == [created])
        #expect(created.area == "Norra Ängby 😀 中")
        #expect(created.period == "höst 2026")
        #expect(created.createdAt == 1_700_000_000.25)
    }

    @Test("a meeting, its facts, participants and agenda snapshot come back as written")
    func meetingRoundTrip() throws {
        // Given a cycle
        let store = try AppStore.inMemory()
        let cycle = try store.createCycle(area: "Ludvika", period: "2026", now: 10)
        let snapshot = "id: medborgardialog\ntitle: Medborgardialog – åäö 😀 中\nsteps: []\n"
        // When a meeting is created and its facts are saved
        let created = try store.createMeeting(cycleID: cycle.id, agendaID: "medborgardialog", agendaSnapshot: snapshot,
                                              title: "Dialog i Tång 中", date: "2026-03-02", place: "Folkets hus 😀",
                                              groupCount: 4, now: 11)
        let facts = MethodFacts(date: "2026-03-03", place: "Bibliotek – Ö", form: .safetyWalk,
                                facilitator: "Åsa Öberg", noteTakers: "Li Wei 李伟, Ärla",
                                participants: [
                                    ParticipantRow(organisationRole: "Polisen – kommunpolis", headCount: 2, women: 1, men: 1),
                                    ParticipantRow(organisationRole: "Medborgare 😀", headCount: 12, women: 5, men: 6, otherOrUnstated: 1),
                                    ParticipantRow(organisationRole: "Fastighetsägare", headCount: 1, men: 1),
                                ])
        let saved = try store.saveFacts(meetingID: created.id, title: "Trygghetsvandring Tång", facts: facts, groupCount: 5)
        // Then reading it back gives the same values, rows in the same order
        let read = try #require(try store.meeting(id: created.id))
        #expect(read == saved)
        #expect(read.title == "Trygghetsvandring Tång")
        #expect(read.facts == facts)
        #expect(read.groupCount == 5)
        #expect(read.status == .planned)
        #expect(read.currentStepIndex == 0)
        #expect(read.agendaID == "medborgardialog")
        #expect(read.createdAt == 11)
        #expect(try store.agendaSnapshot(meetingID: created.id) == snapshot)
        #expect(try store.meetings(cycleID: cycle.id) == [read])
        #expect(try store.overview() == [CycleOverview(cycle: cycle, meetings: [read])])
    }

    @Test("a meeting's outline (agenda, current step) is what reading it says; none for a meeting that is not there")
    func meetingOutline() throws {
        let fixture = try Fixture.inMemory()
        let outline = try #require(try fixture.store.meetingOutline(id: fixture.meeting.id))
        #expect(outline.agendaID == "medarbetardialog-vad" && outline.stepIndex == 0)
        #expect(try fixture.store.meeting(id: fixture.meeting.id + 1) == nil)
        #expect(try fixture.store.meetingOutline(id: fixture.meeting.id + 1) == nil)
    }

    @Test("a meeting's outline, on a store file: on the connection that inspected it, and once the watcher has that one")
    func meetingOutlineOnAFile() throws {
        let temp = try TempFolder()
        let fixture = try Fixture(store: AppStore(path: temp.file("samtal.sqlite")))
        let id = fixture.meeting.id
        try fixture.store.moveToStep(meetingID: id, leaving: "lagesbild", seconds: 1, toIndex: 2, now: 5)
        #expect(try fixture.store.meetingOutline(id: id)?.stepIndex == 2)
        #expect(try fixture.store.meetingOutline(id: id + 1) == nil)
        let watcher = try ChangeWatcher(store: fixture.store)
        defer { watcher.close() }
        #expect(try fixture.store.meetingOutline(id: id)?.agendaID == "medarbetardialog-vad")
        #expect(try fixture.store.meetingOutline(id: id)?.stepIndex == 2)
        #expect(try fixture.store.meetingOutline(id: id + 1) == nil)
    }

    @Test("saving facts again replaces the participant rows and keeps their new order")
    func saveFactsReplacesParticipants() throws {
        // Given a meeting with three participant rows
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let a = ParticipantRow(organisationRole: "A", headCount: 1, women: 1)
        let b = ParticipantRow(organisationRole: "B", headCount: 2, men: 2)
        let c = ParticipantRow(organisationRole: "C", headCount: 3, otherOrUnstated: 3)
        _ = try store.saveFacts(meetingID: fixture.meeting.id, title: "t",
                                facts: MethodFacts(participants: [a, b, c]), groupCount: 3)
        // When the facts are saved with two rows in another order
        _ = try store.saveFacts(meetingID: fixture.meeting.id, title: "t",
                                facts: MethodFacts(participants: [c, a]), groupCount: 3)
        // Then only those two rows remain, in that order
        #expect(try store.meeting(id: fixture.meeting.id)?.facts.participants == [c, a])
    }

    @Test("a meeting cannot be created in, or facts saved to, something that is not there")
    func notFound() throws {
        let store = try AppStore.inMemory()
        #expect(throws: StoreError.notFound(what: "Cycle 42")) {
            try store.createMeeting(cycleID: 42, agendaID: "x", agendaSnapshot: "", title: "", date: "", place: "", now: 0)
        }
        #expect(throws: StoreError.notFound(what: "Meeting 7")) {
            try store.saveFacts(meetingID: 7, title: "", facts: MethodFacts(), groupCount: 3)
        }
        #expect(try store.meeting(id: 7) == nil)
        #expect(try store.agendaSnapshot(meetingID: 7) == nil)
    }

    @Test("starting sets running once; finishing adds the time and sets finished")
    func startAndFinish() throws {
        // Given a planned meeting with 60 s stored on a step
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let id = fixture.meeting.id
        try store.recordStepTime(meetingID: id, stepID: "inledning", seconds: 60)
        // When it is started
        #expect(try store.startMeeting(meetingID: id).status == .running)
        // Then starting again leaves it running
        #expect(try store.startMeeting(meetingID: id).status == .running)
        // When it is finished with 30 more seconds on that step
        let finished = try store.finishMeeting(meetingID: id, stepID: "inledning", seconds: 30, now: 5_000)
        // Then it is finished, with the time added and the finish time stored
        #expect(finished.status == .finished)
        #expect(try store.meeting(id: id)?.status == .finished)
        #expect(try store.stepSeconds(meetingID: id) == ["inledning": 90])
        let finishedAt = try store.writer.read { db in
            try Double.fetchOne(db, sql: "SELECT finished_at FROM meeting WHERE id = ?", arguments: [id])
        }
        #expect(finishedAt == 5_000)
        // And starting a finished meeting does not reopen it
        #expect(try store.startMeeting(meetingID: id).status == .finished)
    }

    @Test("a meeting only looked at is planned again, without its time; one written in meanwhile stays running")
    func unstart() throws {
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let id = fixture.meeting.id
        try store.startMeeting(meetingID: id)
        try store.recordStepTime(meetingID: id, stepID: "inledning", seconds: 30, clockFrom: 1_000)
        #expect(try store.unstartMeeting(meetingID: id))
        #expect(try store.meeting(id: id)?.status == .planned)
        #expect(try store.stepSeconds(meetingID: id).isEmpty)
        #expect(try store.meeting(id: id)?.clockFrom == nil)
        // Another terminal saved a note meanwhile: the meeting was held.
        try store.startMeeting(meetingID: id)
        try store.saveNote(fixture.draft("Mopeder på gångvägen"), now: 2_000)
        #expect(try !store.unstartMeeting(meetingID: id))
        #expect(try store.meeting(id: id)?.status == .running)
    }

    @Test("cycles and meetings are listed newest first")
    func overviewOrdering() throws {
        // Given two cycles, the second created later
        let store = try AppStore.inMemory()
        let older = try store.createCycle(area: "Äldre", period: "2025", now: 100)
        let newer = try store.createCycle(area: "Nyare", period: "2026", now: 200)
        // And meetings in the older cycle with dates and creation times in a mixed order
        func meeting(_ title: String, date: String, now: Double, cycle: Cycle = older) throws -> Meeting {
            try store.createMeeting(cycleID: cycle.id, agendaID: "a", agendaSnapshot: "", title: title, date: date,
                                    place: "", now: now)
        }
        let january = try meeting("januari", date: "2026-01-10", now: 300)
        let march = try meeting("mars", date: "2026-03-01", now: 301)
        let februaryEarly = try meeting("februari tidig", date: "2026-02-05", now: 302)
        let februaryLate = try meeting("februari sen", date: "2026-02-05", now: 303)
        let februaryTieA = try meeting("februari lika A", date: "2026-02-05", now: 303)
        let other = try meeting("annan cykel", date: "2020-01-01", now: 50, cycle: newer)
        // When the overview is read
        let overview = try store.overview()
        // Then the newer cycle comes first, and meetings go by date, then creation time, then id, all descending
        #expect(overview.map(\.cycle) == [newer, older])
        #expect(overview[0].meetings == [other])
        #expect(overview[1].meetings.map(\.title) == [march, februaryTieA, februaryLate, februaryEarly, january].map(\.title))
        #expect(try store.meetings(cycleID: older.id) == overview[1].meetings)
        #expect(try store.meetings(cycleID: nil).map(\.title)
                == [march, februaryTieA, februaryLate, februaryEarly, january, other].map(\.title))
        #expect(try store.cycles() == [newer, older])
    }

    @Test("deleting a meeting row takes its participants, notes and step times with it")
    func cascade() throws {
        // Given a meeting with a participant, a note and step time
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let id = fixture.meeting.id
        _ = try store.saveFacts(meetingID: id, title: "t",
                                facts: MethodFacts(participants: [ParticipantRow(organisationRole: "x", headCount: 1)]),
                                groupCount: 3)
        try store.saveNote(fixture.draft("en anteckning"), now: 2_000)
        try store.recordStepTime(meetingID: id, stepID: "lagesbild", seconds: 5)
        // When the meeting row is deleted
        try store.writer.write { db in try db.execute(sql: "DELETE FROM meeting WHERE id = ?", arguments: [id]) }
        // Then nothing of it is left
        let left = try store.writer.read { db in
            try ["participant", "note", "step_time"].map {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1
            }
        }
        #expect(left == [0, 0, 0])
    }

    @Test("errors say what happened and what to do")
    func errorDescriptions() {
        let damaged = StoreError.damaged(path: "/x/s.sqlite", detail: "it is not a database").description
        #expect(damaged == "samtal cannot read the store at /x/s.sqlite (it is not a database). It has not been changed. "
                + "Restore a backup, or move the file away to start a new store.")
        #expect(StoreError.newerVersion(path: "/x/s.sqlite").description.contains("/x/s.sqlite"))
        #expect(StoreError.newerVersion(path: "/x/s.sqlite").description.contains("newer version"))
        #expect(StoreError.notFound(what: "Meeting 3").description.hasPrefix("Meeting 3 is not in the store"))
    }
}
