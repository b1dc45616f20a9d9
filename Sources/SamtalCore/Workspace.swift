// The analysis workspace of a cycle: from the focus areas the meetings
// made, through the problem and its causes, to activities, goals, the
// citizen promise and its follow-up. It works on the records the meetings
// wrote (no copies); every change is a `WorkspaceWrite` the executable
// performs, after which the whole `CycleAnalysis` is read again.

/// The workspace's tabs, in the order the method works through them.
public enum WorkspaceTab: Int, CaseIterable, Sendable {
    case focusAreas, problem, activities, goals, promise, followUp

    public var keyContext: KeyContext {
        switch self {
        case .focusAreas: .workspaceAreas
        case .problem: .workspaceProblem
        case .activities: .workspaceActivities
        case .goals: .workspaceGoals
        case .promise: .workspacePromise
        case .followUp: .workspaceFollowUp
        }
    }

    public var title: TextKey {
        switch self {
        case .focusAreas: .wsTabAreas
        case .problem: .wsTabProblem
        case .activities: .wsTabActivities
        case .goals: .wsTabGoals
        case .promise: .wsTabPromise
        case .followUp: .wsTabFollowUp
        }
    }
}

/// Which record a workspace form edits; nil ids are new records.
public enum WorkspaceForm: Equatable, Sendable {
    case focusArea(Int64)
    /// A new area split off from this one.
    case splitArea(from: Int64)
    case problem(areaID: Int64)
    case cause(areaID: Int64, causeID: Int64?, parentID: Int64?)
    case activity(Int64?)
    case goal(Int64?)
    case promise
    case followUp(Int64?)
}

/// One row of the problem tab.
public enum ProblemRow: Equatable, Sendable {
    case question(ProblemQuestion)
    case side(TriangleSide)
    case cause(Cause, depth: Int)
}

/// A change the workspace asks the store to make.
public enum WorkspaceWrite: Equatable, Sendable {
    case setFocusArea(id: Int64, name: String, type: FocusAreaType, targetPicture: String, leadsToPromise: Bool)
    case setLeadsToPromise(areaID: Int64, Bool)
    /// Twins become one: notes, dots and where it was proposed go along.
    case mergeFocusAreas(from: Int64, into: Int64)
    /// A new area split off from one, proposed where that one was.
    case splitFocusArea(from: Int64, name: String, type: FocusAreaType)
    /// Retired: its notes become unplaced, its dots no longer count.
    case deleteFocusArea(id: Int64)
    case saveProblem(areaID: Int64, answers: [ProblemQuestion: String], triangle: [TriangleSide: String])
    /// Creates the focus area's problem first when it has none.
    case addCause(areaID: Int64, parentID: Int64?, text: String, evidence: CauseEvidence)
    case updateCause(id: Int64, text: String, evidence: CauseEvidence)
    case deleteCause(id: Int64)
    /// A new activity when its id is 0.
    case saveActivity(Activity)
    case deleteActivity(id: Int64)
    /// A new goal when its id is 0.
    case saveGoal(Goal)
    case deleteGoal(id: Int64)
    case savePromise(Promise)
    /// A new entry when its id is 0.
    case saveFollowUp(FollowUp)
    case deleteFollowUp(id: Int64)
}

public struct WorkspaceState: Equatable, Sendable {
    public var cycleID: Int64
    /// Nil until the store has answered.
    public var analysis: CycleAnalysis?
    public var tab: WorkspaceTab = .focusAreas
    /// The selected row of each tab.
    public var rows: [WorkspaceTab: Int] = [:]
    /// The focus area the problem tab works on.
    public var areaID: Int64?
    /// A record being edited, drawn over the workspace.
    public var form: Form?
    /// The focus area picked to be merged into another (m, then m on the other).
    public var mergeSource: Int64?
    /// Set when a new record was saved: the next load selects the newest
    /// row of this tab, so the facilitator sees what was just added.
    var selectNewest: WorkspaceTab?
    /// The form whose write is on its way to the store: given back if the
    /// write fails, so nothing typed is lost.
    var submitted: Form?

    public init(cycleID: Int64) {
        self.cycleID = cycleID
    }

