// Focus areas and dots: round trips, notes moved between areas, merging,
// deleting, undoing dots, and what a cycle sees.

import Foundation
import SamtalCore
import GRDB
@testable import SamtalStore
import Testing

@Suite("Focus areas and votes")
struct FocusAreaTests {
    @Test("a focus area comes back as written, non-ASCII text included")
    func focusAreaRoundTrip() throws {
        // Given a meeting
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        // When a focus area is created and then renamed, retyped and given a target picture
        let created = try store.createFocusArea(meetingID: fixture.meeting.id, stepID: "fokus", name: "Torget",
                                                type: .place, now: 1_500.5)
        #expect(created.id > 0)
        #expect(created.cycleID == fixture.cycle.id)
        #expect(created.meetingID == fixture.meeting.id)
        #expect(created.stepID == "fokus")
        #expect(created.targetPicture == "")
        #expect(created.noteIDs == [])
        #expect(created.createdAt == 1_500.5)
        _ = try store.renameFocusArea(id: created.id, name: "Skräp på Åsgatan – ÄÖ åäö 😀")
        _ = try store.setFocusAreaType(id: created.id, type: .crimeType)
        let updated = try store.setTargetPicture(id: created.id, text: "Färre anmälningar, tryggare kvällar – 中文")
        // Then the last write returns every change, and reading gives the same
        #expect(updated.name == "Skräp på Åsgatan – ÄÖ åäö 😀")
        #expect(updated.type == .crimeType)
        #expect(updated.targetPicture == "Färre anmälningar, tryggare kvällar – 中文")
        #expect(updated.createdAt == created.createdAt)
        #expect(try store.focusAreas(meetingID: fixture.meeting.id) == [updated])
        // And the type is stored as its raw string
        let raw = try store.writer.read { db in try String.fetchOne(db, sql: "SELECT type FROM focus_area") }
        #expect(raw == "crime_type")
    }

    @Test("focus areas come in creation order, whatever their names")
    func creationOrder() throws {
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let names = ["Öster", "Ängen", "Centrum", "Åby"]
        let areas = try names.enumerated().map { i, name in
            try store.createFocusArea(meetingID: fixture.meeting.id, stepID: "fokus", name: name,
                                      type: FocusAreaType.allCases[i % 3], now: 100)
        }
        #expect(try store.focusAreas(meetingID: fixture.meeting.id) == areas)
        #expect(try store.focusAreas(meetingID: fixture.meeting.id).map(\.name) == names)
    }

    @Test("a note moved between focus areas keeps one link and goes to the end of its new area")
    func moveNote() throws {
        // Given two focus areas, the second with a note of its own, and a note in the first
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let id = fixture.meeting.id
        let first = try store.createFocusArea(meetingID: id, stepID: "fokus", name: "Första", type: .place, now: 1)
        let second = try store.createFocusArea(meetingID: id, stepID: "fokus", name: "Andra", type: .group, now: 2)
        let moving = try store.saveNote(fixture.draft("Mopeder på gång- och cykelvägen"), now: 3)
        let resident = try store.saveNote(fixture.draft("Ungdomar samlas vid kiosken"), now: 4)
        try store.assignNote(noteID: resident.id, to: second.id)
        try store.assignNote(noteID: moving.id, to: first.id)
        #expect(try store.focusAreas(meetingID: id).map(\.noteIDs) == [[moving.id], [resident.id]])
        // When the note is moved to the second area
        try store.assignNote(noteID: moving.id, to: second.id)
        // Then it is only there, after the note the area already had
        #expect(try store.focusAreas(meetingID: id).map(\.noteIDs) == [[], [resident.id, moving.id]])
        #expect(try linkCount(store, noteID: moving.id) == 1)
        // When it is assigned to the area it is already in
        try store.assignNote(noteID: moving.id, to: second.id)
        // Then nothing changes
        #expect(try store.focusAreas(meetingID: id).map(\.noteIDs) == [[], [resident.id, moving.id]])
        // When it is unassigned
        try store.assignNote(noteID: moving.id, to: nil)
        // Then it is in no area, and unassigning again is harmless
        #expect(try store.focusAreas(meetingID: id).map(\.noteIDs) == [[], [resident.id]])
        #expect(try linkCount(store, noteID: moving.id) == 0)
        try store.assignNote(noteID: moving.id, to: nil)
        // And assigning it back puts it last again
        try store.assignNote(noteID: moving.id, to: first.id)
        try store.assignNote(noteID: resident.id, to: first.id)
        #expect(try store.focusAreas(meetingID: id).map(\.noteIDs) == [[moving.id, resident.id], []])
    }

