// The documents built from a whole cycle: the situation picture, the
// problem and cause analysis, the activity plan and the citizen promise.
// (The quality report is in QualityReport.swift.)

extension Documents {
    /// Lägesbild: what the notes say by source and theme, the focus areas,
    /// the situation reports with their ratings, and the method
    /// description of every meeting behind it. Internal.
    public static func situation(_ c: CycleRecord, language: Language) -> Document {
        let d = DocumentTexts(language)
        let a = c.analysis
        let notes = c.notes
        let number = meetingNumbers(c)
        let sources = NoteSource.allCases.filter { s in notes.contains { $0.source == s } }
        // The meetings held: one only planned, with nothing from it, is not behind the picture.
        let withNotes = Set(notes.map(\.meetingID))
        let held = c.meetings.filter { $0.meeting.status != .planned || withNotes.contains($0.meeting.id) }.count
        var b: [Block] = [.paragraph(d.situationBasis(meetings: held, notes: notes.count, sources: sources.count))]
        // A picture without one of the three sides says so (the fifteenth
        // walk: a cycle without a citizen dialogue read as complete).
        if !notes.isEmpty, let missing = d.missingViews(police: sources.contains { QualityReport.party($0) == .police },
                                                         municipality: sources.contains { QualityReport.party($0) == .municipality },
                                                         citizens: sources.contains(.citizen)) {
            b.append(.notice(missing))
        }
        if !sources.isEmpty {
            func count(_ s: NoteSource?, _ t: NoteType?) -> Cell {
                Cell("\(notes.filter { (s == nil || $0.source == s) && (t == nil || $0.type == t) }.count)")
            }
            b.append(.table(Table(
                caption: d[.notesBySourceAndType],
                columns: [Column(d[.source])] + NoteType.allCases.map { Column(d.ui.noteType($0), numeric: true) }
                    + [Column(d[.total], numeric: true)],
                rows: sources.map { s in [Cell(d.sourceName(s))] + NoteType.allCases.map { count(s, $0) } + [count(s, nil)] },
                footer: [Cell(d[.total])] + NoteType.allCases.map { count(nil, $0) } + [count(nil, nil)])))
        }

        b.append(.heading(2, d[.focusAreas]))
        b += focusAreaOverview(a, d, columns: .situation)

        b.append(.heading(2, d[.situationReports]))
        var reports = false
        // A follow-up meeting's ratings judge the plan, not the situation.
        for r in c.meetings where r.agenda.meetingType != .followUp {
            let steps = r.agenda.steps.filter { $0.kind == .rating }
            guard !steps.isEmpty else { continue }
            reports = true
            b.append(.heading(3, d.meetingHeading(number[r.meeting.id] ?? 0, r)))
            // Who submitted the material, for which organisation (003 lines
            // 522, 587): the report's participant rows.
            let submitters = r.meeting.facts.participants.map { p in
                p.kind.map { "\(p.organisationRole) (\(d.ui.source($0)))" } ?? p.organisationRole
            }.filter { !$0.isEmpty }
            if !submitters.isEmpty {
                b.append(.paragraph([.strong("\(d[.submittedBy]): "), Span(submitters.joined(separator: ", "))]))
            }
            let contributed = steps.contains { !(r.steps[$0.id]?.contributions ?? []).isEmpty }
            b.append(.table(Table(
                columns: [Column(d[.question])] + (contributed ? [Column(d[.contributions])] : [])
                    + [Column(d[.rating]), Column(d[.observations]), Column(d[.commentAction])],
                rows: steps.flatMap { step in
                    ratingTable(step, r.steps[step.id]?.ratings ?? [], contributions: r.steps[step.id]?.contributions ?? [], d,
                                contributionColumn: contributed).rows.map { row in
                    [Cell([.strong(step.title)] + (step.questions.count > 1 ? row[0].spans.map { Span(" – \($0.text)") } : []))]
                        + row.dropFirst()
                } },
                style: "rating")))
        }
        if !reports { b.append(.empty(d[.noSituationReports])) }

        b.append(.heading(2, d[.notesBySourceAndTheme]))
        if notes.isEmpty { b.append(.empty(d[.noNotes])) }
        var theme: [Int64: FocusArea] = [:]
        for area in a.rankedFocusAreas { for id in area.noteIDs where theme[id] == nil { theme[id] = area } }
        let themes: [FocusArea?] = a.rankedFocusAreas + [nil]
        for s in sources {
            b.append(.heading(3, d.sourceName(s)))
            // By meeting (in date order), then as they were typed.
            let fromSource = notes.filter { $0.source == s }.sorted {
                (number[$0.meetingID] ?? 0, $0.createdAt, $0.id) < (number[$1.meetingID] ?? 0, $1.createdAt, $1.id)
            }
            for t in themes {
                let group = fromSource.filter { theme[$0.id]?.id == t?.id }
                guard !group.isEmpty else { continue }
                b.append(.heading(4, t.map { "\($0.name)\(d.ui.chosenAreaType($0.type).map { " (\($0))" } ?? "")" } ?? d[.withoutFocusArea]))
                b.append(.bullets(group.map { n in
                    var spans: Spans = [.strong(d.ui.noteType(n.type)), Span(": \(n.text)"), .muted(" – \(d.meetingRef(number[n.meetingID] ?? 0))")]
                    if n.hidden { spans.append(.muted(" (\(d[.hiddenOnProjector]))")) }
                    return ListItem(spans)
                }))
            }
        }

        b.append(.heading(2, d[.methodDescriptions]))
        if c.meetings.isEmpty { b.append(.empty(d[.noMeetings])) }
        for r in c.meetings {
            b.append(.heading(3, d.meetingHeading(number[r.meeting.id] ?? 0, r)))
            b.append(.paragraph("\(d[.agenda]): \(r.agenda.title)"))
            b += methodDescription(r, d)
            b.append(.paragraph(d.timeLine(planned: r.agenda.plannedMinutes, actual: "\(actualMinutes(r)) min")))
        }
        return Document(kind: .situation, language: language, kindLabel: d[.kindSituation], title: a.cycle.area,
                        meta: ["\(d[.promisePeriod]): \(a.cycle.period)"], blocks: b)
    }

