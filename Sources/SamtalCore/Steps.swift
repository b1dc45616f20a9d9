// The step kinds with their own interaction: cluster (notes into focus
// areas), vote (dots and a live ranking), checklist, rating and summary.
// Each reads its keys from its own keymap context and writes through
// `Effect.writeStep`, after which the step is loaded again.

/// What a step shows besides its own notes.
public struct StepData: Equatable, Sendable, Codable {
    public var stepID: String
    /// The step's own notes (present and collect steps).
    public var notes: [Note] = []
    /// Cluster: the notes to group (earlier steps of this meeting, or the
    /// whole cycle when the agenda says `notes_from: cycle`).
    public var sourceNotes: [Note] = []
    /// Cluster: the number of notes to group that are not in `sourceNotes`
    /// yet: a step's first reading reads a screenful of a cycle's notes
    /// (`AppStore.stepData(_:firstNotes:)`); the rest come with the next.
    public var sourceNotesNotRead = 0
    /// Cluster: this step's focus areas. Vote: the meeting's (or, when it
    /// has none, the cycle's). Present with `show: focus-areas`: the cycle's.
    public var focusAreas: [FocusArea] = []
    /// True when `focusAreas` come from the cycle's earlier meetings.
    public var focusAreasFromCycle = false
    public var votes: [Vote] = []
    /// A vote on the cycle's areas: the dots each got in the cycle's other
    /// meetings (the dialogues' own priorities), shown beside this vote's.
    public var earlierDots: [Int64: Int] = [:]
    /// Vote `on: activities`: the dots on `activities`.
    public var activityVotes: [ActivityVote] = []
    public var checklist: [ChecklistAnswer] = []
    public var ratings: [Rating] = []
    /// Rating: the contributions to each question, oldest first.
    public var contributions: [RatingContribution] = []
    public var summaryItems: [SummaryItem] = []
    /// Problem: the focus area worked on (nil: none chosen or none exist),
    /// its problem description and its why-chain.
    public var problemFocusAreaID: Int64?
    public var problem: Problem?
    public var whyChain: [Cause] = []
    /// Problem: every focus area's description with its why-chain, best
    /// ranked first, for the room's wall (groups write different areas).
    public var areaProblems: [AreaProblem] = []
    /// The titles of the cycle's meetings, by id: where each focus area
    /// was proposed.
    public var meetingTitles: [Int64: String] = [:]
    /// Activities: this step's proposals (with `activities_from: cycle`,
    /// every meeting's of the cycle). Vote `on: activities`: those voted on.
    public var activities: [Activity] = []
    /// Goals: the cycle's goals (the plan's: those written in this step
    /// and those written before, in meetings or the workspace).
    public var goals: [Goal] = []
    /// Follow-up: this step's entries (`activities` and `goals` are then
    /// the plan followed up).
    public var followUps: [FollowUp] = []
    /// Summary: what the meeting produced before it, to read out.
    public var output: MeetingOutput?
    /// Present or collect with `show: commitments`: the analysis whose
    /// activities and goals are to be followed up (this cycle's, or the
    /// area's previous cycle's when this one has none yet).
    public var commitments: CycleAnalysis?
    /// A meeting's first step: what earlier meetings of the cycle said
    /// goes on to the next ("Tas vidare till nästa möte"), oldest first;
    /// their meetings' titles in `meetingTitles` (the twenty-second
    /// session's walk: a summary's items went nowhere).
    public var carriedForward: [SummaryItem] = []

    public init(stepID: String, notes: [Note] = [], sourceNotes: [Note] = [], focusAreas: [FocusArea] = [],
                focusAreasFromCycle: Bool = false, votes: [Vote] = [], checklist: [ChecklistAnswer] = [],
                ratings: [Rating] = [], summaryItems: [SummaryItem] = []) {
        self.stepID = stepID
        self.notes = notes
        self.sourceNotes = sourceNotes
        self.focusAreas = focusAreas
        self.focusAreasFromCycle = focusAreasFromCycle
        self.votes = votes
        self.checklist = checklist
        self.ratings = ratings
        self.summaryItems = summaryItems
    }

    /// What a finished meeting keeps (`MeetingSnapshot`): the step's own
    /// records, not the notes it gathers or the commitments it shows.
    enum CodingKeys: String, CodingKey {
        case stepID, focusAreas, focusAreasFromCycle, votes, activityVotes, checklist, ratings, contributions, summaryItems,
             problemFocusAreaID, problem, whyChain, activities, goals, followUps, meetingTitles
    }

    /// Reads a snapshot taken by this or an earlier release: a record kind
    /// added since is simply absent there.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        stepID = try c.decode(String.self, forKey: .stepID)
        focusAreas = try c.decodeIfPresent([FocusArea].self, forKey: .focusAreas) ?? []
        focusAreasFromCycle = try c.decodeIfPresent(Bool.self, forKey: .focusAreasFromCycle) ?? false
        votes = try c.decodeIfPresent([Vote].self, forKey: .votes) ?? []
        activityVotes = try c.decodeIfPresent([ActivityVote].self, forKey: .activityVotes) ?? []
        checklist = try c.decodeIfPresent([ChecklistAnswer].self, forKey: .checklist) ?? []
        ratings = try c.decodeIfPresent([Rating].self, forKey: .ratings) ?? []
        contributions = try c.decodeIfPresent([RatingContribution].self, forKey: .contributions) ?? []
        summaryItems = try c.decodeIfPresent([SummaryItem].self, forKey: .summaryItems) ?? []
        problemFocusAreaID = try c.decodeIfPresent(Int64.self, forKey: .problemFocusAreaID)
        problem = try c.decodeIfPresent(Problem.self, forKey: .problem)
        whyChain = try c.decodeIfPresent([Cause].self, forKey: .whyChain) ?? []
        activities = try c.decodeIfPresent([Activity].self, forKey: .activities) ?? []
        goals = try c.decodeIfPresent([Goal].self, forKey: .goals) ?? []
        followUps = try c.decodeIfPresent([FollowUp].self, forKey: .followUps) ?? []
        meetingTitles = try c.decodeIfPresent([Int64: String].self, forKey: .meetingTitles) ?? [:]
    }

    /// The area a note has been put in, if any.
    public func area(of noteID: Int64) -> FocusArea? {
        focusAreas.first { $0.noteIDs.contains(noteID) }
    }
}

