// The application as a state machine: `update(event)` changes the state and
// returns effects as data; the executable performs them (store, quit) and
// feeds the results back as events. Nothing here does I/O.

public struct CycleOverview: Equatable, Sendable {
    public var cycle: Cycle
    /// Newest first.
    public var meetings: [Meeting]
    /// Retired: off the home screen unless asked for; nothing deleted.
    public var retired: Bool
    public init(cycle: Cycle, meetings: [Meeting], retired: Bool = false) {
        self.cycle = cycle
        self.meetings = meetings
        self.retired = retired
    }
}

public enum HomeRow: Equatable, Sendable {
    case cycle(Cycle)
    case meeting(Meeting)

    public var isCycle: Bool { if case .cycle = self { true } else { false } }
}

public struct HomeState: Equatable, Sendable {
    public var rows: [HomeRow] = []
    public var selection: Int = 0
    /// The retired cycles among the rows (shown only when asked for).
    public var retired: Set<Int64> = []
    /// Whether the rows have been read since the screen was opened. Keys
    /// typed before (Enter just after F6) wait for them, in `heldKeys`: on
    /// a list still empty they would be lost.
    public var loaded = false
    /// The rows are the first page only (`Event.homeFirstPage`): drawn
    /// while the rest is read, keys held until it comes.
    public var firstPageOnly = false
    var heldKeys: [Key] = []

    public init(overviews: [CycleOverview] = [], showRetired: Bool = false) {
        for o in overviews where showRetired || !o.retired {
            rows.append(.cycle(o.cycle))
            rows.append(contentsOf: o.meetings.map { .meeting($0) })
            if o.retired { retired.insert(o.cycle.id) }
        }
    }

    public var selectedRow: HomeRow? { rows.indices.contains(selection) ? rows[selection] : nil }

    /// The cycle of the selected row (the row itself, or the cycle a
    /// meeting belongs to).
    public var selectedCycleID: Int64? {
        guard let row = selectedRow else { return nil }
        switch row {
        case .cycle(let c): return c.id
        case .meeting(let m): return m.cycleID
        }
    }
}

/// Everything needed to run a meeting, as loaded from the store.
public struct OpenedMeeting: Equatable, Sendable {
    public var meeting: Meeting
    public var agenda: Agenda
    /// Seconds spent so far per step id.
    public var stepSeconds: [String: Double]
    /// Notes of the current step.
    public var notes: [Note]
    /// What this terminal had typed but not saved when it last stopped,
    /// by field (`FieldKey.draftName`; "" for a draft of an older samtal:
    /// the note line of the step it is opened at).
    public var drafts: [String: String]
    public var role: RunRole
    /// The step's first reading, read with the meeting: taken when it is
    /// the one the interface would ask (`firstQuery`), instead of asking it
    /// of the reading thread after the meeting is shown (issue 15).
    public var firstReading: StepReading?
    /// The facilitator's opening started the meeting (it was planned).
    public var startedByOpening = false
    public init(meeting: Meeting, agenda: Agenda, stepSeconds: [String: Double], notes: [Note], drafts: [String: String] = [:],
                role: RunRole = .facilitator) {
        self.meeting = meeting
        self.agenda = agenda
        self.stepSeconds = stepSeconds
        self.notes = notes
        self.drafts = drafts
        self.role = role
    }

    /// The reading of its step the interface asks first as the meeting
    /// opens (`RunState.query`).
    public var firstQuery: StepQuery {
        var bare = self
        bare.notes = []
        bare.firstReading = nil
        return RunState(opened: bare, now: 0).query
    }
}

/// A step's reading and what it was asked.
public struct StepReading: Equatable, Sendable {
    public var query: StepQuery
    public var data: StepData

    public init(query: StepQuery, data: StepData) {
        self.query = query
        self.data = data
    }
}

/// Who a terminal running a meeting is: the facilitator (moves the steps,
/// sees every group, keeps the clock), the projector (shows, follows), or a
/// note-taker's station (types for one group, follows).
public enum RunRole: Equatable, Sendable {
    case facilitator
    case projector
    case station(group: Int, name: String)

    public var follows: Bool { self != .facilitator }

    /// Which terminal this is, for its drafts and its note journal: "run",
    /// "present", "capture-2" for group 2's station, "capture-2-Åsa" for
    /// Åsa's there (two note-takers of one group keep their own drafts).
    public var station: String {
        switch self {
        case .facilitator: return "run"
        case .projector: return "present"
        case .station(let group, let name): return name.isEmpty ? "capture-\(group)" : "capture-\(group)-\(name)"
        }
    }

    /// The key a named station's drafts were kept under before they were
    /// kept per name (the group's alone); nil where it is the same.
    public var stationBeforeNames: String? {
        guard case .station(let group, let name) = self, !name.isEmpty else { return nil }
        return "capture-\(group)"
    }
}

public struct RunState: Equatable, Sendable {
    public var meeting: Meeting
    public var agenda: Agenda
    public var stepIndex: Int {
        // Another step's provisional notes are not this step's.
        didSet { notesAreStored = false }
    }
    /// The current step's notes, in display order (group, then time).
    public private(set) var notes: [Note] {
        didSet { noteIndex = NoteIndex(notes) }
    }
    /// Where each note and each group's notes are in `notes`, kept with
    /// them: a key or a frame finds a note without going through all.
    public private(set) var noteIndex = NoteIndex([])
    /// The notes as the store last handed them over (display order, none
    /// provisional), and whether `notes` is still exactly those and this
    /// step's provisional ones. The store hands back the same array while no
    /// note was written (issue 15), so a reload after a commit that changed
    /// no note (the draft written each second while typing) is recognised
    /// at once, without looking at a note.
    private var storedList: [Note] = []
    private var notesAreStored = false
    /// Stored seconds per step, not counting the running stretch.
    public var stepSeconds: [String: Double]
    /// Since when this step has been timed beyond `stepSeconds`: the
    /// facilitator's own clock, or for a station and the projector the
    /// facilitator's as stored (`Meeting.clockFrom`; nil: no facilitator
    /// runs the meeting, the clock stands still).
    public var clockStart: Timestamp?
    /// The facilitator has stored its clock since it opened the meeting
    /// (done at its first tick, not in the way of the first frame).
    public var clockShared = false
    /// This opening started the meeting (it was planned), and nothing has
    /// been done in it since: left so (F10, F6), the facilitator is asked
    /// whether it stays planned (the twelfth walk: a meeting opened to look
    /// at its agenda was "pågår" after).
    public var onlyLookedAt = false
    public var showTalkingPoints = true
    /// The page of the talking points shown (counted on; the screen takes
    /// it round its number of pages).
    public var talkingPointsPage = 0
    /// The group new notes go to: 1…groupCount, or 0 for the plenary.
    public var group = 1
    public var noteType: NoteType = .problem
    public var input = TextField()
    /// The note being edited on the input line, with the group and type the
    /// input line had before, to restore afterwards.
    public var editing: (id: Int64, group: Int, type: NoteType)?
    /// The source of the note being edited (F5 changes it).
    public var editSource: NoteSource?
    public var selection: Int64?
    /// What the step's own interaction works on (focus areas, dots, …).
    public var data: StepData
    /// What the facilitator is doing within the step: the step kind's own
    /// state (`StepState.swift`).
    public var stepState = StepState.present
    /// The field the input line is bound to (see FieldEditor.swift).
    public var bound: FieldKey?
    /// The current step's records have been read since it was entered.
    public var stepLoaded = false
    /// Notes sent to the store so far (numbers their provisional ids).
    var provisionalCount: Int64 = 0
    /// This step's writes sent to the store and not yet answered.
    var writesInFlight = 0
    /// Readings (numbered as `AppState.readsAsked` counts them) up to this
    /// one were asked before a write of this step, or while one was on its
    /// way: read on another thread, they may have read the store before
    /// that write committed, and arrive after its answer.
    var untrustedReads = 0
    /// The note type was set by the step (`note_type` in the agenda).
    var noteTypeFromStep = false
    /// Keys typed before the step's records were read, in a step whose
    /// fields edit stored values or whose keys act on its lists: applied,
    /// in order, once they are.
    var heldKeys: [Key] = []
    /// A focus area made (or split off) here whose write has not been
    /// answered: the list selects it once stored, so an Enter typed after
    /// its name (a note into it) waits for it.
    var areaComing = false

    /// Whether keys wait for the step's records: typed into a rating,
    /// checklist or problem field before its stored value is known, they
    /// would be taken for a change of it; in a vote or a cluster step they
    /// move in and act on lists the store has not given yet (↓ Enter on a
    /// list still empty: the dot, the note moved, lost). In a cluster step
    /// whose first reading has a screenful of the cycle's notes, they wait
    /// for the rest too.
    var holdsKeys: Bool {
        if areaComing { return true }
        guard !stepLoaded || data.sourceNotesNotRead > 0 else { return false }
        switch step.kind {
        case .rating, .checklist, .problem, .followUp, .cluster: return role == .facilitator
        case .vote: return role != .projector // a station puts its group's dots
        case .present, .collect, .activities, .goals, .summary: return false
        }
    }
    /// The input line holds a draft offered back, not yet saved.
    public var restoredDraft = false
    /// Unsaved text of the fields the input line is not bound to, by
    /// `FieldKey.draftName`.
    public var drafts: [String: String] = [:]
    /// The drafts as last written to the store.
    public var savedDrafts: [String: String] = [:]
    /// The drafts offered back when the meeting was opened (text left when
    /// the terminal last went away), until their field is left: only they
    /// are "from last time"; text typed in this session and met again in
    /// another step is not.
    var draftsFromBefore: Set<String> = []
    /// The second of the clock (seconds since 1970, whole) in which the
    /// drafts were last looked at for writing: they are written at most
    /// once a second, however often the interface ticks (it ticks before
    /// every key).
    public var draftSecond: Double = -1
    public var role: RunRole = .facilitator
    /// What the store held for the bound field when this terminal's text
    /// last agreed with it: another terminal's save since is a conflict.
    public var boundBase: String?
    /// Another terminal saved this text into the bound field while this one
    /// was typing; Enter once more writes over it (`conflictConfirmed`).
    public var fieldConflict: String?
    var conflictConfirmed = false
    /// The area being given to a group: the next key names the group.
    public var assigningArea: Int64?
    /// Which terminal this is, for its draft.
    public var station: String { role.station }