    /// Problem- och orsaksanalys: per focus area (best ranked first) the
    /// notes behind it, the problem description, the tree of causes with
    /// how each was established, the problem analysis triangle and the
    /// activities planned for it. Internal.
    public static func analysis(_ c: CycleRecord, language: Language) -> Document {
        let d = DocumentTexts(language)
        let a = c.analysis
        var b: [Block] = [.heading(2, d[.overview])]
        b += focusAreaOverview(a, d, columns: .analysis)
        for area in a.rankedFocusAreas {
            b.append(.heading(2, area.name))
            var facts = [KeyValue(d[.type], d.ui.chosenAreaType(area.type) ?? "–"),
                         KeyValue(d[.priority], d.rankText(a.rank(of: area.id), dots: a.dots[area.id] ?? 0)),
                         KeyValue(d[.leadsToPromise], d.yesNo(a.promiseAreas.contains(area.id)))]
            if !area.targetPicture.isEmpty { facts.append(KeyValue(d[.targetPicture], area.targetPicture)) }
            b.append(.keyValues(facts))
            let notes = area.noteIDs.compactMap { a.notes[$0] }
            if !notes.isEmpty {
                b.append(.heading(3, d[.basis]))
                b.append(.bullets(notes.map { ListItem(noteSpans($0, d, author: false)) }))
            }
            let problems = a.problems.filter { $0.focusAreaID == area.id }
            if problems.isEmpty {
                b += [.heading(3, d[.problemDescription]), .empty(d[.noProblemDescription])]
            }
            for p in problems { b += problemBlocks(p, c, d) }
            let activities = a.orderedActivities.filter { $0.focusAreaID == area.id }
            if !activities.isEmpty {
                b.append(.heading(3, d[.activities]))
                b.append(.bullets(activities.map { ListItem("\(a.number(ofActivity: $0.id) ?? 0). \($0.what)") }))
            }
        }
        let loose = a.problems.filter { p in p.focusAreaID == nil || a.focusArea(p.focusAreaID) == nil }
        if !loose.isEmpty {
            b.append(.heading(2, d[.problemsWithoutFocusArea]))
            for p in loose { b += problemBlocks(p, c, d) }
        }
        return Document(kind: .analysis, language: language, kindLabel: d[.kindAnalysis], title: a.cycle.area,
                        meta: ["\(d[.promisePeriod]): \(a.cycle.period)"], blocks: b)
    }