extension StepData {
    /// Shows a write as it will be stored, before the store has answered:
    /// the next key (F3 again, another dot) builds on it. The store's answer
    /// replaces it. Writes whose result only the store knows (a new area's
    /// id, a merge) wait for that answer.
    mutating func apply(_ write: StepWrite, meetingID: Int64, cycleID: Int64) {
        switch write {
        case .setRating(let r):
            ratings.removeAll { $0.question == r.question }
            ratings.append(r)
        case .setChecklistAnswer(let a):
            checklist.removeAll { $0.item == a.item }
            checklist.append(a)
        case .setProblemText(let area, let field, let text):
            var p = problem ?? Problem(id: 0, cycleID: cycleID, focusAreaID: area, meetingID: meetingID, stepID: stepID, createdAt: 0)
            p.set(field, text)
            problem = p
        case .setWhyText(_, let level, let text):
            var texts = whyChain.map(\.text)
            while texts.count <= level { texts.append("") }
            texts[level] = text
            // A level cannot stand without the ones above it.
            while let last = texts.last, last.isEmpty { texts.removeLast() }
            whyChain = texts.enumerated().map { Cause(id: -Int64($0.offset + 1), problemID: problem?.id ?? 0, parentID: nil, text: $0.element,
                                                      createdAt: 0) }
        case .addVote(let areaID, let voter):
            votes.append(Vote(id: -Int64(votes.count + 1), meetingID: meetingID, stepID: stepID, focusAreaID: areaID, voter: voter,
                              createdAt: .infinity))
        case .addActivityVote(let activityID, let voter):
            activityVotes.append(ActivityVote(id: -Int64(activityVotes.count + 1), meetingID: meetingID, stepID: stepID,
                                              activityID: activityID, voter: voter, createdAt: .infinity))
        case .undoVote(let voter):
            if let i = votes.lastIndex(where: { voter == nil || $0.voter == voter }) { votes.remove(at: i) }
            if let i = activityVotes.lastIndex(where: { voter == nil || $0.voter == voter }) { activityVotes.remove(at: i) }
        case .renameFocusArea(let id, let name):
            if let i = focusAreas.firstIndex(where: { $0.id == id }) { focusAreas[i].name = name }
        case .setTargetPicture(let id, let text):
            if let i = focusAreas.firstIndex(where: { $0.id == id }) { focusAreas[i].targetPicture = text }
        case .setLeadsToPromise(let id, let leads):
            if let i = focusAreas.firstIndex(where: { $0.id == id }) { focusAreas[i].leadsToPromise = leads }
        case .setFocusAreaType(let id, let type):
            if let i = focusAreas.firstIndex(where: { $0.id == id }) { focusAreas[i].type = type }
        case .assignNote(let noteID, let areaID):
            for i in focusAreas.indices { focusAreas[i].noteIDs.removeAll { $0 == noteID } }
            if let areaID, let i = focusAreas.firstIndex(where: { $0.id == areaID }) { focusAreas[i].noteIDs.append(noteID) }
        case .saveFollowUp(let f):
            followUps.removeAll { $0.activityID == f.activityID && $0.aspect == f.aspect }
            followUps.append(f)
        case .setFollowUpStatus(let activityID, let status, let date):
            if let i = followUps.firstIndex(where: { $0.activityID == activityID && $0.aspect == .resource }) {
                followUps[i].status = status
                followUps[i].date = date
            } else {
                let cycle = activities.first { $0.id == activityID }?.cycleID ?? cycleID
                followUps.append(FollowUp(id: 0, cycleID: cycle, activityID: activityID, aspect: .resource, status: status,
                                          date: date, meetingID: meetingID, stepID: stepID, createdAt: .infinity))
            }
            if let i = activities.firstIndex(where: { $0.id == activityID }) { activities[i].status = ActivityStatus(followUp: status) }
        case .updateSummaryItem(let item):
            if let i = summaryItems.firstIndex(where: { $0.id == item.id }) { summaryItems[i] = item }
        case .deleteContribution(let id):
            contributions.removeAll { $0.id == id }
        case .addContribution(let question, let from, let text):
            contributions.append(RatingContribution(id: -Int64(contributions.count + 1), meetingID: meetingID, stepID: stepID,
                                                    question: question, from: from, text: text, createdAt: .infinity))
        case .createFocusArea, .mergeFocusArea, .splitFocusArea, .deleteFocusArea, .addSummaryItem, .deleteSummaryItem, .addActivity, .updateActivity,
             .deleteActivity, .saveGoal, .deleteGoal:
            break
        }
    }
}

/// What a meeting has produced so far, for its summary step to read out:
/// the notes by group, its focus areas and dots, problem descriptions,
/// activities and their dots, goals, ratings and follow-up.
public struct MeetingOutput: Equatable, Sendable {
    public var notesPerGroup: [Int: Int] = [:]
    public var focusAreas: [FocusArea] = []
    public var votes: [Vote] = []
    public var problems: [Problem] = []
    public var activities: [Activity] = []
    public var activityVotes: [ActivityVote] = []
    public var goals: [Goal] = []
    /// By step id.
    public var ratings: [String: [Rating]] = [:]
    public var followUps: [FollowUp] = []

    public init() {}

    public var isEmpty: Bool {
        notesPerGroup.isEmpty && focusAreas.isEmpty && problems.isEmpty && activities.isEmpty && goals.isEmpty
            && ratings.values.allSatisfy(\.isEmpty) && followUps.isEmpty
    }
}

/// What to load for a step: enough for the executable to ask the store.
public struct StepQuery: Equatable, Sendable {
    public var meetingID: Int64
    public var cycleID: Int64
    public var stepID: String
    public var kind: StepKind
    /// The ids of the steps before this one (where a cluster's notes come from).
    public var earlierStepIDs: [String]
    /// Cluster: gather the notes of every meeting of the cycle.
    public var notesFromCycle: Bool
    /// Present: show the cycle's focus areas and their ranking.
    public var showCycleFocusAreas: Bool
    /// Present: show the commitments to follow up.
    public var showCommitments: Bool
    /// Problem: the focus area chosen; nil lets the store pick the
    /// highest-ranked one.
    public var focusAreaID: Int64?
    /// Cluster and vote: the focus areas are the cycle's (the meeting
    /// works on every meeting's proposals), not only this meeting's own.
    public var areasFromCycle = false
    /// Vote: the dots go on activities, not focus areas (`on: activities`).
    public var votesOnActivities = false
    /// Activities, and a vote on them: the cycle's activities (the HOW
    /// dialogue's proposals are activity planning's starting list), not
    /// only this meeting's.
    public var activitiesFromCycle = false
    /// A meeting's first step: the items earlier meetings carried forward.
    public var showCarriedForward = false

    /// The query of step `index` of a meeting run with `agenda`.
    public init(meeting: Meeting, agenda: Agenda, index: Int, focusAreaID: Int64? = nil) {
        let step = agenda.steps[index]
        self.init(meetingID: meeting.id, cycleID: meeting.cycleID, stepID: step.id, kind: step.kind,
                  earlierStepIDs: agenda.steps.prefix(index).map(\.id),
                  notesFromCycle: step.settings["notes_from"] == "cycle",
                  showCycleFocusAreas: step.settings["show"] == "focus-areas",
                  showCommitments: step.settings["show"] == "commitments",
                  focusAreaID: step.kind == .problem ? focusAreaID : nil)
        areasFromCycle = agenda.areasFromCycle(at: index)
        votesOnActivities = step.kind == .vote && step.settings["on"] == "activities"
        activitiesFromCycle = agenda.activitiesFromCycle(at: index)
        showCarriedForward = index == 0 && step.kind == .present
    }

