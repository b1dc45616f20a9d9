// The effect runner, its worker thread and the export pipeline, on a store
// file of their own.

import Foundation
import GRDB
import SamtalAgendas
import SamtalApp
import SamtalCore
import SamtalStore
import Testing

/// A store file in a private temporary folder with one meeting, removed with
/// the folder.
final class Fixture {
    let folder: String
    let store: AppStore
    let meeting: Meeting
    let runner: EffectRunner

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("samtal-app-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try AppStore(path: folder + "/samtal.sqlite")
        let cycle = try store.createCycle(area: "LPO Fagersta", period: "2027", now: 1)
        meeting = try store.createMeeting(cycleID: cycle.id, agendaID: "medarbetardialog-vad", agendaSnapshot: "", title: "VAD-dialog",
                                          date: "2027-01-20", place: "Polishuset", groupCount: 2, now: 1)
        runner = EffectRunner(store: store, library: AgendaLibrary(folders: []), role: .facilitator, language: .sv)
    }

    func note(_ text: String) -> NoteDraft {
        NoteDraft(meetingID: meeting.id, stepID: "lokal-lagesbild", group: 1, type: .problem, source: .employee, text: text)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }
}

@Suite("Effects")
struct EffectTests {
    @Test("a note and the removal of its draft are one write")
    func noteClearsItsDraft() throws {
        let f = try Fixture()
        try f.store.saveDraft(meetingID: f.meeting.id, station: "run", field: "note/lokal-lagesbild", text: "Klotter vid Åvägen", now: 1)
        let (events, quit) = f.runner.perform(.saveNote(f.note("Klotter vid Åvägen"),
                                                        clearing: DraftRef(station: "run", fields: ["note/lokal-lagesbild"])))
        #expect(!quit)
        guard case .noteSaved(let note)? = events.first else { Issue.record("no note: \(events)"); return }
        #expect(note.text == "Klotter vid Åvägen")
        #expect(try f.store.drafts(meetingID: f.meeting.id, station: "run").isEmpty)
    }

    @Test("the worker waits for a store another connection holds, says it is waiting, and then saves")
    func workerWaitsForTheStore() throws {
        let f = try Fixture()
        let holder = try DatabaseQueue(path: f.folder + "/samtal.sqlite")
        let held = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        Thread {
            try? holder.inTransaction(.immediate) { db in
                try db.execute(sql: "UPDATE meeting SET title = title")
                held.signal()
                release.wait()
                return .commit
            }
        }.start()
        held.wait()
        let worker = try EffectWorker(runner: f.runner)
        worker.enqueue(.saveNote(f.note("Först"), clearing: nil))
        worker.enqueue(.saveNote(f.note("Sedan"), clearing: nil))
        Thread.sleep(forTimeInterval: 1.3)
        #expect(worker.busy)
        #expect(worker.stalledFor > 1)
        #expect(f.runner.inbox.take().isEmpty) // nothing failed meanwhile
        release.signal()
        #expect(worker.drain(timeout: 30))
        let saved = f.runner.inbox.take().compactMap { event -> String? in
            if case .noteSaved(let n) = event { return n.text }
            return nil
        }
        #expect(saved == ["Först", "Sedan"]) // in the order sent
        #expect(worker.stalledFor == 0)
    }

    @Test("a reading asked after a write holds it, though the write waits for the store (the walk: dots, then PageDown at once)")
    func aReadingWaitsForTheWritesSentBeforeIt() throws {
        let f = try Fixture()
        let holder = try DatabaseQueue(path: f.folder + "/samtal.sqlite")
        let held = DispatchSemaphore(value: 0)
        Thread {
            try? holder.inTransaction(.immediate) { db in
                try db.execute(sql: "UPDATE meeting SET title = title")
                held.signal()
                Thread.sleep(forTimeInterval: 0.3)
                return .commit
            }
        }.start()
        held.wait()
        let worker = try EffectWorker(runner: f.runner)
        let reader = try EffectWorker(runner: f.runner)
        worker.enqueue(.saveNote(f.note("Buskörning vid torget"), clearing: nil))
        let agenda = Agenda(id: "a", version: 1, title: "A", meetingType: .employeeDialogueWhat, source: .employee,
                            steps: [AgendaStep(id: "lokal-lagesbild", title: "Lokal lägesbild", kind: .collect, minutes: 10)])
        let query = StepQuery(meeting: f.meeting, agenda: agenda, index: 0)
        reader.enqueue(.loadStep(query), after: worker)
        #expect(reader.drain(timeout: 30))
        #expect(worker.drain(timeout: 30))
        let read = f.runner.inbox.take().compactMap { event -> [String]? in
            if case .stepLoaded(let data) = event { return data.notes.map(\.text) }
            return nil
        }
        #expect(read == [["Buskörning vid torget"]])
    }

