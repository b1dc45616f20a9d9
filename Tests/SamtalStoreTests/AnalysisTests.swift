// Problems with their triangle, the tree of causes and the why chain,
// activities; the v3 tables going with their meeting; a v2 store upgraded
// by this build.

import Foundation
import SamtalCore
import GRDB
@testable import SamtalStore
import Testing

@Suite("Problems, causes and activities")
struct AnalysisTests {
    @Test("a problem comes back as written, and saving the same key again updates it")
    func problemUpsert() throws {
        // Given a meeting with two focus areas
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let id = fixture.meeting.id
        let torget = try store.createFocusArea(meetingID: id, stepID: "fokus", name: "Torget", type: .place, now: 1)
        let parken = try store.createFocusArea(meetingID: id, stepID: "fokus", name: "Parken", type: .place, now: 2)
        #expect(try store.problem(meetingID: id, stepID: "problem", focusAreaID: torget.id) == nil)
        // When a problem is described for the first one
        let answers: [ProblemQuestion: String] = [
            .what: "Skadegörelse och klotter – ÅÄÖ åäö 😀", .where_: "Torget vid Järnvägsgatan",
            .when_: "Fredagskvällar efter 22", .whoCauses: "Ungdomar från närområdet", .affected: "Handlare, boende",
            .consequences: "Otrygghet – 中文", .whoCanFix: "Kommunen, fastighetsägaren, polisen",
        ]
        let created = try store.saveProblem(meetingID: id, stepID: "problem", focusAreaID: torget.id,
                                            answers: answers, triangle: [:], now: 10)
        // Then it comes back as written, in the meeting's cycle
        #expect(created.id > 0)
        #expect(created.cycleID == fixture.cycle.id)
        #expect(created.meetingID == id)
        #expect(created.stepID == "problem")
        #expect(created.focusAreaID == torget.id)
        #expect(created.answers == answers)
        #expect(created.triangle == [:])
        #expect(created.createdAt == 10 && created.updatedAt == 10)
        #expect(try store.problem(meetingID: id, stepID: "problem", focusAreaID: torget.id) == created)
        // And the questions are stored in their own columns, SQL keywords included
        let (place, time) = try store.writer.read { db in
            let row = try #require(try Row.fetchOne(db, sql: #"SELECT "where", "when" FROM problem"#))
            return (row["where"] as String, row["when"] as String)
        }
        #expect(place == "Torget vid Järnvägsgatan")
        #expect(time == "Fredagskvällar efter 22")
        // When the same key is saved again with fewer answers
        let updated = try store.saveProblem(meetingID: id, stepID: "problem", focusAreaID: torget.id,
                                            answers: [.what: "Klotter på Åhléns vägg", .where_: ""], triangle: [:],
                                            now: 20)
        // Then the same problem is updated: the missing and empty answers are gone
        #expect(updated.id == created.id)
        #expect(updated.answers == [.what: "Klotter på Åhléns vägg"])
        #expect(updated.createdAt == 10 && updated.updatedAt == 20)
        #expect(try store.problem(meetingID: id, stepID: "problem", focusAreaID: torget.id) == updated)
        #expect(try rowCount(store, "problem") == 1)
        // When other keys are saved: another focus area, no focus area
        let other = try store.saveProblem(meetingID: id, stepID: "problem", focusAreaID: parken.id,
                                          answers: [.what: "Droghandel"], triangle: [:], now: 30)
        let general = try store.saveProblem(meetingID: id, stepID: "problem", focusAreaID: nil,
                                            answers: [.what: "Allmän otrygghet"], triangle: [:], now: 31)
        // Then each is a problem of its own, and the first is unchanged
        #expect(Set([updated.id, other.id, general.id]).count == 3)
        #expect(try store.problem(meetingID: id, stepID: "problem", focusAreaID: nil) == general)
        #expect(try store.problem(meetingID: id, stepID: "problem", focusAreaID: torget.id) == updated)
        // And a later step, or a later meeting, goes on with the focus
        // area's one problem (the cause analysis continues the description)
        let later = try store.saveProblem(meetingID: id, stepID: "problem-2", focusAreaID: torget.id,
                                          answers: [.what: "Samma torg, nästa steg"], triangle: [:], now: 32)
        #expect(later.id == updated.id && later.meetingID == id && later.stepID == "problem-2")
        let meeting2 = try store.createMeeting(cycleID: fixture.cycle.id, agendaID: "problemanalys", agendaSnapshot: "id: x\n",
                                               title: "Problemanalys", date: "", place: "", now: 2_000)
        #expect(try store.problem(meetingID: meeting2.id, stepID: "orsaker", focusAreaID: torget.id) == later)
        // And saving the key without a focus area again updates that one
        let general2 = try store.saveProblem(meetingID: id, stepID: "problem", focusAreaID: nil,
                                             answers: [.what: "Allmän otrygghet – ändrad"], triangle: [:], now: 33)
        #expect(general2.id == general.id)
        #expect(try rowCount(store, "problem") == 3)
        // And the cycle lists them in creation order
        #expect(try store.problems(cycleID: fixture.cycle.id) == [later, other, general2])
        #expect(try store.problems(cycleID: 99) == [])
    }