    public var row: Int { rows[tab] ?? 0 }

    /// The focus area the problem tab shows: the chosen one, else the best
    /// ranked.
    public var currentArea: FocusArea? {
        guard let a = analysis else { return nil }
        return a.focusArea(areaID) ?? a.rankedFocusAreas.first
    }

    /// The rows of the problem tab for the current focus area.
    public var problemRows: [ProblemRow] {
        var rows = ProblemQuestion.allCases.map(ProblemRow.question) + TriangleSide.allCases.map(ProblemRow.side)
        guard let a = analysis, let area = currentArea, let problem = a.problem(for: area.id) else { return rows }
        let depths = a.causeDepths(problemID: problem.id)
        rows += (a.causes[problem.id] ?? []).map { .cause($0, depth: depths[$0.id] ?? 0) }
        return rows
    }

    /// How many rows the current tab has.
    public var rowCount: Int { rowCount(tab) }

    public func rowCount(_ tab: WorkspaceTab) -> Int {
        guard let a = analysis else { return 0 }
        switch tab {
        case .focusAreas: return a.focusAreas.count
        case .problem: return problemRows.count
        case .activities: return a.activities.count
        case .goals: return a.goals.count
        case .promise: return PromiseSection.allCases.count
        case .followUp: return a.followUps.count
        }
    }

    /// Focus areas as the focus area tab lists them: by priority.
    public var listedAreas: [FocusArea] { analysis?.rankedFocusAreas ?? [] }

    public var selectedArea: FocusArea? {
        let list = listedAreas
        return list.indices.contains(rows[.focusAreas] ?? 0) ? list[rows[.focusAreas] ?? 0] : nil
    }

    public var selectedActivity: Activity? {
        let list = analysis?.orderedActivities ?? []
        return list.indices.contains(rows[.activities] ?? 0) ? list[rows[.activities] ?? 0] : nil
    }

    public var selectedGoal: Goal? {
        let list = analysis?.goals ?? []
        return list.indices.contains(rows[.goals] ?? 0) ? list[rows[.goals] ?? 0] : nil
    }

    public var selectedFollowUp: FollowUp? {
        let list = analysis?.followUps ?? []
        return list.indices.contains(rows[.followUp] ?? 0) ? list[rows[.followUp] ?? 0] : nil
    }

    public var selectedProblemRow: ProblemRow? {
        let list = problemRows
        return list.indices.contains(rows[.problem] ?? 0) ? list[rows[.problem] ?? 0] : nil
    }

    /// Keeps every tab's selection inside its rows after a reload.
    mutating func clampRows() {
        for t in WorkspaceTab.allCases {
            rows[t] = max(0, min(rows[t] ?? 0, rowCount(t) - 1))
        }
    }
}

// MARK: update

extension AppState {
    /// Opens the cycle's analysis workspace (from the home screen, or
    /// `samtal cycle CYCLE`).
    public mutating func openWorkspace(cycleID: Int64) -> [Effect] {
        dialog = nil
        screen = .workspace(WorkspaceState(cycleID: cycleID))
        formDraftAsked = nil
        return [.loadAnalysis(cycleID: cycleID)]
    }

    mutating func analysisLoaded(_ analysis: CycleAnalysis) {
        guard case .workspace(var ws) = screen, ws.cycleID == analysis.cycle.id else { return }
        ws.analysis = analysis
        ws.submitted = nil
        if let id = ws.areaID, analysis.focusArea(id) == nil { ws.areaID = nil }
        if let tab = ws.selectNewest {
            ws.selectNewest = nil
            switch tab {
            case .problem:
                let rows = ws.problemRows
                let newest = rows.indices.max { a, b in
                    func id(_ r: ProblemRow) -> Int64 { if case .cause(let c, _) = r { return c.id } else { return 0 } }
                    return id(rows[a]) < id(rows[b])
                }
                if let newest { ws.rows[.problem] = newest }
            case .activities:
                let list = analysis.orderedActivities
                if let newest = list.indices.max(by: { list[$0].id < list[$1].id }) { ws.rows[.activities] = newest }
            case .goals, .followUp:
                ws.rows[tab] = Int.max // the newest is last
            case .focusAreas, .promise:
                break
            }
        }
        ws.clampRows()
        screen = .workspace(ws)
    }

