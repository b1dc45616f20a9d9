// The interactive program: one loop that reads keys, hands events to the
// core's `update`, performs the effects it returns against the store, and
// draws the rendered grid. All I/O of the interface happens here.

import Foundation
import SamtalAgendas
import SamtalCore
import SamtalRender
import SamtalStore
import SamtalTerminal

/// Performs the core's effects against the store and the agenda library.
struct EffectRunner {
    let store: AppStore
    let library: AgendaLibrary
    /// Who this terminal is when it opens a meeting.
    var role: RunRole = .facilitator
    var language: Language = .sv
    /// Where background work (exports) posts its events for the loop.
    var inbox = Inbox()
    var now: () -> Double = { Date().timeIntervalSince1970 }

    /// Performs one effect; returns the events it produced and whether the
    /// program should stop. A store held by another process is waited
    /// for (SQLite's busy timeout, then again), never reported as a failure.
    func perform(_ effect: Effect) -> (events: [Event], quit: Bool) {
        while true {
            do {
                return try attempt(effect)
            } catch where AppStore.isBusy(error) {
                continue
            } catch {
                if case .saveNote(let draft, _) = effect { return ([.noteNotSaved(draft, message: store.explain(error, language))], false) }
                return ([.failed(store.explain(error, language))], false)
            }
        }
    }

    private func attempt(_ effect: Effect) throws -> (events: [Event], quit: Bool) {
        do {
            switch effect {
            case .quit:
                return ([], true)
            case .loadHome:
                return ([.homeLoaded(try store.overview())], false)
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
                guard let meeting = try store.meeting(id: id) else { return ([.failed("meeting \(id)")], false) }
                let agenda = try meetingAgenda(store: store, meeting: meeting, library: library)
                var started = meeting
                if role == .facilitator {
                    try store.startMeeting(meetingID: id)
                    if started.status == .planned { started.status = .running }
                }
                let station: String
                switch role {
                case .facilitator: station = "run"
                case .projector: station = "present"
                case .station(let group, _): station = "capture-\(group)"
                }
                let index = min(max(0, meeting.currentStepIndex), max(0, agenda.steps.count - 1))
                let notes = agenda.steps.isEmpty ? [] : try store.notes(meetingID: id, stepID: agenda.steps[index].id)
                return ([.meetingOpened(OpenedMeeting(meeting: started, agenda: agenda,
                                                      stepSeconds: try store.stepSeconds(meetingID: id), notes: notes,
                                                      drafts: try store.drafts(meetingID: id, station: station), role: role))], false)
            case .saveNote(let draft, let clearing):
                return ([.noteSaved(try store.saveNote(draft, clearing: clearing, now: now()))], false)
            case .updateNote(let id, let text, let group, let type, let clearing):
                return ([.noteUpdated(try store.updateNote(id: id, text: text, group: group, type: type, clearing: clearing,
                                                           now: now()))], false)
            case .deleteNote(let id):
                try store.deleteNote(id: id, now: now())
                return ([.noteDeleted(id)], false)
            case .recordStepTime(let meetingID, let stepID, let seconds):
                try store.recordStepTime(meetingID: meetingID, stepID: stepID, seconds: seconds)
                return ([], false)
            case .moveToStep(let meetingID, let leaving, let seconds, let toIndex):
                try store.moveToStep(meetingID: meetingID, leaving: leaving, seconds: seconds, toIndex: toIndex)
                return ([], false)
            case .saveDraft(let meetingID, let station, let field, let text):
                try store.saveDraft(meetingID: meetingID, station: station, field: field, text: text, now: now())
                return ([], false)
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
                try store.finishMeeting(meetingID: meetingID, stepID: stepID, seconds: seconds, now: now())
                return ([], false)
            case .loadAnalysis(let cycleID):
                return ([.analysisLoaded(try store.cycleAnalysis(cycleID: cycleID))], false)
            case .writeAnalysis(let write, let cycleID):
                // Read again even when the write fails: another terminal
                // may have changed what the write was based on.
                var events: [Event] = []
                do { try perform(write) } catch { events.append(.failed(store.explain(error, language))) }
                return (events + [.analysisLoaded(try store.cycleAnalysis(cycleID: cycleID))], false)
            case .export(let request):
                startExport(request)
                return ([], false)
            }
        }
    }
}

