// Running a meeting: the facilitator's screen (steps, talking points, the
// step's prompt and panel, the input line) and a note-taker's station.

import SamtalCore

extension Screens {
    // The facilitator's left column and the step's prompt, kept as cells
    // like the notes panel (`kept`): a key typed on the note line changes
    // none of them, and wrapping and drawing them again was about a fifth
    // of such a frame (issue 15).
    struct StepsPanelKey: Equatable, Sendable {
        var steps: [AgendaStep]
        var stepIndex: Int
        var stepSeconds: [String: Double]
        var rect: Rect
        var language: Language
        var size: Size
    }

    struct TalkingPointsKey: Equatable, Sendable {
        var points: [String]
        var page: Int
        var rect: Rect
        var language: Language
        var size: Size
    }

    /// The step (its prompt, questions, title and kind) and the column it
    /// is drawn in: the prompt box's height, then its cells.
    struct PromptPanelKey: Equatable, Sendable {
        var step: AgendaStep
        var stepIndex: Int
        var rect: Rect
        var language: Language
        var size: Size
    }

    static let stepsPanels = FrameMemo<StepsPanelKey, [Cell]>(capacity: 8)
    static let talkingPointsPanels = FrameMemo<TalkingPointsKey, [Cell]>(capacity: 8)
    static let promptPanels = FrameMemo<PromptPanelKey, [Cell]>(capacity: 8)
    static let promptHeights = FrameMemo<PromptPanelKey, Int>(capacity: 8)