    mutating func handleWorkspace(_ ws: inout WorkspaceState, key: Key, action: Action?) -> [Effect] {
        if var form = ws.form {
            let effects = handleWorkspaceForm(&ws, &form, key: key, action: action)
            return effects
        }
        guard let analysis = ws.analysis else {
            return action == .quit ? quitEffects() : action == .backHome ? leaveWorkspace() : []
        }
        let cycleID = ws.cycleID
        let write = { (w: WorkspaceWrite) -> [Effect] in [Effect.writeAnalysis(w, cycleID: cycleID)] }
        switch action {
        case .help:
            dialog = .help(ws.tab.keyContext)
        case .quit:
            return quitEffects()
        case .backHome:
            // A merge being picked is given up first.
            if ws.mergeSource != nil {
                ws.mergeSource = nil
                status = nil
                return []
            }
            return leaveWorkspace()
        case .wsMerge:
            guard let area = ws.selectedArea else { say(texts[.wsNoAreas]); return [] }
            guard let source = ws.mergeSource else {
                ws.mergeSource = area.id
                say(texts[.wsMergePick], seconds: 30)
                return []
            }
            ws.mergeSource = nil
            guard source != area.id else {
                say(texts[.clusterMergeSame])
                return []
            }
            // Said at once; a failed write says so instead when the store answers.
            let from = ws.analysis?.focusAreas.first { $0.id == source }?.name ?? ""
            say("\(texts[.clusterMerged]): \(from) → \(area.name)")
            return write(.mergeFocusAreas(from: source, into: area.id))
        case .nextTab, .previousTab:
            let all = WorkspaceTab.allCases
            let i = (ws.tab.rawValue + (action == .nextTab ? 1 : all.count - 1)) % all.count
            ws.tab = all[i]
        case .wsUp:
            ws.rows[ws.tab] = max(0, ws.row - 1)
        case .wsDown:
            ws.rows[ws.tab] = max(0, min(ws.rowCount - 1, ws.row + 1))
        case .trace:
            if let trace = Trace.build(for: ws, texts: texts) {
                helpScroll = 0
                dialog = .trace(trace)
            } else {
                say(texts[.wsNothingSelected])
            }
        case .openProblem:
            guard let area = ws.selectedArea else { say(texts[.wsNoAreas]); return [] }
            ws.areaID = area.id
            ws.tab = .problem
            ws.rows[.problem] = 0
        case .togglePromise:
            guard let area = ws.selectedArea else { say(texts[.wsNoAreas]); return [] }
            return write(.setLeadsToPromise(areaID: area.id, !analysis.promiseAreas.contains(area.id)))
        case .openExport:
            ws.form = Form.export(.cycle(ws.cycleID), texts: texts)
        case .nextProblemArea:
            let areas = analysis.rankedFocusAreas
            guard !areas.isEmpty else { say(texts[.wsNoAreas]); return [] }
            let i = areas.firstIndex { $0.id == ws.currentArea?.id } ?? -1
            ws.areaID = areas[(i + 1) % areas.count].id
            ws.rows[.problem] = 0
        case .wsEdit:
            return openWorkspaceForm(&ws, new: false)
        case .wsSplit:
            guard let area = ws.selectedArea else { say(texts[.wsNoAreas]); return [] }
            ws.form = WorkspaceForms.split(area, texts: texts)
            return []
        case .wsNew:
            return openWorkspaceForm(&ws, new: true)
        case .wsDelete:
            switch ws.tab {
            case .problem:
                if case .cause(let c, _)? = ws.selectedProblemRow { dialog = .confirm(.deleteCause(c.id)) } else { say(texts[.wsSelectCause]) }
            case .activities:
                if let a = ws.selectedActivity { dialog = .confirm(.deleteActivity(a.id)) }
            case .goals:
                if let g = ws.selectedGoal { dialog = .confirm(.deleteGoal(g.id)) }
            case .followUp:
                if let f = ws.selectedFollowUp { dialog = .confirm(.deleteFollowUp(f.id)) }
            case .focusAreas:
                if let area = ws.selectedArea { dialog = .confirm(.deleteFocusArea(area.id)) }
            case .promise:
                break
            }
        case .nextActivityStatus:
            guard var a = ws.selectedActivity else { return [] }
            let all = ActivityStatus.allCases
            a.status = all[(all.firstIndex(of: a.status)! + 1) % all.count]
            return write(.saveActivity(a))
        case .draftPromise:
            // Whose views the cycle's notes hold is read for the draft only
            // (`promiseSourcesLoaded`): not at every reading of the analysis,
            // where it cost the workspace's start ~2 ms (issue 15).
            return [.loadPromiseSources(cycleID: cycleID)]
        default:
            break
        }
        return []
    }

