// Notes: what the room said. Saving one is a single INSERT in its own
// transaction, acknowledged only after commit. Deleting only marks the note
// deleted: nothing typed is ever truly lost.

import Foundation
import GRDB
import SamtalCore

extension AppStore {
    /// Saves a new note and returns it with its id, after the commit. The
    /// drafts it was typed in (`clearing`) are removed in the same
    /// transaction: a saved note is never offered again as unsaved.
    @discardableResult
    public func saveNote(_ draft: NoteDraft, clearing: DraftRef? = nil, now: Double) throws -> Note {
        do {
            return try transaction { db in
                var record = StoredNote(draft: draft, now: now)
                try record.insert(db)
                try Self.clear(db, clearing, meetingID: draft.meetingID)
                return record.note
            }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
            throw StoreError.notFound(what: "Meeting \(draft.meetingID)")
        }
    }

    /// Whether a note sent with this client id is in the store.
    public func hasNote(clientID: String) throws -> Bool {
        try snapshot { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM note WHERE client_id = ?)", arguments: [clientID]) ?? false
        }
    }

    /// Removes drafts (inside a write).
    static func clear(_ db: Database, _ drafts: DraftRef?, meetingID: Int64) throws {
        guard let drafts else { return }
        for field in drafts.fields {
            _ = try StoredDraft.deleteOne(db, key: ["meeting_id": meetingID, "station": drafts.station, "field": field])
        }
    }

    /// Changes a note's text, group, type and (when given) source; a
    /// deleted note cannot be changed.
    @discardableResult
    public func updateNote(id: Int64, text: String, group: Int, type: NoteType, source: NoteSource? = nil,
                           clearing: DraftRef? = nil, now: Double) throws -> Note {
        try transaction { db in
            var record = try Self.liveNote(db, id: id)
            try Self.clear(db, clearing, meetingID: record.meetingID)
            if record.text != text.storable { // new text, new checks
                record.personalDataChecked = false
                record.publicReview = .unreviewed
            }
            record.text = text.storable
            record.group = group
            record.type = type
            if let source { record.source = source }
            record.updatedAt = now
            try record.update(db)
            return record.note
        }
    }

    /// Hides a note from every list and export by marking it deleted. The
    /// row stays in the store.
    public func deleteNote(id: Int64, now: Double) throws {
        try transaction { db in
            var record = try Self.liveNote(db, id: id)
            record.deletedAt = now
            try record.update(db)
        }
    }

    /// Marks a note's apparent personal data as looked at and kept (or not).
    @discardableResult
    public func setPersonalDataChecked(noteID: Int64, checked: Bool) throws -> Note {
        try transaction { db in
            var record = try Self.liveNote(db, id: noteID)
            record.personalDataChecked = checked
            try record.update(db)
            return record.note
        }
    }

    /// The facilitator's review of notes for the public feedback, all in
    /// one transaction: each note's decision and its shortened text ("" as
    /// written). A deleted note cannot be reviewed.
    @discardableResult
    public func reviewNotes(_ decisions: [NoteReviewDecision]) throws -> [Note] {
        try transaction { db in
            try decisions.map { d in
                var record = try Self.liveNote(db, id: d.noteID)
                record.publicReview = d.review
                record.publicText = d.publicText.storable
                try record.update(db)
                return record.note
            }
        }
    }

    /// Hides a note from the projector (it stays in every list and export
    /// of the meeting), or shows it again.
    @discardableResult
    public func setNoteHidden(noteID: Int64, hidden: Bool) throws -> Note {
        try transaction { db in
            var record = try Self.liveNote(db, id: noteID)
            record.hidden = hidden
            try record.update(db)
            return record.note
        }
    }

    /// Keeps the unsaved text of a field of a terminal; nil removes it.
    public func saveDraft(meetingID: Int64, station: String, field: String, text: String?, now: Double) throws {
        // In plain SQL: a record's `save` (an update, then an insert when
        // nothing was updated) cost ~55 K instructions, once a second while
        // a field is typed in (issue 15).
        try transaction { db in
            if let text {
                try db.execute(sql: """
                    INSERT INTO field_draft (meeting_id, station, field, text, updated_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (meeting_id, station, field) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at
                    """, arguments: [meetingID, station, field, text, now])
            } else {
                try db.execute(sql: "DELETE FROM field_draft WHERE meeting_id = ? AND station = ? AND field = ?",
                               arguments: [meetingID, station, field])
            }
        }
    }

    /// Gives the drafts kept under `from` to `to` (the fields `to` has none
    /// of), and removes them: a named station's drafts, kept under its
    /// group's name before each station had its own.
    public func moveDrafts(meetingID: Int64, from: String, to: String, now: Double) throws {
        try transaction { db in
            try db.execute(sql: """
                INSERT OR IGNORE INTO field_draft (meeting_id, station, field, text, updated_at)
                SELECT meeting_id, ?, field, text, ? FROM field_draft WHERE meeting_id = ? AND station = ?
                """, arguments: [to, now, meetingID, from])
            try db.execute(sql: "DELETE FROM field_draft WHERE meeting_id = ? AND station = ?", arguments: [meetingID, from])
        }
    }

    /// Keeps what was typed in a screen's form and not saved, as this
    /// process's (nil removes it).
    public func saveFormDraft(scope: String, draft: FormDraft?, now: Double) throws {
        let owner = Int64(getpid())
        try transaction { db in
            guard let draft else {
                try db.execute(sql: "DELETE FROM form_draft WHERE scope = ? AND owner = ?", arguments: [scope, owner])
                return
            }
            let encoder = JSONEncoder()
            try db.execute(sql: """
                INSERT INTO form_draft (scope, owner, purpose, fields, participants, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (scope, owner) DO UPDATE SET purpose = excluded.purpose, fields = excluded.fields,
                    participants = excluded.participants, updated_at = excluded.updated_at
                """, arguments: [scope, owner, draft.purpose, String(decoding: try encoder.encode(draft.fields), as: UTF8.self),
                                 String(decoding: try encoder.encode(draft.participants), as: UTF8.self), now])
        }
    }

    /// The form draft a screen was left with: this process's own, else the
    /// newest one of a process that has ended, which this process takes
    /// over. A process still running (another terminal on the same
    /// screen) keeps its own. A draft that cannot be read is removed.
    public func formDraft(scope: String) throws -> FormDraft? {
        let me = Int64(getpid())
        return try transaction { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT owner, purpose, fields, participants FROM form_draft WHERE scope = ?
                ORDER BY owner = ? DESC, updated_at DESC
                """, arguments: [scope, me])
            for row in rows {
                let owner: Int64 = row[0]
                if owner != me && Self.isRunning(owner) { continue }
                let decoder = JSONDecoder()
                let fields: String = row[2], participants: String = row[3]
                guard let texts = try? decoder.decode([String].self, from: Data(fields.utf8)),
                      let cells = try? decoder.decode([[String]].self, from: Data(participants.utf8)) else {
                    try db.execute(sql: "DELETE FROM form_draft WHERE scope = ? AND owner = ?", arguments: [scope, owner])
                    continue
                }
                if owner != me {
                    try db.execute(sql: "DELETE FROM form_draft WHERE scope = ? AND owner = ?", arguments: [scope, me])
                    try db.execute(sql: "UPDATE form_draft SET owner = ? WHERE scope = ? AND owner = ?", arguments: [me, scope, owner])
                }
                return FormDraft(purpose: row[1], fields: texts, participants: cells)
            }
            return nil
        }
    }

    /// Whether the samtal of this process number still runs: not when the
    /// number is gone, is a zombie (killed, not yet reaped by its parent),
    /// or now belongs to another program. Without /proc, the number alone.
    static func isRunning(_ pid: Int64) -> Bool {
        guard pid > 0, pid <= Int64(Int32.max) else { return false }
        if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) {
            // "pid (name) state …"; the name may hold spaces and brackets.
            guard let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { return false }
            let state = stat[stat.index(after: close)...].drop { $0 == " " }.first
            return state != "Z" && stat[stat.index(after: open)..<close].hasPrefix("samtal")
        }
        return kill(pid_t(pid), 0) == 0 || errno == EPERM
    }

    /// The drafts a terminal left behind, by field.
    public func drafts(meetingID: Int64, station: String) throws -> [String: String] {
        try snapshot { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT field, text FROM field_draft WHERE meeting_id = ? AND station = ?",
                                           arguments: [meetingID, station])
            var drafts: [String: String] = [:]
            while let row = try rows.next() {
                let field: String = try row.decode(atIndex: 0)
                if drafts[field] == nil { drafts[field] = try row.decode(atIndex: 1) }
            }
            return drafts
        }
    }

    /// The notes of one step, not deleted, by group, then time, then id.
    public func notes(meetingID: Int64, stepID: String) throws -> [Note] {
        try snapshot { db in try liveNotes(db, meetingID: meetingID, stepID: stepID) }
    }

    /// All notes of the meeting that are not deleted, by group, then time,
    /// then id: the notes of one step come in the same order as from
    /// `notes(meetingID:stepID:)`. The store does not know the agenda's step
    /// order; exports arrange the steps.
    public func notes(meetingID: Int64) throws -> [Note] {
        try snapshot { db in try liveNotes(db, meetingID: meetingID) }
    }

    /// The number of notes of the meeting that are not deleted.
    public func noteCount(meetingID: Int64) throws -> Int {
        try snapshot { db in
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

extension AppStore {
    /// Gives a group of the meeting a source for its notes (nil: the
    /// agenda's again); returns the meeting.
    @discardableResult
    public func setGroupSource(meetingID: Int64, group: Int, source: NoteSource?) throws -> Meeting {
        try transaction { db in
            var record = try Self.storedMeeting(db, id: meetingID)
            var sources = NoteSource.decode(groups: record.groupSources)
            sources[group] = source
            record.groupSources = NoteSource.encode(groups: sources)
            try record.update(db)
            return try Self.meeting(db, record: record)
        }
    }
}
