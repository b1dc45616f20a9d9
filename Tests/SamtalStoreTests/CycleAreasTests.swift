// The cycle's focus areas are one set: merges keep where an area was
// proposed, the priority is the deciding meeting's, and a finished meeting
// keeps its snapshot.

import Foundation
import GRDB
@testable import SamtalCore
@testable import SamtalStore
import Testing

@Suite("The cycle's focus areas")
struct CycleAreasTests {
    /// A second meeting of the fixture's cycle, made after the first.
    private func jointMeeting(_ f: Fixture) throws -> Meeting {
        try f.store.createMeeting(cycleID: f.cycle.id, agendaID: "gemensam-lagesbild", agendaSnapshot: "id: gemensam-lagesbild\n",
                                  title: "Gemensam lägesbild", date: "2026-03-01", place: "Kommunhuset", now: 2_000)
    }

    @Test("a cluster step gathering the cycle's notes has every meeting's, oldest meeting first, without its own step's")
    func clusterGathersTheCyclesNotesInMeetingOrder() throws {
        // Given a cycle of three meetings, made out of date order, with notes
        let f = try Fixture.inMemory()
        let joint = try jointMeeting(f)  // 2026-03-01
        let third = try f.store.createMeeting(cycleID: f.cycle.id, agendaID: "x", agendaSnapshot: "id: x\n", title: "Medborgardialog",
                                              date: "2026-02-01", place: "", now: 3_000)
        let other = try f.store.createCycle(area: "LPO Norberg", period: "2026", now: 3_500)
        let elsewhere = try f.store.createMeeting(cycleID: other.id, agendaID: "x", agendaSnapshot: "id: x\n", title: "Annan cykel",
                                                  date: "2026-02-15", place: "", now: 3_600)
        var clock = 10.0
        func note(_ meeting: Meeting, _ step: String, _ text: String) throws {
            clock += 1
            _ = try f.store.saveNote(NoteDraft(meetingID: meeting.id, stepID: step, group: 1, type: .problem, source: .employee,
                                               text: text), now: clock)
        }
        try note(joint, "kluster", "Gemensamma mötets egen lapp")
        try note(joint, "samla", "Gemensamt – Storgatan")
        try note(third, "samla", "Medborgare – Ågatan")
        try note(f.meeting, "lagesbild", "Medarbetare – Torget")
        try note(elsewhere, "samla", "Annan cykel – syns inte")
        // When the joint meeting's cluster step is read
        let query = StepQuery(meetingID: joint.id, cycleID: f.cycle.id, stepID: "kluster", kind: .cluster, notesFromCycle: true)
        let data = try f.store.stepData(query)
        // Then the notes are the cycle's, oldest meeting first (by date), without the step's own
        #expect(data.sourceNotes.map(\.text) == ["Medarbetare – Torget", "Medborgare – Ågatan", "Gemensamt – Storgatan"])
        #expect(data.notes.map(\.text) == ["Gemensamma mötets egen lapp"])
    }

