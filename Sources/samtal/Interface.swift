// The interactive program: one loop that reads keys, hands events to the
// core's `update`, hands the effects it returns to the workers (SamtalApp),
// and draws the rendered grid.

import ArgumentParser
import Foundation
import SamtalAgendas
import SamtalApp
import SamtalCore
import SamtalRender
import SamtalStore
import SamtalTerminal

/// The exit code of an interactive command that has no terminal it can use.
let noTerminalExitCode: Int32 = 2

/// Refuses at once (exit 2) when the interface cannot run here: stdin or
/// stdout not a terminal (`samtal run 1 </dev/null` used to spin, and
/// `> file` to fill the file with escape codes), or TERM=dumb.
func requireTerminal(_ options: GlobalOptions) throws {
    guard let problem = TerminalProblem.check(environment: options.environment) else { return }
    let sv = options.language == .sv
    switch problem {
    case .noTerminal:
        warn(sv ? "samtal: gränssnittet behöver en terminal: standard in och standard ut får inte vara en fil eller ett rör. "
                + "Kommandona som skriver ut (till exempel `samtal meeting list`, `samtal export`) fungerar utan terminal."
             : "samtal: the interface needs a terminal: standard input and output must not be a file or a pipe. "
                + "The commands that print (such as `samtal meeting list`, `samtal export`) work without one.")
    case .cannotDraw(let term):
        warn(sv ? "samtal: TERM=\(term) kan inte rita gränssnittet (markören kan inte flyttas); starta samtal i en riktig terminal "
                + "eller sätt till exempel TERM=xterm-256color."
             : "samtal: TERM=\(term) cannot draw the interface (the cursor cannot be moved); start samtal in a real terminal "
                + "or set, for example, TERM=xterm-256color.")
    }
    throw ExitCode(noTerminalExitCode)
}

/// Refuses (exit 2) a terminal type ncurses has no description of, before
/// the opening reads begin: a meeting is not started by an interface that
/// then cannot start.
func requireKnownTerminalType(_ options: GlobalOptions) throws {
    guard !Terminal.knowsType() else { return }
    warn("samtal: " + explain(TerminalError.unknownTerminal(options.environment["TERM"]), options.language))
    throw ExitCode(noTerminalExitCode)
}

/// The agendas read on a thread of their own while the store opens (a
/// machine has two cores or more): the start waits for the longer of the
/// two, not for both one after the other (issue 15). Once they are read,
/// the same thread rehearses the first screen (`rehearseOpening`), still
/// beside the store's opening.
func preloadLibrary(_ options: GlobalOptions, rehearsing role: RunRole? = nil, outline: Handoff<MeetingOutline>? = nil) -> Preload<AgendaLibrary> {
    Preload(then: { library in
        // Ahead of the main thread: only on a core the main thread and the
        // store's worker leave idle (BENCHMARKS.md, twelfth pass).
        runOnlyWhenACoreIsIdle()
        // The meeting's agenda and step, once the store has said them.
        if let role { rehearseOpening(options, library: library, role: role, outline: outline?.wait(seconds: 0.2)) }
    }, {
        // First the look-ups of conformances the main thread would make
        // (Warm.swift): the agendas are read well before they are needed.
        warmConformances()
        return options.agendaLibrary()
    })
}

/// What the first screen of a meeting is drawn from before the meeting is
/// read: its agenda and its current step (`AppStore.meetingOutline`).
struct MeetingOutline: Sendable {
    var agendaID: String
    var stepIndex: Int
}

/// A value one thread hands to another, which waits for it a while.
final class Handoff<T: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: T?

    func set(_ newValue: T) {
        condition.lock()
        value = newValue
        condition.broadcast()
        condition.unlock()
    }

    /// The value, once set; nil after `seconds` without it.
    func wait(seconds: Double) -> T? {
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while value == nil, condition.wait(until: deadline) {}
        return value
    }
}

/// A value worked out on a thread of its own; `value` waits for it. What
/// `then` does with it afterwards, on the same thread, is not waited for.
final class Preload<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: T?

    init(then: @escaping @Sendable (T) -> Void = { _ in }, _ work: @escaping @Sendable () -> T) {
        do {
            try startThread(name: "samtal-agendas") { [self] in
                let value = work()
                result = value
                done.signal()
                then(value)
            }
        } catch {
            // No thread to be had: the value is worked out here, and what
            // was to follow it (ahead of this thread) is left out.
            result = work()
            done.signal()
        }
    }

    var value: T {
        done.wait()
        done.signal() // for the next to ask
        return result!
    }
}