    /// F2's draft of the promise, once the store has said whose notes the
    /// cycle's meetings hold (`heard`): fills the sections left empty.
    mutating func promiseSourcesLoaded(cycleID: Int64, heard: [NoteSource: Int]) -> [Effect] {
        guard case .workspace(let ws) = screen, ws.cycleID == cycleID, ws.form == nil, let analysis = ws.analysis else { return [] }
        let draft = PromiseDraft.make(analysis, heard: heard, texts: texts)
        var promise = analysis.promise ?? Promise(cycleID: cycleID)
        var filled = 0
        for section in PromiseSection.allCases where promise[section].allSatisfy(\.isWhitespace) && !(draft[section] ?? "").isEmpty {
            promise.sections[section] = draft[section]
            filled += 1
        }
        guard filled > 0 else { say(texts[.wsDraftNothing]); return [] }
        say("\(texts[.wsDraftFilled]): \(filled)")
        return [.writeAnalysis(.savePromise(promise), cycleID: cycleID)]
    }

    mutating func leaveWorkspace() -> [Effect] {
        screen = .home(HomeState())
        formDraftAsked = nil
        return [.loadHome]
    }

    /// The form for the selected row (or a new record) of the current tab.
    mutating func openWorkspaceForm(_ ws: inout WorkspaceState, new: Bool) -> [Effect] {
        guard let a = ws.analysis else { return [] }
        let t = texts
        switch ws.tab {
        case .focusAreas:
            guard let area = ws.selectedArea else { say(t[.wsNoAreas]); return [] }
            ws.form = WorkspaceForms.focusArea(area, leads: a.promiseAreas.contains(area.id), texts: t)
        case .problem:
            guard let area = ws.currentArea else { say(t[.wsNoAreas]); return [] }
            let row = ws.selectedProblemRow
            if new {
                // A new cause: under the selected cause ("why?"), else a direct one.
                var parent: Int64?
                if case .cause(let c, _)? = row { parent = c.id }
                ws.form = WorkspaceForms.cause(areaID: area.id, cause: nil, parentID: parent, texts: t)
            } else if case .cause(let c, _)? = row {
                ws.form = WorkspaceForms.cause(areaID: area.id, cause: c, parentID: c.parentID, texts: t)
            } else {
                var form = WorkspaceForms.problem(area: area, problem: a.problem(for: area.id))
                if case .question(let q)? = row { form.focus = form.fields.firstIndex { $0.id == .question(q) } ?? 0 }
                if case .side(let s)? = row { form.focus = form.fields.firstIndex { $0.id == .side(s) } ?? 0 }
                ws.form = form
            }
        case .activities:
            if !new && ws.selectedActivity == nil { say(t[.wsNothingSelected]); return [] }
            guard !a.meetings.isEmpty else { say(t[.wsNeedsMeeting], error: true); return [] }
            ws.form = WorkspaceForms.activity(new ? nil : ws.selectedActivity, analysis: a, defaultArea: ws.currentArea?.id, texts: t)
        case .goals:
            if !new && ws.selectedGoal == nil { say(t[.wsNothingSelected]); return [] }
            ws.form = WorkspaceForms.goal(new ? nil : ws.selectedGoal, analysis: a, defaultArea: ws.currentArea?.id, texts: t)
        case .promise:
            var form = WorkspaceForms.promise(a.promise ?? Promise(cycleID: ws.cycleID))
            form.focus = min(ws.row, form.fields.count - 1)
            ws.form = form
        case .followUp:
            if !new && ws.selectedFollowUp == nil { say(t[.wsNothingSelected]); return [] }
            ws.form = WorkspaceForms.followUp(new ? nil : ws.selectedFollowUp, analysis: a, today: today, texts: t)
        }
        return []
    }