    @Test("a problem cannot be saved for a missing meeting or a missing or deleted focus area")
    func problemRefused() throws {
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let id = fixture.meeting.id
        let area = try store.createFocusArea(meetingID: id, stepID: "fokus", name: "Borta", type: .place, now: 1)
        try store.deleteFocusArea(id: area.id, now: 2)
        #expect(throws: StoreError.notFound(what: "Meeting 99")) {
            try store.saveProblem(meetingID: 99, stepID: "p", focusAreaID: nil, answers: [:], triangle: [:], now: 3)
        }
        #expect(throws: StoreError.notFound(what: "Focus area \(area.id)")) {
            try store.saveProblem(meetingID: id, stepID: "p", focusAreaID: area.id, answers: [:], triangle: [:], now: 3)
        }
        #expect(throws: StoreError.notFound(what: "Focus area 77")) {
            try store.saveProblem(meetingID: id, stepID: "p", focusAreaID: 77, answers: [:], triangle: [:], now: 3)
        }
        #expect(try rowCount(store, "problem") == 0)
    }

    @Test("the triangle's six sides come back as written, each in its own column")
    func triangle() throws {
        // Given a problem without a triangle
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let id = fixture.meeting.id
        let answers: [ProblemQuestion: String] = [.what: "Inbrott i förråd"]
        _ = try store.saveProblem(meetingID: id, stepID: "triangel", focusAreaID: nil, answers: answers, triangle: [:],
                                  now: 1)
        // When every side is filled in
        let triangle: [TriangleSide: String] = [
            .offender: "Gärningsperson – åäö", .target: "Förråd i källaren", .place: "Östra Ängen",
            .handler: "Föräldrar", .guardian: "Grannar, väktare 😀", .placeManager: "Bostadsbolaget ÅÄÖ",
        ]
        let saved = try store.saveProblem(meetingID: id, stepID: "triangel", focusAreaID: nil, answers: answers,
                                          triangle: triangle, now: 2)
        // Then the problem has them, and reading gives the same
        #expect(saved.triangle == triangle)
        #expect(saved.answers == answers)
        #expect(try store.problem(meetingID: id, stepID: "triangel", focusAreaID: nil) == saved)
        let manager = try store.writer.read { db in try String.fetchOne(db, sql: "SELECT place_manager FROM problem") }
        #expect(manager == "Bostadsbolaget ÅÄÖ")
        // When one side is emptied
        var fewer = triangle
        fewer[.guardian] = ""
        let changed = try store.saveProblem(meetingID: id, stepID: "triangel", focusAreaID: nil, answers: answers,
                                            triangle: fewer, now: 3)
        // Then it is no longer listed
        fewer[.guardian] = nil
        #expect(changed.triangle == fewer)
        #expect(try store.problem(meetingID: id, stepID: "triangel", focusAreaID: nil)?.triangle == fewer)
    }

    @Test("causes come in tree order: every parent before its children, siblings in creation order")
    func causeTree() throws {
        // Given a problem
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let problem = try store.saveProblem(meetingID: fixture.meeting.id, stepID: "orsaker", focusAreaID: nil,
                                            answers: [.what: "Klotter"], triangle: [:], now: 1)
        #expect(try store.causes(problemID: problem.id) == [])
        // When causes are added out of tree order
        func add(_ text: String, under parent: Cause?, _ evidence: CauseEvidence = .internalDiscussion) throws -> Cause {
            try store.addCause(problemID: problem.id, parentID: parent?.id, text: text, evidence: evidence, now: 2)
        }
        let a = try add("Ingen belysning – åäö", under: nil, .observation)
        let b = try add("Ingen har ansvar", under: nil, .interviews)
        let b1 = try add("Oklart ägarskap", under: b)
        let a1 = try add("Lamporna trasiga", under: a, .statistics)
        let a1x = try add("Ingen felanmälan – ÅÄÖ 😀", under: a1, .survey)
        let a2 = try add("Buskar skymmer", under: a)
        // Then they come back parent before children, siblings as added
        #expect(a.parentID == nil && a.problemID == problem.id && a.evidence == .observation && a.createdAt == 2)
        #expect(a1x.parentID == a1.id)
        #expect(try store.causes(problemID: problem.id) == [a, a1, a1x, a2, b, b1])
        let evidence = try store.writer.read { db in
            try String.fetchOne(db, sql: "SELECT evidence FROM cause WHERE id = ?", arguments: [a.id])
        }
        #expect(evidence == "observation")
        // When one is changed
        let changed = try store.updateCause(id: a1.id, text: "Lamporna är sönder", evidence: .internalDiscussion)
        // Then only its text and evidence change, and it keeps its place
        #expect(changed == Cause(id: a1.id, problemID: problem.id, parentID: a.id, text: "Lamporna är sönder",
                                 evidence: .internalDiscussion, createdAt: 2))
        #expect(try store.causes(problemID: problem.id) == [a, changed, a1x, a2, b, b1])
        // And the why chain is the first root and its first children
        #expect(try store.whyChain(problemID: problem.id) == [a, changed, a1x])
        #expect(try store.causes(problemID: 99) == [])
        #expect(try store.whyChain(problemID: 99) == [])
    }

    @Test("a cause cannot be put under a cause of another problem, or a deleted one")
    func foreignParent() throws {
        // Given two problems, each with a cause
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let id = fixture.meeting.id
        let first = try store.saveProblem(meetingID: id, stepID: "p", focusAreaID: nil, answers: [:], triangle: [:],
                                          now: 1)
        let second = try store.saveProblem(meetingID: id, stepID: "q", focusAreaID: nil, answers: [:], triangle: [:],
                                           now: 2)
        let foreign = try store.addCause(problemID: first.id, parentID: nil, text: "Första", evidence: .survey, now: 3)
        let own = try store.addCause(problemID: second.id, parentID: nil, text: "Andra", evidence: .survey, now: 4)
        // When a cause of the second problem is put under the first problem's cause
        // Then it is refused and nothing is added
        #expect(throws: StoreError.notFound(what: "Cause \(foreign.id)")) {
            try store.addCause(problemID: second.id, parentID: foreign.id, text: "x", evidence: .survey, now: 5)
        }
        #expect(try store.causes(problemID: second.id) == [own])
        #expect(try store.causes(problemID: first.id) == [foreign])
        // And neither a missing problem, a missing parent nor a deleted one is accepted
        #expect(throws: StoreError.notFound(what: "Problem 99")) {
            try store.addCause(problemID: 99, parentID: nil, text: "x", evidence: .survey, now: 5)
        }
        #expect(throws: StoreError.notFound(what: "Cause 77")) {
            try store.addCause(problemID: second.id, parentID: 77, text: "x", evidence: .survey, now: 5)
        }
        try store.deleteCause(id: own.id, now: 6)
        #expect(throws: StoreError.notFound(what: "Cause \(own.id)")) {
            try store.addCause(problemID: second.id, parentID: own.id, text: "x", evidence: .survey, now: 7)
        }
        #expect(try rowCount(store, "cause") == 2)
    }

    @Test("deleting a cause marks its whole subtree deleted and leaves the rest")
    func deleteSubtree() throws {
        // Given a tree of causes
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let problem = try store.saveProblem(meetingID: fixture.meeting.id, stepID: "p", focusAreaID: nil,
                                            answers: [:], triangle: [:], now: 1)
        func add(_ text: String, under parent: Cause?) throws -> Cause {
            try store.addCause(problemID: problem.id, parentID: parent?.id, text: text, evidence: .survey, now: 2)
        }
        let root = try add("rot", under: nil)
        let doomed = try add("går bort", under: root)
        let child = try add("barn", under: doomed)
        let grandchild = try add("barnbarn", under: child)
        _ = try add("syskon", under: doomed)
        let kept = try add("blir kvar", under: root)
        let otherRoot = try add("annan rot", under: nil)
        try store.deleteCause(id: grandchild.id, now: 3)
        // When the middle cause is deleted
        try store.deleteCause(id: doomed.id, now: 4)
        // Then it and everything under it is gone, the rest is kept in order
        #expect(try store.causes(problemID: problem.id) == [root, kept, otherRoot])
        // And the rows stay, marked with the time (an earlier delete keeps its own)
        let times = try store.writer.read { db in
            try Double?.fetchAll(db, sql: "SELECT deleted_at FROM cause ORDER BY id")
        }
        #expect(times == [nil, 4, 4, 3, 4, nil, nil])
        // And a deleted cause can be neither changed nor deleted again
        let missing = StoreError.notFound(what: "Cause \(child.id)")
        #expect(throws: missing) { try store.updateCause(id: child.id, text: "x", evidence: .survey) }
        #expect(throws: missing) { try store.deleteCause(id: child.id, now: 5) }
    }

    @Test("saving the why chain grows, shrinks and edits it in place")
    func whyChain() throws {
        // Given a problem without causes
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let problem = try store.saveProblem(meetingID: fixture.meeting.id, stepID: "varfor", focusAreaID: nil,
                                            answers: [.what: "Otrygghet"], triangle: [:], now: 1)
        // When a chain of three is saved, with empty texts at the end
        let three = try store.saveWhyChain(problemID: problem.id, texts: ["Mörkt – åäö", "Lampor sönder", "Ingen anmäler",
                                                                          "", "  "], now: 2)
        // Then each level is the child of the one before, and reading gives the same
        #expect(three.map(\.text) == ["Mörkt – åäö", "Lampor sönder", "Ingen anmäler"])
        #expect(three.map(\.parentID) == [nil, three[0].id, three[1].id])
        #expect(three.allSatisfy { $0.evidence == .internalDiscussion && $0.createdAt == 2 })
        #expect(try store.whyChain(problemID: problem.id) == three)
        #expect(try store.causes(problemID: problem.id) == three)
        // When a level gets evidence and the chain grows by two, with the middle edited
        _ = try store.updateCause(id: three[1].id, text: "Lampor sönder", evidence: .statistics)
        let five = try store.saveWhyChain(problemID: problem.id, texts: ["Mörkt – åäö", "Lamporna är trasiga – ÅÄÖ",
                                                                         "Ingen anmäler", "Vet inte vart", "😀"], now: 3)
        // Then the kept levels keep their ids and evidence, the new ones hang below
        #expect(five.prefix(3).map(\.id) == three.map(\.id))
        #expect(five[1].text == "Lamporna är trasiga – ÅÄÖ")
        #expect(five[1].evidence == .statistics)
        #expect(five[1].createdAt == 2)
        #expect(five[3].parentID == three[2].id && five[4].parentID == five[3].id)
        #expect(five[3].createdAt == 3)
        #expect(try store.whyChain(problemID: problem.id) == five)
        // When branches off the chain are added under levels 0 and 1, and the chain shrinks to two
        let branch = try store.addCause(problemID: problem.id, parentID: five[0].id, text: "Sidogren",
                                        evidence: .survey, now: 4)
        let cut = try store.addCause(problemID: problem.id, parentID: five[1].id, text: "Sidogren under nivå 1",
                                     evidence: .survey, now: 4)
        let two = try store.saveWhyChain(problemID: problem.id, texts: ["Mörkt – åäö", "Lamporna är trasiga – ÅÄÖ"],
                                         now: 5)
        // Then the levels beyond are deleted with what is under them, and so is the branch that
        // would have become the next level; the branch higher up stays
        #expect(two == Array(five.prefix(2)))
        #expect(try store.whyChain(problemID: problem.id) == two)
        #expect(try store.causes(problemID: problem.id) == two + [branch])
        #expect(try rowCount(store, "cause") == 7)
        let cutDeletedAt = try store.writer.read { db in
            try Double.fetchOne(db, sql: "SELECT deleted_at FROM cause WHERE id = ?", arguments: [cut.id])
        }
        #expect(cutDeletedAt == 5)
        // When the chain grows again
        let again = try store.saveWhyChain(problemID: problem.id, texts: ["Mörkt – åäö", "Lamporna är trasiga – ÅÄÖ",
                                                                          "Ny nivå"], now: 6)
        // Then the new level is added (the branch, added later, is not the first child)
        #expect(again.prefix(2) == two.prefix(2))
        #expect(again[2].parentID == two[1].id && again[2].id != five[2].id)
        #expect(try store.causes(problemID: problem.id) == again + [branch])
        // When the chain is saved unchanged
        #expect(try store.saveWhyChain(problemID: problem.id, texts: again.map(\.text), now: 7) == again)
        // Then nothing changes
        #expect(try store.causes(problemID: problem.id) == again + [branch])
        // When the chain is saved empty
        #expect(try store.saveWhyChain(problemID: problem.id, texts: ["", ""], now: 8) == [])
        // Then nothing is left
        #expect(try store.whyChain(problemID: problem.id) == [])
        #expect(try store.causes(problemID: problem.id) == [])
        #expect(throws: StoreError.notFound(what: "Problem 99")) {
            try store.saveWhyChain(problemID: 99, texts: ["x"], now: 9)
        }
    }

    @Test("activities come back as written, change, hide when deleted, and are listed per cycle")
    func activities() throws {
        // Given a cycle with two meetings and a focus area
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let id = fixture.meeting.id
        let second = try store.createMeeting(cycleID: fixture.cycle.id, agendaID: "a", agendaSnapshot: "",
                                             title: "Uppföljning", date: "2026-03-01", place: "", now: 2_000)
        let elsewhere = try store.createCycle(area: "LPO Avesta", period: "2026 Q1", now: 1)
        let elsewhereMeeting = try store.createMeeting(cycleID: elsewhere.id, agendaID: "a", agendaSnapshot: "",
                                                       title: "Annan", date: "", place: "", now: 3)
        let area = try store.createFocusArea(meetingID: id, stepID: "fokus", name: "Torget", type: .place, now: 5)
        // When activities are added
        let walk = try store.addActivity(meetingID: id, stepID: "aktiviteter", focusAreaID: area.id,
                                         what: "Trygghetsvandring på Åsgatan – åäö 😀", responsible: "Kommunen – Åsa",
                                         start: "vecka 12", end: "2026-04-30", priority: .high, now: 10)
        let light = try store.addActivity(meetingID: id, stepID: "aktiviteter", focusAreaID: nil,
                                          what: "Belysning i gångtunneln", responsible: "", start: "", end: "",
                                          priority: .low, now: 10)
        let followUp = try store.addActivity(meetingID: second.id, stepID: "aktiviteter", focusAreaID: nil,
                                             what: "Följ upp – 中文", responsible: "Polisen", start: "", end: "",
                                             priority: .medium, now: 1)
        _ = try store.addActivity(meetingID: elsewhereMeeting.id, stepID: "aktiviteter", focusAreaID: nil,
                                  what: "Annan cykel", responsible: "", start: "", end: "", priority: .medium, now: 1)
        // Then they come back as written, in the meeting's cycle
        #expect(walk == Activity(id: walk.id, cycleID: fixture.cycle.id, meetingID: id, stepID: "aktiviteter",
                                 focusAreaID: area.id, what: "Trygghetsvandring på Åsgatan – åäö 😀",
                                 responsible: "Kommunen – Åsa", start: "vecka 12", end: "2026-04-30", priority: .high,
                                 createdAt: 10))
        #expect(try store.activities(meetingID: id) == [walk, light])
        let (end, priority) = try store.writer.read { db in
            let row = try #require(try Row.fetchOne(db, sql: #"SELECT "end", priority FROM activity WHERE id = ?"#,
                                                    arguments: [walk.id]))
            return (row["end"] as String, row["priority"] as String)
        }
        #expect(end == "2026-04-30" && priority == "high")
        // When one is changed (cycle, meeting, step and time in the value are not the store's to change)
        var edit = light
        edit.what = "Belysning i gångtunneln – beställd"
        edit.responsible = "Tekniska förvaltningen"
        edit.start = "april"
        edit.end = "maj"
        edit.priority = .high
        edit.focusAreaID = area.id
        edit.stepID = "ignoreras"
        edit.meetingID = second.id
        edit.createdAt = 999
        let updated = try store.updateActivity(edit, now: 20)
        // Then the new values are stored, the rest kept
        #expect(updated == Activity(id: light.id, cycleID: fixture.cycle.id, meetingID: id, stepID: "aktiviteter",
                                    focusAreaID: area.id, what: "Belysning i gångtunneln – beställd",
                                    responsible: "Tekniska förvaltningen", start: "april", end: "maj",
                                    priority: .high, createdAt: 10))
        #expect(try store.activities(meetingID: id) == [walk, updated])
        // And the cycle lists its meetings' activities, by meeting creation, then creation order
        #expect(try store.activities(cycleID: fixture.cycle.id) == [walk, updated, followUp])
        // When one is deleted
        try store.deleteActivity(id: walk.id, now: 30)
        // Then it is hidden but kept, and can be neither changed nor deleted again
        #expect(try store.activities(meetingID: id) == [updated])
        #expect(try store.activities(cycleID: fixture.cycle.id) == [updated, followUp])
        #expect(try rowCount(store, "activity") == 4)
        let missing = StoreError.notFound(what: "Activity \(walk.id)")
        #expect(throws: missing) { try store.updateActivity(walk, now: 31) }
        #expect(throws: missing) { try store.deleteActivity(id: walk.id, now: 31) }
        // And a deleted focus area cannot be newly given, but an unchanged one is kept
        try store.deleteFocusArea(id: area.id, now: 40)
        #expect(try store.updateActivity(updated, now: 41) == updated)
        var moved = followUp
        moved.focusAreaID = area.id
        #expect(throws: StoreError.notFound(what: "Focus area \(area.id)")) { try store.updateActivity(moved, now: 42) }
        #expect(throws: StoreError.notFound(what: "Focus area \(area.id)")) {
            try store.addActivity(meetingID: id, stepID: "a", focusAreaID: area.id, what: "x", responsible: "",
                                  start: "", end: "", priority: .low, now: 43)
        }
        #expect(throws: StoreError.notFound(what: "Meeting 99")) {
            try store.addActivity(meetingID: 99, stepID: "a", focusAreaID: nil, what: "x", responsible: "", start: "",
                                  end: "", priority: .low, now: 43)
        }
        #expect(try store.activities(meetingID: 99) == [])
        #expect(try store.activities(cycleID: 99) == [])
    }

    @Test("deleting a meeting row takes its problems, causes and activities; a removed focus area leaves NULL")
    func cascade() throws {
        // Given a problem with a cause and an activity in one meeting, both on a focus area of another meeting
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let id = fixture.meeting.id
        let other = try store.createMeeting(cycleID: fixture.cycle.id, agendaID: "a", agendaSnapshot: "", title: "x",
                                            date: "", place: "", now: 5)
        let area = try store.createFocusArea(meetingID: other.id, stepID: "fokus", name: "A", type: .place, now: 6)
        let problem = try store.saveProblem(meetingID: id, stepID: "p", focusAreaID: area.id, answers: [.what: "x"],
                                            triangle: [:], now: 7)
        _ = try store.addCause(problemID: problem.id, parentID: nil, text: "varför", evidence: .survey, now: 8)
        let activity = try store.addActivity(meetingID: id, stepID: "a", focusAreaID: area.id, what: "y",
                                             responsible: "", start: "", end: "", priority: .low, now: 9)
        // When the focus area's meeting row is deleted
        try store.writer.write { db in try db.execute(sql: "DELETE FROM meeting WHERE id = ?", arguments: [other.id]) }
        // Then the problem and activity stay, no longer on a focus area
        #expect(try store.problem(meetingID: id, stepID: "p", focusAreaID: nil)?.id == problem.id)
        #expect(try store.activities(meetingID: id).map(\.focusAreaID) == [nil])
        #expect(try store.activities(meetingID: id).map(\.id) == [activity.id])
        // When their own meeting row is deleted
        try store.writer.write { db in try db.execute(sql: "DELETE FROM meeting WHERE id = ?", arguments: [id]) }
        // Then nothing of them is left
        #expect(try ["problem", "cause", "activity"].map { try rowCount(store, $0) } == [0, 0, 0])
    }
}