    public init(opened: OpenedMeeting, now: Timestamp) {
        meeting = opened.meeting
        agenda = opened.agenda
        stepIndex = min(max(0, opened.meeting.currentStepIndex), max(0, opened.agenda.steps.count - 1))
        notes = []
        stepSeconds = opened.stepSeconds
        clockStart = opened.role == .facilitator ? now : opened.meeting.clockFrom
        onlyLookedAt = opened.startedByOpening && opened.role == .facilitator
        role = opened.role
        group = opened.meeting.groupCount > 0 ? 1 : 0
        if case .station(let g, _) = opened.role { group = g }
        data = StepData(stepID: "")
        data.stepID = step.id
        stepState = StepState(step.kind)
        setNotes(opened.notes)
    }

    public static func == (a: RunState, b: RunState) -> Bool {
        a.equalsOutsideNoteLine(b) && a.input == b.input && a.drafts == b.drafts && a.savedDrafts == b.savedDrafts
            && a.draftSecond == b.draftSecond
    }

    /// Equal in everything but the note line's text and the drafts kept
    /// of it: what a key typed on the line changes. A screen drawn from
    /// two such states differs in the note line only (the renderer draws
    /// just that row again then, issue 15). A field added to the state
    /// belongs here, so that `==` compares it too.
    public func equalsOutsideNoteLine(_ b: RunState) -> Bool {
        let a = self
        return a.meeting == b.meeting && a.agenda == b.agenda && a.stepIndex == b.stepIndex && a.notes == b.notes
            && a.stepSeconds == b.stepSeconds && a.clockStart == b.clockStart && a.clockShared == b.clockShared && a.onlyLookedAt == b.onlyLookedAt && a.showTalkingPoints == b.showTalkingPoints
            && a.talkingPointsPage == b.talkingPointsPage
            && a.group == b.group && a.noteType == b.noteType && a.editing?.id == b.editing?.id
            && a.selection == b.selection && a.data == b.data && a.stepState == b.stepState && a.bound == b.bound
            && a.stepLoaded == b.stepLoaded && a.restoredDraft == b.restoredDraft && a.draftsFromBefore == b.draftsFromBefore && a.role == b.role
            && a.assigningArea == b.assigningArea && a.boundBase == b.boundBase && a.fieldConflict == b.fieldConflict
            && a.conflictConfirmed == b.conflictConfirmed && a.areaComing == b.areaComing
    }

    public var step: AgendaStep { agenda.steps[stepIndex] }

    /// The note of this step with the id, if it is here.
    public func note(id: Int64) -> Note? {
        noteIndex.position[id].map { notes[$0] }
    }

    /// Whether this terminal may select, edit or delete the note: the
    /// facilitator any, a station its own group's.
    public func mayChange(_ note: Note) -> Bool {
        if case .station(let group, _) = role { return note.group == group }
        return true
    }

    /// The name put on new notes: the station's note-taker in a meeting
    /// with named notes, else none.
    public var author: String {
        if meeting.facts.namedNotes, case .station(_, let name) = role { return name }
        return ""
    }

    /// Seconds spent in the current step, including the running stretch.
    public func elapsed(now: Timestamp) -> Double {
        (stepSeconds[step.id] ?? 0) + running(now: now)
    }

    /// The running stretch of the current step: none in a finished meeting
    /// opened again (to look at it or correct a note), whose steps' times
    /// are the meeting's as it was held.
    func running(now: Timestamp) -> Double {
        guard meeting.status != .finished, let start = clockStart else { return 0 }
        return max(0, now - start)
    }

    /// What looks like personal data in each note, found once when the note
    /// arrives (not on every frame).
    public private(set) var personalData: [Int64: [PersonalDataKind]] = [:]

    mutating func setNotes(_ list: [Note]) {
        // Read again after a commit that changed none of them (a draft
        // written, another step's note): the order, the index and what was
        // found in them stay as they are. The store hands back the same
        // texts it read before, so comparing them is cheap.
        if notesAreStored, list.count == storedList.count,
           list.withUnsafeBufferPointer({ $0.baseAddress }) == storedList.withUnsafeBufferPointer({ $0.baseAddress }) {
            return
        }
        defer {
            storedList = list
            notesAreStored = true
        }
        NoteWork.add(notes.count)
        if storedNotesAre(list) { return }
        NoteWork.add(list.count)
        // Notes on their way to the store stay until the store answers.
        let provisional = notes.filter { $0.id < 0 && $0.stepID == step.id }
        let before = (notes, noteIndex, personalData)
        // The store reads them in this order: sorted again only when they
        // are not (a provisional note among them). The sort's first use
        // cost ~0.3 M instructions of runtime type checks at a start.
        func inOrder(_ a: Note, _ b: Note) -> Bool { (a.group, a.createdAt, a.id) < (b.group, b.createdAt, b.id) }
        var sorted = provisional.isEmpty
        var i = 1
        while sorted && i < list.count {
            sorted = !inOrder(list[i], list[i - 1])
            i += 1
        }
        notes = sorted ? list : (list + provisional).sorted(by: inOrder)
        personalData = [:]
        // A step is loaded again after every commit (a draft written each
        // second while typing): a note whose text is as it was keeps what
        // was found in it, and only new or changed text is scanned.
        for note in notes {
            if let i = before.1.position[note.id], before.0[i].text == note.text {
                personalData[note.id] = before.2[note.id]
            } else {
                scanForPersonalData(note)
            }
        }
    }

    /// Whether the notes held are `list` and notes of this step on their
    /// way to the store; compared in place, without copying a note.
    func storedNotesAre(_ list: [Note]) -> Bool {
        var j = 0
        for i in notes.indices {
            if notes[i].id < 0 {
                if notes[i].stepID != step.id { return false }
                continue
            }
            guard j < list.count, notes[i] == list[j] else { return false }
            j += 1
        }
        return j == list.count
    }

    mutating func scanForPersonalData(_ note: Note) {
        let kinds = PersonalData.kinds(in: note.text)
        personalData[note.id] = kinds.isEmpty ? nil : kinds
    }

    /// Inserts or replaces one note, keeping display order; cost grows with
    /// the notes of this step only.
    mutating func upsert(_ note: Note) {
        if note.id >= 0 || note.stepID != step.id { notesAreStored = false }
        notes.removeAll { $0.id == note.id }
        let key = (note.group, note.createdAt, note.id)
        let at = notes.firstIndex { ($0.group, $0.createdAt, $0.id) > key } ?? notes.count
        notes.insert(note, at: at)
        scanForPersonalData(note)
    }

    /// A note sent to the store and not yet committed, shown with a
    /// negative id ("sparas…").
    mutating func addProvisional(_ draft: NoteDraft) {
        provisionalCount += 1
        // After every stored note, in the order sent.
        upsert(Note(id: -provisionalCount, meetingID: draft.meetingID, stepID: draft.stepID, group: draft.group, type: draft.type,
                    source: draft.source, text: draft.text, createdAt: 1e15 + Double(provisionalCount), author: draft.author))
    }

    /// The provisional note the store has answered for; its id, if it was
    /// held.
    @discardableResult
    mutating func removeProvisional(_ draft: NoteDraft) -> Int64? {
        guard let i = notes.firstIndex(where: { $0.id < 0 && $0.stepID == draft.stepID && $0.group == draft.group && $0.text == draft.text })
        else { return nil }
        return notes.remove(at: i).id
    }

    mutating func remove(noteID: Int64) {
        notesAreStored = false
        notes.removeAll { $0.id == noteID }
        if selection == noteID { selection = nil }
    }
}

public enum Screen: Equatable, Sendable {
    case home(HomeState)
    case form(Form)
    case run(RunState)
    /// The analysis workspace of a cycle.
    case workspace(WorkspaceState)
    /// Only inside `update`, while a screen's state is taken out to be
    /// changed in place: without it the state would be shared and every
    /// keystroke would copy the whole input line (a 1 MB paste: O(n²)).
    case detached
}

public enum HomeFocus: Equatable, Sendable {
    case cycle(Int64)
    case meeting(Int64)
}

public enum ConfirmAction: Equatable, Sendable {
    case deleteNote(Int64)
    case finishMeeting
    /// Retire a cycle (off the home screen; nothing is deleted).
    case retireCycle(Int64)
    case deleteFocusArea(Int64)
    case deleteSummaryItem(Int64)
    case deleteActivity(Int64)
    case deleteCause(Int64)
    case deleteGoal(Int64)
    case deleteFollowUp(Int64)
    case deleteContribution(Int64)
    /// Write the export over the file already at its output.
    case overwriteExport(ExportRequest)
    /// Leave the program with a form's typed text not saved.
    case quitUnsavedForm
    /// Leave a meeting this opening started and nothing was done in: keep
    /// it planned (yes) or started (no); `quit`: the program, else home.
    case leaveUnstarted(quit: Bool)
}

public enum Dialog: Equatable, Sendable {
    case help(KeyContext)
    case confirm(ConfirmAction)
    /// The chain behind a workspace row, scrolled with `helpScroll`.
    case trace(Trace)
    /// The notes the public feedback would print, each to be published,
    /// shortened or excluded before it is written.
    case publicReview(PublicReviewDialog)
}