    public init(meetingID: Int64, cycleID: Int64, stepID: String, kind: StepKind, earlierStepIDs: [String] = [],
                notesFromCycle: Bool = false, showCycleFocusAreas: Bool = false, showCommitments: Bool = false,
                focusAreaID: Int64? = nil) {
        self.meetingID = meetingID
        self.cycleID = cycleID
        self.stepID = stepID
        self.kind = kind
        self.earlierStepIDs = earlierStepIDs
        self.notesFromCycle = notesFromCycle
        self.showCycleFocusAreas = showCycleFocusAreas
        self.showCommitments = showCommitments
        self.focusAreaID = focusAreaID
    }
}

/// A write of a step kind's record.
public enum StepWrite: Equatable, Sendable {
    case createFocusArea(name: String, type: FocusAreaType)
    case renameFocusArea(id: Int64, name: String)
    case setTargetPicture(id: Int64, text: String)
    case setLeadsToPromise(id: Int64, leads: Bool)
    case setFocusAreaType(id: Int64, type: FocusAreaType)
    case assignNote(noteID: Int64, areaID: Int64?)
    case mergeFocusArea(from: Int64, into: Int64)
    /// A new area split off from one: its type and where it was proposed
    /// go along; notes are then moved into it as into any area.
    case splitFocusArea(from: Int64, name: String)
    case deleteFocusArea(id: Int64)
    case addVote(areaID: Int64, voter: Int)
    case addActivityVote(activityID: Int64, voter: Int)
    /// Takes back the step's newest dot (of the voter, when given).
    case undoVote(voter: Int?)
    case setChecklistAnswer(ChecklistAnswer)
    case setRating(Rating)
    /// A contribution to a question of a rating step, from an organisation.
    case addContribution(question: Int, from: String, text: String)
    case deleteContribution(id: Int64)
    case addSummaryItem(kind: SummaryItemKind, text: String, owner: String, due: String)
    case updateSummaryItem(SummaryItem)
    case deleteSummaryItem(id: Int64)
    /// One text of a focus area's problem description (an answer or a side
    /// of the triangle), the others left as they are: two terminals may
    /// write two fields of one description at once.
    case setProblemText(focusAreaID: Int64?, ProblemText, String)
    /// One level of the why-chain (0 is the first "Varför?"), the others
    /// as stored.
    case setWhyText(focusAreaID: Int64?, level: Int, text: String)
    /// A new activity of this step with the fields of the one given (its
    /// id, cycle, meeting and step are the store's).
    case addActivity(Activity)
    case updateActivity(Activity)
    case deleteActivity(id: Int64)
    /// A new goal of the meeting's cycle (id 0, written in this step) or a
    /// change of one.
    case saveGoal(Goal)
    case deleteGoal(id: Int64)
    /// A field of an activity's follow-up in this step: the entry of its
    /// aspect is made or changed (one per activity, aspect and step).
    case saveFollowUp(FollowUp)
    /// How far an activity has come, assessed on `date`: its follow-up's
    /// status, and the plan's status of the activity with it.
    case setFollowUpStatus(activityID: Int64, status: FollowUpStatus, date: String)
}

extension RunState {
    /// A cause analysis (a problem step set to `start: causes`) opens at
    /// the next why of the chain, not at "Vad är problemet?": the
    /// description was the step before's (the twentieth walk typed a cause
    /// into it). A draft still takes the cursor to its field after this.
    mutating func startWhereTheStepBegins() {
        guard step.kind == .problem, step.settings["start"] == "causes" else { return }
        problem.field = ProblemQuestion.allCases.count + min(data.whyChain.count, ProblemField.whyLevels - 1)
    }
}

/// The fields of the problem step, in the order they are worked through:
/// the description questions, the why-chain, the triangle.
public enum ProblemField: Equatable, Sendable {
    case question(ProblemQuestion)
    case why(Int)
    case triangle(TriangleSide)

    public static let whyLevels = 5

    public static let all: [ProblemField] = ProblemQuestion.allCases.map { .question($0) }
        + (0..<whyLevels).map { .why($0) } + TriangleSide.allCases.map { .triangle($0) }
}

extension RunState {
    public var query: StepQuery {
        StepQuery(meeting: meeting, agenda: agenda, index: stepIndex, focusAreaID: assignedArea ?? problem.area)
    }

    /// The steps after this one the meeting has not been in (numbered from
    /// 1), said when the facilitator asks to finish it.
    public var stepsNotRun: [Int] {
        agenda.steps.indices.filter { $0 > stepIndex && (stepSeconds[agenda.steps[$0].id] ?? 0) < 1 }.map { $0 + 1 }
    }

    /// Why a station's line takes nothing here: the meeting is over, or
    /// the step takes no notes (the next one may; the last step says only
    /// that).
    public var noNotesReason: TextKey {
        if meeting.status == .finished { return .meetingEnded }
        return stepIndex == agenda.steps.count - 1 ? .lastStepTakesNoNotes : .stepTakesNoNotes
    }

    /// The keymap context of the current step.
    public var keyContext: KeyContext {
        switch role {
        case .projector: return .projector
        case .station:
            // A station does its group's work where the step has some
            // (its own group's dots where they are counted by group).
            guard meeting.status != .finished || currentField != nil else { return .stationWatch }
            switch step.kind {
            case .present, .collect: return .station
            case .vote: return dotsPerGroup ? .stationVote : .stationWatch
            case .problem: return .stationProblem
            case .activities: return .stationActivities
            case .cluster, .checklist, .rating, .summary, .goals, .followUp: return .stationWatch
            }
        case .facilitator: break
        }
        switch step.kind {
        case .cluster: return .cluster
        case .vote: return dotsPerGroup ? .vote : .voteTogether
        case .checklist: return .checklist
        case .rating: return .rating
        case .summary: return .summary
        case .problem: return .problem
        case .activities: return .activities
        case .goals: return .goals
        case .followUp: return .followUp
        case .present, .collect: return .run
        }
    }

    /// Loads the step's records; an input line that held its field's stored
    /// value shows the value as it is now (another terminal may have changed
    /// it), one that holds typed text keeps it. True when the line was
    /// filled with text another terminal saved (what is typed next goes
    /// after it: the room must see that).
    @discardableResult
    mutating func loadKeepingInput(_ loaded: StepData) -> Bool {
        let unchanged = !inputChanged && !restoredDraft
        load(loaded)
        guard let key = bound else { return false }
        let stored = storedValue(key)
        if unchanged {
            // Nothing typed here: the line shows what another terminal saved.
            if input.trimmedText != stored {
                input.set(stored)
                return key.editsStoredValue && !stored.isEmpty
            }
        } else if case .noteEdit(let id) = key, note(id: id) == nil {
            // The note being changed was deleted elsewhere: not a text
            // saved over this one (the core says what Enter does now).
        } else if key.editsStoredValue, let base = boundBase, stored != base, input.trimmedText != stored, fieldConflict != stored {
            // Typed here while another terminal saved the same field.
            fieldConflict = stored
            conflictConfirmed = false
        }
        return false
    }

