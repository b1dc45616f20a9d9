// Performing the core's effects: the effect runner (one effect against the
// store, the agenda library or the export pipeline), the worker threads
// that run effects off the key loop, and the inbox their events come back
// through. A library, so that Swift tests reach it; the executable's loop
// only wires it to the terminal.

import Foundation
import SamtalAgendas
import SamtalCore
import SamtalStore

/// Performs the core's effects against the store and the agenda library.
public struct EffectRunner {
    public let store: AppStore
    public let library: AgendaLibrary
    /// Who this terminal is when it opens a meeting.
    public var role: RunRole
    public var language: Language
    /// Where background work (the workers, exports) posts its events.
    public var inbox = Inbox()
    public var now: @Sendable () -> Double = { Date().timeIntervalSince1970 }
    /// Whether the home screen's and the workspace's readings are made on
    /// the writer's connection: for the runner of the thread that writes,
    /// whose queue has only the opening's readings (`AppStore.readingOnWriter`).
    public var readsOnWriter = false
    /// The rows of the terminal a facilitator's meeting opens on: a
    /// cluster step gathering the cycle's notes reads a screenful of them
    /// with the meeting, and the rest after the first frame (issue 15).
    /// nil: all of them.
    public var firstScreenRows: Int?

    public init(store: AppStore, library: AgendaLibrary, role: RunRole = .facilitator, language: Language = .sv) {
        self.store = store
        self.library = library
        self.role = role
        self.language = language
    }

    /// Performs one effect; returns the events it produced and whether the
    /// program should stop. A store held by another process is waited
    /// for (SQLite's busy timeout, then again), never reported as a failure.
    public func perform(_ effect: Effect) -> (events: [Event], quit: Bool) {
        while true {
            do {
                return try attempt(effect)
            } catch where AppStore.isBusy(error) {
                continue
            } catch {
                if case .saveNote(let draft, _) = effect { return ([.noteNotSaved(draft, message: store.explain(error, language))], false) }
                if case .loadStep = effect { return ([.stepNotLoaded(store.explain(error, language))], false) }
                return ([.failed(store.explain(error, language))], false)
            }
        }
    }

    /// A reading, on the writer's connection where this runner reads there.
    private func reading<T>(_ body: () throws -> T) throws -> T {
        readsOnWriter ? try store.readingOnWriter(body) : try body()
    }