public struct StatusMessage: Equatable, Sendable {
    public var text: String
    public var isError: Bool
    /// Shown until this time; errors stay until the next key.
    public var until: Timestamp
}

public enum Event: Equatable, Sendable {
    case key(Key)
    /// The clock: sent every time the loop wakes.
    case tick(now: Timestamp, today: String)
    case homeLoaded([CycleOverview])
    /// The first cycles, whole, enough for the home screen's first page
    /// (`Effect.loadHomeFirstPage`); every cycle follows as `homeLoaded`.
    case homeFirstPage([CycleOverview])
    case meetingOpened(OpenedMeeting)
    /// What a step shows, loaded from the store (after a move, a write, or
    /// another terminal's commit).
    case stepLoaded(StepData)
    /// A step's write committed; the step's data as it is now.
    case stepWritten(StepWrite, StepData)
    /// A step's reading (`.loadStep`) failed, with the store's message.
    case stepNotLoaded(String)
    case noteSaved(Note)
    case noteUpdated(Note)
    case noteDeleted(Int64)
    case cycleCreated(Cycle)
    /// A cycle's area and period saved (`.renameCycle`): its form closes.
    case cycleRenamed(Int64)
    case meetingCreated(Meeting)
    case factsSaved(Meeting)
    /// A store operation failed; the message says what.
    case failed(String)
    /// Something was committed to the store, possibly by another terminal.
    case storeChanged
    /// The meeting as it is in the store now (for terminals that follow the
    /// facilitator), with its step times.
    case meetingFollowed(Meeting, stepSeconds: [String: Double])
    /// The cycle's analysis as it is in the store now.
    case analysisLoaded(CycleAnalysis)
    /// The live notes of a cycle's meetings by source (for F2's promise draft).
    case promiseSourcesLoaded(cycleID: Int64, [NoteSource: Int])
    /// A background export moved on.
    case exportProgress(ExportStage)
    /// A background export wrote its file (or folder); `warnings` notes
    /// may hold personal data.
    case exportFinished(path: String, warnings: Int)
    /// The notes a meeting's public feedback would print, for the review
    /// before it is written.
    case publicReviewLoaded(title: String, items: [PublicReviewItem], request: ExportRequest)
    /// The same notes after a decision was saved: changes the review if it
    /// is still open (Esc may have closed it meanwhile).
    case publicReviewChanged([PublicReviewItem])
    /// A background export found a file at `path` and wrote nothing.
    case exportExists(ExportRequest, path: String)
    /// The store has kept a write waiting (another process holds it), or
    /// no longer does.
    case storeWaiting(Bool)
    /// The terminal sent a byte that is not UTF-8 (it was taken as Latin-1).
    case terminalNotUTF8
    /// A note could not be saved (not a busy store: that is waited for).
    case noteNotSaved(NoteDraft, message: String)
    /// Leaving, once what was sent to the store is written.
    case closing
    /// The store was made by this start (there was none at its path).
    case storeMade(path: String)
    /// The store was upgraded as it opened; `copy` is it as it was.
    case storeUpgraded(copy: String)
    /// A screen's stored form draft (`.loadFormDraft`), if it has one.
    case formDraftLoaded(scope: String, FormDraft?)
}

public enum Effect: Equatable, Sendable {
    case loadHome
    /// The home screen's first cycles, at least `rows` rows of them: its
    /// start draws them while the rest is read (issue 15).
    case loadHomeFirstPage(rows: Int, showRetired: Bool)
    case createCycle(area: String, period: String)
    case createMeeting(cycleID: Int64, agendaID: String, title: String, date: String, place: String)
    case saveFacts(meetingID: Int64, title: String, facts: MethodFacts, groupCount: Int)
    case openMeeting(Int64)
    /// Saves the note and clears the drafts it came from, in one transaction.
    case saveNote(NoteDraft, clearing: DraftRef? = nil)
    case updateNote(id: Int64, text: String, group: Int, type: NoteType, source: NoteSource? = nil, clearing: DraftRef? = nil)
    /// Gives a group of the meeting a source for its notes.
    case setGroupSource(meetingID: Int64, group: Int, source: NoteSource)
    case deleteNote(Int64)
    /// Adds the seconds to the step's stored time, and stores since when
    /// the facilitator times it beyond them (nil: no longer).
    case recordStepTime(meetingID: Int64, stepID: String, seconds: Double, clockFrom: Timestamp?)
    /// Adds the seconds to the step left and makes `toIndex` current, its
    /// clock running from `at`: one transaction.
    case moveToStep(meetingID: Int64, leaving: String, seconds: Double, toIndex: Int, at: Timestamp)
    /// Keeps a field's unsaved text (nil removes the draft; "" is a stored
    /// field emptied but not yet saved).
    case saveDraft(meetingID: Int64, station: String, field: String, text: String?)
    /// Asks for the form draft a screen left (answered by `.formDraftLoaded`).
    case loadFormDraft(scope: String)
    /// Keeps a form's unsaved content for the screen `scope` (nil removes it).
    case saveFormDraft(scope: String, draft: FormDraft?)
    /// A form's save (`save`), and the removal of its draft, in one
    /// transaction.
    indirect case removingFormDraft(scope: String, save: Effect)
    /// The facilitator looked at a note's apparent personal data and keeps it.
    case setPersonalDataChecked(noteID: Int64, checked: Bool)
    /// Hides a note from the projector or shows it again (answered by `.noteUpdated`).
    case setNoteHidden(noteID: Int64, hidden: Bool)
    /// Reads the meeting again (answered by `.meetingFollowed`).
    case followMeeting(Int64)
    /// Gives the groups their focus areas in a step (a group not in
    /// `areas` chooses); answered by `.meetingFollowed`.
    case setGroupAreas(meetingID: Int64, stepID: String, areas: [Int: Int64])
    /// Turns the projector's wall to page counter `page`, held a while
    /// (answered by `.meetingFollowed`).
    case turnWall(meetingID: Int64, page: Int)
    /// Loads what a step shows (answered by `.stepLoaded`).
    case loadStep(StepQuery)
    /// Writes a step kind's record, then loads the step again (answered by
    /// `.stepWritten`).
    case writeStep(StepWrite, StepQuery, clearing: DraftRef? = nil)
    case finishMeeting(meetingID: Int64, seconds: Double, stepID: String)
    /// The meeting as it was before this terminal's opening started it:
    /// planned, no step time, no clock (`RunState.onlyLookedAt`); left as
    /// it is where another terminal has written in it meanwhile.
    case unstartMeeting(meetingID: Int64)
    /// Reads the cycle's analysis (answered by `.analysisLoaded`).
    case loadAnalysis(cycleID: Int64)
    /// Counts the cycle's live notes by source (answered by `.promiseSourcesLoaded`).
    case loadPromiseSources(cycleID: Int64)
    /// Writes a workspace change, then reads the analysis again.
    case writeAnalysis(WorkspaceWrite, cycleID: Int64)
    /// Writes a document in the background (answered by `.exportProgress`
    /// and `.exportFinished`, or `.failed`).
    case export(ExportRequest)
    /// A cycle's new area and period; answered by `.cycleRenamed`, then `.homeLoaded`.
    case renameCycle(id: Int64, area: String, period: String)
    /// Retires a cycle or brings it back; answered by `.homeLoaded`.
    case setCycleRetired(id: Int64, retired: Bool)
    /// Reads the notes of a meeting's public feedback for the review
    /// (answered by `.publicReviewLoaded`).
    case loadPublicReview(ExportRequest)
    /// Saves review decisions in one transaction; with a request, reads the
    /// review again (answered by `.publicReviewLoaded`).
    case reviewNotes([NoteReviewDecision], reload: ExportRequest?)
    /// Ctrl-Z: the terminal goes back to the shell until `fg`.
    case suspend
    case quit
}

extension Effect {
    /// Work done in a meeting: what makes a meeting opened to be looked at
    /// one that was started (`RunState.onlyLookedAt`). The clock's own
    /// writes and the reads are not.
    var worksInMeeting: Bool {
        switch self {
        case .saveFacts, .saveNote, .updateNote, .setGroupSource, .deleteNote, .moveToStep, .saveDraft, .setPersonalDataChecked,
             .setNoteHidden, .setGroupAreas, .turnWall, .writeStep, .finishMeeting, .writeAnalysis, .reviewNotes, .saveFormDraft:
            return true
        case .removingFormDraft(_, let save):
            return save.worksInMeeting
        case .loadHome, .loadHomeFirstPage, .createCycle, .createMeeting, .openMeeting, .recordStepTime, .loadFormDraft, .followMeeting,
             .loadStep, .unstartMeeting, .loadAnalysis, .loadPromiseSources, .export, .renameCycle, .setCycleRetired, .loadPublicReview, .suspend, .quit:
            return false
        }
    }
}

public struct AppState: Equatable, Sendable {
    public var texts: Texts
    public var screen: Screen
    public var dialog: Dialog?
    public var status: StatusMessage?
    public var now: Timestamp
    public var today: String
    public var agendas: [AgendaInfo]
    /// The row to select once the home screen is loaded again.
    public var homeFocus: HomeFocus?
    /// How far the help screen is scrolled (for terminals shorter than it).
    public var helpScroll = 0
    /// The home screen lists the retired cycles too.
    public var showRetired = false