    mutating func handleWorkspaceForm(_ ws: inout WorkspaceState, _ form: inout Form, key: Key, action: Action?) -> [Effect] {
        switch form.apply(key: key, action: action) {
        case .editing:
            ws.form = form
            return []
        case .pasteRefused(let refusal):
            say(texts.pasteRefused(refusal), error: true)
            ws.form = form
            return []
        case .typedInChoice:
            say(texts[.choiceTakesNoText], error: true)
            ws.form = form
            return []
        case .help:
            dialog = .help(.recordForm)
            return []
        case .quit:
            ws.form = form
            if form.isChanged {
                dialog = .confirm(.quitUnsavedForm)
                return []
            }
            return quitEffects()
        case .cancel:
            ws.form = nil
            return []
        case .save:
            if case .export(let subject) = form.purpose {
                if let problem = form.exportProblem(texts) {
                    form.error = problem.message
                    form.focus = problem.focus
                    ws.form = form
                    return []
                }
                ws.form = nil
                return [.export(form.exportRequest(subject))]
            }
            guard case .workspace(let which) = form.purpose, let analysis = ws.analysis else { return [] }
            // Another terminal saved a field of this record since the form
            // was opened (a meeting's problem step, a second workspace):
            // never written over without a word, as on the note line.
            if !form.overwriteConfirmed, let stored = WorkspaceForms.asStored(which, analysis: analysis, today: today, texts: texts),
               let (i, text) = form.changedElsewhere(stored) {
                form.overwriteConfirmed = true
                form.error = "\(texts[.wsChangedElsewhere]) \(texts[form.fields[i].label]): \(texts.quote(text)). \(texts[.wsChangedElsewhereChoice])"
                form.focus = i
                ws.form = form
                return []
            }
            // An activity's date outside the promise period: said once
            // for those dates; F9 again saves.
            let dates = "\(form.value(.start))|\(form.value(.end))"
            if form.periodToldOf != dates, case .activity = which, form.missingRequired(texts) == nil,
               PlanDate.problem(start: form.value(.start), end: form.value(.end)) == nil,
               let (problem, i) = WorkspaceForms.activityDateOutsidePeriod(form, analysis: analysis) {
                form.periodToldOf = dates
                form.error = "\(texts.periodProblem(problem)). \(texts[.wsOutsidePeriodChoice])"
                form.focus = i
                ws.form = form
                return []
            }
            switch WorkspaceForms.submit(form, which, analysis: analysis, texts: texts) {
            case .success(let w):
                ws.form = nil
                ws.submitted = form
                switch w {
                case .addCause: ws.selectNewest = .problem
                case .saveActivity(let a) where a.id == 0: ws.selectNewest = .activities
                case .saveGoal(let g) where g.id == 0: ws.selectNewest = .goals
                case .saveFollowUp(let f) where f.id == 0: ws.selectNewest = .followUp
                default: break
                }
                sayWorkspaceSaved(form)
                return [.writeAnalysis(w, cycleID: ws.cycleID)]
            case .failure(let error):
                form.error = error.message
                form.focus = error.focus
                ws.form = form
                return []
            }
        }
    }
}

extension AppState {
    /// "Sparat", or, as at note capture, a warning naming what looks like
    /// personal data and the fields it is in (it is saved all the same).
    /// The promise's contact section holds public details on purpose.
    mutating func sayWorkspaceSaved(_ form: Form) {
        let flagged: [(field: String, kinds: [PersonalDataKind])] = form.fields.compactMap { f in
            guard case .text = f.value, f.id != .section(.contact) else { return nil }
            let kinds = PersonalData.kinds(in: f.text)
            return kinds.isEmpty ? nil : (texts[f.label], kinds)
        }
        guard !flagged.isEmpty else { return say(texts[.wsSaved]) }
        let what = flagged.map { "\($0.kinds.map { texts.personalData($0) }.joined(separator: ", ")) (\($0.field))" }
        say("\(texts[.wsSaved]) – \(texts[.personalDataWarning]): " + what.joined(separator: "; "), seconds: 8)
    }
}

