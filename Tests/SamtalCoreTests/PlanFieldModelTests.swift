// Model-based test of the steps that write the plan in a meeting: goals
// (a goal's six parts, its kind, the activity it serves, accepted or not,
// new or edited with F4) and the follow-up of each activity (five stored
// fields per activity and its status), beside a vote step where nothing
// typed may land. Random key sequences run through the real `update` and a
// small in-memory store; a reference model says in a few lines what each
// field should hold. After every sequence the store must equal the model,
// and every unsaved text must be a draft. The seed is printed on failure
// (SAMTAL_MODEL_SEED reruns one).

import Foundation
@testable import SamtalCore
import Testing

private let agenda = Agenda(
    id: "plan-model", version: 1, title: "Plan", meetingType: .activityPlanning, source: .police,
    steps: [
        AgendaStep(id: "m", title: "Mål", kind: .goals, minutes: 10),
        AgendaStep(id: "u", title: "Uppföljning", kind: .followUp, minutes: 10),
        AgendaStep(id: "v", title: "Prioritera", kind: .vote, minutes: 10, settings: ["dots": "3", "on": "activities"]),
    ])

/// The plan's two activities, followed up in step 1 and served by goals.
private let planActivities = [
    Activity(id: 40, cycleID: 1, meetingID: 7, stepID: "hur", what: "Trygghetsvandring", createdAt: 1),
    Activity(id: 41, cycleID: 1, meetingID: 7, stepID: "hur", what: "Belysning", createdAt: 2),
]

/// What the executable's store would hold: only what effects wrote.
private struct PlanStore {
    var goals: [Goal] = []
    var followUps: [FollowUp] = []
    var drafts: [String: String] = [:]
    var stepIndex = 0
    var nextID: Int64 = 100

    func stepData(_ q: StepQuery) -> StepData {
        var d = StepData(stepID: q.stepID)
        switch q.kind {
        case .goals:
            d.goals = goals
            d.activities = planActivities
        case .followUp:
            d.activities = planActivities
            d.followUps = followUps
        case .vote:
            d.activities = [] // nothing to vote on: a dot goes nowhere
        case .present, .collect, .cluster, .problem, .activities, .checklist, .rating, .summary:
            break // not in this agenda
        }
        return d
    }

    mutating func perform(_ effect: Effect) -> [Event] {
        switch effect {
        case .saveDraft(_, _, let field, let text):
            drafts[field] = text
            return []
        case .moveToStep(_, _, _, let to, _):
            stepIndex = to
            return []
        case .loadStep(let q):
            return [.stepLoaded(stepData(q))]
        case .writeStep(let w, let q, let clearing):
            switch w {
            case .saveGoal(var g):
                if let i = goals.firstIndex(where: { $0.id == g.id }) {
                    goals[i] = g
                } else {
                    g.id = nextID
                    nextID += 1
                    goals.append(g)
                }
            case .saveFollowUp(let f):
                followUps.removeAll { $0.activityID == f.activityID && $0.aspect == f.aspect }
                followUps.append(f)
            case .setFollowUpStatus(let activityID, let status, let date):
                if let i = followUps.firstIndex(where: { $0.activityID == activityID && $0.aspect == .resource }) {
                    followUps[i].status = status
                    followUps[i].date = date
                } else {
                    followUps.append(FollowUp(id: nextID, cycleID: 1, activityID: activityID, aspect: .resource, status: status,
                                              date: date, meetingID: 7, stepID: q.stepID, createdAt: 0))
                    nextID += 1
                }
            case .undoVote:
                break // Backspace in a vote: no dots to take back
            default:
                Issue.record("unexpected write \(w)")
            }
            for f in clearing?.fields ?? [] { drafts[f] = nil }
            return [.stepWritten(w, stepData(q))]
        case .recordStepTime, .quit:
            return []
        default:
            Issue.record("unexpected effect \(effect)")
            return []
        }
    }
}

/// The reference: what each field holds, by the rules of the screen.
private struct PlanModel {
    struct GoalRecord: Equatable {
        var parts: [String] // text, indicator, baseline, target, deadline, owner
        var kind: Int // GoalKind.allCases
        var activities: [Int64]
        var accepted: Bool
    }

    /// What else a goal being typed was given.
    struct Meta: Equatable {
        var kind: Int
        var activity: Int64?
        var accepted: Bool
    }

