// The forms: a new cycle or meeting, a meeting's facts and participants,
// an export, and the workspace's records.

import SamtalCore

extension Screens {
    /// A workspace form as drawn with its focused field empty, kept as
    /// cells until the form (but for what is typed in that field), the
    /// language or the size changes: a key typed in the field draws that
    /// field over the kept cells, not the whole form again (a form was
    /// ~440 K instructions a key, issue 15). The SMART check under a
    /// goal's form and a participants table change with what is typed:
    /// those forms are drawn whole.
    struct FormPanelKey: Equatable, Sendable {
        var form: Form
        var language: Language
        var size: Size
    }

    static let formPanels = FrameMemo<FormPanelKey, (cells: [Cell], layout: FormLayout)>(capacity: 4)

    /// Where a form's focused field is drawn, and the room under its fields.
    struct FormLayout: Sendable {
        var focusedY: Int?
        var valueX: Int
        var valueWidth: Int
        var rows: Int
        var extras: Rect
    }

    static func drawForm(_ grid: inout Grid, _ form: Form, state: AppState) {
        let w = grid.size.width, h = grid.size.height
        // (A frame whose work is counted keeps nothing: it is the one
        // the kept frames are held to, drawn whole.)
        if LayoutWork.current == nil, case .workspace(let which) = form.purpose, form.participants == nil, form.focusedCell == nil,
           form.fields.indices.contains(form.focus), case .text(let typed) = form.fields[form.focus].value {
            switch which {
            // The SMART check, and the "why?" a cause answers, are drawn
            // in place of the long text below: drawn whole.
            case .goal, .cause(_, _, _?): break
            case .focusArea, .splitArea, .problem, .cause, .activity, .promise, .followUp:
                var blank = form
                blank.fields[form.focus].value = .text(TextField(limit: typed.limit))
                let key = FormPanelKey(form: blank, language: state.texts.language, size: grid.size)
                let area = Rect(x: 0, y: 0, width: w, height: h - 2)
                let (cells, layout) = formPanels.value(key) {
                    var panel = Grid(grid.size)
                    let layout = drawFormBody(&panel, blank, state: state)
                    return (panel.cells(in: area), layout)
                }
                grid.put(cells, in: area)
                if let y = layout.focusedY {
                    drawTypedValue(&grid, form.fields[form.focus], typed, x: layout.valueX, width: layout.valueWidth, y: y, rows: layout.rows)
                }
                drawLongTypedText(&grid, form, rect: layout.extras)
                drawFormFooter(&grid, form, state: state)
                return
            }
        }
        _ = drawFormBody(&grid, form, state: state)
        drawFormFooter(&grid, form, state: state)
    }

    /// The focused field's text (its frame drawn already), and the cursor.
    static func drawTypedValue(_ grid: inout Grid, _ field: FormField, _ tf: TextField, x fx: Int, width fw: Int, y: Int, rows: Int) {
        if field.isMultiline {
            let window = multilineWindow(of: tf, width: fw, rows: rows)
            for r in 0..<min(rows, window.lines.count) {
                grid.text(window.lines[r], x: fx, y: y + r, maxX: fx + fw, style: Style(.input, bold: true, underline: true))
            }
            grid.cursor = (fx + window.cursorColumn, y + window.cursorRow)
        } else {
            let (shown, cursorColumn) = fieldWindow(of: tf, width: fw, focused: true)
            grid.text(shown, x: fx, y: y, maxX: fx + fw, style: Style(.input, bold: true, underline: true))
            grid.cursor = (fx + cursorColumn, y)
        }
    }

    /// The message (or the form's error) and the keys.
    static func drawFormFooter(_ grid: inout Grid, _ form: Form, state: AppState) {
        let w = grid.size.width, h = grid.size.height
        if let error = form.error {
            // Whole, on up to three rows over the form's lower edge: what
            // it asks must be read to the end (another terminal's save).
            let lines = wrap(error, width: max(1, w - 2), maxLines: 3)
            let top = h - 1 - lines.count
            grid.fill(Rect(x: 0, y: top, width: w, height: lines.count))
            for (i, line) in lines.enumerated() {
                grid.text(" " + line, x: 0, y: top + i, maxX: w - 1, style: Style(.error, bold: true))
            }
        } else {
            drawStatus(&grid, state: state, y: h - 2)
        }
        // The form's own keys, also under a dialog (the quit question).
        drawKeyBar(&grid, context: form.participants == nil ? .recordForm : .form, texts: state.texts, y: h - 1)
    }

