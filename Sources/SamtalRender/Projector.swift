import SamtalCore
import Synchronization

// The projector (`samtal present`): the room's wall. No chrome; the step in
// large letters, the room's question, and what the room is producing right
// now, for every kind of step, readable from the back of the room. What
// does not fit is never cut silently: it flows into columns and pages that
// turn by themselves ("sida 2/3"): the wall widget, in Widgets/Wall.swift.

/// What the time changes on the wall under its clock: the clock's width
/// (the title has the room it leaves) and the page the wall has turned
/// to. The clock itself is drawn over the frame (`drawRoomClock`): a
/// projector's frame is otherwise drawn from the state without the time.
struct ProjectorWall: Equatable, Sendable {
    var clockWidth: Int
    var page: Int

    init(clock: (text: String, style: Style), run: RunState, now: Timestamp) {
        clockWidth = DisplayWidth.of(clock.text)
        page = run.meeting.wallCounter(at: now)
    }

    init(_ run: RunState, state: AppState) {
        self.init(clock: Screens.roomClock(run, now: state.now, texts: state.texts), run: run, now: state.now)
    }
}

/// The projector's last frame without its dialog, with what it was drawn
/// from: the state less its dialog, note line, message and time
/// (`AppState.equalsOutsideDialogAndNoteLine`), what the time shows
/// (`ProjectorWall`) and the size. A dialog opened or closed on the wall,
/// or the clock's next second, finds it (issue 15: F1 on the wall drew
/// the whole wall again under its help, 1.8x vim's key; and every second
/// drew it again for its clock).
/// One frame, compared in place: a memo keyed by a copy of the state
/// cost more in copies than the comparison.
final class KeptWall: Sendable {
    private let kept = Mutex<(state: AppState, wall: ProjectorWall, size: Size, grid: Grid)?>(nil)

    /// Whether `frame` would give the frame kept.
    func has(_ state: AppState, wall: ProjectorWall, size: Size) -> Bool {
        kept.withLock { k in k.map { $0.size == size && $0.wall == wall && $0.state.equalsOutsideDialogAndNoteLine(state) } ?? false }
    }

    /// The frame kept for `state`, else `draw()`'s, kept for next time.
    func frame(_ state: AppState, wall: ProjectorWall, size: Size, draw: () -> Grid) -> Grid {
        let found: Grid? = kept.withLock { k in
            guard let k, k.size == size, k.wall == wall, k.state.equalsOutsideDialogAndNoteLine(state) else { return nil }
            return k.grid
        }
        if let found { return found }
        let grid = draw()
        kept.withLock { $0 = (state, wall, size, grid) }
        return grid
    }
}

extension Screens {
    static let keptWall = KeptWall()

    /// The room's clock, at the top right: drawn over the frame, in the
    /// room `drawPresent` leaves it (`ProjectorWall.clockWidth`).
    static func drawRoomClock(_ grid: inout Grid, _ clock: (text: String, style: Style)) {
        grid.textRight(clock.text, maxX: grid.size.width - 2, y: 1, style: clock.style)
    }

