// The analysis workspace: a tab per link of the chain, each a list with
// the selected record's details, and the trace view over it.

import SamtalCore

extension Screens {
    static func drawWorkspace(_ grid: inout Grid, _ ws: WorkspaceState, state: AppState) {
        if let form = ws.form {
            drawForm(&grid, form, state: state)
            return
        }
        let t = state.texts
        let w = grid.size.width, h = grid.size.height
        grid.fill(Rect(x: 0, y: 0, width: w, height: 1), style: Style(.title, reverse: true))
        let cycle = ws.analysis.map { "\($0.cycle.area) · \($0.cycle.period)" } ?? ""
        grid.text(" " + truncate("\(t[.wsTitle]) · \(cycle)", width: w - 2), x: 0, y: 0, style: Style(.title, bold: true, reverse: true))
        drawTabs(&grid, ws, texts: t, y: 1)
        let body = Rect(x: 0, y: 2, width: w, height: h - 4)
        if let a = ws.analysis {
            switch ws.tab {
            case .focusAreas: drawAreasTab(&grid, ws, a, rect: body, texts: t)
            case .problem: drawProblemTab(&grid, ws, a, rect: body, texts: t)
            case .activities: drawActivitiesTab(&grid, ws, a, rect: body, texts: t)
            case .goals: drawGoalsTab(&grid, ws, a, rect: body, texts: t)
            case .promise: drawPromiseTab(&grid, ws, a, rect: body, texts: t)
            case .followUp: drawFollowUpTab(&grid, ws, a, rect: body, texts: t)
            }
        } else {
            let inner = grid.box(body)
            grid.paragraph(t[.wsLoading], in: inner, style: Style(.dim))
        }
        drawStatus(&grid, state: state, y: h - 2)
        drawKeyBar(&grid, context: ws.tab.keyContext, texts: t, y: h - 1)
        grid.cursor = nil
    }

    /// The tab row: full names when they fit, else shortened ones.
    static func drawTabs(_ grid: inout Grid, _ ws: WorkspaceState, texts t: Texts, y: Int) {
        let w = grid.size.width
        let names = WorkspaceTab.allCases.map { t[$0.title] }
        var limit = names.map { DisplayWidth.of($0) }.max() ?? 0
        func labels() -> [String] {
            names.enumerated().map { i, name in " \(i + 1) \(WorkspaceTab.allCases[i] == ws.tab ? name : truncate(name, width: limit)) " }
        }
        while limit > 3 && labels().reduce(0, { $0 + DisplayWidth.of($1) + 1 }) > w { limit -= 1 }
        var x = 0
        for (i, label) in labels().enumerated() where x < w {
            let active = WorkspaceTab.allCases[i] == ws.tab
            x = grid.text(label, x: x, y: y, style: active ? Style(.heading, bold: true, reverse: true) : Style(.dim))
            x = grid.text("│", x: x, y: y, style: Style(.border))
        }
    }

    /// A list above the selected row's details; the list keeps at least
    /// five rows (a border, a header, three rows) when the screen is short.
    static func listAndDetails(_ rect: Rect, details: Int) -> (Rect, Rect) {
        rect.splitBottom(max(0, min(details, rect.height - 5)))
    }

    /// The items joined, only as many as make `upTo` characters (a detail
    /// shows four lines; `wrap` cuts the rest with "…" all the same).
    static func joined(_ items: [String], separator: String, upTo characters: Int) -> String {
        var out = ""
        for item in items {
            if out.count > characters { break }
            LayoutWork.item()
            if !out.isEmpty { out += separator }
            out += item
        }
        return out
    }

    /// Table cells cut to their column (with "…") and padded.
    static func columns(_ cells: [String], widths: [Int]) -> String {
        zip(cells, widths).map { pad(truncate($0, width: $1), width: $1) }.joined(separator: " ")
    }

    /// A detail line "Label: value" wrapped under the label; returns rows used.
    @discardableResult
    static func detail(_ grid: inout Grid, _ label: String, _ value: String, rect: Rect, y: Int, labelWidth: Int) -> Int {
        guard y < rect.maxY else { return 0 }
        grid.text(pad(label, width: labelWidth), x: rect.x, y: y, style: Style(.dim, bold: true))
        let lines = wrap(value.isEmpty ? "–" : value, width: max(1, rect.width - labelWidth - 1), maxLines: 4)
        var used = 0
        for line in lines where y + used < rect.maxY {
            grid.text(line, x: rect.x + labelWidth + 1, y: y + used, maxX: rect.maxX)
            used += 1
        }
        return max(1, used)
    }