    /// What the home screen's start reads first: its first cycles, enough
    /// for `rows` rows (`Effect.loadHomeFirstPage`).
    public func homeFirstPage(rows: Int) -> Effect { .loadHomeFirstPage(rows: rows, showRetired: showRetired) }
    /// Step readings asked (`.loadStep`) and answered (`.stepLoaded`,
    /// `.stepNotLoaded`) so far: one reader answers them in order, so an
    /// answer's number is the asking's.
    var readsAsked = 0
    var readsAnswered = 0
    /// The effects of held keys replayed within an event, already taken
    /// account of (writes shown, readings counted) by their own `update`.
    var replayed: [Effect] = []
    /// Form drafts (FormDraft.swift): the screen whose stored draft was
    /// asked for since it was entered, a stored draft waiting for its
    /// screen's data, what was written per screen, and the second they
    /// were last compared.
    var formDraftAsked: String?
    var formDraftToRestore: (scope: String, draft: FormDraft)?
    var formDraftsWritten: [String: FormDraft] = [:]
    /// What the form sent to be saved held: not written as a draft again
    /// while its save is on its way (a failed save clears it).
    var formDraftSubmitted: FormDraft?
    var formDraftSecond: Timestamp = -1
    /// The step clock is written to the store this often while it runs, so
    /// a crash loses at most this much of the time record.
    public static let clockFlushSeconds: Double = 30

    public init(language: Language, screen: Screen = .home(HomeState()), agendas: [AgendaInfo] = [],
                now: Timestamp = 0, today: String = "") {
        texts = Texts(language)
        self.screen = screen
        self.agendas = agendas
        self.now = now
        self.today = today
    }

    public static func == (a: AppState, b: AppState) -> Bool {
        a.screen == b.screen && a.status == b.status && a.now == b.now && a.equalsOutsideScreen(b)
    }

    private func equalsOutsideScreen(_ b: AppState) -> Bool {
        dialog == b.dialog && helpScroll == b.helpScroll && equalsOutsideScreenAndDialog(b)
    }

    private func equalsOutsideScreenAndDialog(_ b: AppState) -> Bool {
        texts.language == b.texts.language && today == b.today && agendas == b.agendas
            && homeFocus == b.homeFocus && showRetired == b.showRetired
    }

    /// Both on a meeting's screen, equal in everything but the dialog
    /// over it and the note line, the message shown and the time: what
    /// the projector's wall is drawn from but its clock and page (the
    /// wall under a dialog is the frame kept, issue 15).
    public func equalsOutsideDialogAndNoteLine(_ b: AppState) -> Bool {
        guard equalsOutsideScreenAndDialog(b), case .run(let x) = screen, case .run(let y) = b.screen else { return false }
        return x.equalsOutsideNoteLine(y)
    }

    /// Both on a meeting's screen, equal in everything but the note line
    /// (`RunState.equalsOutsideNoteLine`), the message shown and the time.
    public func equalsOutsideNoteLine(_ b: AppState) -> Bool {
        guard equalsOutsideScreen(b), case .run(let x) = screen, case .run(let y) = b.screen else { return false }
        return x.equalsOutsideNoteLine(y)
    }

    /// The keymap context in force.
    public var keyContext: KeyContext {
        switch dialog {
        case .help: return .help
        case .confirm: return .confirm
        case .trace: return .trace
        case .publicReview: return .review
        case nil: break
        }
        switch screen {
        case .home, .detached: return .home
        // A form without participant rows has no keys for them.
        case .form(let form): return form.participants == nil ? .recordForm : .form
        case .run(let run): return run.keyContext
        case .workspace(let ws): return ws.form != nil ? .recordForm : ws.tab.keyContext
        }
    }

    /// "Sparad", or a warning when the note looks like it holds personal
    /// data (it is saved all the same, and marked in the list).
    mutating func warnOrSay(_ note: Note, saved: TextKey) {
        let kinds = note.personalDataChecked ? [] : PersonalData.kinds(in: note.text)
        let contexts = note.personalDataChecked ? [] : IdentifyingContextScan.flags(in: note.text)
        var warnings: [String] = []
        if !kinds.isEmpty { warnings.append("\(texts[.personalDataWarning]): " + kinds.map { texts.personalData($0) }.joined(separator: ", ")) }
        if !contexts.isEmpty { warnings.append("\(texts[.identifyingWarning]): " + contexts.map { texts.identifying($0) }.joined(separator: ", ")) }
        if warnings.isEmpty {
            say(texts[saved])
        } else {
            say("\(texts[saved]) – " + warnings.joined(separator: "; "), seconds: 8)
        }
    }

    mutating func say(_ text: String, error: Bool = false, seconds: Double = 3) {
        status = StatusMessage(text: text, isError: error, until: error ? .infinity : now + seconds)
    }

    /// An editing key into a text field (`TextField.handle`); a paste that
    /// does not fit is refused whole, and the status line says so.
    @discardableResult
    mutating func edit(_ field: inout TextField, _ key: Key) -> Bool {
        if case .paste(let text) = key, let refusal = field.refusal(ofPaste: text) {
            say(texts.pasteRefused(refusal), error: true)
            return true
        }
        return field.handle(key)
    }

    // MARK: update

    public mutating func update(_ event: Event) -> [Effect] {
        // A tick within the second (the loop sends one before every key,
        // so that keys act on the current time) where nothing falls due
        // changes the time only: taken without the run state's copies and
        // the input line's binding, a sixth of a key's instructions
        // (issue 15). `TickShortcutTests` holds it to `updateFully`.
        if case .tick(let now, let today) = event, tickOnlyMovesTime(now) {
            self.now = now
            self.today = today
            return []
        }
        return updateFully(event)
    }

    /// Whether a tick at `now` would change nothing but the time: the same
    /// second as the last (no form or meeting drafts due), no message
    /// running out, and the facilitator's clock neither unshared nor due to
    /// be stored (see `.tick` in `apply`).
    func tickOnlyMovesTime(_ now: Timestamp) -> Bool {
        let second = now.rounded(.down)
        guard second == formDraftSecond, status.map({ now < $0.until }) ?? true else { return false }
        guard case .run(let run) = screen else { return true }
        guard run.draftSecond == second else { return false }
        guard run.role == .facilitator, run.meeting.status != .finished, let start = run.clockStart else { return true }
        return run.clockShared && now - start < AppState.clockFlushSeconds
    }

    /// `update` without the tick's shortcut.
    mutating func updateFully(_ event: Event) -> [Effect] {
        let formBefore = openForm
        var effects = apply(event)
        if case .key = event { effects = settleFormDraft(formBefore, effects) }
        let replayed = self.replayed
        self.replayed = []
        // Whatever moved the cursor (a key, a load, another terminal), the
        // input line now belongs to the field the cursor points at.
        if case .run(var run) = screen {
            screen = .detached
            effects += rebind(&run)
            // This step's writes are shown at once; the store's answers
            // replace them once every one has come back.
            if run.onlyLookedAt, effects.contains(where: \.worksInMeeting) { run.onlyLookedAt = false }
            for effect in effects {
                switch effect {
                case .writeStep(let write, let q, _) where q.stepID == run.step.id && q.meetingID == run.meeting.id:
                    run.data.apply(write, meetingID: run.meeting.id, cycleID: run.meeting.cycleID)
                    run.writesInFlight += 1
                    // A reading asked before it may not hold it.
                    run.untrustedReads = readsAsked
                case .loadStep:
                    readsAsked += 1
                    // Asked while a write is on its way: it may be read
                    // before that write commits.
                    if run.writesInFlight > 0 { run.untrustedReads = readsAsked }
                default:
                    break
                }
            }
            // Where the line agrees with the store, that is the base a later
            // save by another terminal is told from.
            if let key = run.bound, key.editsStoredValue, !run.inputChanged {
                run.boundBase = run.storedValue(key)
                run.fieldConflict = nil
            }
            screen = .run(run)
        } else {
            readsAsked += effects.filter { if case .loadStep = $0 { true } else { false } }.count
        }
        return effects + replayed
    }

