// The quality report: the 15 questions of the county rubric (seed 000,
// "Bilaga 1": Länsstyrelsen's desk study of cooperation agreements and
// citizen promises) answered from what the store holds, each with the
// evidence behind the answer, and for questions 5, 7, 8 and 9 the rubric's
// level (låg / medel / hög kvalitet).
//
// samtal keeps no cooperation agreement and no communication plan, so
// questions 1 to 4 are answered "not in samtal", with what the store does
// hold that bears on them.

public enum QualityVerdict: String, Sendable, CaseIterable {
    case yes, partly, no
    /// The store does not hold what the question asks about.
    case notInStore = "not_in_store"
}

public enum QualityLevel: String, Sendable, CaseIterable {
    case low, medium, high

    var signal: Signal {
        switch self {
        case .low: .red
        case .medium: .yellow
        case .high: .green
        }
    }
}

public struct QualityAnswer: Equatable, Sendable {
    /// 1…15, as in the rubric.
    public var number: Int
    public var verdict: QualityVerdict
    /// Only where the rubric grades (questions 5, 7, 8, 9) and the thing
    /// asked about exists.
    public var level: QualityLevel?
    public var evidence: [String]

    public init(number: Int, verdict: QualityVerdict, level: QualityLevel? = nil, evidence: [String]) {
        self.number = number
        self.verdict = verdict
        self.level = level
        self.evidence = evidence
    }
}

public enum QualityReport {
    /// The questions the rubric grades.
    public static let graded: Set<Int> = [5, 7, 8, 9]

    /// The 15 answers, in the rubric's order.
    public static func answers(_ c: CycleRecord, language: Language) -> [QualityAnswer] {
        let q = Questions(c, DocumentTexts(language))
        return [q.q1(), q.q2(), q.q3(), q.q4(), q.q5(), q.q6(), q.q7(), q.q8(), q.q9(), q.q10(), q.q11(), q.q12(), q.q13(), q.q14(), q.q15()]
    }

    /// Which side of the cooperation a note's knowledge comes from. The
    /// method support's employee dialogues are the police's; citizens and
    /// partners are neither side.
    enum Party { case police, municipality }

    static func party(_ s: NoteSource) -> Party? {
        switch s {
        case .police, .employee: .police
        case .municipality: .municipality
        // Statistics and surveys are sources, not a side.
        case .citizen, .partner, .statistics, .survey: nil
        }
    }

    /// The questions, one function each, over one cycle.
    struct Questions {
        let c: CycleRecord
        let a: CycleAnalysis
        let d: DocumentTexts

        init(_ c: CycleRecord, _ d: DocumentTexts) {
            self.c = c
            self.a = c.analysis
            self.d = d
        }

        var promise: Promise { a.promise ?? Promise(cycleID: a.cycle.id) }
        var liveActivities: [Activity] { a.activities.filter { $0.status != .cancelled } }
        var promiseAreas: [FocusArea] { a.rankedFocusAreas.filter { a.promiseAreas.contains($0.id) } }
        var promisedActivities: [Activity] {
            liveActivities.filter { $0.focusAreaID.map(a.promiseAreas.contains) == true }
        }

        func described(_ area: FocusArea) -> Bool {
            a.problems.contains { $0.focusAreaID == area.id && $0.answers.values.contains { !$0.stripped.isEmpty } }
        }

        func filled(_ s: PromiseSection) -> Bool { !promise.needsWriting(s) }

        /// Yes when all, partly when some, no when none (or nothing to count).
        func verdict(_ n: Int, of total: Int) -> QualityVerdict {
            total == 0 || n == 0 ? .no : n == total ? .yes : .partly
        }

        // 1–4: not kept in samtal.

        func q1() -> QualityAnswer {
            let causes = a.causes.values.reduce(0) { $0 + $1.count }
            return QualityAnswer(number: 1, verdict: .notInStore, evidence: [
                d[.qeAgreementNotKept],
                d.qeAgreementBasis(areas: a.focusAreas.count, problems: a.problems.count, causes: causes),
            ])
        }