    var step = 0
    /// Typed, not yet stored, by field name.
    var lines: [String: String] = [:]
    // goals
    var goals: [GoalRecord] = []
    var item = 0, part = 0, editing: Int?
    var meta = Meta(kind: 0, activity: nil, accepted: false)
    var kept: [String: Meta] = [:] // "new" or the goal's index
    // follow-up: the stored texts by "activity/field", and statuses
    var followUp: [String: String] = [:]
    var status: [Int64: FollowUpStatus] = [:]
    var activity = 0, field = 0

    static let activityIDs: [Int64] = [40, 41]

    func trim(_ s: String) -> String { s.trimmingCharacters(in: CharacterSet(charactersIn: " \t")) }

    func goalName(_ e: Int?, _ p: Int) -> String { "g/\(e.map(String.init) ?? "new")/\(p)" }

    func goalLine(_ e: Int?, _ p: Int) -> String { lines[goalName(e, p)] ?? e.map { goals[$0].parts[p] } ?? "" }

    var followName: String { "u/\(Self.activityIDs[activity])/\(field)" }

    var followStored: String { followUp["\(Self.activityIDs[activity])/\(field)"] ?? "" }

    /// The line the keys type into now; nil in the vote.
    var line: String? {
        get {
            switch step {
            case 0: return goalLine(editing, part)
            case 1: return lines[followName] ?? followStored
            default: return nil
            }
        }
        set {
            switch step {
            case 0: lines[goalName(editing, part)] = newValue
            case 1: lines[followName] = newValue
            default: break
            }
        }
    }

    /// A follow-up field is written when changed: on leaving it, or with
    /// Enter or F3 (the line then keeps what is now stored).
    mutating func commit(staying: Bool = false) {
        guard step == 1, let typed = lines[followName] else { return }
        if !staying { lines[followName] = nil }
        if trim(typed) != followStored { followUp["\(Self.activityIDs[activity])/\(field)"] = trim(typed) }
    }

    /// The goal being typed is left (another goal, another step, quitting):
    /// its parts are kept when they hold unsaved text, and so is what else
    /// it was given.
    mutating func keepGoal() {
        guard step == 0 else { return }
        if let e = editing {
            for p in 0..<6 where lines[goalName(e, p)].map({ $0.isEmpty || trim($0) == goals[e].parts[p] }) == true {
                lines[goalName(e, p)] = nil
            }
            kept["\(e)"] = meta == Meta(kind: goals[e].kind, activity: nil, accepted: goals[e].accepted) ? nil : meta
        } else {
            for p in 0..<6 where lines[goalName(nil, p)] == "" { lines[goalName(nil, p)] = nil }
            let typing = (0..<6).contains { !(lines[goalName(nil, $0)] ?? "").isEmpty }
            kept["new"] = typing ? meta : nil
        }
    }

    mutating func startEdit(_ i: Int) {
        keepGoal()
        editing = i
        part = 0
        meta = kept["\(i)"] ?? Meta(kind: goals[i].kind, activity: nil, accepted: goals[i].accepted)
    }

    /// A new goal's fields: what was kept for it, else empty.
    mutating func backToNew() {
        editing = nil
        part = 0
        meta = kept["new"] ?? Meta(kind: 0, activity: nil, accepted: false)
    }

    /// Entering a step, or the meeting opened again: unsaved text equal to
    /// what is stored is not kept; the cursor goes to the first field with
    /// unsaved text; an edit left unsaved goes on.
    mutating func reopened() {
        lines = lines.filter { name, text in
            let parts = name.split(separator: "/").map(String.init)
            switch parts[0] {
            case "g" where parts[1] == "new": return !text.isEmpty
            case "g": return !text.isEmpty && trim(text) != goals[Int(parts[1])!].parts[Int(parts[2])!]
            default: return trim(text) != (followUp["\(parts[1])/\(parts[2])"] ?? "")
            }
        }
        item = 0
        activity = 0
        field = 0
        switch step {
        case 0:
            backToNew()
            if let i = goals.indices.first(where: { i in (0..<6).contains { lines[goalName(i, $0)] != nil } }) {
                item = i
                startEdit(i)
            }
        case 1:
            search: for (a, id) in Self.activityIDs.enumerated() {
                for f in 0..<5 where lines["u/\(id)/\(f)"] != nil {
                    activity = a
                    field = f
                    break search
                }
            }
        default:
            break
        }
    }