    @Test("a deleted note drops out of its focus area's notes")
    func deletedNoteLeavesArea() throws {
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let area = try store.createFocusArea(meetingID: fixture.meeting.id, stepID: "fokus", name: "Parken",
                                             type: .place, now: 1)
        let kept = try store.saveNote(fixture.draft("kvar"), now: 2)
        let gone = try store.saveNote(fixture.draft("borta"), now: 3)
        try store.assignNote(noteID: gone.id, to: area.id)
        try store.assignNote(noteID: kept.id, to: area.id)
        // When one of its notes is deleted
        try store.deleteNote(id: gone.id, now: 4)
        // Then the area lists only the other one
        #expect(try store.focusAreas(meetingID: fixture.meeting.id).map(\.noteIDs) == [[kept.id]])
        // And the deleted note can no longer be assigned
        #expect(throws: StoreError.notFound(what: "Note \(gone.id)")) {
            try store.assignNote(noteID: gone.id, to: area.id)
        }
    }

    @Test("merging moves the source's notes and votes to the target and deletes the source")
    func merge() throws {
        // Given two areas with notes and dots
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let id = fixture.meeting.id
        let source = try store.createFocusArea(meetingID: id, stepID: "fokus", name: "Nedskräpning", type: .crimeType,
                                               now: 1)
        let target = try store.createFocusArea(meetingID: id, stepID: "fokus", name: "Skadegörelse", type: .crimeType,
                                               now: 2)
        let n1 = try store.saveNote(fixture.draft("Klotter på skolan"), now: 3)
        let n2 = try store.saveNote(fixture.draft("Trasiga lampor"), now: 4)
        let n3 = try store.saveNote(fixture.draft("Skräp vid återvinningen"), now: 5)
        let n4 = try store.saveNote(fixture.draft("Fimpar överallt"), now: 6)
        try store.assignNote(noteID: n1.id, to: target.id)
        try store.assignNote(noteID: n3.id, to: source.id)
        try store.assignNote(noteID: n2.id, to: target.id)
        try store.assignNote(noteID: n4.id, to: source.id)
        let sourceDots = try [1, 2].map {
            try store.addVote(meetingID: id, stepID: "rostning", focusAreaID: source.id, voter: $0, now: 10)
        }
        let targetDot = try store.addVote(meetingID: id, stepID: "rostning", focusAreaID: target.id, voter: 3, now: 11)
        // When the source is merged into the target
        let merged = try store.mergeFocusArea(source.id, into: target.id, now: 20)
        // Then the target has its own notes, then the source's, in their order
        #expect(merged.id == target.id)
        #expect(merged.name == "Skadegörelse")
        #expect(merged.noteIDs == [n1.id, n2.id, n3.id, n4.id])
        #expect(try store.focusAreas(meetingID: id) == [merged])
        // And every dot now counts for the target
        let votes = try store.votes(meetingID: id, stepID: "rostning")
        #expect(votes.map(\.id) == sourceDots.map(\.id) + [targetDot.id])
        #expect(votes.allSatisfy { $0.focusAreaID == target.id })
        // And the source is marked deleted, not removed, and can no longer be changed
        let deletedAt = try store.writer.read { db in
            try Double.fetchOne(db, sql: "SELECT deleted_at FROM focus_area WHERE id = ?", arguments: [source.id])
        }
        #expect(deletedAt == 20)
        #expect(throws: StoreError.notFound(what: "Focus area \(source.id)")) {
            try store.renameFocusArea(id: source.id, name: "x")
        }
        // And merging an area into itself changes nothing
        #expect(try store.mergeFocusArea(target.id, into: target.id, now: 30) == merged)
        #expect(try store.focusAreas(meetingID: id) == [merged])
    }

    @Test("deleting a focus area unassigns its notes and stops counting its votes")
    func deleteArea() throws {
        // Given two areas, one with notes and dots
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let id = fixture.meeting.id
        let doomed = try store.createFocusArea(meetingID: id, stepID: "fokus", name: "Går bort", type: .place, now: 1)
        let other = try store.createFocusArea(meetingID: id, stepID: "fokus", name: "Blir kvar", type: .place, now: 2)
        let note = try store.saveNote(fixture.draft("Rattfylleri på natten"), now: 3)
        try store.assignNote(noteID: note.id, to: doomed.id)
        _ = try store.addVote(meetingID: id, stepID: "rostning", focusAreaID: doomed.id, voter: 1, now: 4)
        let counted = try store.addVote(meetingID: id, stepID: "rostning", focusAreaID: other.id, voter: 1, now: 5)
        _ = try store.addVote(meetingID: id, stepID: "rostning", focusAreaID: doomed.id, voter: 2, now: 6)
        // When the area is deleted
        try store.deleteFocusArea(id: doomed.id, now: 7)
        // Then it is not listed, and its note is in no area and can go elsewhere
        #expect(try store.focusAreas(meetingID: id).map(\.id) == [other.id])
        #expect(try linkCount(store, noteID: note.id) == 0)
        try store.assignNote(noteID: note.id, to: other.id)
        #expect(try store.focusAreas(meetingID: id).map(\.noteIDs) == [[note.id]])
        // And its dots are not counted, though they stay in the store
        #expect(try store.votes(meetingID: id, stepID: "rostning") == [counted])
        #expect(try store.votes(cycleID: fixture.cycle.id) == [counted])
        #expect(try rowCount(store, "vote") == 3)
        // And undo passes over them: the newest counted dot goes
        #expect(try store.undoLastVote(meetingID: id, stepID: "rostning", voter: 2) == nil)
        #expect(try store.undoLastVote(meetingID: id, stepID: "rostning", voter: nil) == counted)
        // And the deleted area can be neither changed, voted on, assigned to nor deleted again
        let missing = StoreError.notFound(what: "Focus area \(doomed.id)")
        #expect(throws: missing) { try store.setTargetPicture(id: doomed.id, text: "x") }
        #expect(throws: missing) { try store.setFocusAreaType(id: doomed.id, type: .group) }
        #expect(throws: missing) {
            try store.addVote(meetingID: id, stepID: "rostning", focusAreaID: doomed.id, voter: 1, now: 8)
        }
        #expect(throws: missing) { try store.assignNote(noteID: note.id, to: doomed.id) }
        #expect(throws: missing) { try store.deleteFocusArea(id: doomed.id, now: 8) }
        #expect(throws: missing) { try store.mergeFocusArea(doomed.id, into: other.id, now: 8) }
        #expect(throws: missing) { try store.mergeFocusArea(other.id, into: doomed.id, now: 8) }
    }

    @Test("undo removes only the newest dot of the step, of the voter when given")
    func undo() throws {
        // Given dots from two groups on two areas, in two steps
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let id = fixture.meeting.id
        let a = try store.createFocusArea(meetingID: id, stepID: "fokus", name: "A", type: .place, now: 1)
        let b = try store.createFocusArea(meetingID: id, stepID: "fokus", name: "B", type: .place, now: 2)
        func dot(_ area: FocusArea, _ voter: Int, _ now: Double, step: String = "rostning") throws -> Vote {
            try store.addVote(meetingID: id, stepID: step, focusAreaID: area.id, voter: voter, now: now)
        }
        let v1 = try dot(a, 1, 10)
        let v2 = try dot(b, 2, 11)
        let v3 = try dot(b, 1, 12)
        let v4 = try dot(a, 2, 13)
        let v5 = try dot(a, 2, 13) // same time: the later id is newer
        let elsewhere = try dot(a, 1, 99, step: "andra-rostningen")
        #expect(v1.voter == 1 && v1.focusAreaID == a.id && v1.stepID == "rostning" && v1.createdAt == 10)
        // When group 1 undoes
        #expect(try store.undoLastVote(meetingID: id, stepID: "rostning", voter: 1) == v3)
        // Then only its newest dot is gone
        #expect(try store.votes(meetingID: id, stepID: "rostning") == [v1, v2, v4, v5])
        // When anyone undoes, twice
        #expect(try store.undoLastVote(meetingID: id, stepID: "rostning", voter: nil) == v5)
        #expect(try store.undoLastVote(meetingID: id, stepID: "rostning", voter: nil) == v4)
        #expect(try store.votes(meetingID: id, stepID: "rostning") == [v1, v2])
        // And a group without dots, or a step without dots, has nothing to undo
        #expect(try store.undoLastVote(meetingID: id, stepID: "rostning", voter: 3) == nil)
        #expect(try store.undoLastVote(meetingID: id, stepID: "ingen", voter: nil) == nil)
        // And the other step was never touched
        #expect(try store.votes(meetingID: id, stepID: "andra-rostningen") == [elsewhere])
    }

    @Test("a cycle's focus areas and dots come meeting by meeting, other cycles left out")
    func cycleWide() throws {
        // Given two meetings in the cycle, the later one created second, and a meeting in another cycle
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let later = try store.createMeeting(cycleID: fixture.cycle.id, agendaID: "a", agendaSnapshot: "",
                                            title: "Uppföljning", date: "2026-02-01", place: "", now: 2_000)
        let otherCycle = try store.createCycle(area: "Ludvika", period: "2026", now: 3_000)
        let stranger = try store.createMeeting(cycleID: otherCycle.id, agendaID: "a", agendaSnapshot: "",
                                               title: "Annat", date: "2026-01-01", place: "", now: 3_001)
        // When areas and dots are added, the later meeting's first
        let late = try store.createFocusArea(meetingID: later.id, stepID: "fokus", name: "Sent", type: .place, now: 10)
        let early1 = try store.createFocusArea(meetingID: fixture.meeting.id, stepID: "fokus", name: "Tidigt 1",
                                               type: .group, now: 11)
        let early2 = try store.createFocusArea(meetingID: fixture.meeting.id, stepID: "fokus", name: "Tidigt 2",
                                               type: .group, now: 12)
        let foreign = try store.createFocusArea(meetingID: stranger.id, stepID: "fokus", name: "Främmande",
                                                type: .place, now: 13)
        let lateDot = try store.addVote(meetingID: later.id, stepID: "r", focusAreaID: late.id, voter: 0, now: 20)
        let earlyDot = try store.addVote(meetingID: fixture.meeting.id, stepID: "r", focusAreaID: early2.id,
                                         voter: 0, now: 21)
        _ = try store.addVote(meetingID: stranger.id, stepID: "r", focusAreaID: foreign.id, voter: 0, now: 22)
        // Then the cycle lists the earlier meeting's first, each meeting's in creation order
        #expect(try store.focusAreas(cycleID: fixture.cycle.id) == [early1, early2, late])
        #expect(try store.votes(cycleID: fixture.cycle.id) == [earlyDot, lateDot])
        // The earlier by date, whenever it was entered: the one entered
        // second but held first comes first.
        let heldFirst = try store.createMeeting(cycleID: fixture.cycle.id, agendaID: "a", agendaSnapshot: "",
                                                title: "Inlagt i efterhand", date: "2025-12-01", place: "", now: 4_000)
        let first = try store.createFocusArea(meetingID: heldFirst.id, stepID: "fokus", name: "Först", type: .place, now: 30)
        #expect(try store.focusAreas(cycleID: fixture.cycle.id) == [first, early1, early2, late])
        #expect(try store.focusAreas(cycleID: otherCycle.id) == [foreign])
        #expect(late.cycleID == fixture.cycle.id)
        // And a meeting lists only its own
        #expect(try store.focusAreas(meetingID: later.id) == [late])
    }

    @Test("nothing is written for a meeting, area or note that is not there")
    func notFound() throws {
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let area = try store.createFocusArea(meetingID: fixture.meeting.id, stepID: "fokus", name: "A", type: .place,
                                             now: 1)
        let note = try store.saveNote(fixture.draft("x"), now: 1)
        #expect(throws: StoreError.notFound(what: "Meeting 99")) {
            try store.createFocusArea(meetingID: 99, stepID: "fokus", name: "x", type: .place, now: 1)
        }
        #expect(throws: StoreError.notFound(what: "Meeting 99")) {
            try store.addVote(meetingID: 99, stepID: "r", focusAreaID: area.id, voter: 1, now: 1)
        }
        #expect(throws: StoreError.notFound(what: "Focus area 77")) {
            try store.addVote(meetingID: fixture.meeting.id, stepID: "r", focusAreaID: 77, voter: 1, now: 1)
        }
        #expect(throws: StoreError.notFound(what: "Focus area 77")) { try store.assignNote(noteID: note.id, to: 77) }
        #expect(throws: StoreError.notFound(what: "Note 55")) { try store.assignNote(noteID: 55, to: area.id) }
        #expect(throws: StoreError.notFound(what: "Focus area 77")) { try store.renameFocusArea(id: 77, name: "x") }
        #expect(try rowCount(store, "focus_area") == 1)
        #expect(try rowCount(store, "focus_area_note") == 0)
        #expect(try rowCount(store, "vote") == 0)
        #expect(try store.focusAreas(meetingID: 99) == [])
        #expect(try store.votes(cycleID: 99) == [])
    }

    @Test("loading a step's dots uses the (meeting_id, step_id) index")
    func voteIndex() throws {
        let store = try AppStore.inMemory()
        let columns = try store.writer.read { db in
            try db.indexes(on: "vote").first { $0.name == "vote_on_meeting_step" }?.columns
        }
        #expect(columns == ["meeting_id", "step_id"])
        let plan = try store.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + AppStore.countedVotes + """
                 WHERE vote.meeting_id = 1 AND vote.step_id = 's' ORDER BY vote.created_at, vote.id
                """).map { $0["detail"] as String? ?? "" }.joined(separator: "\n")
        }
        #expect(plan.contains("USING INDEX vote_on_meeting_step"))
    }
}

