// The plan's step kinds: activities, goals and follow-up, with their lists
// (the projector shows the goals' and the follow-up's too).

import SamtalCore

extension Screens {
    /// The step's activities, numbered (what "after" refers to), and below
    /// them the activity being typed: every part, and its priority, focus
    /// area, side of the triangle, effect horizon and citizens' part, with
    /// the keys that change them.
    static func drawActivities(_ grid: inout Grid, run: RunState, rect: Rect, texts t: Texts) {
        let formHeight = min(max(0, rect.height - 4), 9)
        let (listRect, formRect) = rect.splitTop(rect.height - formHeight)
        drawActivityList(&grid, run: run, rect: listRect, texts: t)
        guard formRect.height >= 4 else { return }
        let s = run.activities
        let areaName = s.area.flatMap { id in run.data.focusAreas.first { $0.id == id }?.name } ?? t[.activityNoArea]
        let form = grid.box(formRect, title: s.editing == nil ? t[.activityNew] : t[.editingLabel], right: "\(t[.activityArea]): \(areaName)")
        let fields: [ActivityPart: TextField] = [.what: run.input, .who: s.owner, .from: s.start, .to: s.end, .how: s.how,
                                                 .organisation: s.organisation, .sequence: s.sequence, .after: s.after]
        let labelWidth = ActivityPart.allCases.map { DisplayWidth.of(t.activityPart($0)) }.max() ?? 10
        func label(_ p: ActivityPart) -> (String, Style) {
            ((p == s.part ? "▸ " : "  ") + pad(t.activityPart(p), width: labelWidth) + " ", Style(p == s.part ? .heading : .normal, bold: p == s.part))
        }
        var y = form.y
        // What and how on lines of their own (they are long, and wrap when
        // there is room), the others two by two.
        let rows: [[ActivityPart]] = [[.what], [.who, .organisation], [.from, .to], [.how], [.sequence, .after]]
        var spare = form.height - rows.count - 1
        for row in rows where y < form.maxY {
            if row.count == 1 {
                let (text, style) = label(row[0])
                let value = fields[row[0]]!.text
                let width = DisplayWidth.of(text)
                grid.text(text, x: form.x, y: y, style: style)
                let lines = grid.paragraph(value.isEmpty ? "–" : value, in: Rect(x: form.x + width, y: y, width: max(1, form.width - width),
                                                                                  height: min(1 + max(0, spare), form.maxY - y)), style: style)
                spare -= max(0, lines - 1)
                y += max(1, lines)
                continue
            }
            let half = form.width / 2
            for (k, p) in row.enumerated() {
                let (text, style) = label(p)
                let value = fields[p]!.text
                grid.text(truncate(text + (value.isEmpty ? "–" : value), width: half - 1), x: form.x + k * half, y: y, style: style)
            }
            y += 1
        }
        guard y < form.maxY else { return }
        let side = s.side.map { t[ProblemField.triangle($0).label] } ?? "–"
        let term = s.term.map { t.effectTerm($0) } ?? "–"
        let first = "[\(t.priority(s.priority))] · \(Keymap.hint(.nextActivitySide)) \(t[.activitySide]): \(side)"
        let second = "\(Keymap.hint(.nextEffectTerm)) \(t[.activityTerm]): \(term) · "
            + "\(Keymap.hint(.toggleCitizens)) \(t[.activityCitizens]): \(t[s.citizens ? .wsYes : .wsNo])"
        if DisplayWidth.of(first + " · " + second) <= form.width || y + 1 >= form.maxY {
            grid.text(truncate(first + " · " + second, width: form.width), x: form.x, y: y, style: Style(.dim))
        } else {
            grid.text(truncate(first, width: form.width), x: form.x, y: y, style: Style(.dim))
            grid.text(truncate(second, width: form.width), x: form.x, y: y + 1, style: Style(.dim))
        }
    }

    static func drawActivityList(_ grid: inout Grid, run: RunState, rect: Rect, texts t: Texts) {
        let inner = grid.box(rect, title: "\(t[.activitiesHeading]) (\(run.data.activities.count))")
        guard inner.height > 0 else { return }
        let activities = run.data.activities
        if activities.isEmpty {
            grid.paragraph(t[.activitiesEmpty], in: inner, style: Style(.dim))
            return
        }
        let dots = run.data.activityVotes.reduce(into: [Int64: Int]()) { $0[$1.activityID, default: 0] += 1 }
        let numbers = Dictionary(uniqueKeysWithValues: activities.enumerated().map { ($0.element.id, $0.offset + 1) })
        let items = activities.enumerated().map { i, a in
            var text = "\(i + 1). [\(t.priority(a.priority))] \(a.what)"
            if let n = dots[a.id] { text += " · \(t.dots(n))" }
            let who = [a.responsible, a.organisation].filter { !$0.isEmpty }.joined(separator: ", ")
            if !who.isEmpty { text += " · \(t[.activityWho]): \(who)" }
            if !a.start.isEmpty || !a.end.isEmpty { text += " · \(a.start)–\(a.end)" }
            let after = a.dependsOn.compactMap { numbers[$0] }.sorted()
            if !after.isEmpty { text += " · \(t[.activityAfter]) \(after.map(String.init).joined(separator: ", "))" }
            if let id = a.focusAreaID, let area = run.data.focusAreas.first(where: { $0.id == id }) { text += " · \(area.name)" }
            // Whose station proposed it.
            if let g = a.group { text += " · \(t.group(g))" }
            return ListItem(text: text, style: Style(.normal, bold: a.priority == .high), index: i)
        }
        drawList(&grid, items, selected: run.selectedItem, rect: inner)
    }

