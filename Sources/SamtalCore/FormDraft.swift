// What was typed in a form and not saved, kept in the store as a meeting's
// fields keep theirs: written about once a second and on leaving (a quit
// signal, a closed terminal), so that it survives them and kill -9. The
// next start of the same screen opens the form again with it.

import Foundation

/// A form's unsaved content: which form (its purpose as a key), and the
/// text of each field and participant cell, in order.
public struct FormDraft: Equatable, Sendable, Codable {
    public var purpose: String
    public var fields: [String]
    public var participants: [[String]]

    public init(purpose: String, fields: [String], participants: [[String]] = []) {
        self.purpose = purpose
        self.fields = fields
        self.participants = participants
    }
}

extension FormPurpose {
    /// The purpose as it is stored with a draft; nil for a form that keeps
    /// no draft (the export dialog: nothing in it is the room's text).
    public var draftKey: String? {
        func id(_ v: Int64?) -> String { v.map(String.init) ?? "-" }
        switch self {
        case .newCycle: return "newCycle"
        case .editCycle(let c): return "editCycle:\(c)"
        case .newMeeting(let c): return "newMeeting:\(c)"
        case .facts(let m): return "facts:\(m)"
        case .export: return nil
        case .workspace(let w):
            switch w {
            case .focusArea(let a): return "focusArea:\(a)"
            case .splitArea(let a): return "splitArea:\(a)"
            case .problem(let a): return "problem:\(a)"
            case .cause(let a, let c, let p): return "cause:\(a):\(id(c)):\(id(p))"
            case .activity(let a): return "activity:\(id(a))"
            case .goal(let g): return "goal:\(id(g))"
            case .promise: return "promise"
            case .followUp(let f): return "followUp:\(id(f))"
            }
        }
    }

    public init?(draftKey: String) {
        let parts = draftKey.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        /// An id, or nil written as "-"; `.none` when the part is neither.
        func id(_ i: Int) -> Int64?? {
            guard i < parts.count else { return .none }
            if parts[i] == "-" { return .some(nil) }
            return Int64(parts[i]).map { .some($0) } ?? .none
        }
        func required(_ i: Int) -> Int64? { id(i) ?? nil }
        let count = parts.count
        switch (parts[0], count) {
        case ("newCycle", 1): self = .newCycle
        case ("editCycle", 2): guard let c = required(1) else { return nil }; self = .editCycle(c)
        case ("newMeeting", 2): guard let c = required(1) else { return nil }; self = .newMeeting(cycleID: c)
        case ("facts", 2): guard let m = required(1) else { return nil }; self = .facts(meetingID: m)
        case ("focusArea", 2): guard let a = required(1) else { return nil }; self = .workspace(.focusArea(a))
        case ("splitArea", 2): guard let a = required(1) else { return nil }; self = .workspace(.splitArea(from: a))
        case ("problem", 2): guard let a = required(1) else { return nil }; self = .workspace(.problem(areaID: a))
        case ("cause", 4):
            guard let a = required(1), let c = id(2), let p = id(3) else { return nil }
            self = .workspace(.cause(areaID: a, causeID: c, parentID: p))
        case ("activity", 2): guard let a = id(1) else { return nil }; self = .workspace(.activity(a))
        case ("goal", 2): guard let g = id(1) else { return nil }; self = .workspace(.goal(g))
        case ("promise", 1): self = .workspace(.promise)
        case ("followUp", 2): guard let f = id(1) else { return nil }; self = .workspace(.followUp(f))
        default: return nil
        }
    }
}

extension Form {
    /// What a draft of this form keeps: nil when nothing was typed or
    /// chosen since it was opened, or when the form keeps no draft.
    public var draft: FormDraft? {
        guard isChanged, let key = purpose.draftKey else { return nil }
        return FormDraft(purpose: key, fields: fields.map(\.rawText),
                         participants: (participants ?? []).map { $0.map(\.text) })
    }

    /// The form with a draft's content in it, field by field; a choice
    /// takes the stored value if it is still one of its options.
    mutating func restore(_ draft: FormDraft) {
        for (i, text) in draft.fields.enumerated() where i < fields.count {
            switch fields[i].value {
            case .text(var field):
                field.set(text)
                fields[i].value = .text(field)
            case .choice(let values, let labels, let index):
                fields[i].value = .choice(values: values, labels: labels, index: values.firstIndex(of: text) ?? index)
            }
        }
        if participants != nil {
            participants = draft.participants.map { row in
                ParticipantColumn.allCases.map { c in TextField(c.rawValue < row.count ? row[c.rawValue] : "", limit: c.limit) }
            }
        }
    }
}

