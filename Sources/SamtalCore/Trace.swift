// Traceability: from an activity, a goal, a promise section or a focus
// area, the chain back to the notes the room wrote, with their meetings
// and sources. County reviews found promises with no visible tie to the
// problems; this view makes the tie visible.

public struct TraceLine: Equatable, Sendable {
    /// 0 for the record itself, one more per step back in the chain.
    public var depth: Int
    public var text: String
    public var isHeading: Bool

    public init(depth: Int, text: String, isHeading: Bool = false) {
        self.depth = depth
        self.text = text
        self.isHeading = isHeading
    }
}

public struct Trace: Equatable, Sendable {
    public var title: String
    public var lines: [TraceLine]
}

extension Trace {
    /// The chain behind the selected row of the workspace; nil when the
    /// tab has nothing selected.
    public static func build(for ws: WorkspaceState, texts t: Texts) -> Trace? {
        guard let a = ws.analysis else { return nil }
        var lines: [TraceLine] = []
        switch ws.tab {
        case .activities:
            guard let act = ws.selectedActivity else { return nil }
            lines.append(TraceLine(depth: 0, text: "\(t[.wsActivity]) \(a.number(ofActivity: act.id) ?? 0): \(act.what)", isHeading: true))
            for g in a.goals(servedBy: act.id) {
                lines.append(TraceLine(depth: 1, text: "\(t[.wsServes]): \(g.text)"))
            }
            lines += areaChain(a.focusArea(act.focusAreaID), a, depth: 1, texts: t)
            return Trace(title: t[.wsTraceTitle], lines: lines)
        case .goals:
            guard let g = ws.selectedGoal else { return nil }
            lines.append(TraceLine(depth: 0, text: "\(t.goalKind(g.kind)): \(g.text)", isHeading: true))
            for id in g.activityIDs {
                if let act = a.activities.first(where: { $0.id == id }) {
                    lines.append(TraceLine(depth: 1, text: "\(t[.wsActivity]) \(a.number(ofActivity: id) ?? 0): \(act.what)"))
                }
            }
            lines += areaChain(a.focusArea(g.focusAreaID), a, depth: 1, texts: t)
            return Trace(title: t[.wsTraceTitle], lines: lines)
        case .promise:
            let section = PromiseSection.allCases[min(ws.row, PromiseSection.allCases.count - 1)]
            lines.append(TraceLine(depth: 0, text: "\(t[.wsTabPromise]) · \(t[section.label])", isHeading: true))
            let areas = a.rankedFocusAreas.filter { a.promiseAreas.contains($0.id) }
            if areas.isEmpty { lines.append(TraceLine(depth: 1, text: t[.wsNoPromiseAreas])) }
            for area in areas {
                lines += areaChain(area, a, depth: 1, texts: t)
            }
            return Trace(title: t[.wsTraceTitle], lines: lines)
        case .focusAreas, .problem:
            let area = ws.tab == .focusAreas ? ws.selectedArea : ws.currentArea
            guard area != nil else { return nil }
            return Trace(title: t[.wsTraceTitle], lines: areaChain(area, a, depth: 0, texts: t))
        case .followUp:
            guard let f = ws.selectedFollowUp else { return nil }
            lines.append(TraceLine(depth: 0, text: "\(t[.wsTabFollowUp]) \(f.date): \(t.followUpStatus(f.status))", isHeading: true))
            if let id = f.activityID, let act = a.activities.first(where: { $0.id == id }) {
                lines.append(TraceLine(depth: 1, text: "\(t[.wsActivity]) \(a.number(ofActivity: id) ?? 0): \(act.what)"))
                lines += areaChain(a.focusArea(act.focusAreaID), a, depth: 2, texts: t)
            } else if let id = f.goalID, let g = a.goals.first(where: { $0.id == id }) {
                lines.append(TraceLine(depth: 1, text: "\(t.goalKind(g.kind)): \(g.text)"))
                lines += areaChain(a.focusArea(g.focusAreaID), a, depth: 2, texts: t)
            }
            return Trace(title: t[.wsTraceTitle], lines: lines)
        }
    }

    /// A focus area, its problem and causes, and the notes it was built
    /// from with their meetings and sources.
    static func areaChain(_ area: FocusArea?, _ a: CycleAnalysis, depth: Int, texts t: Texts) -> [TraceLine] {
        guard let area else { return [TraceLine(depth: depth, text: t[.wsNoAreaLinked])] }
        var lines: [TraceLine] = []
        let dots = a.dots[area.id] ?? 0
        lines.append(TraceLine(depth: depth, text: "\(t[.wsFocusArea]): \(area.name)\(t.chosenAreaType(area.type).map { " (\($0))" } ?? "") · \(t.dots(dots))",
                               isHeading: true))
        if !area.targetPicture.isEmpty {
            lines.append(TraceLine(depth: depth + 1, text: "\(t[.wsTargetPicture]): \(area.targetPicture)"))
        }
        if let problem = a.problem(for: area.id) {
            if let what = problem.answers[.what] {
                lines.append(TraceLine(depth: depth + 1, text: "\(t[.qWhat]): \(what)"))
            }
            let depths = a.causeDepths(problemID: problem.id)
            for c in a.causes[problem.id] ?? [] {
                let level = depths[c.id] ?? 0
                lines.append(TraceLine(depth: depth + 1 + level, text: "\(t[.problemWhy]) \(level + 1): \(c.text) [\(t.evidence(c.evidence))]"))
            }
        }
        let notes = area.noteIDs.compactMap { a.notes[$0] }
        lines.append(TraceLine(depth: depth + 1, text: "\(t[.wsNotesFrom]) (\(notes.count)):", isHeading: true))
        for note in notes {
            let meeting = a.meeting(note.meetingID)
            let from = [meeting?.title, meeting?.facts.date].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            lines.append(TraceLine(depth: depth + 2,
                                   text: "\(t.quote(note.text)) — \(from), \(t.group(note.group)), \(t.source(note.source))"))
        }
        return lines
    }
}