        func q2() -> QualityAnswer {
            QualityAnswer(number: 2, verdict: .notInStore, evidence: [d[.qeAgreementSignaturesNotKept]])
        }

        func q3() -> QualityAnswer {
            QualityAnswer(number: 3, verdict: .notInStore, evidence: [d[.qeAgreementOwnerNotKept]])
        }

        func q4() -> QualityAnswer {
            QualityAnswer(number: 4, verdict: .notInStore, evidence: [
                d[.qeCommunicationPlanNotKept],
                d.qePromiseSaysHowToFollow(filled(.followCitizens)),
                d.qeCitizenActivities(liveActivities.filter(\.involvesCitizens).count, of: liveActivities.count),
            ])
        }

        // 5: the local situation picture, graded by who made it and from
        // how many sources.

        func q5() -> QualityAnswer {
            let notes = c.notes
            let reports = c.meetings.filter { r in
                r.agenda.meetingType != .followUp && r.steps.values.contains { $0.ratings.contains { $0.value != nil } }
            }
            guard !notes.isEmpty || !reports.isEmpty else {
                return QualityAnswer(number: 5, verdict: .no, evidence: [d[.qeNoSituationPicture]])
            }
            // A situation report is the knowledge of whoever wrote it: its
            // groups' sources (else its agenda's), not a source of its own.
            func reportSources(_ r: MeetingRecord) -> Set<NoteSource> {
                let noted = Set(r.notes.map(\.source))
                if !noted.isEmpty { return noted }
                let given = Set(r.meeting.groupSources.values)
                return given.isEmpty ? [r.agenda.source] : given
            }
            let reportSourceSet = reports.reduce(into: Set<NoteSource>()) { $0.formUnion(reportSources($1)) }
            let sources = NoteSource.allCases.filter { s in notes.contains { $0.source == s } || reportSourceSet.contains(s) }
            let sourceCount = sources.count
            // Which parties each meeting's material comes from.
            let numbers = Documents.meetingNumbers(c)
            var policeOnly: [Int] = [], municipalityOnly: [Int] = [], joint: [Int] = []
            for r in c.meetings {
                // The parties in the room (the participant rows' kinds) and
                // those whose knowledge the notes carry.
                var parties = Set(r.notes.compactMap { party($0.source) })
                    .union(r.meeting.facts.participants.filter { $0.headCount > 0 }.compactMap { $0.kind.flatMap(party) })
                if reports.contains(where: { $0.meeting.id == r.meeting.id }) { parties.formUnion(reportSources(r).compactMap(party)) }
                let n = numbers[r.meeting.id] ?? 0
                if parties == [.police] { policeOnly.append(n) }
                if parties == [.municipality] { municipalityOnly.append(n) }
                if parties == [.police, .municipality] { joint.append(n) }
            }
            let separately = !policeOnly.isEmpty && !municipalityOnly.isEmpty
            let level: QualityLevel = separately && sourceCount >= 4 ? .high
                : (separately || !joint.isEmpty) && sourceCount >= 3 ? .medium : .low
            // The meetings the notes come from (the walk: "38 anteckningar
            // från 5 möten" where two of the five had none).
            var evidence = [d.qeNotesAndMeetings(notes: notes.count, meetings: Set(notes.map(\.meetingID)).count)]
            evidence.append(d.qeSources(sources.map(d.ui.source), count: sourceCount))
            evidence.append(d.qeMadeBy(police: policeOnly, municipality: municipalityOnly, joint: joint))
            evidence.append(d.criterion(5, level))
            // The rubric's words describe the level, not this picture: what
            // kept it from the next one is said (the walk read "max tre
            // källor" beside six).
            if level != .high {
                evidence.append(d.qeNotHigher([separately ? nil : d.qeNotSeparately, sourceCount >= 4 ? nil : d.qeFewSources(sourceCount)]
                    .compactMap { $0 }))
            }
            return QualityAnswer(number: 5, verdict: .yes, level: level, evidence: evidence)
        }

        // 6: a joint problem picture: focus areas with problem descriptions.