    /// The wall but its clock.
    static func drawPresent(_ grid: inout Grid, _ run: RunState, texts t: Texts, wall: ProjectorWall) {
        let w = grid.size.width, h = grid.size.height
        let step = run.step
        var y = 1
        let titleRoom = w - wall.clockWidth - 6
        if h >= 24, let rows = BlockLetters.rows(step.title), (rows.first?.unicodeScalars.count ?? 0) <= titleRoom {
            for (i, row) in rows.enumerated() { grid.text(row, x: 2, y: y + i, style: Style(.title, bold: true)) }
            y += BlockLetters.height + 1
        } else {
            grid.text(truncate(step.title.uppercased(), width: titleRoom), x: 2, y: y, style: Style(.title, bold: true))
            y += 2
        }
        grid.textRight("\(t[.stepLabel]) \(run.stepIndex + 1)/\(run.agenda.steps.count)", maxX: w - 2, y: 2, style: Style(.dim))
        grid.cursor = nil
        let body = Rect(x: 3, y: y, width: w - 6, height: h - y - 1)
        guard body.width > 8, body.height > 2 else { return }
        var used = 0
        if !step.prompt.isEmpty {
            used += grid.paragraph(step.prompt, in: Rect(x: body.x, y: body.y, width: body.width, height: max(1, body.height / 3)),
                                   style: Style(.normal, bold: true)) + 1
        }
        // The step's questions, when the room's work leaves room for them
        // (a rating or checklist shows its own).
        if step.kind != .checklist && step.kind != .rating {
            // Up to half the wall where they need it: the room reads every
            // question (five showed three at 80×24).
            used += grid.bullets(step.questions, in: Rect(x: body.x, y: body.y + used, width: body.width, height: body.height / 2 - used))
        }
        var rest = Rect(x: body.x - 1, y: body.y + used + 1, width: body.width + 2, height: body.height - used - 1)
        // The introduction shows the room what the meeting is for.
        let intro = AgendaIntro(run.agenda)
        if run.stepIndex == 0 && step.kind == .present && !intro.isEmpty && rest.height > 8 {
            let (top, below) = rest.splitTop(run.data.commitments == nil && run.data.focusAreas.isEmpty && run.notes.isEmpty
                                             ? rest.height : rest.height / 2)
            _ = drawIntro(&grid, intro, rect: grid.box(top, title: t[.introHeading]), texts: t)
            rest = below
        }
        guard rest.height > 2 else { return }
        let page = wall.page
        switch step.kind {
        case .vote:
            drawRanking(&grid, run: run, rect: rest, title: "\(run.votesOnActivities ? t[.voteActivitiesHeading] : t[.voteHeading]) · "
                        + t.dots(run.dotsCast), texts: t)
        case .cluster:
            drawWall(&grid, source: .cluster(run.data.sourceNotes, areas: run.data.focusAreas, t.language), rect: rest, page: page,
                     texts: t) { clusterWall(run, texts: t) }
        case .goals:
            drawGoalList(&grid, run: run, rect: rest, texts: t, selectable: false)
        case .followUp:
            drawFollowUpList(&grid, run: run, rect: rest, texts: t, selectable: false)
        case .problem:
            drawWall(&grid, problemWall(run, texts: t), rect: rest, page: page, texts: t)
        case .activities:
            drawWall(&grid, activityWall(run, texts: t), rect: rest, page: page, texts: t)
        case .rating:
            drawWall(&grid, ratingWall(run, texts: t), rect: rest, page: page, texts: t)
        case .checklist:
            drawWall(&grid, checklistWall(run, texts: t), rect: rest, page: page, texts: t)
        case .summary:
            drawWall(&grid, summaryWall(run, texts: t), rect: rest, page: page, texts: t)
        case .present, .collect:
            if let commitments = run.data.commitments {
                drawCommitments(&grid, commitments, rect: rest, title: t[.wsCommitmentsHeading], texts: t)
            } else if !run.data.focusAreas.isEmpty {
                drawRanking(&grid, run: run, rect: rest, title: t[.cycleFocusAreasHeading], texts: t)
            } else if !run.notes.isEmpty || step.kind == .collect {
                drawWall(&grid, source: .notes(run.notes, personalData: run.personalData, t.language), rect: rest, page: page,
                         texts: t) { notesWall(run, texts: t) }
            }
        }
    }

    // MARK: the walls of each kind

    /// What the room may see of a note: personal data masked, whether or not
    /// the facilitator checked and kept it (the projector is public). The
    /// notes a cluster gathers from earlier steps were not scanned when
    /// they arrived, so every text is masked here.
    static func roomText(_ note: Note, _ run: RunState) -> String {
        PersonalData.redact(note.text)
    }