    /// Everything of a form above its message row; returns where its
    /// focused field and its extras are.
    static func drawFormBody(_ grid: inout Grid, _ form: Form, state: AppState) -> FormLayout {
        let t = state.texts
        let w = grid.size.width, h = grid.size.height
        var layout = FormLayout(focusedY: nil, valueX: 0, valueWidth: 0, rows: 1, extras: Rect(x: 0, y: 0, width: 0, height: 0))
        let title: String
        switch form.purpose {
        case .newCycle: title = t[.formNewCycle]
        case .editCycle: title = t[.formEditCycle]
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
        case .newCycle, .editCycle, .newMeeting, .facts: break
        case .workspace, .export:
            // Record forms have longer labels; they get up to two fifths.
            labelWidth = min(inner.width * 2 / 5, max(labelWidth, (form.fields.map { DisplayWidth.of(t[$0.label]) + 2 }.max() ?? 0)))
        }
        var y = inner.y + 1
        // A long text being edited takes its rows; the fields scroll so the
        // focused one is always whole on screen.
        let heights = form.fields.enumerated().map { i, f in f.isMultiline && form.focus == i ? f.lines : 1 }
        var first = 0
        if form.focusedCell == nil, form.focus < form.fields.count {
            while first < form.focus && heights[first...form.focus].reduce(0, +) > inner.maxY - y { first += 1 }
        }
        if first > 0 { grid.textRight(" ▲ \(first) ", maxX: inner.maxX, y: inner.y - 1, style: Style(.dim, bold: true)) }
        for (i, field) in form.fields.enumerated().dropFirst(first) where y < inner.maxY {
            let focused = form.focus == i
            grid.text(pad(t[field.label] + (field.required ? " *" : ""), width: labelWidth), x: inner.x + 1, y: y,
                      style: Style(focused ? .heading : .normal, bold: focused))
            let fx = inner.x + 2 + labelWidth
            let fw = inner.maxX - fx - 1
            if focused { (layout.focusedY, layout.valueX, layout.valueWidth) = (y, fx, fw) }
            switch field.value {
            case .text(let tf) where focused:
                let rows = field.isMultiline ? max(1, min(field.lines, inner.maxY - y)) : 1
                layout.rows = rows
                grid.fill(Rect(x: fx, y: y, width: fw, height: rows), style: Style(.input, underline: true))
                drawTypedValue(&grid, field, tf, x: fx, width: fw, y: y, rows: rows)
                y += rows - 1
            case .text(let tf):
                // A field not being edited shows its beginning (its line
                // breaks as ↵, as on the note line).
                let (shown, _) = fieldWindow(of: tf, width: fw, focused: false)
                grid.fill(Rect(x: fx, y: y, width: fw, height: 1), style: Style(.input, underline: true))
                grid.text(shown, x: fx, y: y, maxX: fx + fw, style: Style(.input, underline: true))
            case .choice(_, let labels, let index):
                let label = labels.isEmpty ? "–" : labels[index]
                let s = "◀ " + label + " ▶"
                grid.text(truncate(s, width: fw), x: fx, y: y, maxX: fx + fw, style: Style(.input, bold: focused, reverse: focused))
                if focused { grid.cursor = nil }
            }
            y += 1
        }
        if let last = form.fields.indices.last, y >= inner.maxY, !form.fields.isEmpty,
           heights.dropFirst(first).reduce(0, +) > inner.maxY - inner.y - 1 {
            let shown = form.fields.indices.dropFirst(first).prefix { i in heights[first...i].reduce(0, +) <= inner.maxY - inner.y - 1 }
            let below = last - (shown.last ?? first)
            if below > 0 { grid.textRight(" ▼ \(below) ", maxX: inner.maxX, y: inner.maxY, style: Style(.dim, bold: true)) }
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
                    let (shown, cursorColumn) = fieldWindow(of: cells[c.rawValue], width: cw, focused: focused)
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
        layout.extras = Rect(x: inner.x + 1, y: y + 1, width: inner.width - 2, height: inner.maxY - y - 1)
        if case .workspace(let which) = form.purpose {
            drawWorkspaceFormExtras(&grid, form, which, state: state, rect: layout.extras)
        }
        return layout
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
        drawLongTypedText(&grid, form, rect: rect)
    }

    /// A long one-line text is shown whole below the form; a multi-line
    /// field shows itself.
    static func drawLongTypedText(_ grid: inout Grid, _ form: Form, rect: Rect) {
        guard rect.height > 0, rect.width > 4, form.focus < form.fields.count, !form.fields[form.focus].isMultiline,
              case .text(let field) = form.fields[form.focus].value else { return }
        let labelWidth = min(18, max(12, (rect.width + 4) / 4))
        guard DisplayWidth.of(field.text) > rect.width - labelWidth - 2 else { return }
        // Where the form ends first, the last line says that more follows.
        for (i, line) in wrap(field.text, width: rect.width, maxLines: rect.height).enumerated() {
            grid.text(line, x: rect.x, y: rect.y + i, maxX: rect.maxX, style: Style(.dim))
        }
    }
}