    /// Aktivitetsplan: the activities in plan order with who, when and
    /// after what; each in detail; the goals with their SMART check; the
    /// follow-up plan and what has been followed up. Internal.
    public static func plan(_ c: CycleRecord, language: Language) -> Document {
        let d = DocumentTexts(language)
        let a = c.analysis
        let ordered = a.orderedActivities
        func ref(_ id: Int64) -> String {
            guard let n = a.number(ofActivity: id), let act = a.activities.first(where: { $0.id == id }) else { return "" }
            return "\(n). \(act.what)"
        }
        func responsible(_ act: Activity) -> String {
            [act.responsible, act.organisation].filter { !$0.isEmpty }.joined(separator: ", ")
        }
        // A planned activity found not done at a follow-up says so beside
        // its status in the plan.
        func statusText(_ act: Activity) -> String {
            let notDone = a.followUps.filter { $0.activityID == act.id && $0.assessesStatus }
                .max { ($0.date, $0.createdAt) < ($1.date, $1.createdAt) }
            guard act.status == .planned, let f = notDone, f.status == .notDone else { return d.activityStatus(act.status) }
            return "\(d.activityStatus(act.status)) (\(d.followUpStatus(.notDone))\(f.date.isEmpty ? "" : " " + f.date))"
        }
        var b: [Block] = [.notice(d[.internalNotice])]

        b.append(.heading(2, d[.timeline]))
        if ordered.isEmpty {
            b.append(.empty(d[.noActivities]))
        } else {
            b.append(.table(Table(
                columns: [Column(d[.number], numeric: true), Column(d[.activity]), Column(d[.responsible]), Column(d[.start], noWrap: true),
                          Column(d[.end], noWrap: true), Column(d[.dependsOn]), Column(d[.status])],
                rows: ordered.enumerated().map { i, act in
                    [Cell("\(i + 1)"), Cell(act.what), Cell(responsible(act)), Cell(act.start), Cell(act.end),
                     Cell(act.dependsOn.compactMap { a.number(ofActivity: $0) }.sorted().map(String.init).joined(separator: ", ")),
                     Cell(statusText(act))]
                },
                style: "timeline")))
            b.append(.heading(2, d[.activitiesInDetail]))
            for (i, act) in ordered.enumerated() {
                b.append(.heading(3, "\(i + 1). \(act.what)"))
                let goals = a.goals(servedBy: act.id)
                b.append(.keyValues([
                    KeyValue(d[.focusArea], a.focusArea(act.focusAreaID)?.name ?? "–"),
                    KeyValue(d[.how], dash(act.how)),
                    KeyValue(d[.responsibleOrganisation], dash(act.organisation)),
                    KeyValue(d[.responsiblePerson], dash(act.responsible)),
                    KeyValue(d[.period], dash(d.period(act.start, act.end))),
                    KeyValue(d[.order], act.sequence > 0 ? "\(act.sequence)" : d[.notSet]),
                    KeyValue(d[.dependsOn], act.dependsOn.isEmpty ? "–" : act.dependsOn.map(ref).joined(separator: "; ")),
                    KeyValue(d[.effectTerm], act.effectTerm.map(d.effectTerm) ?? "–"),
                    KeyValue(d[.triangleSide], act.triangleSide.map { d.ui.problemField(.triangle($0)) } ?? "–"),
                    KeyValue(d[.involvesCitizens], d.yesNo(act.involvesCitizens)),
                    KeyValue(d[.priority], d.ui.priority(act.priority) + (a.activityDots[act.id].map { " (\(d.dots($0)))" } ?? "")),
                    KeyValue(d[.status], statusText(act)),
                    KeyValue(d[.goals], goals.isEmpty ? "–" : goals.map(\.text).joined(separator: "; ")),
                ]))
            }
        }

        b.append(.heading(2, d[.goals]))
        if a.goals.isEmpty { b.append(.empty(d[.noGoals])) }
        for kind in GoalKind.allCases {
            let goals = a.goals.filter { $0.kind == kind }
            guard !goals.isEmpty else { continue }
            b.append(.heading(3, d.goalKindPlural(kind)))
            b.append(.table(Table(
                columns: [Column(d[.goal]), Column(d[.measure]), Column(d[.deadline], noWrap: true), Column(d[.owner]),
                          Column(d[.activities]), Column("SMART")],
                rows: goals.map { g in
                    let flags = g.smartFlags
                    let letters = SMARTLetter.allCases.filter { l in flags.contains { $0.letter == l } }.map(\.initial)
                    let values = g.baseline.isEmpty && g.target.isEmpty ? "" : "\(dash(g.baseline)) → \(dash(g.target))"
                    let measure = [g.indicator, values].filter { !$0.isEmpty }.joined(separator: ": ")
                    return [Cell(g.text), Cell(measure), Cell(g.deadline), Cell(g.owner),
                            Cell(g.activityIDs.compactMap { a.number(ofActivity: $0) }.sorted().map(String.init).joined(separator: ", ")),
                            flags.isEmpty ? Cell(d[.smartPasses], signal: .green)
                                : Cell(d.smartMissing(letters), signal: .red)]
                },
                style: "goals")))
            let flagged = goals.filter { !$0.smartFlags.isEmpty }
            if !flagged.isEmpty {
                b.append(.bullets(flagged.map { g in
                    ListItem([.strong(g.text)], children: g.smartFlags.map { ListItem([.strong($0.letter.initial), Span(": \($0.reason(language))")]) })
                }))
            }
        }

        b.append(.heading(2, d[.followUpPlan]))
        if a.goals.isEmpty {
            b.append(.empty(d[.noGoals]))
        } else {
            b.append(.table(Table(
                columns: [Column(d[.goal]), Column(d[.whoFollowsUp]), Column(d[.when], noWrap: true), Column(d[.how])],
                rows: a.goals.map { g in
                    [Cell(g.text), Cell(dash(g.owner)), Cell(dash(g.deadline)),
                     Cell(dash([g.indicator, g.target.isEmpty ? "" : "\(d[.targetValue].lowercased()) \(g.target)"].filter { !$0.isEmpty }.joined(separator: ", ")))]
                })))
        }

        b.append(.heading(2, d[.followUpDone]))
        if a.followUps.isEmpty {
            b.append(.empty(d[.noFollowUps]))
        } else {
            // How far each activity, goal or the promise has come: its
            // latest assessment, counted once.
            var latest: [String: FollowUp] = [:]
            for f in a.followUps where f.assessesStatus {
                let key = f.activityID.map { "a\($0)" } ?? f.goalID.map { "g\($0)" } ?? "p"
                if let seen = latest[key], (seen.date, seen.createdAt) > (f.date, f.createdAt) { continue }
                latest[key] = f
            }
            let counts = FollowUpStatus.allCases.map { s in (s, latest.values.filter { $0.status == s }.count) }
            b.append(.paragraph(d.followUpCounts(counts)))
            b.append(.barChart(BarChart(title: d[.followUpStatus], bars: counts.map { s, n in
                BarChart.Bar(label: d.followUpStatus(s), value: n, valueText: "\(n)", signal: signal(s))
            })))
            // A follow-up meeting's entries are dated by the meeting.
            let meetingDates = Dictionary(uniqueKeysWithValues: a.meetings.map { ($0.id, $0.facts.date) })
            b.append(.table(Table(
                columns: [Column(d[.date], noWrap: true), Column(d[.concerns]), Column(d[.aspect]), Column(d[.status]), Column(d[.measuredValue]),
                          Column(d[.resources]), Column(d[.howItWent])],
                // By what they concern (the activities in the plan's order,
                // then goals, then the promise), then by date and aspect.
                rows: a.followUps.filter { !$0.isEmpty }.sorted { x, y in
                    func key(_ f: FollowUp) -> (Int, Int, String, Int) {
                        let aspect = FollowUpAspect.allCases.firstIndex(of: f.aspect)!
                        if let id = f.activityID { return (0, a.number(ofActivity: id) ?? Int.max, f.date, aspect) }
                        if let id = f.goalID { return (1, a.goals.firstIndex { $0.id == id } ?? Int.max, f.date, aspect) }
                        return (2, 0, f.date, aspect)
                    }
                    return key(x) < key(y)
                }.map { f in
                    let concerns = f.activityID.map(ref) ?? f.goalID.flatMap { id in a.goals.first { $0.id == id }?.text }
                        ?? d[.thePromiseAsAWhole]
                    let date = f.date.isEmpty ? f.meetingID.flatMap { meetingDates[$0] } ?? "" : f.date
                    let status = f.assessesStatus ? Cell(d.followUpStatus(f.status), signal: signal(f.status)) : Cell("")
                    return [Cell(date), Cell(concerns), Cell(d.followUpAspect(f.aspect)), status, Cell(f.measuredValue), Cell(f.resources),
                            Cell(f.why)]
                },
                style: "follow-up")))
        }
        return Document(kind: .plan, language: language, kindLabel: d[.kindPlan], title: a.cycle.area,
                        meta: ["\(d[.promisePeriod]): \(a.cycle.period)"], blocks: b)
    }