    mutating func load(_ loaded: StepData) {
        setNotes(loaded.notes)
        data = loaded
        // Summary items in the order the screen lists them (by kind), so ↑
        // and ↓ move as the eye does.
        data.summaryItems = SummaryItem.displayOrder(data.summaryItems)
        stepLoaded = true
        data.notes = []
        // The selection stays within what is there now.
        let items = max(0, itemCount - 1)
        switch stepState {
        case .cluster(var c):
            c.note = min(c.note, max(0, data.sourceNotes.count - 1))
            c.area = min(c.area, max(0, data.focusAreas.count - 1))
            if let s = c.mergeSource, !data.focusAreas.contains(where: { $0.id == s }) { c.mergeSource = nil }
            stepState = .cluster(c)
        case .vote(var v):
            v.row = min(v.row, max(0, voteRowCount - 1))
            stepState = .vote(v)
        case .checklist(var c):
            c.item = min(c.item, items)
            stepState = .checklist(c)
        case .rating(var r):
            r.item = min(r.item, items)
            stepState = .rating(r)
        case .summary(var m):
            m.item = min(m.item, items)
            // The item just added stays selected through every reading
            // (one read before its write may come after the write's own)
            // until the selection is moved.
            if let id = m.select, let i = data.summaryItems.firstIndex(where: { $0.id == id }) { m.item = i }
            stepState = .summary(m)
        case .activities(var a):
            a.item = min(a.item, items)
            stepState = .activities(a)
        case .goals(var g):
            g.item = min(g.item, items)
            stepState = .goals(g)
        case .followUp(var f):
            f.item = min(f.item, items)
            stepState = .followUp(f)
        case .present, .collect, .problem:
            break
        }
    }

    /// Items of a checklist or rating step (the agenda's questions), or the
    /// summary's items.
    public var itemCount: Int {
        switch step.kind {
        case .checklist, .rating: return step.questions.count
        case .summary: return data.summaryItems.count
        case .activities: return data.activities.count
        case .goals: return data.goals.count
        case .followUp: return data.activities.count
        case .present, .collect, .cluster, .vote, .problem: return 0
        }
    }

    /// Vote settings: dots each, and whether they are per group.
    public var dotsEach: Int { Int(step.settings["dots"] ?? "") ?? 3 }
    public var dotsPerGroup: Bool { step.settings["per"] == "group" }
    /// The group whose dots are placed: a station's own, else the one the
    /// facilitator chose (Tab).
    public var voter: Int {
        if case .station = role { return group }
        return vote.voter
    }

    /// Dots still to place: for the current group, or for everyone; nil
    /// when there is no budget to count against (no participants entered).
    public var dotsLeft: Int? {
        let voters = data.votes.map(\.voter) + data.activityVotes.map(\.voter)
        if dotsPerGroup {
            return dotsEach - voters.filter { $0 == voter }.count
        }
        let people = meeting.facts.totalHeadCount
        guard people > 0 else { return nil }
        return dotsEach * people - voters.count
    }

    /// Vote: whether the dots go on activities (`on: activities`).
    public var votesOnActivities: Bool { step.settings["on"] == "activities" }

    /// Vote: the rows that can take a dot, activities or focus areas.
    public var voteRowCount: Int { votesOnActivities ? data.activities.count : data.focusAreas.count }

    /// Vote: the dots cast in this step.
    public var dotsCast: Int { data.votes.count + data.activityVotes.count }

    public var ratingScale: RatingScale { RatingScale(rawValue: step.settings["scale"] ?? "") ?? .impact }

    public func rating(_ question: Int) -> Rating {
        data.ratings.first { $0.question == question } ?? Rating(question: question)
    }

    public func checklistAnswer(_ item: Int) -> ChecklistAnswer {
        data.checklist.first { $0.item == item } ?? ChecklistAnswer(item: item)
    }
}

extension AppState {
    /// Handles a key in a step with its own interaction; nil hands it on to
    /// the run screen's generic handling (help, steps, quit, talking points).
    mutating func handleStepKind(_ run: inout RunState, key: Key, action: Action?, context: KeyContext) -> [Effect]? {
        switch context {
        case .cluster: return handleCluster(&run, key: key, action: action)
        case .checklist: return handleChecklist(&run, key: key, action: action)
        case .rating: return handleRating(&run, key: key, action: action)
        case .summary: return handleSummary(&run, key: key, action: action)
        case .station, .stationWatch: return nil
        case .vote, .voteTogether: return handleVote(&run, key: key, action: action)
        case .stationVote:
            return handleVote(&run, key: key, action: action)
        case .stationProblem:
            return handleProblem(&run, key: key, action: action)
        case .stationActivities:
            return handleActivities(&run, key: key, action: action)
        case .problem: return handleProblem(&run, key: key, action: action)
        case .activities: return handleActivities(&run, key: key, action: action)
        case .goals: return handleGoals(&run, key: key, action: action)
        case .followUp: return handleFollowUp(&run, key: key, action: action)
        default: return nil
        }
    }

    /// Typing into the input line; Esc gives the field back its stored
    /// value (a new thing: empty).
    mutating func editInput(_ run: inout RunState, key: Key, action: Action?) -> [Effect]? {
        if action == .cancel {
            revert(&run)
            forgetDraft(&run)
            if run.step.kind == .cluster {
                run.cluster.editing = nil
                // A merge given up: its instruction goes with it.
                if run.cluster.mergeSource != nil { status = nil }
                run.cluster.mergeSource = nil
            }
            return []
        }
        if action == nil, run.bound != nil {
            let before = run.input.count
            if edit(&run.input, key) {
                if run.input.isEmpty, before > 0 { forgetDraft(&run) }
                return []
            }
        }
        return action == nil ? [] : nil
    }

    /// A draft emptied (Ctrl-U, Ctrl-W, Backspace) or given up (Esc) is no
    /// longer one: its mark and its word on it go (the nineteenth walk:
    /// "Osparad text från sist" stayed beside an empty line).
    mutating func forgetDraft(_ run: inout RunState) {
        run.restoredDraft = false
        if let text = status?.text, text == texts[.draftKept] || text == texts[.draftRestored] { status = nil }
    }

    /// Esc: what was typed into the bound field is dropped (another
    /// terminal's text, when it saved meanwhile, is kept).
    func revert(_ run: inout RunState) {
        run.fieldConflict = nil
        guard let key = run.bound else { return }
        run.input.set(key.editsStoredValue ? run.storedValue(key) : "")
        run.drafts[key.draftName] = nil
        run.restoredDraft = false
    }

