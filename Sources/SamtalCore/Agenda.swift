// The agenda model: what a meeting walks through. Agendas are data (YAML
// files in Agendas/); SamtalAgendas reads them into these values.

/// The meeting types of the method support, one agenda each.
public enum MeetingType: String, Codable, Sendable, CaseIterable {
    case employeeDialogueWhat = "medarbetardialog-vad"
    case employeeDialogueHow = "medarbetardialog-hur"
    /// The planning group's meeting before a citizen dialogue (001 lines
    /// 595-610).
    case citizenDialoguePlanning = "medborgardialog-planering"
    case citizenDialogue = "medborgardialog"
    case jointSituationPicture = "gemensam-lagesbild"
    case problemAnalysis = "problemanalys"
    case activityPlanning = "aktivitetsplanering"
    case followUp = "uppfoljning"
    case situationReport = "lagesrapport"
}

/// The fixed set of interaction screens a step can be (DESIGN.md).
public enum StepKind: String, Codable, Sendable, CaseIterable {
    case present, collect, cluster, vote, problem, activities, goals, followUp = "follow-up", checklist, rating, summary
}

public struct AgendaStep: Equatable, Sendable, Codable {
    public var id: String
    public var title: String
    public var kind: StepKind
    public var minutes: Int
    /// Shown to the room.
    public var prompt: String
    /// Shown to the room, one per line.
    public var questions: [String]
    /// Shown to the facilitator only.
    public var talkingPoints: [String]
    /// Kind-specific settings (for example `dots` for a vote), kept as text.
    public var settings: [String: String]

    public init(id: String, title: String, kind: StepKind, minutes: Int, prompt: String = "",
                questions: [String] = [], talkingPoints: [String] = [], settings: [String: String] = [:]) {
        self.id = id
        self.title = title
        self.kind = kind
        self.minutes = minutes
        self.prompt = prompt
        self.questions = questions
        self.talkingPoints = talkingPoints
        self.settings = settings
    }
}

public struct Agenda: Equatable, Sendable, Codable {
    public var id: String
    public var version: Int
    public var title: String
    public var meetingType: MeetingType
    /// Whose knowledge the notes of this meeting carry by default.
    public var source: NoteSource
    /// Sources of particular groups (the joint meeting: group 1 the police,
    /// group 2 the municipality); a meeting can set its own.
    public var groupSources: [Int: NoteSource] = [:]
    public var purpose: String
    public var goals: [String]
    public var qualityCriteria: [String]
    public var steps: [AgendaStep]

    public init(id: String, version: Int, title: String, meetingType: MeetingType, source: NoteSource,
                purpose: String = "", goals: [String] = [], qualityCriteria: [String] = [], steps: [AgendaStep]) {
        self.id = id
        self.version = version
        self.title = title
        self.meetingType = meetingType
        self.source = source
        self.purpose = purpose
        self.goals = goals
        self.qualityCriteria = qualityCriteria
        self.steps = steps
    }

    public var plannedMinutes: Int { steps.reduce(0) { $0 + $1.minutes } }
}

/// A problem found in an agenda file, reported as `file:line:column: message`,
/// in both the interface's languages: `message` is the English words,
/// `swedish` the Swedish ones (the English when none was given).
public struct AgendaProblem: Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public var swedish: String

    public init(file: String, line: Int, column: Int, message: String, swedish: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.swedish = swedish ?? message
    }

    /// The words in `language`.
    public func message(_ language: Language) -> String { language == .sv ? swedish : message }

    /// `file:line:column: message` in `language`.
    public func description(_ language: Language) -> String { "\(file):\(line):\(column): \(message(language))" }

    /// In English, as the tests and existing callers read it.
    public var description: String { description(.en) }
}

/// Every problem found in one agenda file.
public struct AgendaProblems: Error, Equatable, Sendable {
    public var list: [AgendaProblem]
    public init(_ list: [AgendaProblem]) { self.list = list }
}

extension Agenda {
    /// Whether the focus areas a cluster or vote step at `index` works on
    /// are the cycle's: a cluster that gathers the cycle's notes works on
    /// every meeting's proposals, and so does a vote after it, or a vote
    /// with no cluster of its own before it. A meeting that makes its own
    /// areas votes on those.
    public func areasFromCycle(at index: Int) -> Bool {
        guard steps.indices.contains(index) else { return false }
        let cluster = steps[...index].last { $0.kind == .cluster }
        return cluster.map { $0.settings["notes_from"] == "cycle" } ?? true
    }

    /// Whether step `index` works on the cycle's activities: an activities
    /// step with `activities_from: cycle` (activity planning starts from
    /// the HOW dialogue's proposals), and a vote on activities after one.
    public func activitiesFromCycle(at index: Int) -> Bool {
        guard steps.indices.contains(index) else { return false }
        let list = steps[...index].last { $0.kind == .activities }
        return list?.settings["activities_from"] == "cycle"
    }
}