    /// Medborgarlöfte: the sections the method support lists, in its
    /// order. The coordinator's own text of each section is public by
    /// intent (personal data in it is still replaced by a marker); from
    /// the chain it takes only the focus areas that lead to the promise
    /// (name and target picture), the activities for them (what and when,
    /// never how, who or with what) and how many took part in the
    /// dialogues, each through `PublicFilter`.
    public static func promise(_ c: CycleRecord, language: Language) -> Document {
        let d = DocumentTexts(language)
        let a = c.analysis
        let filter = PublicFilter(meetings: c.meetings)
        let p = a.promise ?? Promise(cycleID: a.cycle.id)
        // The contact details are public as written, also where repeated.
        let contacts = publicContacts(p)
        func text(_ s: PromiseSection, orEmpty: Bool = true) -> [Block] {
            let blocks = textBlocks(PersonalData.redact(p.published(s), keeping: contacts))
            return blocks.isEmpty && orEmpty ? [.empty(d[.notWrittenYet])] : blocks
        }
        var b: [Block] = []
        let missing = p.missing
        if !missing.isEmpty {
            let empty = missing.filter { p[$0].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            b.append(.notice(d.promiseDraft(empty: empty, toGoThrough: missing.filter { !empty.contains($0) })))
        }

        b.append(.heading(2, d[.purpose]))
        b += text(.purpose)
        b.append(.heading(2, d[.pictureAndFocus]))
        b += text(.jointPicture, orEmpty: false) + text(.focus, orEmpty: p.published(.jointPicture).stripped.isEmpty)
        // The focus areas and the dialogues behind them, where the
        // coordinator's own text does not already present them.
        let areas = a.rankedFocusAreas.filter { a.promiseAreas.contains($0.id) && filter.allows($0.name) }
        if !areas.isEmpty && p.published(.focus).stripped.isEmpty {
            b.append(.bullets(areas.map { area in
                ListItem([.strong(area.name)] + (filter.allows(area.targetPicture) && !area.targetPicture.isEmpty
                                                 ? [Span(". \(d[.targetPicture]): \(area.targetPicture)")] : []))
            }))
        }
        let dialogues = c.meetings.filter { $0.meeting.status != .planned }
        if !dialogues.isEmpty && p.published(.jointPicture).stripped.isEmpty {
            let people = dialogues.reduce(0) { $0 + $1.meeting.facts.totalHeadCount }
            let counted = dialogues.filter { $0.meeting.facts.totalHeadCount > 0 }.count
            b.append(.paragraph(d.howItWasProduced(dialogues: dialogues.count, participants: people, counted: counted)))
            b.append(.bullets(dialogues.map { r in
                let f = r.meeting.facts
                var parts = [f.date, d.ui.form(f.form)].filter { !$0.isEmpty }
                if f.totalHeadCount > 0 { parts.append(d.participantsCount(f.totalHeadCount)) }
                return ListItem([Span(r.agenda.title), .muted(" (" + parts.joined(separator: ", ") + ")")])
            }))
        }
        b.append(.heading(2, d[.whatWeWillDo]))
        // The coordinator's own text of the commitments, or (when none is
        // written) the promised activities as a table: never both, so each
        // commitment stands once. The table says who does what (001 line
        // 169: "Polisen ska …").
        let promised = promisedActivities(a).filter { filter.allows($0.what) }
        if !p.published(.activities).stripped.isEmpty || promised.isEmpty {
            b += text(.activities)
        } else {
            // The actor is the organisation ("Polisen", "Kommunen"), never
            // a person's name: that stays in the plan.
            let who: (Activity) -> String = { act in filter.allows(act.organisation) ? act.organisation : "" }
            b.append(.table(Table(columns: [Column(d[.who]), Column(d[.activity]), Column(d[.when])],
                                  rows: promised.map { act in
                                      [Cell(who(act)), Cell(act.what),
                                       Cell(filter.allows(d.period(act.start, act.end)) ? d.period(act.start, act.end) : "")]
                                  })))
        }
        b.append(.heading(2, d[.effectsSought]))
        b += text(.effects)
        // From here on kept on one printed page, the signatures with it.
        let closing = b.count
        func document() -> Document { promiseDocument(p, a, d, language, Array(b[..<closing]) + [.together(Array(b[closing...]))]) }
        b.append(.heading(2, d[.howToFollow]))
        b += text(.followCitizens)
        // Who answers for the promises: the county's question 13 reads it
        // here (the sixteenth walk: the review said yes, the promise did
        // not say it).
        if !p.published(.owner).stripped.isEmpty {
            b.append(.paragraph([.strong("\(d.promiseOwnerLabel): ")] + [Span(PersonalData.redact(p.published(.owner), keeping: contacts).stripped)]))
        }
        if !p.published(.contact).stripped.isEmpty {
            b.append(.heading(2, d[.contactUs]))
            // An address block reads as one line: "Ludvika kommun · Postadress …".
            let lines = text(.contact)
            let plain = lines.compactMap { block -> String? in
                if case .paragraph(let spans) = block { return spans.map(\.text).joined() }
                return nil
            }
            b += plain.count == lines.count ? [.paragraph(plain.joined(separator: " · "))] : lines
        }
        b.append(.heading(2, d[.validity]))
        b += text(.validity)
        // Decided (by the municipal board) instead of signed, or signed.
        let decision = PersonalData.redact(p.published(.decision), keeping: contacts).stripped
        if !decision.isEmpty {
            b.append(.heading(2, d[.decided]))
            b.append(.paragraph(decision))
            return document()
        }
        b.append(.heading(2, d[.signatures]))
        let names = PersonalData.redact(p.published(.signatories), keeping: contacts).split { $0.isNewline || $0 == ";" }.map { String($0).stripped }.filter { !$0.isEmpty }
        if names.isEmpty {
            b.append(.empty(d[.noSignatories]))
        } else {
            // Dated and placed at the top: no line to write them on.
            let dated = !p.published(.place).stripped.isEmpty && !p.published(.documentDate).stripped.isEmpty
            b.append(.signatures(Signatures(names: names, signatureLabel: d[.signature], nameLabel: d[.nameAndRole],
                                            placeAndDateLabel: dated ? "" : d[.placeAndDate])))
        }
        return document()
    }

    /// A written text's structure, carried into every format: a line
    /// starting "- ", "* ", "• " or "– " is a bullet, "1. " or "1) " a
    /// numbered item, "## " a sub-heading; every other line a paragraph.
    static func textBlocks(_ text: String) -> [Block] {
        var blocks: [Block] = []
        var items: [ListItem] = []
        var ordered = false
        func flush() {
            if !items.isEmpty { blocks.append(.list(items, ordered: ordered)) }
            items = []
        }
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = String(raw).stripped
            guard !line.isEmpty else { continue }
            if let rest = ["- ", "* ", "• ", "– "].first(where: line.hasPrefix).map({ String(line.dropFirst($0.count)).stripped }) {
                if ordered { flush() }
                ordered = false
                items.append(ListItem([Span(rest)]))
            } else if let number = numbered(line) {
                if !ordered { flush() }
                ordered = true
                items.append(ListItem([Span(number)]))
            } else if line.hasPrefix("#") {
                flush()
                blocks.append(.heading(3, String(line.drop { $0 == "#" }).stripped))
            } else {
                flush()
                blocks.append(.paragraph(line))
            }
        }
        flush()
        return blocks
    }

