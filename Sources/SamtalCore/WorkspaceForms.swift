// The forms of the analysis workspace: each record as fields, and back
// from the fields to a `WorkspaceWrite`, with the checks a facilitator
// needs to hear about before anything is written (a dependency cycle, an
// activity number that does not exist, an empty required field).

public enum WorkspaceForms {
    static func text(_ id: FieldID, _ label: TextKey, _ value: String, limit: Int = 400, required: Bool = false,
                     lines: Int = 1) -> FormField {
        FormField(id, label, .text(TextField(value, limit: limit)), required: required, lines: lines)
    }

    static func choice(_ id: FieldID, _ label: TextKey, values: [String], labels: [String], selected: String) -> FormField {
        FormField(id, label, .choice(values: values, labels: labels, index: values.firstIndex(of: selected) ?? 0))
    }

    static func yesNo(_ id: FieldID, _ label: TextKey, _ value: Bool, texts t: Texts) -> FormField {
        choice(id, label, values: ["no", "yes"], labels: [t[.wsNo], t[.wsYes]], selected: value ? "yes" : "no")
    }

    /// The cycle's focus areas as a choice, "none" first.
    static func areaChoice(_ a: CycleAnalysis, selected: Int64?, texts t: Texts) -> FormField {
        let areas = a.rankedFocusAreas
        return choice(.focusArea, .wsFocusArea, values: [""] + areas.map { String($0.id) },
                      labels: [t[.activityNoArea]] + areas.map(\.name), selected: selected.map(String.init) ?? "")
    }

    /// Activity numbers as the activity tab shows them ("1, 3").
    static func numbers(_ ids: [Int64], _ a: CycleAnalysis) -> String {
        ids.compactMap { a.number(ofActivity: $0) }.sorted().map(String.init).joined(separator: ", ")
    }

    // MARK: building

    /// The new part of an area being split: its name, and its type (the
    /// area's to begin with).
    /// The form of `which` made from the record as `a` has it (read again
    /// since the form was opened, it holds what other terminals saved);
    /// nil for a new record, or one no longer there.
    static func asStored(_ which: WorkspaceForm, analysis a: CycleAnalysis, today: String, texts t: Texts) -> Form? {
        switch which {
        case .focusArea(let id):
            return a.focusArea(id).map { focusArea($0, leads: a.promiseAreas.contains(id), texts: t) }
        case .problem(let areaID):
            return a.focusArea(areaID).map { problem(area: $0, problem: a.problem(for: areaID)) }
        case .cause(let areaID, let causeID?, let parentID):
            return a.causes.values.joined().first { $0.id == causeID }.map { cause(areaID: areaID, cause: $0, parentID: parentID, texts: t) }
        case .activity(let id?):
            return a.activities.first { $0.id == id }.map { activity($0, analysis: a, defaultArea: nil, texts: t) }
        case .goal(let id?):
            return a.goals.first { $0.id == id }.map { goal($0, analysis: a, defaultArea: nil, texts: t) }
        case .promise:
            return a.promise.map { promise($0) }
        case .followUp(let id?):
            return a.followUps.first { $0.id == id }.map { followUp($0, analysis: a, today: today, texts: t) }
        case .splitArea, .cause(_, nil, _), .activity(nil), .goal(nil), .followUp(nil):
            return nil
        }
    }

    static func split(_ area: FocusArea, texts t: Texts) -> Form {
        let types = FocusAreaType.allCases
        return Form(purpose: .workspace(.splitArea(from: area.id)), fields: [
            text(.name, .wsAreaName, "", limit: 200, required: true),
            choice(.areaType, .wsAreaType, values: types.map(\.rawValue), labels: types.map { t.areaType($0) }, selected: area.type.rawValue),
        ])
    }

    static func focusArea(_ area: FocusArea, leads: Bool, texts t: Texts) -> Form {
        let types = FocusAreaType.allCases
        return Form(purpose: .workspace(.focusArea(area.id)), fields: [
            text(.name, .wsAreaName, area.name, limit: 200, required: true),
            choice(.areaType, .wsAreaType, values: types.map(\.rawValue), labels: types.map { t.areaType($0) }, selected: area.type.rawValue),
            text(.targetPicture, .wsTargetPicture, area.targetPicture, limit: 2000, lines: 5),
            yesNo(.leadsToPromise, .wsLeadsToPromise, leads, texts: t),
        ])
    }