    private func attempt(_ effect: Effect) throws -> (events: [Event], quit: Bool) {
        do {
            switch effect {
            case .quit:
                return ([], true)
            case .suspend:
                return ([], false) // the interface's loop suspends
            case .loadHome:
                return ([.homeLoaded(try reading { try store.overview() })], false)
            case .loadHomeFirstPage(let rows, let showRetired):
                let page = try reading { try store.overview(firstRows: rows, showRetired: showRetired) }
                return ([page.complete ? .homeLoaded(page.overviews) : .homeFirstPage(page.overviews)], false)
            case .createCycle(let area, let period):
                return ([.cycleCreated(try store.createCycle(area: area, period: period, now: now()))], false)
            case .createMeeting(let cycleID, let agendaID, let title, let date, let place):
                guard let loaded = library.agenda(id: agendaID) else { return ([.failed("agenda \(agendaID)")], false) }
                let meeting = try store.createMeeting(cycleID: cycleID, agendaID: agendaID, agendaSnapshot: loaded.text,
                                                      title: title, date: date, place: place, groupCount: 3, now: now())
                return ([.meetingCreated(meeting)], false)
            case .saveFacts(let meetingID, let title, let facts, let groupCount):
                return ([.factsSaved(try store.saveFacts(meetingID: meetingID, title: title, facts: facts, groupCount: groupCount))], false)
            case .openMeeting(let id):
                // Its reads on the writer's connection (this is the thread
                // that writes): the reader's is opened later, off the
                // start's path (issue 15).
                guard let (meeting, agenda) = try store.readingOnWriter({ () -> (Meeting, Agenda)? in
                    guard let meeting = try store.meeting(id: id) else { return nil }
                    return (meeting, try meetingAgenda(store: store, meeting: meeting, library: library))
                }) else { return ([.failed("meeting \(id)")], false) }
                var started = meeting
                // Only a planned meeting changes: a running or finished one
                // is left without a write transaction (it decoded the
                // meeting again, on the writer, at every start: issue 15).
                let startedByOpening = role == .facilitator && meeting.status == .planned
                if startedByOpening {
                    try store.startMeeting(meetingID: id)
                    started.status = .running
                }
                let station = role.station
                // Notes sent before this terminal was killed while the store
                // was held: saved now, once (also those journalled under
                // the group's name alone, before stations had their own).
                if let path = store.path, role != .projector {
                    if let before = role.stationBeforeNames {
                        try NoteJournal(storePath: path, meetingID: id, station: before).replay(into: store, now: now())
                        try store.moveDrafts(meetingID: id, from: before, to: station, now: now())
                    }
                    try NoteJournal(storePath: path, meetingID: id, station: station).replay(into: store, now: now())
                }
                // What this terminal had typed when it stopped: a kill -9
                // left the last second of it in the draft journal only.
                var drafts: [String: String]?
                if let path = store.path, role != .projector {
                    drafts = try DraftJournal(storePath: path, meetingID: id, station: station).restore(into: store, now: now())
                }
                let index = min(max(0, meeting.currentStepIndex), max(0, agenda.steps.count - 1))
                let opened = try store.readingOnWriter {
                    var opened = OpenedMeeting(meeting: started, agenda: agenda, stepSeconds: try store.stepSeconds(meetingID: id),
                                               notes: agenda.steps.isEmpty ? [] : try store.notes(meetingID: id, stepID: agenda.steps[index].id),
                                               drafts: try drafts ?? store.drafts(meetingID: id, station: station), role: role)
                    opened.startedByOpening = startedByOpening
                    // And the step's first reading, which the interface
                    // would ask next, of the reading thread.
                    if !agenda.steps.isEmpty {
                        let query = opened.firstQuery
                        let firstNotes = role == .facilitator ? firstScreenRows : nil
                        opened.firstReading = StepReading(query: query, data: try store.stepData(query, firstNotes: firstNotes))
                    }
                    return opened
                }
                return ([.meetingOpened(opened)], false)
            case .saveNote(let draft, let clearing):
                return ([.noteSaved(try store.saveNote(draft, clearing: clearing, now: now()))], false)
            case .updateNote(let id, let text, let group, let type, let source, let clearing):
                return ([.noteUpdated(try store.updateNote(id: id, text: text, group: group, type: type, source: source,
                                                           clearing: clearing, now: now()))], false)
            case .setGroupAreas(let meetingID, let stepID, let areas):
                let meeting = try store.setGroupAreas(meetingID: meetingID, stepID: stepID, areas: areas)
                return ([.meetingFollowed(meeting, stepSeconds: try store.stepSeconds(meetingID: meetingID))], false)
            case .turnWall(let meetingID, let page):
                let meeting = try store.turnWall(meetingID: meetingID, page: page, now: now())
                return ([.meetingFollowed(meeting, stepSeconds: try store.stepSeconds(meetingID: meetingID))], false)
            case .setGroupSource(let meetingID, let group, let source):
                let meeting = try store.setGroupSource(meetingID: meetingID, group: group, source: source)
                return ([.meetingFollowed(meeting, stepSeconds: try store.stepSeconds(meetingID: meetingID))], false)
            case .deleteNote(let id):
                try store.deleteNote(id: id, now: now())
                return ([.noteDeleted(id)], false)
            case .recordStepTime(let meetingID, let stepID, let seconds, let clockFrom):
                try store.recordStepTime(meetingID: meetingID, stepID: stepID, seconds: seconds, clockFrom: clockFrom)
                return ([], false)
            case .moveToStep(let meetingID, let leaving, let seconds, let toIndex, let at):
                try store.moveToStep(meetingID: meetingID, leaving: leaving, seconds: seconds, toIndex: toIndex, now: at)
                return ([], false)
            case .saveDraft(let meetingID, let station, let field, let text):
                try store.saveDraft(meetingID: meetingID, station: station, field: field, text: text, now: now())
                return ([], false)
            case .loadFormDraft(let scope):
                return ([.formDraftLoaded(scope: scope, try store.formDraft(scope: scope))], false)
            case .saveFormDraft(let scope, let draft):
                try store.saveFormDraft(scope: scope, draft: draft, now: now())
                return ([], false)
            case .removingFormDraft(let scope, let save):
                // The form's save and its draft's removal commit together: a
                // kill -9 between them would bring a saved form back.
                if case .writeAnalysis(let write, let cycleID) = save {
                    var events: [Event] = []
                    do {
                        try store.inOneTransaction {
                            try perform(write)
                            try store.saveFormDraft(scope: scope, draft: nil, now: now())
                        }
                    } catch where !AppStore.isBusy(error) {
                        events.append(.failed(store.explain(error, language)))
                    }
                    return (events + [.analysisLoaded(try store.cycleAnalysis(cycleID: cycleID))], false)
                }
                var outcome: (events: [Event], quit: Bool) = ([], false)
                try store.inOneTransaction {
                    outcome = try attempt(save)
                    try store.saveFormDraft(scope: scope, draft: nil, now: now())
                }
                return outcome
            case .setPersonalDataChecked(let noteID, let checked):
                return ([.noteUpdated(try store.setPersonalDataChecked(noteID: noteID, checked: checked))], false)
            case .setNoteHidden(let noteID, let hidden):
                return ([.noteUpdated(try store.setNoteHidden(noteID: noteID, hidden: hidden))], false)
            case .followMeeting(let id):
                guard let meeting = try store.meeting(id: id) else { return ([], false) }
                return ([.meetingFollowed(meeting, stepSeconds: try store.stepSeconds(meetingID: id))], false)
            case .loadStep(let query):
                return ([.stepLoaded(try store.stepData(query))], false)
            case .writeStep(let write, let query, let clearing):
                try store.write(write, query, clearing: clearing, now: now())
                return ([.stepWritten(write, try store.stepData(query))], false)
            case .finishMeeting(let meetingID, let seconds, let stepID):
                // Finished, and what it produced kept as it is now, at once:
                // its documents stay what was fed back, whatever later
                // meetings regroup.
                try store.inOneTransaction {
                    try store.finishMeeting(meetingID: meetingID, stepID: stepID, seconds: seconds, now: now())
                    let record = try loadRecord(store: store, meetingID: meetingID, library: library, frozen: false)
                    let json = String(decoding: try JSONEncoder().encode(record.frozen), as: UTF8.self)
                    try store.saveMeetingSnapshot(meetingID: meetingID, data: json, now: now())
                }
                return ([], false)
            case .unstartMeeting(let meetingID):
                try store.unstartMeeting(meetingID: meetingID)
                return ([], false)
            case .loadAnalysis(let cycleID):
                return ([.analysisLoaded(try reading { try store.cycleAnalysis(cycleID: cycleID) })], false)
            case .loadPromiseSources(let cycleID):
                return ([.promiseSourcesLoaded(cycleID: cycleID, try reading { try store.notesHeard(cycleID: cycleID) })], false)
            case .writeAnalysis(let write, let cycleID):
                // Read again even when the write fails: another terminal
                // may have changed what the write was based on.
                var events: [Event] = []
                do { try perform(write) } catch { events.append(.failed(store.explain(error, language))) }
                return (events + [.analysisLoaded(try store.cycleAnalysis(cycleID: cycleID))], false)
            case .export(let request):
                startExport(request)
                return ([], false)
            case .renameCycle(let id, let area, let period):
                try store.renameCycle(id: id, area: area, period: period)
                return ([.cycleRenamed(id), .homeLoaded(try store.overview())], false)
            case .setCycleRetired(let id, let retired):
                try store.setCycleRetired(id: id, retired, now: now())
                return ([.homeLoaded(try store.overview())], false)
            case .loadPublicReview(let request):
                return ([try publicReviewLoaded(request)], false)
            case .reviewNotes(let decisions, let reload):
                try store.reviewNotes(decisions)
                guard let reload, case .meeting(let id) = reload.target else { return ([], false) }
                return ([.publicReviewChanged(try publicReview(store: store, library: library, meetingID: id).items)], false)
            }
        }
    }
}