    /// Collect: every note the room may see, by group, each with its type.
    /// Made again only when the notes change (`drawWall(source:)`).
    static func notesWall(_ run: RunState, texts t: Texts) -> [WallBlock] {
        LayoutWork.visited(run.notes.count)
        let shown = run.notes.filter { !$0.hidden }
        let byGroup = Dictionary(grouping: shown, by: \.group)
        // Groups 1, 2, …, then the plenary, as the facilitator lists them.
        let groups = byGroup.keys.sorted { ($0 == 0 ? Int.max : $0) < ($1 == 0 ? Int.max : $1) }
        var blocks: [WallBlock] = []
        for g in groups {
            let notes = byGroup[g]!.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
            let groupHeading = WallLine(text: "\(t.group(g)) (\(notes.count))", style: Style(.heading, bold: true))
            for (i, n) in notes.enumerated() {
                // A group's heading stays with its first note.
                let heading = i == 0 ? [groupHeading] : []
                // A step's own notes were scanned when they arrived: one
                // without personal data is shown as it is, unscanned again.
                let text = run.personalData[n.id] == nil ? n.text : roomText(n, run)
                blocks.append(WallBlock(lines: heading + [WallLine(lead: t.noteType(n.type) + ": ", leadStyle: Style(typeRole(n.type), bold: true),
                                                                   text: text, style: Style(.normal, bold: true))],
                                        under: groupHeading))
            }
        }
        if blocks.isEmpty { blocks = [WallBlock(lines: [WallLine(text: t[.noNotes], style: Style(.dim))])] }
        return blocks
    }

    /// Cluster: the wall itself, each area a column with its notes, the
    /// notes not yet placed first. Made again only when the notes or the
    /// areas change.
    static func clusterWall(_ run: RunState, texts t: Texts) -> [WallBlock] {
        LayoutWork.visited(run.data.sourceNotes.count)
        let notes = run.data.sourceNotes.filter { !$0.hidden }
        let byID = Dictionary(uniqueKeysWithValues: notes.map { ($0.id, $0) })
        let placed = Set(run.data.focusAreas.flatMap(\.noteIDs))
        var blocks: [WallBlock] = []
        func column(_ heading: String, _ ids: [Int64], style: Style, picture: String = "") {
            let head = WallLine(text: heading, style: style)
            blocks.append(WallBlock(lines: [head], breakBefore: !blocks.isEmpty))
            // The area's target picture under its name, as the facilitator's
            // list shows it (the room agreed it: the fifteenth walk missed it).
            if !picture.isEmpty {
                blocks.append(WallBlock(lines: [WallLine(text: "\(t[.targetPictureLabel]): \(picture)", style: Style(.dim))], under: head))
            }
            for id in ids { if let n = byID[id] { blocks.append(WallBlock(lines: [WallLine(lead: "• ", text: roomText(n, run))], under: head)) } }
        }
        let unplaced = notes.filter { !placed.contains($0.id) }.map(\.id)
        if !unplaced.isEmpty { column("\(t[.wallUnplaced]) (\(unplaced.count))", unplaced, style: Style(.dim, bold: true)) }
        for a in run.data.focusAreas {
            // The notes the wall shows: a hidden one is neither listed nor counted.
            let shown = a.noteIDs.filter { byID[$0] != nil }
            column("\(a.leadsToPromise ? "★ " : "")\(a.name)\(t.chosenAreaType(a.type).map { " · \($0)" } ?? "") (\(shown.count))", shown,
                   style: Style(.heading, bold: true), picture: a.targetPicture)
        }
        if blocks.isEmpty { blocks = [WallBlock(lines: [WallLine(text: t[.clusterEmpty], style: Style(.dim))])] }
        return blocks
    }