    mutating func restarted() {
        keepGoal()
        reopened()
    }

    mutating func press(_ key: Key) {
        switch key {
        case .char(let c):
            if let l = line { line = l + String(c) }
        case .backspace:
            if var l = line, !l.isEmpty {
                l.removeLast()
                line = l
            }
        case .pageDown, .pageUp:
            let to = step + (key == .pageDown ? 1 : -1)
            guard (0..<3).contains(to) else { return }
            keepGoal()
            commit()
            step = to
            reopened()
        case .escape:
            if step == 0 {
                let of = editing.map(String.init) ?? "new"
                for p in 0..<6 { lines["g/\(of)/\(p)"] = nil }
                kept[of] = nil
                let wasEditing = editing != nil
                if wasEditing { backToNew() } else { editing = nil; part = 0; meta = Meta(kind: 0, activity: nil, accepted: false) }
            } else if step == 1 {
                lines[followName] = nil
            }
        case .enter:
            if step == 0 {
                guard !trim(goalLine(editing, 0)).isEmpty else { return }
                let parts = (0..<6).map { trim(goalLine(editing, $0)) }
                let of = editing.map(String.init) ?? "new"
                for p in 0..<6 { lines["g/\(of)/\(p)"] = nil }
                kept[of] = nil
                if let e = editing {
                    var activities = goals[e].activities
                    if let a = meta.activity, !activities.contains(a) { activities.append(a) }
                    goals[e] = GoalRecord(parts: parts, kind: meta.kind, activities: activities, accepted: meta.accepted)
                    backToNew()
                } else {
                    goals.append(GoalRecord(parts: parts, kind: meta.kind, activities: meta.activity.map { [$0] } ?? [],
                                            accepted: meta.accepted))
                    item = goals.count - 1
                    editing = nil
                    part = 0
                    meta = Meta(kind: 0, activity: nil, accepted: false)
                }
            } else if step == 1 {
                commit()
                field = (field + 1) % 5
            }
        case .tab, .backTab:
            let d = key == .tab ? 1 : -1
            if step == 0 { part = (part + d + 6) % 6 }
            if step == 1 {
                commit()
                field = (field + d + 5) % 5
            }
        case .up, .down:
            let d = key == .up ? -1 : 1
            if step == 0 { item = max(0, min(goals.count - 1, item + d)) }
            if step == 1, (0..<2).contains(activity + d) {
                commit()
                activity += d
                field = 0 // another activity starts at its first field
            }
        case .function(3):
            if step == 0 { meta.kind = (meta.kind + 1) % 3 }
            if step == 1 {
                commit(staying: true)
                let id = Self.activityIDs[activity]
                let all = FollowUpStatus.allCases
                status[id] = status[id].map { all[(all.firstIndex(of: $0)! + 1) % all.count] } ?? all[0]
            }
        case .function(4):
            guard step == 0, goals.indices.contains(item), editing != item else { return }
            startEdit(item)
        case .function(5):
            guard step == 0 else { return }
            let ids = Self.activityIDs
            if let a = meta.activity, let i = ids.firstIndex(of: a) { meta.activity = i + 1 < ids.count ? ids[i + 1] : nil } else {
                meta.activity = ids[0]
            }
        case .ctrl("g"):
            if step == 0 { meta.accepted.toggle() }
        default:
            break
        }
    }

    /// What is stored in the field named `name`; nil for a new goal's.
    func stored(_ name: String) -> String? {
        let parts = name.split(separator: "/").map(String.init)
        switch parts[0] {
        case "g" where parts[1] == "new": return nil
        case "g": return goals[Int(parts[1])!].parts[Int(parts[2])!]
        default: return followUp["\(parts[1])/\(parts[2])"] ?? ""
        }
    }
}

@Suite struct PlanFieldModelTests {
    static let keys: [Key] = [.char("a"), .char("å"), .char(" "), .char("Ö"), .backspace, .enter, .tab, .backTab, .up, .down,
                              .pageDown, .pageUp, .escape, .function(3), .function(4), .function(5), .ctrl("g")]

    private static func open(_ store: inout PlanStore) -> AppState {
        var state = AppState(language: .sv, now: 1000, today: "2027-05-20")
        var meeting = Meeting(id: 7, cycleID: 1, agendaID: agenda.id, title: "Plan", groupCount: 2, currentStepIndex: store.stepIndex,
                              createdAt: 0)
        meeting.status = .running
        let opened = OpenedMeeting(meeting: meeting, agenda: agenda, stepSeconds: [:], notes: [], drafts: store.drafts)
        dispatch(.meetingOpened(opened), &state, &store)
        return state
    }