extension Effect {
    /// Whether this is what a form's F9 sends to be saved.
    var savesAForm: Bool {
        switch self {
        case .createCycle, .renameCycle, .createMeeting, .saveFacts, .writeAnalysis: return true
        default: return false
        }
    }
}

extension FormField {
    /// The field's text as typed (not trimmed): a draft keeps it as it was.
    var rawText: String {
        switch value {
        case .text(let f): return f.text
        case .choice: return text
        }
    }
}

extension AppState {
    /// The open form and the screen its draft belongs to: "home", or the
    /// workspace of one cycle.
    var openForm: (scope: String, form: Form)? {
        switch screen {
        case .form(let form): return (Self.homeDraftScope, form)
        case .workspace(let ws): return ws.form.map { (Self.workspaceDraftScope(ws.cycleID), $0) }
        case .home, .run, .detached: return nil
        }
    }

    static let homeDraftScope = "home"
    static func workspaceDraftScope(_ cycleID: Int64) -> String { "cycle:\(cycleID)" }

    /// The writes that bring the stored form drafts up to what is open:
    /// the open form's draft if it changed, and the removal of any other
    /// this process wrote (a form saved, given up, or left).
    mutating func pendingFormDrafts() -> [Effect] {
        let current = openForm.flatMap { open in open.form.draft.map { (scope: open.scope, draft: $0) } }
        if current == nil { formDraftSubmitted = nil }
        var effects: [Effect] = []
        for scope in formDraftsWritten.keys.sorted() where scope != current?.scope {
            formDraftsWritten[scope] = nil
            effects.append(.saveFormDraft(scope: scope, draft: nil))
        }
        if let current, current.draft != formDraftSubmitted, formDraftsWritten[current.scope] != current.draft {
            formDraftsWritten[current.scope] = current.draft
            effects.append(.saveFormDraft(scope: current.scope, draft: current.draft))
        }
        return effects
    }

    /// After a key: a form it saved takes its stored draft with it, in the
    /// save's transaction; a form it gave up (Esc) removes it at once. Not
    /// at the next second: a kill -9 in between would bring it back.
    mutating func settleFormDraft(_ before: (scope: String, form: Form)?, _ effects: [Effect]) -> [Effect] {
        guard let before, before.form.purpose.draftKey != nil else { return effects }
        if let i = effects.firstIndex(where: \.savesAForm) {
            formDraftSubmitted = before.form.draft
            guard formDraftsWritten.removeValue(forKey: before.scope) != nil else { return effects }
            var wrapped = effects
            wrapped[i] = .removingFormDraft(scope: before.scope, save: effects[i])
            return wrapped
        }
        guard openForm?.form.purpose != before.form.purpose, formDraftsWritten.removeValue(forKey: before.scope) != nil else { return effects }
        return effects + [.saveFormDraft(scope: before.scope, draft: nil)]
    }

    /// Once a screen that has forms is loaded: asks for the draft it left,
    /// the first time since it was entered; and opens a draft that was
    /// waiting for the screen's data.
    mutating func formScreenLoaded(scope: String) -> [Effect] {
        if formDraftAsked != scope {
            formDraftAsked = scope
            return [.loadFormDraft(scope: scope)]
        }
        return restoreFormDraft()
    }

    mutating func formDraftLoaded(scope: String, _ draft: FormDraft?) -> [Effect] {
        guard let draft, scope == formDraftAsked else { return [] }
        formDraftToRestore = (scope, draft)
        return restoreFormDraft()
    }