    /// Problem: every focus area's description, why-chain and triangle as
    /// written (each group may write another area), each area a column of
    /// its own; the facilitator's area when none is written yet.
    static func problemWall(_ run: RunState, texts t: Texts) -> [WallBlock] {
        let written = run.data.areaProblems
        // The areas given to groups stand on the wall before a word is
        // written, so the room sees who works on what.
        let given = Set(run.groupAreasHere.values)
        let empty = run.rankedAreas.filter { a in given.contains(a.id) && !written.contains { $0.problem.focusAreaID == a.id } }
        guard !written.isEmpty || !empty.isEmpty else {
            return problemBlocks(areaID: run.data.problemFocusAreaID, run: run, texts: t, text: run.problemText)
        }
        return written.flatMap { w in
            problemBlocks(areaID: w.problem.focusAreaID, run: run, texts: t) { f in
                switch f {
                case .question(let q): w.problem.answers[q] ?? ""
                case .triangle(let side): w.problem.triangle[side] ?? ""
                case .why(let level): w.whyChain.indices.contains(level) ? w.whyChain[level].text : ""
                }
            }
        } + empty.flatMap { a in
            // The area the facilitator has open shows what is typed there.
            problemBlocks(areaID: a.id, run: run, texts: t) { a.id == run.data.problemFocusAreaID ? run.problemText($0) : "" }
        }
    }

    /// " · Grupp 1, Grupp 3": the groups working on an area.
    static func groupsSuffix(_ areaID: Int64?, run: RunState, texts t: Texts) -> String {
        guard let areaID else { return "" }
        let groups = run.groups(givenArea: areaID)
        return groups.isEmpty ? "" : " · " + groups.map { t.group($0) }.joined(separator: ", ")
    }

    static func problemBlocks(areaID: Int64?, run: RunState, texts t: Texts, text: (ProblemField) -> String) -> [WallBlock] {
        let area = run.data.focusAreas.first { $0.id == areaID }
        let title = WallLine(text: "\(t[.problemHeading]) · \(area?.name ?? t[.problemNoArea])\(groupsSuffix(areaID, run: run, texts: t))",
                             style: Style(.title, bold: true))
        var blocks = [WallBlock(lines: [title], breakBefore: true)]
        var section: TextKey?
        for f in ProblemField.all {
            let heading: TextKey
            switch f {
            case .question: heading = .problemDescription
            case .why: heading = .problemWhyChain
            case .triangle: heading = .problemTriangle
            }
            let value = text(f)
            guard !value.isEmpty else { continue }
            if heading != section {
                // Under the area's name too: a column starting here names
                // the area again (the twenty-second session's walk: a
                // triangle at a column's top read as the next column's).
                blocks.append(WallBlock(lines: [WallLine(text: t[heading], style: Style(.heading, bold: true))], under: title))
                section = heading
            }
            // "Var? Storgatan", "Vem orsakar: unga vuxna".
            let label = t.problemField(f)
            blocks.append(WallBlock(lines: [WallLine(lead: label + (label.hasSuffix("?") ? " " : ": "), leadStyle: Style(.dim, bold: true), text: value,
                                                     style: Style(.normal, bold: true))], under: title))
        }
        if section == nil { blocks.append(WallBlock(lines: [WallLine(text: t[.wallNothingYet], style: Style(.dim))])) }
        return blocks
    }

    /// Activities: the list as it grows, each with who, when and after what.
    static func activityWall(_ run: RunState, texts t: Texts) -> [WallBlock] {
        let activities = run.data.activities
        guard !activities.isEmpty else { return [WallBlock(lines: [WallLine(text: t[.wallNothingYet], style: Style(.dim))])] }
        let numbers = run.activityNumbers()
        return activities.enumerated().map { i, a in
            var detail: [String] = []
            let who = [a.responsible, a.organisation].filter { !$0.isEmpty }.joined(separator: ", ")
            if !who.isEmpty { detail.append("\(t[.activityWho]): \(who)") }
            if !a.start.isEmpty || !a.end.isEmpty { detail.append("\(a.start)–\(a.end)") }
            let after = a.dependsOn.compactMap { numbers[$0] }.sorted()
            if !after.isEmpty { detail.append("\(t[.activityAfter]) \(after.map(String.init).joined(separator: ", "))") }
            if let id = a.focusAreaID, let area = run.data.focusAreas.first(where: { $0.id == id }) { detail.append(area.name) }
            if let g = a.group { detail.append(t.group(g)) }
            var lines = [WallLine(lead: "\(i + 1). [\(t.priority(a.priority))] ", leadStyle: Style(.heading, bold: true), text: a.what,
                                  style: Style(.normal, bold: true))]
            if !a.how.isEmpty { lines.append(WallLine(lead: "   ", text: a.how)) }
            if !detail.isEmpty { lines.append(WallLine(lead: "   ", text: detail.joined(separator: " · "), style: Style(.dim))) }
            return WallBlock(lines: lines)
        }
    }