    /// "Label: value" lines from `y` down, as many as fit, labels aligned.
    static func details(_ grid: inout Grid, _ pairs: [(String, String)], rect: Rect, y: Int) {
        let lw = labelWidth(pairs.map(\.0), rect: rect)
        var y = y
        for (label, value) in pairs where y < rect.maxY {
            y += detail(&grid, label, value, rect: rect, y: y, labelWidth: lw)
        }
    }

    static func labelWidth(_ labels: [String], rect: Rect) -> Int {
        min(rect.width / 3, (labels.map { DisplayWidth.of($0) }.max() ?? 10) + 1)
    }

    // MARK: focus areas

    static func drawAreasTab(_ grid: inout Grid, _ ws: WorkspaceState, _ a: CycleAnalysis, rect: Rect, texts t: Texts) {
        let ix = index(a)
        let areas = ix.ranked
        let (top, bottom) = listAndDetails(rect, details: max(6, rect.height * 2 / 5))
        let inner = grid.box(top, title: "\(t[.wsTabAreas]) (\(areas.count))")
        if areas.isEmpty {
            grid.paragraph(t[.wsNoAreas], in: inner, style: Style(.dim))
        }
        let start = scrollStart(selected: ws.row, count: areas.count, height: inner.height)
        for (i, area) in areas.enumerated().dropFirst(start).prefix(inner.height) {
            LayoutWork.item()
            let rank = ix.rank[area.id].map { "\($0)." } ?? "–"
            // The markers first: they must survive a narrow screen.
            let leads = a.promiseAreas.contains(area.id)
            let merging = ws.mergeSource == area.id ? "⇢ " : ""
            var text = "\(pad(rank, width: 3)) \(merging)\(leads ? "★ " : "")\(area.name)"
            let described = ix.problem[area.id] != nil
            if described { text += " ✓" }
            text += " · \(t.areaType(area.type)) · \(t.dots(a.dots[area.id] ?? 0)) · \(t.notes(area.noteIDs.count))"
            if described { text += " · ✓ \(t[.wsProblemDescribed])" }
            if leads { text += " · ★ \(t[.wsPromiseMark])" }
            listRow(&grid, text, x: inner.x, y: inner.y + i - start, width: inner.width, selected: i == ws.row,
                    style: Style(.normal, bold: leads))
        }
        let selected = ws.rows[.focusAreas] ?? 0
        guard areas.indices.contains(selected) else {
            grid.box(bottom)
            return
        }
        let area = areas[selected]
        let d = grid.box(bottom, title: area.name)
        // The notes quoted one after another, only as far as the detail's
        // four lines can show (wrap cuts the rest with "…" all the same).
        var quoted = ""
        var characters = 0
        for id in area.noteIDs {
            if characters > 5 * d.width {
                // Counted again where it matters: a mark at a note's start
                // may join the quote before it into one character.
                characters = quoted.count
                if characters > 5 * d.width { break }
            }
            LayoutWork.item()
            guard let text = a.notes[id]?.text else { continue }
            if !quoted.isEmpty { quoted += " " }
            quoted += t.quote(text)
            characters += text.count + 3
        }
        details(&grid, [
            (t[.wsTargetPicture], area.targetPicture),
            (t[.wsNotesFrom], quoted),
            (t[.qWhat], ix.problem[area.id]?.answers[.what] ?? t[.wsProblemMissing]),
            (t[.wsTabActivities], joined((ix.activitiesOfArea[area.id] ?? []).map(\.what), separator: "; ", upTo: 5 * d.width)),
            (t[.wsTabGoals], joined((ix.goalsOfArea[area.id] ?? []).map(\.text), separator: "; ", upTo: 5 * d.width)),
        ], rect: d, y: d.y)
    }

    // MARK: problem and causes

