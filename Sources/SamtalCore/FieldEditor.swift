// The input line is always bound to one field: a new note of this step, a
// rating's observations on question 3, the why of level 2 of a focus area's
// problem, … (`FieldKey`). Every key is handled, then the field the cursor
// now points at is worked out again (`RunState.currentField`); when it
// differs from the bound one, `rebind` finishes the old field and loads the
// new one. So no text can cross a step, an item or a field: a buffer
// belongs to its key.
//
// Finishing a field: a field that edits a stored value (a rating, a
// checklist comment, a problem field, a note or area being edited) is
// written when it was changed; a field that makes something new (a note,
// a focus area, a summary item, an activity) keeps what was typed as a
// draft for when the person comes back. Loading a field: its draft if it has
// one, else its stored value. Every field's unsaved text is also written to
// the store as a draft (per meeting, terminal and field) about once a
// second, and offered back after a crash; saving a field clears its draft
// in the same transaction.

/// One editable field of a meeting.
public enum FieldKey: Hashable, Sendable {
    /// A new note of a present or collect step.
    case note(step: String)
    /// A saved note being edited (F4).
    case noteEdit(id: Int64)
    /// The name of a new focus area in a cluster step.
    case newArea(step: String)
    /// A focus area being renamed.
    case renameArea(id: Int64)
    /// A focus area's target picture (målbild).
    case targetPicture(id: Int64)
    /// The name of a new area split off from one.
    case splitArea(from: Int64)
    case checklistComment(step: String, item: Int)
    case rating(step: String, item: Int, field: RatingField)
    /// A new summary item: 0 what, 1 who, 2 when.
    case summary(step: String, part: Int)
    /// A summary item being edited (F4), its parts as a new one's.
    case summaryEdit(id: Int64, part: Int)
    /// A problem field (`ProblemField.all[index]`) of a focus area (nil:
    /// the step's problem when the cycle has no focus area yet).
    case problem(step: String, area: Int64?, index: Int)
    /// A new activity (`editing` nil) or one being edited: 0 what, 1 who,
    /// 2 from, 3 to.
    case activity(step: String, editing: Int64?, part: Int)
    /// A new goal (`editing` nil) or one being edited: `GoalPart` raw values.
    case goal(step: String, editing: Int64?, part: Int)
    /// A field of an activity's follow-up in this step.
    case followUp(step: String, activity: Int64, field: FollowUpField)

    /// Whether leaving the field writes it (it edits something stored), or
    /// keeps it as a draft (it makes something new).
    public var editsStoredValue: Bool {
        switch self {
        case .noteEdit, .renameArea, .targetPicture, .checklistComment, .problem, .followUp: return true
        // A contribution is new, like a note: Enter adds it.
        case .rating(_, _, let field): return field != .contribution
        // An activity or a goal is written whole, with Enter: its parts are drafts.
        case .note, .newArea, .splitArea, .summary, .summaryEdit, .activity, .goal: return false
        }
    }

    /// Its name in the store's draft table.
    public var draftName: String {
        switch self {
        case .note(let step): return "note/\(step)"
        case .noteEdit(let id): return "note-edit/\(id)"
        case .newArea(let step): return "area/\(step)"
        case .renameArea(let id): return "area-rename/\(id)"
        case .targetPicture(let id): return "area-picture/\(id)"
        case .splitArea(let from): return "area-split/\(from)"
        case .checklistComment(let step, let item): return "checklist/\(step)/\(item)"
        case .rating(let step, let item, let field): return "rating/\(step)/\(item)/\(field)"
        case .summary(let step, let part): return "summary/\(step)/\(part)"
        case .summaryEdit(let id, let part): return "summary-edit/\(id)/\(part)"
        case .problem(let step, let area, let index): return "problem/\(step)/\(area.map(String.init) ?? "none")/\(index)"
        case .activity(let step, let editing, let part): return "activity/\(step)/\(editing.map(String.init) ?? "new")/\(part)"
        case .goal(let step, let editing, let part): return "goal/\(step)/\(editing.map(String.init) ?? "new")/\(part)"
        case .followUp(let step, let activity, let field): return "follow-up/\(step)/\(activity)/\(field.rawValue)"
        }
    }
}