    static func problem(area: FocusArea, problem: Problem?) -> Form {
        let questions = ProblemQuestion.allCases.map { q in
            text(.question(q), ProblemField.question(q).label, problem?.answers[q] ?? "", limit: 2000, lines: 5)
        }
        let sides = TriangleSide.allCases.map { s in
            text(.side(s), ProblemField.triangle(s).label, problem?.triangle[s] ?? "", limit: 2000, lines: 4)
        }
        return Form(purpose: .workspace(.problem(areaID: area.id)), fields: questions + sides)
    }

    static func cause(areaID: Int64, cause: Cause?, parentID: Int64?, texts t: Texts) -> Form {
        let kinds = CauseEvidence.allCases
        return Form(purpose: .workspace(.cause(areaID: areaID, causeID: cause?.id, parentID: parentID)), fields: [
            text(.causeText, .wsCause, cause?.text ?? "", limit: 1000, required: true),
            choice(.evidence, .wsEvidence, values: kinds.map(\.rawValue), labels: kinds.map { t.evidence($0) },
                   selected: (cause?.evidence ?? .internalDiscussion).rawValue),
        ])
    }

    static func activity(_ activity: Activity?, analysis a: CycleAnalysis, defaultArea: Int64?, texts t: Texts) -> Form {
        let x = activity ?? Activity(id: 0, cycleID: a.cycle.id, meetingID: 0, stepID: "", focusAreaID: defaultArea, what: "",
                                     createdAt: 0)
        let terms = EffectTerm.allCases, sides = TriangleSide.allCases, priorities = ActivityPriority.allCases
        let statuses = ActivityStatus.allCases
        return Form(purpose: .workspace(.activity(activity?.id)), fields: [
            text(.what, .wsActivityWhat, x.what, limit: 1000, required: true),
            text(.how, .wsActivityHow, x.how, limit: 2000, lines: 4),
            text(.organisation, .wsOrganisation, x.organisation, limit: 200),
            text(.responsible, .wsResponsible, x.responsible, limit: 200),
            text(.start, .activityFrom, x.start, limit: 40),
            text(.end, .activityTo, x.end, limit: 40),
            text(.sequence, .wsSequence, x.sequence == 0 ? "" : String(x.sequence), limit: 4),
            text(.dependsOn, .wsDependsOn, numbers(x.dependsOn, a), limit: 200),
            areaChoice(a, selected: x.focusAreaID, texts: t),
            choice(.effectTerm, .wsEffectTerm, values: [""] + terms.map(\.rawValue), labels: ["–"] + terms.map { t.effectTerm($0) },
                   selected: x.effectTerm?.rawValue ?? ""),
            choice(.triangleSide, .wsTriangleSide, values: [""] + sides.map(\.rawValue),
                   labels: ["–"] + sides.map { ProblemField.triangle($0).label }.map { t[$0] }, selected: x.triangleSide?.rawValue ?? ""),
            yesNo(.citizens, .wsCitizens, x.involvesCitizens, texts: t),
            choice(.priority, .wsPriority, values: priorities.map(\.rawValue), labels: priorities.map { t.priority($0) },
                   selected: x.priority.rawValue),
            choice(.status, .wsStatus, values: statuses.map(\.rawValue), labels: statuses.map { t.activityStatus($0) },
                   selected: x.status.rawValue),
        ])
    }

    static func goal(_ goal: Goal?, analysis a: CycleAnalysis, defaultArea: Int64?, texts t: Texts) -> Form {
        let g = goal ?? Goal(id: 0, cycleID: a.cycle.id, focusAreaID: defaultArea, text: "", createdAt: 0)
        let kinds = GoalKind.allCases
        return Form(purpose: .workspace(.goal(goal?.id)), fields: [
            choice(.goalKind, .wsGoalKind, values: kinds.map(\.rawValue), labels: kinds.map { t.goalKind($0) }, selected: g.kind.rawValue),
            text(.goalText, .wsGoalText, g.text, limit: 1000, required: true),
            text(.indicator, .wsIndicator, g.indicator, limit: 400),
            text(.baseline, .wsBaseline, g.baseline, limit: 200),
            text(.target, .wsTarget, g.target, limit: 200),
            text(.deadline, .wsDeadline, g.deadline, limit: 40),
            text(.owner, .wsOwner, g.owner, limit: 200),
            areaChoice(a, selected: g.focusAreaID, texts: t),
            text(.goalActivities, .wsGoalActivities, numbers(g.activityIDs, a), limit: 200),
            yesNo(.goalAccepted, .wsGoalAccepted, g.accepted, texts: t),
        ])
    }

