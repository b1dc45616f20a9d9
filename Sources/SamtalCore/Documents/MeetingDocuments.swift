// The two documents built from one meeting: the summary (internal, the
// whole record) and the feedback to its participants (public).

extension Documents {
    /// The meeting summary: the method description the county review asks
    /// for, time per step, then per step what it produced and the notes by
    /// group. Internal: hidden notes are included and marked.
    public static func summary(_ r: MeetingRecord, language: Language) -> Document {
        let d = DocumentTexts(language)
        var b: [Block] = [.heading(2, d[.methodDescription])]
        b += methodDescription(r, d)
        b += [.heading(2, d[.timePerStep]), .table(timeTable(r, d))]
        b.append(.heading(2, d[.notesPerStep]))
        let byStep = Dictionary(grouping: r.notes, by: \.stepID)
        for (i, step) in r.agenda.steps.enumerated() {
            b.append(.heading(3, "\(i + 1). \(step.title)"))
            let records = stepRecords(step, r, d)
            b += records
            let notes = byStep[step.id] ?? []
            if notes.isEmpty && records.isEmpty { b.append(.empty(d[.noNotes])) }
            for (group, groupNotes) in Dictionary(grouping: notes, by: \.group).sorted(by: { $0.key < $1.key }) {
                b.append(.heading(4, d.ui.group(group)))
                b.append(.bullets(inCreationOrder(groupNotes).map { ListItem(noteSpans($0, d, author: true)) }))
            }
        }
        // Notes of steps no longer in the agenda are never dropped.
        let known = Set(r.agenda.steps.map(\.id))
        let orphans = r.notes.filter { !known.contains($0.stepID) }
        if !orphans.isEmpty {
            b.append(.heading(3, d[.otherSteps]))
            b.append(.bullets(inCreationOrder(orphans).map {
                ListItem([.muted("\($0.stepID) · \(d.ui.group($0.group)) · ")] + noteSpans($0, d, author: true))
            }))
        }
        return Document(kind: .summary, language: language, kindLabel: d[.kindSummary], title: r.meeting.title,
                        meta: ["\(d[.agenda]): \(r.agenda.title) · \(d[.cycle]): \(r.cycle.area) · \(r.cycle.period)"], blocks: b)
    }