    /// Enter in a field that edits a stored value: writes it when changed.
    mutating func saveBound(_ run: inout RunState) -> [Effect] {
        guard let key = run.bound, key.editsStoredValue, run.inputChanged,
              let write = run.write(key, run.input.trimmedText) else { return [] }
        if let other = run.fieldConflict, !run.conflictConfirmed {
            // Never over another terminal's words without saying so.
            run.conflictConfirmed = true
            say("\(texts[.fieldConflictConfirm]) \(texts.quote(other))", error: true)
            return []
        }
        run.fieldConflict = nil
        _ = run.clearing([key])
        return [write]
    }

    // MARK: cluster

    mutating func handleCluster(_ run: inout RunState, key: Key, action: Action?) -> [Effect]? {
        let q = run.query
        let areas = run.data.focusAreas
        let selectedArea = areas.indices.contains(run.cluster.area) ? areas[run.cluster.area] : nil
        if let noteID = run.cluster.moving {
            // The key after the move key picks the area; any other key is
            // its own again (text typed goes into the line, not lost).
            run.cluster.moving = nil
            if case .char(let c) = key, let i = PickKey.index(c) {
                guard areas.indices.contains(i) else {
                    say("\(texts[.clusterMoveNoArea]) \(c).", error: true)
                    return []
                }
                if let n = run.data.sourceNotes.firstIndex(where: { $0.id == noteID }), n == run.cluster.note {
                    run.cluster.note = min(n + 1, run.data.sourceNotes.count - 1)
                }
                status = nil
                return [.writeStep(.assignNote(noteID: noteID, areaID: areas[i].id), q)]
            }
            say(texts[.clusterMoveCancelled])
            if action == .cancel { return [] }
        }
        // A merge waits for its target: moving the selection keeps it, any
        // other command (an area made or renamed, a note moved) gives it up
        // and says so: an F7 long after merged what was picked then, with
        // nothing on screen to say a merge was waiting (the walk).
        if run.cluster.mergeSource != nil, let action, ![.mergeArea, .clusterUp, .clusterDown, .switchPane].contains(action) {
            run.cluster.mergeSource = nil
            say(texts[.clusterMergeCancelled])
        }
        switch action {
        case .moveNoteToArea:
            guard run.data.sourceNotes.indices.contains(run.cluster.note), !areas.isEmpty else { return [] }
            run.cluster.moving = run.data.sourceNotes[run.cluster.note].id
            run.cluster.pane = .notes
            say("\(texts[.clusterMovePick]) \(PickKey.range(areas.count))", seconds: 30)
        case .switchPane:
            run.cluster.pane = run.cluster.pane == .notes ? .areas : .notes
        case .clusterUp, .clusterDown:
            let delta = action == .clusterUp ? -1 : 1
            if run.cluster.pane == .notes {
                run.cluster.note = max(0, min(run.data.sourceNotes.count - 1, run.cluster.note + delta))
            } else {
                run.cluster.area = max(0, min(areas.count - 1, run.cluster.area + delta))
            }
        case .clusterEnter:
            let text = run.input.trimmedText
            if !text.isEmpty, let bound = run.bound {
                // The line is free at once; the list shows the area once stored.
                let clearing = run.clearing([bound])
                if let editing = run.cluster.editing {
                    run.input.set(run.storedValue(bound)) // leaving the edit writes nothing more
                    run.cluster.editing = nil
                    switch editing.field {
                    case .name: return [.writeStep(.renameFocusArea(id: editing.id, name: text), q, clearing: clearing)]
                    case .targetPicture: return [.writeStep(.setTargetPicture(id: editing.id, text: text), q, clearing: clearing)]
                    case .split:
                        run.input.clear()
                        run.areaComing = true
                        return [.writeStep(.splitFocusArea(from: editing.id, name: text), q, clearing: clearing)]
                    }
                }
                run.input.clear()
                run.areaComing = true
                return [.writeStep(.createFocusArea(name: text, type: .unset), q, clearing: clearing)]
            }
            // From either list: the marked note into the marked area (the
            // sixteenth walk chose the area, then pressed Enter there, and
            // nothing happened).
            guard let area = selectedArea, run.data.sourceNotes.indices.contains(run.cluster.note) else { return [] }
            let note = run.data.sourceNotes[run.cluster.note]
            run.cluster.note = min(run.cluster.note + 1, run.data.sourceNotes.count - 1)
            return [.writeStep(.assignNote(noteID: note.id, areaID: area.id), q)]
        case .nextAreaType:
            guard let area = selectedArea else { return [] }
            return [.writeStep(.setFocusAreaType(id: area.id, type: area.type.next), q)]
        case .renameArea:
            guard let area = selectedArea else { return [] }
            run.cluster.editing = (area.id, .name) // the input line is bound to its name
        case .editTargetPicture:
            guard let area = selectedArea else { return [] }
            run.cluster.editing = (area.id, .targetPicture)
            run.cluster.pane = .areas
        case .splitArea:
            guard let area = selectedArea else { return [] }
            run.cluster.editing = (area.id, .split) // the input line names the new part
            run.cluster.pane = .areas
            say(texts[.clusterSplitHint], seconds: 30)
        case .toggleAreaPromise:
            guard let area = selectedArea else { return [] }
            return [.writeStep(.setLeadsToPromise(id: area.id, leads: !area.leadsToPromise), q)]
        case .mergeArea:
            guard let area = selectedArea else { return [] }
            if let source = run.cluster.mergeSource {
                run.cluster.mergeSource = nil
                guard source != area.id else {
                    say(texts[.clusterMergeSame])
                    return []
                }
                status = nil
                return [.writeStep(.mergeFocusArea(from: source, into: area.id), q)]
            }
            run.cluster.mergeSource = area.id
            run.cluster.pane = .areas
            say(texts[.clusterMergePick], seconds: 30)
        case .deleteArea:
            if run.cluster.pane == .areas {
                guard let area = selectedArea else { return [] }
                dialog = .confirm(.deleteFocusArea(area.id))
            } else if run.data.sourceNotes.indices.contains(run.cluster.note) {
                let note = run.data.sourceNotes[run.cluster.note]
                guard run.data.area(of: note.id) != nil else { return [] }
                return [.writeStep(.assignNote(noteID: note.id, areaID: nil), q)]
            }
        default:
            return editInput(&run, key: key, action: action)
        }
        return []
    }

    // MARK: vote