    /// "1. Trygghetsvandringar" → "Trygghetsvandringar"; nil when the line
    /// is not a numbered item.
    static func numbered(_ line: String) -> String? {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard (1...2).contains(digits.count) else { return nil }
        let rest = line.dropFirst(digits.count)
        guard let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " else { return nil }
        return String(rest.dropFirst(2)).stripped
    }

    /// The promise's document: the coordinator's title (else the area), the
    /// period, and the place, date and diary number as written.
    static func promiseDocument(_ p: Promise, _ a: CycleAnalysis, _ d: DocumentTexts, _ language: Language, _ b: [Block]) -> Document {
        let title = p.published(.title).stripped
        let placeAndDate = [p.published(.place).stripped, p.published(.documentDate).stripped].filter { !$0.isEmpty }.joined(separator: " ")
        let diary = p.published(.diaryNumber).stripped
        let meta = ["\(d[.promisePeriod]): \(a.cycle.period)", placeAndDate, diary.isEmpty ? "" : "\(d[.diaryNumber]): \(diary)"]
        return Document(kind: .promise, language: language, kindLabel: d[.kindPromise], title: title.isEmpty ? a.cycle.area : title,
                        meta: meta.filter { !$0.isEmpty }, blocks: b)
    }

    /// What looks like personal data in the promise's contact section: the
    /// organisations' public details, kept wherever the promise has them.
    static func publicContacts(_ p: Promise) -> Set<String> {
        Set(PersonalData.scan(p[.contact]).map(\.text))
    }

