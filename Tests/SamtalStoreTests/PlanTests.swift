// The v6 records: activities with order and dependencies (cycles refused),
// goals and the activities serving them, the promise, follow-up entries,
// and the cycle's whole analysis read as one value.

import Foundation
import SamtalCore
import GRDB
@testable import SamtalStore
import Testing

@Suite("Activity plan, goals, promise and follow-up")
struct PlanTests {
    func activity(_ f: Fixture, _ what: String, dependsOn: [Int64] = [], area: Int64? = nil) throws -> Activity {
        try f.store.addWorkspaceActivity(
            Activity(id: 0, cycleID: f.cycle.id, meetingID: 0, stepID: "", focusAreaID: area, what: what,
                     responsible: "Anna", organisation: "Kommunen", dependsOn: dependsOn, effectTerm: .longTerm,
                     triangleSide: .placeManager, involvesCitizens: true, status: .ongoing, createdAt: 0),
            now: 5)
    }

    @Test("a workspace activity keeps every field and is filed under its focus area's meeting")
    func workspaceActivity() throws {
        let f = try Fixture.inMemory()
        let area = try f.store.createFocusArea(meetingID: f.meeting.id, stepID: "fokus", name: "Torget", type: .place, now: 1)
        let a = try activity(f, "Trygghetsvandring – åäö 😀", area: area.id)
        #expect(a.meetingID == f.meeting.id)
        #expect(a.stepID == AppStore.workspaceStepID)
        let read = try #require(try f.store.activities(cycleID: f.cycle.id).first)
        #expect(read == a)
        #expect(read.organisation == "Kommunen" && read.effectTerm == .longTerm && read.triangleSide == .placeManager)
        #expect(read.involvesCitizens && read.status == .ongoing)
    }

    @Test("dependencies are stored, and one that would close a cycle is refused with nothing changed")
    func dependencyCycle() throws {
        let f = try Fixture.inMemory()
        let a = try activity(f, "A")
        let b = try activity(f, "B", dependsOn: [a.id])
        let c = try activity(f, "C", dependsOn: [b.id])
        #expect(c.dependsOn == [b.id])
        var changed = a
        changed.dependsOn = [c.id]
        changed.what = "A ändrad"
        #expect(throws: StoreError.dependencyCycle([a.id, c.id, b.id, a.id])) { try f.store.updateActivity(changed, now: 9) }
        let stored = try f.store.activities(cycleID: f.cycle.id)
        #expect(stored.first { $0.id == a.id }?.what == "A")
        #expect(stored.first { $0.id == a.id }?.dependsOn == [])
        var selfLoop = b
        selfLoop.dependsOn = [b.id]
        #expect(throws: StoreError.dependencyCycle([b.id, b.id])) { try f.store.updateActivity(selfLoop, now: 9) }
    }