extension StepKind {
    /// Whether the room's notes are typed in this kind of step (by the
    /// facilitator and by the stations).
    public var takesNotes: Bool {
        switch self {
        case .present, .collect: return true
        case .cluster, .vote, .problem, .activities, .goals, .followUp, .checklist, .rating, .summary: return false
        }
    }
}

extension RunState {
    /// The field the input line writes into now; nil where nothing is typed
    /// (a vote, the projector, a station in a step without notes).
    public var currentField: FieldKey? {
        let id = step.id
        switch role {
        case .projector: return nil
        case .station:
            if meeting.status == .finished {
                // A note typed and not saved when the facilitator finished
                // stays on the line (Enter saves it, as the facilitator may
                // still correct a finished meeting's notes); emptied, or
                // without one, the line takes nothing.
                guard step.kind.takesNotes else { return nil }
                let key: FieldKey = editing.map { .noteEdit(id: $0.id) } ?? .note(step: id)
                let pending = bound == key ? !input.isEmpty
                    : !(drafts[key.draftName] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                return pending ? key : nil
            }
            // A station writes its group's problem description, field by field.
            if step.kind == .problem { return stepLoaded ? .problem(step: id, area: data.problemFocusAreaID, index: problem.field) : nil }
            if step.kind == .activities { return .activity(step: id, editing: activities.editing, part: 0) }
            guard step.kind.takesNotes else { return nil }
            return editing.map { .noteEdit(id: $0.id) } ?? .note(step: id)
        case .facilitator: break
        }
        // A field that edits a stored value is bound once the step's records
        // are here: typed before, it would be taken for a change.
        switch step.kind {
        case .present, .collect:
            return editing.map { .noteEdit(id: $0.id) } ?? .note(step: id)
        case .cluster:
            guard let editing = cluster.editing else { return .newArea(step: id) }
            guard stepLoaded else { return nil }
            switch editing.field {
            case .name: return .renameArea(id: editing.id)
            case .targetPicture: return .targetPicture(id: editing.id)
            case .split: return .splitArea(from: editing.id)
            }
        case .vote:
            return nil
        case .checklist:
            return step.questions.isEmpty || !stepLoaded ? nil : .checklistComment(step: id, item: checklist.item)
        case .rating:
            return step.questions.isEmpty || !stepLoaded ? nil : .rating(step: id, item: rating.item, field: rating.field)
        case .summary:
            return summary.editing.map { .summaryEdit(id: $0, part: 0) } ?? .summary(step: id, part: 0)
        case .problem:
            return stepLoaded ? .problem(step: id, area: data.problemFocusAreaID, index: problem.field) : nil
        case .activities:
            return .activity(step: id, editing: activities.editing, part: 0)
        case .goals:
            return .goal(step: id, editing: goals.editing, part: 0)
        case .followUp:
            guard stepLoaded, data.activities.indices.contains(followUp.item) else { return nil }
            return .followUp(step: id, activity: data.activities[followUp.item].id, field: followUp.field)
        }
    }

    /// What the store holds for a field now ("" for a new thing).
    /// Whether `key`, typed before the step's reading came in, goes after
    /// an earlier meeting's description of the same area that the reading
    /// put into the field: then a word typed is a word of its own, after a
    /// space, not glued to that meeting's last one (the nineteenth walk's
    /// "trottoarenCyklister"). Text this meeting wrote is gone on as typed.
    func typedAheadNeedsSpace(_ key: Key) -> Bool {
        guard let b = bound, case .problem = b, let problem = data.problem, problem.meetingID != meeting.id,
              !input.isEmpty, input.cursor == input.count,
              input.text == storedValue(b), let last = input.text.last, !last.isWhitespace else { return false }
        switch key {
        case .char(let c): return !c.isWhitespace
        case .paste(let text): return text.first.map { !$0.isWhitespace } ?? false
        default: return false
        }
    }

    public func storedValue(_ key: FieldKey) -> String {
        switch key {
        case .note, .newArea, .splitArea, .summary:
            return ""
        case .noteEdit(let id):
            return note(id: id)?.text ?? ""
        case .summaryEdit(let id, let part):
            guard let item = data.summaryItems.first(where: { $0.id == id }) else { return "" }
            return [item.text, item.owner, item.due][min(max(0, part), 2)]
        case .renameArea(let id):
            return data.focusAreas.first { $0.id == id }?.name ?? ""
        case .targetPicture(let id):
            return data.focusAreas.first { $0.id == id }?.targetPicture ?? ""
        case .checklistComment(_, let item):
            return checklistAnswer(item).comment
        case .rating(_, let item, let field):
            let r = rating(item)
            switch field {
            case .observations: return r.observations
            case .comment: return r.comment
            case .contribution: return "" // always a new one
            }
        case .problem(_, let area, let index):
            guard data.problemFocusAreaID == area, ProblemField.all.indices.contains(index) else { return "" }
            return problemText(ProblemField.all[index])
        case .activity(_, let editing, let part):
            guard let editing, let a = data.activities.first(where: { $0.id == editing }) else { return "" }
            let parts = partTexts(a)
            return parts[min(max(0, part), parts.count - 1)]
        case .goal(_, let editing, let part):
            guard let editing, let g = data.goals.first(where: { $0.id == editing }) else { return "" }
            return [g.text, g.indicator, g.baseline, g.target, g.deadline, g.owner][min(max(0, part), 5)]
        case .followUp(_, let activity, let field):
            return followUpText(activity: activity, field)
        }
    }

    /// Whether the input line holds something other than its field's stored
    /// value (trailing and leading blanks aside).
    public var inputChanged: Bool {
        guard let key = bound else { return false }
        return input.trimmedText != storedValue(key)
    }

    /// The sub-fields of a new summary item or activity, besides the input
    /// line: where each one's text lives.
    var subfieldKeys: [(FieldKey, WritableKeyPath<RunState, TextField>)] {
        switch step.kind {
        case .summary:
            if let e = summary.editing { return [(.summaryEdit(id: e, part: 1), \.summary.owner), (.summaryEdit(id: e, part: 2), \.summary.due)] }
            return [(.summary(step: step.id, part: 1), \.summary.owner), (.summary(step: step.id, part: 2), \.summary.due)]
        case .activities:
            let e = activities.editing
            return Self.activitySubfields.enumerated().map { (.activity(step: step.id, editing: e, part: $0.offset + 1), $0.element) }
        case .goals:
            let e = goals.editing
            let paths: [WritableKeyPath<RunState, TextField>] = [\.goals.indicator, \.goals.baseline, \.goals.target, \.goals.deadline,
                                                                 \.goals.owner]
            return paths.enumerated().map { (.goal(step: step.id, editing: e, part: $0.offset + 1), $0.element) }
        case .present, .collect, .cluster, .vote, .checklist, .rating, .problem, .followUp:
            return []
        }
    }
}

extension AppState {
    /// Binds the input line to the field the cursor points at, when that
    /// changed: the old field is written (if it edits a stored value and
    /// was changed) or kept as a draft; the new one gets its draft or its
    /// stored value. Returns the writes.
    mutating func rebind(_ run: inout RunState) -> [Effect] {
        let next = run.currentField
        guard next != run.bound else { return [] }
        var effects: [Effect] = []
        if let old = run.bound {
            effects += leave(&run, old)
        }
        run.bound = next
        run.restoredDraft = false
        run.fieldConflict = nil
        run.conflictConfirmed = false
        run.boundBase = next.map(run.storedValue)
        if let next {
            if let draft = run.drafts[next.draftName] {
                run.input.set(draft)
                run.restoreNoteMeta(next)
                run.restoredDraft = draft.trimmingCharacters(in: .whitespaces) != run.storedValue(next)
                if run.restoredDraft {
                    say(texts[run.draftsFromBefore.contains(next.draftName) ? .draftRestored : .draftKept], seconds: 8)
                }
            } else {
                run.input.set(run.storedValue(next))
            }
        } else {
            run.input.clear()
        }
        return effects
    }