    mutating func apply(_ event: Event) -> [Effect] {
        switch event {
        case .key(let key):
            // An error goes at the next key; the warning that another
            // terminal saved the field being typed in stays until Enter or
            // Esc has chosen (it went at a letter, and came back with the
            // next reading of the step: the seventeenth walk).
            let conflictWarning = status.map { $0.isError && $0.text.hasPrefix(texts[.fieldConflict]) } ?? false
            if status?.isError == true, !conflictWarning { status = nil }
            let effects = handleKey(key)
            // The new store's path is said on the home screen only: it went
            // on through the first forms (the twenty-second walk).
            if let s = status, s.text.hasPrefix(texts[.newStore] + ":") {
                if case .home = screen, dialog == nil {} else { status = nil }
            }
            if conflictWarning, status?.text.hasPrefix(texts[.fieldConflict]) == true,
               case .run(let run) = screen, run.fieldConflict == nil || run.conflictConfirmed {
                status = nil
            }
            return effects
        case .tick(let now, let today):
            self.now = now
            self.today = today
            if let s = status, now >= s.until { status = nil }
            // A form's unsaved content, once a second (as a meeting's drafts).
            var effects: [Effect] = []
            if now.rounded(.down) != formDraftSecond {
                formDraftSecond = now.rounded(.down)
                effects = pendingFormDrafts()
                // The word on a restored form goes with the form.
                if openForm == nil, status?.text == texts[.formDraftRestored] { status = nil }
            }
            guard case .run(var run) = screen else { return effects }
            // The clock stored every 30 s, and once at the first tick after
            // the meeting opened: the room's other screens count from it.
            if run.role == .facilitator, run.meeting.status != .finished, let start = run.clockStart {
                if !run.clockShared {
                    run.clockShared = true
                    effects.append(.recordStepTime(meetingID: run.meeting.id, stepID: run.step.id, seconds: 0, clockFrom: start))
                } else if now - start >= AppState.clockFlushSeconds {
                    let seconds = now - start
                    run.stepSeconds[run.step.id, default: 0] += seconds
                    run.clockStart = now
                    effects.append(.recordStepTime(meetingID: run.meeting.id, stepID: run.step.id, seconds: seconds, clockFrom: now))
                }
            }
            // Once a second: a draft written on every key was a commit and
            // a sync of the store on every key, and the reading after it.
            if now.rounded(.down) != run.draftSecond {
                run.draftSecond = now.rounded(.down)
                effects += run.pendingDrafts()
            }
            screen = .run(run)
            return effects
        case .homeFirstPage(let overviews):
            guard case .home(let old) = screen, !old.loaded else { return [] }
            var home = HomeState(overviews: overviews, showRetired: showRetired)
            home.heldKeys = old.heldKeys
            home.firstPageOnly = true
            screen = .home(home)
            return [.loadHome]
        case .homeLoaded(let overviews):
            // A form opened meanwhile (the facts of a new meeting) stays open.
            guard case .home(let old) = screen else { return [] }
            var home = HomeState(overviews: overviews, showRetired: showRetired)
            home.selection = min(old.selection, max(0, home.rows.count - 1))
            if let focus = homeFocus, let i = home.rows.firstIndex(where: { row in
                switch (row, focus) {
                case (.cycle(let c), .cycle(let id)): return c.id == id
                case (.meeting(let m), .meeting(let id)): return m.id == id
                default: return false
                }
            }) {
                home.selection = i
            }
            homeFocus = nil
            home.loaded = true
            screen = .home(home)
            // Keys typed meanwhile, in order, each through `update`.
            replayed = old.heldKeys.flatMap { update(.key($0)) }
            return formScreenLoaded(scope: Self.homeDraftScope)
        case .meetingOpened(let opened):
            guard !opened.agenda.steps.isEmpty else {
                say(texts[.errorNoAgendas], error: true)
                return []
            }
            var run = RunState(opened: opened, now: now)
            // Offered back: what was typed when the terminal went away.
            run.drafts = opened.drafts
            run.savedDrafts = opened.drafts
            if let old = run.drafts.removeValue(forKey: "") {
                run.drafts[FieldKey.note(step: run.step.id).draftName] = old
            }
            run.draftsFromBefore = Set(run.drafts.keys)
            enterStep(&run)
            _ = rebind(&run)
            screen = .run(run)
            dialog = nil
            if run.role == .facilitator && run.meeting.status == .finished {
                // Run again: its documents stay as they were at its finish
                // until it is finished again.
                say(texts[.finishedMeetingOpened], seconds: 15)
            }
            if let reading = opened.firstReading, reading.query == run.query {
                // Read with the meeting: the step's first reading, asked
                // and answered. A screenful of a cycle's notes to group is
                // drawn at once; the rest are asked now, and keys wait for
                // them (`holdsKeys`).
                readsAsked += 1
                let effects = apply(.stepLoaded(reading.data))
                return reading.data.sourceNotesNotRead > 0 ? effects + [.loadStep(run.query)] : effects
            }
            return [.loadStep(run.query)]
        case .stepLoaded(let data):
            readsAnswered += 1
            // While this terminal's writes are on their way, what they will
            // store is shown; the last one's answer brings the store's truth.
            guard case .run(var run) = screen, run.step.id == data.stepID, run.writesInFlight == 0 else { return [] }
            // A reading that may have missed a write whose answer is shown
            // already would take the step back (a focus area just made
            // gone, the selection moved off it) until the next reading: it
            // is asked again instead (what another terminal committed
            // after that answer was read is not lost). The first reading of
            // a step is taken whatever it is.
            guard !run.stepLoaded || readsAnswered > run.untrustedReads else { return [.loadStep(run.query)] }
            return takeReading(data, run)
        case .stepWritten(let write, let data):
            guard case .run(var run) = screen, run.step.id == data.stepID else { return [] }
            screen = .detached
            run.writesInFlight = max(0, run.writesInFlight - 1)
            if run.writesInFlight == 0 && !run.stepLoaded {
                // The step's first reading was asked before this terminal's
                // writes and could not be shown (PageDown, a decision and
                // Enter typed at once: the decision, stored, was not shown
                // until the step was read again). This answer's reading,
                // made after them all, is the step's first.
                stepWritten(write, written: data, run: &run)
                return takeReading(data, run)
            }
            // An answer to a write of an earlier visit of this step waits for
            // this visit's own reading of it.
            if run.writesInFlight == 0 && run.stepLoaded {
                run.loadKeepingInput(data)
                warnOfConflict(run)
                warnOfDeletedEdit(run)
            }
            stepWritten(write, written: data, run: &run)
            // Keys typed while a new area was on its way act now, on it.
            guard !run.holdsKeys, !run.heldKeys.isEmpty else {
                screen = .run(run)
                return []
            }
            let held = run.heldKeys
            run.heldKeys = []
            screen = .run(run)
            replayed = held.flatMap { update(.key($0)) }
            return []
        case .noteSaved(let note):
            guard case .run(var run) = screen else { return [] }
            let provisional = run.removeProvisional(NoteDraft(meetingID: note.meetingID, stepID: note.stepID, group: note.group,
                                                              type: note.type, source: note.source, text: note.text))
            if note.stepID == run.step.id { run.upsert(note) }
            // Selected while on its way to the store: still selected, now
            // by the id the store gave it.
            if let provisional, run.selection == provisional { run.selection = note.id }
            screen = .run(run)
            warnOrSay(note, saved: .noteSaved)
            return []
        case .noteUpdated(let note):
            guard case .run(var run) = screen else { return [] }
            let before = run.note(id: note.id)
            if note.stepID == run.step.id { run.upsert(note) }
            if let e = run.editing, e.id == note.id {
                // Changed elsewhere (a moderation) while being edited here:
                // the edit goes on, on the note as it is now.
                run.savedDrafts[FieldKey.noteEdit(id: e.id).draftName] = nil
            }
            screen = .run(run)
            if let before, before.hidden != note.hidden, before.text == note.text {
                // F7: what changed is said, not "Ändrad".
                say(texts[note.hidden ? .noteNowHidden : .noteNowShown])
            } else {
                warnOrSay(note, saved: .noteUpdated)
            }
            return []
        case .noteDeleted(let id):
            guard case .run(var run) = screen else { return [] }
            run.remove(noteID: id)
            // The note being changed deleted here (F4, then F8): the change
            // ends, and the line is what it was before F4.
            if run.editing?.id == id { cancelEdit(&run) }
            screen = .run(run)
            say(texts[.noteDeleted])
            return []
        case .cycleCreated(let cycle):
            screen = .home(HomeState())
            homeFocus = .cycle(cycle.id)
            return [.loadHome]
        case .cycleRenamed(let id):
            // The walk: F9 saved, and the form stayed open without a word.
            guard case .form(let form) = screen, form.purpose == .editCycle(id) else { return [] }
            screen = .home(HomeState())
            homeFocus = .cycle(id)
            say(texts[.cycleSaved])
            return []
        case .meetingCreated(let meeting):
            // Straight on to the method facts of the new meeting.
            screen = .form(.facts(for: meeting, texts: texts, intro: intro(ofAgenda: meeting.agendaID)))
            return []
        case .factsSaved(let meeting):
            screen = .home(HomeState())
            homeFocus = .meeting(meeting.id)
            return [.loadHome]
        case .stepNotLoaded(let message):
            readsAnswered += 1
            return apply(.failed(message))
        case .failed(let message):
            formDraftSubmitted = nil
            say("\(texts[.storeError]): \(message)", error: true)
            if case .home(var home) = screen, !home.loaded {
                // The rows could not be read: the keys held for them act
                // on the screen as it is (F10 and the forms still work).
                let held = home.heldKeys
                home.loaded = true
                home.heldKeys = []
                screen = .home(home)
                let error = status
                replayed = held.flatMap { update(.key($0)) }
                if status == nil { status = error } // a key would take it away
                return []
            }
            if case .run(var run) = screen, run.writesInFlight > 0 {
                // A write did not happen: show the step as the store has it
                // (keys held for an area that did not come act on that).
                run.writesInFlight = 0
                run.areaComing = false
                screen = .run(run)
                return [.loadStep(run.query)]
            }
            if case .workspace(var ws) = screen, var form = ws.submitted {
                // The write did not happen: the form comes back as typed.
                form.error = "\(texts[.storeError]): \(message)"
                ws.form = form
                ws.submitted = nil
                screen = .workspace(ws)
            }
            return []
        case .meetingFollowed(let meeting, let stepSeconds):
            guard case .run(var run) = screen, run.meeting.id == meeting.id else { return [] }
            let assigned = run.assignedArea
            if run.role.follows {
                if case .station = run.role, meeting.status == .finished, run.meeting.status != .finished, !run.input.isEmpty {
                    say(texts[.meetingEndedLineKept], seconds: 15)
                }
                run.meeting = meeting
                // The facilitator's clock, as it last stored it.
                run.stepSeconds = stepSeconds
                run.clockStart = meeting.clockFrom
            } else {
                // The facilitator keeps its own step, status and clock; it
                // takes what the room's terminals wrote (the groups' areas
                // and sources, the wall's page) and the meeting's title and
                // facts as they are now.
                run.meeting.title = meeting.title
                run.meeting.facts = meeting.facts
                run.meeting.groupAreas = meeting.groupAreas
                run.meeting.groupSources = meeting.groupSources
                run.meeting.wallPage = meeting.wallPage
                run.meeting.wallTurnedAt = meeting.wallTurnedAt
            }
            // The facilitator's own writes (group areas, the wall's page)
            // come back here too; only other terminals follow its steps.
            let to = run.role.follows ? min(max(0, meeting.currentStepIndex), run.agenda.steps.count - 1) : run.stepIndex
            var effects: [Effect] = []
            if to == run.stepIndex, run.assignedArea != assigned {
                // The facilitator gave this station's group another area.
                effects += followAssignedArea(&run, was: assigned)
            }
            if to != run.stepIndex {
                // The step left's message (an error stays until a key, but
                // that the step took no notes is not true of the next).
                if status?.isError == false || [texts[.stepTakesNoNotes], texts[.lastStepTakesNoNotes]].contains(status?.text) {
                    status = nil
                }
                // The facilitator moved on: follow, without keeping time here.
                if case .note? = run.bound, !run.input.trimmedText.isEmpty {
                    say("\(texts[.draftKeptInStep]) \(texts.quote(run.step.title)).", seconds: 10)
                }
                effects += leaveStep(&run)
                run.stepIndex = to
                run.talkingPointsPage = 0
                run.setNotes([])
                run.data = StepData(stepID: run.step.id)
                run.stepLoaded = false
                run.writesInFlight = 0
                run.heldKeys = [] // typed for the step left
                run.stepState = StepState(run.step.kind)
                run.selection = nil
                cancelEdit(&run)
                enterStep(&run)
                effects += [.loadStep(run.query)]
            }
            screen = .run(run)
            return effects
        case .analysisLoaded(let analysis):
            analysisLoaded(analysis)
            guard case .workspace(let ws) = screen, ws.cycleID == analysis.cycle.id else { return [] }
            return formScreenLoaded(scope: Self.workspaceDraftScope(ws.cycleID))
        case .promiseSourcesLoaded(let cycleID, let heard):
            return promiseSourcesLoaded(cycleID: cycleID, heard: heard)
        case .formDraftLoaded(let scope, let draft):
            return formDraftLoaded(scope: scope, draft)
        case .storeMade(let path):
            say("\(texts[.newStore]): \(path)", seconds: 30)
            return []
        case .storeUpgraded(let copy):
            say("\(texts[.storeUpgraded]): \(copy)", seconds: 30)
            return []
        case .exportProgress(let stage):
            exportProgressed(stage)
            return []
        case .exportFinished(let path, let warnings):
            exportFinished(path: path, warnings: warnings)
            return []
        case .exportExists(let request, let path):
            exportExists(request, path: path)
            return []
        case .publicReviewLoaded(let title, let items, let request):
            return publicReviewLoaded(title: title, items: items, request: request)
        case .publicReviewChanged(let items):
            if case .publicReview(var open) = dialog {
                open.items = items
                open.selected = min(open.selected, max(0, items.count - 1))
                dialog = .publicReview(open)
            }
            return []
        case .closing:
            say(texts[.closing], seconds: 3600)
            return []
        case .terminalNotUTF8:
            say(texts[.terminalNotUTF8], seconds: 15)
            return []
        case .storeWaiting(let waiting):
            if waiting {
                say(texts[.storeWaiting], seconds: 3600)
            } else if status?.text == texts[.storeWaiting] {
                status = nil
            }
            return []
        case .noteNotSaved(let draft, let message):
            guard case .run(var run) = screen else { return [] }
            screen = .detached
            run.removeProvisional(draft)
            // Back on the line when it is free; else in the message, whole.
            if run.bound == .note(step: draft.stepID) && run.input.isEmpty {
                run.input.set(draft.text)
                say("\(texts[.noteNotSaved]): \(message)", error: true)
            } else {
                say("\(texts[.noteNotSaved]) (\(texts.quote(draft.text))): \(message)", error: true)
            }
            screen = .run(run)
            return []
        case .storeChanged:
            switch screen {
            case .home: return [.loadHome]
            case .workspace(let ws): return [.loadAnalysis(cycleID: ws.cycleID)]
            case .run(let run):
                // The facilitator too: a station gives its group a source,
                // another terminal corrects the meeting's facts.
                return [.followMeeting(run.meeting.id), .loadStep(run.query)]
            case .form, .detached: return []
            }
        }
    }

