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
            if record.text != text.storable { record.personalDataChecked = false } // new text, new check
            record.text = text.storable
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

    /// Marks a note's apparent personal data as looked at and kept (or not).
    @discardableResult
    public func setPersonalDataChecked(noteID: Int64, checked: Bool) throws -> Note {
        try writer.write { db in
            var record = try Self.liveNote(db, id: noteID)
            record.personalDataChecked = checked
            try record.update(db)
            return record.note
        }
    }

    /// Hides a note from the projector (it stays in every list and export
    /// of the meeting), or shows it again.
    @discardableResult
    public func setNoteHidden(noteID: Int64, hidden: Bool) throws -> Note {
        try writer.write { db in
            var record = try Self.liveNote(db, id: noteID)
            record.hidden = hidden
            try record.update(db)
            return record.note
        }
    }

    /// Keeps the unsaved input line of a station; an empty text removes it.
    public func saveDraft(meetingID: Int64, station: String, text: String, now: Double) throws {
        try writer.write { db in
            if text.isEmpty {
                _ = try StoredDraft.deleteOne(db, key: ["meeting_id": meetingID, "station": station])
            } else {
                try StoredDraft(meetingID: meetingID, station: station, text: text, updatedAt: now).save(db)
            }
        }
    }

    /// The draft a station left behind, if any.
    public func draft(meetingID: Int64, station: String) throws -> String? {
        try writer.read { db in
            try StoredDraft.fetchOne(db, key: ["meeting_id": meetingID, "station": station])?.text
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