        func q6() -> QualityAnswer {
            guard !a.focusAreas.isEmpty else {
                return QualityAnswer(number: 6, verdict: .no, evidence: [d[.qeNoFocusAreas]])
            }
            let areas = a.rankedFocusAreas
            let done = areas.filter(described)
            var evidence = [d.qeDescribedAreas(done.count, of: areas.count)]
            let missing = areas.filter { !described($0) }.map(\.name)
            if !missing.isEmpty { evidence.append(d.qeWithoutDescription(missing)) }
            let sources = NoteSource.allCases.filter { s in areas.flatMap(\.noteIDs).contains { a.notes[$0]?.source == s } }
            if !sources.isEmpty { evidence.append(d.qeAreaSources(sources.map(d.ui.source))) }
            return QualityAnswer(number: 6, verdict: done.isEmpty ? .partly : .yes, evidence: evidence)
        }

        // 7: cause analysis, graded by how the causes were established.
        // Every cause in samtal records how it was established, so the
        // rubric's lowest level ("unclear how they were analysed") cannot
        // arise from the store.

        func q7() -> QualityAnswer {
            let analysed = a.problems.filter { !(a.causes[$0.id] ?? []).isEmpty }
            let causes = analysed.flatMap { a.causes[$0.id] ?? [] }
            guard !causes.isEmpty else {
                return QualityAnswer(number: 7, verdict: .no, evidence: [d.qeNoCauses(problems: a.problems.count)])
            }
            let deepened = analysed.filter { p in (a.causes[p.id] ?? []).contains { $0.evidence != .internalDiscussion } }
            let level: QualityLevel = deepened.count == analysed.count ? .high : .medium
            let byEvidence = CauseEvidence.allCases.compactMap { e -> String? in
                let n = causes.filter { $0.evidence == e }.count
                return n == 0 ? nil : "\(d.evidence(e)) \(n)"
            }
            return QualityAnswer(number: 7, verdict: .yes, level: level, evidence: [
                d.qeCauses(causes.count, problems: analysed.count, byEvidence: byEvidence),
                d.qeDeepened(deepened.count, of: analysed.count),
                d.criterion(7, level),
            ])
        }

        // 8: joint goals, graded by kinds and the SMART check.

        func q8() -> QualityAnswer {
            let goals = a.goals
            guard !goals.isEmpty else { return QualityAnswer(number: 8, verdict: .no, evidence: [d[.qeNoGoals]]) }
            let kinds = GoalKind.allCases.map { k in (k, goals.filter { $0.kind == k }.count) }
            let passing = goals.filter { $0.smartFlags.isEmpty }.count
            let level: QualityLevel = passing == goals.count ? .high : kinds.allSatisfy({ $0.1 > 0 }) ? .medium : .low
            var evidence = [d.qeGoalKinds(total: goals.count, kinds: kinds), d.qeSMARTPassing(passing, of: goals.count)]
            for letter in SMARTLetter.allCases {
                let n = goals.filter { g in g.smartFlags.contains { $0.letter == letter } }.count
                if n > 0 { evidence.append(d.qeSMARTLacking(n, of: goals.count, letter)) }
            }
            evidence.append(d.criterion(8, level))
            return QualityAnswer(number: 8, verdict: .yes, level: level, evidence: evidence)
        }

        // 9: the action plan, graded by its tie to the situation picture and
        // whether every activity says what, how, who, when and in which
        // order.