extension EffectRunner {
    /// The notes a meeting's public feedback would print, for its review.
    func publicReviewLoaded(_ request: ExportRequest) throws -> Event {
        guard case .meeting(let id) = request.target else { throw ExportError("only a meeting's feedback is reviewed") }
        let review = try publicReview(store: store, library: library, meetingID: id)
        return .publicReviewLoaded(title: review.title, items: review.items, request: request)
    }
}

/// Performs the core's effects in order on a thread of its own, so that the
/// key loop never waits for the store (another process may hold it for
/// seconds); their events come back through the inbox.
public final class EffectWorker: @unchecked Sendable {
    private let runner: EffectRunner
    private let condition = NSCondition()
    private var queue: [(effect: Effect, after: (worker: EffectWorker, count: Int)?)] = []
    /// Effects handed over and not yet done.
    private var outstanding = 0
    /// Effects handed over, and done, since the start.
    private var handedOver = 0, done = 0
    /// When the effect being performed began; nil while idle.
    private var startedAt: Date?

    /// Throws `ThreadError` when its thread cannot be made.
    public init(runner: EffectRunner) throws {
        self.runner = runner
        // The thread keeps the worker for the rest of the process.
        try startThread(name: "samtal-store") { self.work() }
    }

    /// Hands an effect over. With `after`, it waits until the effects
    /// handed to that worker so far are done, for a second at most: a
    /// reading on the reader's thread then holds this terminal's writes
    /// sent before it (dots put, then PageDown at once: the problem
    /// step's reading overtook the dots' writes, chose the cycle's
    /// best-ranked area, another meeting's, and the keys typed ahead
    /// went into its description). After a second (another process
    /// holds the store) it reads what it can, so the screen still shows.
    public func enqueue(_ effect: Effect, after writer: EffectWorker? = nil) {
        let after = writer.map { ($0, $0.handedOverCount) }
        condition.lock()
        queue.append((effect, after))
        outstanding += 1
        handedOver += 1
        condition.signal()
        condition.unlock()
    }

