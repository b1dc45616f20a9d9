// Every screen of the application, drawn from the state into a grid.
// Pure: the same state and size give the same grid.

import SamtalCore

public enum Screens {
    /// Below this the screens do not fit; a message says so instead.
    public static let minimumSize = Size(width: 60, height: 16)

    public static func render(_ state: AppState, size: Size) -> Grid {
        var grid = Grid(size)
        guard size.width >= minimumSize.width, size.height >= minimumSize.height else {
            drawTooSmall(&grid, texts: state.texts)
            return grid
        }
        switch state.screen {
        case .home(let home): drawHome(&grid, home, state: state)
        case .form(let form): drawForm(&grid, form, state: state)
        case .run(let run):
            switch run.role {
            case .facilitator: drawRun(&grid, run, state: state)
            case .projector: drawPresent(&grid, run, state: state)
            case .station: drawStation(&grid, run, state: state)
            }
        case .workspace(let ws): drawWorkspace(&grid, ws, state: state)
        case .detached:
            break // never seen outside `update`
        }
        switch state.dialog {
        case .help(let context)?: drawHelp(&grid, context: context, texts: state.texts, scroll: state.helpScroll)
        case .confirm(let what)?: drawConfirm(&grid, what, subject: confirmSubject(what, state), texts: state.texts)
        case .trace(let trace)?: drawTrace(&grid, trace, texts: state.texts, scroll: state.helpScroll)
        case nil: break
        }
        return grid
    }

    // MARK: too small

    static func drawTooSmall(_ grid: inout Grid, texts: Texts) {
        let s = grid.size
        let message = "\(texts[.tooSmall]) (\(s.width)×\(s.height)). "
            + (texts.language == .sv ? "Minst" : "At least") + " \(minimumSize.width)×\(minimumSize.height)."
        let lines = wrap(message, width: s.width)
        let top = max(0, (s.height - lines.count) / 2)
        for (i, line) in lines.prefix(s.height).enumerated() {
            grid.text(line, x: max(0, (s.width - DisplayWidth.of(line)) / 2), y: top + i, style: Style(.warning, bold: true))
        }
    }

    // MARK: home