    /// Finishes the field `key` that the input line leaves.
    private mutating func leave(_ run: inout RunState, _ key: FieldKey) -> [Effect] {
        run.draftsFromBefore.remove(key.draftName) // what it keeps now is this session's
        let text = run.input.trimmedText
        let changed = text != run.storedValue(key)
        if key.editsStoredValue, run.fieldConflict != nil, changed {
            // Another terminal saved this field while this one typed: left
            // without Enter, what was typed is kept as the field's draft
            // (offered back here), not written over the other's words.
            run.drafts[key.draftName] = run.input.text
            run.fieldConflict = nil
            say(texts[.fieldConflictKept], seconds: 10)
            return []
        }
        if key.editsStoredValue {
            // The write clears the field's draft in its own transaction.
            let hadDraft = run.savedDrafts[key.draftName] != nil
            run.drafts[key.draftName] = nil
            run.savedDrafts[key.draftName] = nil
            guard changed, let write = run.write(key, text) else {
                return hadDraft ? [.saveDraft(meetingID: run.meeting.id, station: run.station, field: key.draftName, text: nil)] : []
            }
            return [write]
        }
        run.drafts[key.draftName] = run.keepsDraft(key, run.input.text) ? run.input.text : nil
        run.keepNoteMeta(key)
        return []
    }