    static func drawProblemTab(_ grid: inout Grid, _ ws: WorkspaceState, _ a: CycleAnalysis, rect: Rect, texts t: Texts) {
        let ix = index(a)
        // `WorkspaceState.currentArea`, looked up in the index.
        guard let area = ws.areaID.flatMap({ ix.area[$0] }) ?? ix.ranked.first else {
            let inner = grid.box(rect, title: t[.wsTabProblem])
            grid.paragraph(t[.wsNoAreas], in: inner, style: Style(.dim))
            return
        }
        let problem = ix.problem[area.id]
        let inner = grid.box(rect, title: "\(t[.wsTabProblem]) · \(area.name)",
                             right: a.focusAreas.count > 1 ? "F3 \(t[.wsFocusArea])" : "")
        let questions = ProblemQuestion.allCases, sides = TriangleSide.allCases
        let labels = questions.map { t[ProblemField.question($0).label] } + sides.map { t[ProblemField.triangle($0).label] }
        let lw = min(inner.width / 3, labels.map { DisplayWidth.of($0) }.max() ?? 10)
        // The rows of `WorkspaceState.problemRows` (the questions, the
        // triangle's sides, the causes in tree order), each section under
        // its heading; only the lines in view are made.
        let causes = problem.flatMap { a.causes[$0.id] } ?? []
        let depths = problem.flatMap { ix.causeDepths[$0.id] } ?? [:]
        let q = questions.count, s = sides.count
        let rowCount = q + s + causes.count
        let lineCount = q + s + 3 + max(1, causes.count)
        func line(_ n: Int) -> (text: String, style: Style, row: Int?) {
            LayoutWork.item()
            switch n {
            case 0: return (t[.problemDescription], Style(.heading, bold: true), nil)
            case 1...q:
                let value = problem?.answers[questions[n - 1]] ?? ""
                return (pad(t[ProblemField.question(questions[n - 1]).label], width: lw) + " " + (value.isEmpty ? "–" : value), .normal, n - 1)
            case q + 1: return (t[.problemTriangle], Style(.heading, bold: true), nil)
            case (q + 2)...(q + s + 1):
                let side = sides[n - q - 2]
                let value = problem?.triangle[side] ?? ""
                return (pad(t[ProblemField.triangle(side).label], width: lw) + " " + (value.isEmpty ? "–" : value), .normal, n - 2)
            case q + s + 2: return (t[.wsCausesHeading], Style(.heading, bold: true), nil)
            default:
                guard !causes.isEmpty else { return (t[.wsNoCauses], Style(.dim), nil) }
                let c = causes[n - q - s - 3]
                let depth = depths[c.id] ?? 0
                return (String(repeating: "   ", count: depth) + (depth == 0 ? "● " : "└ ") + c.text + "  [\(t.evidence(c.evidence))]",
                        Style(.normal, bold: depth == 0), n - 3)
            }
        }
        let r = ws.row
        let selectedLine = r < 0 || r >= rowCount ? 0 : r < q ? r + 1 : r < q + s ? r + 2 : r + 3
        let first = scrollStart(selected: selectedLine, count: lineCount, height: inner.height)
        for n in first..<min(lineCount, first + inner.height) {
            let line = line(n)
            let y = inner.y + n - first
            if let row = line.row {
                listRow(&grid, line.text, x: inner.x, y: y, width: inner.width, selected: row == ws.row, style: line.style)
            } else {
                grid.text(truncate(line.text, width: inner.width), x: inner.x, y: y, style: line.style)
            }
        }
    }

    // MARK: activities