@Suite("Upgrading a v2 store")
struct UpgradeFromV2Tests {
    @Test("a store migrated up to v2 opens with this build, gets a copy first, and keeps its focus areas")
    func upgradeFromV2() throws {
        // Given a store file migrated up to "v2" only, with a meeting, a note and a focus area
        let temp = try TempFolder()
        let path = temp.file("samtal.sqlite")
        try FileModes.createPrivateFile(path)
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v2")
            try queue.close()
        }
        var v2Only = DatabaseMigrator()
        v2Only.registerMigration("v1", migrate: Schema.v1)
        v2Only.registerMigration("v2", migrate: Schema.v2)
        let meetingID: Int64, noteID: Int64
        do {
            let fixture = try Fixture(oldStore: AppStore(path: path, migrator: v2Only))
            #expect(fixture.store.migrationBackupPath == nil)
            let note = try saveOldNote(fixture.store, fixture.draft("Från v2 – åäö ÅÄÖ 😀"), now: 1)
            // (v2's columns only: this build's records have more)
            (meetingID, noteID) = (fixture.meeting.id, note.id)
            let cycleID = fixture.cycle.id
            try fixture.store.writer.write { db in
                try db.execute(sql: """
                    INSERT INTO focus_area (cycle_id, meeting_id, step_id, name, type, target_picture, position, created_at)
                    VALUES (?, ?, 'fokus', 'Torget – ö', 'place', '', 0, 2)
                    """, arguments: [cycleID, meetingID])
                let areaID = db.lastInsertedRowID
                try db.execute(sql: "INSERT INTO focus_area_note (focus_area_id, note_id, position) VALUES (?, ?, 0)",
                               arguments: [areaID, note.id])
            }
        }
        // When this build opens it
        let store = try AppStore(path: path)
        // Then a private copy of the v2 store was made first, without the v3 tables
        let copy = try #require(store.migrationBackupPath)
        #expect(copy.hasPrefix(path + ".before-migration-"))
        #expect(mode(of: copy) == 0o600)
        let queue = try DatabaseQueue(path: copy)
        let (copyMigrations, copyHasProblems) = try queue.read { db in
            (try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier"),
             try db.tableExists("problem"))
        }
        try queue.close()
        #expect(copyMigrations == ["v1", "v2"])
        #expect(copyHasProblems == false)
        // And the store is at v3 and keeps its focus area with its note
        let migrations = try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        }
        #expect(Set(migrations) == Set(Schema.migrator.migrations))
        #expect(store.warnings.isEmpty)
        let area = try #require(try store.focusAreas(meetingID: meetingID).first)
        #expect(area.name == "Torget – ö" && area.type == .place && !area.leadsToPromise)
        #expect(area.noteIDs == [noteID])
        // And the focus area can be given a problem, causes and activities
        let problem = try store.saveProblem(meetingID: area.meetingID, stepID: "problem", focusAreaID: area.id,
                                            answers: [.what: "Klotter – åäö"], triangle: [.place: "Torget"], now: 3)
        _ = try store.saveWhyChain(problemID: problem.id, texts: ["Mörkt"], now: 4)
        _ = try store.addActivity(meetingID: area.meetingID, stepID: "aktiviteter", focusAreaID: area.id,
                                  what: "Lampor", responsible: "", start: "", end: "", priority: .high, now: 5)
        #expect(try store.problems(cycleID: area.cycleID) == [problem])
        #expect(try store.whyChain(problemID: problem.id).map(\.text) == ["Mörkt"])
        #expect(try store.activities(cycleID: area.cycleID).map(\.what) == ["Lampor"])
        // And opening it again needs no second copy
        #expect(try AppStore(path: path).migrationBackupPath == nil)
    }
}