    static func promise(_ p: Promise) -> Form {
        Form(purpose: .workspace(.promise), fields: PromiseSection.allCases.map { s in
            text(.section(s), s.label, p[s], limit: 4000, lines: s.isLong ? 8 : 1)
        })
    }

    static func followUp(_ f: FollowUp?, analysis a: CycleAnalysis, today: String, texts t: Texts) -> Form {
        let x = f ?? FollowUp(id: 0, cycleID: a.cycle.id, activityID: a.orderedActivities.first?.id, date: today, createdAt: 0)
        var values = [""], labels = [t[.wsWholePromise]]
        for (i, act) in a.orderedActivities.enumerated() {
            values.append("a\(act.id)")
            labels.append("\(t[.wsActivity]) \(i + 1): \(act.what)")
        }
        for (i, g) in a.goals.enumerated() {
            values.append("g\(g.id)")
            labels.append("\(t[.wsGoal]) \(i + 1): \(g.text)")
        }
        let concerns = x.activityID.map { "a\($0)" } ?? x.goalID.map { "g\($0)" } ?? ""
        let aspects = FollowUpAspect.allCases, statuses = FollowUpStatus.allCases
        return Form(purpose: .workspace(.followUp(f?.id)), fields: [
            choice(.concerns, .wsConcerns, values: values, labels: labels, selected: concerns),
            choice(.aspect, .wsAspect, values: aspects.map(\.rawValue), labels: aspects.map { t.aspect($0) }, selected: x.aspect.rawValue),
            choice(.followUpStatus, .wsStatus, values: statuses.map(\.rawValue), labels: statuses.map { t.followUpStatus($0) },
                   selected: x.status.rawValue),
            text(.measuredValue, .wsMeasured, x.measuredValue, limit: 200),
            text(.why, .wsWhy, x.why, limit: 2000, lines: 4),
            text(.date, .fieldDate, x.date, limit: 40),
        ])
    }

    // MARK: submitting

    /// An activity's start or end written as a date outside the cycle's
    /// promise period, and the field: said before the form saves, and a
    /// second F9 saves all the same (preparation may begin before the
    /// period). The sixteenth walk's end four months after the period
    /// was taken without a word.
    public static func activityDateOutsidePeriod(_ form: Form, analysis a: CycleAnalysis) -> (problem: PeriodProblem, field: Int)? {
        guard let period = CyclePeriod.range(a.cycle.period) else { return nil }
        for id in [FieldID.start, .end] {
            guard let i = form.fields.firstIndex(where: { $0.id == id }) else { continue }
            let date = form.value(id)
            if PlanDate.isValid(date), date < period.first || date > period.last {
                return (.outsidePeriod(date, first: period.first, last: period.last), i)
            }
        }
        return nil
    }