    @Test("a first reading of a screenful reads whole meetings, oldest first, until it has that many, and counts the rest")
    func firstReadingReadsAScreenful() throws {
        // Given a cycle of four meetings: three with 5 notes each (one
        // deleted in the last), and the joint one with notes of its own step
        let f = try Fixture.inMemory()
        var meetings = [f.meeting]
        for (i, date) in ["2026-02-01", "2026-02-15"].enumerated() {
            meetings.append(try f.store.createMeeting(cycleID: f.cycle.id, agendaID: "x", agendaSnapshot: "id: x\n", title: "Möte \(i)",
                                                      date: date, place: "", now: Double(1_000 + i)))
        }
        let joint = try jointMeeting(f)
        var clock = 10.0
        var ids: [Int64] = []
        for meeting in meetings {
            for n in 0..<5 {
                clock += 1
                ids.append(try f.store.saveNote(NoteDraft(meetingID: meeting.id, stepID: "samla", group: 1, type: .problem,
                                                          source: .employee, text: "\(meeting.title) \(n)"), now: clock).id)
            }
        }
        try f.store.deleteNote(id: ids.last!, now: 100)
        for text in ["Egen 1", "Egen 2"] {
            _ = try f.store.saveNote(NoteDraft(meetingID: joint.id, stepID: "kluster", group: 1, type: .problem, source: .employee,
                                               text: text), now: 200)
        }
        _ = try f.store.saveNote(NoteDraft(meetingID: joint.id, stepID: "samla", group: 1, type: .problem, source: .employee,
                                           text: "Gemensamt"), now: 201)
        let query = StepQuery(meetingID: joint.id, cycleID: f.cycle.id, stepID: "kluster", kind: .cluster, notesFromCycle: true)
        let whole = try f.store.stepData(query)
        #expect(whole.sourceNotes.count == 15 && whole.sourceNotesNotRead == 0)

        // When the first reading asks for 6 notes
        let first = try f.store.stepData(query, firstNotes: 6)
        // Then it has the first two meetings' (whole), the first notes of
        // the whole reading, and counts the rest but the deleted note and
        // the step's own
        #expect(first.sourceNotes == Array(whole.sourceNotes.prefix(10)))
        #expect(first.sourceNotesNotRead == 5)
        #expect(first.notes == whole.notes)
        // And asking for more than there are reads them all
        #expect(try f.store.stepData(query, firstNotes: 100) == whole)

        // When a focus area holds a note of a meeting not read
        let area = try f.store.createFocusArea(meetingID: joint.id, stepID: "kluster", name: "Torget", type: .place, now: 300)
        try f.store.assignNote(noteID: ids[12], to: area.id)
        // Then everything is read (the areas' list shows their notes)
        let withArea = try f.store.stepData(query, firstNotes: 6)
        #expect(withArea.sourceNotesNotRead == 0)
        #expect(withArea == (try f.store.stepData(query)))
        // And a note of a meeting read leaves the rest to come
        try f.store.assignNote(noteID: ids[12], to: nil)
        try f.store.assignNote(noteID: ids[1], to: area.id)
        #expect(try f.store.stepData(query, firstNotes: 6).sourceNotesNotRead == 5)
    }

    @Test("a merged area's meetings go with it, also through a second merge")
    func provenanceFollowsMerges() throws {
        let f = try Fixture.inMemory()
        let joint = try jointMeeting(f)
        let employees = try f.store.createFocusArea(meetingID: f.meeting.id, stepID: "fokus", name: "Storgatan", type: .place, now: 1)
        let third = try f.store.createMeeting(cycleID: f.cycle.id, agendaID: "x", agendaSnapshot: "id: x\n", title: "Medborgardialog",
                                              date: "2026-02-01", place: "", now: 1_500)
        let citizens = try f.store.createFocusArea(meetingID: third.id, stepID: "fokus", name: "Storgatan", type: .place, now: 2)
        let decided = try f.store.createFocusArea(meetingID: joint.id, stepID: "fokus", name: "Storgatan centrum", type: .place, now: 3)
        try f.store.mergeFocusArea(employees.id, into: citizens.id, now: 4)
        #expect(try f.store.focusAreas(cycleID: f.cycle.id).first { $0.id == citizens.id }?.proposedIn == [third.id, f.meeting.id])
        try f.store.mergeFocusArea(citizens.id, into: decided.id, now: 5)
        let areas = try f.store.focusAreas(cycleID: f.cycle.id)
        #expect(areas.map(\.id) == [decided.id])
        // Its own meeting first, then the others oldest first.
        #expect(areas[0].proposedIn == [joint.id, f.meeting.id, third.id])
    }