    /// What the promise's public text replaces (outside its contact
    /// details), for the person exporting it: section and kind.
    public static func promiseRedactions(_ c: CycleRecord) -> [(section: PromiseSection, kind: PersonalDataKind)] {
        guard let p = c.analysis.promise else { return [] }
        let contacts = publicContacts(p)
        return PromiseSection.allCases.filter { $0 != .contact }.flatMap { s in
            PersonalData.scan(p.published(s)).filter { !contacts.contains($0.text) }.map { (s, $0.kind) }
        }
    }

    /// The activities a promise commits to: not cancelled, serving a focus
    /// area that leads to the promise, in the plan's order.
    public static func promisedActivities(_ a: CycleAnalysis) -> [Activity] {
        a.orderedActivities.filter { $0.status != .cancelled && $0.focusAreaID.map(a.promiseAreas.contains) == true }
    }

    /// The cycle's activities a promise's table leaves out although they
    /// may belong in it (no focus area, or text that looks like personal
    /// data), for the person exporting it.
    public static func activitiesLeftOutOfPromise(_ c: CycleRecord) -> [(activity: Activity, reason: String)] {
        let a = c.analysis
        // The coordinator's own text stands instead of the table: a promised
        // activity it does not name is said to be missing from it.
        let own = a.promise?.published(.activities).stripped.lowercased() ?? ""
        let filter = PublicFilter(meetings: c.meetings)
        return a.orderedActivities.compactMap { act in
            guard act.status != .cancelled else { return nil }
            if act.focusAreaID == nil { return (act, "no focus area") }
            guard act.focusAreaID.map(a.promiseAreas.contains) == true else { return nil }
            if !own.isEmpty { return mentions(own, act.what) ? nil : (act, "not named in the promise's own text") }
            return filter.allows(act.what) ? nil : (act, "may hold personal data")
        }
    }

