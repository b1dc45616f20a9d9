import Foundation
import Testing
@testable import SamtalAgendas
@testable import SamtalCore

/// The repository root, found from this file's location.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite struct AgendaTests {
    @Test func everyShippedAgendaPassesTheCheck() throws {
        let folder = repositoryRoot.appendingPathComponent("Agendas")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(!files.isEmpty)
        for file in files {
            let result = AgendaLibrary.loadFile(folder.appendingPathComponent(file).path)
            if case .failure(let problems) = result { Issue.record("\(problems.list.map(\.description))") }
        }
    }

    @Test func theWhatDialogueFollowsTheMethodSupport() throws {
        let loaded = try AgendaLibrary.loadFile(repositoryRoot.appendingPathComponent("Agendas/medarbetardialog-vad.yaml").path).get()
        let a = loaded.agenda
        #expect(a.meetingType == .employeeDialogueWhat)
        #expect(a.source == .employee)
        // Inledning; Grupparbete steg 1–4; Summering (seed 001, "Förslag till upplägg för VAD-dialog").
        #expect(a.steps.map(\.kind) == [.present, .collect, .cluster, .vote, .problem, .summary])
        #expect(a.steps.allSatisfy { $0.minutes > 0 && !$0.talkingPoints.isEmpty && !$0.prompt.isEmpty })
        #expect(a.qualityCriteria.count == 3)
        #expect(a.steps.last?.questions.contains { $0.contains("HUR") } == true)
    }

    /// Each broken agenda and the exact messages it must give, kept side by
    /// side in BrokenAgendas/ (NAME.yaml and NAME.expected).
    @Test(arguments: ["syntax-error", "unknown-kind-and-key", "duplicate-and-minutes", "vote-and-rating", "empty-steps",
                      "not-a-mapping", "missing-title"])
    func brokenAgendaGivesTheExpectedMessages(name: String) throws {
        let folder = repositoryRoot.appendingPathComponent("Tests/SamtalCoreTests/BrokenAgendas")
        let text = try String(contentsOf: folder.appendingPathComponent(name + ".yaml"), encoding: .utf8)
        let expectedURL = folder.appendingPathComponent(name + ".expected")
        let result = AgendaLoader.load(text: text, file: name + ".yaml")
        guard case .failure(let problems) = result else {
            Issue.record("\(name) was accepted")
            return
        }
        let actual = problems.list.map(\.description).joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["SAMTAL_UPDATE_SNAPSHOTS"] == "1" {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        let expected = (try? String(contentsOf: expectedURL, encoding: .utf8)) ?? "(missing \(name).expected)"
        #expect(actual == expected)
    }

    /// The same problems in Swedish, the interface's default language: the
    /// YAML keys and values as written, the place as in English.
    @Test(arguments: [
        ("empty-steps", ["empty-steps.yaml:4:8: dagordningen har inga steg: lägg till minst ett under 'steps'"]),
        ("duplicate-and-minutes", ["duplicate-and-minutes.yaml:8:14: 'minutes' måste vara ett heltal från 1 till 240, inte -5",
                                   "duplicate-and-minutes.yaml:9:9: stegets id 'steg' används redan (först på rad 5)",
                                   "duplicate-and-minutes.yaml:13:5: 'title' saknas i steget"]),
        ("unknown-kind-and-key", ["unknown-kind-and-key.yaml:5:1: okänd nyckel 'sorce' i dagordningen (menade du 'source'?)"]),
        ("vote-and-rating", ["vote-and-rating.yaml:14:7: okänd scale 'regnbåge'; välj en av: impact-1-5, traffic-light"]),
    ])
    func brokenAgendaGivesSwedishMessages(name: String, expected: [String]) throws {
        let folder = repositoryRoot.appendingPathComponent("Tests/SamtalCoreTests/BrokenAgendas")
        let text = try String(contentsOf: folder.appendingPathComponent(name + ".yaml"), encoding: .utf8)
        guard case .failure(let problems) = AgendaLoader.load(text: text, file: name + ".yaml") else {
            Issue.record("\(name) was accepted")
            return
        }
        let swedish = problems.list.map { $0.description(.sv) }
        for line in expected { #expect(swedish.contains(line), "\(swedish)") }
        // Every problem has its Swedish words, not the English ones again.
        for p in problems.list { #expect(p.message(.sv) != p.message(.en), "\(p)") }
    }

    @Test("A problem step starts at its description or at the causes, and nowhere else")
    func problemStart() {
        func load(_ start: String) -> Result<Agenda, AgendaProblems> {
            AgendaLoader.load(text: """
            id: x
            title: X
            meeting_type: problemanalys
            steps:
              - id: orsaker
                title: Orsaksanalys
                kind: problem
                minutes: 30
                settings:
                  start: \(start)
            """, file: "a.yaml")
        }
        guard case .success(let agenda) = load("causes") else { Issue.record("causes refused"); return }
        #expect(agenda.steps[0].settings["start"] == "causes")
        guard case .failure(let problems) = load("mitten") else { Issue.record("mitten taken"); return }
        #expect(problems.list.map(\.description) == [
            "a.yaml:10:7: start must be 'description' (the first question) or 'causes' (the next why of the chain), not 'mitten'"])
    }

    @Test func missingStepsIsSaidInSwedish() {
        guard case .failure(let problems) = AgendaLoader.load(text: "id: x\ntitle: X\nmeeting_type: problemanalys\n", file: "a.yaml") else {
            Issue.record("accepted")
            return
        }
        #expect(problems.list.map { $0.description(.sv) } == ["a.yaml:1:1: saknar 'steps': dagordningen har inga steg"])
        #expect(problems.list.map(\.description) == ["a.yaml:1:1: missing 'steps': the agenda has no steps"])
    }

    @Test func anUnreadableFileIsSaidInBothLanguages() {
        guard case .failure(let problems) = AgendaLibrary.loadFile("/nonexistent/samtal-agenda.yaml") else {
            Issue.record("accepted")
            return
        }
        #expect(problems.list.map { $0.message(.en) } == ["cannot read the file"])
        #expect(problems.list.map { $0.message(.sv) } == ["filen går inte att läsa"])
    }

    @Test func suggestionsForNearMisses() {
        #expect(suggestion("presnt", StepKind.allCases.map(\.rawValue)) == " (did you mean 'present'?)")
        #expect(suggestion("presnt", StepKind.allCases.map(\.rawValue), .sv) == " (menade du 'present'?)")
        #expect(suggestion("zzzzzz", StepKind.allCases.map(\.rawValue)) == "")
    }
}

