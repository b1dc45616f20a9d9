// The store's schema, as GRDB migrations.
//
// A migration is never edited once shipped: a change to the schema is a new
// migration appended at the end ("v2", …). Table names are plain strings so
// that a migration does not change when a record type does.

import Foundation
import GRDB

enum Schema {
    /// Every migration this build knows, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: v1)
        migrator.registerMigration("v2", migrate: v2)
        migrator.registerMigration("v3", migrate: v3)
        migrator.registerMigration("v4", migrate: v4)
        migrator.registerMigration("v5", migrate: v5)
        migrator.registerMigration("v6", migrate: v6)
        migrator.registerMigration("v7", migrate: v7)
        migrator.registerMigration("v8", migrate: v8)
        migrator.registerMigration("v9", migrate: v9)
        migrator.registerMigration("v10", migrate: v10)
        migrator.registerMigration("v11", migrate: v11)
        migrator.registerMigration("v12", migrate: v12)
        migrator.registerMigration("v13", migrate: v13)
        migrator.registerMigration("v14", migrate: v14)
        migrator.registerMigration("v15", migrate: v15)
        migrator.registerMigration("v16", migrate: v16)
        migrator.registerMigration("v17", migrate: v17)
        migrator.registerMigration("v18", migrate: v18)
        migrator.registerMigration("v19", migrate: v19)
        migrator.registerMigration("v20", migrate: v20)
        migrator.registerMigration("v21", migrate: v21)
        migrator.registerMigration("v22", migrate: v22)
        migrator.registerMigration("v23", migrate: v23)
        migrator.registerMigration("v24", migrate: v24)
        migrator.registerMigration("v25", migrate: v25)
        migrator.registerMigration("v26", migrate: v26)
        return migrator
    }

    /// The first schema: cycles, meetings with their participants, notes and
    /// time per step. Times are seconds since 1970 (REAL); enums are stored
    /// as their raw strings.
    static func v1(_ db: Database) throws {
        try db.create(table: "cycle") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("area", .text).notNull()
            t.column("period", .text).notNull()
            t.column("created_at", .double).notNull()
        }

        try db.create(table: "meeting") { t in
            t.autoIncrementedPrimaryKey("id")
            // No cascade: a cycle that still has meetings cannot be deleted.
            t.column("cycle_id", .integer).notNull().indexed().references("cycle")
            t.column("agenda_id", .text).notNull()
            // The agenda (YAML text) as it was when the meeting was created,
            // so a meeting always resumes with the same steps.
            t.column("agenda_snapshot", .text).notNull().defaults(to: "")
            t.column("title", .text).notNull()
            t.column("date", .text).notNull()
            t.column("place", .text).notNull()
            t.column("form", .text).notNull()
            t.column("facilitator", .text).notNull()
            t.column("note_takers", .text).notNull()
            t.column("group_count", .integer).notNull()
            t.column("current_step_index", .integer).notNull()
            t.column("status", .text).notNull()
            t.column("created_at", .double).notNull()
            t.column("finished_at", .double)
        }

        try db.create(table: "participant") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("meeting_id", .integer).notNull().indexed().references("meeting", onDelete: .cascade)
            // Order of the rows as the facilitator entered them.
            t.column("position", .integer).notNull()
            t.column("organisation_role", .text).notNull()
            t.column("head_count", .integer).notNull()
            t.column("women", .integer).notNull()
            t.column("men", .integer).notNull()
            t.column("other_or_unstated", .integer).notNull()
        }

        try db.create(table: "note") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("meeting_id", .integer).notNull().references("meeting", onDelete: .cascade)
            t.column("step_id", .text).notNull()
            // 0 is the plenary, 1… the groups. ("group" is an SQL keyword.)
            t.column("group_number", .integer).notNull()
            t.column("type", .text).notNull()
            t.column("source", .text).notNull()
            t.column("text", .text).notNull()
            t.column("created_at", .double).notNull()
            t.column("updated_at", .double).notNull()
            // Set by a delete: nothing typed is ever truly lost.
            t.column("deleted_at", .double)
        }
        // Loading one step's notes must not scan the whole store.
        try db.create(index: "note_on_meeting_step", on: "note", columns: ["meeting_id", "step_id"])

        try db.create(table: "step_time") { t in
            t.column("meeting_id", .integer).notNull().references("meeting", onDelete: .cascade)
            t.column("step_id", .text).notNull()
            t.column("seconds", .double).notNull()
            t.primaryKey(["meeting_id", "step_id"])
        }
    }

    /// What the step kinds beyond note capture produce: focus areas built
    /// from notes, dots on them, checklist answers, ratings and summary
    /// items. Everything hangs off a meeting and goes with it (CASCADE);
    /// focus areas and summary items are only marked deleted, like notes.
    static func v2(_ db: Database) throws {
        try db.create(table: "focus_area") { t in
            t.autoIncrementedPrimaryKey("id")
            // The cycle owns its focus areas (no cascade, like meeting).
            t.column("cycle_id", .integer).notNull().indexed().references("cycle")
            t.column("meeting_id", .integer).notNull().indexed().references("meeting", onDelete: .cascade)
            t.column("step_id", .text).notNull()
            t.column("name", .text).notNull()
            t.column("type", .text).notNull()
            t.column("target_picture", .text).notNull().defaults(to: "")
            // Creation order within the meeting; never reused.
            t.column("position", .integer).notNull()
            t.column("created_at", .double).notNull()
            t.column("deleted_at", .double)
        }

        // Which notes a focus area was built from. A note belongs to at most
        // one focus area: moving it replaces its row.
        try db.create(table: "focus_area_note") { t in
            t.column("focus_area_id", .integer).notNull().indexed().references("focus_area", onDelete: .cascade)
            t.column("note_id", .integer).notNull().unique().references("note", onDelete: .cascade)
            // Order within the focus area, in the order the notes were added.
            t.column("position", .integer).notNull()
        }

        try db.create(table: "vote") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("meeting_id", .integer).notNull().references("meeting", onDelete: .cascade)
            t.column("step_id", .text).notNull()
            t.column("focus_area_id", .integer).notNull().indexed().references("focus_area", onDelete: .cascade)
            // The group that placed the dot (0 when not counted by group).
            t.column("voter", .integer).notNull()
            t.column("created_at", .double).notNull()
        }
        try db.create(index: "vote_on_meeting_step", on: "vote", columns: ["meeting_id", "step_id"])

        try db.create(table: "checklist_answer") { t in
            t.column("meeting_id", .integer).notNull().references("meeting", onDelete: .cascade)
            t.column("step_id", .text).notNull()
            // Index of the item in the agenda step's checklist.
            t.column("item", .integer).notNull()
            t.column("done", .boolean).notNull()
            t.column("comment", .text).notNull()
            t.primaryKey(["meeting_id", "step_id", "item"])
        }

        try db.create(table: "rating") { t in
            t.column("meeting_id", .integer).notNull().references("meeting", onDelete: .cascade)
            t.column("step_id", .text).notNull()
            // Index of the question in the agenda step.
            t.column("question", .integer).notNull()
            // One of the scale's values; NULL when not rated yet.
            t.column("value", .text)
            t.column("observations", .text).notNull()
            t.column("comment", .text).notNull()
            t.primaryKey(["meeting_id", "step_id", "question"])
        }

        try db.create(table: "summary_item") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("meeting_id", .integer).notNull().indexed().references("meeting", onDelete: .cascade)
            t.column("step_id", .text).notNull()
            t.column("kind", .text).notNull()
            t.column("text", .text).notNull()
            t.column("owner", .text).notNull()
            t.column("due", .text).notNull()
            t.column("created_at", .double).notNull()
            t.column("deleted_at", .double)
        }
    }

    /// The analysis chain after the focus areas: problem descriptions (one
    /// text column per question and per side of the triangle), their trees
    /// of causes, and activities. Column names are the raw values of the
    /// core's `ProblemQuestion` and `TriangleSide`, written out here so this
    /// migration never changes; some are SQL keywords ("where", "when",
    /// "end"), which GRDB quotes here and in records, and raw SQL must quote.
    static func v3(_ db: Database) throws {
        try db.create(table: "problem") { t in
            t.autoIncrementedPrimaryKey("id")
            // The cycle owns its problems (no cascade, like focus_area).
            t.column("cycle_id", .integer).notNull().indexed().references("cycle")
            // NULL when the problem is not about one focus area, or its focus
            // area row went away with its meeting. At most one live problem
            // per (meeting_id, step_id, focus_area_id) is kept in code: a
            // unique index would treat NULLs as distinct, and SET NULL could
            // make deleting a meeting collide with it.
            t.column("focus_area_id", .integer).indexed().references("focus_area", onDelete: .setNull)
            t.column("meeting_id", .integer).notNull().references("meeting", onDelete: .cascade)
            t.column("step_id", .text).notNull()
            // The problem description questions.
            for question in ["what", "where", "when", "who_causes", "affected", "consequences", "who_can_fix"] {
                t.column(question, .text).notNull().defaults(to: "")
            }
            // The problem analysis triangle, inner then outer.
            for side in ["offender", "target", "place", "handler", "guardian", "place_manager"] {
                t.column(side, .text).notNull().defaults(to: "")
            }
            t.column("created_at", .double).notNull()
            t.column("updated_at", .double).notNull()
            t.column("deleted_at", .double)
        }
        try db.create(index: "problem_on_meeting_step", on: "problem", columns: ["meeting_id", "step_id"])

        try db.create(table: "cause") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("problem_id", .integer).notNull().indexed().references("problem", onDelete: .cascade)
            // NULL for a direct cause of the problem; always a cause of the
            // same problem otherwise.
            t.column("parent_id", .integer).indexed().references("cause", onDelete: .cascade)
            t.column("text", .text).notNull()
            t.column("evidence", .text).notNull()
            // Creation order within the problem; never reused. Siblings are
            // shown in this order.
            t.column("position", .integer).notNull()
            t.column("created_at", .double).notNull()
            t.column("deleted_at", .double)
        }

        try db.create(table: "activity") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("cycle_id", .integer).notNull().indexed().references("cycle")
            t.column("meeting_id", .integer).notNull().indexed().references("meeting", onDelete: .cascade)
            t.column("step_id", .text).notNull()
            t.column("focus_area_id", .integer).indexed().references("focus_area", onDelete: .setNull)
            t.column("what", .text).notNull()
            t.column("responsible", .text).notNull()
            // Free text as the meeting agrees it ("vecka 12", "2026-03-01").
            t.column("start", .text).notNull()
            t.column("end", .text).notNull()
            t.column("priority", .text).notNull()
            // Creation order within the meeting; never reused.
            t.column("position", .integer).notNull()
            t.column("created_at", .double).notNull()
            t.column("updated_at", .double).notNull()
            t.column("deleted_at", .double)
        }
    }

    /// Notes gain "personal data checked, keep" and "hidden from the
    /// projector"; drafts keep the unsaved input line of each station.
    static func v4(_ db: Database) throws {
        try db.alter(table: "note") { t in
            t.add(column: "personal_data_checked", .boolean).notNull().defaults(to: false)
            t.add(column: "hidden", .boolean).notNull().defaults(to: false)
        }
        try db.create(table: "draft") { t in
            t.column("meeting_id", .integer).notNull().references("meeting", onDelete: .cascade)
            // Which terminal: "run", or "capture-2" for group 2's station
            // ("capture-2-Åsa" for Åsa's there, since the eighteenth session).
            t.column("station", .text).notNull()
            t.column("text", .text).notNull()
            t.column("updated_at", .double).notNull()
            t.primaryKey(["meeting_id", "station"])
        }
    }

    /// Notes named or anonymous, as set per meeting: the setting, and the
    /// note-taker's name on each note of a named meeting.
    static func v5(_ db: Database) throws {
        try db.alter(table: "meeting") { t in
            t.add(column: "named_notes", .boolean).notNull().defaults(to: false)
        }
        try db.alter(table: "note") { t in
            t.add(column: "author", .text).notNull().defaults(to: "")
        }
    }

    /// The analysis workspace: focus areas that lead to the promise;
    /// activities gain how, organisation, order, effect term, triangle
    /// side, citizens and status, and depend on each other; goals with the
    /// activities serving them; the promise, one per cycle; follow-up
    /// entries. Raw values are the core's enums', written out here.
    static func v6(_ db: Database) throws {
        try db.alter(table: "focus_area") { t in
            t.add(column: "leads_to_promise", .boolean).notNull().defaults(to: false)
        }
        try db.alter(table: "activity") { t in
            t.add(column: "how", .text).notNull().defaults(to: "")
            t.add(column: "organisation", .text).notNull().defaults(to: "")
            // 0: no place in the order set.
            t.add(column: "sequence", .integer).notNull().defaults(to: 0)
            // "", "immediate" or "long_term".
            t.add(column: "effect_term", .text).notNull().defaults(to: "")
            // "" or a side of the triangle.
            t.add(column: "triangle_side", .text).notNull().defaults(to: "")
            t.add(column: "involves_citizens", .boolean).notNull().defaults(to: false)
            t.add(column: "status", .text).notNull().defaults(to: "planned")
        }
        // Kept free of cycles in code: a new dependency that would close one
        // is refused.
        try db.create(table: "activity_dependency") { t in
            t.column("activity_id", .integer).notNull().references("activity", onDelete: .cascade)
            t.column("depends_on_id", .integer).notNull().indexed().references("activity", onDelete: .cascade)
            t.primaryKey(["activity_id", "depends_on_id"])
        }

        try db.create(table: "goal") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("cycle_id", .integer).notNull().indexed().references("cycle")
            t.column("focus_area_id", .integer).indexed().references("focus_area", onDelete: .setNull)
            t.column("kind", .text).notNull()
            t.column("text", .text).notNull()
            t.column("indicator", .text).notNull()
            t.column("baseline", .text).notNull()
            t.column("target", .text).notNull()
            t.column("deadline", .text).notNull()
            t.column("owner", .text).notNull()
            t.column("position", .integer).notNull()
            t.column("created_at", .double).notNull()
            t.column("updated_at", .double).notNull()
            t.column("deleted_at", .double)
        }
        try db.create(table: "goal_activity") { t in
            t.column("goal_id", .integer).notNull().references("goal", onDelete: .cascade)
            t.column("activity_id", .integer).notNull().indexed().references("activity", onDelete: .cascade)
            t.primaryKey(["goal_id", "activity_id"])
        }

        try db.create(table: "promise") { t in
            t.primaryKey("cycle_id", .integer).references("cycle")
            for section in ["purpose", "joint_picture", "focus", "activities", "effects", "follow_citizens",
                            "signatories", "validity"] {
                t.column(section, .text).notNull().defaults(to: "")
            }
            t.column("updated_at", .double).notNull()
        }

        try db.create(table: "follow_up") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("cycle_id", .integer).notNull().indexed().references("cycle")
            t.column("activity_id", .integer).references("activity", onDelete: .setNull)
            t.column("goal_id", .integer).references("goal", onDelete: .setNull)
            t.column("aspect", .text).notNull()
            t.column("status", .text).notNull()
            t.column("why", .text).notNull()
            t.column("measured_value", .text).notNull()
            t.column("date", .text).notNull()
            t.column("created_at", .double).notNull()
            t.column("updated_at", .double).notNull()
            t.column("deleted_at", .double)
        }
    }

    /// Drafts of every field, not only the note line: one row per meeting,
    /// terminal and field (`FieldKey.draftName`). An older draft of the note
    /// line is kept with the field "" (the note line of the step the meeting
    /// is opened at).
    static func v7(_ db: Database) throws {
        try db.create(table: "field_draft") { t in
            t.column("meeting_id", .integer).notNull().references("meeting", onDelete: .cascade)
            t.column("station", .text).notNull()
            t.column("field", .text).notNull()
            t.column("text", .text).notNull()
            t.column("updated_at", .double).notNull()
            t.primaryKey(["meeting_id", "station", "field"])
        }
        try db.execute(sql: """
            INSERT INTO field_draft (meeting_id, station, field, text, updated_at)
            SELECT meeting_id, station, '', text, updated_at FROM draft WHERE text <> ''
            """)
        try db.drop(table: "draft")
    }

    /// A note knows the id its terminal gave it, so a note journalled while
    /// the store was held by another process is saved once, never twice.
    static func v8(_ db: Database) throws {
        try db.alter(table: "note") { t in
            t.add(column: "client_id", .text)
        }
        try db.execute(sql: "CREATE UNIQUE INDEX note_client_id ON note(client_id) WHERE client_id IS NOT NULL")
    }

    /// Focus areas are one set per cycle: an area merged into another
    /// remembers where it went, so the one kept knows every meeting that
    /// proposed it. A finished meeting keeps what its documents showed when
    /// it finished (`meeting_snapshot`), whatever later meetings regroup.
    static func v9(_ db: Database) throws {
        try db.alter(table: "focus_area") { t in
            t.add(column: "merged_into_id", .integer).references("focus_area", onDelete: .setNull)
        }
        try db.create(table: "meeting_snapshot") { t in
            t.primaryKey("meeting_id", .integer).references("meeting", onDelete: .cascade)
            t.column("data", .text).notNull()
            t.column("taken_at", .double).notNull()
        }
    }

    /// Whose knowledge a note is: each group of a meeting can be given a
    /// source (the municipality's group, the police's), which its notes
    /// take; each participant row names its organisation's kind.
    static func v10(_ db: Database) throws {
        try db.alter(table: "meeting") { t in
            t.add(column: "group_sources", .text).notNull().defaults(to: "")
        }
        try db.alter(table: "participant") { t in
            t.add(column: "organisation_kind", .text)
        }
    }

    /// A focus area split off from another remembers which (it keeps where
    /// that one was proposed). Steps that work on the plan in a meeting:
    /// dots on activities (the
    /// HOW dialogue's and activity planning's prioritisation), goals
    /// written in a meeting and marked accepted, and the follow-up of each activity in a
    /// meeting, with the resources it took.
    static func v11(_ db: Database) throws {
        try db.create(table: "activity_vote") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("meeting_id", .integer).notNull().references("meeting", onDelete: .cascade)
            t.column("step_id", .text).notNull()
            t.column("activity_id", .integer).notNull().indexed().references("activity", onDelete: .cascade)
            t.column("voter", .integer).notNull()
            t.column("created_at", .double).notNull()
        }
        try db.create(index: "activity_vote_step", on: "activity_vote", columns: ["meeting_id", "step_id"])
        try db.alter(table: "focus_area") { t in
            t.add(column: "split_from_id", .integer).references("focus_area", onDelete: .setNull)
        }
        try db.alter(table: "goal") { t in
            t.add(column: "meeting_id", .integer).references("meeting", onDelete: .setNull)
            t.add(column: "step_id", .text)
            t.add(column: "accepted", .boolean).notNull().defaults(to: false)
        }
        try db.alter(table: "follow_up") { t in
            t.add(column: "meeting_id", .integer).references("meeting", onDelete: .setNull)
            t.add(column: "step_id", .text)
            t.add(column: "resources", .text).notNull().defaults(to: "")
        }
    }

    /// A situation report's contributions: several per question, each from
    /// an organisation, before the compiled assessment (003 lines 591-596).
    static func v12(_ db: Database) throws {
        try db.create(table: "rating_contribution") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("meeting_id", .integer).notNull().references("meeting", onDelete: .cascade)
            t.column("step_id", .text).notNull()
            t.column("question", .integer).notNull()
            t.column("from_organisation", .text).notNull().defaults(to: "")
            t.column("text", .text).notNull()
            t.column("created_at", .double).notNull()
            t.column("deleted_at", .double)
        }
        try db.create(index: "rating_contribution_step", on: "rating_contribution", columns: ["meeting_id", "step_id"])
    }

    /// Group work: the focus area the facilitator gave each group, the
    /// projector wall's page as the facilitator turned it, and the group
    /// whose station proposed an activity (0: none).
    static func v13(_ db: Database) throws {
        try db.create(table: "meeting_room") { t in
            t.primaryKey("meeting_id", .integer).references("meeting", onDelete: .cascade)
            t.column("group_areas", .text).notNull().defaults(to: "")
            t.column("wall_page", .integer).notNull().defaults(to: 0)
            t.column("wall_turned_at", .double)
        }
        try db.alter(table: "activity") { t in
            t.add(column: "group_no", .integer).notNull().defaults(to: 0)
        }
    }

    /// The promise's public contact details (a section of their own).
    static func v14(_ db: Database) throws {
        try db.alter(table: "promise") { t in
            t.add(column: "contact", .text).notNull().defaults(to: "")
        }
    }

    /// The promise as a document: its title, date, place, diary number, and
    /// the decision that stands instead of signatures.
    static func v15(_ db: Database) throws {
        try db.alter(table: "promise") { t in
            for column in ["title", "document_date", "place", "diary_number", "decision"] {
                t.add(column: column, .text).notNull().defaults(to: "")
            }
        }
    }

    /// Who is responsible for the promises as a whole.
    static func v16(_ db: Database) throws {
        try db.alter(table: "promise") { t in
            t.add(column: "owner", .text).notNull().defaults(to: "")
        }
    }

    /// Notes gain the facilitator's review for the public feedback:
    /// unreviewed (""), approved or excluded, and a shortened public text.
    static func v17(_ db: Database) throws {
        try db.alter(table: "note") { t in
            t.add(column: "public_review", .text).notNull().defaults(to: "")
            t.add(column: "public_text", .text).notNull().defaults(to: "")
        }
    }

    /// A cycle can be retired: it leaves the home screen, nothing of it is
    /// deleted, and it can be brought back.
    static func v18(_ db: Database) throws {
        try db.create(table: "cycle_retirement") { t in
            t.primaryKey("cycle_id", .integer).references("cycle", onDelete: .cascade)
            t.column("retired_at", .double).notNull()
        }
    }

    /// The store's identity for the region: a UUID made once, so that every
    /// record published carries a global id (this UUID and its local id),
    /// and the municipality's name as the county shows it.
    static func v19(_ db: Database) throws {
        try db.create(table: "store_identity") { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("uuid", .text).notNull()
            t.column("municipality", .text).notNull().defaults(to: "")
        }
        try db.execute(sql: "INSERT INTO store_identity (id, uuid) VALUES (1, ?)", arguments: [UUID().uuidString.lowercased()])
    }

    /// Every note written takes the next number of the store's note
    /// version (`note_version.seq`) into its `change_seq`, by triggers, so
    /// that a terminal reads again only the notes written since it last
    /// read (`NoteCache.swift`, issue 15). A note removed for good (samtal
    /// only marks notes deleted) raises `removed`: then everything is read
    /// again.
    static func v20(_ db: Database) throws {
        try db.create(table: "note_version") { t in
            t.column("seq", .integer).notNull()
            t.column("removed", .integer).notNull()
        }
        try db.execute(sql: "INSERT INTO note_version (seq, removed) SELECT coalesce(max(id), 0), 0 FROM note")
        try db.alter(table: "note") { t in
            t.add(column: "change_seq", .integer).notNull().defaults(to: 0)
        }
        try db.execute(sql: "UPDATE note SET change_seq = id")
        try db.create(index: "note_on_meeting_change", on: "note", columns: ["meeting_id", "change_seq"])
        try db.execute(sql: """
            CREATE TRIGGER note_inserted AFTER INSERT ON note BEGIN
                UPDATE note_version SET seq = seq + 1;
                UPDATE note SET change_seq = (SELECT seq FROM note_version) WHERE id = NEW.id;
            END;
            CREATE TRIGGER note_changed AFTER UPDATE ON note WHEN NEW.change_seq = OLD.change_seq BEGIN
                UPDATE note_version SET seq = seq + 1;
                UPDATE note SET change_seq = (SELECT seq FROM note_version) WHERE id = NEW.id;
            END;
            CREATE TRIGGER note_removed AFTER DELETE ON note BEGIN
                UPDATE note_version SET removed = removed + 1;
            END;
            """)
    }

    /// The region's address, remembered after a publish (without a
    /// password), so that the next `samtal publish` needs no --to.
    static func v21(_ db: Database) throws {
        try db.alter(table: "store_identity") { t in
            t.add(column: "region_url", .text).notNull().defaults(to: "")
        }
    }

    /// A meeting's agenda snapshot (the agenda file's text, ~11 KB) moves
    /// out of its row into a table of its own. Stored in the row, before
    /// the title, the date and the status, it put them on the row's
    /// overflow pages: the home screen's list of 1,000 meetings read ~3
    /// pages per meeting, ~12,000 instructions a row (issue 15).
    static func v22(_ db: Database) throws {
        try db.create(table: "meeting_agenda") { t in
            t.primaryKey("meeting_id", .integer).references("meeting", onDelete: .cascade)
            t.column("snapshot", .text).notNull()
        }
        try db.execute(sql: "INSERT INTO meeting_agenda (meeting_id, snapshot) SELECT id, agenda_snapshot FROM meeting")
        try db.execute(sql: "ALTER TABLE meeting DROP COLUMN agenda_snapshot")
    }

    /// What was typed in a form and not saved, per screen ("home", or
    /// "cycle:ID" for a cycle's workspace) and per process (`owner`, its
    /// pid: two terminals on one screen keep their own): the form's
    /// purpose and its fields' texts as JSON (see FormDraft in the core).
    /// And the meetings in the home screen's order, newest first, read
    /// backwards from an index instead of sorted at every start (~4.4 M
    /// instructions at 1,001 meetings, issue 15).
    static func v23(_ db: Database) throws {
        try db.create(index: "meeting_newest", on: "meeting", columns: ["date", "created_at", "id"])
        try db.create(table: "form_draft") { t in
            t.column("scope", .text).notNull()
            t.column("owner", .integer).notNull()
            t.primaryKey(["scope", "owner"])
            t.column("purpose", .text).notNull()
            t.column("fields", .text).notNull()
            t.column("participants", .text).notNull()
            t.column("updated_at", .double).notNull()
        }
    }

    /// The meetings' rows packed again. v22 dropped each row's agenda
    /// snapshot where it stood, which left every meeting alone on its own
    /// page (1,001 meetings on 1,004 pages for 95 KB): the home screen read
    /// 4 MB, a page and an allocation per meeting, to list them (issue 15).
    /// The rows are copied out, deleted and put back with their own ids.
    /// Deleting them must not cascade to their notes: a migration runs with
    /// foreign keys off (GRDB's deferred checks), and this refuses to run
    /// otherwise.
    static func v24(_ db: Database) throws {
        guard try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") == false else {
            throw DatabaseError(message: "v24 must run with foreign keys off: deleting the meetings would delete their notes")
        }
        try db.execute(sql: """
            CREATE TEMP TABLE meeting_packed AS SELECT * FROM meeting;
            DELETE FROM meeting;
            INSERT INTO meeting SELECT * FROM meeting_packed;
            DROP TABLE meeting_packed;
            """)
    }

    /// A meeting's notes in the order they are shown (group, time, id),
    /// read from an index instead of sorted at every reading: the cluster
    /// step's ~1,000 notes of the cycle cost ~10,000 instructions a note
    /// in SQLite, most of it the sort (issue 15). Deleted notes are not in
    /// it: they are never shown.
    static func v25(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX note_display ON note (meeting_id, group_number, created_at, id) WHERE deleted_at IS NULL
            """)
    }

    /// One step clock for the room: since when the facilitator has timed
    /// the current step beyond its stored seconds (NULL: no facilitator
    /// runs the meeting). Stations and the projector add the time since
    /// then, not the time since they opened.
    static func v26(_ db: Database) throws {
        try db.alter(table: "meeting_room") { t in
            t.add(column: "clock_from", .double)
        }
    }
}