    static func drawActivitiesTab(_ grid: inout Grid, _ ws: WorkspaceState, _ a: CycleAnalysis, rect: Rect, texts t: Texts) {
        let ix = index(a)
        let list = ix.ordered
        let (top, bottom) = listAndDetails(rect, details: max(10, rect.height / 2))
        let inner = grid.box(top, title: "\(t[.wsTabActivities]) (\(list.count))")
        if list.isEmpty {
            grid.paragraph(t[.wsEmptyActivities], in: inner, style: Style(.dim))
            grid.box(bottom)
            return
        }
        // Columns: no., what, responsible, period, depends on, status.
        let statusW = 11, depW = 6, whenW = min(21, max(11, inner.width / 5)), whoW = min(24, inner.width / 5)
        let whatW = max(8, inner.width - 2 - 5 - (4 + statusW + depW + whenW + whoW))
        func row(_ cols: [String]) -> String { columns(cols, widths: [4, whatW, whoW, whenW, depW, statusW]) }
        grid.text("  " + row([t[.wsOrderColumn], t[.wsActivity], t[.activityWho], t[.activityFrom] + "–" + t[.activityTo],
                               t[.wsAfterColumn], t[.wsStatus]]), x: inner.x, y: inner.y, maxX: inner.maxX, style: Style(.dim, bold: true))
        let height = max(0, inner.height - 1)
        let start = scrollStart(selected: ws.row, count: list.count, height: height)
        for (i, act) in list.enumerated().dropFirst(start).prefix(height) {
            LayoutWork.item()
            let who = [act.organisation, act.responsible].filter { !$0.isEmpty }.joined(separator: ", ")
            let when = [act.start, act.end].allSatisfy(\.isEmpty) ? "" : "\(act.start)–\(act.end)"
            let deps = act.dependsOn.compactMap { ix.number[$0] }.map(String.init).joined(separator: ",")
            let text = row(["\(i + 1).", act.what, who, when, deps, t.activityStatus(act.status)])
            listRow(&grid, text, x: inner.x, y: inner.y + 1 + i - start, width: inner.width, selected: i == ws.row,
                    style: Style(act.status == .done ? .success : act.status == .cancelled ? .dim : .normal, bold: act.priority == .high))
        }
        let selected = ws.rows[.activities] ?? 0
        guard list.indices.contains(selected) else { return }
        let act = list[selected]
        let d = grid.box(bottom, title: "\(t[.wsActivity]) \(ix.number[act.id] ?? 0)")
        let pairs: [(String, String)] = [
            (t[.wsServes], joined((ix.goalsServedBy[act.id] ?? []).map(\.text), separator: "; ", upTo: 5 * d.width)),
            (t[.activityWho], [act.organisation, act.responsible].filter { !$0.isEmpty }.joined(separator: ", ")),
            (t[.activityFrom] + "–" + t[.activityTo], [act.start, act.end].allSatisfy(\.isEmpty) ? "" : "\(act.start)–\(act.end)"),
            (t[.wsActivityHow], act.how),
            (t[.wsFocusArea], act.focusAreaID.flatMap { ix.area[$0] }?.name ?? t[.activityNoArea]),
            (t[.wsTriangleSide], act.triangleSide.map { t[ProblemField.triangle($0).label] } ?? "–"),
            (t[.wsEffectTerm], act.effectTerm.map { t.effectTerm($0) } ?? "–"),
            (t[.wsCitizens], act.involvesCitizens ? t[.wsYes] : t[.wsNo]),
            (t[.wsPriority], t.priority(act.priority)),
        ]
        details(&grid, pairs, rect: d, y: d.y)
    }

    // MARK: goals

    /// "S M A R T" with each flagged letter marked; returns the end column.
    @discardableResult
    static func smartLetters(_ grid: inout Grid, flags: [SMARTFlag], x: Int, y: Int, selected: Bool) -> Int {
        var x = x
        for letter in SMARTLetter.allCases {
            let missing = flags.contains { $0.letter == letter }
            x = grid.text(missing ? "✗" + letter.initial : "✓" + letter.initial, x: x, y: y,
                          style: Style(missing ? .error : .success, bold: true, reverse: selected))
            x = grid.text(" ", x: x, y: y, style: Style(.normal, reverse: selected))
        }
        return x
    }