    /// Finishes the bound field (as `rebind` does) and leaves the input line
    /// bound to nothing, until the next `rebind`.
    mutating func unbind(_ run: inout RunState) -> [Effect] {
        let effects = run.bound.map { leave(&run, $0) } ?? []
        run.bound = nil
        run.input.clear()
        return effects
    }

    /// Leaving a step (or a new activity for an edit): the sub-fields of a
    /// new summary item or activity are kept as drafts, the input line's
    /// field is finished.
    mutating func leaveStep(_ run: inout RunState) -> [Effect] {
        if let name = run.itemMetaDraft { run.drafts[name] = run.itemMeta }
        for (key, path) in run.subfieldKeys {
            let text = run[keyPath: path].text
            run.drafts[key.draftName] = run.keepsDraft(key, text) ? text : nil
            run[keyPath: path].clear()
        }
        return unbind(&run)
    }

    /// Entering a step: the sub-fields get their drafts back, and a new
    /// summary item its kind; new notes start with the step's note type.
    func enterStep(_ run: inout RunState) {
        // A station proposes activities for the area its group was given.
        if run.step.kind == .activities, run.activities.area == nil { run.activities.area = run.assignedArea }
        if let type = run.step.settings["note_type"].flatMap(NoteType.init(rawValue:)) {
            run.noteType = type
            run.noteTypeFromStep = true
        } else if run.noteTypeFromStep {
            // Past a step with a type of its own, notes are problems again.
            run.noteType = .problem
            run.noteTypeFromStep = false
        }
        for (key, path) in run.subfieldKeys {
            run[keyPath: path].set(run.drafts[key.draftName] ?? "")
        }
        if let name = run.itemMetaDraft, let meta = run.drafts[name] { run.restoreItemMeta(meta) }
        // A next step being typed: the cursor goes to its first part with text.
        if run.step.kind == .summary && run.summary.kind == .nextStep && run.drafts[FieldKey.summary(step: run.step.id, part: 0).draftName] == nil {
            if !run.summary.owner.isEmpty { run.summary.part = .who } else if !run.summary.due.isEmpty { run.summary.part = .when }
        }
    }
}

extension RunState {
    /// Left now, the meeting would be as it was before this opening
    /// started it: nothing done in it, nothing typed.
    var untouchedSinceStarted: Bool {
        guard onlyLookedAt else { return false }
        var leaving = self
        return leaving.pendingDrafts().isEmpty
    }

    /// The unsaved text of every field that differs from what was last
    /// written as its draft: the bound field and the sub-fields live, the
    /// others as they were left. Written about once a second and on leaving.
    public mutating func pendingDrafts() -> [Effect] {
        let current = currentDrafts()
        var effects: [Effect] = []
        for (name, text) in current.sorted(by: { $0.key < $1.key }) where savedDrafts[name] != text {
            savedDrafts[name] = text
            effects.append(.saveDraft(meetingID: meeting.id, station: station, field: name, text: text))
        }
        for name in savedDrafts.keys.sorted() where current[name] == nil {
            savedDrafts[name] = nil
            effects.append(.saveDraft(meetingID: meeting.id, station: station, field: name, text: nil))
        }
        return effects
    }