    private var handedOverCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return handedOver
    }

    /// Waits until `count` effects are done, or `timeout` passed.
    private func waitDone(_ count: Int, timeout: TimeInterval) {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while done < count, condition.wait(until: deadline) {}
    }

    /// Whether effects are waiting or being performed.
    public var busy: Bool {
        condition.lock()
        defer { condition.unlock() }
        return outstanding > 0
    }

    /// How long the effect at hand has taken so far (0 while idle).
    public var stalledFor: TimeInterval {
        condition.lock()
        defer { condition.unlock() }
        return startedAt.map { Date().timeIntervalSince($0) } ?? 0
    }

    /// Waits until every effect handed over is done, or `timeout` passed;
    /// returns whether all are done.
    @discardableResult
    public func drain(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while outstanding > 0 {
            if !condition.wait(until: deadline) { return outstanding == 0 }
        }
        return true
    }

    private func work() {
        while true {
            condition.lock()
            while queue.isEmpty { condition.wait() }
            let (effect, after) = queue.removeFirst()
            condition.unlock()
            if let after { after.worker.waitDone(after.count, timeout: 1) }
            condition.lock()
            startedAt = Date()
            condition.unlock()
            let (events, _) = runner.perform(effect)
            for event in events { runner.inbox.post(event) }
            condition.lock()
            outstanding -= 1
            done += 1
            startedAt = nil
            condition.broadcast()
            condition.unlock()
        }
    }
}