    /// Whether a promise's own text names an activity in its own words:
    /// two thirds of the activity's words of four letters or more stand in
    /// it, each as a word sharing all but its last three letters with one
    /// of the text's ("Ökat trafiksäkerhetsarbete kring julhelgen" in
    /// "… öka trafiksäkerhetsarbetet kring julhelgen …"; the sixteenth walk
    /// was told 7 of 8 activities were missing, matched whole and exactly).
    static func mentions(_ text: String, _ what: String) -> Bool {
        func words(_ s: String, least: Int) -> [[Character]] {
            s.lowercased().split { !$0.isLetter && !$0.isNumber }.map(Array.init).filter { $0.count >= least }
        }
        let wanted = words(what, least: 4)
        guard !wanted.isEmpty else { return text.lowercased().contains(what.stripped.lowercased()) }
        let said = words(text, least: 3)
        let found = wanted.filter { w in
            said.contains { t in
                let common = zip(w, t).prefix { $0 == $1 }.count
                return common >= max(3, min(w.count, t.count) - 3)
            }
        }.count
        return found * 3 >= wanted.count * 2
    }

    // MARK: parts

    enum OverviewColumns { case situation, analysis }

    /// The focus areas by priority, as a table.
    static func focusAreaOverview(_ a: CycleAnalysis, _ d: DocumentTexts, columns: OverviewColumns) -> [Block] {
        guard !a.focusAreas.isEmpty else { return [.empty(d[.noFocusAreas])] }
        let head = [Column(d[.rank], numeric: true), Column(d[.focusArea])]
        let rank: (FocusArea) -> Cell = { Cell(a.rank(of: $0.id).map(String.init) ?? "–") }
        var decided: [Block] = []
        if let id = a.decidedIn, let m = a.meetings.first(where: { $0.id == id }) {
            decided = [.paragraph(d.decidedIn(m.title, earlier: !a.earlierDots.isEmpty))]
        }
        switch columns {
        case .situation:
            let earlier = !a.earlierDots.isEmpty
            return decided + [.table(Table(
                columns: head + [Column(d[.dots], numeric: true)] + (earlier ? [Column(d[.earlierDots], numeric: true)] : [])
                    + [Column(d[.leadsToPromise]), Column(d[.targetPicture])],
                rows: a.rankedFocusAreas.map { area in
                    [rank(area), Cell([Span(area.name)] + d.areaTypeAfterName(area.type)), Cell("\(a.dots[area.id] ?? 0)")]
                        + (earlier ? [Cell("\(a.earlierDots[area.id] ?? 0)")] : [])
                        + [Cell(d.yesNo(a.promiseAreas.contains(area.id))), Cell(area.targetPicture)]
                }))]
        case .analysis:
            return decided + [.table(Table(
                columns: head + [Column(d[.dots], numeric: true), Column(d[.problemDescription]), Column(d[.causes], numeric: true),
                                 Column(d[.activities], numeric: true)],
                rows: a.rankedFocusAreas.map { area in
                    let problems = a.problems.filter { $0.focusAreaID == area.id }
                    let described = problems.contains { p in p.answers.values.contains { !$0.isEmpty } }
                    return [rank(area), Cell(area.name), Cell("\(a.dots[area.id] ?? 0)"), Cell(d.yesNo(described)),
                            Cell("\(problems.reduce(0) { $0 + (a.causes[$1.id]?.count ?? 0) })"),
                            Cell("\(a.activities.filter { $0.focusAreaID == area.id }.count)")]
                }))]
        }
    }

