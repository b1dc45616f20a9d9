// Helpers shared by the store tests: temporary folders, file modes, and a
// meeting to write notes into.

import Foundation
import SamtalCore
@testable import SamtalStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A private temporary folder, removed with everything in it when the value
/// goes away.
final class TempFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("samtal-store-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }

    func file(_ name: String) -> String { path + "/" + name }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Permission bits of a file or folder, as `stat` reports them.
func mode(of path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o777
}

func bytes(of path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
}

let mixedText = "Buskörning vid Storgatan – ÅÄÖ åäö 😀 中文 “citat”"

/// A store with one cycle and one meeting, for tests that need somewhere to
/// put notes.
struct Fixture {
    var store: AppStore
    var cycle: Cycle
    var meeting: Meeting

    init(store: AppStore) throws {
        self.store = store
        cycle = try store.createCycle(area: "LPO Fagersta", period: "2026 Q1", now: 1_000)
        meeting = try store.createMeeting(cycleID: cycle.id, agendaID: "medarbetardialog-vad",
                                          agendaSnapshot: "id: medarbetardialog-vad\n", title: "Medarbetardialog",
                                          date: "2026-01-15", place: "Polishuset", now: 1_001)
    }

    static func inMemory() throws -> Fixture { try Fixture(store: AppStore.inMemory()) }

    /// The same fixture in a store with an older schema (v1 or v2): the
    /// meeting is written with plain SQL and v1's columns, since this
    /// build's meeting record has more.
    init(oldStore store: AppStore) throws {
        self.store = store
        cycle = try store.createCycle(area: "LPO Fagersta", period: "2026 Q1", now: 1_000)
        let cycleID = cycle.id
        let id = try store.writer.write { db -> Int64 in
            try db.execute(sql: """
                INSERT INTO meeting (cycle_id, agenda_id, agenda_snapshot, title, date, place, form, facilitator, note_takers,
                                     group_count, current_step_index, status, created_at)
                VALUES (?, 'medarbetardialog-vad', 'id: medarbetardialog-vad', 'Medarbetardialog', '2026-01-15', 'Polishuset',
                        'physical', '', '', 3, 0, 'planned', 1001)
                """, arguments: [cycleID])
            return db.lastInsertedRowID
        }
        meeting = Meeting(id: id, cycleID: cycleID, agendaID: "medarbetardialog-vad", title: "Medarbetardialog",
                          facts: MethodFacts(date: "2026-01-15", place: "Polishuset"), createdAt: 1_001)
    }

    func draft(_ text: String, step: String = "lagesbild", group: Int = 1, type: NoteType = .problem,
               source: NoteSource = .employee) -> NoteDraft {
        NoteDraft(meetingID: meeting.id, stepID: step, group: group, type: type, source: source, text: text)
    }
}

/// Writes a note into a store whose schema is older than this build's
/// records (a v1 or v2 store): plain SQL with the v1 columns only.
@discardableResult
func saveOldNote(_ store: AppStore, _ draft: NoteDraft, now: Double, deleted: Bool = false) throws -> Note {
    try store.writer.write { db in
        try db.execute(sql: """
            INSERT INTO note (meeting_id, step_id, group_number, type, source, text, created_at, updated_at, deleted_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [draft.meetingID, draft.stepID, draft.group, draft.type.rawValue, draft.source.rawValue, draft.text,
                             now, now, deleted ? now : nil])
        return Note(id: db.lastInsertedRowID, meetingID: draft.meetingID, stepID: draft.stepID, group: draft.group,
                    type: draft.type, source: draft.source, text: draft.text, createdAt: now)
    }
}