    @Test("an area split off keeps its type and where the area it came from was proposed; notes move into it as into any")
    func splitKeepsProvenance() throws {
        let f = try Fixture.inMemory()
        let joint = try jointMeeting(f)
        let whole = try f.store.createFocusArea(meetingID: f.meeting.id, stepID: "fokus", name: "Centrum", type: .crimeType, now: 1)
        let note = try f.store.saveNote(f.draft("Klotter vid busstorget"), now: 2)
        try f.store.assignNote(noteID: note.id, to: whole.id)
        let part = try f.store.splitFocusArea(whole.id, name: "Busstorget", meetingID: joint.id, stepID: "fokusomraden", now: 3)
        #expect(part.type == .crimeType && part.meetingID == joint.id && part.noteIDs.isEmpty)
        #expect(part.proposedIn == [joint.id, f.meeting.id])
        try f.store.assignNote(noteID: note.id, to: part.id)
        let areas = try f.store.focusAreas(cycleID: f.cycle.id)
        #expect(areas.map(\.name) == ["Centrum", "Busstorget"])
        #expect(areas[1].noteIDs == [note.id] && areas[0].noteIDs.isEmpty)
        #expect(areas[0].proposedIn == [f.meeting.id]) // the one split keeps its own
        // In the workspace (no meeting): filed under the area's own meeting, of the type chosen.
        let other = try f.store.splitFocusArea(whole.id, name: "Köpcentrum", type: .place, meetingID: nil, stepID: "workspace", now: 4)
        #expect(other.meetingID == f.meeting.id && other.type == .place && other.proposedIn == [f.meeting.id])
    }

    @Test("the joint meeting's vote on the cycle's areas has the dots the other meetings gave them")
    func theJointVoteReadsTheEarlierMeetingsDots() throws {
        let f = try Fixture.inMemory()
        let joint = try jointMeeting(f)
        let centrum = try f.store.createFocusArea(meetingID: f.meeting.id, stepID: "fokus", name: "Centrum", type: .place, now: 1)
        let tunnel = try f.store.createFocusArea(meetingID: f.meeting.id, stepID: "fokus", name: "Tunneln", type: .place, now: 2)
        for (area, voter) in [(centrum.id, 1), (centrum.id, 2), (tunnel.id, 1)] {
            _ = try f.store.addVote(meetingID: f.meeting.id, stepID: "prioritera", focusAreaID: area, voter: voter, now: 3)
        }
        _ = try f.store.addVote(meetingID: joint.id, stepID: "prioritera", focusAreaID: tunnel.id, voter: 1, now: 4)
        let data = try f.store.stepData(StepQuery(meetingID: joint.id, cycleID: f.cycle.id, stepID: "prioritera", kind: .vote))
        #expect(data.focusAreasFromCycle)
        #expect(data.earlierDots == [centrum.id: 2, tunnel.id: 1])
        #expect(data.votes.map(\.focusAreaID) == [tunnel.id])
    }

    @Test("the store counts every live note of the cycle by source, in a focus area or not")
    func theSourcesHeardAreAllTheCyclesNotes() throws {
        let f = try Fixture.inMemory()
        let area = try f.store.createFocusArea(meetingID: f.meeting.id, stepID: "fokus", name: "Centrum", type: .place, now: 1)
        let placed = try f.store.saveNote(f.draft("Klotter vid busstorget"), now: 2)
        try f.store.assignNote(noteID: placed.id, to: area.id)
        _ = try f.store.saveNote(f.draft("Fältassistenterna ser fler unga ute", source: .municipality), now: 3)
        let gone = try f.store.saveNote(f.draft("Fel anteckning", source: .police), now: 4)
        try f.store.deleteNote(id: gone.id, now: 5)
        let analysis = try f.store.cycleAnalysis(cycleID: f.cycle.id)
        #expect(try f.store.notesHeard(cycleID: f.cycle.id) == [.employee: 1, .municipality: 1])
        #expect(analysis.notes.keys.sorted() == [placed.id])
    }