    private static func dispatch(_ event: Event, _ state: inout AppState, _ store: inout PlanStore) {
        var queue = [event]
        while !queue.isEmpty {
            for effect in state.update(queue.removeFirst()) { queue += store.perform(effect) }
        }
    }

    @Test("8,000 random key sequences over goals and follow-up leave the store as the model says")
    func randomSequences() {
        let seed0: Int = getenv("SAMTAL_MODEL_SEED").flatMap { Int(String(cString: $0)) } ?? 20_261_129
        var keysPerStep: [Int: Int] = [:]
        defer {
            for step in agenda.steps.indices { #expect(keysPerStep[step, default: 0] > 20_000, "step \(step)") }
        }
        for n in 0..<8_000 {
            let seed = UInt64(truncatingIfNeeded: seed0) &+ UInt64(n)
            var rng = FuzzRandom(seed: seed)
            var store = PlanStore()
            var model = PlanModel()
            store.stepIndex = Int(rng.next() % 2) // start in goals or follow-up
            model.step = store.stepIndex
            var state = Self.open(&store)
            var trail: [String] = []
            for _ in 0..<(10 + Int(rng.next() % 60)) {
                if rng.next() % 25 == 0 {
                    Self.dispatch(.key(.function(10)), &state, &store)
                    state = Self.open(&store)
                    model.restarted()
                    trail.append("F10+open")
                    continue
                }
                let key = Self.keys[Int(rng.next() % UInt64(Self.keys.count))]
                Self.dispatch(.key(key), &state, &store)
                keysPerStep[model.step, default: 0] += 1
                model.press(key)
                trail.append("\(key)")
            }
            Self.dispatch(.key(.function(10)), &state, &store)
            let failures = compare(store, model)
            if !failures.isEmpty {
                Issue.record("seed \(seed) (sequence \(n)): \(failures.joined(separator: "; "))\nkeys: \(trail.joined(separator: " "))")
                return
            }
        }
    }

    private func compare(_ store: PlanStore, _ model: PlanModel) -> [String] {
        var out: [String] = []
        let kinds = GoalKind.allCases
        let stored = store.goals.map { g in
            PlanModel.GoalRecord(parts: [g.text, g.indicator, g.baseline, g.target, g.deadline, g.owner],
                                 kind: kinds.firstIndex(of: g.kind)!, activities: g.activityIDs, accepted: g.accepted)
        }
        if stored != model.goals { out.append("goals: \(stored) ≠ \(model.goals)") }
        if store.goals.contains(where: { $0.meetingID != 7 || $0.stepID != "m" }) { out.append("a goal not of step m: \(store.goals)") }
        for id in PlanModel.activityIDs {
            for f in FollowUpField.allCases {
                let entry = store.followUps.first { $0.activityID == id && $0.aspect == f.aspect }
                let text: String
                switch f {
                case .how, .quality, .effect: text = entry?.why ?? ""
                case .resources: text = entry?.resources ?? ""
                case .measured: text = entry?.measuredValue ?? ""
                }
                let expected = model.followUp["\(id)/\(f.rawValue)"] ?? ""
                if text != expected { out.append("follow-up \(id) \(f): \"\(text)\" ≠ \"\(expected)\"") }
            }
            // A status is one chosen with F3, on the day of the meeting.
            let entry = store.followUps.first { $0.activityID == id && $0.aspect == .resource }
            let status = entry.flatMap { $0.date.isEmpty ? nil : $0.status }
            if status != model.status[id] { out.append("status \(id): \(String(describing: status)) ≠ \(String(describing: model.status[id]))") }
            if status != nil && entry?.date != "2027-05-20" { out.append("status \(id) dated \(entry?.date ?? "")") }
        }
        // Nothing typed is lost: every unsaved line is a draft in the store.
        let drafts = Set(store.drafts.values)
        for (name, text) in model.lines where !model.trim(text).isEmpty && !drafts.contains(text) {
            if model.stored(name) == model.trim(text) { continue }
            out.append("typed \"\(text)\" (\(name)) is neither stored nor a draft (drafts: \(store.drafts))")
        }
        return out
    }
}
