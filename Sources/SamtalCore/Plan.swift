// The end of the chain: goals with their SMART check, the citizen promise
// (medborgarlöfte) and the follow-up of what was promised, plus the whole
// analysis of a cycle as one value for the workspace and the documents.

/// A goal of the activity plan: what should change, how it is measured,
/// by when, who follows it up, and which activities serve it.
public struct Goal: Equatable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var cycleID: Int64
    public var focusAreaID: Int64?
    public var kind: GoalKind
    public var text: String
    public var indicator: String
    public var baseline: String
    public var target: String
    public var deadline: String
    /// Who owns the goal and follows it up.
    public var owner: String
    /// The activities that serve this goal.
    public var activityIDs: [Int64]
    /// Accepted by those who are to work for it (SMART's A, 001 line 842).
    public var accepted: Bool
    /// The meeting and step it was written in (nil: the workspace).
    public var meetingID: Int64?
    public var stepID: String?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    public init(id: Int64, cycleID: Int64, focusAreaID: Int64? = nil, kind: GoalKind = .effect, text: String,
                indicator: String = "", baseline: String = "", target: String = "", deadline: String = "",
                owner: String = "", activityIDs: [Int64] = [], accepted: Bool = false, meetingID: Int64? = nil,
                stepID: String? = nil, createdAt: Timestamp, updatedAt: Timestamp? = nil) {
        self.id = id
        self.cycleID = cycleID
        self.focusAreaID = focusAreaID
        self.kind = kind
        self.text = text
        self.indicator = indicator
        self.baseline = baseline
        self.target = target
        self.deadline = deadline
        self.owner = owner
        self.activityIDs = activityIDs
        self.accepted = accepted
        self.meetingID = meetingID
        self.stepID = stepID
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    public var draft: GoalDraft {
        GoalDraft(kind: kind, text: text, indicator: indicator, baseline: baseline, target: target, deadline: deadline,
                  owner: owner, activityCount: activityIDs.count, accepted: accepted)
    }

    /// The SMART flags of the goal as it stands; empty when it passes.
    public var smartFlags: [SMARTFlag] { SMART.check(draft) }
}

/// The parts of a citizen promise, in the order the method support lists
/// them.
public enum PromiseSection: String, CaseIterable, Sendable, Codable {
    /// The document's own title (else the cycle's area), its date and
    /// place, and the diary number it is filed under.
    case title
    case documentDate = "document_date"
    case place
    case diaryNumber = "diary_number"
    case purpose
    /// The short joint picture of the situation.
    case jointPicture = "joint_picture"
    /// The focus area(s) and how they were arrived at.
    case focus
    /// The activities and their period.
    case activities
    /// The effects sought.
    case effects
    /// How citizens can follow the work.
    case followCitizens = "follow_citizens"
    /// The organisations' public contact details (switchboard, an info
    /// address): published as written, and kept wherever else the promise
    /// repeats them.
    case contact
    case signatories
    /// The function responsible for the promises as a whole (the county's
    /// question 13; 000 line 198 names its absence as the gap).
    case owner
    /// Decided instead of signed: "Fastställt av kommunstyrelsen
    /// 2021-03-15, § 45". Stands where the signature lines would.
    case decision
    /// How long the promise is valid.
    case validity
}

/// The citizen promise of a cycle: one text per section.
public struct Promise: Equatable, Sendable, Codable {
    public var cycleID: Int64
    public var sections: [PromiseSection: String]
    public var updatedAt: Timestamp

    public init(cycleID: Int64, sections: [PromiseSection: String] = [:], updatedAt: Timestamp = 0) {
        self.cycleID = cycleID
        self.sections = sections
        self.updatedAt = updatedAt
    }

    public subscript(section: PromiseSection) -> String { sections[section] ?? "" }

    /// The sections a promise must have: not its title, date, place, diary
    /// number, contact details or decision.
    public static let required = PromiseSection.allCases.filter { !optional.contains($0) }
    public static let optional: Set<PromiseSection> = [.title, .documentDate, .place, .diaryNumber, .contact, .owner, .decision]

    /// A section's text as it may be published: without the lines that are
    /// instructions to the writer (a whole line in square brackets, as the
    /// draft leaves them).
    public func published(_ section: PromiseSection) -> String {
        self[section].split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !Self.isInstruction($0) }.joined(separator: "\n")
    }

    /// Whether a section still needs its writer: empty, or an instruction
    /// is still in it (a draft not yet gone through).
    public func needsWriting(_ section: PromiseSection) -> Bool {
        let text = self[section]
        return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            || text.split(separator: "\n").contains { Self.isInstruction($0) }
    }

    /// The required sections still to be written; a decision stands in
    /// for the signatories.
    public var missing: [PromiseSection] {
        Self.required.filter { needsWriting($0) && !($0 == .signatories && !needsWriting(.decision)) }
    }

    static func isInstruction(_ line: Substring) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        return t.count > 2 && t.hasPrefix("[") && t.hasSuffix("]")
    }
}

