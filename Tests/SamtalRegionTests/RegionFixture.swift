// Municipalities' stores with real Swedish content for the region's tests
// (Fagersta reports on the 1–5 impact scale, Ludvika and Sala on
// green/yellow/red, as in seed 003), and the throwaway PostgreSQL server
// `Scripts/pg-throwaway` starts.

import Foundation
import SamtalAgendas
import SamtalApp
import SamtalCore
import SamtalRegion
import SamtalStore
import Testing

enum RegionFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let library = AgendaLibrary(folders: [root.appendingPathComponent("Agendas").path])

    /// What tests plant where it must never reach the region.
    static let plantedNote = "ANTECKNING-Lasse-Nilsson-Storgatan"
    static let plantedHidden = "DOLD-ANTECKNING-knarkförsäljning"
    static let plantedObservation = "INTERN-OBSERVATION-skolans-kurator"
    static let plantedComment = "INTERN-KOMMENTAR-socialtjänsten"
    static let plantedHow = "INTERN-HUR-metod"
    static let plantedActivity = "INTERN-AKTIVITET-ej-i-löftet"
    static let plantedWhy = "INTERN-VARFÖR-sjukskrivning"
    static let plantedFacilitator = "Kalle Facilitatorsson"
    static let plantedPhone = "070-123 45 67"
    static let plantedPersonnummer = "19811218-9876"
    static let planted = [plantedNote, plantedHidden, plantedObservation, plantedComment, plantedHow, plantedActivity, plantedWhy,
                          plantedFacilitator, plantedPhone, plantedPersonnummer]

    struct Municipality {
        var name: String
        var trafficLight: Bool
        /// Per month (2027-01 …), the values of the report's six rated questions.
        var reports: [(date: String, values: [String?])]
    }

    static let fagersta = Municipality(name: "Fagersta", trafficLight: false, reports: [
        ("2027-01-14", ["3", "2", "1", "4", "3", "2"]),
        ("2027-02-11", ["4", "2", "1", "3", "3", "2"]),
        ("2027-03-11", ["4", "1", "1", "3", "2", nil]),
    ])
    static let ludvika = Municipality(name: "Ludvika", trafficLight: true, reports: [
        ("2027-01-20", ["red", "yellow", "green", "red", "yellow", "green"]),
        ("2027-03-17", ["yellow", "yellow", "green", "red", "green", "green"]),
    ])
    static let sala = Municipality(name: "Sala", trafficLight: true, reports: [
        ("2027-02-08", ["green", "green", "green", "yellow", "green", "green"]),
        ("2027-03-08", ["green", "yellow", "green", "yellow", "green", "green"]),
        ("2027-04-05", ["red", "yellow", "green", "yellow", "green", "green"]),
    ])

    static let ratedSteps = ["ordningsstorningar", "hot-och-vald", "extremism-natverk", "ungdomar-skolor", "alkohol-droger", "ovrigt"]

    /// A temporary folder for the stores; SAMTAL_REGION_KEEP=DIR keeps
    /// them in DIR/<uuid> instead, to publish and report on by hand.
    final class Folder: @unchecked Sendable {
        static let keep = ProcessInfo.processInfo.environment["SAMTAL_REGION_KEEP"]
        let path = (keep.map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory)
            .appendingPathComponent("samtal-region-\(UUID().uuidString)").path
        init() throws {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        deinit { if Self.keep == nil { try? FileManager.default.removeItem(atPath: path) } }
    }

    /// A store with one cycle (2027): monthly situation reports, an
    /// employee dialogue with notes (one hidden), a focus area leading to
    /// the promise with its problem, activities (one not promised), goals,
    /// follow-ups and the promise. With `plant`, internal and personal
    /// text where it must not travel.
    static func build(_ m: Municipality, in folder: Folder, plant: Bool = true) throws -> (store: AppStore, cycle: Int64) {
        let store = try AppStore(path: folder.path + "/\(m.name).sqlite")
        try store.setMunicipality(m.name)
        let cycle = try store.createCycle(area: "LPO \(m.name)", period: "2027", now: 1)
        var snapshot = try String(contentsOf: root.appendingPathComponent("Agendas/lagesrapport.yaml"), encoding: .utf8)
        if m.trafficLight { snapshot = snapshot.replacingOccurrences(of: "scale: impact-1-5", with: "scale: traffic-light") }
        var clock = 10.0
        func tick() -> Double { clock += 1; return clock }
        for (date, values) in m.reports {
            let r = try store.createMeeting(cycleID: cycle.id, agendaID: "lagesrapport", agendaSnapshot: snapshot,
                                            title: "Lägesrapport \(date.prefix(7))", date: date, place: "\(m.name) kommunhus",
                                            groupCount: 1, now: tick())
            _ = try store.saveFacts(meetingID: r.id, title: r.title, facts: MethodFacts(
                date: date, place: "\(m.name) kommunhus", facilitator: plant ? plantedFacilitator : "Samordnaren",
                participants: [ParticipantRow(organisationRole: "Socialtjänsten", headCount: 2, women: 1, men: 1, kind: .municipality),
                               ParticipantRow(organisationRole: "Polisen", headCount: 1, women: 0, men: 1, kind: .police)]),
                groupCount: 1)
            for (step, value) in zip(ratedSteps, values) {
                try store.setRating(meetingID: r.id, stepID: step, rating: Rating(
                    question: 0, value: value,
                    observations: plant ? "\(plantedObservation): fler larm kvällstid, ring \(plantedPhone)" : "Fler larm kvällstid",
                    comment: plant ? plantedComment : "Följs upp nästa månad"))
            }
        }

        let dialog = try store.createMeeting(cycleID: cycle.id, agendaID: "medarbetardialog-vad", agendaSnapshot: "",
                                             title: "Medarbetardialog VAD", date: "2027-01-28", place: "Polisstationen",
                                             groupCount: 2, now: tick())
        func note(_ text: String, _ source: NoteSource) throws -> Note {
            try store.saveNote(NoteDraft(meetingID: dialog.id, stepID: "lokal-lagesbild", group: 1, type: .problem, source: source,
                                         text: text), now: tick())
        }
        var notes = [
            try note("Buskörning med mopeder vid Storgatan kvällstid", .employee),
            try note("Otrygghet i gångtunneln vid stationen", .municipality),
        ]
        if plant {
            notes.append(try note("\(plantedNote) 12 säljer, personnummer \(plantedPersonnummer)", .citizen))
            let hidden = try note(plantedHidden, .police)
            _ = try store.setNoteHidden(noteID: hidden.id, hidden: true)
            notes.append(hidden)
        }
        let area = try store.createFocusArea(meetingID: dialog.id, stepID: "fokusomraden", name: "Tryggheten i centrum", type: .place,
                                             now: tick())
        for n in notes { try store.assignNote(noteID: n.id, to: area.id) }
        _ = try store.setLeadsToPromise(focusAreaID: area.id, true)
        _ = try store.setProblemText(.question(.what), "Buskörning och otrygghet i centrum kvällstid", meetingID: dialog.id,
                                     stepID: "fokusomraden", focusAreaID: area.id, now: tick())
        let walk = try store.addWorkspaceActivity(Activity(
            id: 0, cycleID: cycle.id, meetingID: 0, stepID: "", focusAreaID: area.id, what: "Trygghetsvandring i centrum",
            start: "2027-03-01", end: "2027-03-31", how: plant ? plantedHow : "Med boende och fastighetsägare",
            organisation: "Polisen", sequence: 1, status: .done, createdAt: tick()), now: clock)
        let light = try store.addWorkspaceActivity(Activity(
            id: 0, cycleID: cycle.id, meetingID: 0, stepID: "", focusAreaID: area.id, what: "Bättre belysning i gångtunneln",
            start: "2027-04-01", end: "2027-06-30", organisation: "\(m.name) kommun", sequence: 2, status: .ongoing,
            createdAt: tick()), now: clock)
        _ = try store.addWorkspaceActivity(Activity(
            id: 0, cycleID: cycle.id, meetingID: 0, stepID: "", focusAreaID: nil, what: plant ? plantedActivity : "Internt möte",
            organisation: "Polisen", sequence: 3, createdAt: tick()), now: clock)
        let goal = try store.saveGoal(Goal(id: 0, cycleID: cycle.id, focusAreaID: area.id, kind: .effect,
                                           text: "Minska buskörningen i centrum", indicator: "Antal anmälningar", target: "-30 %",
                                           deadline: "2027-12-31", owner: "Kommunpolisen", activityIDs: [walk.id], createdAt: tick()),
                                      now: clock)
        _ = try store.saveFollowUp(FollowUp(id: 0, cycleID: cycle.id, activityID: walk.id, aspect: .resource, status: .done,
                                            why: plant ? plantedWhy : "", date: "2027-03-31", createdAt: tick()), now: clock)
        _ = try store.saveFollowUp(FollowUp(id: 0, cycleID: cycle.id, goalID: goal.id, aspect: .effect, status: .ongoing,
                                            measuredValue: "-12 %", date: "2027-03-31", createdAt: tick()), now: clock)
        _ = light
        var promise = Promise(cycleID: cycle.id)
        promise.sections = [
            .title: "Medborgarlöfte \(m.name) 2027",
            .purpose: "Polisen och \(m.name) kommun lovar att tillsammans öka tryggheten i centrum.",
            .jointPicture: "Medarbetar- och medborgardialoger visar otrygghet i centrum kvällstid.",
            .focus: "Tryggheten i centrum.",
            .activities: "- Trygghetsvandring i centrum\n- Bättre belysning i gångtunneln",
            .effects: "Färre anmälningar om buskörning och ökad trygghet.",
            .followCitizens: "Uppföljning sker varje kvartal i det lokala brottsförebyggande rådet.",
            .contact: plant ? "Kommunens växel, samordnare nås på \(plantedPhone) (\(plantedPersonnummer))" : "Kommunens växel",
            .validity: "Gäller 2027-01-01 till 2027-12-31.",
            .signatories: "Lokalpolisområdeschefen\nKommunstyrelsens ordförande",
            .owner: "Kommunens trygghetssamordnare",
        ]
        _ = try store.savePromise(promise, now: tick())
        return (store, cycle.id)
    }
}