func linkCount(_ store: AppStore, noteID: Int64) throws -> Int {
    try store.writer.read { db in
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM focus_area_note WHERE note_id = ?", arguments: [noteID]) ?? -1
    }
}

func rowCount(_ store: AppStore, _ table: String) throws -> Int {
    try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? -1 }
}

@Suite("A merged focus area's problem description goes with it")
struct MergeKeepsProblemTests {
    /// Found by the fifteenth walk: an area with a problem description,
    /// merged in the joint meeting into another meeting's twin, left its
    /// description under "Problem utan fokusområde", out of reach.
    @Test("merged into an area without one, the description is the area's")
    func theDescriptionFollows() throws {
        let f = try Fixture.inMemory()
        let store = f.store
        let later = try store.createMeeting(cycleID: f.cycle.id, agendaID: "a", agendaSnapshot: "", title: "VAD 2",
                                            date: "2026-02-01", place: "", now: 2_000)
        let a = try store.createFocusArea(meetingID: f.meeting.id, stepID: "fokus", name: "Storgatan och centrum", type: .place, now: 10)
        let b = try store.createFocusArea(meetingID: later.id, stepID: "fokus", name: "Storgatan och centrum", type: .place, now: 11)
        let written = try store.saveProblem(meetingID: f.meeting.id, stepID: "problem", focusAreaID: a.id,
                                            answers: [.what: "Buskörning på kvällarna", .where_: "Storgatan"], triangle: [:], now: 12)
        try store.saveWhyChain(problemID: written.id, texts: ["Ingen vuxen ute"], now: 13)
        _ = try store.mergeFocusArea(a.id, into: b.id, now: 14)
        let problem = try #require(try store.problem(meetingID: later.id, stepID: "problem", focusAreaID: b.id))
        #expect(problem.answers[.what] == "Buskörning på kvällarna")
        #expect(problem.answers[.where_] == "Storgatan")
        #expect(try store.whyChain(problemID: problem.id).map(\.text) == ["Ingen vuxen ute"])
        #expect(try store.problems(cycleID: f.cycle.id).allSatisfy { $0.focusAreaID == b.id })
    }