    /// One problem: where it was described, its answers, the cause tree
    /// and the triangle.
    static func problemBlocks(_ p: Problem, _ c: CycleRecord, _ d: DocumentTexts) -> [Block] {
        var b: [Block] = [.heading(3, d[.problemDescription])]
        if let r = c.meetings.first(where: { $0.meeting.id == p.meetingID }) {
            b.append(.paragraph([.muted(d.describedIn(r, workspace: p.stepID == "workspace"))]))
        }
        let answers = problemAnswers(p, d)
        b += answers.isEmpty ? [.empty(d[.noAnswers])] : answers
        b.append(.heading(3, d[.causeAnalysis]))
        let causes = c.analysis.causes[p.id] ?? []
        if causes.isEmpty {
            b.append(.empty(d[.noCauses]))
        } else {
            let children = Dictionary(grouping: causes, by: \.parentID)
            func items(_ parent: Int64?) -> [ListItem] {
                (children[parent] ?? []).map { cause in
                    ListItem([Span(cause.text), .muted(" (\(d.evidence(cause.evidence)))")], children: items(cause.id))
                }
            }
            b.append(.paragraph(d[.causeTreeIntro]))
            b.append(.bullets(items(nil)))
        }
        b.append(.heading(3, d[.triangle]))
        b.append(triangleTable(p, d).map { .table($0) } ?? .empty(d[.noTriangle]))
        return b
    }

    /// "Möte 1", "Möte 2", … in the cycle's order (oldest first).
    static func meetingNumbers(_ c: CycleRecord) -> [Int64: Int] {
        Dictionary(uniqueKeysWithValues: c.meetings.enumerated().map { ($1.meeting.id, $0 + 1) })
    }

    static func signal(_ s: FollowUpStatus) -> Signal {
        switch s {
        case .done: .green
        case .ongoing: .yellow
        case .notDone: .red
        }
    }
}
