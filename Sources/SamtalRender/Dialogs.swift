// The dialogs drawn over a screen: help, confirm, and the trace.

import SamtalCore

extension Screens {
    static func centered(_ grid: Grid, width: Int, height: Int) -> Rect {
        let w = min(width, grid.size.width - 2), h = min(height, grid.size.height - 2)
        return Rect(x: (grid.size.width - w) / 2, y: (grid.size.height - h) / 2, width: w, height: h)
    }

    /// What a help dialog is drawn from: all `drawHelp` reads.
    struct HelpKey: Equatable, Sendable {
        var context: KeyContext
        var language: Language
        var scroll: Int
        var size: Size
    }

    /// Help dialogs drawn, by what they were drawn from: the rectangle and
    /// its cells (a help laid out again at every F1 was a fourth of the
    /// projector's key, issue 15).
    static let helpLayers = FrameMemo<HelpKey, (rect: Rect, cells: [Cell])>(capacity: 4)

    /// `drawHelp`, drawn once for what it is drawn from, then its cells
    /// copied over the screen (blanked first, as `drawHelp` blanks it).
    static func drawKeptHelp(_ grid: inout Grid, context: KeyContext, texts t: Texts, scroll: Int) {
        let size = grid.size
        let layer = helpLayers.value(HelpKey(context: context, language: t.language, scroll: scroll, size: size)) {
            var drawn = Grid(size)
            let rect = drawHelp(&drawn, context: context, texts: t, scroll: scroll)
            return (rect, drawn.cells(in: rect))
        }
        grid.fill(layer.rect)
        grid.put(layer.cells, in: layer.rect)
        grid.cursor = nil
    }

    /// The keys of `context` and what they do, in a box over the screen;
    /// returns the box's rectangle (nothing is drawn outside it).
    @discardableResult
    public static func drawHelp(_ grid: inout Grid, context: KeyContext, texts t: Texts, scroll: Int) -> Rect {
        let bindings = Keymap.help(for: context).filter { $0.context != .help }
        var seen = Set<String>()
        var rows = bindings.compactMap { b -> (String, String)? in
            let key = Keymap.keyText(b)
            guard seen.insert(key + t[b.help]).inserted else { return nil }
            return (key, t[b.help])
        }
        // Every context with an input line: the line's own editing keys.
        let typing = [.run, .station, .cluster, .checklist, .rating, .summary, .problem, .activities, .goals, .followUp].contains(context)
        if typing { rows += [("", ""), ("", t[.helpTyping])] }
        let keyWidth = min(24, rows.map { DisplayWidth.of($0.0) }.max() ?? 8)
        let width = min(grid.size.width - 4, 90)
        // A long description goes on under itself, not cut (80 columns
        // cut five of the meeting screen's).
        let textWidth = max(1, width - 2 - keyWidth - 3)
        let lines = rows.flatMap { key, text in
            wrap(text, width: textWidth).enumerated().map { i, line in (i == 0 ? key : "", line, key.isEmpty) }
        }
        let rect = centered(grid, width: width, height: lines.count + 4)
        grid.fill(rect)
        let inner = grid.box(rect, title: t[.helpTitle], right: "Esc")
        // Scrolled with ↑↓ when the terminal is shorter than the list.
        let visible = max(1, inner.height - 1)
        let first = min(max(0, scroll), max(0, lines.count - visible))
        var y = inner.y
        for (key, text, dim) in lines.dropFirst(first).prefix(visible) {
            grid.text(pad(key, width: keyWidth), x: inner.x + 1, y: y, style: Style(.heading, bold: true))
            grid.text(truncate(text, width: inner.width - keyWidth - 3), x: inner.x + keyWidth + 3, y: y,
                      style: dim ? Style(.dim) : .normal)
            y += 1
        }
        if first + visible < lines.count {
            grid.textRight(t[.helpMore], maxX: inner.maxX, y: inner.maxY - 1, style: Style(.dim, bold: true))
        }
        grid.cursor = nil
        return grid.clipped(rect)
    }