    /// Återkoppling: what was heard, what was decided and what happens next
    /// and when. Public: no hidden note, no note-taker's name, no text that
    /// looks like personal data, no checklist or rating, no responsible
    /// person of an activity.
    public static func feedback(_ r: MeetingRecord, language: Language) -> Document {
        let d = DocumentTexts(language)
        let filter = PublicFilter(meetings: [r])
        let f = r.meeting.facts
        var b: [Block] = [.paragraph(d.feedbackIntro(title: r.meeting.title))]
        var facts = [KeyValue(d[.date], dash(f.date)), KeyValue(d[.place], dash(f.place)), KeyValue(d[.form], d.ui.form(f.form))]
        if f.totalHeadCount > 0 { facts.append(KeyValue(d[.participantCount], "\(f.totalHeadCount)")) }
        b.append(.keyValues(facts))

        // What was heard: the public notes per question asked, by type.
        b.append(.heading(2, d[.whatWeHeard]))
        var heard = false
        for step in r.agenda.steps {
            let notes = feedbackOrder(r.notes.filter { $0.stepID == step.id && filter.allows($0) })
            guard !notes.isEmpty else { continue }
            heard = true
            b.append(.heading(3, step.title))
            if !step.prompt.isEmpty { b.append(.paragraph([.emphasis(step.prompt)])) }
            b.append(.bullets(notes.map { ListItem([.strong(d.ui.noteType($0.type)), Span(": \($0.publicVersion)")]) }))
        }
        if !heard { b.append(.empty(d[.nothingHeard])) }

        let areas = r.agenda.steps.filter { $0.kind == .cluster }.flatMap { r.steps[$0.id]?.focusAreas ?? [] }.filter { filter.allows($0.name) }
        if !areas.isEmpty {
            b.append(.heading(2, d[.focusAreas]))
            b.append(.bullets(areas.map { ListItem([Span($0.name)] + d.areaTypeAfterName($0.type)) }))
        }
        for step in r.agenda.steps where step.kind == .vote {
            guard let data = r.steps[step.id] else { continue }
            if !data.votes.isEmpty {
                let ranking = Ranking.rank(data.focusAreas.filter { filter.allows($0.name) }, votes: data.votes)
                b.append(.heading(2, d[.howYouPrioritised]))
                b += voteBlocks(ranking, d)
            }
            if !data.activityVotes.isEmpty {
                let ranking = Ranking.rank(data.activities.filter { filter.allows($0.what) }, votes: data.activityVotes)
                b.append(.heading(2, d[.howYouPrioritisedActivities]))
                b += voteBlocks(ranking, d)
            }
        }
        let proposals = r.agenda.steps.filter { $0.kind == .activities }.flatMap { r.steps[$0.id]?.activities ?? [] }.filter { filter.allows($0.what) }
        if !proposals.isEmpty {
            b.append(.heading(2, d[.proposedActivities]))
            b.append(.bullets(proposals.map { a in
                let period = d.period(a.start, a.end)
                return ListItem([Span(a.what)] + (period.isEmpty ? [] : [.muted(" (\(period))")]))
            }))
        }

        let items = r.agenda.steps.filter { $0.kind == .summary }.flatMap { r.steps[$0.id]?.summaryItems ?? [] }.filter { filter.allows($0.text) }
        func section(_ kind: SummaryItemKind, _ heading: DocText, empty: DocText?) {
            let list = items.filter { $0.kind == kind }
            if list.isEmpty && empty == nil { return }
            b.append(.heading(2, d[heading]))
            if list.isEmpty, let empty { b.append(.empty(d[empty])); return }
            b.append(.bullets(list.map { item in
                var spans = [Span(item.text)]
                // A person named as owner stays out unless the name is public.
                if !item.owner.isEmpty && filter.allows(item.owner) { spans.append(.muted(" – \(d[.who]): \(item.owner)")) }
                if !item.due.isEmpty { spans.append(.muted(" – \(d[.when]): \(item.due)")) }
                return ListItem(spans)
            }))
        }
        section(.decision, .decisions, empty: nil)
        section(.nextStep, .whatHappensNext, empty: .noNextSteps)
        section(.carryForward, .carryForward, empty: nil)
        b.append(.paragraph(d[.feedbackThanks]))
        return Document(kind: .feedback, language: language, kindLabel: d[.kindFeedback], title: r.meeting.title, blocks: b)
    }

    /// A step's notes as the feedback lists them: by type, then time.
    static func feedbackOrder(_ notes: [Note]) -> [Note] {
        let typeOrder = Dictionary(uniqueKeysWithValues: NoteType.allCases.enumerated().map { ($1, $0) })
        return notes.sorted { (typeOrder[$0.type]!, $0.createdAt, $0.id) < (typeOrder[$1.type]!, $1.createdAt, $1.id) }
    }

    /// Every note the public feedback could print (each step's notes not
    /// hidden from the projector), in the feedback's order, with what the
    /// facilitator must know to decide on it.
    public static func publicReview(_ r: MeetingRecord) -> [PublicReviewItem] {
        let filter = PublicFilter(meetings: [r])
        return r.agenda.steps.flatMap { step in
            feedbackOrder(r.notes.filter { $0.stepID == step.id && !$0.hidden }).map { note in
                let text = note.publicVersion
                return PublicReviewItem(note: note, stepTitle: step.title, personalData: PersonalData.kinds(in: text),
                                        contexts: IdentifyingContextScan.flags(in: text),
                                        namesInternal: filter.internalNames.contains { text.localizedCaseInsensitiveContains($0) },
                                        published: filter.allows(note))
            }
        }
    }

    // MARK: parts shared with the cycle's documents