    @Test("the priority is the latest voting meeting's; earlier dots are input")
    func theDecidingMeetingRanks() throws {
        let f = try Fixture.inMemory()
        let a = try f.store.createFocusArea(meetingID: f.meeting.id, stepID: "fokus", name: "Stationen", type: .place, now: 1)
        let b = try f.store.createFocusArea(meetingID: f.meeting.id, stepID: "fokus", name: "Storgatan", type: .place, now: 2)
        for _ in 0..<3 { try f.store.addVote(meetingID: f.meeting.id, stepID: "prio", focusAreaID: a.id, voter: 0, now: 3) }
        try f.store.addVote(meetingID: f.meeting.id, stepID: "prio", focusAreaID: b.id, voter: 0, now: 4)
        var analysis = try f.store.cycleAnalysis(cycleID: f.cycle.id)
        #expect(analysis.dots == [a.id: 3, b.id: 1])
        #expect(analysis.decidedIn == f.meeting.id)

        let joint = try jointMeeting(f)
        for _ in 0..<2 { try f.store.addVote(meetingID: joint.id, stepID: "prio", focusAreaID: b.id, voter: 0, now: 5) }
        try f.store.addVote(meetingID: joint.id, stepID: "prio", focusAreaID: a.id, voter: 0, now: 6)
        analysis = try f.store.cycleAnalysis(cycleID: f.cycle.id)
        #expect(analysis.dots == [b.id: 2, a.id: 1])
        #expect(analysis.earlierDots == [a.id: 3, b.id: 1])
        #expect(analysis.decidedIn == joint.id)
        #expect(analysis.rankedFocusAreas.map(\.id) == [b.id, a.id])
    }

    @Test("a finished meeting's snapshot is kept, and replaced when it finishes again")
    func snapshotIsKept() throws {
        let f = try Fixture.inMemory()
        #expect(try f.store.meetingSnapshot(meetingID: f.meeting.id) == nil)
        try f.store.saveMeetingSnapshot(meetingID: f.meeting.id, data: "{\"a\":1}", now: 1)
        try f.store.saveMeetingSnapshot(meetingID: f.meeting.id, data: "{\"a\":2}", now: 2)
        #expect(try f.store.meetingSnapshot(meetingID: f.meeting.id) == "{\"a\":2}")
    }
}