    /// What a delete would remove, as its text: the question names it, so
    /// the wrong one is not removed by a selection the eye missed.
    static func confirmSubject(_ what: ConfirmAction, _ state: AppState) -> String? {
        var data = StepData(stepID: "")
        var notes: [Note] = []
        switch state.screen {
        case .run(let run):
            data = run.data
            notes = run.notes
        case .workspace(let ws):
            if let a = ws.analysis {
                data.focusAreas = a.focusAreas
                data.activities = a.activities
                data.goals = a.goals
            }
        default:
            break
        }
        switch what {
        case .retireCycle(let id):
            // The cycle, and the meetings that go with it.
            guard case .home(let home) = state.screen,
                  let i = home.rows.firstIndex(where: { if case .cycle(let c) = $0 { c.id == id } else { false } }),
                  case .cycle(let c) = home.rows[i] else { return nil }
            let meetings = home.rows[(i + 1)...].prefix { if case .meeting = $0 { true } else { false } }.count
            return "\(c.area) · \(c.period) – \(state.texts.meetingCount(meetings))"
        case .deleteNote(let id): return notes.first { $0.id == id }?.text
        case .deleteFocusArea(let id): return data.focusAreas.first { $0.id == id }?.name
        case .deleteSummaryItem(let id): return data.summaryItems.first { $0.id == id }?.text
        case .deleteActivity(let id): return data.activities.first { $0.id == id }?.what
        case .deleteGoal(let id): return data.goals.first { $0.id == id }?.text
        case .deleteContribution(let id):
            return data.contributions.first { $0.id == id }.map { $0.from.isEmpty ? $0.text : "\($0.from): \($0.text)" }
        case .deleteCause, .deleteFollowUp, .finishMeeting, .overwriteExport, .quitUnsavedForm, .leaveUnstarted: return nil
        }
    }

    /// What the question adds before it is answered: finishing a meeting,
    /// the steps after this one it has not been in.
    static func confirmNote(_ what: ConfirmAction, _ state: AppState) -> String? {
        guard case .finishMeeting = what, case .run(let run) = state.screen else { return nil }
        let notRun = run.stepsNotRun
        return notRun.isEmpty ? nil : "\(state.texts[.stepsNotRun]) \(notRun.map(String.init).joined(separator: ", "))."
    }

    static func drawConfirm(_ grid: inout Grid, _ what: ConfirmAction, subject: String? = nil, note: String? = nil, texts t: Texts) {
        let question: String
        switch what {
        case .deleteNote: question = t[.confirmDelete]
        case .finishMeeting: question = t[.confirmFinish]
        case .deleteFocusArea: question = t[.confirmDeleteArea]
        case .deleteSummaryItem: question = t[.confirmDeleteItem]
        case .deleteActivity: question = t[.confirmDeleteActivity]
        case .deleteCause: question = t[.confirmDeleteCause]
        case .deleteGoal: question = t[.confirmDeleteGoal]
        case .deleteContribution: question = t[.confirmDeleteContribution]
        case .deleteFollowUp: question = t[.confirmDeleteFollowUp]
        case .overwriteExport(let request): question = "\(t[.confirmOverwrite]) \(request.output)"
        case .retireCycle: question = t[.confirmRetireCycle]
        case .quitUnsavedForm: question = t[.confirmQuitUnsavedForm]
        case .leaveUnstarted: question = t[.confirmLeaveUnstarted]
        }
        let width = min(56, grid.size.width - 8)
        let lines = wrap(question, width: width) + (note.map { wrap($0, width: width) } ?? [])
            + (subject.map { quoted($0, width: width, maxLines: 3) } ?? [])
        let rect = centered(grid, width: min(60, grid.size.width - 4), height: lines.count + 5)
        grid.fill(rect)
        let inner = grid.box(rect, style: Style(.warning, bold: true))
        for (i, line) in lines.enumerated() where inner.y + i < inner.maxY {
            grid.text(line, x: inner.x + 1, y: inner.y + i, style: Style(.normal, bold: true))
        }
        var x = inner.x + 1
        for b in Keymap.bar(for: .confirm) {
            // "j" (ja) in Swedish, "y" (yes) in English: both always work.
            let key = t.language == .en && b.action == .confirmYes ? "y" : b.keys[0].label
            x = grid.text(key, x: x, y: inner.maxY - 1, style: Style(.keyLabel, bold: true, reverse: true))
            x = grid.text(" " + t[b.barLabel!] + "   ", x: x, y: inner.maxY - 1)
        }
        grid.cursor = nil
    }

