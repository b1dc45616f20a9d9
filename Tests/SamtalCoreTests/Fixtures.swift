import SamtalCore

enum Fixtures {
    /// The effects with the drafts they clear left out, for tests about
    /// what is written (the clearing is tested on its own).
    static func withoutDraftClearing(_ effects: [Effect]) -> [Effect] {
        effects.map {
            switch $0 {
            case .writeStep(let w, let q, _): return .writeStep(w, q)
            case .saveNote(var n, _):
                n.clientID = nil
                return .saveNote(n)
            case .updateNote(let id, let text, let group, let type, let source, _):
                return .updateNote(id: id, text: text, group: group, type: type, source: source)
            default: return $0
            }
        }
    }

    static let agenda = Agenda(
        id: "test", version: 1, title: "Medarbetardialog – VAD", meetingType: .employeeDialogueWhat, source: .employee,
        steps: [
            AgendaStep(id: "inledning", title: "Inledning", kind: .present, minutes: 10, prompt: "Välkomna",
                       talkingPoints: ["Presentera syftet"]),
            AgendaStep(id: "lagesbild", title: "Lokal lägesbild", kind: .collect, minutes: 30,
                       prompt: "Vilka problem och möjligheter ser ni?", questions: ["Var?", "När?"]),
            AgendaStep(id: "summering", title: "Summering", kind: .summary, minutes: 10),
        ])

    static func meeting(groups: Int = 3, step: Int = 1) -> Meeting {
        Meeting(id: 7, cycleID: 1, agendaID: "test", title: "VAD Fagersta", groupCount: groups, currentStepIndex: step, createdAt: 0)
    }

    static func note(_ id: Int64, _ text: String, group: Int = 1, step: String = "lagesbild", at: Double = 100) -> Note {
        Note(id: id, meetingID: 7, stepID: step, group: group, type: .problem, source: .employee, text: text, createdAt: at)
    }

    /// A state running the fixture meeting at step 2, clock at t = 1000.
    static func running(notes: [Note] = [], language: Language = .sv) -> AppState {
        var state = AppState(language: language, now: 1000, today: "2026-12-03")
        _ = state.update(.meetingOpened(OpenedMeeting(meeting: meeting(), agenda: agenda, stepSeconds: [:], notes: notes)))
        return state
    }

    static func type(_ text: String, into state: inout AppState) {
        for c in text { _ = state.update(.key(.char(c))) }
    }

    static func run(_ state: AppState) -> RunState {
        guard case .run(let r) = state.screen else { fatalError("not running: \(state.screen)") }
        return r
    }
}