    @Test("merged into an area with one of its own, both texts and both chains are kept in it")
    func bothDescriptionsAreKept() throws {
        let f = try Fixture.inMemory()
        let store = f.store
        let later = try store.createMeeting(cycleID: f.cycle.id, agendaID: "a", agendaSnapshot: "", title: "VAD 2",
                                            date: "2026-02-01", place: "", now: 2_000)
        let a = try store.createFocusArea(meetingID: f.meeting.id, stepID: "fokus", name: "Skolor och narkotika", type: .crimeType, now: 10)
        let b = try store.createFocusArea(meetingID: later.id, stepID: "fokus", name: "Narkotika kring skolor", type: .crimeType, now: 11)
        let pa = try store.saveProblem(meetingID: f.meeting.id, stepID: "problem", focusAreaID: a.id,
                                       answers: [.what: "Försäljning vid skolan", .when_: "Efter skoltid"], triangle: [.place: "Skolgården"], now: 12)
        try store.saveWhyChain(problemID: pa.id, texts: ["Ingen ser det"], now: 13)
        let pb = try store.saveProblem(meetingID: later.id, stepID: "problem", focusAreaID: b.id,
                                       answers: [.what: "Langning till elever", .when_: "Efter skoltid"], triangle: [:], now: 14)
        try store.saveWhyChain(problemID: pb.id, texts: ["Efterfrågan"], now: 15)
        _ = try store.mergeFocusArea(a.id, into: b.id, now: 16)
        let live = try store.problems(cycleID: f.cycle.id)
        #expect(live.count == 1)
        let problem = try #require(live.first)
        #expect(problem.focusAreaID == b.id)
        #expect(problem.answers[.what] == "Langning till elever\n\nFörsäljning vid skolan")
        #expect(problem.answers[.when_] == "Efter skoltid")
        #expect(problem.triangle[.place] == "Skolgården")
        #expect(Set(try store.whyChain(problemID: problem.id).map(\.text)).isSuperset(of: ["Efterfrågan"]))
        let causes = try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT text FROM cause WHERE problem_id = ? AND deleted_at IS NULL ORDER BY position", arguments: [problem.id])
        }
        #expect(causes == ["Efterfrågan", "Ingen ser det"])
    }
}