    /// The write a filled-in form asks for, or the first problem with it.
    public static func submit(_ form: Form, _ which: WorkspaceForm, analysis a: CycleAnalysis,
                              texts t: Texts) -> Result<WorkspaceWrite, FormError> {
        if let missing = form.missingRequired(t) { return .failure(missing) }
        func v(_ id: FieldID) -> String { form.value(id) }
        func index(_ id: FieldID) -> Int { form.fields.firstIndex { $0.id == id } ?? 0 }
        /// "1, 3 5" as activity ids, or an error naming the bad number.
        func activityIDs(_ id: FieldID) -> Result<[Int64], FormError> {
            var ids: [Int64] = []
            let parts = v(id).split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" })
            for part in parts {
                guard let n = Int(part), let act = a.activity(number: n) else {
                    return .failure(FormError(message: "\(t[form.fields[index(id)].label]): \(t[.wsNoSuchActivity]) \(part)", focus: index(id)))
                }
                ids.append(act.id)
            }
            return .success(ids)
        }
        switch which {
        case .focusArea(let id):
            return .success(.setFocusArea(id: id, name: v(.name), type: FocusAreaType(rawValue: v(.areaType)) ?? .unset,
                                          targetPicture: v(.targetPicture), leadsToPromise: v(.leadsToPromise) == "yes"))
        case .splitArea(let from):
            return .success(.splitFocusArea(from: from, name: v(.name), type: FocusAreaType(rawValue: v(.areaType)) ?? .unset))
        case .problem(let areaID):
            var answers: [ProblemQuestion: String] = [:]
            for q in ProblemQuestion.allCases where !v(.question(q)).isEmpty { answers[q] = v(.question(q)) }
            var triangle: [TriangleSide: String] = [:]
            for s in TriangleSide.allCases where !v(.side(s)).isEmpty { triangle[s] = v(.side(s)) }
            return .success(.saveProblem(areaID: areaID, answers: answers, triangle: triangle))
        case .cause(let areaID, let causeID, let parentID):
            let evidence = CauseEvidence(rawValue: v(.evidence)) ?? .internalDiscussion
            if let causeID { return .success(.updateCause(id: causeID, text: v(.causeText), evidence: evidence)) }
            return .success(.addCause(areaID: areaID, parentID: parentID, text: v(.causeText), evidence: evidence))
        case .activity(let id):
            var act = id.flatMap { id in a.activities.first { $0.id == id } }
                ?? Activity(id: 0, cycleID: a.cycle.id, meetingID: 0, stepID: "", what: "", createdAt: 0)
            let sequenceText = v(.sequence)
            guard sequenceText.isEmpty || (Int(sequenceText).map { $0 >= 0 } ?? false) else {
                return .failure(FormError(message: "\(t[.wsSequence]) \(t[.errorNumber])", focus: index(.sequence)))
            }
            let dependsOn: [Int64]
            switch activityIDs(.dependsOn) {
            case .success(let ids): dependsOn = ids
            case .failure(let e): return .failure(e)
            }
            if id != nil, let path = ActivityOrder.cycle(adding: dependsOn, to: act.id, in: dependencyEdges(a)) {
                let shown = path.compactMap { a.number(ofActivity: $0) }.map(String.init).joined(separator: " → ")
                return .failure(FormError(message: "\(t[.wsDependencyCycle]): \(shown)", focus: index(.dependsOn)))
            }
            if let problem = PlanDate.problem(start: v(.start), end: v(.end)) {
                // The date that is not one; an end before the start: the
                // one of the two being typed in, else the end (the walk:
                // the cursor moved to the start, and the end date typed
                // next went into it, over the start).
                let field: FieldID = {
                    switch problem {
                    case .notADate(let s): return s == v(.start) ? .start : .end
                    case .endBeforeStart, .outsidePeriod: return form.fields.indices.contains(form.focus) && form.fields[form.focus].id == .start ? .start : .end
                    }
                }()
                return .failure(FormError(message: t.periodProblem(problem), focus: index(field)))
            }
            act.what = v(.what)
            act.how = v(.how)
            act.organisation = v(.organisation)
            act.responsible = v(.responsible)
            act.start = v(.start)
            act.end = v(.end)
            act.sequence = Int(sequenceText) ?? 0
            act.dependsOn = dependsOn
            act.focusAreaID = Int64(v(.focusArea))
            act.effectTerm = EffectTerm(rawValue: v(.effectTerm))
            act.triangleSide = TriangleSide(rawValue: v(.triangleSide))
            act.involvesCitizens = v(.citizens) == "yes"
            act.priority = ActivityPriority(rawValue: v(.priority)) ?? .medium
            act.status = ActivityStatus(rawValue: v(.status)) ?? .planned
            return .success(.saveActivity(act))
        case .goal(let id):
            var goal = id.flatMap { id in a.goals.first { $0.id == id } } ?? Goal(id: 0, cycleID: a.cycle.id, text: "", createdAt: 0)
            switch activityIDs(.goalActivities) {
            case .success(let ids): goal.activityIDs = ids
            case .failure(let e): return .failure(e)
            }
            goal.kind = GoalKind(rawValue: v(.goalKind)) ?? .effect
            goal.text = v(.goalText)
            goal.indicator = v(.indicator)
            goal.baseline = v(.baseline)
            goal.target = v(.target)
            // A deadline written as a date lies inside the promise period.
            if PlanDate.isValid(v(.deadline)), let period = CyclePeriod.range(a.cycle.period),
               v(.deadline) < period.first || v(.deadline) > period.last {
                return .failure(FormError(message: t.periodProblem(.outsidePeriod(v(.deadline), first: period.first, last: period.last)),
                                          focus: index(.deadline)))
            }
            goal.deadline = v(.deadline)
            goal.owner = v(.owner)
            goal.accepted = v(.goalAccepted) == "yes"
            goal.focusAreaID = Int64(v(.focusArea))
            return .success(.saveGoal(goal))
        case .promise:
            var p = a.promise ?? Promise(cycleID: a.cycle.id)
            for s in PromiseSection.allCases { p.sections[s] = v(.section(s)).isEmpty ? nil : v(.section(s)) }
            return .success(.savePromise(p))
        case .followUp(let id):
            var f = id.flatMap { id in a.followUps.first { $0.id == id } } ?? FollowUp(id: 0, cycleID: a.cycle.id, createdAt: 0)
            let concerns = v(.concerns)
            f.activityID = concerns.hasPrefix("a") ? Int64(concerns.dropFirst()) : nil
            f.goalID = concerns.hasPrefix("g") ? Int64(concerns.dropFirst()) : nil
            f.aspect = FollowUpAspect(rawValue: v(.aspect)) ?? .resource
            f.status = FollowUpStatus(rawValue: v(.followUpStatus)) ?? .ongoing
            f.measuredValue = v(.measuredValue)
            f.why = v(.why)
            f.date = v(.date)
            return .success(.saveFollowUp(f))
        }
    }