    /// Rating: each question in full, its value as word and colour, the
    /// contributions, the observations and the comment.
    static func ratingWall(_ run: RunState, texts t: Texts) -> [WallBlock] {
        let questions = run.step.questions
        var blocks: [WallBlock] = []
        for (i, q) in questions.enumerated() {
            let r = run.rating(i)
            let value = r.value.map { t.ratingValue($0) } ?? t[.ratingNotRated]
            var lines = [WallLine(lead: "[\(value)] ", leadStyle: Style(ratingRole(r.value), bold: true), text: q, style: Style(.normal, bold: true))]
            for c in run.data.contributions where c.question == i {
                lines.append(WallLine(lead: "   • ", text: (c.from.isEmpty ? "" : "\(c.from): ") + c.text))
            }
            for (name, text) in [(t[.ratingObservations], r.observations), (t[.ratingComment], r.comment)] where !text.isEmpty {
                lines.append(WallLine(lead: "   \(name): ", leadStyle: Style(.dim, bold: true), text: text))
            }
            blocks.append(WallBlock(lines: lines))
        }
        return blocks
    }

    /// Checklist: the items and their marks, with comments.
    static func checklistWall(_ run: RunState, texts t: Texts) -> [WallBlock] {
        run.step.questions.enumerated().map { i, item in
            let answer = run.checklistAnswer(i)
            var lines = [WallLine(lead: answer.done ? "[x] " : "[ ] ", leadStyle: Style(answer.done ? .success : .dim, bold: true), text: item,
                                  style: Style(answer.done ? .success : .normal))]
            if !answer.comment.isEmpty { lines.append(WallLine(lead: "    ", text: answer.comment, style: Style(.dim))) }
            return WallBlock(lines: lines)
        }
    }

    /// Summary: what the meeting produced, then decisions and next steps.
    static func summaryWall(_ run: RunState, texts t: Texts) -> [WallBlock] {
        var blocks: [WallBlock] = []
        let output = outputLines(run, texts: t)
        if !output.isEmpty {
            blocks.append(WallBlock(lines: [WallLine(text: t[.outputHeading], style: Style(.heading, bold: true))]))
            blocks += output.map { WallBlock(lines: [WallLine(text: $0)]) }
        }
        let firstKind = SummaryItemKind.allCases.first { k in run.data.summaryItems.contains { $0.kind == k } }
        for kind in SummaryItemKind.allCases {
            let items = run.data.summaryItems.filter { $0.kind == kind }
            guard !items.isEmpty else { continue }
            let heading: TextKey = kind == .decision ? .summaryDecisions : kind == .nextStep ? .summaryNextSteps : .summaryCarryForward
            // The decisions start a column of their own, beside what was produced.
            blocks.append(WallBlock(lines: [WallLine(text: t[heading], style: Style(.heading, bold: true))],
                                    breakBefore: kind == firstKind && !output.isEmpty))
            for item in items {
                var text = item.text
                if !item.owner.isEmpty { text += " · \(t[.summaryWho]): \(item.owner)" }
                if !item.due.isEmpty { text += " · \(t[.summaryWhen]): \(item.due)" }
                blocks.append(WallBlock(lines: [WallLine(lead: "• ", text: text, style: Style(.normal, bold: true))]))
            }
        }
        if blocks.isEmpty { blocks = [WallBlock(lines: [WallLine(text: t[.wallNothingYet], style: Style(.dim))])] }
        return blocks
    }
}