extension EffectRunner {
    func perform(_ write: WorkspaceWrite) throws {
        let now = now()
        switch write {
        case .mergeFocusAreas(let from, let into):
            try store.mergeFocusArea(from, into: into, now: now)
        case .deleteFocusArea(let id):
            try store.deleteFocusArea(id: id, now: now)
        case .splitFocusArea(let from, let name, let type):
            try store.splitFocusArea(from, name: name, type: type, meetingID: nil, stepID: AppStore.workspaceStepID, now: now)
        case .setFocusArea(let id, let name, let type, let targetPicture, let leads):
            try store.inOneTransaction {
                try store.renameFocusArea(id: id, name: name)
                try store.setFocusAreaType(id: id, type: type)
                try store.setTargetPicture(id: id, text: targetPicture)
                try store.setLeadsToPromise(focusAreaID: id, leads)
            }
        case .setLeadsToPromise(let id, let leads):
            try store.setLeadsToPromise(focusAreaID: id, leads)
        case .saveProblem(let areaID, let answers, let triangle):
            try store.saveWorkspaceProblem(focusAreaID: areaID, answers: answers, triangle: triangle, now: now)
        case .addCause(let areaID, let parentID, let text, let evidence):
            try store.addWorkspaceCause(focusAreaID: areaID, parentID: parentID, text: text, evidence: evidence, now: now)
        case .updateCause(let id, let text, let evidence):
            try store.updateCause(id: id, text: text, evidence: evidence)
        case .deleteCause(let id):
            try store.deleteCause(id: id, now: now)
        case .saveActivity(let activity):
            if activity.id == 0 {
                try store.addWorkspaceActivity(activity, now: now)
            } else {
                try store.updateActivity(activity, now: now)
            }
        case .deleteActivity(let id):
            try store.deleteActivity(id: id, now: now)
        case .saveGoal(let goal):
            try store.saveGoal(goal, now: now)
        case .deleteGoal(let id):
            try store.deleteGoal(id: id, now: now)
        case .savePromise(let promise):
            try store.savePromise(promise, now: now)
        case .saveFollowUp(let entry):
            try store.saveFollowUp(entry, now: now)
        case .deleteFollowUp(let id):
            try store.deleteFollowUp(id: id, now: now)
        }
    }
}

/// Events from background work, taken by the loop between keys.
public final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [Event] = []

    public init() {}

    public func post(_ event: Event) {
        lock.lock()
        events.append(event)
        lock.unlock()
    }

    public func take() -> [Event] {
        lock.lock()
        defer { events = []; lock.unlock() }
        return events
    }

    public var hasEvents: Bool {
        lock.lock()
        defer { lock.unlock() }
        return !events.isEmpty
    }
}

extension EffectRunner {
    /// Writes the requested document on a background thread, posting its
    /// progress and result to the inbox; the screen stays live meanwhile.
    public func startExport(_ request: ExportRequest) {
        let (store, library, inbox, language) = (store, library, inbox, language)
        let thread = Thread {
            do {
                let target = request.target
                let result = try exportDocument(
                    store: store, library: library, target: target, document: request.document,
                    format: request.format, redact: request.redact, language: language,
                    progress: { p in
                        switch p.stage {
                        case .loading: inbox.post(.exportProgress(.loading(done: p.done, total: p.total)))
                        case .rendering: inbox.post(.exportProgress(.rendering))
                        case .converting: inbox.post(.exportProgress(.converting))
                        case .finished: break
                        }
                    })
                let suggested: String
                switch result.output {
                case .file(_, let name): suggested = name
                case .folder:
                    switch target {
                    case .meeting(let id): suggested = "meeting-\(id)-csv"
                    case .cycle(let id): suggested = "cycle-\(id)-csv"
                    }
                }
                let path = request.output.isEmpty ? suggested : (request.output as NSString).expandingTildeInPath
                do {
                    try result.write(to: path, overwrite: request.overwrite, protecting: store.path.map { [$0] } ?? [])
                } catch OutputError.exists {
                    // Asked first in the dialog; said yes, it is written again.
                    inbox.post(.exportExists(request, path: path))
                    return
                }
                let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
                // One indented line per note that may hold personal data.
                inbox.post(.exportFinished(path: absolute, warnings: result.warnings.filter { $0.hasPrefix("  ") }.count))
            } catch {
                inbox.post(.failed(store.explain(error, language)))
            }
        }
        thread.start()
    }
}