    mutating func handleKey(_ key: Key) -> [Effect] {
        let context = keyContext
        let action = Keymap.action(for: key, in: context)
        if action == .suspend { return [.suspend] } // on every screen, in every dialog
        if case .publicReview(let review) = dialog {
            return handlePublicReview(review, key: key, action: action)
        }
        if let dialog {
            if case .help = dialog, action == nil, key.isTyped {
                // Text typed with the help open (the twentieth walk: a note
                // typed after F1 vanished): on a meeting's line it closes the
                // help and goes where it was typed; elsewhere, where letters
                // are commands, it is answered.
                if case .run(let run) = screen, run.bound != nil {
                    self.dialog = nil
                    helpScroll = 0
                    return handleKey(key)
                }
                say(texts[.helpOpenTyping], error: true)
                return []
            }
            return handleDialog(dialog, action: action)
        }
        switch screen {
        case .home(var home):
            // Quit acts at once only with nothing waiting before it: after
            // F2 and "Tor", a "q" is the name's next letter (the twelfth walk).
            if !home.loaded && (action != .quit || !home.heldKeys.isEmpty) {
                home.heldKeys.append(key)
                screen = .home(home)
                return []
            }
            let effects = handleHome(&home, action: action)
            if case .home = screen { screen = .home(home) }
            return effects
        case .form(var form):
            return handleForm(&form, key: key, action: action)
        case .run(var run):
            screen = .detached // run is now the only copy: edits happen in place
            defer { if case .detached = screen { screen = .run(run) } }
            var effects: [Effect]
            if run.holdsKeys {
                run.heldKeys.append(key)
                effects = []
            } else if run.role == .projector {
                // The projector only shows.
                effects = action == .quit ? quitEffects() : []
                if action == .help { dialog = .help(.projector) }
            } else if let handled = handleStepKind(&run, key: key, action: action, context: context) {
                effects = handled
            } else {
                effects = handleRun(&run, key: key, action: action)
            }
            if case .run = screen { screen = .run(run) }
            return effects
        case .workspace(var ws):
            screen = .detached
            let effects = handleWorkspace(&ws, key: key, action: action)
            if case .detached = screen { screen = .workspace(ws) }
            return effects
        case .detached:
            return []
        }
    }

    mutating func handleDialog(_ current: Dialog, action: Action?) -> [Effect] {
        switch (current, action) {
        case (.help, .closeHelp), (.trace, .closeHelp):
            dialog = nil
            helpScroll = 0
        case (.help, .scrollHelpDown), (.trace, .scrollHelpDown):
            helpScroll += 1 // the renderer stops at the end
        case (.help, .scrollHelpUp), (.trace, .scrollHelpUp):
            helpScroll = max(0, helpScroll - 1)
        case (.help, .quit):
            dialog = nil
            if hasUnsavedForm {
                dialog = .confirm(.quitUnsavedForm)
                return []
            }
            return quitEffects()
        case (.confirm(.quitUnsavedForm), .confirmYes):
            dialog = nil
            return quitEffects()
        case (.confirm(.leaveUnstarted(let quitting)), .confirmYes):
            // Planned again, as before it was opened.
            dialog = nil
            guard case .run(let run) = screen else { return [] }
            if quitting { return [.unstartMeeting(meetingID: run.meeting.id), .quit] }
            screen = .home(HomeState())
            homeFocus = .meeting(run.meeting.id)
            return [.unstartMeeting(meetingID: run.meeting.id), .loadHome]
        case (.confirm(.leaveUnstarted(let quitting)), .confirmNo):
            // Started: left as any meeting is.
            dialog = nil
            guard case .run(var run) = screen else { return [] }
            if quitting { return quitEffects() }
            return leaveForHome(&run)
        case (.confirm(.overwriteExport(let request)), .confirmYes):
            dialog = nil
            return [.export(request)]
        case (.confirm(.retireCycle(let id)), .confirmYes):
            dialog = nil
            say(texts[.cycleRetired])
            return [.setCycleRetired(id: id, retired: true)]
        case (.confirm(let what), .confirmYes):
            dialog = nil
            if case .workspace(let ws) = screen {
                let write: WorkspaceWrite
                switch what {
                case .deleteCause(let id): write = .deleteCause(id: id)
                case .deleteActivity(let id): write = .deleteActivity(id: id)
                case .deleteGoal(let id): write = .deleteGoal(id: id)
                case .deleteFollowUp(let id): write = .deleteFollowUp(id: id)
                case .deleteFocusArea(let id): write = .deleteFocusArea(id: id)
                default: return []
                }
                return [.writeAnalysis(write, cycleID: ws.cycleID)]
            }
            guard case .run(var run) = screen else { return [] }
            switch what {
            case .deleteNote(let id):
                return [.deleteNote(id)]
            case .deleteFocusArea(let id):
                return [.writeStep(.deleteFocusArea(id: id), run.query)]
            case .deleteSummaryItem(let id):
                return [.writeStep(.deleteSummaryItem(id: id), run.query)]
            case .deleteActivity(let id):
                return [.writeStep(.deleteActivity(id: id), run.query)]
            case .deleteGoal(let id):
                return [.writeStep(.deleteGoal(id: id), run.query)]
            case .deleteContribution(let id):
                return [.writeStep(.deleteContribution(id: id), run.query)]
            case .deleteCause, .deleteFollowUp:
                return [] // workspace only
            case .overwriteExport, .retireCycle, .quitUnsavedForm, .leaveUnstarted:
                return [] // answered above
            case .finishMeeting:
                let seconds = run.running(now: now)
                run.stepSeconds[run.step.id, default: 0] += seconds
                let effect = Effect.finishMeeting(meetingID: run.meeting.id, seconds: seconds, stepID: run.step.id)
                screen = .home(HomeState())
                homeFocus = .meeting(run.meeting.id)
                say(texts[.meetingFinished])
                return [effect, .loadHome]
            }
        case (.confirm, .confirmNo):
            dialog = nil
        default:
            break // every other key is ignored while a dialog is open
        }
        return []
    }