/// Performs the core's effects in order on a thread of its own, so that the
/// key loop never waits for the store (another process may hold it for
/// seconds); their events come back through the inbox.
final class EffectWorker: @unchecked Sendable {
    private let runner: EffectRunner
    private let condition = NSCondition()
    private var queue: [Effect] = []
    /// Effects handed over and not yet done.
    private var outstanding = 0
    /// When the effect being performed began; nil while idle.
    private var startedAt: Date?

    init(runner: EffectRunner) {
        self.runner = runner
        // The thread keeps the worker for the rest of the process.
        let thread = Thread { self.work() }
        thread.name = "samtal-store"
        thread.start()
    }

    func enqueue(_ effect: Effect) {
        condition.lock()
        queue.append(effect)
        outstanding += 1
        condition.signal()
        condition.unlock()
    }

    /// Whether effects are waiting or being performed.
    var busy: Bool {
        condition.lock()
        defer { condition.unlock() }
        return outstanding > 0
    }

    /// How long the effect at hand has taken so far (0 while idle).
    var stalledFor: TimeInterval {
        condition.lock()
        defer { condition.unlock() }
        return startedAt.map { Date().timeIntervalSince($0) } ?? 0
    }

    /// Waits until every effect handed over is done, or `timeout` passed;
    /// returns whether all are done.
    @discardableResult
    func drain(timeout: TimeInterval) -> Bool {
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
            let effect = queue.removeFirst()
            startedAt = Date()
            condition.unlock()
            let (events, _) = runner.perform(effect)
            for event in events { runner.inbox.post(event) }
            condition.lock()
            outstanding -= 1
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
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [Event] = []

    func post(_ event: Event) {
        lock.lock()
        events.append(event)
        lock.unlock()
    }

    func take() -> [Event] {
        lock.lock()
        defer { events = []; lock.unlock() }
        return events
    }

    var hasEvents: Bool {
        lock.lock()
        defer { lock.unlock() }
        return !events.isEmpty
    }
}

extension EffectRunner {
    /// Writes the requested document on a background thread, posting its
    /// progress and result to the inbox; the screen stays live meanwhile.
    func startExport(_ request: ExportRequest) {
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

/// Runs the interface until the user quits or a signal arrives.
func runInterface(options: GlobalOptions, store: AppStore, openMeeting: Int64?, openCycle: Int64? = nil,
                  role: RunRole = .facilitator, theme requested: Theme? = nil) throws {
    let library = options.agendaLibrary()
    let runner = EffectRunner(store: store, library: library, role: role, language: options.language)
    var state = AppState(language: options.language,
                         agendas: library.agendas.map { AgendaInfo(id: $0.agenda.id, title: $0.agenda.title) },
                         now: Date().timeIntervalSince1970, today: localDate())

    // Anything written to stderr would draw over the screen: send it to a
    // log file beside the store while the interface runs.
    let logPath = ((options.storePath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("samtal.log")
    let savedStderr = dup(2)
    let logFD = open(logPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
    if logFD >= 0 { dup2(logFD, 2); close(logFD) }
    defer {
        if savedStderr >= 0 { dup2(savedStderr, 2); close(savedStderr) }
    }

    Terminal.prepareLocale()
    let env = ProcessInfo.processInfo.environment
    let theme: Theme = requested ?? (env["SAMTAL_THEME"] == "mono" || env["NO_COLOR"] != nil ? .monochrome
        : env["SAMTAL_THEME"] == "contrast" ? .highContrast : .color)
    let terminal: Terminal
    do {
        terminal = try Terminal(theme: theme)
    } catch {
        if savedStderr >= 0 { dup2(savedStderr, 2) }
        throw error
    }
    defer { terminal.shutdown() }

    var quit = false
    // Writes in order on one thread; reads on another, so that a store held
    // by another process (reads go on in WAL mode) does not hold up what
    // the screen shows. A read that overtakes a write of the same step is
    // answered again by the write (see `writesInFlight` in the core).
    let worker = EffectWorker(runner: runner)
    let reader = EffectWorker(runner: runner)
    /// Hands an event to the core; what it asks of the store goes to the
    /// workers, in order, and comes back as events through the inbox.
    func dispatch(_ event: Event) {
        for effect in state.update(event) where !quit {
            switch effect {
            case .quit: quit = true
            case .export(let request): runner.startExport(request)
            case .loadHome, .loadStep, .loadAnalysis, .followMeeting: reader.enqueue(effect)
            default: worker.enqueue(effect)
            }
        }
    }
    /// Takes what the worker and the exports have answered.
    func takeInbox() -> Bool {
        let events = runner.inbox.take()
        for event in events { dispatch(event) }
        return !events.isEmpty
    }

    // The first screen is complete before it is drawn: the opening reads
    // are waited for.
    for effect in [Effect.loadHome] + (openMeeting.map { [Effect.openMeeting($0)] } ?? []) {
        worker.enqueue(effect)
    }
    if let openCycle {
        for effect in state.openWorkspace(cycleID: openCycle) { worker.enqueue(effect) }
    }
    while worker.busy || reader.busy || runner.inbox.hasEvents {
        worker.drain(timeout: 0.05)
        reader.drain(timeout: 0.05)
        _ = takeInbox()
    }

    // Other terminals' commits are noticed by polling; the loop wakes at
    // least every 50 ms for it (and for signals), and draws only when the
    // screen changed.
    let watcher = try? ChangeWatcher(path: options.storePath)
    let trace = ProcessInfo.processInfo.environment["SAMTAL_TRACE_FILE"].flatMap(DrawTrace.init)
    var lastDrawn: Grid?
    var paste = PasteReader()
    var lastSecond = -1
    var today = localDate() // formatted once a second, not on every key
    var dirty = true
    var storeWaitingShown = false
    while !quit {
        if terminal.quitSignal != nil {
            // SIGTERM, SIGHUP (terminal closed), SIGINT, SIGQUIT: what was
            // sent is written, then the step clock and the drafts; leave.
            for effect in state.quitEffects() where effect != .quit { worker.enqueue(effect) }
            worker.drain(timeout: 20)
            break
        }
        let now = Date().timeIntervalSince1970
        if Int(now) != lastSecond {
            lastSecond = Int(now)
            today = localDate()
            dispatch(.tick(now: now, today: today))
            dirty = true
        }
        if watcher?.poll() == true {
            dispatch(.storeChanged)
            dirty = true
        }
        if takeInbox() { dirty = true }
        // A write the store keeps waiting (another process holds it): say so,
        // and that typing goes on.
        let waiting = worker.stalledFor > 1
        if waiting != storeWaitingShown {
            storeWaitingShown = waiting
            dispatch(.storeWaiting(waiting))
            dirty = true
        }
        if dirty {
            let grid = Screens.render(state, size: terminal.size)
            if lastDrawn != grid {
                terminal.draw(grid)
                lastDrawn = grid
                trace?.drawn(state)
            }
            dirty = false
        }
        // Wait for a key; then take everything already typed (a paste)
        // before drawing again.
        // While the store is answering, look again soon.
        let answering = worker.busy || reader.busy || runner.inbox.hasEvents
        guard let input = terminal.readKey(timeoutMilliseconds: answering ? 5 : 50) else { continue }
        var pending = [input]
        while pending.count < 10_000, let more = terminal.readKey(timeoutMilliseconds: 0) { pending.append(more) }
        // An Esc at the end of a burst may begin an escape sequence whose
        // rest has not arrived yet: wait a moment before calling it a key.
        while pending.count < 10_000, pending.last == .key(.escape), let more = terminal.readKey(timeoutMilliseconds: 30) {
            pending.append(more)
            while pending.count < 10_000, let again = terminal.readKey(timeoutMilliseconds: 0) { pending.append(again) }
        }

        dispatch(.tick(now: Date().timeIntervalSince1970, today: today)) // keys act on the current time
        let keys = paste.read(pending.compactMap { if case .key(let k) = $0 { return k } else { return nil } })
        if pending.contains(.resize) { lastDrawn = nil }
        for key in keys where !quit { dispatch(.key(key)) }
        dirty = true
    }
    // Leaving: what was sent to the store (the last notes, the step clock,
    // the drafts) is written first.
    worker.drain(timeout: 120)
}

/// For the latency benchmark (Scripts/bench-latency): with SAMTAL_TRACE_FILE
/// set, the time each note first reaches the screen is appended to that
/// file as "note-id seconds-since-1970".
final class DrawTrace {
    let handle: FileHandle
    var seen = Set<Int64>()

    init?(path: String) {
        FileManager.default.createFile(atPath: path, contents: nil)
        guard let h = FileHandle(forWritingAtPath: path) else { return nil }
        h.seekToEndOfFile()
        handle = h
    }

    func drawn(_ state: AppState) {
        guard case .run(let run) = state.screen else { return }
        let now = Date().timeIntervalSince1970
        var out = ""
        for note in run.notes where !seen.contains(note.id) {
            seen.insert(note.id)
            out += "\(note.id) \(now)\n"
        }
        if !out.isEmpty { handle.write(Data(out.utf8)) }
    }
}