    /// The plan's goals with their SMART check, and below them the goal
    /// being typed: every part, its kind, area, activity and acceptance, and
    /// what SMART still asks of it, live.
    static func drawGoals(_ grid: inout Grid, run: RunState, rect: Rect, texts t: Texts) {
        let formHeight = min(max(0, rect.height - 4), max(12, rect.height * 3 / 5))
        let (listRect, formRect) = rect.splitTop(rect.height - formHeight)
        drawGoalList(&grid, run: run, rect: listRect, texts: t, selectable: true)
        guard formRect.height >= 4 else { return }
        let g = run.goals
        let areaName = g.area.flatMap { id in run.data.focusAreas.first { $0.id == id }?.name } ?? t[.activityNoArea]
        let form = grid.box(formRect, title: g.editing == nil ? t[.goalNew] : t[.editingLabel], right: "\(t[.activityArea]): \(areaName)")
        let draft = run.goalDraft
        let values: [(GoalPart, String)] = [(.text, draft.text), (.indicator, draft.indicator), (.baseline, draft.baseline),
                                            (.target, draft.target), (.deadline, draft.deadline), (.owner, draft.owner)]
        let labelWidth = values.map { DisplayWidth.of(t.goalPart($0.0)) }.max() ?? 10
        var y = form.y
        // The goal itself on a line of its own, then the other parts two by
        // two; the one being typed is marked.
        func part(_ p: GoalPart, _ value: String) -> (String, Style) {
            let text = (p == g.part ? "▸ " : "  ") + pad(t.goalPart(p), width: labelWidth) + " " + (value.isEmpty ? "–" : value)
            return (text, Style(p == g.part ? .heading : .normal, bold: p == g.part))
        }
        let (goalLine, goalStyle) = part(.text, draft.text)
        y += grid.paragraph(goalLine, in: Rect(x: form.x, y: y, width: form.width, height: min(2, form.maxY - y)), style: goalStyle,
                            indent: String(repeating: " ", count: labelWidth + 3))
        let rest = Array(values.dropFirst())
        for pair in stride(from: 0, to: rest.count, by: 2) where y < form.maxY {
            let half = form.width / 2
            for (k, (p, value)) in rest[pair..<min(pair + 2, rest.count)].enumerated() {
                let (text, style) = part(p, value)
                grid.text(truncate(text, width: half - 1), x: form.x + k * half, y: y, style: style)
            }
            y += 1
        }
        guard y < form.maxY else { return }
        // The activities it serves: those it had, and the one chosen (F5).
        let kept = g.editing.flatMap { id in run.data.goals.first { $0.id == id } }?.activityIDs ?? []
        let served = (kept + (g.activity.map { [$0] } ?? [])).reduce(into: [Int64]()) { if !$0.contains($1) { $0.append($1) } }
        let names = served.compactMap { id in run.data.activities.first { $0.id == id }?.what }
        let status = "\(t[g.accepted ? .goalAccepted : .goalNotAccepted]) · \(t.goalKind(g.kind)) · \(t[.goalActivity]): "
            + (names.isEmpty ? t[.goalNoActivity] : names.joined(separator: "; "))
        grid.text(truncate(status, width: form.width), x: form.x, y: y, style: Style(g.accepted ? .success : .dim))
        y += 1
        let flags = SMART.check(draft)
        if flags.isEmpty, y < form.maxY {
            grid.text(truncate(t[.goalPasses], width: form.width), x: form.x, y: y, style: Style(.success, bold: true))
        }
        // One line a letter, so every letter shows; the first reasons wrap
        // when there is room for all.
        let room = form.maxY - y
        for f in flags where y < form.maxY {
            let text = "\(f.letter.initial): \(f.reason(t.language))"
            let wrapLines = room >= flags.count * 2 ? 2 : 1
            y += grid.paragraph(text, in: Rect(x: form.x, y: y, width: form.width, height: min(wrapLines, form.maxY - y)),
                                style: Style(.warning), indent: "   ")
        }
    }