    /// `currentDrafts()` where their texts are at most `limit` bytes in
    /// all (counted without reading them), else nil: at every key, a long
    /// text is not gone through again (issue 15's shape).
    public func draftsToJournal(limit: Int) -> [String: String]? {
        var size = input.text.utf8.count
        for text in drafts.values { size += text.utf8.count }
        for (_, path) in subfieldKeys { size += self[keyPath: path].text.utf8.count }
        return size <= limit ? currentDrafts() : nil
    }

    /// Every draft this terminal keeps of the meeting now, by field
    /// (`FieldKey.draftName`): what `pendingDrafts` stores once a second,
    /// and the interface journals at every key (`DraftJournal`).
    public func currentDrafts() -> [String: String] {
        var current = drafts
        if let key = bound {
            current[key.draftName] = keepsDraft(key, input.text) ? input.text : nil
            if case .note(let step) = key {
                current[Self.noteMetaDraft(step)] = current[key.draftName] == nil ? nil : noteMeta
            }
        }
        for (key, path) in subfieldKeys {
            let text = self[keyPath: path].text
            current[key.draftName] = keepsDraft(key, text) ? text : nil
        }
        // What else the item being typed was given goes with its text.
        if let name = itemMetaDraft { current[name] = itemMeta }
        return current
    }

    /// The write that stores `text` into the stored field `key`; nil when
    /// the field's record is gone.
    func write(_ key: FieldKey, _ text: String) -> Effect? {
        let q = query
        let draft = DraftRef(station: station, fields: [key.draftName])
        switch key {
        case .note, .newArea, .splitArea, .summary, .summaryEdit:
            return nil
        case .noteEdit(let id):
            guard let e = editing, e.id == id else { return nil }
            return .updateNote(id: id, text: text, group: group, type: noteType, source: editSource, clearing: draft)
        case .renameArea(let id):
            // An area is never left without a name.
            guard !text.isEmpty else { return nil }
            return .writeStep(.renameFocusArea(id: id, name: text), q, clearing: draft)
        case .targetPicture(let id):
            return .writeStep(.setTargetPicture(id: id, text: text), q, clearing: draft)
        case .checklistComment(_, let item):
            var answer = checklistAnswer(item)
            answer.comment = text
            return .writeStep(.setChecklistAnswer(answer), q, clearing: draft)
        case .rating(_, let item, let field):
            var r = rating(item)
            switch field {
            case .observations: r.observations = text
            case .comment: r.comment = text
            case .contribution: return nil // added with Enter
            }
            return .writeStep(.setRating(r), q, clearing: draft)
        case .problem(_, let area, let index):
            guard data.problemFocusAreaID == area, ProblemField.all.indices.contains(index) else { return nil }
            switch ProblemField.all[index] {
            case .question(let question):
                return .writeStep(.setProblemText(focusAreaID: area, .question(question), text), q, clearing: draft)
            case .triangle(let side):
                return .writeStep(.setProblemText(focusAreaID: area, .side(side), text), q, clearing: draft)
            case .why(let level):
                return .writeStep(.setWhyText(focusAreaID: area, level: level, text: text), q, clearing: draft)
            }
        case .followUp(_, let activity, let field):
            return followUpWith(activity: activity, field, text).map { .writeStep(.saveFollowUp($0), q, clearing: draft) }
        case .activity, .goal:
            return nil
        }
    }
}

/// The drafts a write clears in its own transaction: what was typed is
/// either a draft or saved, never both.
public struct DraftRef: Equatable, Sendable {
    public var station: String
    public var fields: [String]

    public init(station: String, fields: [String]) {
        self.station = station
        self.fields = fields
    }
}

extension RunState {
    /// The drafts a write is to clear with what it saves: forgotten here
    /// too, so they are not written again.
    mutating func clearing(_ keys: [FieldKey], also names: [String] = []) -> DraftRef {
        let all = keys.map(\.draftName) + names
        for name in all {
            savedDrafts[name] = nil
            drafts[name] = nil
        }
        restoredDraft = false
        return DraftRef(station: station, fields: all)
    }