        func q9() -> QualityAnswer {
            let acts = liveActivities
            guard !acts.isEmpty else { return QualityAnswer(number: 9, verdict: .no, evidence: [d[.qeNoActivities]]) }
            func count(_ test: (Activity) -> Bool) -> Int { acts.filter(test).count }
            let linked = count { a.focusArea($0.focusAreaID) != nil }
            let spec: [(DocText, Int)] = [
                (.qeSpecWhat, count { !$0.what.stripped.isEmpty }),
                (.qeSpecHow, count { !$0.how.stripped.isEmpty }),
                (.qeSpecRoles, count { !$0.responsible.stripped.isEmpty || !$0.organisation.stripped.isEmpty }),
                (.qeSpecTime, count { !$0.start.stripped.isEmpty && !$0.end.stripped.isEmpty }),
                (.qeSpecOrder, acts.count == 1 ? 1 : count { $0.sequence > 0 || !$0.dependsOn.isEmpty }),
            ]
            let complete = spec.allSatisfy { $0.1 == acts.count }
            // The plan as a whole is tied to the situation picture when most
            // of its activities serve one of its focus areas; one activity
            // without an area does not cut the tie (it is named).
            let tied = linked * 2 > acts.count
            let level: QualityLevel = !tied ? .low : complete && linked == acts.count ? .high : .medium
            var evidence = [d.qeLinked(linked, of: acts.count)]
            let loose = acts.filter { a.focusArea($0.focusAreaID) == nil }.map(\.what)
            if !loose.isEmpty { evidence.append(d.qeWithoutArea(loose)) }
            // Dates beyond the promise period (the sixteenth walk: an end
            // four months after it passed without a word anywhere).
            if let period = CyclePeriod.range(a.cycle.period) {
                let outside = acts.filter { act in
                    [act.start, act.end].contains { PlanDate.isValid($0) && ($0 < period.first || $0 > period.last) }
                }.map(\.what)
                if !outside.isEmpty { evidence.append(d.qeOutsidePeriod(outside, first: period.first, last: period.last)) }
            }
            // What kept it from the next level, beside the rubric's words
            // (the walk read "saknar komplett specifikation" beside five
            // parts given for 8 of 8).
            let short = spec.filter { $0.1 < acts.count }.map { d[$0.0].lowercased() }
            let why = level == .high ? [] : [d.qeNotHigher(
                (tied ? [] : [d.qeFewLinked]) + (short.isEmpty ? [] : [d.qeIncomplete(short)])
                    + (tied && linked < acts.count ? [d.qeWithoutAreaCount(acts.count - linked)] : []))]
            return QualityAnswer(number: 9, verdict: .yes, level: level, evidence:
                evidence + spec.map { d.qeSpec($0.0, $0.1, of: acts.count) } + [d.criterion(9, level)] + why)
        }

        // 10–15: the promise and the follow-up.

        // Is there a current promise: its commitments (the coordinator's
        // text, or the promised activities its table shows) and how long it
        // is valid. A draft's machine text counts only once its writer has
        // gone through it; the other sections are evidence.
        func q10() -> QualityAnswer {
            guard a.promise != nil else { return QualityAnswer(number: 10, verdict: .no, evidence: [d[.qeNoPromise]]) }
            let commitments = filled(.activities) || !promisedActivities.isEmpty
            let current = filled(.validity)
            let sections = Promise.required
            let missing = promise.missing
            var evidence = [d.qeCommitments(text: filled(.activities), table: promisedActivities.count)]
            evidence.append(current ? "\(d[.validity]): \(promise.published(.validity).stripped)" : d[.qeNoValidity])
            evidence.append(d.qePromiseSections(sections.count - missing.count, of: sections.count))
            if !missing.isEmpty { evidence.append(d.qeMissingSections(missing)) }
            return QualityAnswer(number: 10, verdict: commitments && current ? .yes : commitments || current ? .partly : .no,
                                 evidence: evidence)
        }

        func q11() -> QualityAnswer {
            let areas = promiseAreas
            let done = areas.filter(described)
            let text = filled(.jointPicture) || filled(.focus)
            var evidence = [d.qePromiseAreas(areas.map(\.name)), d.qePromiseAreasDescribed(done.count, of: areas.count),
                            d.qePromisePictureText(text)]
            if a.promise == nil { evidence.insert(d[.qeNoPromise], at: 0) }
            let verdict: QualityVerdict = a.promise == nil ? .no
                : !areas.isEmpty && done.count == areas.count && text ? .yes
                : done.isEmpty && !text ? .no : .partly
            return QualityAnswer(number: 11, verdict: verdict, evidence: evidence)
        }