    @Test("a meeting step's follow-up has one entry per activity and aspect, and its status is the activity's in the plan")
    func stepFollowUp() throws {
        let f = try Fixture.inMemory()
        let a = try activity(f, "Trygghetsvandring")
        let step = FollowUp(id: 0, cycleID: f.cycle.id, activityID: a.id, aspect: .resource, status: .ongoing, why: "Två av tre",
                            createdAt: 0)
        try f.store.saveStepFollowUp(step, meetingID: f.meeting.id, stepID: "genomforande", now: 6)
        var more = step
        more.resources = "40 timmar"
        more.id = 0 // the step's entry is found by its activity and aspect, not its id
        try f.store.saveStepFollowUp(more, meetingID: f.meeting.id, stepID: "genomforande", now: 7)
        try f.store.setStepFollowUpStatus(activityID: a.id, status: .done, date: "2027-12-01", meetingID: f.meeting.id, stepID: "genomforande", now: 8)
        var effect = step
        effect.aspect = .effect
        effect.why = "Färre anmälningar"
        effect.measuredValue = "45 %"
        try f.store.saveStepFollowUp(effect, meetingID: f.meeting.id, stepID: "genomforande", now: 9)
        let entries = try f.store.followUps(meetingID: f.meeting.id, stepID: "genomforande")
        #expect(entries.map(\.aspect) == [.resource, .effect])
        #expect(entries[0].why == "Två av tre" && entries[0].resources == "40 timmar" && entries[0].status == .done)
        #expect(entries[1].measuredValue == "45 %" && entries[1].meetingID == f.meeting.id)
        // The plan: the activity is done, and the cycle's follow-up lists both entries.
        #expect(try f.store.activities(cycleID: f.cycle.id).first?.status == .done)
        #expect(try f.store.followUps(cycleID: f.cycle.id).count == 2)
        try f.store.setStepFollowUpStatus(activityID: a.id, status: .notDone, date: "2027-12-01", meetingID: f.meeting.id, stepID: "genomforande", now: 10)
        #expect(try f.store.activities(cycleID: f.cycle.id).first?.status == .planned)
        try f.store.deleteActivity(id: a.id, now: 11)
        #expect(throws: StoreError.self) {
            try f.store.setStepFollowUpStatus(activityID: a.id, status: .done, date: "2027-12-01", meetingID: f.meeting.id, stepID: "genomforande", now: 12)
        }
    }

    @Test("a goal written in a meeting step remembers where, and is the cycle's like any other")
    func stepGoal() throws {
        let f = try Fixture.inMemory()
        let a = try activity(f, "Trygghetsvandring")
        let goal = try f.store.saveGoal(Goal(id: 0, cycleID: f.cycle.id, kind: .production, text: "Tolv vandringar under 2027",
                                             owner: "Polisen", activityIDs: [a.id], accepted: true, meetingID: f.meeting.id,
                                             stepID: "mal", createdAt: 0), now: 3)
        let read = try #require(try f.store.goals(cycleID: f.cycle.id).first)
        #expect(read == goal)
        #expect(read.meetingID == f.meeting.id && read.stepID == "mal" && read.accepted && read.smartFlags.isEmpty)
    }

    @Test("a goal keeps the activities that serve it; a deleted activity no longer serves")
    func goals() throws {
        let f = try Fixture.inMemory()
        let a = try activity(f, "A")
        let b = try activity(f, "B")
        let goal = try f.store.saveGoal(Goal(id: 0, cycleID: f.cycle.id, kind: .effect, text: "Minska klotter på torget",
                                             indicator: "Anmälningar", target: "−30 %", deadline: "2027-06-30",
                                             owner: "Kommunen", activityIDs: [b.id, a.id, a.id], accepted: true, createdAt: 0), now: 3)
        #expect(goal.activityIDs == [a.id, b.id])
        #expect(goal.accepted) // kept by the store
        #expect(goal.smartFlags.isEmpty)
        try f.store.deleteActivity(id: b.id, now: 4)
        #expect(try f.store.goals(cycleID: f.cycle.id).map(\.activityIDs) == [[a.id]])
        var vague = goal
        vague.text = "Verka för ökad trygghet"
        let saved = try f.store.saveGoal(vague, now: 5)
        #expect(saved.id == goal.id)
        #expect(saved.smartFlags.map(\.letter).contains(.specific))
        try f.store.deleteGoal(id: goal.id, now: 6)
        #expect(try f.store.goals(cycleID: f.cycle.id).isEmpty)
    }

    @Test("the promise is one row per cycle, written whole")
    func promise() throws {
        let f = try Fixture.inMemory()
        #expect(try f.store.promise(cycleID: f.cycle.id) == nil)
        var p = Promise(cycleID: f.cycle.id, sections: [.purpose: "Öka tryggheten – 中文", .validity: "2027"])
        _ = try f.store.savePromise(p, now: 1)
        p.sections = [.signatories: "Polisen och kommunen"]
        let saved = try f.store.savePromise(p, now: 2)
        #expect(saved.sections == [.signatories: "Polisen och kommunen"])
        #expect(try f.store.promise(cycleID: f.cycle.id) == saved)
    }

    @Test("follow-up entries for an activity and a goal; an activity of another cycle is refused")
    func followUps() throws {
        let f = try Fixture.inMemory()
        let a = try activity(f, "A")
        let entry = try f.store.saveFollowUp(FollowUp(id: 0, cycleID: f.cycle.id, activityID: a.id, aspect: .performance,
                                                      status: .notDone, why: "Ingen personal i juli", date: "2027-08-01",
                                                      createdAt: 0), now: 7)
        #expect(try f.store.followUps(cycleID: f.cycle.id) == [entry])
        let other = try f.store.createCycle(area: "Annat", period: "2028", now: 8)
        #expect(throws: StoreError.self) {
            try f.store.saveFollowUp(FollowUp(id: 0, cycleID: other.id, activityID: a.id, createdAt: 0), now: 9)
        }
        try f.store.deleteFollowUp(id: entry.id, now: 10)
        #expect(try f.store.followUps(cycleID: f.cycle.id).isEmpty)
    }

    /// The sixteenth walk: an activity followed up as done in the
    /// workspace stayed "planerad" in the plan (a meeting's follow-up step
    /// changed it; the workspace's entry did not).
    @Test("the latest follow-up of an activity gives it its status in the plan")
    func followUpSetsTheActivitysStatus() throws {
        let f = try Fixture.inMemory()
        let a = try activity(f, "Trafikkontroller vid skolorna")
        func status() throws -> ActivityStatus? { try f.store.activities(cycleID: f.cycle.id).first { $0.id == a.id }?.status }
        let march = try f.store.saveFollowUp(FollowUp(id: 0, cycleID: f.cycle.id, activityID: a.id, status: .ongoing, date: "2027-03-01",
                                                      createdAt: 0), now: 2)
        #expect(try status() == .ongoing)
        try f.store.saveFollowUp(FollowUp(id: 0, cycleID: f.cycle.id, activityID: a.id, status: .done, date: "2027-06-01", createdAt: 0), now: 3)
        #expect(try status() == .done)
        // An older entry changed later does not undo the newer one.
        var older = march
        older.why = "Två av tre skolor"
        try f.store.saveFollowUp(older, now: 4)
        #expect(try status() == .done)
    }

    @Test("the cycle's analysis holds the chain from notes to follow-up")
    func cycleAnalysis() throws {
        let f = try Fixture.inMemory()
        let note = try f.store.saveNote(f.draft("Klotter på torget varje helg"), now: 2)
        let area = try f.store.createFocusArea(meetingID: f.meeting.id, stepID: "fokus", name: "Torget", type: .place, now: 3)
        try f.store.assignNote(noteID: note.id, to: area.id)
        _ = try f.store.addVote(meetingID: f.meeting.id, stepID: "rosta", focusAreaID: area.id, voter: 1, now: 4)
        try f.store.setLeadsToPromise(focusAreaID: area.id, true)
        try f.store.setTargetPicture(id: area.id, text: "Ett torg där alla vill vara")
        let problem = try f.store.saveWorkspaceProblem(focusAreaID: area.id, answers: [.what: "Klotter"], triangle: [.place: "Torget"], now: 5)
        let cause = try f.store.addCause(problemID: problem.id, parentID: nil, text: "Dålig belysning", evidence: .observation, now: 6)
        try f.store.addCause(problemID: problem.id, parentID: cause.id, text: "Trasiga lampor", evidence: .statistics, now: 7)
        let a = try activity(f, "Laga belysningen", area: area.id)
        try f.store.saveGoal(Goal(id: 0, cycleID: f.cycle.id, focusAreaID: area.id, text: "Minska klotter", activityIDs: [a.id],
                                  createdAt: 0), now: 8)
        try f.store.saveFollowUp(FollowUp(id: 0, cycleID: f.cycle.id, activityID: a.id, status: .done, createdAt: 0), now: 9)

        let analysis = try f.store.cycleAnalysis(cycleID: f.cycle.id)
        #expect(analysis.focusAreas.map(\.name) == ["Torget"])
        #expect(analysis.focusAreas.first?.targetPicture == "Ett torg där alla vill vara")
        #expect(analysis.dots[area.id] == 1)
        #expect(analysis.rank(of: area.id) == 1)
        #expect(analysis.promiseAreas == [area.id])
        #expect(analysis.problem(for: area.id)?.answers[.what] == "Klotter")
        #expect(analysis.causeDepths(problemID: problem.id).values.sorted() == [0, 1])
        #expect(analysis.goals(servedBy: a.id).count == 1)
        #expect(analysis.followUps.count == 1)
        #expect(analysis.notes[note.id]?.text == "Klotter på torget varje helg")
        // Saving the workspace problem again changes the same row
        let again = try f.store.saveWorkspaceProblem(focusAreaID: area.id, answers: [.what: "Klotter och skadegörelse"], triangle: [:], now: 10)
        #expect(again.id == problem.id)
    }

    @Test("a follow-up meeting reviews its cycle's plan, else the area's previous cycle's")
    func commitments() throws {
        let f = try Fixture.inMemory()
        #expect(try f.store.commitments(cycleID: f.cycle.id) == nil)
        _ = try activity(f, "Byt belysning")
        #expect(try f.store.commitments(cycleID: f.cycle.id)?.cycle.id == f.cycle.id)
        // A new period for the same area, with no plan yet: last period's.
        let next = try f.store.createCycle(area: f.cycle.area, period: "2027", now: 2_000)
        #expect(try f.store.commitments(cycleID: next.id)?.activities.map(\.what) == ["Byt belysning"])
        // Another area's plan is never shown.
        let other = try f.store.createCycle(area: "LPO Avesta", period: "2027", now: 3_000)
        #expect(try f.store.commitments(cycleID: other.id) == nil)
    }

    @Test("a v5 store upgrades: its activities read as planned, with no dependencies")
    func upgradeFromV5() throws {
        let folder = try TempFolder()
        let path = folder.file("v5.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            var migrator = DatabaseMigrator()
            migrator.registerMigration("v1", migrate: Schema.v1)
            migrator.registerMigration("v2", migrate: Schema.v2)
            migrator.registerMigration("v3", migrate: Schema.v3)
            migrator.registerMigration("v4", migrate: Schema.v4)
            migrator.registerMigration("v5", migrate: Schema.v5)
            try migrator.migrate(queue)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO cycle (area, period, created_at) VALUES ('Fagersta', '2026', 1)")
                try db.execute(sql: """
                    INSERT INTO meeting (cycle_id, agenda_id, title, date, place, form, facilitator, note_takers, group_count,
                                         current_step_index, status, created_at) VALUES (1, 'x', 'M', '', '', 'physical', '', '', 1, 0, 'planned', 1)
                    """)
                try db.execute(sql: """
                    INSERT INTO activity (cycle_id, meeting_id, step_id, what, responsible, start, "end", priority, position,
                                          created_at, updated_at) VALUES (1, 1, 's', 'Gammal aktivitet', 'Per', '', '', 'high', 0, 1, 1)
                    """)
            }
        }
        let store = try AppStore(path: path)
        let activities = try store.activities(cycleID: 1)
        #expect(activities.map(\.what) == ["Gammal aktivitet"])
        #expect(activities.first?.status == .planned && activities.first?.dependsOn == [])
        #expect(activities.first?.effectTerm == nil && activities.first?.triangleSide == nil)
    }
}