    /// Opens the waiting draft's form with its content, if its screen is
    /// shown with its data and no form or dialog is open. A draft whose
    /// record is gone is shown in the message line, then removed.
    mutating func restoreFormDraft() -> [Effect] {
        guard let waiting = formDraftToRestore, dialog == nil else { return [] }
        let purpose = FormPurpose(draftKey: waiting.draft.purpose)
        var rebuilt: Form?
        switch screen {
        case .home(let home):
            guard waiting.scope == Self.homeDraftScope, home.loaded else { return [] }
            rebuilt = purpose.flatMap { homeForm($0, home) }
        case .workspace(var ws):
            guard waiting.scope == Self.workspaceDraftScope(ws.cycleID), ws.form == nil, let a = ws.analysis else { return [] }
            if case .workspace(let w)? = purpose, var form = workspaceForm(w, &ws, a) {
                form.restore(waiting.draft)
                ws.form = form
                rebuilt = form
                screen = .workspace(ws)
            }
        case .form, .run, .detached:
            return []
        }
        formDraftToRestore = nil
        guard var form = rebuilt else {
            let text = (waiting.draft.fields + waiting.draft.participants.flatMap { $0 })
                .filter { !$0.allSatisfy(\.isWhitespace) }.joined(separator: " · ")
            say("\(texts[.formDraftLost]): \(texts.quote(text))", error: true, seconds: 60)
            return [.saveFormDraft(scope: waiting.scope, draft: nil)]
        }
        if case .home = screen {
            form.restore(waiting.draft)
            screen = .form(form)
        }
        // What is stored: removed when the form is saved, given up, or
        // found to hold what its record holds.
        formDraftsWritten[waiting.scope] = waiting.draft
        say(texts[.formDraftRestored], seconds: 8)
        return []
    }

    /// A home screen's form for `purpose`, built from what the screen shows.
    func homeForm(_ purpose: FormPurpose, _ home: HomeState) -> Form? {
        let cycles = home.rows.compactMap { row -> Cycle? in if case .cycle(let c) = row { return c } else { return nil } }
        let meetings = home.rows.compactMap { row -> Meeting? in if case .meeting(let m) = row { return m } else { return nil } }
        switch purpose {
        case .newCycle:
            return .newCycle()
        case .editCycle(let id):
            return cycles.first { $0.id == id }.map { .editCycle($0) }
        case .newMeeting(let cycleID):
            guard !agendas.isEmpty, cycles.contains(where: { $0.id == cycleID }) else { return nil }
            return .newMeeting(cycleID: cycleID, agendas: agendas, today: today)
        case .facts(let id):
            return meetings.first { $0.id == id }.map { .facts(for: $0, texts: texts, intro: intro(ofAgenda: $0.agendaID)) }
        case .workspace, .export:
            return nil
        }
    }

    /// The workspace's form for `purpose`, on the tab it belongs to.
    func workspaceForm(_ purpose: WorkspaceForm, _ ws: inout WorkspaceState, _ a: CycleAnalysis) -> Form? {
        let t = texts
        func lookup<T>(_ id: Int64?, _ all: [T], _ idOf: (T) -> Int64) -> T?? {
            guard let id else { return .some(nil) } // a new record
            return all.first { idOf($0) == id }.map { .some($0) } ?? .none
        }
        switch purpose {
        case .focusArea(let id):
            guard let area = a.focusArea(id) else { return nil }
            ws.tab = .focusAreas
            return WorkspaceForms.focusArea(area, leads: a.promiseAreas.contains(id), texts: t)
        case .splitArea(let id):
            guard let area = a.focusArea(id) else { return nil }
            ws.tab = .focusAreas
            return WorkspaceForms.split(area, texts: t)
        case .problem(let id):
            guard let area = a.focusArea(id) else { return nil }
            ws.tab = .problem
            ws.areaID = id
            return WorkspaceForms.problem(area: area, problem: a.problem(for: id))
        case .cause(let areaID, let causeID, let parentID):
            guard a.focusArea(areaID) != nil, let cause = lookup(causeID, a.causes[areaID] ?? [], \.id) else { return nil }
            ws.tab = .problem
            ws.areaID = areaID
            return WorkspaceForms.cause(areaID: areaID, cause: cause, parentID: cause?.parentID ?? parentID, texts: t)
        case .activity(let id):
            guard let activity = lookup(id, a.activities, \.id), !a.meetings.isEmpty else { return nil }
            ws.tab = .activities
            return WorkspaceForms.activity(activity, analysis: a, defaultArea: nil, texts: t)
        case .goal(let id):
            guard let goal = lookup(id, a.goals, \.id) else { return nil }
            ws.tab = .goals
            return WorkspaceForms.goal(goal, analysis: a, defaultArea: nil, texts: t)
        case .promise:
            ws.tab = .promise
            return WorkspaceForms.promise(a.promise ?? Promise(cycleID: ws.cycleID))
        case .followUp(let id):
            guard let followUp = lookup(id, a.followUps, \.id) else { return nil }
            ws.tab = .followUp
            return WorkspaceForms.followUp(followUp, analysis: a, today: today, texts: t)
        }
    }
}