    /// A text in quotation marks, wrapped to at most `maxLines` lines; a
    /// longer one ends in "…" and its closing mark (the twenty-first
    /// session's walk: a long note was quoted cut at the dialog's edge,
    /// as if it ended there).
    static func quoted(_ text: String, width: Int, maxLines: Int) -> [String] {
        var lines = wrap("”\(text)”", width: max(1, width - 1), maxLines: maxLines)
        if let last = lines.last, !last.hasSuffix("”") { lines[lines.count - 1] = last + "”" }
        return lines
    }

    // MARK: trace

    static func drawTrace(_ grid: inout Grid, _ trace: Trace, texts t: Texts, scroll: Int) {
        let width = min(grid.size.width - 4, 100)
        var lines: [(String, Style)] = []
        for line in trace.lines {
            let indent = String(repeating: "  ", count: line.depth)
            for (i, part) in wrap(line.text, width: max(1, width - 4 - DisplayWidth.of(indent)), maxLines: 6).enumerated() {
                lines.append(((i == 0 ? indent : indent + "  ") + part, line.isHeading ? Style(.heading, bold: true) : .normal))
            }
        }
        let rect = centered(grid, width: width, height: lines.count + 3)
        grid.fill(rect)
        let inner = grid.box(rect, title: trace.title, right: "Esc")
        let visible = max(1, inner.height - 1)
        let first = min(max(0, scroll), max(0, lines.count - visible))
        for (i, (text, style)) in lines.dropFirst(first).prefix(visible).enumerated() {
            grid.text(text, x: inner.x + 1, y: inner.y + i, maxX: inner.maxX, style: style)
        }
        if first + visible < lines.count {
            grid.textRight(t[.helpMore], maxX: inner.maxX, y: inner.maxY - 1, style: Style(.dim, bold: true))
        }
        grid.cursor = nil
    }
}

// MARK: the public feedback's review

extension Screens {
    /// The whole screen: every note the public feedback would print, its
    /// decision and what it holds, the shorter text being typed, the keys.
    static func drawPublicReview(_ grid: inout Grid, _ review: PublicReviewDialog, state: AppState) {
        let t = state.texts
        let w = grid.size.width, h = grid.size.height
        grid.fill(Rect(x: 0, y: 0, width: w, height: h))
        grid.text(truncate(" \(t[.reviewTitle]): \(review.title)", width: w), x: 0, y: 0, style: Style(.heading, bold: true))
        var y = 1
        for line in wrap(t[.reviewIntro], width: max(1, w - 2), maxLines: 2) {
            grid.text(line, x: 1, y: y, style: Style(.dim))
            y += 1
        }
        grid.text(truncate(review.counts(t), width: w - 2), x: 1, y: y, style: Style(.heading))
        y += 1
        for line in wrap(t[.reviewLegend], width: max(1, w - 2), maxLines: 2) {
            grid.text(line, x: 1, y: y, style: Style(.dim))
            y += 1
        }
        let editRows = review.editing == nil ? 0 : 2
        let list = Rect(x: 1, y: y + 1, width: max(1, w - 2), height: max(1, h - y - 3 - editRows))
        // Under each step's title, as the feedback prints them.
        var items: [ListItem] = []
        for (i, item) in review.items.enumerated() {
            if i == 0 || review.items[i - 1].stepTitle != item.stepTitle {
                items.append(ListItem(text: item.stepTitle, style: Style(.heading, bold: true)))
            }
            items.append(ListItem(text: item.line(t), style: item.published ? .normal : Style(.dim), index: i))
        }
        drawList(&grid, items, selected: review.selected, rect: list)
        grid.cursor = nil
        if let field = review.editing {
            let ey = list.maxY + 1
            grid.text(truncate(t[.reviewEditing], width: w - 2), x: 1, y: ey - 1, style: Style(.heading, bold: true))
            let (shown, cursorColumn) = visibleWindow(of: field, width: max(1, w - 2))
            grid.text(shown, x: 1, y: ey, maxX: w - 1, style: Style(.input))
            grid.cursor = (1 + cursorColumn, ey)
        }
        drawStatus(&grid, state: state, y: h - 2)
        drawKeyBar(&grid, context: .review, texts: t, y: h - 1)
    }
}