/// Runs the interface until the user quits or a signal arrives.
func runInterface(options: GlobalOptions, store: AppStore, library preloaded: Preload<AgendaLibrary>? = nil,
                  openMeeting: Int64?, openCycle: Int64? = nil,
                  role: RunRole = .facilitator, theme requested: Theme? = nil, storeMade: Bool = false) throws {
    try requireTerminal(options)
    try requireKnownTerminalType(options)
    let library = preloaded?.value ?? options.agendaLibrary()
    let runner = EffectRunner(store: store, library: library, role: role, language: options.language)
    var state = initialState(options, library: library)
    if storeMade { _ = state.update(.storeMade(path: options.storePath)) }
    if let copy = store.migrationBackupPath { _ = state.update(.storeUpgraded(copy: copy)) }

    // Writes in order on one thread; reads on another, so that a store held
    // by another process (reads go on in WAL mode) does not hold up what
    // the screen shows. A read that overtakes a write of the same step is
    // answered again by the write (see `writesInFlight` in the core).
    // The writing thread's readings (only the opening's: the home screen,
    // the workspace) are made on the writer's connection, so that the
    // pool's first reader connection is not opened before the first frame
    // (issue 15). Without the threads (a limit on them reached) samtal
    // says so and stops, before the terminal is set up; nothing has been
    // written but the store's header.
    var writing = runner
    writing.readsOnWriter = true
    writing.firstScreenRows = windowRows()
    let worker: EffectWorker, reader: EffectWorker
    do {
        worker = try EffectWorker(runner: writing)
        reader = try EffectWorker(runner: runner)
    } catch {
        // Out at once: unwinding would release the store, and libdispatch,
        // releasing GRDB's queues, waits for a thread of its own until
        // there is one (found by a test: it never returned).
        warn("samtal: " + explain(error, options.language))
        exit(1)
    }

    // Anything written to stderr would draw over the screen: send it to a
    // log file beside the store while the interface runs.
    let logPath = ((options.storePath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("samtal.log")
    let savedStderr = dup(2)
    let logFD = open(logPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
    if logFD >= 0 { dup2(logFD, 2); close(logFD) }
    defer {
        if savedStderr >= 0 { dup2(savedStderr, 2); close(savedStderr) }
    }

    var quit = false
    var suspendRequested = false
    var toldLatin1 = false
    /// Hands an event to the core; what it asks of the store goes to the
    /// workers, in order, and comes back as events through the inbox.
    var journal: NoteJournal?
    // What is typed, at every key (see DraftJournal).
    var draftJournal: DraftJournal?
    var leftJournals: [DraftJournal] = []
    var draftsTyped = false
    // What the frame on the screen was drawn from (`Screens.basis`).
    var basis: FrameBasis?
    func dispatch(_ event: Event) {
        // An answer of the store (a step read again, a note saved) may
        // put equal records in new storage: compared with the basis's
        // at every key after it, they would be compared record by record
        // (the cluster step's ~1,000 notes: ~580 K instructions a key).
        // The next frame is drawn whole and is the basis then.
        switch event {
        case .key, .tick: break
        default: basis = nil
        }
        var sentNote = false
        for effect in state.update(event) where !quit {
            switch effect {
            case .quit: quit = true
            case .suspend: suspendRequested = true
            case .saveNote(var draft, let clearing):
                // On disk before it waits for the store (see NoteJournal).
                draft.clientID = UUID().uuidString
                if journal?.meetingID != draft.meetingID, let path = store.path, case .run(let run) = state.screen {
                    journal = NoteJournal(storePath: path, meetingID: draft.meetingID, station: run.station)
                }
                journal?.append(draft)
                sentNote = true
                worker.enqueue(.saveNote(draft, clearing: clearing))
            // Readings hold this terminal's writes sent before them.
            case .loadHome, .loadStep, .loadAnalysis, .loadPromiseSources, .followMeeting: reader.enqueue(effect, after: worker)
            // An export goes through the worker too: it starts once the
            // writes before it (a review's decisions) are committed.
            default: worker.enqueue(effect)
            }
        }
        // The drafts are journalled once the key's frame is drawn (off the
        // echo's path); at once after a note was sent (it is in the note
        // journal now), so that its text is not kept as a draft as well.
        if case .key = event {
            draftsTyped = true
            if sentNote { journalDrafts() }
        }
    }
    /// Writes the terminal's drafts to its journal (see DraftJournal).
    func journalDrafts() {
        draftsTyped = false
        guard let path = store.path, case .run(let run) = state.screen, run.role != .projector else { return }
        if draftJournal?.meetingID != run.meeting.id || draftJournal?.station != run.station {
            if let left = draftJournal { leftJournals.append(left) }
            draftJournal = DraftJournal(storePath: path, meetingID: run.meeting.id, station: run.station)
        }
        draftJournal?.write(run.draftsToJournal(limit: DraftJournal.limit))
    }
    /// Takes what the worker and the exports have answered.
    func takeInbox() -> Bool {
        let events = runner.inbox.take()
        for event in events { dispatch(event) }
        return !events.isEmpty
    }

    // The first screen is complete before it is drawn: the opening reads
    // are waited for. The home screen is read only when it is the first
    // screen, or when what was asked could not be opened (going back to it
    // reads it again).
    func awaitOpening() {
        while worker.busy || reader.busy || runner.inbox.hasEvents {
            // The home screen's first page is complete: drawn while the
            // rest of its cycles are read.
            if case .home(let home) = state.screen, home.firstPageOnly { return }
            // So is a cluster step's screenful of the cycle's notes.
            if case .run(let run) = state.screen, run.data.sourceNotesNotRead > 0 { return }
            worker.drain(timeout: 0.05)
            reader.drain(timeout: 0.05)
            _ = takeInbox()
        }
    }
    // Other terminals' commits are noticed by polling; the loop wakes at
    // least every 50 ms for it (and for signals), and draws only when the
    // screen changed. The watcher takes its first version before the
    // opening reads: a commit made while they run (the facilitator turning
    // the step as a station starts) is noticed, not missed until the next.
    let watcher = try? ChangeWatcher(store: store)
    // The opening reads begin before the terminal is set up, which takes
    // the main thread meanwhile (issue 15).
    var homeAsked = false
    if let openMeeting {
        worker.enqueue(.openMeeting(openMeeting))
    } else if let openCycle {
        for effect in state.openWorkspace(cycleID: openCycle) { worker.enqueue(effect) }
    } else {
        // A page and a half of the terminal's height, asked of it before
        // the terminal is set up, so that the first frame is whole.
        let rows = windowRows()
        worker.enqueue(state.homeFirstPage(rows: rows + rows / 2))
        homeAsked = true
    }

    Terminal.prepareLocale()
    let env = options.environment
    // NO_COLOR counts only when it is set to something (no-color.org).
    let noColor = !(env["NO_COLOR"] ?? "").isEmpty
    let theme: Theme = requested ?? (env["SAMTAL_THEME"] == "mono" || noColor ? .monochrome
        : env["SAMTAL_THEME"] == "contrast" ? .highContrast : .color)
    let terminal: Terminal
    do {
        terminal = try Terminal(theme: theme)
    } catch {
        if savedStderr >= 0 { dup2(savedStderr, 2) }
        warn("samtal: " + explain(error, options.language))
        throw ExitCode(noTerminalExitCode)
    }
    defer { terminal.shutdown() }

    awaitOpening()
    // What was asked could not be opened: the home screen instead.
    if case .home = state.screen, !homeAsked {
        worker.enqueue(.loadHome)
        awaitOpening()
    }



    let trace = options.environment["SAMTAL_TRACE_FILE"].flatMap(DrawTrace.init)
    var paste = PasteReader()
    var lastSecond = -1
    var today = localDate() // formatted once a second, not on every key
    var dirty = true
    var storeWaitingShown = false
    var rehearsed = false
    var quitBy: Int32?
    while !quit {
        if let signal = terminal.quitSignal {
            quitBy = signal
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
        if takeInbox() { dirty = true }
        // Everything sent has been written: the journal is empty again.
        if let j = journal, !worker.busy {
            j.clear()
            journal = nil
        }
        // A write the store keeps waiting (another process holds it): say so,
        // and that typing goes on.
        let waiting = worker.stalledFor > 1
        if waiting != storeWaitingShown {
            storeWaitingShown = waiting
            dispatch(.storeWaiting(waiting))
            dirty = true
        }
        if dirty {
            // Only what changed since the last frame is sent; a frame the
            // same as the last sends nothing. Where only the note line's
            // rows can have changed (a key typed on it), only they are
            // drawn again, over the frame on the screen.
            let size = terminal.size
            if let basis, Screens.sameBasis(basis, state, size: size),
               terminal.draw(rows: Screens.noteLineRows(size), { Screens.redrawChangedRows(state, into: &$0) }) {
                // Drawn over the frame of `basis`, which stays the basis.
            } else {
                _ = terminal.draw(Screens.render(state, size: size))
                basis = Screens.basis(of: state, size: size)
            }
            // Traced whether or not the frame changed the screen: a note
            // that lands on a page of the wall not shown changes nothing
            // there, and was traced only at the next frame that did (the
            // clock's, up to a second later).
            trace?.drawn(state)
            dirty = false
            // The frame is written; the kernel's tty worker that hands it
            // to the terminal may be waiting for this core. It goes first:
            // what follows (the drafts' journal, the look for other
            // processes' commits, the first frame's rehearsal) waits a
            // moment instead of the echo (a session's first key 0.485 →
            // 0.442 ms at p50, BENCHMARKS.md, eighteenth pass).
            sched_yield()
            if !rehearsed {
                rehearsed = true
                rehearseFirstKey(state, size: terminal.size)
                // The reading thread's connection opened now, before anyone
                // types: else at the first reading after a commit (this
                // terminal's first draft, a second into typing the first
                // note), its schema read (2.3 M instructions) beside the
                // keys. The step read again is the one on screen.
                if case .run = state.screen { dispatch(.storeChanged) }
            }
        }
        if draftsTyped { journalDrafts() }
        // Other processes' commits are looked for once the frame is drawn:
        // a key's echo does not wait for a query of the store.
        if watcher?.poll() == true {
            dispatch(.storeChanged)
            dirty = true
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
        if pending.contains(.resize) { terminal.drawWhole() }
        for key in keys where !quit { dispatch(.key(key)) }
        if terminal.sawLatin1 && !toldLatin1 {
            // Taken as Latin-1, and said once: what is drawn is UTF-8.
            toldLatin1 = true
            dispatch(.terminalNotUTF8)
        }
        if suspendRequested {
            // Ctrl-Z: what was typed is kept as drafts first, then the
            // shell has the terminal until fg; then the screen is drawn whole.
            suspendRequested = false
            dispatch(.tick(now: Date().timeIntervalSince1970, today: today))
            _ = worker.drain(timeout: 0.3)
            terminal.suspend()
            terminal.drawWhole()
        }
        dirty = true
    }
    // Leaving: what was sent to the store (the last notes, the step clock,
    // the drafts) is written first; if the store is held, the screen says so.
    if !worker.drain(timeout: 0.3) {
        dispatch(.closing)
        terminal.draw(Screens.render(state, size: terminal.size))
        worker.drain(timeout: 120)
    }
    // The store has the drafts now: the journal of them goes (kept while a
    // write is still waiting for a store another process holds).
    if !worker.busy {
        for journal in leftJournals + [draftJournal].compactMap({ $0 }) { journal.clear() }
    }
    // Closed cleanly: the -wal is emptied, so the next opening need not
    // read every page (`AppStore.inspect`). With a write still going on,
    // or another process reading, it stays.
    watcher?.close()
    if !worker.busy && !reader.busy { store.close() }
    // Left on a signal: saved as on F10, but the exit status says it was a
    // signal (128 + its number, as a shell reports a process it ended), so
    // that a script can tell a kill from a quit.
    if let quitBy { throw ExitCode(128 + quitBy) }
}

/// The terminal's height, asked of it before it is set up (50 when it
/// does not say).
func windowRows() -> Int {
    var size = winsize()
    return ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_row > 0 ? Int(size.ws_row) : 50
}

/// The first key after the start walks code no frame has walked: the key
/// map, the text field, a line being typed drawn. Its first-time costs
/// (lazy tables, the runtime's first lookups of types and conformances,
/// pages of the binary read in) made it 2-3 times as slow as every later
/// key (issue 15). They are paid here instead, once, after the first frame
/// (in the time before anyone types): a letter and a Backspace go through
/// `update` and `render` on a copy of the state. The copy and the effects
/// it asks for are dropped: nothing is written, sent or drawn. On the
/// projector, whose key is F1, its help is drawn instead (and kept, as
/// every help drawn is: the first F1 on the wall was half as slow again
/// as the next, BENCHMARKS.md, twentieth pass).
func rehearseFirstKey(_ state: AppState, size: Size) {
    var copy = state
    if case .run(let run) = state.screen, run.role == .projector {
        _ = copy.update(.key(.function(1)))
        _ = Screens.render(copy, size: size)
        return
    }
    var grid = Screens.render(copy, size: size)
    let basis = Screens.basis(of: copy, size: size)
    for key in [Key.char("a"), .backspace] {
        _ = copy.update(.key(key))
        if let basis, Screens.sameBasis(basis, copy, size: size) {
            Screens.redrawChangedRows(copy, into: &grid)
        } else {
            _ = Screens.render(copy, size: size)
        }
    }
}

/// While the store opens, the agendas' thread would only wait. It draws
/// (and drops) a frame of the meeting's step with no notes instead, on a
/// state of its own, at the terminal's size: the first frame's first-time
/// costs (the runtime's first lookups of types and conformances, lazy
/// tables, pages of the binary read in: most of that frame's cost, several
/// million instructions, issue 15) are paid beside the opening, on the
/// other core, instead of after it; so are the agenda's decoding and the
/// step's text laid out (both kept for the real frame). Nothing is written,
/// sent or drawn.
func rehearseOpening(_ options: GlobalOptions, library: AgendaLibrary, role: RunRole, outline: MeetingOutline?) {
    guard let agenda = outline.flatMap({ library.agenda(id: $0.agendaID)?.agenda }) ?? library.agendas.first?.agenda else { return }
    var state = initialState(options, library: library)
    let meeting = Meeting(id: 0, cycleID: 0, agendaID: agenda.id, title: "", currentStepIndex: outline?.stepIndex ?? 0,
                          status: .running, createdAt: 0)
    var opened = OpenedMeeting(meeting: meeting, agenda: agenda, stepSeconds: [:], notes: [], role: role)
    if let first = agenda.steps.first { opened.firstReading = StepReading(query: opened.firstQuery, data: StepData(stepID: first.id)) }
    _ = state.update(.meetingOpened(opened))
    _ = Screens.render(state, size: Terminal.windowSize() ?? Size(width: 100, height: 30))
}

/// The interface's state before anything is opened.
func initialState(_ options: GlobalOptions, library: AgendaLibrary) -> AppState {
    AppState(language: options.language,
             agendas: library.agendas.map { AgendaInfo(id: $0.summary.id, title: $0.summary.title, intro: $0.summary.intro) },
             now: Date().timeIntervalSince1970, today: localDate())
}

/// For the latency benchmark (Scripts/bench-latency): with SAMTAL_TRACE_FILE
/// set, the time each note is first in a frame drawn (on screen, or on a
/// page of the wall not shown) is appended to that file as "note-id
/// seconds-since-1970". In a cluster step, a note drawn in
/// another focus area than before adds "assign note-id area-id seconds"; in
/// a vote step, an area's dots drawn changed add "tally area-id count seconds".
final class DrawTrace {
    let handle: FileHandle
    var seen = Set<Int64>()
    /// As last drawn: each note's focus area, each area's dots.
    var areaOf: [Int64: Int64] = [:]
    var tally: [Int64: Int] = [:]

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
        switch run.step.kind {
        case .cluster:
            for area in run.data.focusAreas {
                for id in area.noteIDs where areaOf[id] != area.id {
                    areaOf[id] = area.id
                    out += "assign \(id) \(area.id) \(now)\n"
                }
            }
        case .vote:
            var counts: [Int64: Int] = [:]
            for vote in run.data.votes { counts[vote.focusAreaID, default: 0] += 1 }
            for area in run.data.focusAreas where tally[area.id] != counts[area.id, default: 0] {
                tally[area.id] = counts[area.id, default: 0]
                out += "tally \(area.id) \(counts[area.id, default: 0]) \(now)\n"
            }
        default:
            break
        }
        if !out.isEmpty { handle.write(Data(out.utf8)) }
    }
}
