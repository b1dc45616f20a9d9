// Notes: what the room said. Saving one is a single INSERT in its own
// transaction, acknowledged only after commit. Deleting only marks the note
// deleted: nothing typed is ever truly lost.

import GRDB
import SamtalCore

extension AppStore {
    /// Saves a new note and returns it with its id, after the commit.
    @discardableResult
    public func saveNote(_ draft: NoteDraft, now: Double) throws -> Note {
        do {
            return try writer.write { db in
                var record = StoredNote(draft: draft, now: now)
                try record.insert(db)
                return record.note
            }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
            throw StoreError.notFound(what: "Meeting \(draft.meetingID)")
        }
    }

    /// Changes a note's text, group and type; a deleted note cannot be
    /// changed.
    @discardableResult
    public func updateNote(id: Int64, text: String, group: Int, type: NoteType, now: Double) throws -> Note {
        try writer.write { db in
            var record = try Self.liveNote(db, id: id)
            record.text = text
            record.group = group
            record.type = type
            record.updatedAt = now
            try record.update(db)
            return record.note
        }
    }

    /// Hides a note from every list and export by marking it deleted. The
    /// row stays in the store.
    public func deleteNote(id: Int64, now: Double) throws {
        try writer.write { db in
            var record = try Self.liveNote(db, id: id)
            record.deletedAt = now
            try record.update(db)
        }
    }

    /// The notes of one step, not deleted, by group, then time, then id.
    public func notes(meetingID: Int64, stepID: String) throws -> [Note] {
        try writer.read { db in
            try StoredNote
                .filter(StoredNote.Columns.meetingID == meetingID && StoredNote.Columns.stepID == stepID
                        && StoredNote.Columns.deletedAt == nil)
                .order(StoredNote.displayOrder)
                .fetchAll(db).map(\.note)
        }
    }

    /// All notes of the meeting that are not deleted, by group, then time,
    /// then id: the notes of one step come in the same order as from
    /// `notes(meetingID:stepID:)`. The store does not know the agenda's step
    /// order; exports arrange the steps.
    public func notes(meetingID: Int64) throws -> [Note] {
        try writer.read { db in
            try StoredNote
                .filter(StoredNote.Columns.meetingID == meetingID && StoredNote.Columns.deletedAt == nil)
                .order(StoredNote.displayOrder)
                .fetchAll(db).map(\.note)
        }
    }

    /// The number of notes of the meeting that are not deleted.
    public func noteCount(meetingID: Int64) throws -> Int {
        try writer.read { db in
            try StoredNote
                .filter(StoredNote.Columns.meetingID == meetingID && StoredNote.Columns.deletedAt == nil)
                .fetchCount(db)
        }
    }

    static func liveNote(_ db: Database, id: Int64) throws -> StoredNote {
        guard let record = try StoredNote.filter(key: id).filter(StoredNote.Columns.deletedAt == nil).fetchOne(db) else {
            throw StoreError.notFound(what: "Note \(id)")
        }
        return record
    }
}