@Suite struct AgendaLibraryTests {
    @Test func aUserAgendaWithTheSameIDReplacesTheShippedOne() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("samtal-agendas-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let own = """
        id: medarbetardialog-vad
        version: 2
        title: Vår egen VAD-dialog
        meeting_type: medarbetardialog-vad
        steps:
          - {id: start, title: Start, kind: present, minutes: 5}
        """
        try own.write(to: dir.appendingPathComponent("egen.yaml"), atomically: true, encoding: .utf8)
        try "id: [trasig".write(to: dir.appendingPathComponent("trasig.yaml"), atomically: true, encoding: .utf8)
        let library = AgendaLibrary(folders: [repositoryRoot.appendingPathComponent("Agendas").path, dir.path])
        #expect(library.agenda(id: "medarbetardialog-vad")?.agenda.title == "Vår egen VAD-dialog")
        #expect(library.agendas.count == 9)
        #expect(library.agendas.first?.agenda.meetingType == .employeeDialogueWhat) // process order
        #expect(library.problems.count == 1)
        #expect(library.problems.first?.file.hasSuffix("trasig.yaml") == true)
    }

    @Test func userFoldersFollowXDG() {
        let folders = AgendaLibrary.defaultFolders(extra: ["/extra"], environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/x",
                                                                                   "SAMTAL_SHIPPED_AGENDAS": "/shipped"])
        #expect(folders == ["/shipped", "/cfg/samtal/agendas", "/extra"])
        let home = AgendaLibrary.defaultFolders(extra: [], environment: ["HOME": "/home/x", "SAMTAL_SHIPPED_AGENDAS": "/s"])
        #expect(home == ["/s", "/home/x/.config/samtal/agendas"])
    }
}