@Suite("Upgrading a v8 store")
struct UpgradeFromV8Tests {
    @Test("a store made by the release before v9 keeps its areas, links, dots, notes and drafts")
    func upgradeFromV8() throws {
        let temp = try TempFolder()
        let path = temp.file("samtal.sqlite")
        var v8 = DatabaseMigrator()
        for (name, migration) in [("v1", Schema.v1), ("v2", Schema.v2), ("v3", Schema.v3), ("v4", Schema.v4), ("v5", Schema.v5),
                                  ("v6", Schema.v6), ("v7", Schema.v7), ("v8", Schema.v8)] {
            v8.registerMigration(name, migrate: migration)
        }
        let meetingID: Int64, cycleID: Int64, notes: [Note], areaIDs: [Int64]
        do {
            // The meeting, notes and drafts are as v8 wrote them; the focus
            // areas and dots are written with v8's columns.
            let f = try Fixture(oldStore: AppStore(path: path, migrator: v8))
            (meetingID, cycleID) = (f.meeting.id, f.cycle.id)
            notes = [try saveOldNote(f.store, f.draft("Buskörning vid Storgatan – åäö"), now: 10),
                     try saveOldNote(f.store, f.draft("Klotter i gångtunneln"), now: 11)]
            try f.store.saveDraft(meetingID: meetingID, station: "run", field: "note/lagesbild", text: "halvskriven", now: 12)
            areaIDs = try f.store.writer.write { db in
                var ids: [Int64] = []
                for (i, name) in ["Storgatan", "Stationen"].enumerated() {
                    try db.execute(sql: """
                        INSERT INTO focus_area (cycle_id, meeting_id, step_id, name, type, target_picture, leads_to_promise,
                                                position, created_at)
                        VALUES (?, ?, 'fokus', ?, 'place', 'Tryggt', 1, ?, 20)
                        """, arguments: [cycleID, meetingID, name, i])
                    ids.append(db.lastInsertedRowID)
                    try db.execute(sql: "INSERT INTO focus_area_note (focus_area_id, note_id, position) VALUES (?, ?, 0)",
                                   arguments: [db.lastInsertedRowID, notes[i].id])
                }
                for (area, n) in [(ids[0], 2), (ids[1], 1)] {
                    for _ in 0..<n {
                        try db.execute(sql: """
                            INSERT INTO vote (meeting_id, step_id, focus_area_id, voter, created_at) VALUES (?, 'prio', ?, 0, 30)
                            """, arguments: [meetingID, area])
                    }
                }
                return ids
            }
        }
        let store = try AppStore(path: path)
        #expect(try store.notes(meetingID: meetingID) == notes)
        #expect(try store.drafts(meetingID: meetingID, station: "run") == ["note/lagesbild": "halvskriven"])
        let areas = try store.focusAreas(cycleID: cycleID)
        #expect(areas.map(\.id) == areaIDs)
        #expect(areas.map(\.noteIDs) == [[notes[0].id], [notes[1].id]])
        #expect(areas.allSatisfy { $0.leadsToPromise && $0.targetPicture == "Tryggt" && $0.proposedIn == [meetingID] })
        #expect(try store.votes(cycleID: cycleID).count == 3)
        #expect(try store.cycleAnalysis(cycleID: cycleID).dots == [areaIDs[0]: 2, areaIDs[1]: 1])
        // And the upgraded areas merge, with their notes and dots.
        try store.mergeFocusArea(areaIDs[1], into: areaIDs[0], now: 40)
        let merged = try store.focusAreas(cycleID: cycleID)
        #expect(merged.map(\.noteIDs) == [[notes[0].id, notes[1].id]])
        #expect(try store.cycleAnalysis(cycleID: cycleID).dots == [areaIDs[0]: 3])
    }
}