    static func drawHome(_ grid: inout Grid, _ home: HomeState, state: AppState) {
        let t = state.texts
        let w = grid.size.width, h = grid.size.height
        grid.fill(Rect(x: 0, y: 0, width: w, height: 1), style: Style(.title, reverse: true))
        grid.text(" " + t[.homeTitle], x: 0, y: 0, style: Style(.title, bold: true, reverse: true))
        let inner = grid.box(Rect(x: 0, y: 1, width: w, height: h - 3))
        if home.rows.isEmpty {
            grid.paragraph(t[.homeEmpty], in: inner.inset(1), style: Style(.dim))
        } else {
            let visible = inner.height
            let first = max(0, min(home.selection - visible / 2, home.rows.count - visible))
            for (i, row) in home.rows.enumerated().dropFirst(first).prefix(visible) {
                let y = inner.y + i - first
                let selected = i == home.selection
                let line: String
                var style: Style
                switch row {
                case .cycle(let c):
                    line = "\(t[.homeCycle]): \(c.area) · \(c.period)"
                    style = Style(.heading, bold: true)
                case .meeting(let m):
                    let date = m.facts.date.isEmpty ? "          " : pad(m.facts.date, width: 10)
                    line = "    \(date)  \(m.title) · \(t.status(m.status))"
                    style = Style(.normal)
                }
                if selected { style.reverse = true }
                grid.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: selected ? style : .normal)
                grid.text(truncate(line, width: inner.width), x: inner.x, y: y, maxX: inner.maxX, style: style)
                if case .cycle = row, !home.rows.indices.contains(i + 1) || { if case .cycle = home.rows[i + 1] { return true }; return false }() {
                    let x = inner.x + DisplayWidth.of(line) + 3
                    if x < inner.maxX { grid.text(t[.homeNoMeetings], x: x, y: y, maxX: inner.maxX, style: Style(.dim)) }
                }
            }
        }
        drawStatus(&grid, state: state, y: h - 2)
        drawKeyBar(&grid, context: .home, texts: t, y: h - 1)
    }

    static func drawStatus(_ grid: inout Grid, state: AppState, y: Int) {
        guard let status = state.status else { return }
        let style = Style(status.isError ? .error : .success, bold: true)
        grid.fill(Rect(x: 0, y: y, width: grid.size.width, height: 1))
        grid.text(" " + truncate(status.text, width: grid.size.width - 2), x: 0, y: y, style: style)
    }

    // MARK: forms

    static func drawForm(_ grid: inout Grid, _ form: Form, state: AppState) {
        let t = state.texts
        let w = grid.size.width, h = grid.size.height
        let title: String
        switch form.purpose {
        case .newCycle: title = t[.formNewCycle]
        case .newMeeting: title = t[.formNewMeeting]
        case .facts: title = t[.formFacts]
        case .workspace(let which): title = workspaceFormTitle(which, texts: t)
        case .export(let subject):
            switch subject {
            case .meeting(let id): title = "\(t[.formExport]) · \(t[.homeMeeting]) \(id)"
            case .cycle(let id): title = "\(t[.formExport]) · \(t[.homeCycle]) \(id)"
            }
        }
        grid.fill(Rect(x: 0, y: 0, width: w, height: 1), style: Style(.title, reverse: true))
        grid.text(" " + title, x: 0, y: 0, style: Style(.title, bold: true, reverse: true))
        let inner = grid.box(Rect(x: 0, y: 1, width: w, height: h - 3))
        var labelWidth = min(18, max(12, inner.width / 4))
        switch form.purpose {
        case .newCycle, .newMeeting, .facts: break
        case .workspace, .export:
            // Record forms have longer labels; they get up to two fifths.
            labelWidth = min(inner.width * 2 / 5, max(labelWidth, (form.fields.map { DisplayWidth.of(t[$0.label]) + 2 }.max() ?? 0)))
        }
        var y = inner.y + 1
        for (i, field) in form.fields.enumerated() where y < inner.maxY {
            let focused = form.focus == i
            grid.text(pad(t[field.label] + (field.required ? " *" : ""), width: labelWidth), x: inner.x + 1, y: y,
                      style: Style(focused ? .heading : .normal, bold: focused))
            let fx = inner.x + 2 + labelWidth
            let fw = inner.maxX - fx - 1
            switch field.value {
            case .text(let tf):
                // A field not being edited shows its beginning.
                let (shown, cursorColumn) = focused ? visibleWindow(of: tf, width: fw) : (truncate(tf.text, width: fw), 0)
                grid.fill(Rect(x: fx, y: y, width: fw, height: 1), style: Style(.input, underline: true))
                grid.text(shown, x: fx, y: y, maxX: fx + fw, style: Style(.input, bold: focused, underline: true))
                if focused { grid.cursor = (fx + cursorColumn, y) }
            case .choice(_, let labels, let index):
                let label = labels.isEmpty ? "–" : labels[index]
                let s = "◀ " + label + " ▶"
                grid.text(truncate(s, width: fw), x: fx, y: y, maxX: fx + fw, style: Style(.input, bold: focused, reverse: focused))
                if focused { grid.cursor = nil }
            }
            y += 1
        }
        if let rows = form.participants {
            y += 1
            let columns = ParticipantColumn.allCases
            let numberWidth = 9
            let kindWidth = 15
            let orgWidth = max(10, inner.width - 2 - (numberWidth + 1) * ParticipantColumn.counts.count - (kindWidth + 1))
            func columnX(_ c: ParticipantColumn) -> Int {
                switch c {
                case .organisation: return inner.x + 1
                case .kind: return inner.x + 1 + orgWidth + 1
                case .count, .women, .men, .other:
                    return inner.x + 1 + orgWidth + 1 + kindWidth + 1 + (c.rawValue - ParticipantColumn.count.rawValue) * (numberWidth + 1)
                }
            }
            func columnWidth(_ c: ParticipantColumn) -> Int {
                switch c {
                case .organisation: return orgWidth
                case .kind: return kindWidth
                case .count, .women, .men, .other: return numberWidth
                }
            }
            if y < inner.maxY {
                grid.text(t[.participantsHeading], x: inner.x + 1, y: y, style: Style(.heading, bold: true))
                y += 1
            }
            if y < inner.maxY {
                for c in columns {
                    grid.text(truncate(t[c.label], width: columnWidth(c)), x: columnX(c), y: y, style: Style(.dim))
                }
                y += 1
            }
            if rows.isEmpty, y < inner.maxY {
                grid.text(t[.participantsEmpty], x: inner.x + 1, y: y, maxX: inner.maxX, style: Style(.dim))
                y += 1
            }
            // Keep the focused row in view when the table is long.
            let room = max(1, inner.maxY - y - 2)
            let focusRow = form.focusedCell?.row ?? 0
            let firstRow = max(0, min(focusRow - room + 1, rows.count - room))
            for (r, cells) in rows.enumerated().dropFirst(firstRow).prefix(room) where y < inner.maxY {
                for c in columns {
                    let focused = form.focusedCell.map { $0.row == r && $0.column == c } ?? false
                    let cw = columnWidth(c)
                    let (shown, cursorColumn) = visibleWindow(of: cells[c.rawValue], width: cw)
                    grid.fill(Rect(x: columnX(c), y: y, width: cw, height: 1), style: Style(.input, underline: true))
                    grid.text(shown, x: columnX(c), y: y, maxX: columnX(c) + cw, style: Style(.input, bold: focused, underline: true))
                    if focused { grid.cursor = (columnX(c) + cursorColumn, y) }
                }
                y += 1
            }
            if !rows.isEmpty, y < inner.maxY, case .success(let parsed) = form.participantRows(t) {
                let facts = MethodFacts(participants: parsed)
                let totals = [facts.totalHeadCount, facts.totalWomen, facts.totalMen, facts.totalOtherOrUnstated]
                grid.text(t[.participantsTotal], x: columnX(.organisation), y: y, style: Style(.dim, bold: true))
                for (c, n) in zip(ParticipantColumn.counts, totals) {
                    grid.text(String(n), x: columnX(c), y: y, style: Style(.dim, bold: true))
                }
                y += 1
                if let bad = parsed.firstIndex(where: { !$0.splitAddsUp }), y < inner.maxY {
                    grid.text(truncate("\(t[.warningSplit]) \(bad + 1)", width: inner.width - 2), x: inner.x + 1, y: y,
                              style: Style(.warning))
                }
            }
        }
        if let intro = form.intro, !intro.isEmpty, y + 2 < inner.maxY {
            // What the meeting is for, under its facts (at most a third of
            // the form).
            let rect = Rect(x: inner.x + 1, y: y + 1, width: inner.width - 2, height: min(inner.maxY - y - 1, max(3, inner.height / 3)))
            drawIntro(&grid, intro, rect: rect, texts: t, compact: true)
        }
        if case .export = form.purpose, y + 1 < inner.maxY {
            grid.paragraph(t[.exportOutputHint], in: Rect(x: inner.x + 1, y: y + 1, width: inner.width - 2, height: inner.maxY - y - 1),
                           style: Style(.dim))
        }
        if case .workspace(let which) = form.purpose {
            drawWorkspaceFormExtras(&grid, form, which, state: state, rect: Rect(x: inner.x + 1, y: y + 1, width: inner.width - 2,
                                                                                 height: inner.maxY - y - 1))
        }
        if let error = form.error {
            grid.fill(Rect(x: 0, y: h - 2, width: w, height: 1))
            grid.text(" " + truncate(error, width: w - 2), x: 0, y: h - 2, style: Style(.error, bold: true))
        } else {
            drawStatus(&grid, state: state, y: h - 2)
        }
        drawKeyBar(&grid, context: state.keyContext == .recordForm ? .recordForm : .form, texts: t, y: h - 1)
    }

    static func workspaceFormTitle(_ which: WorkspaceForm, texts t: Texts) -> String {
        switch which {
        case .focusArea: return t[.wsFocusArea]
        case .splitArea: return t[.wsSplitTitle]
        case .problem: return t[.wsTabProblem]
        case .cause(_, let id, _): return id == nil ? t[.keyNewCause] : t[.wsCause]
        case .activity(let id): return id == nil ? t[.helpNewActivity] : t[.wsActivity]
        case .goal(let id): return id == nil ? t[.helpNewGoal] : t[.wsGoal]
        case .promise: return t[.wsTabPromise]
        case .followUp(let id): return id == nil ? t[.helpNewFollowUp] : t[.wsTabFollowUp]
        }
    }

    /// Under a workspace form: the goal's SMART check as typed, and the
    /// whole text of a focused field too long for its line.
    static func drawWorkspaceFormExtras(_ grid: inout Grid, _ form: Form, _ which: WorkspaceForm, state: AppState, rect: Rect) {
        guard rect.height > 0, rect.width > 4 else { return }
        var rect = rect
        if case .goal = which, case .workspace(let ws) = state.screen, let a = ws.analysis {
            let flags = WorkspaceForms.smartFlags(form, analysis: a)
            grid.text("SMART ", x: rect.x, y: rect.y, style: Style(.heading, bold: true))
            smartLetters(&grid, flags: flags, x: rect.x + 6, y: rect.y, selected: false)
            let below = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
            drawSMARTFlags(&grid, flags, rect: below, texts: state.texts)
            return
        }
        if case .cause(_, _, let parentID?) = which, case .workspace(let ws) = state.screen,
           let parent = ws.analysis?.causes.values.joined().first(where: { $0.id == parentID }) {
            // Which "why?" is being answered.
            grid.paragraph("\(state.texts[.wsCauseOf]): \(parent.text)", in: Rect(x: rect.x, y: rect.y, width: rect.width, height: 2),
                           style: Style(.dim))
            return
        }
        guard form.focus < form.fields.count, case .text(let field) = form.fields[form.focus].value else { return }
        let labelWidth = min(18, max(12, (rect.width + 4) / 4))
        guard DisplayWidth.of(field.text) > rect.width - labelWidth - 2 else { return }
        rect = Rect(x: rect.x, y: rect.y, width: rect.width, height: rect.height)
        grid.paragraph(field.text, in: rect, style: Style(.dim))
    }

    // MARK: running a meeting

    static func drawRun(_ grid: inout Grid, _ run: RunState, state: AppState) {
        let t = state.texts
        let w = grid.size.width, h = grid.size.height
        let step = run.step

        // Header: what meeting, which step, the step's clock.
        let (clockText, clockStyle) = stepClock(run, now: state.now)
        let stepText = "\(t[.stepLabel]) \(run.stepIndex + 1)/\(run.agenda.steps.count)"
        grid.fill(Rect(x: 0, y: 0, width: w, height: 1), style: Style(.title, reverse: true))
        let rightWidth = DisplayWidth.of(stepText) + DisplayWidth.of(clockText) + 4
        var headline = run.meeting.title
        if !run.meeting.facts.date.isEmpty { headline += " · " + run.meeting.facts.date }
        grid.text(" " + truncate(headline, width: w - rightWidth - 2), x: 0, y: 0, style: Style(.title, bold: true, reverse: true))
        grid.textRight(stepText + "  ", maxX: w - DisplayWidth.of(clockText) - 1, y: 0, style: Style(.title, bold: true, reverse: true))
        grid.textRight(clockText, maxX: w - 1, y: 0, style: clockStyle)

        let body = Rect(x: 0, y: 1, width: w, height: h - 3)
        let leftWidth = run.showTalkingPoints ? min(44, max(22, w * 3 / 10)) : min(32, max(20, w / 4))
        let (leftColumn, rightColumn) = body.splitLeft(leftWidth)

        // Left: the steps, then the talking points (facilitator only).
        let stepsHeight = run.showTalkingPoints ? min(run.agenda.steps.count + 2, max(4, leftColumn.height / 2)) : leftColumn.height - 1
        let (stepsRect, talkRect) = leftColumn.splitTop(stepsHeight)
        let stepsInner = grid.box(stepsRect, title: t[.stepsHeading])
        let firstStep = max(0, min(run.stepIndex - stepsInner.height / 2, run.agenda.steps.count - stepsInner.height))
        for (i, s) in run.agenda.steps.enumerated().dropFirst(firstStep).prefix(stepsInner.height) {
            let y = stepsInner.y + i - firstStep
            let current = i == run.stepIndex
            let visited = (run.stepSeconds[s.id] ?? 0) >= 1 && !current
            let mark = current ? "▶ " : "  "
            let done = visited ? " ✓" : ""
            let name = truncate(s.title, width: stepsInner.width - 2 - DisplayWidth.of(done))
            grid.text(mark + name, x: stepsInner.x, y: y, maxX: stepsInner.maxX, style: Style(current ? .selected : .normal, bold: current))
            if visited { grid.textRight(done, maxX: stepsInner.maxX, y: y, style: Style(.success)) }
        }
        if run.showTalkingPoints {
            // Every point, a page at a time when they do not all fit; the
            // title says which page and the key that turns it.
            // A point is not split between pages unless it is longer than one.
            let width = max(4, talkRect.width - 2), height = max(1, talkRect.height - 2)
            var pages: [[String]] = [[]]
            for point in step.talkingPoints {
                let lines = wrap("• " + point, width: width, indent: "  ")
                if !pages[pages.count - 1].isEmpty && pages[pages.count - 1].count + lines.count > height { pages.append([]) }
                for line in lines {
                    if pages[pages.count - 1].count == height { pages.append([]) }
                    pages[pages.count - 1].append(line)
                }
            }
            let page = run.talkingPointsPage % pages.count
            let title = pages.count > 1 ? "\(t[.talkingPointsHeading]) \(page + 1)/\(pages.count) (\(Keymap.hint(.nextTalkingPoints)))"
                : "\(t[.talkingPointsHeading]) (F2)"
            let talkInner = grid.box(talkRect, title: title)
            for (i, line) in pages[page].prefix(talkInner.height).enumerated() {
                grid.text(line, x: talkInner.x, y: talkInner.y + i, maxX: talkInner.maxX)
            }
        } else {
            grid.text(truncate(t[.talkingPointsHidden], width: leftColumn.width), x: leftColumn.x,
                      y: leftColumn.maxY - 1, style: Style(.dim))
        }

        // Right, top: the step's prompt and questions, for the room.
        // A checklist's items and a rating's questions are listed in the
        // step's own panel, not twice.
        let roomQuestions = step.kind == .checklist || step.kind == .rating ? [] : step.questions
        let questionLines = roomQuestions.reduce(0) { $0 + wrap("• " + $1, width: rightColumn.width - 2, indent: "  ").count }
        let promptLines = step.prompt.isEmpty ? 0 : wrap(step.prompt, width: rightColumn.width - 2).count
        let wanted = promptLines + questionLines + (promptLines > 0 && questionLines > 0 ? 1 : 0) + 2
        let promptHeight = min(max(3, wanted), max(3, rightColumn.height * (step.kind == .present ? 2 : 1) / 3))
        let (promptRect, notesRect) = rightColumn.splitTop(promptHeight)
        let promptInner = grid.box(promptRect, title: "\(t[.stepLabel]) \(run.stepIndex + 1) – \(step.title)")
        var y = promptInner.y
        if !step.prompt.isEmpty {
            y += grid.paragraph(step.prompt, in: promptInner, style: Style(.normal, bold: true))
            if !roomQuestions.isEmpty { y += 1 }
        }
        for q in roomQuestions where y < promptInner.maxY {
            y += grid.paragraph("• " + q, in: Rect(x: promptInner.x, y: y, width: promptInner.width, height: promptInner.maxY - y),
                                style: Style(.normal, bold: true), indent: "  ")
        }

        // Right, below: the notes of this step, grouped by group.
        switch step.kind {
        case .cluster: drawCluster(&grid, run: run, rect: notesRect, texts: t)
        case .vote: drawVote(&grid, run: run, rect: notesRect, texts: t)
        case .checklist: drawChecklist(&grid, run: run, rect: notesRect, texts: t)
        case .rating: drawRating(&grid, run: run, rect: notesRect, texts: t)
        case .summary: drawSummary(&grid, run: run, rect: notesRect, texts: t)
        case .problem: drawProblem(&grid, run: run, rect: notesRect, texts: t)
        case .activities: drawActivities(&grid, run: run, rect: notesRect, texts: t)
        case .goals: drawGoals(&grid, run: run, rect: notesRect, texts: t)
        case .followUp: drawFollowUp(&grid, run: run, rect: notesRect, texts: t)
        case .present, .collect:
            var notesRect = notesRect
            // The introduction reads out what the meeting is for.
            let intro = AgendaIntro(run.agenda)
            if run.stepIndex == 0 && step.kind == .present && !intro.isEmpty && notesRect.height > 12 {
                let (top, rest) = notesRect.splitTop(notesRect.height / 2)
                let box = grid.box(top, title: t[.introHeading])
                drawIntro(&grid, intro, rect: box, texts: t)
                notesRect = rest
            }
            if let commitments = run.data.commitments {
                let rows = commitments.activities.count + commitments.goals.count
                let (top, rest) = notesRect.splitTop(min(max(3, rows + 2), notesRect.height / 2))
                drawCommitments(&grid, commitments, rect: top, title: t[.wsCommitmentsHeading], texts: t)
                drawNotes(&grid, run: run, rect: rest, texts: t)
            } else if !run.data.focusAreas.isEmpty {
                // Handed on from earlier meetings: the cycle's ranked focus areas.
                let pictures = run.data.focusAreas.filter { !$0.targetPicture.isEmpty }.count
                let (top, rest) = notesRect.splitTop(min(run.data.focusAreas.count + pictures + 2, notesRect.height * 2 / 3))
                drawRanking(&grid, run: run, rect: top, title: t[.cycleFocusAreasHeading], texts: t)
                drawNotes(&grid, run: run, rect: rest, texts: t)
            } else {
                drawNotes(&grid, run: run, rect: notesRect, texts: t)
            }
        }

        // The input line: always live.
        drawInput(&grid, run: run, state: state, y: h - 2)
        drawKeyBar(&grid, context: run.keyContext, texts: t, y: h - 1)
    }

    /// The step's clock against its planned minutes: yellow with 20 % of
    /// the time left, red at 5 %, then the overrun; a sign says it too.
    static func stepClock(_ run: RunState, now: Double) -> (String, Style) {
        let elapsed = run.elapsed(now: now)
        let planned = Double(run.step.minutes * 60)
        let left = planned - elapsed
        let text = "\(clock(elapsed)) / \(clock(planned))"
        if left <= 0 { return ("⚠ +\(clock(-left)) " + text, Style(.timeOver, bold: true, reverse: true)) }
        if left <= planned * 0.05 { return ("! " + text, Style(.timeOver, bold: true)) }
        if left <= planned * 0.20 { return ("! " + text, Style(.timeLow, bold: true)) }
        return (text, Style(.timeOK, bold: true))
    }

    /// The clock the room and the stations see: once the meeting is over,
    /// that it is over, not a running clock.
    static func roomClock(_ run: RunState, now: Double, texts t: Texts) -> (String, Style) {
        run.meeting.status == .finished ? (t[.meetingEndedShort], Style(.warning, bold: true)) : stepClock(run, now: now)
    }

    // MARK: projector and stations

    /// A note-taker's station: one group, the current step, its notes.
    static func drawStation(_ grid: inout Grid, _ run: RunState, state: AppState) {
        let t = state.texts
        let w = grid.size.width, h = grid.size.height
        let step = run.step
        let (clockText, clockStyle) = roomClock(run, now: state.now, texts: t)
        var who = t.group(run.group)
        if case .station(_, let name) = run.role, !name.isEmpty { who += " · " + name }
        grid.fill(Rect(x: 0, y: 0, width: w, height: 1), style: Style(.title, reverse: true))
        let stepText = "\(t[.stepLabel]) \(run.stepIndex + 1)/\(run.agenda.steps.count)  "
        grid.text(" " + truncate("\(who) · \(run.meeting.title)", width: w - DisplayWidth.of(stepText + clockText) - 4), x: 0, y: 0,
                  style: Style(.title, bold: true, reverse: true))
        grid.textRight(stepText, maxX: w - DisplayWidth.of(clockText) - 1, y: 0, style: Style(.title, bold: true, reverse: true))
        grid.textRight(clockText, maxX: w - 1, y: 0, style: clockStyle)
        let body = Rect(x: 0, y: 1, width: w, height: h - 3)
        let lines = (step.prompt.isEmpty ? 0 : wrap(step.prompt, width: w - 2).count)
            + step.questions.reduce(0) { $0 + wrap("• " + $1, width: w - 2, indent: "  ").count }
        let (promptRect, notesRect) = body.splitTop(min(max(3, lines + 2), body.height / 2))
        let inner = grid.box(promptRect, title: "\(t[.stepLabel]) \(run.stepIndex + 1) – \(step.title)")
        var y = inner.y
        if !step.prompt.isEmpty { y += grid.paragraph(step.prompt, in: inner, style: Style(.normal, bold: true)) }
        for q in step.questions where y < inner.maxY {
            y += grid.paragraph("• " + q, in: Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y), indent: "  ")
        }
        // In a vote counted by group the station places its group's dots.
        if run.keyContext == .stationVote {
            drawVote(&grid, run: run, rect: notesRect, texts: t)
        } else if run.keyContext == .stationProblem {
            drawProblem(&grid, run: run, rect: notesRect, texts: t)
        } else if run.keyContext == .stationActivities {
            drawActivities(&grid, run: run, rect: notesRect, texts: t)
        } else {
            drawNotes(&grid, run: run, rect: notesRect, texts: t, onlyGroup: run.group)
        }
        drawInput(&grid, run: run, state: state, y: h - 2)
        drawKeyBar(&grid, context: run.keyContext, texts: t, y: h - 1)
    }

    static func groupsLegend(_ run: RunState, texts t: Texts) -> String {
        let groups = (1...max(1, run.meeting.groupCount)).map(String.init).joined(separator: " · ")
        return "\(t[.groupLabel]) \(groups) · \(t[.plenary].lowercased())"
    }

    static func typeRole(_ type: NoteType) -> Role {
        switch type {
        case .problem: return .typeProblem
        case .opportunity: return .typeOpportunity
        case .positive: return .typePositive
        case .question: return .typeQuestion
        case .decision: return .typeDecision
        }
    }

    static func drawNotes(_ grid: inout Grid, run: RunState, rect: Rect, texts t: Texts, onlyGroup: Int? = nil) {
        let notes = onlyGroup.map { g in run.notes.filter { $0.group == g } } ?? run.notes
        let inner = grid.box(rect, title: "\(t[.notesHeading]) (\(notes.count))", right: onlyGroup == nil ? groupsLegend(run, texts: t) : "")
        guard inner.width > 4, inner.height > 0 else { return }
        if notes.isEmpty {
            grid.text(truncate(t[.noNotes], width: inner.width), x: inner.x + 1, y: inner.y, style: Style(.dim))
            return
        }
        let typeWidth = NoteType.allCases.map { DisplayWidth.of(t.noteType($0)) }.max()! + 2
        let textWidth = max(4, inner.width - typeWidth - 2)
        // Lay out lines: a heading per group, then each note wrapped.
        struct Line { var text: String; var style: Style; var typeLabel: String?; var typeStyle: Style; var noteID: Int64? }
        var lines: [Line] = []
        var selectedRange: Range<Int>?
        var newestRange: Range<Int>?
        // The note written last (a provisional one is the newest of all).
        let newest = notes.max { ($0.id < 0 ? 1 : 0, $0.createdAt, abs($0.id)) < ($1.id < 0 ? 1 : 0, $1.createdAt, abs($1.id)) }?.id
        var lastGroup: Int?
        let counts = Dictionary(grouping: notes, by: \.group).mapValues(\.count)
        for note in notes {
            if note.group != lastGroup {
                lines.append(Line(text: "\(t.group(note.group)) (\(counts[note.group] ?? 0))", style: Style(.heading, bold: true),
                                  typeStyle: .normal))
                lastGroup = note.group
            }
            let selected = note.id == run.selection
            // The marks after the text (author, hidden, personal data) get
            // room of their own: they never cover a word.
            let wrapped = wrap(note.text, width: max(8, textWidth - marks(note, run: run, texts: t).reduce(0) { $0 + DisplayWidth.of($1.0) }),
                               maxLines: max(1, inner.height - 1))
            let start = lines.count
            for (i, part) in wrapped.enumerated() {
                lines.append(Line(text: part, style: Style(.normal, reverse: selected),
                                  typeLabel: i == 0 ? t.noteType(note.type) : nil,
                                  typeStyle: Style(typeRole(note.type), bold: true, reverse: selected), noteID: note.id))
            }
            if selected { selectedRange = start..<lines.count }
            if note.id == newest { newestRange = start..<lines.count }
        }
        // The bottom of the list is in view, and the note written last (the
        // plenary's stands above the groups'); a selection is kept in view.
        var first = max(0, lines.count - inner.height)
        if let r = selectedRange ?? newestRange {
            if r.lowerBound < first { first = r.lowerBound }
            if r.upperBound > first + inner.height { first = r.upperBound - inner.height }
        }
        // Counted in notes (not lines, not group headings): "+3" is three notes.
        let shown = Set(lines[first...].prefix(inner.height).compactMap(\.noteID))
        overflowMarks(&grid, above: Set(lines[..<first].compactMap(\.noteID)).subtracting(shown).count,
                      below: Set(lines[min(lines.count, first + inner.height)...].compactMap(\.noteID)).subtracting(shown).count, rect: inner)
        for (i, line) in lines[first...].prefix(inner.height).enumerated() {
            let y = inner.y + i
            if line.noteID == nil {
                grid.text(truncate(line.text, width: inner.width), x: inner.x, y: y, style: line.style)
                continue
            }
            if line.style.reverse { grid.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: line.style) }
            if let label = line.typeLabel {
                // The selection is marked by a sign too, not by reverse video alone.
                let marker = line.style.reverse ? "› " : "  "
                grid.text(marker + pad(label, width: typeWidth - 2), x: inner.x, y: y, style: line.typeStyle)
            }
            let end = grid.text(line.text, x: inner.x + typeWidth + 1, y: y, maxX: inner.maxX, style: line.style)
            if line.typeLabel != nil, let id = line.noteID, let note = run.notes.first(where: { $0.id == id }) {
                let marks = marks(note, run: run, texts: t)
                let width = marks.reduce(0) { $0 + DisplayWidth.of($1.0) }
                var x = min(end, inner.maxX - width)
                for (mark, style) in marks { x = grid.text(mark, x: x, y: y, maxX: inner.maxX, style: style) }
            }
        }
    }

    /// What is said of a note after its text, each mark by a sign and a
    /// word, not by colour alone.
    static func marks(_ note: Note, run: RunState, texts t: Texts) -> [(String, Style)] {
        var marks: [(String, Style)] = []
        if !note.author.isEmpty { marks.append((" – \(note.author)", Style(.dim))) }
        if note.hidden { marks.append((" (\(t[.hiddenMark]))", Style(.dim))) }
        // Not committed yet: sent to the store, which may be busy.
        if note.id < 0 { marks.append((" (\(t[.savingMark]))", Style(.dim))) }
        if let kinds = run.personalData[note.id] {
            if note.personalDataChecked {
                marks.append((" ✓ \(t[.checkedMark])", Style(.dim)))
            } else {
                marks.append((" ⚠ " + kinds.map { shortPersonalData($0, texts: t) }.joined(separator: ",") + "?", Style(.warning, bold: true)))
            }
        }
        return marks
    }

    static func shortPersonalData(_ k: PersonalDataKind, texts t: Texts) -> String {
        switch (k, t.language) {
        case (.personalNumber, .sv): return "pnr"
        case (.personalNumber, .en): return "id no"
        case (.phoneNumber, _): return "tel"
        case (.email, .sv): return "e-post"
        case (.email, .en): return "e-mail"
        case (.licensePlate, .sv): return "regnr"
        case (.licensePlate, .en): return "plate"
        }
    }

    static func drawInput(_ grid: inout Grid, run: RunState, state: AppState, y: Int) {
        let t = state.texts
        let w = grid.size.width
        var statusText = ""
        // With nothing typed, a message (a personal-data warning) may take
        // most of the line; while typing it keeps to a third.
        // An error (a refusal, a conflict) takes two thirds: it must be read.
        let statusRoom = run.input.isEmpty && run.subfieldsEmpty ? w - 24 : state.status?.isError == true ? w * 2 / 3 : w / 3
        if let status = state.status { statusText = truncate(status.text, width: max(0, statusRoom)) }
        let right = w - DisplayWidth.of(statusText) - 2
        defer {
            if let status = state.status {
                grid.textRight(statusText, maxX: w - 1, y: y, style: Style(status.isError ? .error : .success, bold: true))
            }
        }
        /// A labelled field; returns the column after it.
        func field(_ label: String, _ f: TextField, x: Int, width: Int, focused: Bool, placeholder: String = "",
                   style: Style = Style(.heading, bold: true)) -> Int {
            var x = grid.text(label, x: x, y: y, maxX: right, style: style)
            let fw = max(1, min(width, right - x))
            if f.isEmpty && !placeholder.isEmpty {
                grid.text(truncate(placeholder, width: fw), x: x, y: y, style: Style(.dim))
                if focused { grid.cursor = (x, y) }
            } else {
                let (shown, cursorColumn) = visibleWindow(of: f, width: fw)
                grid.text(shown, x: x, y: y, maxX: x + fw, style: Style(.input))
                if focused { grid.cursor = (x + cursorColumn, y) }
            }
            x += fw
            return x
        }
        if run.role != .facilitator && run.bound == nil && run.keyContext != .stationVote {
            // A station in a step without notes, or after the meeting.
            let why = run.meeting.status == .finished ? t[.meetingEnded] : t[.stepTakesNoNotes]
            grid.text(truncate(" " + why, width: max(0, right)), x: 0, y: y, style: Style(.dim, bold: true))
            grid.cursor = nil
            return
        }
        // A draft offered back after a crash says so until it is saved.
        let draft = run.restoredDraft ? "[\(t[.draftMarker])] " : ""
        switch run.role == .facilitator || [.stationVote, .stationProblem, .stationActivities].contains(run.keyContext) ? run.step.kind : .collect {
        case .cluster:
            var label = t[.clusterInputNew]
            if let editing = run.cluster.editing {
                let name = run.data.focusAreas.first { $0.id == editing.id }?.name ?? ""
                switch editing.field {
                case .name: label = "\(t[.clusterInputRename]) \(name)"
                case .targetPicture: label = "\(t[.clusterInputTargetPicture]) – \(name)"
                case .split: label = "\(t[.clusterInputSplit]) \(name)"
                }
            }
            label = draft + label
            // The hint for a new area is not one for a name or picture being edited.
            _ = field(" \(label) ▸ ", run.input, x: 0, width: w, focused: true,
                      placeholder: run.cluster.editing == nil ? t[.helpClusterEnter] : "")
        case .vote:
            var text = " "
            if run.dotsPerGroup { text += "\(t.group(run.voter)) · " }
            if let left = run.dotsLeft {
                text += "\(t.dots(left)) \(t[.voteDotsLeft]) (\(run.dotsEach) \(t[run.dotsPerGroup ? .votePerGroup : .votePerParticipant]))"
            } else {
                text += "\(run.dotsEach) \(t[.votePerParticipant]) · \(t[.voteNoParticipants])"
            }
            grid.text(truncate(text, width: max(0, right)), x: 0, y: y, style: Style(.heading, bold: true))
            grid.cursor = nil
        case .checklist:
            _ = field(" \(draft)\(t[.inputComment]) (\(run.selectedItem + 1)) ▸ ", run.input, x: 0, width: w, focused: true)
        case .rating:
            let label: String
            switch run.rating.field {
            case .observations: label = t[.ratingObservations]
            case .comment: label = t[.ratingComment]
            case .contribution:
                label = t[.ratingContribution] + (run.rating.from.isEmpty ? "" : " \(t[.ratingContributionFrom]) \(run.rating.from)")
            }
            _ = field(" \(draft)\(label) (\(run.selectedItem + 1)) ▸ ", run.input, x: 0, width: w, focused: true)
        case .summary:
            let kind = (run.summary.editing != nil ? " \(t[.editingLabel]) ·" : "") + " \(t.summaryKind(run.summary.kind)) ▸ "
            if run.summary.kind == .nextStep {
                let room = max(12, right - DisplayWidth.of(kind) - 16)
                var x = field(kind, run.input, x: 0, width: room * 3 / 5, focused: run.summary.part == .what)
                x = field(" \(t[.summaryWho]) ▸ ", run.summary.owner, x: x, width: room / 4, focused: run.summary.part == .who)
                _ = field(" \(t[.summaryWhen]) ▸ ", run.summary.due, x: x, width: 10, focused: run.summary.part == .when)
            } else {
                _ = field(kind, run.input, x: 0, width: w, focused: true, placeholder: t[.summaryEmpty])
            }
        case .problem:
            let f = ProblemField.all[run.problem.field]
            _ = field(" \(draft)\(t.problemField(f)) ▸ ", run.input, x: 0, width: w, focused: true)
        case .activities:
            // One part at a time: the activity panel above shows them all.
            let a = run.activities
            let label = (a.editing != nil ? " \(t[.editingLabel]) ·" : "") + " \(draft)[\(t.priority(a.priority))] \(t.activityPart(a.part)) ▸ "
            let fields: [ActivityPart: TextField] = [.what: run.input, .who: a.owner, .from: a.start, .to: a.end, .how: a.how,
                                                     .organisation: a.organisation, .sequence: a.sequence, .after: a.after]
            _ = field(label, fields[a.part]!, x: 0, width: w, focused: true)
        case .goals:
            // One part at a time: the goal panel above shows them all.
            let g = run.goals
            let part = g.part
            let label = (g.editing != nil ? " \(t[.editingLabel]) ·" : "") + " \(draft)[\(t.goalKind(g.kind))] \(t.goalPart(part)) ▸ "
            let fields: [GoalPart: TextField] = [.text: run.input, .indicator: g.indicator, .baseline: g.baseline, .target: g.target,
                                                 .deadline: g.deadline, .owner: g.owner]
            _ = field(label, fields[part]!, x: 0, width: w, focused: true)
        case .followUp:
            guard run.data.activities.indices.contains(run.followUp.item) else {
                grid.text(truncate(" " + t[.followUpEmpty], width: max(0, right)), x: 0, y: y, style: Style(.dim))
                grid.cursor = nil
                return
            }
            let label = " \(draft)\(t.followUpField(run.followUp.field)) (\(t[.followUpActivityNumber]) \(run.followUp.item + 1)) ▸ "
            _ = field(label, run.input, x: 0, width: w, focused: true)
        case .present, .collect:
            let source = run.editSource ?? run.source(ofGroup: run.group)
            var prefix = " \(draft)\(t.group(run.group)) · \(t.noteType(run.noteType)) · \(t.source(source)) ▸ "
            if run.editing != nil { prefix = " \(t[.editingLabel]) ·" + prefix }
            _ = field(prefix, run.input, x: 0, width: w, focused: true, placeholder: t[.inputPlaceholder],
                      style: Style(typeRole(run.noteType), bold: true))
        }
    }

    // MARK: step kinds

    /// A list row: marker, text, selection shown by sign and reverse video.
    static func listRow(_ grid: inout Grid, _ text: String, x: Int, y: Int, width: Int, selected: Bool, active: Bool = true,
                        style: Style = .normal) {
        var st = style
        if selected && active { st.reverse = true }
        if selected { grid.fill(Rect(x: x, y: y, width: width, height: 1), style: st) }
        // Only the list that has the keys shows the pointer; another list's
        // selection is a quiet dot.
        grid.text((selected ? (active ? "› " : "· ") : "  ") + truncate(text, width: width - 2), x: x, y: y, maxX: x + width, style: st)
    }

    /// One row of a list drawn by `drawList`: a heading when not selectable.
    struct ListItem {
        var text: String
        var style: Style = .normal
        /// The index the selection names; nil for a heading.
        var index: Int?
        /// A style of its own for the text's first characters (a rating's
        /// value in its colour), when it has one.
        var lead = 0
        var leadStyle: Style?
    }

    /// A scrolling list whose selected row is shown whole, wrapped over as
    /// many lines as it needs (the others are one line each, cut with "…"):
    /// nothing selected is ever cut without a way to read it.
    static func drawList(_ grid: inout Grid, _ items: [ListItem], selected: Int?, rect: Rect, active: Bool = true) {
        guard rect.width > 2, rect.height > 0 else { return }
        let lines: [(item: Int, text: String, first: Bool)] = items.enumerated().flatMap { i, item in
            // A selected row that fits keeps its spacing (wrapping joins blanks).
            guard item.index != nil, item.index == selected, DisplayWidth.of(item.text) > rect.width - 2 else { return [(i, item.text, true)] }
            let wrapped = wrap(item.text, width: rect.width - 2, indent: "  ", maxLines: rect.height)
            return wrapped.enumerated().map { (i, $0.element, $0.offset == 0) }
        }
        let chosen = lines.indices.filter { items[lines[$0].item].index != nil && items[lines[$0].item].index == selected }
        var first = 0
        if let last = chosen.last, let top = chosen.first, lines.count > rect.height {
            first = max(0, min(top - (rect.height - (last - top + 1)) / 2, lines.count - rect.height))
            first = min(first, top)
        }
        overflowMarks(&grid, above: first, below: lines.count - first - rect.height, rect: rect)
        for (n, line) in lines.enumerated().dropFirst(first).prefix(rect.height) {
            let item = items[line.item]
            let y = rect.y + n - first
            if item.index == nil {
                grid.text(truncate(line.text, width: rect.width), x: rect.x, y: y, style: item.style)
            } else if item.index == selected {
                var st = item.style
                if active { st.reverse = true }
                grid.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: st)
                grid.text((line.first ? (active ? "› " : "· ") : "  ") + line.text, x: rect.x, y: y, maxX: rect.maxX, style: st)
            } else {
                listRow(&grid, line.text, x: rect.x, y: y, width: rect.width, selected: false, style: item.style)
            }
            if line.first, item.index != nil, var lead = item.leadStyle, item.lead > 0 {
                lead.reverse = active && item.index == selected
                grid.text(String(line.text.prefix(item.lead)), x: rect.x + 2, y: y, maxX: rect.maxX, style: lead)
            }
        }
    }

    /// "↑ +3 ↓ +5" on the bottom border of a box whose inner `rect` does
    /// not show all its lines: nothing is hidden without a sign.
    static func overflowMarks(_ grid: inout Grid, above: Int, below: Int, rect: Rect) {
        // On the bottom border, where no title stands.
        let marks = [above > 0 ? "↑ +\(above)" : nil, below > 0 ? "↓ +\(below)" : nil].compactMap { $0 }
        if !marks.isEmpty { grid.textRight(" \(marks.joined(separator: " ")) ", maxX: rect.maxX, y: rect.maxY, style: Style(.heading, bold: true)) }
    }

    /// First row to show so that `selected` stays in view.
    static func scrollStart(selected: Int, count: Int, height: Int) -> Int {
        guard count > height, height > 0 else { return 0 }
        return max(0, min(selected - height / 2, count - height))
    }

    static func drawCluster(_ grid: inout Grid, run: RunState, rect: Rect, texts t: Texts) {
        let (left, right) = rect.splitLeft(rect.width / 2)
        // The list that has ↑/↓ says so in words, not by a bold border alone.
        let onNotes = run.cluster.pane == .notes
        func pane(_ active: Bool) -> (String, String) {
            let wide = left.width >= 40 // else the key alone
            return active ? ("▶ ", wide ? t[.paneActive] : "↑↓") : ("", Keymap.hint(.switchPane) + (wide ? " " + t[.paneSwitch] : ""))
        }
        let notesInner = grid.box(left, title: "\(pane(onNotes).0)\(t[.clusterNotesHeading]) (\(run.data.sourceNotes.count))",
                                  right: pane(onNotes).1, style: Style(.border, bold: onNotes))
        // Where the room decides (the joint meeting), the keys for the
        // target picture and the promise stand on the list.
        let title = "\(pane(!onNotes).0)\(t[.clusterAreasHeading]) (\(run.data.focusAreas.count))"
        let hints = "\(Keymap.hint(.editTargetPicture)) \(t[.keyTargetPicture])  \(Keymap.hint(.toggleAreaPromise)) ★"
        let fits = DisplayWidth.of(title) + DisplayWidth.of(hints) + 6 <= right.width
        let areasInner = grid.box(right, title: title, right: run.query.notesFromCycle && fits && !onNotes ? hints : pane(!onNotes).1,
                                  style: Style(.border, bold: !onNotes))
        let notes = run.data.sourceNotes
        if notes.isEmpty {
            grid.paragraph(t[.clusterNoSourceNotes], in: notesInner, style: Style(.dim))
        }
        // The selected note is shown whole (wrapped), the others on a line.
        let noteItems = notes.enumerated().map { i, note in
            // A placed note is marked and dimmed, not prefixed with its
            // area's name (which left no room to tell notes apart); the
            // areas list shows where it is.
            let area = run.data.area(of: note.id)
            let tag = area == nil ? "" : "✓ "
            // Notes gathered from the whole cycle keep their source in view.
            let source = run.query.notesFromCycle ? "(\(t.source(note.source))) " : ""
            return ListItem(text: tag + source + note.text, style: area == nil ? .normal : Style(.dim), index: i)
        }
        drawList(&grid, noteItems, selected: run.cluster.note, rect: notesInner, active: run.cluster.pane == .notes)
        let areas = run.data.focusAreas
        if areas.isEmpty {
            grid.paragraph(t[.clusterNoAreas], in: areasInner, style: Style(.dim))
            return
        }
        // Each area: its name and type, then its notes indented.
        var lines: [(text: String, style: Style, area: Int?)] = []
        let noteText = Dictionary(notes.map { ($0.id, $0.text) }, uniquingKeysWith: { a, _ in a })
        for (i, area) in areas.enumerated() {
            let merge = run.cluster.mergeSource == area.id ? " ⇢" : ""
            let from = run.proposedElsewhere(area)
            let promise = area.leadsToPromise ? "★ " : ""
            // The key that moves a note here (after the move key).
            let key = PickKey.key(i).map { "\($0) " } ?? "  "
            lines.append(("\(key)\(promise)\(area.name) · \(t.areaType(area.type)) (\(area.noteIDs.count))\(from.isEmpty ? "" : " · \(from)")\(merge)",
                          Style(.heading, bold: true), i))
            if !area.targetPicture.isEmpty {
                lines.append(("   \(t[.targetPictureLabel]): \(area.targetPicture)", Style(.dim), nil))
            }
            for id in area.noteIDs {
                if let text = noteText[id] { lines.append(("   " + text, .normal, nil)) }
            }
        }
        let selectedLine = lines.firstIndex { $0.area == run.cluster.area } ?? 0
        let first = scrollStart(selected: selectedLine, count: lines.count, height: areasInner.height)
        overflowMarks(&grid, above: first, below: max(0, lines.count - first - areasInner.height), rect: areasInner)
        for (i, line) in lines.enumerated().dropFirst(first).prefix(areasInner.height) {
            let y = areasInner.y + i - first
            if let a = line.area {
                listRow(&grid, line.text, x: areasInner.x, y: y, width: areasInner.width, selected: a == run.cluster.area,
                        active: run.cluster.pane == .areas, style: line.style)
            } else {
                grid.text(truncate(line.text, width: areasInner.width), x: areasInner.x, y: y, style: line.style)
            }
        }
    }

    /// The ranking of focus areas by dots, with bars: the vote step's tally
    /// and the hand-on from earlier meetings.
    /// One row of a tally: a focus area's or an activity's.
    struct TallyRow {
        var label: String
        var dots: Int
        var rank: Int
        var tied: Bool
        /// A line under it (a focus area's target picture).
        var detail: String? = nil
    }

    /// The focus areas' tally, best first; while voting (`selectable`) in
    /// their own order so the selection does not jump as dots are added
    /// (the rank column says where each stands).
    static func areaTally(_ run: RunState, selectable: Bool, texts t: Texts) -> [TallyRow] {
        let ranked = Ranking.rank(run.data.focusAreas, votes: run.data.votes)
        let rows = selectable ? run.data.focusAreas.compactMap { a in ranked.first { $0.area.id == a.id } } : ranked
        // Shown to the room (not while voting), with the target picture the
        // joint meeting wrote and a star on the areas that lead to a promise.
        return rows.map { r in
            let a = r.area
            let picture = !selectable && !a.targetPicture.isEmpty ? "\(t[.targetPictureLabel]): \(a.targetPicture)" : nil
            return TallyRow(label: (a.leadsToPromise && !selectable ? "★ " : "") + run.areaLabel(a), dots: r.dots, rank: r.rank,
                            tied: r.tied, detail: picture)
        }
    }

    /// The activities' tally (a vote `on: activities`), the same way.
    static func activityTally(_ run: RunState, selectable: Bool, texts t: Texts) -> [TallyRow] {
        let ranked = Ranking.rank(run.data.activities, votes: run.data.activityVotes)
        let rows = selectable ? run.data.activities.compactMap { a in ranked.first { $0.item.id == a.id } } : ranked
        return rows.map { r in
            var label = r.item.what
            if let id = r.item.focusAreaID, let area = run.data.focusAreas.first(where: { $0.id == id }) { label += " · \(area.name)" }
            return TallyRow(label: label, dots: r.dots, rank: r.rank, tied: r.tied)
        }
    }

    static func drawRanking(_ grid: inout Grid, run: RunState, rect: Rect, title: String, texts t: Texts, selectable: Bool = false) {
        let rows = run.votesOnActivities ? activityTally(run, selectable: selectable, texts: t) : areaTally(run, selectable: selectable, texts: t)
        drawTally(&grid, rows, selected: selectable ? run.vote.row : nil, rect: rect, title: title,
                  empty: run.votesOnActivities ? t[.voteNoActivities] : t[.voteNoAreas])
    }

    static func drawTally(_ grid: inout Grid, _ rows: [TallyRow], selected: Int?, rect: Rect, title: String, empty: String) {
        let inner = grid.box(rect, title: title)
        guard inner.width > 10, inner.height > 0 else { return }
        if rows.isEmpty {
            grid.paragraph(empty, in: inner, style: Style(.dim))
            return
        }
        let maxDots = max(1, rows.map(\.dots).max() ?? 1)
        let nameWidth = max(8, min(inner.width - 22, rows.map { DisplayWidth.of($0.label) }.max() ?? 12))
        let start = scrollStart(selected: selected ?? 0, count: rows.count, height: inner.height)
        var y = inner.y
        for (i, r) in rows.enumerated().dropFirst(start) where y < inner.maxY {
            defer {
                y += 1
                if let detail = r.detail, y < inner.maxY {
                    grid.text(truncate("      " + detail, width: inner.width), x: inner.x, y: y, style: Style(.dim))
                    y += 1
                }
            }
            let rank = r.dots == 0 ? "  –" : (r.tied ? "\(r.rank)=" : "\(r.rank).").leftPadded(3)
            let countText = "\(r.dots)".leftPadded(3)
            let head = "\(rank) \(pad(r.label, width: nameWidth)) \(countText) "
            listRow(&grid, head, x: inner.x, y: y, width: DisplayWidth.of(head) + 2, selected: i == selected,
                    style: Style(.normal, bold: r.rank == 1 && r.dots > 0))
            let barX = inner.x + DisplayWidth.of(head) + 2
            let barWidth = max(0, inner.maxX - barX - 1)
            let n = r.dots * barWidth / maxDots
            grid.text(String(repeating: "█", count: n), x: barX, y: y, maxX: inner.maxX, style: Style(.success))
        }
    }

    static func drawVote(_ grid: inout Grid, run: RunState, rect: Rect, texts t: Texts) {
        let title = run.votesOnActivities ? t[.voteActivitiesHeading] : run.data.focusAreasFromCycle ? t[.voteFromCycle] : t[.voteHeading]
        drawRanking(&grid, run: run, rect: rect, title: "\(title) · \(t.dots(run.dotsCast))", texts: t, selectable: true)
    }

    static func drawChecklist(_ grid: inout Grid, run: RunState, rect: Rect, texts t: Texts) {
        let items = run.step.questions
        let done = items.indices.filter { run.checklistAnswer($0).done }.count
        let inner = grid.box(rect, title: "\(t[.checklistHeading]) (\(done)/\(items.count))")
        // Each point with its comment under it; the selected point whole.
        let rows = items.enumerated().flatMap { i, item in
            let answer = run.checklistAnswer(i)
            return [ListItem(text: (answer.done ? "[x] " : "[ ] ") + item, style: Style(answer.done ? .success : .normal), index: i)]
                + (answer.comment.isEmpty ? [] : [ListItem(text: "      " + answer.comment, style: Style(.dim))])
        }
        drawList(&grid, rows, selected: run.selectedItem, rect: inner)
    }

    static func ratingRole(_ value: String?) -> Role {
        switch value {
        case "green", "1", "2": return .success
        case "yellow", "3": return .warning
        case "red", "4", "5": return .error
        default: return .dim
        }
    }

    static func drawRating(_ grid: inout Grid, run: RunState, rect: Rect, texts t: Texts) {
        let questions = run.step.questions
        // Below the list: the selected question in full, and what the
        // scale's values mean, where the value is chosen.
        let meanings = t.scaleMeanings(run.ratingScale)
        let question = questions.indices.contains(run.selectedItem) ? questions[run.selectedItem] : ""
        let detail = (question.isEmpty ? [] : wrap(question, width: max(10, rect.width - 2)))
            + (meanings.isEmpty ? [t[.scaleImpactNote]] : meanings.flatMap { wrap("\(t.ratingValue($0.value)): \($0.meaning)", width: max(10, rect.width - 2)) })
            + wrap(t[.ratingContributionsHint], width: max(10, rect.width - 2))
        var rect = rect
        if rect.height >= detail.count + 8 {
            let (top, bottom) = rect.splitTop(rect.height - detail.count - 2)
            let box = grid.box(bottom)
            var y = box.y
            for line in detail where y < box.maxY {
                let role: Role = meanings.contains { line.hasPrefix(t.ratingValue($0.value) + ":") } ? ratingRole(meanings.first { line.hasPrefix(t.ratingValue($0.value) + ":") }?.value) : .normal
                grid.text(truncate(line, width: box.width), x: box.x, y: y, style: Style(role))
                y += 1
            }
            rect = top
        }
        let inner = grid.box(rect, title: "\(t[.ratingHeading]) · \(run.ratingScale.values.map { t.ratingValue($0) }.joined(separator: " / "))")
        var rows: [ListItem] = []
        for (i, question) in questions.enumerated() {
            let r = run.rating(i)
            let label = "[\(r.value.map { t.ratingValue($0) } ?? t[.ratingNotRated])] "
            rows.append(ListItem(text: label + question, index: i, lead: label.count, leadStyle: Style(ratingRole(r.value), bold: true)))
            // The contributions first, then the compiled assessment's text.
            for c in run.data.contributions where c.question == i {
                rows.append(ListItem(text: "      • " + (c.from.isEmpty ? "" : "\(c.from): ") + c.text))
            }
            for (name, text) in [(t[.ratingObservations], r.observations), (t[.ratingComment], r.comment)] where !text.isEmpty {
                rows.append(ListItem(text: "      \(name): \(text)", style: Style(.dim)))
            }
        }
        drawList(&grid, rows, selected: run.selectedItem, rect: inner)
    }

    static func drawProblem(_ grid: inout Grid, run: RunState, rect: Rect, texts t: Texts) {
        let area = run.data.focusAreas.first { $0.id == run.data.problemFocusAreaID }
        let title = "\(t[.problemHeading]) · \(area?.name ?? t[.problemNoArea])"
        let given = run.assignedArea != nil
        var inner = grid.box(rect, title: title, right: run.data.focusAreas.count > 1 && !given ? Keymap.hint(.nextProblemArea) : "")
        var lines: [(text: String, style: Style, field: Int?)] = []
        // Which group writes which area (the facilitator's to give), whole
        // above the fields.
        let groups = given ? "\(t[.groupAreaFixed]) «\(area?.name ?? "")»." : run.role == .facilitator && run.meeting.groupCount > 0 ? groupAreasLine(run, texts: t) : ""
        if !groups.isEmpty, inner.height > 4 {
            let used = grid.paragraph(groups, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: min(3, inner.height / 3)),
                                      style: Style(.dim))
            inner = Rect(x: inner.x, y: inner.y + used, width: inner.width, height: inner.height - used)
        }
        var section: TextKey?
        for (i, f) in ProblemField.all.enumerated() {
            let heading: TextKey
            switch f {
            case .question: heading = .problemDescription
            case .why: heading = .problemWhyChain
            case .triangle: heading = .problemTriangle
            }
            if heading != section {
                lines.append((t[heading], Style(.heading, bold: true), nil))
                section = heading
            }
            let labelWidth = min(ProblemField.all.map { DisplayWidth.of(t.problemField($0)) }.max() ?? 20, inner.width / 2)
            let value = run.problemText(f)
            lines.append((pad(t.problemField(f), width: labelWidth) + " " + (value.isEmpty ? "–" : value), .normal, i))
        }
        // The field being written is shown whole, wrapped.
        drawList(&grid, lines.map { ListItem(text: $0.text, style: $0.style, index: $0.field) }, selected: run.problem.field, rect: inner)
    }

    /// "Grupper: Grupp 1 Centrum · Grupp 2 Skolan", or the key that gives
    /// a group an area.
    static func groupAreasLine(_ run: RunState, texts t: Texts) -> String {
        let given = run.groupAreasHere.sorted { $0.key < $1.key }.compactMap { g, id in
            run.data.focusAreas.first { $0.id == id }.map { "\(t.group(g)) \($0.name)" }
        }
        guard !given.isEmpty else { return "\(Keymap.hint(.assignGroupArea)) \(t[.groupAreaHint])" }
        return "\(t[.groupsGiven]): \(given.joined(separator: " · "))"
    }

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
            let text = "\(f.letter.initial): \(f.reason)"
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

    /// The meeting's purpose, goals and quality criteria, as its agenda
    /// states them; `compact` gives each goal and criterion one line.
    @discardableResult
    static func drawIntro(_ grid: inout Grid, _ intro: AgendaIntro, rect: Rect, texts t: Texts, compact: Bool = false) -> Int {
        var y = rect.y
        func block(_ heading: TextKey, _ lines: [String]) {
            guard !lines.isEmpty, y < rect.maxY else { return }
            grid.text(t[heading], x: rect.x, y: y, style: Style(.heading, bold: true))
            y += 1
            for line in lines where y < rect.maxY {
                if compact {
                    grid.text(truncate("• " + line, width: rect.width), x: rect.x, y: y)
                    y += 1
                } else {
                    y += grid.paragraph("• " + line, in: Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y), indent: "  ")
                }
            }
        }
        if !intro.purpose.isEmpty {
            if y < rect.maxY {
                grid.text(t[.introPurpose], x: rect.x, y: y, style: Style(.heading, bold: true))
                y += 1
                y += grid.paragraph(intro.purpose, in: Rect(x: rect.x, y: y, width: rect.width, height: min(compact ? 2 : 6, rect.maxY - y)))
            }
        }
        block(.introGoals, intro.goals)
        block(.introCriteria, intro.qualityCriteria)
        return y - rect.y
    }

    /// What the meeting produced before its summary, one line a kind, to
    /// read out before the decisions (001: "Sammanfatta …").
    static func outputLines(_ run: RunState, texts t: Texts) -> [String] {
        guard let out = run.data.output else { return [] }
        var lines: [String] = []
        let notes = out.notesPerGroup.values.reduce(0, +)
        if notes > 0 {
            let groups = out.notesPerGroup.keys.sorted { ($0 == 0 ? Int.max : $0) < ($1 == 0 ? Int.max : $1) }
                .map { "\(t.group($0)): \(out.notesPerGroup[$0]!)" }
            lines.append("\(t[.outputNotes]): \(notes) (\(groups.joined(separator: " · ")))")
        }
        if !out.focusAreas.isEmpty {
            let ranked = Ranking.rank(out.focusAreas, votes: out.votes)
            let list = ranked.map { r in r.dots > 0 ? "\(r.rank). \(r.area.name) (\(r.dots))" : r.area.name }
            lines.append("\(t[.outputAreas]): \(list.joined(separator: " · "))")
        }
        for p in out.problems {
            let area = p.focusAreaID.flatMap { id in out.focusAreas.first { $0.id == id }?.name ?? run.data.focusAreas.first { $0.id == id }?.name }
            let what = p.answers[.what] ?? ""
            lines.append("\(t[.outputProblem])\(area.map { " – \($0)" } ?? ""): \(what.isEmpty ? "–" : what)")
        }
        if !out.activities.isEmpty && out.followUps.isEmpty {
            let ranked = Ranking.rank(out.activities, votes: out.activityVotes)
            let list = ranked.map { r in r.dots > 0 ? "\(r.item.what) (\(r.dots))" : r.item.what }
            lines.append("\(t[.outputActivities]): \(list.joined(separator: " · "))")
        }
        for g in out.goals {
            lines.append("\(t[.goalText]) (\(t.goalKind(g.kind))): \(g.text)\(g.smartFlags.isEmpty ? " ✓ SMART" : "")")
        }
        for step in run.agenda.steps where step.kind == .rating {
            for r in out.ratings[step.id] ?? [] where r.value != nil {
                let question = step.questions.indices.contains(r.question) && step.questions.count > 1 ? " – \(step.questions[r.question])" : ""
                lines.append("\(step.title)\(question): \(t.ratingValue(r.value!))")
            }
        }
        let assessed = out.followUps.filter(\.assessesStatus)
        for f in assessed {
            guard let a = out.activities.first(where: { $0.id == f.activityID }) else { continue }
            lines.append("\(a.what): \(t.followUpStatus(f.status))")
        }
        return lines
    }

    static func drawSummary(_ grid: inout Grid, run: RunState, rect: Rect, texts t: Texts) {
        var rect = rect
        // Each line wraps, so what is read out is there in full.
        let output = outputLines(run, texts: t).flatMap { line in
            wrap(line, width: max(10, rect.width - 2)).enumerated().map { $0.offset == 0 ? $0.element : "  " + $0.element }
        }
        if !output.isEmpty {
            let (top, rest) = rect.splitTop(min(output.count + 2, rect.height / 2))
            let box = grid.box(top, title: t[.outputHeading])
            for (i, line) in output.prefix(box.height).enumerated() {
                grid.text(truncate(line, width: box.width), x: box.x, y: box.y + i)
            }
            if output.count > box.height {
                grid.textRight("+\(output.count - box.height)", maxX: box.maxX, y: box.maxY - 1, style: Style(.dim, bold: true))
            }
            rect = rest
        }
        let inner = grid.box(rect, title: "\(t[.summaryDecisions]) · \(t[.summaryNextSteps]) · \(t[.summaryCarryForward])")
        let items = run.data.summaryItems
        if items.isEmpty {
            grid.paragraph(t[.summaryEmpty], in: inner, style: Style(.dim))
            return
        }
        var lines: [ListItem] = []
        for kind in SummaryItemKind.allCases {
            let ofKind = items.enumerated().filter { $0.element.kind == kind }
            guard !ofKind.isEmpty else { continue }
            let heading: TextKey = kind == .decision ? .summaryDecisions : kind == .nextStep ? .summaryNextSteps : .summaryCarryForward
            lines.append(ListItem(text: t[heading], style: Style(.heading, bold: true)))
            for (i, item) in ofKind {
                var text = item.text
                if kind == .nextStep {
                    if !item.owner.isEmpty { text += " · \(t[.summaryWho]): \(item.owner)" }
                    if !item.due.isEmpty { text += " · \(t[.summaryWhen]): \(item.due)" }
                }
                lines.append(ListItem(text: text, index: i))
            }
        }
        drawList(&grid, lines, selected: run.selectedItem, rect: inner)
    }

    // MARK: dialogs

    static func centered(_ grid: Grid, width: Int, height: Int) -> Rect {
        let w = min(width, grid.size.width - 2), h = min(height, grid.size.height - 2)
        return Rect(x: (grid.size.width - w) / 2, y: (grid.size.height - h) / 2, width: w, height: h)
    }

    static func drawHelp(_ grid: inout Grid, context: KeyContext, texts t: Texts, scroll: Int) {
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
        let rect = centered(grid, width: min(grid.size.width - 4, 90), height: rows.count + 4)
        grid.fill(rect)
        let inner = grid.box(rect, title: t[.helpTitle], right: "Esc")
        // Scrolled with ↑↓ when the terminal is shorter than the list.
        let visible = max(1, inner.height - 1)
        let first = min(max(0, scroll), max(0, rows.count - visible))
        var y = inner.y
        for (key, text) in rows.dropFirst(first).prefix(visible) {
            grid.text(pad(key, width: keyWidth), x: inner.x + 1, y: y, style: Style(.heading, bold: true))
            grid.text(truncate(text, width: inner.width - keyWidth - 3), x: inner.x + keyWidth + 3, y: y,
                      style: key.isEmpty ? Style(.dim) : .normal)
            y += 1
        }
        if first + visible < rows.count {
            grid.textRight(t[.helpMore], maxX: inner.maxX, y: inner.maxY - 1, style: Style(.dim, bold: true))
        }
        grid.cursor = nil
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
        case .deleteNote(let id): return notes.first { $0.id == id }?.text
        case .deleteFocusArea(let id): return data.focusAreas.first { $0.id == id }?.name
        case .deleteSummaryItem(let id): return data.summaryItems.first { $0.id == id }?.text
        case .deleteActivity(let id): return data.activities.first { $0.id == id }?.what
        case .deleteGoal(let id): return data.goals.first { $0.id == id }?.text
        case .deleteContribution(let id):
            return data.contributions.first { $0.id == id }.map { $0.from.isEmpty ? $0.text : "\($0.from): \($0.text)" }
        case .deleteCause, .deleteFollowUp, .finishMeeting, .overwriteExport: return nil
        }
    }

    static func drawConfirm(_ grid: inout Grid, _ what: ConfirmAction, subject: String? = nil, texts t: Texts) {
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
        }
        let width = min(56, grid.size.width - 8)
        let lines = wrap(question, width: width) + (subject.map { wrap("”\($0)”", width: width).prefix(3) } ?? [])
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
}