    static func drawRun(_ grid: inout Grid, _ run: RunState, state: AppState) {
        let t = state.texts
        let w = grid.size.width, h = grid.size.height
        let step = run.step
        drawRunHeader(&grid, run, state: state)

        let body = Rect(x: 0, y: 1, width: w, height: h - 3)
        let leftWidth = run.showTalkingPoints ? min(44, max(22, w * 3 / 10)) : min(32, max(20, w / 4))
        let (leftColumn, rightColumn) = body.splitLeft(leftWidth)

        // Left: the steps, then the talking points (facilitator only).
        let stepsHeight = run.showTalkingPoints ? min(run.agenda.steps.count + 2, max(4, leftColumn.height / 2)) : leftColumn.height - 1
        let (stepsRect, talkRect) = leftColumn.splitTop(stepsHeight)
        let stepsKey = StepsPanelKey(steps: run.agenda.steps, stepIndex: run.stepIndex, stepSeconds: run.stepSeconds,
                                     rect: stepsRect, language: t.language, size: grid.size)
        kept(stepsPanels, stepsKey, in: &grid, rect: stepsRect) { grid in
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
        }
        if run.showTalkingPoints {
            // Every point, a page at a time when they do not all fit; the
            // title says which page and the key that turns it.
            let talkKey = TalkingPointsKey(points: step.talkingPoints, page: run.talkingPointsPage, rect: talkRect,
                                           language: t.language, size: grid.size)
            kept(talkingPointsPanels, talkKey, in: &grid, rect: talkRect) { grid in
                let pages = bulletPages(step.talkingPoints, width: max(4, talkRect.width - 2), height: max(1, talkRect.height - 2))
                let page = run.talkingPointsPage % pages.count
                let title = pages.count > 1 ? "\(t[.talkingPointsHeading]) \(page + 1)/\(pages.count) (\(Keymap.hint(.nextTalkingPoints)))"
                    : "\(t[.talkingPointsHeading]) (F2)"
                let talkInner = grid.box(talkRect, title: title)
                for (i, line) in pages[page].prefix(talkInner.height).enumerated() {
                    grid.text(line, x: talkInner.x, y: talkInner.y + i, maxX: talkInner.maxX)
                }
            }
        } else {
            grid.text(truncate(t[.talkingPointsHidden], width: leftColumn.width), x: leftColumn.x,
                      y: leftColumn.maxY - 1, style: Style(.dim))
        }

        // Right, top: the step's prompt and questions, for the room.
        // A checklist's items and a rating's questions are listed in the
        // step's own panel, not twice.
        let roomQuestions = step.kind == .checklist || step.kind == .rating ? [] : step.questions
        let promptKey = PromptPanelKey(step: step, stepIndex: run.stepIndex, rect: rightColumn, language: t.language, size: grid.size)
        let promptHeight = promptHeights.value(promptKey) {
            let questionLines = bulletsHeight(roomQuestions, width: rightColumn.width - 2)
            let promptLines = step.prompt.isEmpty ? 0 : wrap(step.prompt, width: rightColumn.width - 2).count
            let wanted = promptLines + questionLines + (promptLines > 0 && questionLines > 0 ? 1 : 0) + 2
            return min(max(3, wanted), max(3, rightColumn.height * (step.kind == .present ? 2 : 1) / 3))
        }
        let (promptRect, notesRect) = rightColumn.splitTop(promptHeight)
        kept(promptPanels, promptKey, in: &grid, rect: promptRect) { grid in
            let promptInner = grid.box(promptRect, title: "\(t[.stepLabel]) \(run.stepIndex + 1) – \(step.title)")
            var y = promptInner.y
            if !step.prompt.isEmpty {
                y += grid.paragraph(step.prompt, in: promptInner, style: Style(.normal, bold: true))
                if !roomQuestions.isEmpty { y += 1 }
            }
            grid.bullets(roomQuestions, in: Rect(x: promptInner.x, y: y, width: promptInner.width, height: promptInner.maxY - y),
                         style: Style(.normal, bold: true))
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
                // As much as it needs, leaving the notes at least five rows
                // (they are read out before anyone writes).
                let needed = introHeight(intro, width: notesRect.width - 2) + 2
                let (top, rest) = notesRect.splitTop(max(notesRect.height / 2, min(needed, notesRect.height - 5)))
                let box = grid.box(top, title: t[.introHeading])
                drawIntro(&grid, intro, rect: box, texts: t)
                notesRect = rest
            }
            // What earlier meetings of the cycle said goes on to this one,
            // to read out first.
            let carried = run.data.carriedForward
            if !carried.isEmpty && notesRect.height > 6 {
                let lines = carried.map { item in
                    item.text + (run.data.meetingTitles[item.meetingID].map { " (\($0))" } ?? "")
                }
                let (top, rest) = notesRect.splitTop(min(lines.count * 2 + 2, notesRect.height / 2))
                let box = grid.box(top, title: "\(t[.carriedForwardHeading]) (\(carried.count))")
                grid.bullets(lines, in: box)
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

    /// A top row as it is drawn: laid out once for its words and clock
    /// (a second at a time) and kept, as the panels are (issue 15).
    struct HeaderKey: Equatable, Sendable {
        var left: String
        var step: String
        var clock: String
        var clockStyle: Style
        var width: Int
    }

    static let headers = FrameMemo<HeaderKey, [Cell]>(capacity: 8)

    /// The facilitator's top row: what meeting, which step, the step's clock.
    static func drawRunHeader(_ grid: inout Grid, _ run: RunState, state: AppState) {
        let (clockText, clockStyle) = stepClock(run, now: state.now)
        var headline = run.meeting.title
        if !run.meeting.facts.date.isEmpty { headline += " · " + run.meeting.facts.date }
        let stepText = "\(state.texts[.stepLabel]) \(run.stepIndex + 1)/\(run.agenda.steps.count)  "
        drawHeader(&grid, HeaderKey(left: headline, step: stepText, clock: clockText, clockStyle: clockStyle, width: grid.size.width))
    }

    /// A station's top row: its group (and note-taker), the meeting, the
    /// step, the room's clock.
    static func drawStationHeader(_ grid: inout Grid, _ run: RunState, state: AppState) {
        let t = state.texts
        let (clockText, clockStyle) = roomClock(run, now: state.now, texts: t)
        var who = t.group(run.group)
        if case .station(_, let name) = run.role, !name.isEmpty { who += " · " + name }
        let stepText = "\(t[.stepLabel]) \(run.stepIndex + 1)/\(run.agenda.steps.count)  "
        drawHeader(&grid, HeaderKey(left: "\(who) · \(run.meeting.title)", step: stepText, clock: clockText, clockStyle: clockStyle,
                                    width: grid.size.width))
    }

    /// The top row: the words on the left (cut to what the step and the
    /// clock leave), the step and the clock on the right.
    static func drawHeader(_ grid: inout Grid, _ key: HeaderKey) {
        let w = key.width
        kept(headers, key, in: &grid, rect: Rect(x: 0, y: 0, width: w, height: 1)) { grid in
            grid.fill(Rect(x: 0, y: 0, width: w, height: 1), style: Style(.title, reverse: true))
            grid.text(" " + truncate(key.left, width: w - DisplayWidth.of(key.step + key.clock) - 4), x: 0, y: 0,
                      style: Style(.title, bold: true, reverse: true))
            grid.textRight(key.step, maxX: w - DisplayWidth.of(key.clock) - 1, y: 0, style: Style(.title, bold: true, reverse: true))
            grid.textRight(key.clock, maxX: w - 1, y: 0, style: key.clockStyle)
        }
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
        if run.meeting.status == .finished { return (t[.meetingEndedShort], Style(.warning, bold: true)) }
        let (text, style) = stepClock(run, now: now)
        // No facilitator runs the meeting: the clock stands, and says so.
        return run.clockStart == nil ? ("\(text) · \(t[.clockPaused])", style) : (text, style)
    }

    // MARK: projector and stations

    /// A note-taker's station: one group, the current step, its notes.
    static func drawStation(_ grid: inout Grid, _ run: RunState, state: AppState) {
        let t = state.texts
        let w = grid.size.width, h = grid.size.height
        let step = run.step
        drawStationHeader(&grid, run, state: state)
        let body = Rect(x: 0, y: 1, width: w, height: h - 3)
        let lines = (step.prompt.isEmpty ? 0 : wrap(step.prompt, width: w - 2).count)
            + bulletsHeight(step.questions, width: w - 2)
        let (promptRect, notesRect) = body.splitTop(min(max(3, lines + 2), body.height / 2))
        let inner = grid.box(promptRect, title: "\(t[.stepLabel]) \(run.stepIndex + 1) – \(step.title)")
        var y = inner.y
        if !step.prompt.isEmpty { y += grid.paragraph(step.prompt, in: inner, style: Style(.normal, bold: true)) }
        grid.bullets(step.questions, in: Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y))
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

    // MARK: the input line

    /// What the note line's label is made of: worked out once for them
    /// and kept (issue 15).
    struct NoteLabelKey: Equatable, Sendable {
        var group: Int
        var type: NoteType
        var source: NoteSource
        var editing: Bool
        var draft: Bool
        var room: Int
        var language: Language
    }

    static let noteLabels = FrameMemo<NoteLabelKey, String>(capacity: 8)

    /// Whether the message (if any) fits beside the note line; a longer
    /// one is drawn whole on the rows above it. With nothing typed, a
    /// message (a personal-data warning) may take most of the line; while
    /// typing it keeps to a third. An error (a refusal, a conflict) takes
    /// two thirds: it must be read.
    static func statusOnNoteLine(_ run: RunState, state: AppState, width w: Int) -> Bool {
        guard let status = state.status else { return true }
        let room = run.input.isEmpty && run.subfieldsEmpty ? w - 24 : status.isError ? w * 2 / 3 : w / 3
        return DisplayWidth.of(status.text) <= room
    }

    static func drawInput(_ grid: inout Grid, run: RunState, state: AppState, y: Int) {
        let t = state.texts
        let w = grid.size.width
        let takesNoNotes = run.role != .facilitator && run.bound == nil && run.keyContext != .stationVote
        if takesNoNotes, let status = state.status, status.text == t[run.noNotesReason] {
            // Typed at a station where the step takes no notes: the line's
            // reason is the answer, in the message's colours. The message
            // again beside it cut the line's short (the twentieth walk).
            grid.text(truncate(" " + status.text, width: max(0, w - 1)), x: 0, y: y, style: Style(.error, bold: true))
            grid.cursor = nil
            return
        }
        var statusText = ""
        if let status = state.status {
            if statusOnNoteLine(run, state: state, width: w) {
                statusText = status.text
            } else {
                // Longer than its room: whole, on the rows above the line
                // (over the panels' lower edge, while it is shown), and the
                // line keeps its width for typing.
                let lines = wrap(status.text, width: max(1, w - 2), maxLines: 3)
                let top = max(0, y - lines.count)
                let style = Style(status.isError ? .error : .success, bold: true)
                grid.fill(Rect(x: 0, y: top, width: w, height: y - top), style: style)
                for (i, line) in lines.prefix(y - top).enumerated() {
                    grid.text(line, x: 1, y: top + i, maxX: w - 1, style: style)
                }
            }
        }
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
                let (shown, cursorColumn) = fieldWindow(of: f, width: fw, focused: focused)
                grid.text(shown, x: x, y: y, maxX: x + fw, style: Style(.input))
                if focused { grid.cursor = (x + cursorColumn, y) }
            }
            x += fw
            return x
        }
        if takesNoNotes {
            // A station in a step without notes, or after the meeting.
            let why = t[run.noNotesReason]
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
            // A restored draft is marked, as in the other steps' lines.
            let kind = " " + draft + (run.summary.editing != nil ? "\(t[.editingLabel]) · " : "") + "\(t.summaryKind(run.summary.kind)) ▸ "
            if run.summary.kind == .nextStep {
                let room = max(12, right - DisplayWidth.of(kind) - 17)
                var x = field(kind, run.input, x: 0, width: room * 3 / 5, focused: run.summary.part == .what)
                x = field(" \(t[.summaryWho]) ▸ ", run.summary.owner, x: x, width: room / 4, focused: run.summary.part == .who)
                // A date's ten columns and the cursor after it: with ten, its
                // first digit scrolled out as it was typed (the twentieth walk).
                _ = field(" \(t[.summaryWhen]) ▸ ", run.summary.due, x: x, width: 11, focused: run.summary.part == .when)
            } else {
                // "Nothing yet" only while the step has no items.
                _ = field(kind, run.input, x: 0, width: w, focused: true,
                          placeholder: t[run.data.summaryItems.isEmpty ? .summaryEmpty : .summaryInputHint])
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
            let key = NoteLabelKey(group: run.group, type: run.noteType, source: run.editSource ?? run.source(ofGroup: run.group),
                                   editing: run.editing != nil, draft: run.restoredDraft, room: right, language: t.language)
            let prefix = noteLabels.value(key) {
                let editing = key.editing ? " \(t[.editingLabel]) ·" : ""
                // Where the labels would leave the text less than 24 columns
                // (a message beside it, 80 columns), the source goes, then
                // the type (the group stays: it is where the note goes).
                let labels = [[t.group(key.group), t.noteType(key.type), t.source(key.source)],
                              [t.group(key.group), t.noteType(key.type)], [t.group(key.group)]]
                let prefixes = labels.map { editing + " \(draft)" + $0.joined(separator: " · ") + " ▸ " }
                return prefixes.first { right - DisplayWidth.of($0) >= 24 } ?? prefixes[prefixes.count - 1]
            }
            _ = field(prefix, run.input, x: 0, width: w, focused: true, placeholder: t[.inputPlaceholder],
                      style: Style(typeRole(run.noteType), bold: true))
        }
    }
}