    /// Whether a form on screen holds text typed and not saved (leaving
    /// asks first).
    var hasUnsavedForm: Bool {
        switch screen {
        case .form(let form): return form.isChanged
        case .workspace(let ws): return ws.form?.isChanged ?? false
        default: return false
        }
    }

    /// Leaving: the running step clock is written first, and what is
    /// typed and not saved is kept as drafts.
    public func quitEffects() -> [Effect] {
        var state = self
        let forms = state.pendingFormDrafts()
        if case .run(let run) = screen {
            var effects: [Effect] = forms
            if run.role == .facilitator, run.meeting.status != .finished {
                effects.append(.recordStepTime(meetingID: run.meeting.id, stepID: run.step.id, seconds: run.running(now: now), clockFrom: nil))
            }
            var leaving = run
            return effects + leaving.pendingDrafts() + [.quit]
        }
        return forms + [.quit]
    }

    mutating func handleHome(_ home: inout HomeState, action: Action?) -> [Effect] {
        // A form opened from the list comes back to the row it left (a
        // cancelled form too; a saved one to what it saved).
        if action == .newCycle || action == .newMeeting || action == .editFacts || action == .openExport {
            homeFocus = home.selectedRow.map { row in
                switch row {
                case .cycle(let c): return .cycle(c.id)
                case .meeting(let m): return .meeting(m.id)
                }
            }
        }
        switch action {
        case .help:
            dialog = .help(.home)
        case .quit:
            return quitEffects()
        case .homeUp:
            home.selection = max(0, home.selection - 1)
        case .homeDown:
            home.selection = min(max(0, home.rows.count - 1), home.selection + 1)
        case .homeNextCycle:
            // A list of a hundred cycles is crossed a cycle at a time.
            home.selection = home.rows.indices.dropFirst(home.selection + 1).first { home.rows[$0].isCycle }
                ?? max(0, home.rows.count - 1)
        case .homePreviousCycle:
            home.selection = home.rows.indices.prefix(home.selection).last { home.rows[$0].isCycle } ?? 0
        case .homeFirst:
            home.selection = 0
        case .homeLast:
            home.selection = max(0, home.rows.count - 1)
        case .openMeeting:
            switch home.selectedRow {
            case .meeting(let m)?: return [.openMeeting(m.id)]
            case .cycle(let c)?:
                // A cycle opens as its analysis workspace (F5): Enter on
                // its row did nothing, and said nothing (the twelfth walk).
                homeFocus = .cycle(c.id)
                return openWorkspace(cycleID: c.id)
            case nil: break
            }
        case .newCycle:
            screen = .form(.newCycle())
        case .newMeeting:
            guard let cycleID = home.selectedCycleID else {
                say(texts[.homeEmpty])
                return []
            }
            guard !agendas.isEmpty else {
                say(texts[.errorNoAgendas], error: true)
                return []
            }
            screen = .form(.newMeeting(cycleID: cycleID, agendas: agendas, today: today))
        case .editFacts:
            switch home.selectedRow {
            case .meeting(let m)?: screen = .form(.facts(for: m, texts: texts, intro: intro(ofAgenda: m.agendaID)))
            case .cycle(let c)?: screen = .form(.editCycle(c))
            case nil: break
            }
        case .retireCycle:
            guard case .cycle(let c)? = home.selectedRow else {
                say(texts[.retireSelectCycle])
                return []
            }
            homeFocus = .cycle(c.id)
            if home.retired.contains(c.id) {
                say(texts[.cycleRestored])
                return [.setCycleRetired(id: c.id, retired: false)]
            }
            dialog = .confirm(.retireCycle(c.id))
        case .toggleRetired:
            showRetired.toggle()
            say(texts[showRetired ? .showingRetired : .hidingRetired])
            return [.loadHome]
        case .openExport:
            switch home.selectedRow {
            case .meeting(let m)?: openExport(.meeting(m.id))
            case .cycle(let c)?: openExport(.cycle(c.id))
            case nil: say(texts[.homeEmpty])
            }
        case .openWorkspace:
            guard let cycleID = home.selectedCycleID else {
                say(texts[.homeEmpty])
                return []
            }
            homeFocus = .cycle(cycleID)
            return openWorkspace(cycleID: cycleID)
        default:
            break
        }
        return []
    }

    mutating func handleForm(_ form: inout Form, key: Key, action: Action?) -> [Effect] {
        var effects: [Effect] = []
        switch form.apply(key: key, action: action) {
        case .editing:
            break
        case .pasteRefused(let refusal):
            say(texts.pasteRefused(refusal), error: true)
        case .typedInChoice:
            say(texts[.choiceTakesNoText], error: true)
        case .help:
            dialog = .help(keyContext)
        case .quit:
            if form.isChanged {
                dialog = .confirm(.quitUnsavedForm)
                return []
            }
            return quitEffects()
        case .cancel:
            screen = .home(HomeState())
            return [.loadHome]
        case .save:
            switch submit(form) {
            case .success(let effect):
                form.error = nil
                effects = [effect]
                if case .export(let request) = effect {
                    // The export runs in the background: back to the list
                    // (the public feedback after its review).
                    screen = .home(HomeState())
                    return exportEffects(request) + [.loadHome]
                }
            case .failure(let error):
                form.error = error.message
                form.focus = error.focus
            }
        }
        if case .form = screen { screen = .form(form) }
        return effects
    }

    /// A meeting's date that is not a real one (YYYY-MM-DD): the cycle's
    /// documents number its meetings by date ("10 feb" was taken, and
    /// renumbered them: fifteenth walk). An empty date is allowed.
    func meetingDateProblem(_ form: Form) -> FormError? {
        let date = form.value(.date)
        guard !date.isEmpty, !PlanDate.isValid(date) else { return nil }
        return FormError(message: texts.periodProblem(.notADate(date)), focus: form.fields.firstIndex { $0.id == .date } ?? 0)
    }

    func submit(_ form: Form) -> Result<Effect, FormError> {
        if let missing = form.missingRequired(texts) { return .failure(missing) }
        switch form.purpose {
        case .newCycle, .editCycle:
            if let problem = CyclePeriod.problem(form.value(.period)) {
                return .failure(FormError(message: texts.periodProblem(problem), focus: form.fields.firstIndex { $0.id == .period } ?? 0))
            }
            if case .editCycle(let id) = form.purpose {
                return .success(.renameCycle(id: id, area: form.value(.area), period: form.value(.period)))
            }
            return .success(.createCycle(area: form.value(.area), period: form.value(.period)))
        case .newMeeting(let cycleID):
            if let problem = meetingDateProblem(form) { return .failure(problem) }
            return .success(.createMeeting(cycleID: cycleID, agendaID: form.value(.agenda), title: form.value(.title),
                                           date: form.value(.date), place: form.value(.place)))
        case .workspace:
            return .failure(FormError(message: "", focus: 0)) // submitted by the workspace, never here
        case .export(let subject):
            if let problem = form.exportProblem(texts) { return .failure(problem) }
            return .success(.export(form.exportRequest(subject)))
        case .facts(let meetingID):
            if let problem = meetingDateProblem(form) { return .failure(problem) }
            let groupsIndex = form.fields.firstIndex { $0.id == .groups } ?? 0
            guard let groups = Int(form.value(.groups)), (1...20).contains(groups) else {
                return .failure(FormError(message: "\(texts[.fieldGroups]) \(texts[.errorGroups])", focus: groupsIndex))
            }
            switch form.participantRows(texts) {
            case .failure(let e):
                return .failure(e)
            case .success(let rows):
                let facts = MethodFacts(date: form.value(.date), place: form.value(.place),
                                        form: MeetingForm(rawValue: form.value(.form)) ?? .physical,
                                        facilitator: form.value(.facilitator), noteTakers: form.value(.noteTakers),
                                        namedNotes: form.value(.namedNotes) == "named", participants: rows)
                return .success(.saveFacts(meetingID: meetingID, title: form.value(.title), facts: facts, groupCount: groups))
            }
        }
    }