extension PromiseSection: CodingKeyRepresentable {}

/// What a follow-up entry looks at (the method support's three levels).
public enum FollowUpAspect: String, CaseIterable, Sendable, Codable {
    /// Resources and activities: was it done, with what.
    case resource
    /// Performance: the quality of the work done, what got in the way,
    /// what can be improved.
    case performance
    /// Effect: did the problem change.
    case effect
}

public enum FollowUpStatus: String, CaseIterable, Sendable, Codable {
    case done, ongoing, notDone = "not_done"
}

/// One follow-up of an activity or a goal (or of the promise as a whole
/// when both are nil).
public struct FollowUp: Equatable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var cycleID: Int64
    public var activityID: Int64?
    public var goalID: Int64?
    public var aspect: FollowUpAspect
    public var status: FollowUpStatus
    /// Why it went this way (required in spirit when not done).
    public var why: String
    public var measuredValue: String
    public var date: String
    /// Resource follow-up: what it took (money, staff, time).
    public var resources: String
    /// The meeting and step it was made in (nil: the workspace).
    public var meetingID: Int64?
    public var stepID: String?
    public var createdAt: Timestamp

    public init(id: Int64, cycleID: Int64, activityID: Int64? = nil, goalID: Int64? = nil,
                aspect: FollowUpAspect = .resource, status: FollowUpStatus = .ongoing, why: String = "",
                measuredValue: String = "", date: String = "", resources: String = "", meetingID: Int64? = nil,
                stepID: String? = nil, createdAt: Timestamp) {
        self.id = id
        self.cycleID = cycleID
        self.activityID = activityID
        self.goalID = goalID
        self.aspect = aspect
        self.status = status
        self.why = why
        self.measuredValue = measuredValue
        self.date = date
        self.resources = resources
        self.meetingID = meetingID
        self.stepID = stepID
        self.createdAt = createdAt
    }
}

extension FollowUp {
    /// Whether the entry says how far its subject has come: every entry
    /// made in the workspace (its status is chosen there), and a follow-up
    /// step's resource entry once a status was chosen (it is then dated).
    public var assessesStatus: Bool { meetingID == nil || (aspect == .resource && !date.isEmpty) }

    /// Whether the entry holds anything to read.
    public var isEmpty: Bool { !assessesStatus && why.isEmpty && measuredValue.isEmpty && resources.isEmpty }
}

/// A date as plans write it: YYYY-MM-DD, a day that exists.
public enum PlanDate {
    public static func isValid(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m) else { return false }
        let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return (1...days).contains(d)
    }

    /// What is wrong with a period's dates; nil when they are empty or
    /// real dates, the end not before the start.
    public static func problem(start: String, end: String) -> PeriodProblem? {
        if !start.isEmpty && !isValid(start) { return .notADate(start) }
        if !end.isEmpty && !isValid(end) { return .notADate(end) }
        if !start.isEmpty && !end.isEmpty && end < start { return .endBeforeStart }
        return nil
    }
}

public enum PeriodProblem: Equatable, Sendable {
    case notADate(String), endBeforeStart
    /// A goal's deadline outside the cycle's promise period.
    case outsidePeriod(String, first: String, last: String)
}