/// The throwaway server of `Scripts/pg-throwaway`; each test gets a
/// database and roles of its own.
enum TestServer {
    static let env = ProcessInfo.processInfo.environment
    static var available: Bool { env["SAMTAL_TEST_PG_HOST"] != nil && env["SAMTAL_TEST_PG_USER"] != nil }
    static let skipMessage = "no PostgreSQL: run through Scripts/pg-throwaway (Scripts/test does)"

    static func url(_ database: String, user: String) -> String {
        "postgresql:///\(database)?host=\(env["SAMTAL_TEST_PG_HOST"]!)&port=\(port)&user=\(user)"
    }

    static var port: String { env["SAMTAL_TEST_PG_PORT"] ?? "5432" }

    /// The same server over TCP on 127.0.0.1, where it offers TLS and
    /// asks for a password.
    static func tcpURL(_ database: String, user: String, password: String, sslmode: String) -> String {
        "postgresql://\(user):\(password)@127.0.0.1:\(port)/\(database)?sslmode=\(sslmode)"
    }

    static var adminUser: String { env["SAMTAL_TEST_PG_USER"]! }

    /// A new database; its name prefixes the test's role names.
    static func database() throws -> String {
        let name = "r" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        try PGConnection(url: url("postgres", user: adminUser)).exec("CREATE DATABASE \(name)")
        return name
    }
}