    @Test("a meeting's summary is exported; the store itself is never written over")
    func export() throws {
        let f = try Fixture()
        _ = try f.store.saveNote(f.note("Mopeder på torget"), now: 2)
        let library = AgendaLibrary(folders: [URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Agendas").path])
        let result = try exportDocument(store: f.store, library: library, target: .meeting(f.meeting.id), document: nil,
                                        format: .md, redact: false, language: .sv)
        guard case .file(let data, _) = result.output else { Issue.record("not a file"); return }
        #expect(String(decoding: data, as: UTF8.self).contains("Mopeder på torget"))
        #expect(throws: OutputError.store(path: f.folder + "/samtal.sqlite")) {
            try result.write(to: f.folder + "/samtal.sqlite", overwrite: true, protecting: [f.folder + "/samtal.sqlite"])
        }
        let out = f.folder + "/sammanfattning.md"
        try result.write(to: out, overwrite: false, protecting: [f.folder + "/samtal.sqlite"])
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("Mopeder på torget"))
    }
}

@Suite("The public feedback's review")
struct PublicReviewEffectTests {
    static let library = AgendaLibrary(folders: [URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Agendas").path])

    func feedback(_ f: Fixture) throws -> String {
        let result = try exportDocument(store: f.store, library: Self.library, target: .meeting(f.meeting.id), document: .feedback,
                                        format: .md, redact: false, language: .sv)
        guard case .file(let data, _) = result.output else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    @Test("the feedback is written only once every note is decided; decisions are kept, an edit asks again")
    func gate() throws {
        let f = try Fixture()
        let lasse = try f.store.saveNote(f.note("Lasse Nilsson på Storgatan 12 langar sprit till ungdomarna"), now: 2)
        let mopeds = try f.store.saveNote(f.note("Mopeder på torget varje kväll"), now: 3)
        #expect(throws: ExportError.self) { try feedback(f) }
        let request = ExportRequest(target: .meeting(f.meeting.id), document: .feedback, format: .md, redact: false, output: "")
        let runner = EffectRunner(store: f.store, library: Self.library, role: .facilitator, language: .sv)
        let (events, _) = runner.perform(.reviewNotes([NoteReviewDecision(noteID: lasse.id, review: .excluded, publicText: ""),
                                                       NoteReviewDecision(noteID: mopeds.id, review: .approved, publicText: "Mopeder på torget")],
                                                      reload: request))
        guard case .publicReviewChanged(let items)? = events.first else { Issue.record("\(events)"); return }
        let allDecided = items.allSatisfy { $0.decided }
        #expect(allDecided)
        guard case .publicReviewLoaded(let title, _, let again)? = runner.perform(.loadPublicReview(request)).events.first else {
            Issue.record("no review"); return
        }
        #expect(title == "VAD-dialog" && again == request)
        let md = try feedback(f)
        #expect(md.contains("Mopeder på torget") && !md.contains("varje kväll") && !md.contains("Lasse"))
        // Changing the note's text makes it unreviewed again.
        try f.store.updateNote(id: mopeds.id, text: "Mopeder på torget varje natt", group: 1, type: .problem, now: 4)
        #expect(throws: ExportError.self) { try feedback(f) }
        #expect(try f.store.notes(meetingID: f.meeting.id).map(\.publicReview) == [.excluded, .unreviewed])
    }
}

@Suite("Note journal")
struct NoteJournalTests {
    @Test("journalled notes are saved once, in order, on the next opening; a torn last line is left out")
    func replay() throws {
        let f = try Fixture()
        let journal = NoteJournal(storePath: f.folder + "/samtal.sqlite", meetingID: f.meeting.id, station: "capture-1")
        var first = f.note("Först – åäö")
        first.clientID = "a-1"
        var second = f.note("Sedan")
        second.clientID = "a-2"
        #expect(journal.append(first))
        #expect(journal.append(second))
        // The first was committed before the kill; the second was not.
        _ = try f.store.saveNote(first, now: 2)
        // A line cut off by the kill.
        let handle = try #require(FileHandle(forWritingAtPath: journal.path))
        handle.seekToEndOfFile()
        handle.write(Data("{\"meetingID\":1,\"ste".utf8))
        try handle.close()
        let saved = try journal.replay(into: f.store, now: 3)
        #expect(saved.map(\.text) == ["Sedan"])
        #expect(try f.store.notes(meetingID: f.meeting.id, stepID: "lokal-lagesbild").map(\.text) == ["Först – åäö", "Sedan"])
        #expect(!FileManager.default.fileExists(atPath: journal.path))
        #expect(try journal.replay(into: f.store, now: 4).isEmpty)
    }
}

@Suite("Draft journal")
struct DraftJournalTests {
    @Test("a station's journals are named by its group and name, a name's bytes written safe for a file name")
    func fileNames() {
        let journal = DraftJournal(storePath: "/tmp/x/samtal.sqlite", meetingID: 3, station: "capture-1-Bo/Åsa Ek")
        #expect(journal.path == "/tmp/x/samtal-drafts-3-capture-1-Bo%2F%C3%85sa%20Ek.txt")
        #expect(NoteJournal(storePath: "/tmp/x/samtal.sqlite", meetingID: 3, station: "capture-1").path == "/tmp/x/samtal-journal-3-capture-1.jsonl")
    }

    @Test("a named station's drafts kept under its group before are moved to it, where it has none of the field")
    func draftsMovedToTheStation() throws {
        let f = try Fixture()
        try f.store.saveDraft(meetingID: f.meeting.id, station: "capture-1", field: "note/x", text: "Från förr", now: 1)
        try f.store.saveDraft(meetingID: f.meeting.id, station: "capture-1", field: "note/y", text: "Gammal", now: 1)
        try f.store.saveDraft(meetingID: f.meeting.id, station: "capture-1-Åsa", field: "note/y", text: "Ny", now: 2)
        try f.store.moveDrafts(meetingID: f.meeting.id, from: "capture-1", to: "capture-1-Åsa", now: 3)
        #expect(try f.store.drafts(meetingID: f.meeting.id, station: "capture-1-Åsa") == ["note/x": "Från förr", "note/y": "Ny"])
        #expect(try f.store.drafts(meetingID: f.meeting.id, station: "capture-1").isEmpty)
    }

    @Test("the drafts journalled at the last key are restored over the store's, and written into it; a torn file is not read")
    func restore() throws {
        let f = try Fixture()
        let journal = DraftJournal(storePath: f.folder + "/samtal.sqlite", meetingID: f.meeting.id, station: "run")
        try f.store.saveDraft(meetingID: f.meeting.id, station: "run", field: "note/lokal-lagesbild", text: "Buskörning", now: 1)
        try f.store.saveDraft(meetingID: f.meeting.id, station: "run", field: "gone", text: "Sparad sedan", now: 1)
        // No journal: the store's drafts are they.
        #expect(try journal.restore(into: f.store, now: 2) == nil)
        let typed = ["note/lokal-lagesbild": "Buskörning på torget\nfredagar – åäö 🙂", "note/lokal-lagesbild/meta": "1 problem employee",
                     "tom": ""]
        journal.write(typed)
        #expect(DraftJournal(storePath: f.folder + "/samtal.sqlite", meetingID: f.meeting.id, station: "run").read() == typed)
        #expect(try journal.restore(into: f.store, now: 3) == typed)
        #expect(try f.store.drafts(meetingID: f.meeting.id, station: "run") == typed)
        // A shorter set written over a longer: read as written.
        journal.write(["a": "b"])
        #expect(journal.read() == ["a": "b"])
        // Cut anywhere, it is not read.
        let whole = try Data(contentsOf: URL(fileURLWithPath: journal.path))
        for cut in [0, 5, 16, whole.count / 2, whole.count - 1] {
            try whole.prefix(cut).write(to: URL(fileURLWithPath: journal.path))
            #expect(journal.read() == nil, "cut at \(cut)")
        }
        // A damaged file (sizes past its end, or that would overflow) is not read.
        for damaged in ["samtal drafts 1\n9223372036854775807 9223372036854775807\nab\nend\n",
                        "samtal drafts 1\n1 99\nab\nend\n", "samtal drafts 1\n-1 1\nab\nend\n", "samtal drafts 1\nend\nx"] {
            try Data(damaged.utf8).write(to: URL(fileURLWithPath: journal.path))
            #expect(journal.read() == nil, "\(damaged)")
        }
        try Data("samtal drafts 1\n1 2\nabc\nend\n".utf8).write(to: URL(fileURLWithPath: journal.path))
        #expect(journal.read() == ["a": "bc"])
        // More than the limit: the file goes, and the store's drafts are they.
        journal.write(["a": "b"])
        journal.write(["lång": String(repeating: "x", count: DraftJournal.limit + 1)])
        #expect(!FileManager.default.fileExists(atPath: journal.path))
        #expect(journal.read() == nil)
        journal.write(["a": "c"])
        #expect(journal.read() == ["a": "c"])
        journal.clear()
        #expect(!FileManager.default.fileExists(atPath: journal.path))
    }
}

@Suite("Two terminals on one step")
struct TwoTerminalTests {
    /// Runs a state's effects on the store until nothing more follows.
    static func drain(_ s: inout AppState, _ effects: [Effect], _ f: Fixture) {
        var queue = effects
        while !queue.isEmpty {
            let (events, _) = f.runner.perform(queue.removeFirst())
            for e in events { queue += s.update(e) }
        }
    }

    @Test("two terminals writing different fields of one problem description keep both")
    func twoTerminalsOneProblem() throws {
        let f = try Fixture()
        let agenda = Agenda(id: "p", version: 1, title: "P", meetingType: .problemAnalysis, source: .police, steps: [
            AgendaStep(id: "problem", title: "Problem", kind: .problem, minutes: 30)])
        func open() -> AppState {
            var s = AppState(language: .sv, now: 10)
            let effects = s.update(.meetingOpened(OpenedMeeting(meeting: f.meeting, agenda: agenda, stepSeconds: [:], notes: [])))
            Self.drain(&s, effects, f)
            return s
        }
        var a = open(), b = open() // both have read the empty description
        for c in "Buskörning" { Self.drain(&a, a.update(.key(.char(c))), f) }
        Self.drain(&a, a.update(.key(.enter)), f)
        // B has not read A's write: it writes another field of the same record.
        Self.drain(&b, b.update(.key(.down)), f)
        for c in "Storgatan" { Self.drain(&b, b.update(.key(.char(c))), f) }
        Self.drain(&b, b.update(.key(.enter)), f)
        // And two levels of the why-chain.
        for _ in 0..<6 { Self.drain(&a, a.update(.key(.down)), f) } // from the second field to "Varför? 1"
        for c in "Tunneln är mörk" { Self.drain(&a, a.update(.key(.char(c))), f) }
        Self.drain(&a, a.update(.key(.enter)), f)
        for _ in 0..<6 { Self.drain(&b, b.update(.key(.down)), f) } // from the third field to "Varför? 2"
        for c in "Lamporna är trasiga" { Self.drain(&b, b.update(.key(.char(c))), f) }
        Self.drain(&b, b.update(.key(.enter)), f)
        let p = try f.store.problem(meetingID: f.meeting.id, stepID: "problem", focusAreaID: nil)
        #expect(p?.answers[.what] == "Buskörning")
        #expect(p?.answers[.where_] == "Storgatan")
        #expect(try f.store.whyChain(problemID: p?.id ?? 0).map(\.text) == ["Tunneln är mörk", "Lamporna är trasiga"])
    }
}