    static func drawGoalsTab(_ grid: inout Grid, _ ws: WorkspaceState, _ a: CycleAnalysis, rect: Rect, texts t: Texts) {
        let goals = a.goals
        let (top, bottom) = listAndDetails(rect, details: max(8, rect.height / 2))
        let inner = grid.box(top, title: "\(t[.wsTabGoals]) (\(goals.count))")
        if goals.isEmpty {
            grid.paragraph(t[.wsEmptyGoals], in: inner, style: Style(.dim))
            grid.box(bottom)
            return
        }
        let lettersWidth = 16
        let start = scrollStart(selected: ws.row, count: goals.count, height: inner.height)
        for (i, g) in goals.enumerated().dropFirst(start).prefix(inner.height) {
            LayoutWork.item()
            let y = inner.y + i - start
            listRow(&grid, "\(i + 1). [\(t.goalKind(g.kind))] \(g.text)", x: inner.x, y: y, width: inner.width - lettersWidth,
                    selected: i == ws.row)
            if i == ws.row { grid.fill(Rect(x: inner.maxX - lettersWidth, y: y, width: lettersWidth, height: 1), style: Style(.normal, reverse: true)) }
            smartLetters(&grid, flags: g.smartFlags, x: inner.maxX - lettersWidth + 1, y: y, selected: i == ws.row)
            _ = grid.text(" ", x: inner.maxX - 1, y: y, style: Style(.normal, reverse: i == ws.row))
        }
        guard let g = ws.selectedGoal else { return }
        let d = grid.box(bottom, title: "\(t[.wsGoal]) \(ws.row + 1) · \(t.goalKind(g.kind))")
        let ix = index(a)
        let served = g.activityIDs.compactMap { ix.number[$0] }.sorted().map(String.init).joined(separator: ", ")
        let pairs: [(String, String)] = [
            (t[.wsIndicator], g.indicator), (t[.wsBaseline] + " → " + t[.wsTarget], g.baseline.isEmpty && g.target.isEmpty ? "" : "\(g.baseline.isEmpty ? "–" : g.baseline) → \(g.target.isEmpty ? "–" : g.target)"),
            (t[.wsDeadline], g.deadline), (t[.wsOwner], g.owner), (t[.wsGoalActivities], served),
        ]
        // The flags first: they are what the goal needs next.
        let flags = g.smartFlags
        let flagRows = flags.isEmpty ? 1 : min(max(1, d.height - 2), flags.count * 2)
        drawSMARTFlags(&grid, flags, rect: Rect(x: d.x, y: d.y, width: d.width, height: flagRows), texts: t)
        details(&grid, pairs, rect: d, y: d.y + flagRows)
    }

    /// Each missing letter with its reason, or that the goal passes.
    static func drawSMARTFlags(_ grid: inout Grid, _ flags: [SMARTFlag], rect: Rect, texts t: Texts) {
        guard rect.height > 0 else { return }
        if flags.isEmpty {
            grid.text("✓ " + t[.wsSmartOk], x: rect.x, y: rect.y, maxX: rect.maxX, style: Style(.success, bold: true))
            return
        }
        var y = rect.y
        // Two lines a reason when there is room, else one each.
        let linesEach = rect.height >= flags.count * 2 ? 2 : 1
        for flag in flags where y < rect.maxY {
            let label = "✗ \(flag.letter.initial) "
            grid.text(label, x: rect.x, y: y, style: Style(.error, bold: true))
            for line in wrap(flag.reason(t.language), width: max(1, rect.width - 4), maxLines: linesEach) where y < rect.maxY {
                grid.text(line, x: rect.x + 4, y: y, maxX: rect.maxX, style: Style(.warning))
                y += 1
            }
        }
    }

    // MARK: promise

    static func drawPromiseTab(_ grid: inout Grid, _ ws: WorkspaceState, _ a: CycleAnalysis, rect: Rect, texts t: Texts) {
        let areas = index(a).promiseAreaNames.joined(separator: ", ")
        let inner = grid.box(rect, title: t[.wsTabPromise], right: areas.isEmpty ? "" : "★ " + areas)
        var lines: [(text: String, style: Style, section: Int?)] = []
        for (i, section) in PromiseSection.allCases.enumerated() {
            lines.append((t[section.label], Style(.heading, bold: true), i))
            let text = a.promise?[section] ?? ""
            if text.isEmpty {
                lines.append(("  " + t[.wsEmptySection], Style(.dim), nil))
            } else {
                for line in wrap(text, width: max(1, inner.width - 4), maxLines: 6) { lines.append(("  " + line, .normal, nil)) }
            }
        }
        // How a text gets headings and points in the document, on the last
        // row (the sixteenth walk typed the real promise's headings as
        // plain lines, printed as paragraphs).
        let hinted = inner.height >= 8
        let height = hinted ? inner.height - 1 : inner.height
        if hinted {
            grid.text(truncate(t[.wsPromiseStructureHint], width: inner.width), x: inner.x, y: inner.maxY - 1, style: Style(.dim))
        }
        let selectedLine = lines.firstIndex { $0.section == ws.row } ?? 0
        let first = scrollStart(selected: selectedLine, count: lines.count, height: height)
        for (i, line) in lines.enumerated().dropFirst(first).prefix(height) {
            let y = inner.y + i - first
            if let s = line.section {
                listRow(&grid, line.text, x: inner.x, y: y, width: inner.width, selected: s == ws.row, style: line.style)
            } else {
                grid.text(truncate("  " + line.text, width: inner.width), x: inner.x, y: y, style: line.style)
            }
        }
    }