@Suite("Upgrading a store of the release before v11")
struct UpgradeFromV10Tests {
    @Test("every kind of record a v10 store holds is there after the upgrade, as it was")
    func everyRecordSurvives() throws {
        let temp = try TempFolder()
        let path = temp.file("samtal.sqlite")
        var v10 = DatabaseMigrator()
        for (name, migration) in [("v1", Schema.v1), ("v2", Schema.v2), ("v3", Schema.v3), ("v4", Schema.v4), ("v5", Schema.v5),
                                  ("v6", Schema.v6), ("v7", Schema.v7), ("v8", Schema.v8), ("v9", Schema.v9), ("v10", Schema.v10)] {
            v10.registerMigration(name, migrate: migration)
        }
        let meeting: Meeting, cycleID: Int64, notes: [Note], areaID: Int64, problem: Problem, chain: [Cause]
        let activities: [Activity], goalID: Int64, promise: Promise, summary: SummaryItem
        do {
            // Written as v10 wrote them: through the store where the record
            // is unchanged since, with v10's columns where it changed.
            let f = try Fixture(oldStore: AppStore(path: path, migrator: v10))
            cycleID = f.cycle.id
            let facts = MethodFacts(date: "2027-01-20", place: "Polishuset", facilitator: "Anna",
                                    participants: [ParticipantRow(organisationRole: "Ingripande", headCount: 9, women: 4, men: 5, kind: .police),
                                                   ParticipantRow(organisationRole: "Socialtjänsten", headCount: 3, women: 2, men: 1,
                                                                  kind: .municipality)])
            meeting = try f.store.saveFacts(meetingID: f.meeting.id, title: "Gemensam lägesbild", facts: facts, groupCount: 2)
            notes = [try saveOldNote(f.store, f.draft("Buskörning vid Storgatan – åäö 😀"), now: 10),
                     try saveOldNote(f.store, f.draft("Klotter i gångtunneln"), now: 11)]
            try f.store.saveDraft(meetingID: meeting.id, station: "run", field: "goal/mal/new/0", text: "Halvskrivet mål", now: 12)
            // Step time as v10 wrote it (the store's write also keeps the
            // room's clock, a table of v13).
            try f.store.writer.write { db in
                try AppStore.addStepTime(db, meetingID: meeting.id, stepID: "inledning", seconds: 600)
            }
            try f.store.setChecklistAnswer(meetingID: meeting.id, stepID: "planering", answer: ChecklistAnswer(item: 1, done: true, comment: "Klart"))
            try f.store.setRating(meetingID: meeting.id, stepID: "bedomning", rating: Rating(question: 0, value: "3", observations: "Fler anmälningar",
                                                                                                comment: "Följ upp"))
            summary = try f.store.addSummaryItem(meetingID: meeting.id, stepID: "summering", kind: .nextStep, text: "Återkoppla på APT",
                                                 owner: "Anna", due: "2027-02-01", now: 13)
            problem = try f.store.saveProblem(meetingID: meeting.id, stepID: "problem", focusAreaID: nil,
                                              answers: [.what: "Skadegörelse kvällstid"], triangle: [.place: "Busstorget"], now: 14)
            chain = try f.store.saveWhyChain(problemID: problem.id, texts: ["Mörkt", "Trasig belysning"], now: 15)
            // The activity's record changed in v13: written with v10's columns.
            let (walkID, lightID) = try f.store.writer.write { db -> (Int64, Int64) in
                try db.execute(sql: """
                    INSERT INTO activity (cycle_id, meeting_id, step_id, what, responsible, start, "end", priority, position, created_at, updated_at)
                    VALUES (?, ?, 'aktiviteter', 'Trygghetsvandring', 'Kommunpolisen', '2027-03-01', '2027-03-31', 'high', 0, 16, 16)
                    """, arguments: [cycleID, meeting.id])
                let walk = db.lastInsertedRowID
                try db.execute(sql: """
                    INSERT INTO activity (cycle_id, meeting_id, step_id, what, responsible, start, "end", priority, position, created_at, updated_at,
                                          status)
                    VALUES (?, ?, 'aktiviteter', 'Belysning', 'Tekniska', '', '', 'medium', 1, 17, 18, 'ongoing')
                    """, arguments: [cycleID, meeting.id])
                let light = db.lastInsertedRowID
                try db.execute(sql: "INSERT INTO activity_dependency (activity_id, depends_on_id) VALUES (?, ?)", arguments: [light, walk])
                return (walk, light)
            }
            let walk = Activity(id: walkID, cycleID: cycleID, meetingID: meeting.id, stepID: "aktiviteter", what: "Trygghetsvandring",
                                responsible: "Kommunpolisen", start: "2027-03-01", end: "2027-03-31", priority: .high, createdAt: 16)
            let light = Activity(id: lightID, cycleID: cycleID, meetingID: meeting.id, stepID: "aktiviteter", what: "Belysning",
                                 responsible: "Tekniska", dependsOn: [walkID], status: .ongoing, createdAt: 17)
            activities = [walk, light]
            // The promise's record changed in v14: written with v10's columns.
            try f.store.writer.write { db in
                try db.execute(sql: "INSERT INTO promise (cycle_id, purpose, validity, updated_at) VALUES (?, 'Tryggare centrum', '2027', 19)",
                               arguments: [cycleID])
            }
            promise = Promise(cycleID: cycleID, sections: [.purpose: "Tryggare centrum", .validity: "2027"], updatedAt: 19)
            try f.store.saveMeetingSnapshot(meetingID: meeting.id, data: "{\"steps\":{}}", now: 20)
            (areaID, goalID) = try f.store.writer.write { db in
                try db.execute(sql: """
                    INSERT INTO focus_area (cycle_id, meeting_id, step_id, name, type, target_picture, leads_to_promise, position, created_at)
                    VALUES (?, ?, 'fokus', 'Storgatan', 'place', 'Tryggt på kvällen', 1, 0, 21)
                    """, arguments: [cycleID, meeting.id])
                let area = db.lastInsertedRowID
                try db.execute(sql: "INSERT INTO focus_area_note (focus_area_id, note_id, position) VALUES (?, ?, 0)", arguments: [area, notes[0].id])
                try db.execute(sql: "INSERT INTO vote (meeting_id, step_id, focus_area_id, voter, created_at) VALUES (?, 'prio', ?, 1, 22)",
                               arguments: [meeting.id, area])
                try db.execute(sql: """
                    INSERT INTO goal (cycle_id, focus_area_id, kind, text, indicator, baseline, target, deadline, owner, position,
                                      created_at, updated_at)
                    VALUES (?, ?, 'effect', 'Minska skadegörelsen med 20 %', 'Anmälningar', '50', '40', '2027-12-31', 'Kommunen', 0, 23, 23)
                    """, arguments: [cycleID, area])
                let goal = db.lastInsertedRowID
                try db.execute(sql: "INSERT INTO goal_activity (goal_id, activity_id) VALUES (?, ?)", arguments: [goal, walk.id])
                try db.execute(sql: """
                    INSERT INTO follow_up (cycle_id, activity_id, goal_id, aspect, status, why, measured_value, date, created_at, updated_at)
                    VALUES (?, ?, NULL, 'resource', 'done', 'Genomförd i maj', '4 vandringar', '2027-06-01', 24, 24)
                    """, arguments: [cycleID, walk.id])
                return (area, goal)
            }
        }
        let store = try AppStore(path: path)
        #expect(try store.meeting(id: meeting.id) == meeting)
        #expect(try store.notes(meetingID: meeting.id) == notes)
        #expect(try store.drafts(meetingID: meeting.id, station: "run") == ["goal/mal/new/0": "Halvskrivet mål"])
        #expect(try store.stepSeconds(meetingID: meeting.id) == ["inledning": 600])
        #expect(try store.checklistAnswers(meetingID: meeting.id, stepID: "planering") == [ChecklistAnswer(item: 1, done: true, comment: "Klart")])
        #expect(try store.ratings(meetingID: meeting.id, stepID: "bedomning").first?.observations == "Fler anmälningar")
        #expect(try store.summaryItems(meetingID: meeting.id) == [summary])
        #expect(try store.problem(meetingID: meeting.id, stepID: "problem", focusAreaID: nil) == problem)
        #expect(try store.whyChain(problemID: problem.id) == chain)
        #expect(try store.activities(cycleID: cycleID) == activities)
        #expect(try store.promise(cycleID: cycleID) == promise)
        #expect(try store.meetingSnapshot(meetingID: meeting.id) == "{\"steps\":{}}")
        let area = try #require(try store.focusAreas(cycleID: cycleID).first)
        #expect(area.id == areaID && area.noteIDs == [notes[0].id] && area.leadsToPromise && area.targetPicture == "Tryggt på kvällen")
        #expect(area.proposedIn == [meeting.id])
        #expect(try store.votes(cycleID: cycleID).map(\.focusAreaID) == [areaID])
        // The new columns: a goal of the workspace, not accepted; an entry of
        // the workspace, without resources.
        let goal = try #require(try store.goals(cycleID: cycleID).first)
        #expect(goal.id == goalID && goal.activityIDs == [activities[0].id] && goal.text == "Minska skadegörelsen med 20 %")
        #expect(!goal.accepted && goal.meetingID == nil && goal.stepID == nil)
        let entry = try #require(try store.followUps(cycleID: cycleID).first)
        #expect(entry.why == "Genomförd i maj" && entry.measuredValue == "4 vandringar" && entry.status == .done)
        #expect(entry.resources == "" && entry.meetingID == nil && entry.assessesStatus)
        #expect(try store.activityVotes(cycleID: cycleID).isEmpty)
    }
}