    static func dependencyEdges(_ a: CycleAnalysis) -> [Int64: [Int64]] {
        Dictionary(uniqueKeysWithValues: a.activities.map { ($0.id, $0.dependsOn) })
    }

    /// The SMART flags of the goal as the form stands now (shown live under
    /// the goal form).
    public static func smartFlags(_ form: Form, analysis a: CycleAnalysis) -> [SMARTFlag] {
        let served = form.value(.goalActivities).split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" })
            .compactMap { Int($0) }.filter { a.activity(number: $0) != nil }
        return SMART.check(GoalDraft(kind: GoalKind(rawValue: form.value(.goalKind)) ?? .effect, text: form.value(.goalText),
                                     indicator: form.value(.indicator), baseline: form.value(.baseline),
                                     target: form.value(.target), deadline: form.value(.deadline), owner: form.value(.owner),
                                     activityCount: served.count, accepted: form.value(.goalAccepted) == "yes"))
    }
}

extension ProblemField {
    /// The label of the field, as a text key.
    public var label: TextKey {
        switch self {
        case .question(let q):
            switch q {
            case .what: .qWhat
            case .where_: .qWhere
            case .when_: .qWhen
            case .whoCauses: .qWhoCauses
            case .affected: .qAffected
            case .consequences: .qConsequences
            case .whoCanFix: .qWhoCanFix
            }
        case .triangle(let s):
            switch s {
            case .offender: .tOffender
            case .target: .tTarget
            case .place: .tPlace
            case .handler: .tHandler
            case .guardian: .tGuardian
            case .placeManager: .tPlaceManager
            }
        case .why: .problemWhy
        }
    }
}

extension PromiseSection {
    /// A section written as paragraphs and lists (edited over several
    /// lines), not a line such as a title or a date.
    public var isLong: Bool {
        switch self {
        case .purpose, .jointPicture, .focus, .activities, .effects, .followCitizens, .contact, .signatories, .validity, .decision: true
        case .title, .documentDate, .place, .diaryNumber, .owner: false
        }
    }

    public var label: TextKey {
        switch self {
        case .title: .promiseTitle
        case .documentDate: .promiseDate
        case .place: .promisePlace
        case .diaryNumber: .promiseDiaryNumber
        case .decision: .promiseDecision
        case .owner: .promiseOwner
        case .purpose: .promisePurpose
        case .jointPicture: .promiseJointPicture
        case .focus: .promiseFocus
        case .activities: .promiseActivities
        case .effects: .promiseEffects
        case .followCitizens: .promiseFollow
        case .contact: .promiseContact
        case .signatories: .promiseSignatories
        case .validity: .promiseValidity
        }
    }
}