    /// Whether `text` in field `key` is unsaved: text that edits something
    /// stored (a rating, a note being edited) is unsaved when it differs
    /// from what is stored, text for a new thing when there is any. The
    /// parts of an activity being edited are written together, with Enter:
    /// a part is a draft when it holds text other than the stored one (an
    /// emptied part shows its stored text again).
    func keepsDraft(_ key: FieldKey, _ text: String) -> Bool {
        // Compared with the stored text only where that counts: the drafts
        // are journalled at every key (a new note's line has no stored text).
        func changed() -> Bool { text.trimmingCharacters(in: TextField.surroundingBlanks) != storedValue(key) }
        switch key {
        case .noteEdit, .renameArea, .targetPicture, .checklistComment, .rating, .problem, .followUp: return changed()
        case .activity(_, .some, _), .goal(_, .some, _), .summaryEdit: return !text.isEmpty && changed()
        case .note, .newArea, .splitArea, .summary, .activity(_, .none, _), .goal(_, .none, _): return !text.isEmpty
        }
    }

    /// The draft that keeps the group and type a new note is typed for,
    /// beside its text: it comes back where it was typed.
    static func noteMetaDraft(_ step: String) -> String { "note/\(step)/meta" }

    /// "group|type" of the note being typed: while another note is edited,
    /// the group and type the new note had before.
    var noteMeta: String {
        "\(editing?.group ?? group)|\((editing?.type ?? noteType).rawValue)"
    }

    /// Keeps (or drops) the group and type of the new note left in field `key`.
    mutating func keepNoteMeta(_ key: FieldKey) {
        guard case .note(let step) = key else { return }
        drafts[Self.noteMetaDraft(step)] = drafts[key.draftName] == nil ? nil : noteMeta
    }

    /// A new note's draft brought back: with the group and type it was
    /// typed for (a station keeps its own group).
    mutating func restoreNoteMeta(_ key: FieldKey) {
        guard case .note(let step) = key, let meta = drafts[Self.noteMetaDraft(step)] else { return }
        let parts = meta.split(separator: "|").map(String.init)
        guard parts.count == 2 else { return }
        if role == .facilitator, let g = Int(parts[0]), (0...max(0, meeting.groupCount)).contains(g) { group = g }
        if let t = NoteType(rawValue: parts[1]) { noteType = t }
    }

    /// The draft that keeps what else the item being typed was given, beside
    /// its text: a summary item's kind; an activity's priority, focus area,
    /// side of the triangle, effect horizon and citizens' part; the
    /// organisation a rating's contributions come from; a goal's kind, focus area, activity and acceptance. It comes
    /// back with the text (after a crash, or on the step entered again).
    var itemMetaDraft: String? {
        switch stepState {
        case .summary(let m): return m.editing.map { "summary-edit/\($0)/kind" } ?? "summary/\(step.id)/kind"
        case .activities(let a): return "activity/\(step.id)/\(a.editing.map(String.init) ?? "new")/meta"
        case .goals(let g): return "goal/\(step.id)/\(g.editing.map(String.init) ?? "new")/meta"
        // The organisation contributions come from, kept for the step.
        case .rating: return "rating/\(step.id)/from"
        case .present, .collect, .cluster, .vote, .checklist, .problem, .followUp: return nil
        }
    }

    /// The value of `itemMetaDraft` now: nil when nothing is being typed,
    /// or an edit keeps what its record has.
    var itemMeta: String? {
        let typing = !input.text.isEmpty || !subfieldsEmpty
        func id(_ x: Int64?) -> String { x.map(String.init) ?? "" }
        switch stepState {
        case .summary(let m):
            if let e = m.editing { return data.summaryItems.first { $0.id == e }?.kind == m.kind ? nil : m.kind.rawValue }
            return typing && m.kind != .decision ? m.kind.rawValue : nil
        case .activities(let a):
            func joined(_ p: ActivityPriority, _ area: Int64?, _ side: TriangleSide?, _ term: EffectTerm?, _ citizens: Bool) -> String {
                "\(p.rawValue)|\(id(area))|\(side?.rawValue ?? "")|\(term?.rawValue ?? "")|\(citizens)"
            }
            let meta = joined(a.priority, a.area, a.side, a.term, a.citizens)
            if let e = a.editing {
                let stored = data.activities.first { $0.id == e }.map {
                    joined($0.priority, $0.focusAreaID, $0.triangleSide, $0.effectTerm, $0.involvesCitizens)
                }
                return meta == stored ? nil : meta
            }
            return typing ? meta : nil
        case .goals(let g):
            let meta = "\(g.kind.rawValue)|\(id(g.area))|\(id(g.activity))|\(g.accepted)"
            if let e = g.editing {
                let stored = data.goals.first { $0.id == e }.map { "\($0.kind.rawValue)|\(id($0.focusAreaID))||\($0.accepted)" }
                return meta == stored ? nil : meta
            }
            return typing ? meta : nil
        case .rating(let r):
            return r.from.isEmpty ? nil : r.from
        case .present, .collect, .cluster, .vote, .checklist, .problem, .followUp:
            return nil
        }
    }

