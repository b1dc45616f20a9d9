// The panels of the step kinds on the run screen: cluster, vote, checklist,
// rating, problem, and the introduction and summary.

import SamtalCore

extension Screens {
    /// What the cluster step's two lists are drawn from: all `layOutCluster` reads.
    struct ClusterPanelKey: Equatable, Sendable {
        var cluster: ClusterState
        var data: StepData
        var meetingID: Int64
        var notesFromCycle: Bool
        var rect: Rect
        var language: Language
        var size: Size
    }

    /// The lists drawn, by what they were drawn from (see `notesPanels`):
    /// a letter typed into an area's name on the line below changes
    /// neither list.
    static let clusterPanels = FrameMemo<ClusterPanelKey, [Cell]>(capacity: 8)

    static func drawCluster(_ grid: inout Grid, run: RunState, rect: Rect, texts t: Texts) {
        let key = ClusterPanelKey(cluster: run.cluster, data: run.data, meetingID: run.meeting.id, notesFromCycle: run.query.notesFromCycle,
                                  rect: rect, language: t.language, size: grid.size)
        kept(clusterPanels, key, in: &grid, rect: rect) { layOutCluster(&$0, run: run, rect: rect, texts: t) }
    }

    static func layOutCluster(_ grid: inout Grid, run: RunState, rect: Rect, texts t: Texts) {
        let (left, right) = rect.splitLeft(rect.width / 2)
        // The list that has ↑/↓ says so in words, not by a bold border alone.
        let onNotes = run.cluster.pane == .notes
        func pane(_ active: Bool) -> (String, String) {
            let wide = left.width >= 40 // else the key alone
            return active ? ("▶ ", wide ? t[.paneActive] : "↑↓") : ("", Keymap.hint(.switchPane) + (wide ? " " + t[.paneSwitch] : ""))
        }
        // A first reading of a screenful of the cycle's notes (the rest to
        // come) is drawn as the whole would be: its count, the marks of
        // the rows below.
        let notes = run.data.sourceNotes
        let total = notes.count + run.data.sourceNotesNotRead
        let notesInner = grid.box(left, title: "\(pane(onNotes).0)\(t[.clusterNotesHeading]) (\(total))",
                                  right: pane(onNotes).1, style: Style(.border, bold: onNotes))
        // Where the room decides (the joint meeting), the keys for the
        // target picture and the promise stand on the list.
        let title = "\(pane(!onNotes).0)\(t[.clusterAreasHeading]) (\(run.data.focusAreas.count))"
        let hints = "\(Keymap.hint(.editTargetPicture)) \(t[.keyTargetPicture])  \(Keymap.hint(.toggleAreaPromise)) ★"
        let fits = DisplayWidth.of(title) + DisplayWidth.of(hints) + 6 <= right.width
        let areasInner = grid.box(right, title: title, right: run.query.notesFromCycle && fits && !onNotes ? hints : pane(!onNotes).1,
                                  style: Style(.border, bold: !onNotes))
        let areas = run.data.focusAreas
        let rows = clusterRowsMemo.value(ClusterRowsKey(notes: notes, areas: areas)) { ClusterRows(notes: notes, areas: areas) }
        if notes.isEmpty {
            grid.paragraph(t[.clusterNoSourceNotes], in: notesInner, style: Style(.dim))
        }
        // The selected note is shown whole (wrapped), the others on a line;
        // only the rows in view are made.
        drawList(&grid, count: total, selected: run.cluster.note, rect: notesInner, active: run.cluster.pane == .notes) { i in
            LayoutWork.item()
            guard notes.indices.contains(i) else { return ListItem(text: "…", style: Style(.dim), index: i) }
            let note = notes[i]
            // A placed note is marked and dimmed, not prefixed with its
            // area's name (which left no room to tell notes apart); the
            // areas list shows where it is.
            let placed = rows.area[note.id] != nil
            let tag = placed ? "✓ " : ""
            // Notes gathered from the whole cycle keep their source in view.
            let source = run.query.notesFromCycle ? "(\(t.source(note.source))) " : ""
            // Hidden from the projector, personal data not yet checked:
            // said here as in the note list (the notes gathered from the
            // cycle were not scanned: the rows in view are, when the list
            // is laid out, which is not every frame).
            let hidden = note.hidden ? " (\(t[.hiddenMark]))" : ""
            let kinds = note.personalDataChecked ? [] : PersonalData.kinds(in: note.text)
            let warning = kinds.isEmpty ? "" : " ⚠ " + kinds.map { shortPersonalData($0, texts: t) }.joined(separator: ",") + "?"
            return ListItem(text: tag + source + note.text + hidden + warning, style: placed ? Style(.dim) : .normal, index: i)
        }
        if areas.isEmpty {
            grid.paragraph(t[.clusterNoAreas], in: areasInner, style: Style(.dim))
            return
        }
        // Each area: its name and type, then its notes indented; only the
        // rows in view are made.
        let count = rows.firstRow[areas.count]
        let selectedLine = areas.indices.contains(run.cluster.area) ? rows.firstRow[run.cluster.area] : 0
        let first = scrollStart(selected: selectedLine, count: count, height: areasInner.height)
        overflowMarks(&grid, above: first, below: max(0, count - first - areasInner.height), rect: areasInner)
        // The area of the first row in view: the last that starts at or above it.
        var lo = 0, hi = areas.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if rows.firstRow[mid] <= first { lo = mid } else { hi = mid - 1 }
        }
        var k = lo
        for row in first..<min(count, first + areasInner.height) {
            while rows.firstRow[k + 1] <= row { k += 1 }
            LayoutWork.item()
            let y = areasInner.y + row - first
            let area = areas[k]
            var line = row - rows.firstRow[k]
            if line == 0 {
                let merge = run.cluster.mergeSource == area.id ? " ⇢" : ""
                let from = run.proposedElsewhere(area)
                let promise = area.leadsToPromise ? "★ " : ""
                // The key that moves a note here (after the move key).
                let key = PickKey.key(k).map { "\($0) " } ?? "  "
                // The count and merge mark stay whole (at 120 columns a long
                // name, or the type "brottstyp/ordningsstörning", cut the
                // count off); the name keeps up to what leaves the type 10
                // columns, at least 8; the type the rest, or it goes where
                // that is under 4; the meetings that proposed it come last.
                let head = "\(key)\(promise)"
                let count = " (\(area.noteIDs.count))\(merge)"
                let line = areasInner.width - 2
                let room = line - DisplayWidth.of(head) - DisplayWidth.of(count)
                var text = head
                if let type = t.chosenAreaType(area.type) {
                    let nameWidth = DisplayWidth.of(area.name), typeWidth = DisplayWidth.of(type)
                    let name = max(min(nameWidth, 8), room - 3 - typeWidth, min(nameWidth, room - 3 - min(typeWidth, 10)))
                    let typeRoom = room - 3 - min(nameWidth, name)
                    text += typeRoom >= 4 ? truncate(area.name, width: name) + " · " + truncate(type, width: typeRoom)
                        : truncate(area.name, width: max(1, room))
                } else {
                    text += truncate(area.name, width: max(1, room))
                }
                text += count
                if !from.isEmpty, case let rest = line - DisplayWidth.of(text), rest >= 6 {
                    text += truncate(" · \(from)", width: rest)
                }
                listRow(&grid, text, x: areasInner.x, y: y, width: areasInner.width, selected: k == run.cluster.area,
                        active: run.cluster.pane == .areas, style: Style(.heading, bold: true))
                continue
            }
            if !area.targetPicture.isEmpty {
                if line == 1 {
                    grid.text(truncate("   \(t[.targetPictureLabel]): \(area.targetPicture)", width: areasInner.width), x: areasInner.x, y: y,
                              style: Style(.dim))
                    continue
                }
                line -= 1
            }
            grid.text(truncate("   " + notes[rows.notes[k][line - 1]].text, width: areasInner.width), x: areasInner.x, y: y)
        }
    }

    /// The cluster's areas pane as rows: each area's heading, its target
    /// picture, and its notes that are among those gathered; worked out
    /// when the notes or the areas change, not for every frame (issue 15).
    struct ClusterRows: Sendable {
        /// The area (its position) each note is in, the first that has it.
        var area: [Int64: Int] = [:]
        /// Each area's first row, then the number of rows.
        var firstRow: [Int] = []
        /// Each area's notes found among those gathered, as their positions.
        var notes: [[Int]] = []

        init(notes: [Note], areas: [FocusArea]) {
            LayoutWork.visited(notes.count + areas.reduce(0) { $0 + $1.noteIDs.count })
            // Positions only of the notes in an area: the cycle's ~1,000
            // notes into a dictionary cost ~0.8 M instructions at a cluster
            // step's first frame, and none when no area has a note yet
            // (issue 15).
            var inAreas = Set<Int64>()
            for a in areas { inAreas.formUnion(a.noteIDs) }
            var position: [Int64: Int] = [:]
            if !inAreas.isEmpty {
                for (i, n) in notes.enumerated() where inAreas.contains(n.id) && position[n.id] == nil { position[n.id] = i }
            }
            var row = 0
            for (k, a) in areas.enumerated() {
                firstRow.append(row)
                for id in a.noteIDs where area[id] == nil { area[id] = k }
                let found = a.noteIDs.compactMap { position[$0] }
                self.notes.append(found)
                row += 1 + (a.targetPicture.isEmpty ? 0 : 1) + found.count
            }
            firstRow.append(row)
        }
    }

    struct ClusterRowsKey: Equatable, Sendable {
        var notes: [Note]
        var areas: [FocusArea]
    }

    static let clusterRowsMemo = FrameMemo<ClusterRowsKey, ClusterRows>()

    /// The ranking of focus areas by dots, with bars: the vote step's tally
    /// and the hand-on from earlier meetings.
    static func drawRanking(_ grid: inout Grid, run: RunState, rect: Rect, title: String, texts t: Texts, selectable: Bool = false) {
        let rows = run.votesOnActivities ? activityTally(run, selectable: selectable, texts: t) : areaTally(run, selectable: selectable, texts: t)
        drawTally(&grid, rows, selected: selectable ? run.vote.row : nil, rect: rect, title: title,
                  empty: run.votesOnActivities ? t[.voteNoActivities] : t[.voteNoAreas])
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
        let labelWidth = min(ProblemField.all.map { DisplayWidth.of(t.problemField($0)) }.max() ?? 20, inner.width / 2)
        // Which group writes which area (the facilitator's to give), whole
        // above the fields.
        let groups = given ? "\(t[.groupAreaFixed]) \(t.quote(area?.name ?? ""))." : run.role == .facilitator && run.meeting.groupCount > 0 ? groupAreasLine(run, texts: t) : ""
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
            let value = run.problemText(f)
            lines.append((pad(t.problemField(f), width: labelWidth) + " " + (value.isEmpty ? "–" : value), .normal, i))
        }
        // The field being written is shown whole, wrapped.
        drawList(&grid, lines.map { ListItem(text: $0.text, style: $0.style, index: $0.field, hanging: labelWidth + 1) },
                 selected: run.problem.field, rect: inner)
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

    /// The meeting's purpose, goals and quality criteria, as its agenda
    /// states them, in as much of `rect` as they need. Where they do not
    /// fit whole, the purpose is shortened first (to two lines, ending in
    /// "…"), then each goal and criterion gets one line of its own
    /// (`compact` starts there); a point is never run into the one before
    /// it (the twenty-second walk: "… som möjligt. • identifiera …").
    @discardableResult
    static func drawIntro(_ grid: inout Grid, _ intro: AgendaIntro, rect: Rect, texts t: Texts, compact: Bool = false) -> Int {
        let blocks = [(TextKey.introGoals, intro.goals), (.introCriteria, intro.qualityCriteria)].filter { !$0.1.isEmpty }
        let purpose = intro.purpose.isEmpty ? [] : wrap(intro.purpose, width: rect.width)
        let headings = blocks.count + (purpose.isEmpty ? 0 : 1)
        let wholePoints = blocks.reduce(0) { $0 + bulletsHeight($1.1, width: rect.width) }
        let onePerLine = compact || headings + min(purpose.count, 2) + wholePoints > rect.height
        let points = onePerLine ? blocks.reduce(0) { $0 + $1.1.count } : wholePoints
        // The purpose gets what the points leave, at least two lines.
        let purposeRows = min(purpose.count, max(2, rect.height - headings - points))
        var y = rect.y
        if !purpose.isEmpty, y < rect.maxY {
            grid.text(t[.introPurpose], x: rect.x, y: y, style: Style(.heading, bold: true))
            y += 1
            y += grid.paragraph(intro.purpose, in: Rect(x: rect.x, y: y, width: rect.width, height: min(purposeRows, rect.maxY - y)))
        }
        for (heading, lines) in blocks where y < rect.maxY {
            grid.text(t[heading], x: rect.x, y: y, style: Style(.heading, bold: true))
            y += 1
            if onePerLine {
                for line in lines where y < rect.maxY {
                    grid.text(truncate("• " + line, width: rect.width), x: rect.x, y: y)
                    y += 1
                }
            } else {
                y += grid.bullets(lines, in: Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y))
            }
        }
        return y - rect.y
    }

    /// The rows the meeting's purpose, goals and quality criteria take
    /// drawn whole `width` wide.
    static func introHeight(_ intro: AgendaIntro, width: Int) -> Int {
        let blocks = [intro.goals, intro.qualityCriteria].filter { !$0.isEmpty }
        return (intro.purpose.isEmpty ? 0 : 1 + wrap(intro.purpose, width: width).count)
            + blocks.reduce(0) { $0 + 1 + bulletsHeight($1, width: width) }
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
}
