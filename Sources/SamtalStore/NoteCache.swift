// A meeting's notes as last read, with the store's note version at that
// moment, so that reading them again after a commit (a draft written each
// second, another terminal's note) reads only the notes written since
// (issue 15). Every note inserted or changed takes the next number of
// `note_version.seq` into its `change_seq` (triggers, migration
// v20); a note removed for good (never done by samtal)
// raises `note_version.removed`, and then the meeting is read whole again.

import Foundation
import GRDB
import SamtalCore

final class NoteCache: @unchecked Sendable {
    struct Entry {
        /// `note_version` when the notes were read.
        var seq: Int64
        var removed: Int64
        /// The meeting's notes that are not deleted, in display order.
        var notes: [Note]
        var lastUsed: UInt64
        /// Each step's notes, filtered from `notes` when first asked for:
        /// the same array is handed out until a note is written, so that
        /// the core tells a reload that changed nothing at once.
        var byStep: [String: [Note]] = [:]
    }

    /// At most this many notes are kept, over all meetings (the least
    /// recently read meeting goes first), so memory stays bounded however
    /// many meetings an export reads.
    static let capacity = 40_000

    private let lock = NSLock()
    private var entries: [Int64: Entry] = [:]
    private var clock: UInt64 = 0
    private var count = 0

    func entry(_ meetingID: Int64) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        return entries[meetingID]
    }

    /// The step's notes of the meeting's entry read at `seq`, filtered
    /// once and then kept with the entry; nil when the entry is gone or of
    /// another moment.
    func stepNotes(_ meetingID: Int64, seq: Int64, removed: Int64, stepID: String) -> [Note]? {
        lock.lock()
        defer { lock.unlock() }
        guard var entry = entries[meetingID], entry.seq == seq, entry.removed == removed else { return nil }
        if let kept = entry.byStep[stepID] { return kept }
        let notes = entry.notes.filter { $0.stepID == stepID }
        entry.byStep[stepID] = notes
        entries[meetingID] = entry
        return notes
    }

    func keep(_ meetingID: Int64, _ entry: Entry) {
        guard entry.notes.count <= Self.capacity else { return }
        lock.lock()
        defer { lock.unlock() }
        // A reader that read a newer moment of the store may have been first.
        if let old = entries[meetingID] {
            // The same moment kept already: its steps' arrays stay the ones
            // handed out.
            guard old.seq < entry.seq || (old.seq == entry.seq && old.removed != entry.removed) else { return }
            count -= old.notes.count
        }
        clock += 1
        var entry = entry
        entry.lastUsed = clock
        entries[meetingID] = entry
        count += entry.notes.count
        while count > Self.capacity, let oldest = entries.min(by: { $0.value.lastUsed < $1.value.lastUsed }) {
            entries[oldest.key] = nil
            count -= oldest.value.notes.count
        }
    }
}

extension AppStore {
    /// The meeting's notes that are not deleted, in display order (group,
    /// then time, then id), read in `db`: from the cache when no note was
    /// written since, else the cached notes with only those written since
    /// read and put in their places.
    func liveNotes(_ db: Database, meetingID: Int64) throws -> [Note] {
        try liveNotesAndVersion(db, meetingID: meetingID).notes
    }

    /// The meeting's notes of one step, in display order: while no note is
    /// written, the same array each time it is asked for.
    func liveNotes(_ db: Database, meetingID: Int64, stepID: String) throws -> [Note] {
        let (notes, version) = try liveNotesAndVersion(db, meetingID: meetingID)
        if let version, let kept = noteCache.stepNotes(meetingID, seq: version.seq, removed: version.removed, stepID: stepID) {
            return kept
        }
        return notes.filter { $0.stepID == stepID }
    }

    /// The notes and the note version they were read at (nil when they are
    /// not kept: inside a write, or in a store without the version).
    private func liveNotesAndVersion(_ db: Database, meetingID: Int64) throws -> (notes: [Note], version: (seq: Int64, removed: Int64)?) {
        // Inside a write, what is read may yet be rolled back: not kept
        // (nor in a store not yet migrated, without the version).
        // A statement kept by the connection: asked once for each of a
        // cycle's meetings when a cluster step opens (issue 15).
        guard !isWriting, let row = try? Row.fetchOne(db.cachedStatement(sql: "SELECT seq, removed FROM note_version")) else {
            return (try Self.readNotes(db, meetingID: meetingID), nil)
        }
        let seq: Int64 = row["seq"], removed: Int64 = row["removed"]
        if let cached = noteCache.entry(meetingID), cached.removed == removed, cached.seq <= seq {
            if cached.seq == seq { return (cached.notes, (seq, removed)) }
            let changed = try db.rows("SELECT \(StoredNote.orderedColumns) FROM note WHERE meeting_id = ? AND change_seq > ?",
                                      arguments: [meetingID, cached.seq], StoredNote.init(columns:))
            let notes = Self.merge(changed.filter { $0.deletedAt == nil }.map(\.note), into: cached.notes,
                                   replacing: Set(changed.compactMap(\.id)))
            noteCache.keep(meetingID, NoteCache.Entry(seq: seq, removed: removed, notes: notes, lastUsed: 0))
            return (notes, (seq, removed))
        }
        let notes = try Self.readNotes(db, meetingID: meetingID)
        noteCache.keep(meetingID, NoteCache.Entry(seq: seq, removed: removed, notes: notes, lastUsed: 0))
        return (notes, (seq, removed))
    }

    /// In plain SQL, read by column index (issue 15): display order is
    /// group, then time, then id (`StoredNote.displayOrder`).
    static func readNotes(_ db: Database, meetingID: Int64) throws -> [Note] {
        try StoredNote.fetchNotes(db, sql: """
            SELECT \(StoredNote.noteColumns) FROM note WHERE meeting_id = ? AND deleted_at IS NULL
            ORDER BY group_number, created_at, id
            """, arguments: [meetingID])
    }

    /// `notes` (display order) without the notes of the ids `replacing`,
    /// with the `live` ones (their new state) in their places.
    static func merge(_ live: [Note], into notes: [Note], replacing: Set<Int64>) -> [Note] {
        var out = notes
        out.removeAll { replacing.contains($0.id) }
        for note in live {
            let key = (note.group, note.createdAt, note.id)
            var low = 0, high = out.count
            while low < high {
                let mid = (low + high) / 2
                if (out[mid].group, out[mid].createdAt, out[mid].id) < key { low = mid + 1 } else { high = mid }
            }
            out.insert(note, at: low)
        }
        return out
    }
}