@Suite struct GroupWorkStoreTests {
    @Test("each group's focus area, the wall's page and a station's group on its activity are kept")
    func groupWorkIsKept() throws {
        let fixture = try Fixture.inMemory()
        let store = fixture.store
        let id = fixture.meeting.id
        let area = try store.createFocusArea(meetingID: id, stepID: "fokus", name: "Torget", type: .place, now: 5)
        let other = try store.createFocusArea(meetingID: id, stepID: "fokus", name: "Skolan", type: .place, now: 5)
        try store.setGroupAreas(meetingID: id, stepID: "problem", areas: [1: area.id, 2: other.id])
        try store.setGroupAreas(meetingID: id, stepID: "aktiviteter", areas: [2: area.id])
        let taken = try store.setGroupAreas(meetingID: id, stepID: "problem", areas: [2: other.id])
        #expect(taken.groupAreas == ["problem": [2: other.id], "aktiviteter": [2: area.id]])
        // Every group taken back: the step keeps that it gives none.
        try store.setGroupAreas(meetingID: id, stepID: "tom", areas: [:])
        try store.turnWall(meetingID: id, page: 4, now: 50)
        var meeting = try #require(try store.meeting(id: id))
        #expect(meeting.groupAreas == ["problem": [2: other.id], "aktiviteter": [2: area.id], "tom": [:]])
        #expect(meeting.wallPage == 4 && meeting.wallTurnedAt == 50)
        // A new step starts the wall on its first page.
        try store.moveToStep(meetingID: id, leaving: "a", seconds: 1, toIndex: 1, now: 60)
        meeting = try #require(try store.meeting(id: id))
        #expect(meeting.wallPage == 0 && meeting.wallCounter(at: 60) == 0 && meeting.wallCounter(at: 70) == 1)
        var proposal = Activity(id: 0, cycleID: 0, meetingID: 0, stepID: "", focusAreaID: other.id, what: "Föräldravandring", createdAt: 0)
        proposal.group = 2
        let stored = try store.addActivity(proposal, meetingID: id, stepID: "aktiviteter", now: 70)
        #expect(stored.group == 2)
        #expect(try store.activities(meetingID: id).map(\.group) == [2])
        let byFacilitator = try store.addActivity(meetingID: id, stepID: "aktiviteter", focusAreaID: nil, what: "Belysning",
                                                  responsible: "", start: "", end: "", priority: .low, now: 71)
        #expect(byFacilitator.group == nil)
    }
}