    /// Date, place, form, who led and took notes, groups, named or
    /// anonymous notes, status; then the participants by organisation and
    /// role with the gender split.
    static func methodDescription(_ r: MeetingRecord, _ d: DocumentTexts) -> [Block] {
        let f = r.meeting.facts
        var b: [Block] = [.keyValues([
            KeyValue(d[.date], dash(f.date)),
            KeyValue(d[.place], dash(f.place)),
            KeyValue(d[.form], d.ui.form(f.form)),
            KeyValue(d[.facilitator], dash(f.facilitator)),
            KeyValue(d[.noteTakers], dash(f.noteTakers)),
            KeyValue(d[.groups], "\(r.meeting.groupCount)"),
            KeyValue(d[.howNotesWereTaken], f.namedNotes ? d[.notesNamed] : d[.notesAnonymous]),
            KeyValue(d[.status], d.ui.status(r.meeting.status)),
        ])]
        if f.participants.isEmpty {
            b.append(.empty(d[.noParticipants]))
        } else {
            b.append(.table(Table(
                caption: d[.participants],
                columns: [Column(d[.organisationRole]), Column(d[.source]), Column(d[.count], numeric: true),
                          Column(d[.women], numeric: true), Column(d[.men], numeric: true), Column(d[.otherOrUnstated], numeric: true)],
                rows: f.participants.map { p in
                    [Cell(p.organisationRole), Cell(p.kind.map { d.ui.source($0) } ?? "–"), Cell("\(p.headCount)"), Cell("\(p.women)"),
                     Cell("\(p.men)"), Cell("\(p.otherOrUnstated)")]
                },
                footer: [Cell(d[.total]), Cell(""), Cell("\(f.totalHeadCount)"), Cell("\(f.totalWomen)"), Cell("\(f.totalMen)"),
                         Cell("\(f.totalOtherOrUnstated)")],
                style: "participants")))
        }
        return b
    }

    /// Planned against actual minutes per step, with the totals.
    static func timeTable(_ r: MeetingRecord, _ d: DocumentTexts) -> Table {
        Table(
            columns: [Column(d[.step]), Column(d[.planned], numeric: true), Column(d[.actual], numeric: true)],
            rows: r.agenda.steps.enumerated().map { i, s in
                [Cell("\(i + 1). \(s.title)"), Cell("\(s.minutes) min"), Cell(minutes(r.stepSeconds[s.id] ?? 0))]
            },
            footer: [Cell(d[.total]), Cell("\(r.agenda.plannedMinutes) min"), Cell("\(actualMinutes(r)) min")])
    }

    /// The meeting's time: the sum of its steps' minutes as each is shown
    /// (rounded on its own, the total did not add up: 0 + 2 + 0 + 0 = 3).
    static func actualMinutes(_ r: MeetingRecord) -> Int {
        r.agenda.steps.reduce(0) { $0 + Int(((r.stepSeconds[$1.id] ?? 0) / 60).rounded()) }
    }