/// A cycle's promise period as written ("2027", "2027 Q2", "2027–2028",
/// "2026-2027", "2026/27", "hösten 2026", "2027-03", "2021-02-01 – 2022-01-31"),
/// read as its first and last day. Free text
/// that is none of these has no range and is not checked.
public enum CyclePeriod {
    public static func range(_ period: String) -> (first: String, last: String)? {
        let t = period.trimmingCharacters(in: .whitespaces)
        func year(_ s: Substring) -> Int? { s.count == 4 && s.allSatisfy { $0.isASCII && $0.isNumber } ? Int(s) : nil }
        /// A year written with two digits ("26"): this century.
        func shortYear(_ s: Substring) -> Int? { s.count == 2 && s.allSatisfy { $0.isASCII && $0.isNumber } ? 2000 + Int(s)! : nil }
        if let y = year(Substring(t)) { return ("\(y)-01-01", "\(y)-12-31") }
        if let m = month(t) { return m }
        // Two years joined by a plain dash, a slash or a dash: 2026-2027, 2026/2027, 2026/27, 2026–27.
        for separator in ["-", "/", "–", "—"] {
            let ends = t.components(separatedBy: separator)
            if ends.count == 2, let a = year(Substring(ends[0])) {
                let b = year(Substring(ends[1])) ?? (ends[1].count == 2 ? Int(ends[1]).map { a / 100 * 100 + $0 } : nil)
                if let b, ends[1].allSatisfy({ $0.isASCII && $0.isNumber }) { return ("\(a)-01-01", "\(b)-12-31") }
            }
        }
        let words = t.split(separator: " ")
        // A season or a term: våren or VT (January–June), hösten or HT
        // (July–December), written "HT 2026", "ht26" or "HT-26" too.
        let season: (word: String, year: Int)? = {
            if words.count == 2, let y = year(words[1]) ?? shortYear(words[1]) { return (words[0].lowercased(), y) }
            let lower = t.lowercased()
            for term in ["ht", "vt"] where lower.hasPrefix(term) {
                let rest = lower.dropFirst(2).drop { $0 == "-" || $0 == " " }
                if let y = year(rest) ?? shortYear(rest) { return (term, y) }
            }
            return nil
        }()
        if let (word, y) = season {
            switch word {
            case "vår", "våren", "vt", "spring": return ("\(y)-01-01", "\(y)-06-30")
            case "höst", "hösten", "ht", "autumn", "fall": return ("\(y)-07-01", "\(y)-12-31")
            default: break
            }
        }
        if words.count == 2, let y = year(words[0]), words[1].uppercased().hasPrefix("Q"), let q = Int(words[1].dropFirst()), (1...4).contains(q) {
            let ends = ["03-31", "06-30", "09-30", "12-31"]
            return ("\(y)-" + String(format: "%02d", (q - 1) * 3 + 1) + "-01", "\(y)-\(ends[q - 1])")
        }
        // Two ends joined by a dash or "till": years or dates.
        for separator in [" – ", " — ", " - ", " till ", "–", "—"] {
            let ends = t.components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespaces) }
            guard ends.count == 2 else { continue }
            if let a = year(Substring(ends[0])), let b = year(Substring(ends[1])) { return ("\(a)-01-01", "\(b)-12-31") }
            if PlanDate.isValid(ends[0]) && PlanDate.isValid(ends[1]) { return (ends[0], ends[1]) }
            if let a = month(ends[0]), let b = month(ends[1]) { return (a.first, b.last) }
        }
        return nil
    }

    /// A month written YYYY-MM, as its first and last day.
    static func month(_ t: String) -> (first: String, last: String)? {
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) else { return nil }
        let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return ("\(parts[0])-\(parts[1])-01", "\(parts[0])-\(parts[1])-\(days)")
    }

    /// What is wrong with a period written as two dates or years: a date
    /// that does not exist, or the end before the start. Nil for any other
    /// text.
    public static func problem(_ period: String) -> PeriodProblem? {
        let t = period.trimmingCharacters(in: .whitespaces)
        for separator in [" – ", " — ", " - ", " till "] {
            let ends = t.components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespaces) }
            guard ends.count == 2, ends.allSatisfy({ $0.first?.isNumber == true && $0.count == 10 }) else { continue }
            return PlanDate.problem(start: ends[0], end: ends[1])
        }
        if let r = range(t), r.last < r.first { return .endBeforeStart }
        return nil
    }
}

// MARK: order of activities

public enum ActivityOrder {
    /// The dependency cycle that `activity` depending on `dependsOn` would
    /// close, as a path of ids from `activity` back to itself; nil when
    /// there is none. `edges` are the current dependencies (id → the ids it
    /// depends on); the activity's own current edges are replaced.
    public static func cycle(adding dependsOn: [Int64], to activity: Int64, in edges: [Int64: [Int64]]) -> [Int64]? {
        var edges = edges
        edges[activity] = dependsOn
        // Depth-first search from each dependency for a way back.
        var visited: Set<Int64> = []
        func path(from id: Int64) -> [Int64]? {
            if id == activity { return [id] }
            guard visited.insert(id).inserted else { return nil }
            for next in edges[id] ?? [] {
                if let rest = path(from: next) { return [id] + rest }
            }
            return nil
        }
        for first in dependsOn {
            if let rest = path(from: first) { return [activity] + rest }
        }
        return nil
    }

    /// The activities in plan order: by sequence number (unset last), then
    /// so that every activity comes after those it depends on, then in
    /// creation order.
    public static func sorted(_ activities: [Activity]) -> [Activity] {
        let base = activities.sorted {
            let a = $0.sequence == 0 ? Int.max : $0.sequence, b = $1.sequence == 0 ? Int.max : $1.sequence
            return (a, $0.createdAt, $0.id) < (b, $1.createdAt, $1.id)
        }
        let ids = Set(base.map(\.id))
        var placed: Set<Int64> = []
        var result: [Activity] = []
        var pending = base
        while !pending.isEmpty {
            // The first activity whose dependencies are all placed; if a
            // stored cycle blocks every one, the first in line goes.
            let i = pending.firstIndex { a in a.dependsOn.allSatisfy { placed.contains($0) || !ids.contains($0) } } ?? 0
            let next = pending.remove(at: i)
            placed.insert(next.id)
            result.append(next)
        }
        return result
    }
}