@Suite("Upgrading a v21 store")
struct UpgradeFromV21Tests {
    @Test("the agenda snapshots leave the meeting rows for a table of their own, each kept as it was")
    func agendaSnapshotsMoved() throws {
        let temp = try TempFolder()
        let path = temp.file("samtal.sqlite")
        var v21 = DatabaseMigrator()
        for (i, name) in Schema.migrator.migrations.enumerated() where i < 21 {
            #expect(name == "v\(i + 1)")
        }
        let all: [(String, @Sendable (Database) throws -> Void)] = [
            ("v1", Schema.v1), ("v2", Schema.v2), ("v3", Schema.v3), ("v4", Schema.v4), ("v5", Schema.v5), ("v6", Schema.v6),
            ("v7", Schema.v7), ("v8", Schema.v8), ("v9", Schema.v9), ("v10", Schema.v10), ("v11", Schema.v11), ("v12", Schema.v12),
            ("v13", Schema.v13), ("v14", Schema.v14), ("v15", Schema.v15), ("v16", Schema.v16), ("v17", Schema.v17),
            ("v18", Schema.v18), ("v19", Schema.v19), ("v20", Schema.v20), ("v21", Schema.v21),
        ]
        for (name, migration) in all { v21.registerMigration(name, migrate: migration) }
        // A long agenda text (as a real one is: ~11 KB) with å ä ö, one
        // meeting without a snapshot, as v21 wrote them.
        let long = String(repeating: "steg: Lägesbild – vad händer i området? åäö\n", count: 250)
        let (cycleID, ids): (Int64, [Int64]) = try {
            let old = try AppStore(path: path, migrator: v21)
            defer { old.close() }
            return try old.writer.write { db in
                try db.execute(sql: "INSERT INTO cycle (area, period, created_at) VALUES ('Fagersta', '2026', 1)")
                let cycle = db.lastInsertedRowID
                var ids: [Int64] = []
                for (i, snapshot) in [long, "", "kort: ja"].enumerated() {
                    try db.execute(sql: """
                        INSERT INTO meeting (cycle_id, agenda_id, agenda_snapshot, title, date, place, form, facilitator,
                                             note_takers, group_count, current_step_index, status, created_at)
                        VALUES (?, 'medarbetardialog-vad', ?, ?, '2026-12-0\(i + 1)', 'Stadshuset', 'physical', '', '', 3, 0, 'planned', ?)
                        """, arguments: [cycle, snapshot, "Möte \(i + 1)", Double(i)])
                    ids.append(db.lastInsertedRowID)
                }
                return (cycle, ids)
            }
        }()
        let store = try AppStore(path: path)
        #expect(try store.agendaSnapshot(meetingID: ids[0]) == long)
        #expect(try store.agendaSnapshot(meetingID: ids[1]) == "")
        #expect(try store.agendaSnapshot(meetingID: ids[2]) == "kort: ja")
        #expect(try store.agendaSnapshot(meetingID: 999) == nil)
        #expect(try store.meetings(cycleID: cycleID).map(\.title) == ["Möte 3", "Möte 2", "Möte 1"])
        // The meeting rows no longer hold the text.
        let columns = try store.writer.read { db in try db.columns(in: "meeting").map(\.name) }
        #expect(!columns.contains("agenda_snapshot"))
        // A meeting made now keeps its snapshot the same way.
        let made = try store.createMeeting(cycleID: cycleID, agendaID: "medarbetardialog-vad", agendaSnapshot: long + "ny",
                                           title: "Nytt möte", date: "2026-12-10", place: "", now: 9)
        #expect(try store.agendaSnapshot(meetingID: made.id) == long + "ny")
    }
}