    /// What a step's own interaction produced.
    static func stepRecords(_ step: AgendaStep, _ r: MeetingRecord, _ d: DocumentTexts) -> [Block] {
        guard let data = r.steps[step.id] else { return [] }
        switch step.kind {
        case .cluster where !data.focusAreas.isEmpty:
            let notes = Dictionary(data.sourceNotes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            // With where each was proposed (when not only here), its target
            // picture and whether it leads to a promise: what the joint
            // meeting decides (001 lines 669-672).
            let titles = data.meetingTitles
            return [.heading(4, d[.focusAreas]), .bullets(data.focusAreas.map { a in
                var spans: Spans = [.strong(a.name)] + d.areaTypeAfterName(a.type)
                let from = a.proposedIn.filter { $0 != r.meeting.id }.compactMap { titles[$0] }
                if !from.isEmpty { spans.append(.muted(" – \(d[.proposedIn]) \(from.joined(separator: ", "))")) }
                if a.leadsToPromise { spans.append(Span(" – \(d[.leadsToPromise].lowercased())")) }
                var children = a.noteIDs.compactMap { notes[$0] }.map { ListItem($0.text) }
                if !a.targetPicture.isEmpty { children.insert(ListItem([.emphasis("\(d[.targetPicture]): \(a.targetPicture)")]), at: 0) }
                return ListItem(spans, children: children)
            })]
        case .vote where step.settings["on"] == "activities":
            return data.activities.isEmpty ? [] : voteBlocks(Ranking.rank(data.activities, votes: data.activityVotes), d)
        case .vote where !data.focusAreas.isEmpty:
            return voteBlocks(Ranking.rank(data.focusAreas, votes: data.votes), d)
        case .checklist:
            return [.list(step.questions.enumerated().map { i, item in
                let answer = data.checklist.first { $0.item == i }
                let done = answer?.done == true
                var spans = [Span(item), .muted(" (\(done ? d[.checklistDone] : d[.checklistNotDone]))")]
                if let comment = answer?.comment, !comment.isEmpty { spans.append(Span(" – \(comment)")) }
                return ListItem(spans, checked: done)
            }, ordered: false)]
        case .rating:
            return [.table(ratingTable(step, data.ratings, contributions: data.contributions, d))]
        case .problem:
            // A focus area's one problem, described over several problem
            // steps, is shown once: under the last of them that shows it.
            let problemSteps = r.agenda.steps.filter { $0.kind == .problem }
            func home(_ p: Problem) -> String? {
                problemSteps.last { r.steps[$0.id]?.problem?.id == p.id }?.id ?? (p.meetingID == r.meeting.id ? p.stepID : nil)
            }
            return r.problems.filter { home($0) == step.id }.flatMap { p in
                let area = p.focusAreaID.flatMap { id in r.steps.values.flatMap(\.focusAreas).first { $0.id == id } }
                var b: [Block] = [.heading(4, "\(d[.problemDescription]): \(area?.name ?? d[.noFocusArea])")]
                b += problemAnswers(p, d)
                let chain = r.whyChains[p.id] ?? []
                if !chain.isEmpty {
                    b += [.paragraph([.strong(d[.whyChain])]), .list(chain.map { ListItem($0.text) }, ordered: true)]
                }
                if let triangle = triangleTable(p, d) { b += [.paragraph([.strong(d[.triangle])]), .table(triangle)] }
                return b
            }
        case .activities where !data.activities.isEmpty:
            // Who: the person and the organisation; the proposing group
            // where stations proposed; how each is done, under the table.
            let grouped = data.activities.contains { $0.group != nil }
            let table = Block.table(Table(
                columns: [Column(d[.activity]), Column(d[.responsible]), Column(d[.period]), Column(d[.priority]), Column(d[.focusArea])]
                    + (grouped ? [Column(d.ui[.groupLabel])] : []),
                rows: data.activities.map { a in
                    let area = a.focusAreaID.flatMap { id in data.focusAreas.first { $0.id == id }?.name } ?? ""
                    let who = [a.responsible, a.organisation].filter { !$0.isEmpty }.joined(separator: ", ")
                    return [Cell(a.what), Cell(who), Cell(d.period(a.start, a.end)), Cell(d.ui.priority(a.priority)), Cell(area)]
                        + (grouped ? [Cell(a.group.map(String.init) ?? "")] : [])
                }))
            let how = data.activities.filter { !$0.how.isEmpty }
            guard !how.isEmpty else { return [table] }
            return [table, .paragraph([.strong(d[.how])]), .bullets(how.map { ListItem([.strong($0.what), Span(": \($0.how)")]) })]
        case .goals:
            // The goals this step wrote, with their SMART check as it stands.
            let goals = data.goals.filter { $0.meetingID == r.meeting.id && $0.stepID == step.id }
            guard !goals.isEmpty else { return [] }
            return [.table(Table(
                columns: [Column(d[.goal]), Column(d[.goalKind]), Column(d[.measure]), Column(d[.deadline], noWrap: true), Column(d[.owner]),
                          Column("SMART")],
                rows: goals.map { g in
                    let flags = g.smartFlags
                    let letters = SMARTLetter.allCases.filter { l in flags.contains { $0.letter == l } }.map(\.initial)
                    let values = g.baseline.isEmpty && g.target.isEmpty ? "" : "\(g.baseline.isEmpty ? "–" : g.baseline) → \(g.target.isEmpty ? "–" : g.target)"
                    let measure = [g.indicator, values].filter { !$0.isEmpty }.joined(separator: ": ")
                    return [Cell(g.text), Cell(d.ui.goalKind(g.kind)), Cell(measure), Cell(g.deadline), Cell(g.owner),
                            flags.isEmpty ? Cell(d[.smartPasses], signal: .green) : Cell(d.smartMissing(letters), signal: .red)]
                },
                style: "goals"))]
        case .followUp:
            // Each activity followed up in this step: how far it has come,
            // what it took, its quality and effect.
            let followed = data.activities.filter { a in data.followUps.contains { $0.activityID == a.id } }
            guard !followed.isEmpty else { return [] }
            func entry(_ a: Activity, _ aspect: FollowUpAspect) -> FollowUp? {
                data.followUps.first { $0.activityID == a.id && $0.aspect == aspect }
            }
            return [.table(Table(
                columns: [Column(d[.activity]), Column(d[.status]), Column(d.ui[.followUpHow]), Column(d.ui[.followUpResources]),
                          Column(d.ui[.followUpQuality]), Column(d.ui[.followUpEffect])],
                rows: followed.map { a in
                    let resource = entry(a, .resource)
                    let effect = entry(a, .effect)
                    let measured = effect.map(\.measuredValue).flatMap { $0.isEmpty ? nil : $0 }
                    let effectText = [effect?.why ?? "", measured.map { "\(d.ui[.followUpMeasured]): \($0)" } ?? ""]
                        .filter { !$0.isEmpty }.joined(separator: " – ")
                    let status = resource.map { d.followUpStatus($0.status) } ?? ""
                    return [Cell(a.what), Cell(status, signal: resource.map { Signal(followUp: $0.status) }),
                            Cell(resource?.why ?? ""), Cell(resource?.resources ?? ""), Cell(entry(a, .performance)?.why ?? ""),
                            Cell(effectText)]
                },
                style: "rating"))]
        case .summary where !data.summaryItems.isEmpty:
            return SummaryItemKind.allCases.flatMap { kind -> [Block] in
                let items = data.summaryItems.filter { $0.kind == kind }
                guard !items.isEmpty else { return [] }
                let heading: DocText = kind == .decision ? .decisions : kind == .nextStep ? .nextSteps : .carryForward
                return [.heading(4, d[heading]), .bullets(items.map { item in
                    var spans = [Span(item.text)]
                    if !item.owner.isEmpty { spans.append(.muted(" – \(d[.who]): \(item.owner)")) }
                    if !item.due.isEmpty { spans.append(.muted(" – \(d[.when]): \(item.due)")) }
                    return ListItem(spans)
                })]
            }
        case .cluster, .vote, .activities, .summary:
            return [] // nothing was produced
        case .present, .collect:
            return [] // their notes are listed by group
        }
    }

    /// A vote's ranking as a table and a chart (ties share a rank, "2=").
    static func voteBlocks(_ ranking: [RankedFocusArea], _ d: DocumentTexts) -> [Block] {
        voteBlocks(ranking, name: \.area.name, column: d[.focusArea], chart: d[.dotsPerFocusArea], d)
    }

    /// A vote on activities (`on: activities`) the same way.
    static func voteBlocks(_ ranking: [Ranked<Activity>], _ d: DocumentTexts) -> [Block] {
        voteBlocks(ranking, name: \.item.what, column: d[.activity], chart: d[.dotsPerActivity], d)
    }

    static func voteBlocks<Item>(_ ranking: [Ranked<Item>], name: KeyPath<Ranked<Item>, String>, column: String, chart: String,
                                 _ d: DocumentTexts) -> [Block] {
        func rank(_ x: Ranked<Item>) -> String { x.dots == 0 ? "–" : (x.tied ? "\(x.rank)=" : "\(x.rank)") }
        // In the chart an untied rank reads "3." (as in a list); "1=" and "–" stay.
        func chartRank(_ x: Ranked<Item>) -> String { x.dots == 0 || x.tied ? rank(x) : "\(x.rank)." }
        return [
            .table(Table(caption: d[.priorities],
                         columns: [Column(d[.rank], numeric: true), Column(column), Column(d[.dots], numeric: true)],
                         rows: ranking.map { [Cell(rank($0)), Cell($0[keyPath: name]), Cell("\($0.dots)")] }, style: "ranking")),
            .barChart(BarChart(title: chart, bars: ranking.map {
                BarChart.Bar(label: "\(chartRank($0)) \($0[keyPath: name])", value: $0.dots, valueText: d.dots($0.dots))
            })),
        ]
    }

    /// Ratings of a situation report step: the level in words, coloured
    /// when the scale is green/yellow/red; with the contributions gathered
    /// before the compiled assessment, when there are any (003 lines
    /// 591-596).
    /// `contributionColumn` forces the column on (or off) for tables of
    /// several steps made into one.
    static func ratingTable(_ step: AgendaStep, _ ratings: [Rating], contributions: [RatingContribution] = [], _ d: DocumentTexts,
                            meeting: String? = nil, contributionColumn: Bool? = nil) -> Table {
        let questions = step.questions.isEmpty ? [step.title] : step.questions
        let contributed = contributionColumn ?? !contributions.isEmpty
        return Table(
            columns: (meeting == nil ? [] : [Column(d[.meeting])])
                + [Column(d[.question])] + (contributed ? [Column(d[.contributions])] : [])
                + [Column(d[.rating]), Column(d[.observations]), Column(d[.commentAction])],
            rows: questions.enumerated().map { i, q in
                let rating = ratings.first { $0.question == i }
                let value = rating?.value.map { d.ui.ratingValue($0) } ?? d[.notRated]
                return (meeting.map { [Cell($0)] } ?? [])
                    + [Cell(q)] + (contributed ? [contributionCell(contributions.filter { $0.question == i })] : [])
                    + [Cell(value, signal: rating?.value.flatMap(Signal.init(rawValue:))),
                       Cell(rating?.observations ?? ""), Cell(rating?.comment ?? "")]
            },
            style: "rating")
    }

    /// A question's contributions in one cell: "Kommunen: …; Polisen: …".
    static func contributionCell(_ contributions: [RatingContribution]) -> Cell {
        Cell(contributions.enumerated().flatMap { n, c -> Spans in
            (n == 0 ? [] : [Span("; ")]) + (c.from.isEmpty ? [] : [.strong("\(c.from): ")]) + [Span(c.text)]
        })
    }

    /// The answered questions of a problem description.
    static func problemAnswers(_ p: Problem, _ d: DocumentTexts) -> [Block] {
        let answered = ProblemQuestion.allCases.filter { !(p.answers[$0] ?? "").isEmpty }
        return answered.isEmpty ? [] : [.keyValues(answered.map { KeyValue(d.ui.problemField(.question($0)), p.answers[$0]!) })]
    }

    /// The problem analysis triangle: the inner sides beside the outer
    /// sides that act on them; nil when nothing is written.
    static func triangleTable(_ p: Problem, _ d: DocumentTexts) -> Table? {
        guard TriangleSide.allCases.contains(where: { !(p.triangle[$0] ?? "").isEmpty }) else { return nil }
        let pairs: [(TriangleSide, TriangleSide)] = [(.offender, .handler), (.target, .guardian), (.place, .placeManager)]
        return Table(
            columns: [Column(d[.innerTriangle]), Column(d[.description]), Column(d[.outerTriangle]), Column(d[.description])],
            rows: pairs.map { inner, outer in
                [Cell([.strong(d.ui.problemField(.triangle(inner)))]), Cell(p.triangle[inner] ?? ""),
                 Cell([.strong(d.ui.problemField(.triangle(outer)))]), Cell(p.triangle[outer] ?? "")]
            },
            style: "triangle")
    }

    /// One note: type, source, text, the author when named, the hidden mark.
    static func noteSpans(_ n: Note, _ d: DocumentTexts, author: Bool) -> Spans {
        var spans: Spans = [.strong(d.ui.noteType(n.type)), .muted(" (\(d.ui.source(n.source)))"), Span(": \(n.text)")]
        if author && !n.author.isEmpty { spans.append(.muted(" – \(n.author)")) }
        if n.hidden { spans.append(.muted(" (\(d[.hiddenOnProjector]))")) }
        return spans
    }

    static func inCreationOrder(_ notes: [Note]) -> [Note] {
        notes.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    static func minutes(_ seconds: Double) -> String { "\(Int((seconds / 60).rounded())) min" }

    static func dash(_ s: String) -> String { s.isEmpty ? "–" : s }
}

/// A note as the facilitator reviews it before the public feedback.
public struct PublicReviewItem: Equatable, Sendable {
    public var note: Note
    public var stepTitle: String
    /// What looks like personal data in the public version: the note stays
    /// out whatever the decision, until shortened without it.
    public var personalData: [PersonalDataKind]
    /// A name next to an address or an age: out until approved.
    public var contexts: [IdentifyingContext]
    /// The public version names a note-taker or a note's author: out.
    public var namesInternal: Bool
    /// The feedback prints it, as things stand.
    public var published: Bool

    public init(note: Note, stepTitle: String, personalData: [PersonalDataKind], contexts: [IdentifyingContext], namesInternal: Bool,
                published: Bool) {
        self.note = note
        self.stepTitle = stepTitle
        self.personalData = personalData
        self.contexts = contexts
        self.namesInternal = namesInternal
        self.published = published
    }

    /// The facilitator approved or excluded it (every item needs one
    /// before the feedback is written).
    public var decided: Bool { note.publicReview != .unreviewed }

    /// It seems to point out a person (a name next to an address or an
    /// age) and would be published if approved: it needs its own decision.
    public var pointsOutAPerson: Bool { !contexts.isEmpty && personalData.isEmpty && !namesInternal }
}