    /// Gives the item being typed what its meta draft kept.
    mutating func restoreItemMeta(_ meta: String) {
        let parts = meta.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        switch stepState {
        case .summary:
            if let kind = SummaryItemKind(rawValue: meta) { summary.kind = kind }
        case .activities:
            // Two parts were written before an activity had its side, effect
            // horizon and citizens' part.
            guard parts.count == 2 || parts.count == 5 else { return }
            if let p = ActivityPriority(rawValue: parts[0]) { activities.priority = p }
            activities.area = Int64(parts[1])
            guard parts.count == 5 else { return }
            activities.side = TriangleSide(rawValue: parts[2])
            activities.term = EffectTerm(rawValue: parts[3])
            activities.citizens = parts[4] == "true"
        case .goals:
            guard parts.count == 4 else { return }
            if let k = GoalKind(rawValue: parts[0]) { goals.kind = k }
            goals.area = Int64(parts[1])
            goals.activity = Int64(parts[2])
            goals.accepted = parts[3] == "true"
        case .rating:
            rating.from = meta
        case .present, .collect, .cluster, .vote, .checklist, .problem, .followUp:
            break
        }
    }

    /// Puts the cursor on the first field of this step with unsaved text.
    mutating func moveToDraft() {
        let id = step.id
        switch step.kind {
        case .rating:
            for item in step.questions.indices {
                for field in RatingField.allCases
                where drafts[FieldKey.rating(step: id, item: item, field: field).draftName] != nil {
                    rating.item = item
                    rating.field = field
                    return
                }
            }
        case .checklist:
            if let item = step.questions.indices.first(where: { drafts[FieldKey.checklistComment(step: id, item: $0).draftName] != nil }) {
                checklist.item = item
            }
        case .problem:
            let area = data.problemFocusAreaID
            if let index = ProblemField.all.indices.first(where: {
                drafts[FieldKey.problem(step: id, area: area, index: $0).draftName] != nil
            }) {
                problem.field = index
            }
        case .followUp:
            for (i, a) in data.activities.enumerated() {
                for field in FollowUpField.allCases where drafts[FieldKey.followUp(step: id, activity: a.id, field: field).draftName] != nil {
                    followUp.item = i
                    followUp.field = field
                    return
                }
            }
        case .present, .collect, .cluster, .vote, .activities, .goals, .summary:
            break // drafts of new things are back as the step is entered
        }
    }

    /// The input line's field and the sub-fields: what a new summary item
    /// or activity is made of.
    var boundAndSubfields: [FieldKey] {
        (bound.map { [$0] } ?? []) + subfieldKeys.map(\.0)
    }
}

extension AppState {
    /// Says that the note being changed here was deleted by another
    /// terminal, and what Enter and Esc do now (it quoted an empty text
    /// as another terminal's save: the seventeenth walk).
    mutating func warnOfDeletedEdit(_ run: RunState) {
        guard let e = run.editing, run.note(id: e.id) == nil, status?.text != texts[.editedNoteDeleted] else { return }
        say(texts[.editedNoteDeleted], seconds: 30)
    }

    /// Says, once, that another terminal saved the field being typed in.
    mutating func warnOfConflict(_ run: RunState) {
        guard let other = run.fieldConflict, !run.conflictConfirmed, status?.text.hasPrefix(texts[.fieldConflict]) != true else { return }
        say("\(texts[.fieldConflict]) \(texts.quote(other)). \(texts[.fieldConflictChoice])", error: true)
    }
}
