// What the workspace's tabs look up in a cycle's analysis (a focus area's
// rank and problem, an activity's number, a record's latest follow-up),
// worked out once for each analysis read, not for every row of every
// frame (issue 15): a key in a list of 3,000 costs what one in 30 does.

import SamtalCore

struct AnalysisIndex: Sendable {
    /// Focus areas by priority (`CycleAnalysis.rankedFocusAreas`).
    var ranked: [FocusArea] = []
    /// `CycleAnalysis.rank(of:)`: only areas with dots have one.
    var rank: [Int64: Int] = [:]
    var area: [Int64: FocusArea] = [:]
    /// `CycleAnalysis.problem(for:)`, by focus area.
    var problem: [Int64: Problem] = [:]
    /// Activities in plan order, and each one's number in it.
    var ordered: [Activity] = []
    var number: [Int64: Int] = [:]
    var activity: [Int64: Activity] = [:]
    var goal: [Int64: Goal] = [:]
    /// A focus area's activities (plan order) and goals.
    var activitiesOfArea: [Int64: [Activity]] = [:]
    var goalsOfArea: [Int64: [Goal]] = [:]
    /// `CycleAnalysis.goals(servedBy:)`.
    var goalsServedBy: [Int64: [Goal]] = [:]
    /// The latest follow-up of each activity and goal.
    var latestOfActivity: [Int64: FollowUp] = [:]
    var latestOfGoal: [Int64: FollowUp] = [:]
    /// `CycleAnalysis.causeDepths(problemID:)`, by problem.
    var causeDepths: [Int64: [Int64: Int]] = [:]
    /// The names of the areas that lead to the promise, by priority.
    var promiseAreaNames: [String] = []

    init(_ a: CycleAnalysis) {
        LayoutWork.visited(a.focusAreas.count + a.problems.count + a.activities.count + a.goals.count + a.followUps.count
                           + a.causes.values.reduce(0) { $0 + $1.count })
        ranked = a.rankedFocusAreas
        for (i, x) in ranked.enumerated() where (a.dots[x.id] ?? 0) > 0 && rank[x.id] == nil { rank[x.id] = i + 1 }
        for x in a.focusAreas where area[x.id] == nil { area[x.id] = x }
        for p in a.problems {
            guard let id = p.focusAreaID else { continue }
            if let kept = problem[id], (kept.updatedAt, kept.id) >= (p.updatedAt, p.id) { continue }
            problem[id] = p
        }
        ordered = a.orderedActivities
        for (i, x) in ordered.enumerated() where number[x.id] == nil { number[x.id] = i + 1 }
        for x in a.activities where activity[x.id] == nil { activity[x.id] = x }
        for x in a.goals where goal[x.id] == nil { goal[x.id] = x }
        for x in ordered { if let id = x.focusAreaID { activitiesOfArea[id, default: []].append(x) } }
        for g in a.goals {
            if let id = g.focusAreaID { goalsOfArea[id, default: []].append(g) }
            var seen = Set<Int64>()
            for id in g.activityIDs where seen.insert(id).inserted { goalsServedBy[id, default: []].append(g) }
        }
        for f in a.followUps {
            if let id = f.activityID { latestOfActivity[id] = f }
            if let id = f.goalID { latestOfGoal[id] = f }
        }
        for id in a.causes.keys { causeDepths[id] = a.causeDepths(problemID: id) }
        promiseAreaNames = ranked.filter { a.promiseAreas.contains($0.id) }.map(\.name)
    }
}

extension Screens {
    static let analysisIndexes = FrameMemo<CycleAnalysis, AnalysisIndex>(capacity: 4)

    /// The index of `a`, kept while the analysis is the one read.
    static func index(_ a: CycleAnalysis) -> AnalysisIndex {
        analysisIndexes.value(a) { AnalysisIndex(a) }
    }
}