    mutating func handleVote(_ run: inout RunState, key: Key, action: Action?) -> [Effect]? {
        let q = run.query
        let row = run.vote.row
        switch action {
        case .voteUp:
            run.vote.row = max(0, row - 1)
        case .voteDown:
            run.vote.row = max(0, min(run.voteRowCount - 1, row + 1))
        case .addDot:
            guard (0..<run.voteRowCount).contains(row) else { return [] }
            if let left = run.dotsLeft, left <= 0 {
                say(texts[.voteBudgetUsed], error: true)
                return []
            }
            let voter = run.dotsPerGroup ? run.voter : 0
            let write: StepWrite = run.votesOnActivities ? .addActivityVote(activityID: run.data.activities[row].id, voter: voter)
                : .addVote(areaID: run.data.focusAreas[row].id, voter: voter)
            return [.writeStep(write, q)]
        case .undoDot:
            return [.writeStep(.undoVote(voter: run.dotsPerGroup ? run.voter : nil), q)]
        case .nextVoter, .previousVoter:
            guard run.dotsPerGroup, run.role == .facilitator else { return [] }
            let n = max(1, run.meeting.groupCount)
            let delta = action == .previousVoter ? -1 : 1
            run.vote.voter = ((run.vote.voter - 1 + delta) % n + n) % n + 1
        case .cancel:
            return []
        case nil:
            // Nothing is typed in a vote step: a letter (text typed too
            // early, for the next step) is answered, not dropped unseen.
            switch key {
            case .char, .paste: say(texts[.voteNoTyping], error: true)
            default: break
            }
            return []
        default:
            return nil
        }
        return []
    }

    // MARK: checklist

    mutating func handleChecklist(_ run: inout RunState, key: Key, action: Action?) -> [Effect]? {
        let q = run.query
        let item = run.checklist.item
        guard run.itemCount > 0 else { return editInput(&run, key: key, action: action) }
        switch action {
        case .itemUp, .itemDown:
            // Moving on saves what was typed (see `rebind`).
            run.checklist.item = max(0, min(run.itemCount - 1, item + (action == .itemUp ? -1 : 1)))
        case .toggleItem:
            var answer = run.checklistAnswer(item)
            answer.done.toggle()
            if run.inputChanged { answer.comment = run.input.trimmedText }
            return [.writeStep(.setChecklistAnswer(answer), q, clearing: run.clearing(run.bound.map { [$0] } ?? []))]
        case .saveField:
            return saveBound(&run)
        default:
            return editInput(&run, key: key, action: action)
        }
        return []
    }

    // MARK: rating

    mutating func handleRating(_ run: inout RunState, key: Key, action: Action?) -> [Effect]? {
        let q = run.query
        let item = run.rating.item
        guard run.itemCount > 0 else { return editInput(&run, key: key, action: action) }
        switch action {
        case .itemUp, .itemDown:
            // Moving on saves what was typed (see `rebind`).
            run.rating.item = max(0, min(run.itemCount - 1, item + (action == .itemUp ? -1 : 1)))
            return []
        case .nextRatingValue, .previousRatingValue:
            let values: [String?] = [nil] + run.ratingScale.values.map { Optional($0) }
            var r = run.rating(item)
            let i = values.firstIndex(of: r.value) ?? 0
            var clearing: [FieldKey] = []
            if run.inputChanged, let key = run.bound {
                // What is typed goes with the value, into its own field; a
                // contribution being typed stays on the line.
                switch key {
                case .rating(_, _, .observations):
                    r.observations = run.input.trimmedText
                    clearing = [key]
                case .rating(_, _, .comment):
                    r.comment = run.input.trimmedText
                    clearing = [key]
                default: break
                }
            }
            r.value = values[((i + (action == .nextRatingValue ? 1 : -1)) % values.count + values.count) % values.count]
            return [.writeStep(.setRating(r), q, clearing: run.clearing(clearing))]
        case .switchRatingField:
            // The field left is saved when changed (see `rebind`).
            run.rating.field = run.rating.field.cycled()
            return []
        case .nextContributor:
            run.rating.from = Self.next(run.rating.from.isEmpty ? nil : run.rating.from, in: run.contributors) ?? ""
            return []
        case .deleteContribution:
            guard let last = run.data.contributions.last(where: { $0.question == item }) else { return [] }
            // The latest is still on its way to the store (its id is not
            // known): not an older one in its place.
            guard last.id > 0 else {
                say(texts[.contributionSaving], error: true)
                return []
            }
            dialog = .confirm(.deleteContribution(last.id))
            return []
        case .saveField where run.rating.field == .contribution:
            // A contribution is added, like a note: the line is free at once.
            let text = run.input.trimmedText
            guard !text.isEmpty, let key = run.bound else { return [] }
            let clearing = run.clearing([key])
            run.input.clear()
            run.drafts[key.draftName] = nil
            run.restoredDraft = false
            return [.writeStep(.addContribution(question: item, from: run.rating.from, text: text), q, clearing: clearing)]
        case .saveField:
            return saveBound(&run)
        default:
            return editInput(&run, key: key, action: action)
        }
    }

    // MARK: summary

    mutating func handleSummary(_ run: inout RunState, key: Key, action: Action?) -> [Effect]? {
        let q = run.query
        switch action {
        case .itemUp:
            run.summary.item = max(0, run.summary.item - 1)
            run.summary.select = nil
        case .itemDown:
            run.summary.item = max(0, min(run.itemCount - 1, run.summary.item + 1))
            run.summary.select = nil
        case .nextSummaryKind:
            run.summary.kind = run.summary.kind.next
            if run.summary.kind != .nextStep { run.summary.part = .what }
        case .nextSummaryField, .previousSummaryField:
            guard run.summary.kind == .nextStep else { return [] }
            run.summary.part = run.summary.part.cycled(by: action == .previousSummaryField ? -1 : 1)
        case .deleteSummaryItem:
            guard run.data.summaryItems.indices.contains(run.summary.item) else { return [] }
            dialog = .confirm(.deleteSummaryItem(run.data.summaryItems[run.summary.item].id))
        case .editSummaryItem:
            let items = run.data.summaryItems
            guard items.indices.contains(run.summary.item), items[run.summary.item].id != run.summary.editing else { return [] }
            return startEditing(items[run.summary.item], &run)
        case .cancel:
            if run.summary.editing != nil {
                // The edit is left as stored; the new item's text comes back.
                for name in run.boundAndSubfields.map(\.draftName) + (run.itemMetaDraft.map { [$0] } ?? []) { run.drafts[name] = nil }
                run.input.clear()
                run.summary.editing = nil
                run.summary.kind = .decision
                run.summary.part = .what
                forgetDraft(&run)
                enterStep(&run)
                return []
            }
            revert(&run)
            run.summary.owner.clear()
            run.summary.due.clear()
            run.summary.part = .what
            forgetDraft(&run)
        case .addItem:
            let text = run.input.trimmedText
            guard !text.isEmpty else { return [] }
            let nextStep = run.summary.kind == .nextStep
            let owner = nextStep ? run.summary.owner.trimmedText : "", due = nextStep ? run.summary.due.trimmedText : ""
            let write: StepWrite
            if let id = run.summary.editing, var item = run.data.summaryItems.first(where: { $0.id == id }) {
                item.kind = run.summary.kind
                item.text = text
                item.owner = owner
                item.due = due
                write = .updateSummaryItem(item)
            } else {
                write = .addSummaryItem(kind: run.summary.kind, text: text, owner: owner, due: due)
            }
            let clearing = run.clearing(run.boundAndSubfields, also: run.itemMetaDraft.map { [$0] } ?? [])
            let wasEditing = run.summary.editing != nil
            run.input.clear()
            run.summary.owner.clear()
            run.summary.due.clear()
            run.summary.part = .what
            if wasEditing {
                // Back to a new item, with what was typed for one before.
                run.summary.editing = nil
                run.summary.kind = .decision
                enterStep(&run)
            }
            return [.writeStep(write, q, clearing: clearing)]
        case nil:
            let typed = !run.input.isEmpty || !run.summary.owner.isEmpty || !run.summary.due.isEmpty
            switch run.summary.part {
            case .who: edit(&run.summary.owner, key)
            case .when: edit(&run.summary.due, key)
            case .what: edit(&run.input, key)
            }
            // The item's three fields emptied: no draft is left.
            if typed, run.input.isEmpty, run.summary.owner.isEmpty, run.summary.due.isEmpty { forgetDraft(&run) }
        default:
            return nil
        }
        return []
    }