        // Who adopted or signed it: the body that decided, or the names.
        func q12() -> QualityAnswer {
            if filled(.decision) {
                return QualityAnswer(number: 12, verdict: .yes, evidence: [d.qeDecided(promise.published(.decision).stripped)])
            }
            guard filled(.signatories) else { return QualityAnswer(number: 12, verdict: .no, evidence: [d[.qeNoSignatories]]) }
            let names = promise.published(.signatories).split { $0.isNewline || $0 == ";" }.map { String($0).stripped }.filter { !$0.isEmpty }
            return QualityAnswer(number: 12, verdict: .yes, evidence: [d.qeSignatories(names), d[.qeWhichIsMunicipal]])
        }

        // A named owner of the promise as a whole; owners of single
        // activities are what the county's review found missing it.
        func q13() -> QualityAnswer {
            let acts = promisedActivities
            let named = acts.filter { !$0.responsible.stripped.isEmpty || !$0.organisation.stripped.isEmpty }
            let activities = d.qePromisedWithResponsible(named.count, of: acts.count)
            guard filled(.owner) else { return QualityAnswer(number: 13, verdict: .no, evidence: [d[.qeNoPromiseOwner], activities]) }
            return QualityAnswer(number: 13, verdict: .yes, evidence: [d.qePromiseOwner(promise.published(.owner).stripped), activities])
        }

        /// When, how and by whom the goals are followed up.
        func followUpParts(_ goals: [Goal]) -> (when: Int, how: Int, who: Int, all: Int) {
            (goals.filter { !$0.deadline.stripped.isEmpty }.count, goals.filter { !$0.indicator.stripped.isEmpty }.count,
             goals.filter { !$0.owner.stripped.isEmpty }.count,
             goals.filter { !$0.deadline.stripped.isEmpty && !$0.indicator.stripped.isEmpty && !$0.owner.stripped.isEmpty }.count)
        }

        func q14() -> QualityAnswer {
            let goals = a.goals
            let parts = followUpParts(goals)
            let any = goals.filter { !$0.deadline.stripped.isEmpty || !$0.indicator.stripped.isEmpty || !$0.owner.stripped.isEmpty }.count
            let verdict: QualityVerdict = goals.isEmpty || any == 0 ? .no : parts.all == goals.count ? .yes : .partly
            let counts = FollowUpStatus.allCases.map { s in (s, a.followUps.filter { $0.status == s }.count) }
            return QualityAnswer(number: 14, verdict: verdict, evidence: [
                d[.qePlanIsTheAnnex],
                d.qeGoalFollowUp(when: parts.when, how: parts.how, who: parts.who, of: goals.count),
                d.qeFollowUpsRecorded(a.followUps.count, counts),
            ])
        }

        // When, how and by whom: in the promise's own text, or in the plan
        // (the rubric's "annan relevant bilaga") for the goals of its areas.
        func q15() -> QualityAnswer {
            let goals = a.goals.filter { g in g.focusAreaID.map(a.promiseAreas.contains) == true }
            let parts = followUpParts(goals)
            let text = filled(.followCitizens) ? FollowUpText(promise.published(.followCitizens)) : FollowUpText("")
            // Each part: said in the text, or by every goal of the plan;
            // some goals saying it is part of an answer.
            // A word of the promise is quoted; the plan's goals are named as
            // the plan, never quoted as if the promise said it (the
            // sixteenth walk: "hur: ja (”i aktivitetsplanen”)").
            func part(_ said: String?, _ goalsSaying: Int) -> (shown: String?, full: Bool, any: Bool) {
                if let said { return (d.ui.quote(said), true, true) }
                if !goals.isEmpty && goalsSaying == goals.count { return (d[.qeInThePlan], true, true) }
                return (nil, false, goalsSaying > 0)
            }
            let when = part(text.when, parts.when), how = part(text.how, parts.how), who = part(text.who, parts.who)
            let all = [when, how, who]
            let verdict: QualityVerdict = all.allSatisfy(\.full) ? .yes : all.contains(where: \.any) ? .partly : .no
            return QualityAnswer(number: 15, verdict: verdict, evidence: [
                d.qePromiseSaysHowToFollow(filled(.followCitizens)),
                d.qeFollowUpParts(when: when.shown, how: how.shown, who: who.shown),
                d.qeGoalFollowUp(when: parts.when, how: parts.how, who: parts.who, of: goals.count, promiseAreas: true),
            ])
        }
    }