    /// The plan's goals, each with its kind and what SMART still lacks.
    static func drawGoalList(_ grid: inout Grid, run: RunState, rect: Rect, texts t: Texts, selectable: Bool) {
        let goals = run.data.goals
        let inner = grid.box(rect, title: "\(t[.goalsHeading]) (\(goals.count))")
        guard inner.height > 0 else { return }
        if goals.isEmpty {
            grid.paragraph(t[.goalsEmpty], in: inner, style: Style(.dim))
            return
        }
        let start = scrollStart(selected: selectable ? run.selectedItem : 0, count: goals.count, height: inner.height)
        for (i, g) in goals.enumerated().dropFirst(start).prefix(inner.height) {
            let flags = g.smartFlags
            let letters = SMARTLetter.allCases.filter { l in flags.contains { $0.letter == l } }.map(\.initial).joined()
            let check = flags.isEmpty ? "✓ SMART" : "SMART \(t[.goalLacks]) \(letters.map(String.init).joined(separator: " "))"
            let text = "[\(t.goalKind(g.kind))] \(g.text) · \(check)"
            listRow(&grid, text, x: inner.x, y: inner.y + i - start, width: inner.width, selected: selectable && i == run.selectedItem,
                    style: Style(flags.isEmpty ? .success : .normal))
        }
    }

    /// The plan's activities, each with how far it has come: this step's
    /// status, else the plan's.
    static func drawFollowUpList(_ grid: inout Grid, run: RunState, rect: Rect, texts t: Texts, selectable: Bool) {
        let activities = run.data.activities
        let done = activities.filter { run.followUpStatus(activity: $0.id) != nil }.count
        let inner = grid.box(rect, title: "\(t[.followUpHeading]) (\(done)/\(activities.count))")
        guard inner.height > 0 else { return }
        if activities.isEmpty {
            grid.paragraph(t[.followUpEmpty], in: inner, style: Style(.dim))
            return
        }
        let start = scrollStart(selected: selectable ? run.selectedItem : 0, count: activities.count, height: inner.height)
        for (i, a) in activities.enumerated().dropFirst(start).prefix(inner.height) {
            let status = run.followUpStatus(activity: a.id)
            let label = status.map { t.followUpStatus($0) } ?? "\(t[.followUpNotYet]) · \(t.activityStatus(a.status)) \(t[.followUpPlanStatus])"
            let head = "[\(label)] "
            let y = inner.y + i - start
            listRow(&grid, head + a.what, x: inner.x, y: y, width: inner.width, selected: selectable && i == run.selectedItem)
            let role: Role = switch status {
            case .done?: .success
            case .ongoing?: .warning
            case .notDone?: .error
            case nil: .dim
            }
            grid.text(head, x: inner.x + 2, y: y, maxX: inner.maxX, style: Style(role, bold: true, reverse: selectable && i == run.selectedItem))
        }
    }

    /// Follow-up: the activities above; below, the one selected with the
    /// goals it serves (baseline and target shown) and its fields.
    static func drawFollowUp(_ grid: inout Grid, run: RunState, rect: Rect, texts t: Texts) {
        let detailHeight = min(max(0, rect.height - 4), 12)
        let (listRect, detailRect) = rect.splitTop(rect.height - detailHeight)
        drawFollowUpList(&grid, run: run, rect: listRect, texts: t, selectable: true)
        guard detailRect.height >= 4, run.data.activities.indices.contains(run.followUp.item) else { return }
        let a = run.data.activities[run.followUp.item]
        let inner = grid.box(detailRect, title: a.what)
        var y = inner.y
        let goals = run.data.goals.filter { $0.activityIDs.contains(a.id) }
        for g in goals where y < inner.maxY {
            let values = g.baseline.isEmpty && g.target.isEmpty ? "" : " · \(g.indicator.isEmpty ? "" : g.indicator + ": ")\(g.baseline.isEmpty ? "–" : g.baseline) → \(g.target.isEmpty ? "–" : g.target)"
            let deadline = g.deadline.isEmpty ? "" : " · \(g.deadline)"
            grid.text(truncate("\(t[.followUpGoals]) (\(t.goalKind(g.kind))): \(g.text)\(values)\(deadline)", width: inner.width), x: inner.x,
                      y: y, style: Style(.dim))
            y += 1
        }
        let labelWidth = FollowUpField.allCases.map { DisplayWidth.of(t.followUpField($0)) }.max() ?? 10
        for field in FollowUpField.allCases where y < inner.maxY {
            let focused = field == run.followUp.field
            let value = focused ? run.input.text : run.followUpText(activity: a.id, field)
            let text = (focused ? "▸ " : "  ") + pad(t.followUpField(field), width: labelWidth) + " " + (value.isEmpty ? "–" : value)
            grid.text(truncate(text, width: inner.width), x: inner.x, y: y, style: Style(focused ? .heading : .normal, bold: focused))
            y += 1
        }
    }
}