    /// A reading of the step on screen taken, what is typed kept over it;
    /// the first of a visit also moves the cursor to unsaved text and
    /// replays the keys that waited for it.
    mutating func takeReading(_ data: StepData, _ run: RunState) -> [Effect] {
        var run = run
        screen = .detached
        let first = !run.stepLoaded
        if run.loadKeepingInput(data) && !first { say(texts[.fieldFilledElsewhere], seconds: 10) }
        warnOfConflict(run)
        warnOfDeletedEdit(run)
        // Opened again: the cursor goes to a field with unsaved text,
        // an edit left unsaved goes on.
        var effects: [Effect] = []
        if first {
            run.defaultNewItemArea()
            run.startWhereTheStepBegins()
            run.moveToDraft()
            effects += resumeEdit(&run)
        }
        var held = run.heldKeys
        run.heldKeys = []
        // The field is bound before the keys typed meanwhile go into it,
        // in order.
        effects += rebind(&run)
        if let key = held.first, run.typedAheadNeedsSpace(key) { held.insert(.char(" "), at: 0) }
        screen = .run(run)
        // Each key through `update` (its writes shown, its field bound);
        // its effects are not gone through again for this event.
        let replaying = held.flatMap { update(.key($0)) }
        replayed = replaying
        return effects
    }

    /// After a step write committed: clear what was saved, say so.
    mutating func stepWritten(_ write: StepWrite, written: StepData, run: inout RunState) {
        switch write {
        case .createFocusArea(let name, _), .splitFocusArea(_, let name):
            // The newest area of that name, wherever it is listed (the
            // joint meeting lists the cycle's by meeting: the last row was
            // another, and the Enter typed after the name moved the note
            // there, the nineteenth walk).
            let newest = run.data.focusAreas.indices.filter { run.data.focusAreas[$0].name == name }
                .max { run.data.focusAreas[$0].id < run.data.focusAreas[$1].id }
            run.cluster.area = newest ?? max(0, run.data.focusAreas.count - 1)
            run.areaComing = false
            say(texts[.noteSaved])
        case .renameFocusArea, .setTargetPicture:
            say(texts[.noteUpdated])
        case .setLeadsToPromise(_, let leads):
            say(texts[leads ? .areaLeadsToPromise : .areaNotToPromise])
        case .assignNote(_, let areaID):
            // Which area, in words: a move to the wrong one is seen at once.
            let name = areaID.flatMap { id in run.data.focusAreas.first { $0.id == id }?.name }
            say(areaID == nil ? texts[.clusterUnassigned] : name.map { "\(texts[.clusterMovedTo]) \($0)" } ?? texts[.clusterAssigned])
        case .mergeFocusArea(_, let into):
            run.cluster.area = run.data.focusAreas.firstIndex { $0.id == into } ?? 0
            say(texts[.clusterMerged])
        case .setChecklistAnswer, .setRating, .saveFollowUp, .setFollowUpStatus, .addContribution:
            // The field shows what is stored now (`loadKeepingInput`).
            say(texts[.noteSaved])
        case .addSummaryItem(let kind, _, _, _):
            // The new item, the newest of its kind in what the write read
            // back, is selected: now if that is what is shown, else when it
            // is; a reading begun before the write, arriving after its
            // answer, does not take the selection to another item.
            if let id = written.summaryItems.filter({ $0.kind == kind }).map(\.id).max() {
                run.summary.select = id
                if let i = run.data.summaryItems.firstIndex(where: { $0.id == id }) { run.summary.item = i }
            }
            say(texts[.noteSaved])
        case .updateSummaryItem:
            say(texts[.noteUpdated])
        case .deleteFocusArea, .deleteSummaryItem, .deleteActivity, .deleteGoal, .deleteContribution:
            say(texts[.noteDeleted])
        case .setProblemText, .setWhyText:
            // The area the store chose, unless the facilitator has chosen
            // another meanwhile (F3).
            if run.problem.area == nil { run.problem.area = run.data.problemFocusAreaID }
            say(texts[.noteSaved])
        case .addActivity, .updateActivity:
            run.activities.item = max(0, min(run.activities.item, run.data.activities.count - 1))
            if case .addActivity = write { run.activities.item = max(0, run.data.activities.count - 1) }
            say(texts[.noteSaved])
        case .saveGoal(let goal):
            if goal.id == 0 { run.goals.item = max(0, run.data.goals.count - 1) }
            say(texts[.noteSaved])
        case .setFocusAreaType, .addVote, .addActivityVote, .undoVote:
            break
        }
    }
}

extension RunState {
    /// The first of `ids` with an unsaved edit of one of its `parts`.
    func firstWithEditDraft(_ ids: [Int64], parts: Int, _ key: (Int64, Int) -> FieldKey) -> Int? {
        ids.firstIndex { id in (0..<parts).contains { drafts[key(id, $0).draftName] != nil } }
    }

    /// The current text of a problem field.
    public func problemText(_ field: ProblemField) -> String {
        switch field {
        case .question(let q): return data.problem?.answers[q] ?? ""
        case .triangle(let side): return data.problem?.triangle[side] ?? ""
        case .why(let level): return data.whyChain.indices.contains(level) ? data.whyChain[level].text : ""
        }
    }

    /// The source a group's new notes take: the one given to the group in
    /// this meeting, else the agenda's for that group, else the agenda's.
    public func source(ofGroup group: Int) -> NoteSource {
        meeting.source(ofGroup: group, agenda: agenda)
    }

    /// Where a focus area was proposed, besides this meeting: the other
    /// meetings' titles ("" when only here), so twins can be told apart.
    public func proposedElsewhere(_ area: FocusArea) -> String {
        area.proposedIn.filter { $0 != meeting.id }.compactMap { data.meetingTitles[$0] }.joined(separator: ", ")
    }

    /// A focus area's name as a list shows it: with where it was proposed
    /// when another area of the step has the same name.
    public func areaLabel(_ area: FocusArea) -> String {
        let key = area.name.lowercased()
        guard data.focusAreas.contains(where: { $0.id != area.id && $0.name.lowercased() == key }) else { return area.name }
        let from = area.proposedIn.compactMap { data.meetingTitles[$0] }.joined(separator: ", ")
        return from.isEmpty ? area.name : "\(area.name) (\(from))"
    }