    mutating func handleRun(_ run: inout RunState, key: Key, action: Action?) -> [Effect] {
        switch action {
        case .help:
            dialog = .help(run.keyContext)
        case .quit:
            screen = .run(run)
            if run.untouchedSinceStarted {
                dialog = .confirm(.leaveUnstarted(quit: true))
                return []
            }
            return quitEffects()
        case .toggleTalkingPoints:
            run.showTalkingPoints.toggle()
        case .nextTalkingPoints:
            // Hidden, they come back at the page they were left at (the
            // page after it was shown, found by a walk); shown, the next page.
            if run.showTalkingPoints { run.talkingPointsPage += 1 } else { run.showTalkingPoints = true }
        case .turnWall:
            return turnWall(run)
        case .nextGroup, .previousGroup:
            // 1 … groupCount, then the plenary (0), then round again.
            let n = run.meeting.groupCount + 1
            let delta = action == .nextGroup ? 1 : -1
            let position = (run.group == 0 ? n - 1 : run.group - 1)
            let next = ((position + delta) % n + n) % n
            run.group = next == n - 1 ? 0 : next + 1
        case .nextNoteType:
            run.noteType = run.noteType.next
        case .nextSource:
            // A note being edited gets another source; else the group does,
            // for every note it takes from now on (and on every terminal).
            if run.editing != nil {
                run.editSource = (run.editSource ?? .police).next
                return []
            }
            let source = run.source(ofGroup: run.group).next
            run.meeting.groupSources[run.group] = source
            say("\(texts.group(run.group)): \(texts.source(source))")
            return [.setGroupSource(meetingID: run.meeting.id, group: run.group, source: source)]
        case .saveNote:
            let text = run.input.trimmedText
            guard !text.isEmpty, let key = run.bound else { return [] }
            say(texts[.saving])
            // The line is free at once: what is typed next is a new note,
            // whether or not the store has committed this one yet.
            if let e = run.editing, var note = run.note(id: e.id) {
                let effect = Effect.updateNote(id: e.id, text: text, group: run.group, type: run.noteType, source: run.editSource,
                                               clearing: run.clearing([key]))
                note.text = text
                note.group = run.group
                note.type = run.noteType
                note.source = run.editSource ?? note.source
                run.upsert(note) // shown as it will be stored
                cancelEdit(&run)
                return [effect]
            }
            // A note being changed that another terminal deleted meanwhile:
            // what was typed is saved as a new note, where the note was, and
            // the change ends (it stayed "Ändrar", a new note at every Enter).
            let gone = run.editing
            let draft = NoteDraft(meetingID: run.meeting.id, stepID: run.step.id, group: run.group,
                                  type: run.noteType, source: run.editSource ?? run.source(ofGroup: run.group), text: text,
                                  author: run.author)
            let effect = Effect.saveNote(draft, clearing: run.clearing([key], also: [RunState.noteMetaDraft(run.step.id)]))
            run.addProvisional(draft)
            run.input.clear()
            if gone != nil { cancelEdit(&run) }
            return [effect]
        case .selectPreviousNote, .selectNextNote:
            // A station selects among its own group's notes only (a run of
            // them in display order).
            var ids = run.notes.indices
            if case .station(let group, _) = run.role { ids = run.noteIndex.range(ofGroup: group) }
            guard !ids.isEmpty else { return [] }
            if let s = run.selection, let i = run.noteIndex.position[s], ids.contains(i) {
                let j = action == .selectPreviousNote ? i - 1 : i + 1
                run.selection = ids.contains(j) ? run.notes[j].id : (action == .selectPreviousNote ? run.notes[ids.lowerBound].id : nil)
            } else if action == .selectPreviousNote {
                run.selection = run.notes[ids.upperBound - 1].id
            }
        case .editNote:
            guard let id = run.selection, let note = run.note(id: id), run.mayChange(note) else {
                say(texts[.helpSelectPrevious] + " (\(Keymap.hint(.selectPreviousNote)))")
                return []
            }
            // On its way to the store, it has no id yet to change it by
            // (an edit or a delete of it changed nothing).
            guard id > 0 else {
                say(texts[.noteSaving], error: true)
                return []
            }
            guard run.editing?.id != note.id else { return [] }
            // Another note being edited is finished first, with its own
            // group and type, as moving away from it would.
            var effects: [Effect] = []
            if run.editing != nil {
                effects = unbind(&run)
                cancelEdit(&run)
            }
            run.editing = (note.id, run.group, run.noteType)
            run.group = note.group
            run.noteType = note.type
            run.editSource = note.source
            // The input line is bound to the note once this key is handled.
            return effects
        case .deleteNote:
            guard let id = run.selection, let note = run.note(id: id), run.mayChange(note) else {
                say(texts[.helpSelectPrevious] + " (\(Keymap.hint(.selectPreviousNote)))")
                return []
            }
            guard id > 0 else {
                say(texts[.noteSaving], error: true)
                return []
            }
            dialog = .confirm(.deleteNote(id))
        case .nextStep, .previousStep:
            let to = run.stepIndex + (action == .nextStep ? 1 : -1)
            guard run.agenda.steps.indices.contains(to) else { return [] }
            // A message of the step left does not stand over the next
            // one's hint.
            status = nil
            let written = leaveStep(&run)
            let seconds = run.running(now: now)
            let leaving = run.step.id
            run.stepSeconds[leaving, default: 0] += seconds
            run.clockStart = now
            run.stepIndex = to
            run.talkingPointsPage = 0
            run.setNotes([])
            run.selection = nil
            cancelEdit(&run)
            run.meeting.currentStepIndex = to
            // As the store keeps it: the new step's wall starts on page 1.
            (run.meeting.wallPage, run.meeting.wallTurnedAt) = Meeting.wallAtStepStart(now: now)
            run.data = StepData(stepID: run.step.id)
            run.stepLoaded = false
            run.writesInFlight = 0
            run.heldKeys = []
            run.stepState = StepState(run.step.kind)
            enterStep(&run)
            return written + [.moveToStep(meetingID: run.meeting.id, leaving: leaving, seconds: seconds, toIndex: to, at: now),
                              .loadStep(run.query)]
        case .keepPersonalData:
            guard let id = run.selection, let note = run.note(id: id) else {
                say(texts[.helpSelectPrevious] + " (\(Keymap.hint(.selectPreviousNote)))")
                return []
            }
            return [.setPersonalDataChecked(noteID: id, checked: !note.personalDataChecked)]
        case .toggleHidden:
            guard let id = run.selection, let note = run.note(id: id) else {
                say(texts[.helpSelectPrevious] + " (\(Keymap.hint(.selectPreviousNote)))")
                return []
            }
            return [.setNoteHidden(noteID: id, hidden: !note.hidden)]
        case .finishMeeting:
            dialog = .confirm(.finishMeeting)
        case .backHome:
            if run.untouchedSinceStarted {
                dialog = .confirm(.leaveUnstarted(quit: false))
                return []
            }
            return leaveForHome(&run)
        case .cancel:
            if run.editing != nil {
                cancelEdit(&run)
                if status?.text == texts[.editedNoteDeleted] { status = nil }
            } else if !run.input.isEmpty {
                run.input.clear()
                forgetDraft(&run)
            } else {
                run.selection = nil
            }
        default:
            // A station in a step without notes, or after the meeting: its
            // input line says so, and a letter typed says it again (the
            // walk: typing, then Enter, seemed to go nowhere).
            guard run.bound != nil else {
                switch key {
                case .char, .paste:
                    say(texts[run.noNotesReason], error: true)
                default: break
                }
                return []
            }
            let before = run.input.count
            // "Sparad" beside new text read as if that text were saved (the
            // fifteenth walk, after a paste): it goes once the line changes.
            // The line is kept to compare only while the word is shown (a
            // copy at every key would copy the whole line: quadratic).
            let savedWord = status.map { $0.text == texts[.noteSaved] || $0.text == texts[.noteUpdated] } ?? false
            let textBefore = savedWord ? run.input.text : ""
            if edit(&run.input, key), case .char = key, run.input.count == before, before >= run.input.limit {
                say(texts[.inputFull])
            }
            if savedWord, run.input.text != textBefore { status = nil }
            // A draft emptied (Ctrl-U, Ctrl-W, Backspace) is no longer one,
            // and its word on it goes, as with Esc.
            if run.input.isEmpty {
                if before > 0 { forgetDraft(&run) } else { run.restoredDraft = false }
            }
        }
        return []
    }

    /// Back to the home screen: the step's clock stored, what is typed kept.
    mutating func leaveForHome(_ run: inout RunState) -> [Effect] {
        let seconds = run.running(now: now)
        let effects = [Effect.recordStepTime(meetingID: run.meeting.id, stepID: run.step.id, seconds: seconds, clockFrom: nil)]
            + leaveStep(&run) + run.pendingDrafts()
        screen = .home(HomeState())
        homeFocus = .meeting(run.meeting.id)
        return effects + [.loadHome]
    }

    /// Leaves a note's edit without saving it: the note stays as stored.
    func cancelEdit(_ run: inout RunState) {
        guard let e = run.editing else { return }
        run.group = e.group
        run.noteType = e.type
        run.editing = nil
        run.editSource = nil
        if run.bound == .noteEdit(id: e.id) {
            run.input.set(run.storedValue(.noteEdit(id: e.id)))
            run.drafts[FieldKey.noteEdit(id: e.id).draftName] = nil
        }
    }
}

extension AppState {
    /// The purpose, goals and quality criteria of a shipped or user agenda,
    /// for the facts form; nil when the agenda is not known here.
    func intro(ofAgenda id: String) -> AgendaIntro? {
        agendas.first { $0.id == id }.map(\.intro)
    }
}

/// An index of a step's notes in display order (`RunState.notes`): each
/// note's position, and each group's run of notes with the one written last.
/// Built once when the notes change (a save, a load), never per key.
public struct NoteIndex: Sendable {
    public struct Group: Sendable, Equatable {
        public var group: Int
        /// The group's notes' positions in `RunState.notes`.
        public var range: Range<Int>
        /// The group's note written last (a provisional one is the newest).
        public var newest: Int64
    }

    public private(set) var position: [Int64: Int] = [:]
    /// In display order.
    public private(set) var groups: [Group] = []
    /// The note written last of all.
    public private(set) var newest: Int64?

    init(_ notes: [Note]) {
        position.reserveCapacity(notes.count)
        var newestAt: Int?
        for (i, note) in notes.enumerated() {
            position[note.id] = i
            if let last = groups.last, last.group == note.group {
                groups[groups.count - 1].range = last.range.lowerBound..<(i + 1)
                if Self.newer(note, than: notes[position[last.newest] ?? i]) { groups[groups.count - 1].newest = note.id }
            } else {
                groups.append(Group(group: note.group, range: i..<(i + 1), newest: note.id))
            }
            if newestAt.map({ Self.newer(note, than: notes[$0]) }) ?? true { newestAt = i }
        }
        newest = newestAt.map { notes[$0].id }
    }

    /// Written later: a note on its way to the store (negative id) after
    /// every stored one, else by time, then id.
    static func newer(_ a: Note, than b: Note) -> Bool {
        (a.id < 0 ? 1 : 0, a.createdAt, abs(a.id)) > (b.id < 0 ? 1 : 0, b.createdAt, abs(b.id))
    }

    /// The run of one group's notes (empty when it has none).
    public func range(ofGroup group: Int) -> Range<Int> {
        groups.first { $0.group == group }?.range ?? 0..<0
    }
}