// MARK: the promise draft

public enum PromiseDraft {
    /// A first draft of each promise section, from the chain: the focus
    /// areas chosen for the promise (all of them when none is chosen yet),
    /// their target pictures, activities and effect goals, and the meetings
    /// behind them. Internal details (how, organisation, resources) stay out.
    /// `heard`: the live notes of the cycle's meetings by source, in a
    /// focus area or not (`AppStore.notesHeard`): whose views the situation
    /// picture holds (the twenty-second session's walk: the municipality's
    /// notes, in no area, went unsaid).
    public static func make(_ a: CycleAnalysis, heard: [NoteSource: Int] = [:], texts t: Texts) -> [PromiseSection: String] {
        let sv = t.language == .sv
        let chosen = a.rankedFocusAreas.filter { a.promiseAreas.contains($0.id) }
        let areas = chosen.isEmpty ? Array(a.rankedFocusAreas.prefix(1)) : chosen
        let ids = Set(areas.map(\.id))
        let names = joined(areas.map(\.name), sv: sv)
        var d: [PromiseSection: String] = [:]
        let listed = names.isEmpty ? (sv ? "det som invånarna lyft i dialogerna" : "what residents raised in the dialogues") : names
        d[.purpose] = sv
            ? "Syftet med medborgarlöftet är att öka tryggheten och förebygga brott i \(a.cycle.area) tillsammans med dem som bor och verkar här. Löftet gäller: \(listed)."
            : "The purpose of the citizen promise is to make \(a.cycle.area) safer and prevent crime together with those who live and work here. The promise covers: \(listed)."
        // Whose views: every source heard in the cycle's meetings, in a
        // focus area or not; statistics and surveys are data, not views.
        let heard = Set(a.notes.values.map(\.source)).union(heard.filter { $0.value > 0 }.keys)
        let views = joined(heard.filter { !$0.isData }.map { t.source($0) }.sorted(), sv: sv)
        let data = joined(heard.filter(\.isData).map { t.source($0) }.sorted(), sv: sv)
        let sources = [views.isEmpty ? "" : (sv ? "med synpunkter från " : "with points raised by ") + views,
                       data.isEmpty ? "" : (sv ? "med " : "with ") + data].filter { !$0.isEmpty }
            .joined(separator: sv ? ", och " : ", and ")
        // The meetings held: a meeting only planned, with nothing from it, is not a source yet.
        let withNotes = Set(a.notes.values.map(\.meetingID))
        let meetings = a.meetings.filter { $0.status != .planned || withNotes.contains($0.id) }.count
        // Only what was written: an area without a description says nothing.
        let problems = areas.compactMap { area in
            a.problem(for: area.id)?.answers[.what].flatMap { $0.isEmpty ? nil : " \(area.name): \($0.hasSuffix(".") ? $0 : $0 + ".")" }
        }.joined()
        // The meetings, and whose points the notes hold: a meeting held
        // without notes (a problem analysis) did not hear from the notes'
        // sources (the twentieth walk: "2 dialogmöten med medarbetare").
        d[.jointPicture] = sv
            ? "Lägesbilden bygger på \(meetings == 1 ? "ett" : String(meetings)) \(meetings == 1 ? "möte" : "möten")\(sources.isEmpty ? "" : ", " + sources)." + problems
            : "The joint picture is built on \(meetings == 1 ? "one" : String(meetings)) \(meetings == 1 ? "meeting" : "meetings")\(sources.isEmpty ? "" : ", " + sources)." + problems
        d[.focus] = areas.map { area in
            let target = area.targetPicture.stripped
            let picture = target.isEmpty ? "" : (sv ? " Målbild: " : " Target picture: ") + target
                + (target.last.map { ".!?".contains($0) } == true ? "" : ".")
            // Views from the dialogues, and facts from statistics or surveys.
            let sourced = area.noteIDs.compactMap { a.notes[$0] }
            let facts = sourced.filter { $0.source.isData }
            let n = area.noteIDs.count - facts.count
            let factKinds = joined(Set(facts.map(\.source)).map { t.source($0) }.sorted(), sv: sv)
            let factText = facts.isEmpty ? "" : sv
                ? "\(facts.count) \(facts.count == 1 ? "uppgift" : "uppgifter") ur \(factKinds)"
                : "\(facts.count) \(facts.count == 1 ? "fact" : "facts") from \(factKinds)"
            let viewText = n == 0 ? "" : sv ? "\(n) \(n == 1 ? "synpunkt" : "synpunkter") från dialogerna" : "\(n) \(n == 1 ? "point" : "points") raised in the dialogues"
            let points = [viewText, factText].filter { !$0.isEmpty }.joined(separator: sv ? " samt " : " and ")
            // "Prioritised" only where the participants' dots say so.
            let dots = a.dots[area.id] ?? 0
            let voted = dots == 0 ? "" : sv ? " och prioriterades av deltagarna (\(dots) \(dots == 1 ? "prick" : "prickar"))"
                : " and prioritised by the participants (\(dots) \(dots == 1 ? "dot" : "dots"))"
            let from = points.isEmpty ? "" : sv ? " utifrån \(points)" : " from \(points)"
            return (sv ? "\(area.name) valdes som fokusområde\(from)\(voted)." : "\(area.name) was chosen as a focus area\(from)\(voted).") + picture
        }.joined(separator: "\n")
        let activities = a.orderedActivities.filter { $0.focusAreaID.map(ids.contains) ?? false }
        // Who does each: the organisation (the promise's actor), never a person.
        d[.activities] = activities.map { act in
            let when = [act.start, act.end].filter { !$0.isEmpty }.joined(separator: "–")
            let who = act.organisation.stripped.isEmpty ? "" : "\(act.organisation.stripped): "
            return "• \(who)\(act.what)\(when.isEmpty ? "" : " (\(when))")"
        }.joined(separator: "\n")
        let effects = a.goals.filter { $0.kind == .effect && ($0.focusAreaID.map(ids.contains) ?? false) }
        d[.effects] = effects.map { g in
            let from = g.baseline.isEmpty ? "" : (sv ? "från \(g.baseline)" : "from \(g.baseline)")
            let to = g.target.isEmpty ? "" : (sv ? "till \(g.target)" : "to \(g.target)")
            let by = g.deadline.isEmpty ? "" : (sv ? "senast \(g.deadline)" : "by \(g.deadline)")
            let numbers = [from, to, by].filter { !$0.isEmpty }.joined(separator: " ")
            return "• \(g.text)\(numbers.isEmpty ? "" : " (\(numbers))")"
        }.joined(separator: "\n")
        // The earliest real date (a deadline typed as "vecka 12" is no date).
        let first = a.goals.map(\.deadline).filter(PlanDate.isValid).min()
        d[.followCitizens] = sv
            ? "Vi berättar löpande hur arbetet går och redovisar resultatet \(first.map { "senast \($0)" } ?? "när perioden är slut")."
                + "\n[Skriv när, hur och av vem arbetet följs upp och var medborgarna kan följa det, t.ex. polisen.se och kommunens webbplats.]"
            : "We report on the work as it goes and present the results \(first.map { "by \($0)" } ?? "at the end of the period")."
                + "\n[Write when, how and by whom the work is followed up and where residents can follow it, e.g. the police's and the municipality's websites.]"
        d[.validity] = a.cycle.period
        // Every drafted section says it is a draft until its writer has gone
        // through it (the line is never published; the document stays
        // marked as a draft while it is there).
        let mark = sv ? "[Utkast: läs, skriv om med egna ord och ta bort den här raden.]"
            : "[Draft: read, rewrite in your own words and delete this line.]"
        for (section, text) in d where !text.isEmpty && section != .followCitizens { d[section] = text + "\n" + mark }
        return d
    }

    /// "a, b och c".
    static func joined(_ items: [String], sv: Bool) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + (sv ? " och " : " and ") + items.last!
    }
}