    /// The organisations of the meeting's participant rows, in order, each
    /// once: where a situation report's contributions come from.
    public var contributors: [String] {
        meeting.facts.participants.map { $0.organisationRole.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    }

    /// A new activity or goal starts with the focus area chosen for the
    /// promise, else the best ranked (the twenty-second walk: the HOW
    /// dialogue's activities were linked to no area unless F7 was pressed);
    /// not where one was chosen before (its draft), given to the group, or
    /// an item is being edited.
    mutating func defaultNewItemArea() {
        let areas = rankedAreas
        guard let best = areas.first(where: \.leadsToPromise) ?? areas.first,
              let name = itemMetaDraft, drafts[name] == nil else { return }
        switch step.kind {
        case .activities where activities.editing == nil && activities.area == nil:
            activities.area = best.id
        case .goals where goals.editing == nil && goals.area == nil:
            goals.area = best.id
        case .present, .collect, .cluster, .vote, .checklist, .rating, .summary, .problem, .activities, .goals, .followUp:
            break
        }
    }

    /// The focus areas of the cycle, best ranked first (for the problem step).
    public var rankedAreas: [FocusArea] {
        Ranking.rank(data.focusAreas, votes: data.votes).map(\.area)
    }
}

extension AppState {
    // MARK: problem

    /// Opens another area's description at its first question (or where
    /// it has unsaved text, `moveToDraft`): the field being written is
    /// finished while its area's records are still here, then the store
    /// reads the new area's.
    mutating func openProblemArea(_ run: inout RunState, _ id: Int64?) -> [Effect] {
        let effects = unbind(&run)
        run.problem.area = id
        run.problem.field = 0
        run.stepLoaded = false
        run.data.problemFocusAreaID = nil
        run.data.problem = nil
        run.data.whyChain = []
        return effects + [.loadStep(run.query)]
    }

    mutating func handleProblem(_ run: inout RunState, key: Key, action: Action?) -> [Effect]? {
        if let effects = pickGroup(&run, key: key, action: action) { return effects }
        let fields = ProblemField.all
        switch action {
        case .assignGroupArea:
            startGroupPick(&run, areaID: run.data.problemFocusAreaID)
            return []
        case .itemUp, .itemDown:
            // Moving on saves what was typed (see `rebind`).
            run.problem.field = max(0, min(fields.count - 1, run.problem.field + (action == .itemUp ? -1 : 1)))
            return []
        case .nextProblemArea:
            let areas = run.rankedAreas
            guard !areas.isEmpty else { return [] }
            if let given = run.assignedArea {
                // The facilitator decides which area a group writes.
                say("\(texts[.groupAreaFixed]) \(texts.quote(areas.first { $0.id == given }?.name ?? "")).", error: true)
                return []
            }
            let i = areas.firstIndex { $0.id == run.data.problemFocusAreaID } ?? -1
            return openProblemArea(&run, areas[(i + 1) % areas.count].id)
        case .saveField:
            // Enter saves the field and goes on to the next, as in a form
            // (the field saved is finished: leaving it writes nothing more).
            let effects = saveBound(&run)
            // Another terminal's text is in the way: stay until Enter again.
            guard run.problem.field < fields.count - 1, run.fieldConflict == nil else { return effects }
            if !effects.isEmpty {
                run.bound = nil
                run.input.clear()
            }
            run.problem.field += 1
            return effects
        default:
            return editInput(&run, key: key, action: action)
        }
    }
}

extension AppState {
    /// F4 on a summary item: its parts go into the fields (their drafts,
    /// when an edit of it was left unsaved); what was typed for a new item
    /// is kept as its draft.
    mutating func startEditing(_ item: SummaryItem, _ run: inout RunState) -> [Effect] {
        let effects = leaveStep(&run)
        run.summary.editing = item.id
        run.summary.kind = item.kind
        run.summary.part = .what
        for ((key, path), stored) in zip(run.subfieldKeys, [item.owner, item.due]) {
            run[keyPath: path].set(run.drafts[key.draftName] ?? stored)
        }
        if let name = run.itemMetaDraft, let meta = run.drafts[name] { run.restoreItemMeta(meta) }
        return effects
    }

    /// A step entered again (or a meeting opened after a crash) in the
    /// middle of an edit, a note's, an area's name or an activity's: the
    /// edit goes on with its unsaved text, rather than that text waiting
    /// unseen in the store.
    mutating func resumeEdit(_ run: inout RunState) -> [Effect] {
        func unsaved(_ key: FieldKey, stored: String) -> Bool {
            run.drafts[key.draftName].map { $0.trimmingCharacters(in: .whitespaces) != stored } ?? false
        }
        switch run.stepState {
        case .present, .collect:
            guard run.editing == nil,
                  let note = run.notes.first(where: { $0.id > 0 && run.mayChange($0) && unsaved(.noteEdit(id: $0.id), stored: $0.text) })
            else { return [] }
            run.selection = note.id
            run.editing = (note.id, run.group, run.noteType)
            run.group = note.group
            run.noteType = note.type
            run.editSource = note.source
        case .cluster(var c):
            guard c.editing == nil else { return [] }
            let edits = run.data.focusAreas.enumerated().flatMap { i, a in
                [(i, a.id, AreaField.name, unsaved(.renameArea(id: a.id), stored: a.name)),
                 (i, a.id, AreaField.targetPicture, unsaved(.targetPicture(id: a.id), stored: a.targetPicture)),
                 (i, a.id, AreaField.split, unsaved(.splitArea(from: a.id), stored: ""))]
            }
            guard let (i, id, field, _) = edits.first(where: { $0.3 }) else { return [] }
            c.editing = (id, field)
            c.area = i
            c.pane = .areas
            run.stepState = .cluster(c)
        case .activities(let state):
            guard state.editing == nil, let i = run.firstWithEditDraft(run.data.activities.map(\.id), parts: ActivityPart.allCases.count,
                                                                       { .activity(step: run.step.id, editing: $0, part: $1) })
            else { return [] }
            run.activities.item = i
            return startEditing(run.data.activities[i], &run)
        case .goals(let state):
            guard state.editing == nil, let i = run.firstWithEditDraft(run.data.goals.map(\.id), parts: GoalPart.allCases.count,
                                                                       { .goal(step: run.step.id, editing: $0, part: $1) })
            else { return [] }
            run.goals.item = i
            return startEditing(run.data.goals[i], &run)
        case .summary(let state):
            guard state.editing == nil, let i = run.firstWithEditDraft(run.data.summaryItems.map(\.id), parts: SummaryPart.allCases.count,
                                                                       { .summaryEdit(id: $0, part: $1) })
            else { return [] }
            run.summary.item = i
            return startEditing(run.data.summaryItems[i], &run)
        case .vote, .checklist, .rating, .problem, .followUp:
            break // their drafts are found by `moveToDraft`
        }
        return []
    }
}