// MARK: the cycle's analysis as one value

/// Everything the analysis workspace and the cycle's documents show, read
/// in one transaction: the same records the meetings wrote.
public struct CycleAnalysis: Equatable, Sendable {
    public var cycle: Cycle
    /// Oldest first.
    public var meetings: [Meeting]
    /// Live focus areas, oldest first.
    public var focusAreas: [FocusArea]
    /// Dots per focus area in the meeting that decided the priority (the
    /// latest that voted; `Ranking.decisive`).
    public var dots: [Int64: Int]
    /// Dots per focus area in the meetings before it: input to the
    /// decision, shown beside it.
    public var earlierDots: [Int64: Int] = [:]
    /// The meeting whose vote decided the priority.
    public var decidedIn: Int64?
    /// Dots per activity in the latest meeting that voted on activities
    /// (activity planning's, else the HOW dialogue's).
    public var activityDots: [Int64: Int] = [:]
    /// Focus areas that lead to the promise.
    public var promiseAreas: Set<Int64>
    public var problems: [Problem]
    /// Each problem's causes in tree order (parent before children).
    public var causes: [Int64: [Cause]]
    public var activities: [Activity]
    public var goals: [Goal]
    public var promise: Promise?
    public var followUps: [FollowUp]
    /// The notes the focus areas were built from, by id.
    public var notes: [Int64: Note]

    public init(cycle: Cycle, meetings: [Meeting] = [], focusAreas: [FocusArea] = [], dots: [Int64: Int] = [:],
                promiseAreas: Set<Int64> = [], problems: [Problem] = [], causes: [Int64: [Cause]] = [:],
                activities: [Activity] = [], goals: [Goal] = [], promise: Promise? = nil, followUps: [FollowUp] = [],
                notes: [Int64: Note] = [:]) {
        self.cycle = cycle
        self.meetings = meetings
        self.focusAreas = focusAreas
        self.dots = dots
        self.promiseAreas = promiseAreas
        self.problems = problems
        self.causes = causes
        self.activities = activities
        self.goals = goals
        self.promise = promise
        self.followUps = followUps
        self.notes = notes
    }

    /// Focus areas by priority: most dots first, then oldest.
    public var rankedFocusAreas: [FocusArea] {
        focusAreas.enumerated().sorted { a, b in
            let da = dots[a.element.id] ?? 0, db = dots[b.element.id] ?? 0
            return da != db ? da > db : a.offset < b.offset
        }.map(\.element)
    }

    /// The priority rank of a focus area (1 = most dots); nil when no dots.
    public func rank(of areaID: Int64) -> Int? {
        guard (dots[areaID] ?? 0) > 0 else { return nil }
        return (rankedFocusAreas.firstIndex { $0.id == areaID }).map { $0 + 1 }
    }

    public func focusArea(_ id: Int64?) -> FocusArea? {
        guard let id else { return nil }
        return focusAreas.first { $0.id == id }
    }

    /// The focus area's problem: the most recently changed live one.
    public func problem(for areaID: Int64) -> Problem? {
        problems.filter { $0.focusAreaID == areaID }.max { ($0.updatedAt, $0.id) < ($1.updatedAt, $1.id) }
    }

    public func meeting(_ id: Int64) -> Meeting? { meetings.first { $0.id == id } }

    /// Activities in plan order.
    public var orderedActivities: [Activity] { ActivityOrder.sorted(activities) }

    /// The number an activity is shown with (1-based, plan order).
    public func number(ofActivity id: Int64) -> Int? {
        orderedActivities.firstIndex { $0.id == id }.map { $0 + 1 }
    }

    public func activity(number: Int) -> Activity? {
        let list = orderedActivities
        return list.indices.contains(number - 1) ? list[number - 1] : nil
    }

    /// The goals an activity serves.
    public func goals(servedBy activityID: Int64) -> [Goal] {
        goals.filter { $0.activityIDs.contains(activityID) }
    }

    /// The depth of each cause in its tree (0: a direct cause).
    public func causeDepths(problemID: Int64) -> [Int64: Int] {
        var depth: [Int64: Int] = [:]
        for c in causes[problemID] ?? [] {
            depth[c.id] = c.parentID.flatMap { depth[$0].map { $0 + 1 } } ?? 0
        }
        return depth
    }
}