    /// What a promise's follow-up text says of when, how and by whom the
    /// work is followed up: the first word that shows each, or nil. A
    /// reader's shortcut, shown as evidence so that a person can judge it.
    struct FollowUpText {
        let when: String?
        let how: String?
        let who: String?

        static let whenWords = ["varje", "månad", "kvartal", "vecka", "halvår", "årlig", "årsvis", "termin", "löpande", "senast",
                                "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
                                "november", "december", "våren", "hösten", "every", "monthly", "quarter", "weekly", "annual", "yearly",
                                "by the end"]
        static let howWords = ["möte", "sammanträde", "rapport", "redovis", "enkät", "mätning", "statistik", "webb", "hemsida",
                                "polisen.se", "dialog", "sker i", "sker genom", "sker på", "sker vid", "följs upp i", "följs upp genom", "genom", "meeting",
                                "report", "survey", "website", "through"]
        static let whoWords = ["polis", "kommun", "brå", "brottsförebyggande råd", "länsstyrelse", "samordnare", "styrgrupp",
                               "nämnd", "styrelse", "arbetsgrupp", "police", "municipal", "council", "coordinator", "steering group"]

        init(_ text: String) {
            let lower = text.lowercased()
            func first(_ words: [String]) -> String? { words.first { lower.contains($0) } }
            // A year or a date is a when, too.
            let dated = lower.split { !$0.isNumber }.contains { $0.count == 4 && ($0.hasPrefix("20") || $0.hasPrefix("19")) }
            when = first(Self.whenWords) ?? (dated ? "datum" : nil)
            how = first(Self.howWords)
            who = first(Self.whoWords)
        }
    }
}

extension Documents {
    /// Kvalitetsgranskning: the rubric's 15 questions, an overview table
    /// and each answer with its evidence. Internal.
    public static func quality(_ c: CycleRecord, language: Language) -> Document {
        let d = DocumentTexts(language)
        let answers = QualityReport.answers(c, language: language)
        var b: [Block] = [.paragraph(d[.qualityIntro])]
        b.append(.table(Table(
            columns: [Column(d[.number], numeric: true), Column(d[.question]), Column(d[.answer]), Column(d[.level])],
            rows: answers.map { x in
                [Cell("\(x.number)"), Cell(d.rubricQuestion(x.number)), Cell(d.verdict(x.verdict), signal: signal(x.verdict)),
                 x.level.map { Cell(d.level($0), signal: $0.signal) } ?? Cell(QualityReport.graded.contains(x.number) ? "–" : "")]
            },
            style: "quality")))
        for x in answers {
            b.append(.heading(3, "\(x.number). \(d.rubricQuestion(x.number))"))
            var facts = [KeyValue(d[.answer], [.strong(d.verdict(x.verdict))])]
            if let level = x.level { facts.append(KeyValue(d[.level], [.strong(d.level(level))])) }
            b.append(.keyValues(facts))
            b.append(.paragraph([.strong(d[.evidence])]))
            b.append(.bullets(x.evidence.map(ListItem.init)))
        }
        return Document(kind: .quality, language: language, kindLabel: d[.kindQuality], title: c.cycle.area,
                        meta: ["\(d[.promisePeriod]): \(c.cycle.period)", d[.rubricSource]], blocks: b)
    }

    public static func signal(_ v: QualityVerdict) -> Signal? {
        switch v {
        case .yes: .green
        case .partly: .yellow
        case .no: .red
        case .notInStore: nil
        }
    }

    /// An answer and its level in one cell: the worse of the two colours
    /// ("Ja · Låg" is not green).
    public static func signal(_ v: QualityVerdict, level: QualityLevel?) -> Signal? {
        guard let answer = signal(v) else { return nil }
        guard let level else { return answer }
        let rank: [Signal: Int] = [.red: 0, .yellow: 1, .green: 2]
        return (rank[level.signal] ?? 2) < (rank[answer] ?? 2) ? level.signal : answer
    }
}