    // MARK: follow-up

    static func drawFollowUpTab(_ grid: inout Grid, _ ws: WorkspaceState, _ a: CycleAnalysis, rect: Rect, texts t: Texts) {
        let entries = a.followUps
        let (top, bottom) = listAndDetails(rect, details: max(6, rect.height / 3))
        let inner = grid.box(top, title: "\(t[.wsTabFollowUp]) (\(entries.count))")
        if entries.isEmpty {
            grid.paragraph(t[.wsEmptyFollowUps], in: inner, style: Style(.dim))
        } else {
            let dateW = 11, statusW = 15, aspectW = min(22, inner.width / 5), valueW = min(14, inner.width / 6)
            let whatW = max(8, inner.width - 2 - dateW - statusW - aspectW - valueW - 4)
            func row(_ cols: [String]) -> String { columns(cols, widths: [dateW, whatW, aspectW, statusW, valueW]) }
            grid.text("  " + row([t[.fieldDate], t[.wsConcerns], t[.wsAspect], t[.wsStatus], t[.wsMeasured]]), x: inner.x, y: inner.y,
                      maxX: inner.maxX, style: Style(.dim, bold: true))
            let height = max(0, inner.height - 1)
            let start = scrollStart(selected: ws.row, count: entries.count, height: height)
            for (i, f) in entries.enumerated().dropFirst(start).prefix(height) {
                LayoutWork.item()
                let text = row([f.date, concerns(f, a, texts: t), t.aspect(f.aspect), t.followUpStatus(f.status), f.measuredValue])
                let role: Role = f.status == .done ? .success : f.status == .notDone ? .error : .warning
                listRow(&grid, text, x: inner.x, y: inner.y + 1 + i - start, width: inner.width, selected: i == ws.row, style: Style(role))
            }
        }
        drawCommitments(&grid, a, rect: bottom, title: t[.wsCommitmentsHeading], texts: t)
    }

    /// What there is to follow up: each activity and goal with its latest
    /// follow-up. Shown on the follow-up tab, and in a follow-up meeting's
    /// step with `show: commitments`.
    static func drawCommitments(_ grid: inout Grid, _ a: CycleAnalysis, rect: Rect, title: String, texts t: Texts) {
        let d = grid.box(rect, title: title, right: a.cycle.period)
        let ix = index(a)
        let activities = ix.ordered
        if activities.isEmpty && a.goals.isEmpty {
            grid.paragraph(t[.wsNoCommitments], in: d, style: Style(.dim))
            return
        }
        func latest(_ entry: FollowUp?) -> String {
            entry.map { "\(t.followUpStatus($0.status))\($0.measuredValue.isEmpty ? "" : ", " + $0.measuredValue) (\($0.date))" }
                ?? t[.wsNotFollowedUp]
        }
        var y = d.y
        // Only as many as there are lines.
        for (i, act) in activities.prefix(max(0, d.maxY - y)).enumerated() {
            LayoutWork.item()
            let entry = ix.latestOfActivity[act.id]
            // The plan's status only until a follow-up says more.
            let status = entry == nil ? " · \(t.activityStatus(act.status))" : ""
            grid.text(truncate("\(i + 1). \(act.what)\(status) · \(t[.wsLatest]): \(latest(entry))", width: d.width),
                      x: d.x, y: y, style: Style(entry == nil ? .dim : .normal))
            y += 1
        }
        for g in a.goals.prefix(max(0, d.maxY - y)) {
            LayoutWork.item()
            let entry = ix.latestOfGoal[g.id]
            let target = [g.target, g.deadline].filter { !$0.isEmpty }.joined(separator: " ")
            grid.text(truncate("◎ \(g.text)\(target.isEmpty ? "" : " (\(target))") · \(t[.wsLatest]): \(latest(entry))", width: d.width),
                      x: d.x, y: y, style: Style(entry == nil ? .dim : .normal))
            y += 1
        }
    }

    static func concerns(_ f: FollowUp, _ a: CycleAnalysis, texts t: Texts) -> String {
        let ix = index(a)
        if let id = f.activityID, let act = ix.activity[id] {
            return "\(ix.number[id] ?? 0). \(act.what)"
        }
        if let id = f.goalID, let g = ix.goal[id] {
            return "\(t[.wsGoal]): \(g.text)"
        }
        return t[.wsWholePromise]
    }
}
