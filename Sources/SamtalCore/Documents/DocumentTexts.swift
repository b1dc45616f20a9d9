// Every word the documents use, in Swedish (the default) and English. Fixed
// labels are one exhaustive switch, so a label cannot exist in one language
// only; texts with figures in them are functions that hold both languages.
// Names of values the interface also shows (note types, sources, forms,
// rating values, problem questions) come from the interface's `Texts`.

public enum DocText: CaseIterable, Sendable {
    // document kinds
    case kindSummary, kindFeedback, kindSituation, kindAnalysis, kindPlan, kindPromise, kindQuality
    // the meeting and its method description
    case agenda, cycle, promisePeriod, methodDescription, methodDescriptions, date, place, form, facilitator, noteTakers
    case groups, howNotesWereTaken, notesNamed, notesAnonymous, status, participants, noParticipants, participantCount
    case organisationRole, count, women, men, otherOrUnstated, total, timePerStep, step, planned, actual
    // notes and step records
    case notesPerStep, noNotes, otherSteps, hiddenOnProjector, checklistDone, checklistNotDone
    case priorities, rank, dots, earlierDots, proposedIn, dotsPerFocusArea, dotsPerActivity, goalKind, resources, howItWent, submittedBy, meeting, question, rating, notRated, observations, commentAction, contributions
    case decisions, nextSteps, carryForward, who, when
    // feedback
    case whatWeHeard, nothingHeard, howYouPrioritised, howYouPrioritisedActivities, proposedActivities, whatHappensNext, noNextSteps, feedbackThanks
    // situation picture
    case source, notesBySourceAndType, notesBySourceAndTheme, withoutFocusArea, situationReports, situationReportsLower
    case noSituationReports, noMeetings
    // focus areas, problems, causes
    case focusArea, focusAreas, noFocusAreas, noFocusArea, overview, type, leadsToPromise, targetPicture, basis
    case problemDescription, noProblemDescription, noAnswers, problemsWithoutFocusArea, whyChain, causeAnalysis, causes
    case causeTreeIntro, noCauses, triangle, innerTriangle, outerTriangle, description, noTriangle
    // activity plan
    case internalNotice, timeline, activities, activity, noActivities, activitiesInDetail, number, responsible, period
    case start, end, dependsOn, how, responsibleOrganisation, responsiblePerson, order, notSet, effectTerm, triangleSide
    case involvesCitizens, priority, goals, goal, noGoals, indicator, measure, targetValue, deadline, owner, smartPasses
    case followUpPlan, whoFollowsUp, followUpDone, noFollowUps, followUpStatus, concerns, aspect, measuredValue, why
    case thePromiseAsAWhole
    // promise
    case purpose, pictureAndFocus, whatWeWillDo, effectsSought, howToFollow, contactUs, validity, signatures, noSignatories, decided, diaryNumber
    case signature, nameAndRole, placeAndDate, notWrittenYet
    // quality report
    case qualityIntro, rubricSource, answer, level, evidence
    case qeAgreementNotKept, qeAgreementSignaturesNotKept, qeAgreementOwnerNotKept, qeCommunicationPlanNotKept
    case qeNoSituationPicture, qeNoFocusAreas, qeNoGoals, qeNoActivities, qeNoPromise, qeNoSignatories, qeWhichIsMunicipal
    case qeNoPromiseOwner, qePlanIsTheAnnex, qeNoValidity, qeInThePlan
    case qeSpecWhat, qeSpecHow, qeSpecRoles, qeSpecTime, qeSpecOrder
}

public struct DocumentTexts: Sendable {
    public var language: Language
    /// The interface's texts, for the names of values.
    public var ui: Texts

    public init(_ language: Language) {
        self.language = language
        ui = Texts(language)
    }

    var sv: Bool { language == .sv }

    /// " (plats)" after a focus area's name, muted; nothing while its type
    /// is not chosen.
    func areaTypeAfterName(_ type: FocusAreaType) -> Spans {
        ui.chosenAreaType(type).map { [.muted(" (\($0))")] } ?? []
    }

    public subscript(_ key: DocText) -> String {
        let (sv, en) = DocumentTexts.pair(key)
        return language == .sv ? sv : en
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    static func pair(_ key: DocText) -> (String, String) {
        switch key {
        case .kindSummary: ("Mötessammanfattning", "Meeting summary")
        case .kindFeedback: ("Återkoppling", "Feedback")
        case .kindSituation: ("Lägesbild", "Situation picture")
        case .kindAnalysis: ("Problem- och orsaksanalys", "Problem and cause analysis")
        case .kindPlan: ("Aktivitetsplan", "Activity plan")
        case .kindPromise: ("Medborgarlöfte", "Citizen promise")
        case .kindQuality: ("Kvalitetsgranskning", "Quality review")

        case .agenda: ("Dagordning", "Agenda")
        case .cycle: ("Cykel", "Cycle")
        case .promisePeriod: ("Löftesperiod", "Promise period")
        case .methodDescription: ("Metodbeskrivning", "Method description")
        case .methodDescriptions: ("Metodbeskrivningar", "Method descriptions")
        case .date: ("Datum", "Date")
        case .place: ("Plats", "Place")
        case .form: ("Form", "Form")
        case .facilitator: ("Samtalsledare", "Facilitator")
        case .noteTakers: ("Antecknare", "Note-takers")
        case .groups: ("Antal grupper", "Number of groups")
        case .howNotesWereTaken: ("Så fördes anteckningarna", "How notes were taken")
        case .notesNamed: ("med antecknarens namn", "with the note-taker's name")
        case .notesAnonymous: ("anonymt", "anonymously")
        case .status: ("Status", "Status")
        case .participants: ("Deltagare", "Participants")
        case .noParticipants: ("Inga deltagare registrerade.", "No participants recorded.")
        case .participantCount: ("Antal deltagare", "Number of participants")
        case .organisationRole: ("Organisation/roll", "Organisation/role")
        case .count: ("Antal", "Count")
        case .women: ("Kvinnor", "Women")
        case .men: ("Män", "Men")
        case .otherOrUnstated: ("Annat/ej angivet", "Other/unstated")
        case .total: ("Totalt", "Total")
        case .timePerStep: ("Tid per steg", "Time per step")
        case .step: ("Steg", "Step")
        case .planned: ("Planerat", "Planned")
        case .actual: ("Faktiskt", "Actual")

        case .notesPerStep: ("Anteckningar", "Notes")
        case .noNotes: ("Inga anteckningar.", "No notes.")
        case .otherSteps: ("Övriga steg", "Other steps")
        case .hiddenOnProjector: ("dold på projektorn", "hidden on the projector")
        case .checklistDone: ("klar", "done")
        case .checklistNotDone: ("ej klar", "not done")
        case .priorities: ("Prioritering", "Priorities")
        case .rank: ("Placering", "Rank")
        case .dots: ("Prickar", "Dots")
        case .earlierDots: ("Prickar i tidigare möten", "Dots at earlier meetings")
        case .proposedIn: ("föreslaget på", "proposed at")
        case .dotsPerFocusArea: ("Prickar per fokusområde", "Dots per focus area")
        case .dotsPerActivity: ("Prickar per aktivitet", "Dots per activity")
        case .meeting: ("Möte", "Meeting")
        case .question: ("Fråga", "Question")
        case .rating: ("Bedömning", "Rating")
        case .notRated: ("ej bedömd", "not rated")
        case .observations: ("Iakttagelser", "Observations")
        case .contributions: ("Underlag från organisationerna", "Contributions from the organisations")
        case .commentAction: ("Kommentar/åtgärd", "Comment/action")
        case .decisions: ("Beslut", "Decisions")
        case .nextSteps: ("Nästa steg", "Next steps")
        case .carryForward: ("Tas vidare till nästa möte", "Goes on to the next meeting")
        case .who: ("Vem", "Who")
        case .when: ("När", "When")

        case .whatWeHeard: ("Det här hörde vi", "What we heard")
        case .nothingHeard: ("Inga synpunkter att redovisa.", "No views to report.")
        case .howYouPrioritised: ("Så prioriterade ni", "How you prioritised")
        case .howYouPrioritisedActivities: ("Så prioriterade ni aktiviteterna", "How you prioritised the activities")
        case .proposedActivities: ("Förslag på aktiviteter", "Proposed activities")
        case .whatHappensNext: ("Det här händer härnäst", "What happens next")
        case .noNextSteps: ("Inga nästa steg är bestämda ännu.", "No next steps have been decided yet.")
        case .feedbackThanks:
            ("Tack för att ni deltog och delade med er av era erfarenheter. Det ni har sagt är underlag för polisens och kommunens fortsatta brottsförebyggande och trygghetsskapande arbete.",
             "Thank you for taking part and sharing your experience. What you said informs the further crime-prevention and safety work of the police and the municipality.")

        case .source: ("Källa", "Source")
        case .notesBySourceAndType: ("Anteckningar per källa och typ", "Notes by source and type")
        case .notesBySourceAndTheme: ("Anteckningar per källa och tema", "Notes by source and theme")
        case .withoutFocusArea: ("Utan fokusområde", "Not in a focus area")
        case .situationReports: ("Lägesrapporter", "Situation reports")
        case .situationReportsLower: ("lägesrapporter", "situation reports")
        case .noSituationReports: ("Inga lägesrapporter i cykeln.", "No situation reports in the cycle.")
        case .noMeetings: ("Inga möten i cykeln.", "No meetings in the cycle.")

        case .focusArea: ("Fokusområde", "Focus area")
        case .focusAreas: ("Fokusområden", "Focus areas")
        case .noFocusAreas: ("Inga fokusområden ännu.", "No focus areas yet.")
        case .noFocusArea: ("inget fokusområde", "no focus area")
        case .overview: ("Översikt", "Overview")
        case .type: ("Typ", "Type")
        case .leadsToPromise: ("Leder till medborgarlöfte", "Leads to the promise")
        case .targetPicture: ("Målbild", "Target picture")
        case .basis: ("Underlag", "Basis")
        case .problemDescription: ("Problembeskrivning", "Problem description")
        case .noProblemDescription: ("Ingen problembeskrivning ännu.", "No problem description yet.")
        case .noAnswers: ("Inga frågor besvarade ännu.", "No questions answered yet.")
        case .problemsWithoutFocusArea: ("Problem utan fokusområde", "Problems without a focus area")
        case .whyChain: ("Orsakskedja – varför?", "Why-chain")
        case .causeAnalysis: ("Orsaksanalys", "Cause analysis")
        case .causes: ("Orsaker", "Causes")
        case .causeTreeIntro:
            ("Varför uppstår problemet? Varje orsak med hur den har fastställts; en indragen orsak svarar på varför igen.",
             "Why does the problem arise? Each cause with how it was established; an indented cause answers why again.")
        case .noCauses: ("Ingen orsaksanalys ännu.", "No cause analysis yet.")
        case .triangle: ("Problemanalystriangeln", "Problem analysis triangle")
        case .innerTriangle: ("Inre triangeln", "Inner triangle")
        case .outerTriangle: ("Yttre triangeln", "Outer triangle")
        case .description: ("Beskrivning", "Description")
        case .noTriangle: ("Triangeln är inte ifylld.", "The triangle is not filled in.")

        case .internalNotice:
            ("Internt arbetsmaterial – offentliggörs inte. Aktivitetsplanen med tidsplan och plan för uppföljning förvaras hos respektive samverkanspart.",
             "Internal working document – not for publication. The activity plan with its timeline and follow-up plan is kept by each partner.")
        case .timeline: ("Tidsplan och ordning", "Timeline and order")
        case .activities: ("Aktiviteter", "Activities")
        case .activity: ("Aktivitet", "Activity")
        case .noActivities: ("Inga aktiviteter ännu.", "No activities yet.")
        case .activitiesInDetail: ("Aktiviteterna i detalj", "The activities in detail")
        case .number: ("Nr", "No.")
        case .responsible: ("Ansvarig", "Responsible")
        case .period: ("Period", "Period")
        case .start: ("Start", "Start")
        case .end: ("Slut", "End")
        case .dependsOn: ("Efter", "After")
        case .how: ("Hur", "How")
        case .responsibleOrganisation: ("Ansvarig organisation", "Responsible organisation")
        case .responsiblePerson: ("Ansvarig person", "Responsible person")
        case .order: ("Plats i ordningen", "Place in the order")
        case .notSet: ("ej satt", "not set")
        case .effectTerm: ("Effekt", "Effect")
        case .triangleSide: ("Verkar på", "Works on")
        case .involvesCitizens: ("Involverar medborgare", "Involves citizens")
        case .priority: ("Prioritet", "Priority")
        case .goals: ("Mål", "Goals")
        case .goal: ("Mål", "Goal")
        case .goalKind: ("Måltyp", "Kind of goal")
        case .resources: ("Resurser", "Resources")
        case .howItWent: ("Hur det gick", "How it went")
        case .submittedBy: ("Underlaget inlämnat av", "Material submitted by")
        case .noGoals: ("Inga mål ännu.", "No goals yet.")
        case .indicator: ("Indikator", "Indicator")
        case .measure: ("Indikator: utgångsvärde → målvärde", "Indicator: baseline → target")
        case .targetValue: ("Målvärde", "Target value")
        case .deadline: ("Senast", "By")
        case .owner: ("Ansvarig", "Owner")
        case .smartPasses: ("uppfyller SMART", "meets SMART")
        case .followUpPlan: ("Plan för uppföljning", "Follow-up plan")
        case .whoFollowsUp: ("Vem följer upp", "Who follows up")
        case .followUpDone: ("Uppföljning hittills", "Follow-up so far")
        case .noFollowUps: ("Ingen uppföljning registrerad ännu.", "No follow-up recorded yet.")
        case .followUpStatus: ("Uppföljningarnas status", "Status of the follow-ups")
        case .concerns: ("Gäller", "Concerns")
        case .aspect: ("Uppföljning av", "Follows up")
        case .measuredValue: ("Mätvärde", "Measured value")
        case .why: ("Varför", "Why")
        case .thePromiseAsAWhole: ("löftet som helhet", "the promise as a whole")

        case .purpose: ("Syfte", "Purpose")
        case .pictureAndFocus: ("Lägesbild och fokusområde", "The situation and our focus")
        case .whatWeWillDo: ("Det här gör vi", "What we will do")
        case .effectsSought: ("Det här vill vi uppnå", "What we want to achieve")
        case .howToFollow: ("Så kan du följa arbetet", "How you can follow the work")
        case .contactUs: ("Kontakt", "Contact")
        case .decided: ("Beslut", "Decision")
        case .diaryNumber: ("Dnr", "Ref. no.")
        case .validity: ("Giltighet", "Validity")
        case .signatures: ("Underskrifter", "Signatures")
        case .noSignatories: ("Inga undertecknare angivna ännu.", "No signatories given yet.")
        case .signature: ("Underskrift", "Signature")
        case .nameAndRole: ("Namnförtydligande och roll", "Name and role")
        case .placeAndDate: ("Ort och datum", "Place and date")
        case .notWrittenYet: ("Inte skrivet ännu.", "Not written yet.")

        case .qualityIntro:
            ("Granskningen besvarar de 15 frågorna i Länsstyrelsens kvalitetsbedömning utifrån det som finns registrerat i samtal för cykeln. Där frågan bedöms anges nivån låg, medel eller hög kvalitet enligt bedömningsgrunderna. Samverkansöverenskommelsen och kommunikationsplanen förs inte i samtal; de frågorna får besvaras ur dokumenten själva.",
             "The review answers the 15 questions of the county administrative board's quality assessment from what samtal holds for the cycle. Where the rubric grades, the level is given as low, medium or high quality by its criteria. The cooperation agreement and the communication plan are not kept in samtal; those questions must be answered from the documents themselves.")
        case .rubricSource:
            ("Frågor och bedömningsgrunder: Länsstyrelsens skrivbordsstudie av samverkansöverenskommelser och medborgarlöften, Bilaga 1",
             "Questions and criteria: the county administrative board's desk study of cooperation agreements and citizen promises, Appendix 1")
        case .answer: ("Svar", "Answer")
        case .level: ("Nivå", "Level")
        case .evidence: ("Underlag", "Evidence")
        case .qeAgreementNotKept: ("Samverkansöverenskommelsen förs inte i samtal.", "The cooperation agreement is not kept in samtal.")
        case .qeAgreementSignaturesNotKept:
            ("Vem som har fastställt eller undertecknat samverkansöverenskommelsen förs inte i samtal.",
             "Who adopted or signed the cooperation agreement is not kept in samtal.")
        case .qeAgreementOwnerNotKept:
            ("Vem som är ansvarig för samverkansöverenskommelsen förs inte i samtal.",
             "Who is responsible for the cooperation agreement is not kept in samtal.")
        case .qeCommunicationPlanNotKept: ("Kommunikationsplanen förs inte i samtal.", "The communication plan is not kept in samtal.")
        case .qeNoSituationPicture: ("Inga anteckningar och inga lägesrapporter i cykeln.", "No notes and no situation reports in the cycle.")
        case .qeNoFocusAreas: ("Inga fokusområden i cykeln.", "No focus areas in the cycle.")
        case .qeNoGoals: ("Inga mål i cykeln.", "No goals in the cycle.")
        case .qeNoActivities: ("Inga aktiviteter i cykeln.", "No activities in the cycle.")
        case .qeNoPromise: ("Inget medborgarlöfte är skrivet för cykeln.", "No citizen promise has been written for the cycle.")
        case .qeNoValidity: ("Löftet anger inte hur länge det gäller.", "The promise does not say how long it is valid.")
        case .qeInThePlan: ("i aktivitetsplanens mål, inte i löftet", "in the activity plan's goals, not in the promise")
        case .qeNoSignatories: ("Löftet anger inga undertecknare.", "The promise names no signatories.")
        case .qeWhichIsMunicipal:
            ("Vilka av undertecknarna som företräder kommunen framgår av texten; samtal avgör inte det.",
             "Which signatories represent the municipality is for the text to say; samtal does not decide it.")
        case .qeNoPromiseOwner:
            ("Löftet anger ingen funktion med samlat ansvar för löftena (fältet ”Ansvarig för löftena”); ansvariga för enskilda aktiviteter räcker inte.",
             "The promise names no function responsible for the promises as a whole (the field \"Responsible for the promises\"); owners of single activities do not suffice.")
        case .qePlanIsTheAnnex:
            ("Överenskommelsen förs inte i samtal; aktivitetsplanens mål räknas som den relevanta bilagan.",
             "The agreement is not kept in samtal; the activity plan's goals count as the relevant annex.")
        case .qeSpecWhat: ("Vad ska göras", "What is to be done")
        case .qeSpecHow: ("Hur ska det göras", "How it is to be done")
        case .qeSpecRoles: ("Roll- och ansvarsfördelning", "Roles and responsibilities")
        case .qeSpecTime: ("Tidsram (start och slut)", "Time frame (start and end)")
        case .qeSpecOrder: ("Ordning mellan åtgärderna", "Order between the actions")
        }
    }

    // MARK: names of values

    /// A source as a heading: "Medarbetare", "Kommunen".
    func sourceName(_ s: NoteSource) -> String {
        switch s {
        case .employee: sv ? "Medarbetare" : "Employees"
        case .citizen: sv ? "Medborgare" : "Citizens"
        case .municipality: sv ? "Kommunen" : "The municipality"
        case .police: sv ? "Polisen" : "The police"
        case .partner: sv ? "Samverkansparter" : "Partners"
        case .statistics: sv ? "Statistik" : "Statistics"
        case .survey: sv ? "Trygghetsmätningar och enkäter" : "Safety surveys"
        }
    }

    func yesNo(_ b: Bool) -> String { b ? (sv ? "ja" : "yes") : (sv ? "nej" : "no") }

    func dots(_ n: Int) -> String { ui.dots(n) }

    // Names of values the interface shows too: the same words on screen and on paper.
    func activityStatus(_ s: ActivityStatus) -> String { ui.activityStatus(s) }

    func effectTerm(_ e: EffectTerm) -> String { ui.effectTerm(e) }

    func evidence(_ e: CauseEvidence) -> String { ui.evidence(e) }

    func goalKindPlural(_ k: GoalKind) -> String {
        switch k {
        case .production: sv ? "Produktionsmål" : "Production goals"
        case .effect: sv ? "Effektmål" : "Effect goals"
        case .process: sv ? "Processmål" : "Process goals"
        }
    }

    func goalKindCount(_ k: GoalKind, _ n: Int) -> String {
        switch k {
        case .production: sv ? "\(n) produktionsmål" : "\(n) production \(n == 1 ? "goal" : "goals")"
        case .effect: sv ? "\(n) effektmål" : "\(n) effect \(n == 1 ? "goal" : "goals")"
        case .process: sv ? "\(n) processmål" : "\(n) process \(n == 1 ? "goal" : "goals")"
        }
    }

    func followUpStatus(_ s: FollowUpStatus) -> String { ui.followUpStatus(s) }

    func followUpAspect(_ a: FollowUpAspect) -> String { ui.aspect(a) }

    var promiseOwnerLabel: String { sv ? "Ansvariga för löftena" : "Responsible for the promises" }

    public func promiseSection(_ s: PromiseSection) -> String {
        switch s {
        case .title: sv ? "rubrik" : "title"
        case .documentDate: sv ? "datum" : "date"
        case .place: sv ? "ort" : "place"
        case .diaryNumber: sv ? "diarienummer" : "diary number"
        case .decision: sv ? "beslut" : "decision"
        case .owner: sv ? "ansvarig för löftena" : "responsible for the promises"
        case .purpose: sv ? "syfte" : "purpose"
        case .jointPicture: sv ? "kort lägesbild" : "short situation picture"
        case .focus: sv ? "fokusområde och hur det togs fram" : "focus area and how it was arrived at"
        case .activities: sv ? "aktiviteter och period" : "activities and period"
        case .effects: sv ? "effekter som eftersträvas" : "effects sought"
        case .followCitizens: sv ? "hur medborgarna kan följa arbetet" : "how citizens can follow the work"
        case .contact: sv ? "kontakt" : "contact"
        case .signatories: sv ? "underskrifter" : "signatories"
        case .validity: sv ? "giltighet" : "validity"
        }
    }

    public func verdict(_ v: QualityVerdict) -> String {
        switch v {
        case .yes: sv ? "Ja" : "Yes"
        case .partly: sv ? "Delvis" : "Partly"
        case .no: sv ? "Nej" : "No"
        case .notInStore: sv ? "Förs inte i samtal" : "Not kept in samtal"
        }
    }

    public func level(_ l: QualityLevel) -> String {
        switch l {
        case .low: sv ? "Låg" : "Low"
        case .medium: sv ? "Medel" : "Medium"
        case .high: sv ? "Hög" : "High"
        }
    }

    // MARK: sentences with figures

    func feedbackIntro(title: String) -> String {
        sv ? "Här återkopplar vi från \(title): det vi hörde, det som beslutades och det som händer härnäst."
            : "This is our feedback from \(title): what we heard, what was decided and what happens next."
    }

    func situationBasis(meetings: Int, notes: Int, sources: Int) -> String {
        sv ? "Lägesbilden bygger på \(meetings) \(meetings == 1 ? "möte" : "möten") med \(notes) \(notes == 1 ? "anteckning" : "anteckningar") från \(sources) \(sources == 1 ? "källa" : "olika källor")."
            : "The situation picture rests on \(meetings) \(meetings == 1 ? "meeting" : "meetings") with \(notes) \(notes == 1 ? "note" : "notes") from \(sources) \(sources == 1 ? "source" : "different sources")."
    }

    /// The sides the method support combines in the joint situation picture
    /// (001 lines 117, 646: the police's, the municipality's and the
    /// citizens' knowledge) that no note of the cycle comes from.
    func missingViews(police: Bool, municipality: Bool, citizens: Bool) -> String? {
        let missing = [police ? nil : (sv ? "polisens" : "the police's"), municipality ? nil : (sv ? "kommunens" : "the municipality's"),
                       citizens ? nil : (sv ? "medborgarnas" : "the citizens'")].compactMap { $0 }
        guard !missing.isEmpty else { return nil }
        let list = missing.count == 1 ? missing[0]
            : missing.dropLast().joined(separator: ", ") + (sv ? " och " : " and ") + missing.last!
        let citizensSaid = citizens ? "" : (sv ? " Medborgardialoger är obligatoriska för att skapa medborgarlöften."
                                               : " Citizen dialogues are required to make citizen promises.")
        return sv ? "Här saknas \(list) bild: ingen anteckning kommer därifrån. Den gemensamma lägesbilden är en kombination av "
                + "polisens, kommunens och medborgarnas kunskap.\(citizensSaid)"
            : "Missing here: \(list) view\(missing.count == 1 ? "; no note comes from it" : "s; no note comes from them"). The joint situation picture "
                + "combines the police's, the municipality's and the citizens' knowledge.\(citizensSaid)"
    }

    func meetingHeading(_ n: Int, _ r: MeetingRecord) -> String {
        let date = r.meeting.facts.date.isEmpty ? "" : " (\(r.meeting.facts.date))"
        return "\(sv ? "Möte" : "Meeting") \(n): \(r.meeting.title)\(date)"
    }

    func meetingRef(_ n: Int) -> String { sv ? "möte \(n)" : "meeting \(n)" }

    func timeLine(planned: Int, actual: String) -> String {
        sv ? "Tid: planerat \(planned) min, faktiskt \(actual)." : "Time: planned \(planned) min, actual \(actual)."
    }

    /// Whose vote the priority is, and what the earlier votes are.
    func decidedIn(_ title: String, earlier: Bool) -> String {
        let head = sv ? "Prioriteringen är den som gjordes på mötet ”\(title)”." : "The priority is the one set at the meeting “\(title)”."
        guard earlier else { return head }
        return head + (sv ? " Prickarna från tidigare möten var underlag och räknas inte in." :
                            " The dots of earlier meetings were input and are not added in.")
    }

    func rankText(_ rank: Int?, dots: Int) -> String {
        guard let rank else { return sv ? "inga prickar" : "no dots" }
        return sv ? "placering \(rank) (\(self.dots(dots)))" : "rank \(rank) (\(self.dots(dots)))"
    }

    func describedIn(_ r: MeetingRecord, workspace: Bool) -> String {
        if workspace { return sv ? "Skriven i analysarbetet." : "Written in the analysis workspace." }
        let date = r.meeting.facts.date.isEmpty ? "" : " (\(r.meeting.facts.date))"
        return sv ? "Beskriven på mötet \(r.meeting.title)\(date)." : "Described in the meeting \(r.meeting.title)\(date)."
    }

    func smartMissing(_ letters: [String]) -> String {
        (sv ? "saknar " : "lacks ") + letters.joined(separator: ", ")
    }

    /// "1 genomförd, 2 pågående, 0 ej genomförda".
    func followUpCountList(_ counts: [(FollowUpStatus, Int)]) -> String {
        counts.map { s, n in
            switch s {
            case .done: sv ? "\(n) \(n == 1 ? "genomförd" : "genomförda")" : "\(n) done"
            case .ongoing: sv ? "\(n) pågående" : "\(n) ongoing"
            case .notDone: sv ? "\(n) ej \(n == 1 ? "genomförd" : "genomförda")" : "\(n) not done"
            }
        }.joined(separator: ", ")
    }

    func followUpCounts(_ counts: [(FollowUpStatus, Int)]) -> String { "Status: \(followUpCountList(counts))." }

    /// "2027-04-01–2027-06-30", one date when both are the same, "från …"
    /// or "till …" when one is missing, "" when neither is set.
    public func period(_ start: String, _ end: String) -> String {
        switch (start.isEmpty, end.isEmpty) {
        case (true, true): ""
        case (false, true): sv ? "från \(start)" : "from \(start)"
        case (true, false): sv ? "till \(end)" : "until \(end)"
        case (false, false): start == end ? start : "\(start)–\(end)"
        }
    }

    /// The banner of a promise not ready to sign: the sections with no
    /// text, and those drafted (by F2 in the workspace) whose bracketed
    /// instructions are still in them: they have text, to go through.
    func promiseDraft(empty: [PromiseSection], toGoThrough: [PromiseSection]) -> String {
        var parts: [String] = []
        if !empty.isEmpty {
            let list = empty.map(promiseSection).joined(separator: ", ")
            parts.append(sv ? "Utkast – text saknas för: \(list)." : "Draft – no text yet for: \(list).")
        }
        if !toGoThrough.isEmpty {
            let list = toGoThrough.map(promiseSection).joined(separator: ", ")
            let lead = empty.isEmpty ? (sv ? "Utkast – förslag" : "Draft – drafts") : (sv ? "Förslag" : "Drafts")
            parts.append(sv ? "\(lead) kvar att gå igenom (en rad inom hakparenteser står kvar): \(list)."
                            : "\(lead) still to go through (a line in square brackets is left): \(list).")
        }
        return parts.joined(separator: " ")
    }

    /// `counted`: the meetings of the `dialogues` whose participants are
    /// registered; where some are not, the sum is a lower bound and says so
    /// (the fifteenth walk: "sammanlagt 22 deltagare" of four dialogues,
    /// two of them not counted).
    func howItWasProduced(dialogues: Int, participants: Int, counted: Int) -> String {
        let d = sv ? "\(dialogues) \(dialogues == 1 ? "möte" : "möten")" : "\(dialogues) \(dialogues == 1 ? "meeting" : "meetings")"
        if participants == 0 { return sv ? "Underlaget togs fram vid \(d):" : "The basis was produced in \(d):" }
        if counted < dialogues {
            return sv ? "Underlaget togs fram vid \(d) med minst \(participants) deltagare (antalet är registrerat för \(counted) av dem):"
                : "The basis was produced in \(d) with at least \(participants) participants (the number is recorded for \(counted) of them):"
        }
        return sv ? "Underlaget togs fram vid \(d) med sammanlagt \(participants) deltagare:"
            : "The basis was produced in \(d) with \(participants) participants in all:"
    }

    func participantsCount(_ n: Int) -> String { sv ? "\(n) deltagare" : "\(n) \(n == 1 ? "participant" : "participants")" }

    /// "3 av 4" / "3 of 4".
    func of(_ n: Int, _ total: Int) -> String { sv ? "\(n) av \(total)" : "\(n) of \(total)" }

    // MARK: the rubric

    /// The rubric's question, in the seed's words (Swedish) or translated.
    public func rubricQuestion(_ n: Int) -> String {
        switch n {
        case 1: sv ? "Finns aktuell samverkansöverenskommelse (strategisk eller operativ)?"
            : "Is there a current cooperation agreement (strategic or operational)?"
        case 2: sv ? "Vem i den kommunala organisationen har fastställt/undertecknat samverkansöverenskommelsen?"
            : "Who in the municipal organisation adopted/signed the cooperation agreement?"
        case 3: sv ? "Anges vem som är ansvarig för samverkansöverenskommelsen?"
            : "Is it stated who is responsible for the cooperation agreement?"
        case 4: sv ? "Finns aktuell kommunikationsplan?" : "Is there a current communication plan?"
        case 5: sv ? "Finns lokal lägesbild?" : "Is there a local situation picture?"
        case 6: sv ? "Finns gemensam problembild?" : "Is there a joint problem picture?"
        case 7: sv ? "Har orsaksanalys genomförts?" : "Has a cause analysis been carried out?"
        case 8: sv ? "Finns gemensamma mål?" : "Are there joint goals?"
        case 9: sv ? "Finns aktuell åtgärdsplan?" : "Is there a current action plan?"
        case 10: sv ? "Finns aktuella medborgarlöften?" : "Are there current citizen promises?"
        case 11: sv ? "Finns koppling mellan medborgarlöftena och problembilden i överenskommelsen, medborgarlöftet eller separat bilaga?"
            : "Is there a link between the citizen promises and the problem picture in the agreement, the promise or a separate annex?"
        case 12: sv ? "Vem i den kommunala organisationen har fastställt/undertecknat medborgarlöftena?"
            : "Who in the municipal organisation adopted/signed the citizen promises?"
        case 13: sv ? "Anges vem som är ansvarig för medborgarlöftena?" : "Is it stated who is responsible for the citizen promises?"
        case 14: sv ? "Anges i samverkansöverenskommelsen (eller i annan relevant bilaga) när, hur och av vem arbetet ska följas upp?"
            : "Does the cooperation agreement (or another relevant annex) state when, how and by whom the work is to be followed up?"
        case 15: sv ? "Anges i medborgarlöftet (eller i annan relevant bilaga) när, hur och av vem arbetet ska följas upp?"
            : "Does the citizen promise (or another relevant annex) state when, how and by whom the work is to be followed up?"
        default: ""
        }
    }

    /// The rubric's criterion for a level of a graded question, in the
    /// seed's words (Swedish) or translated.
    func criterion(_ question: Int, _ level: QualityLevel) -> String {
        let text: String
        switch (question, level) {
        case (5, .low): text = sv
            ? "Lägesbilden är framtagen av polis och kommun tillsammans alternativt av endast en part. Lägesbilden bygger på en begränsad kartläggning där max två tillgängliga källor använts."
            : "The situation picture was produced by police and municipality together or by one party only. It rests on a limited survey using at most two available sources."
        case (5, .medium): text = sv
            ? "Lägesbilden är framtagen av polis och kommun tillsammans alternativt av polis och kommun var och en för sig. Lägesbilden bygger på en begränsad kartläggning där max tre tillgängliga källor använts."
            : "The situation picture was produced by police and municipality together or by each of them on its own. It rests on a limited survey using at most three available sources."
        case (5, .high): text = sv
            ? "Lägesbilden är framtagen av polis och kommun var för sig. Lägesbilden bygger på en varierad kartläggning där minst fyra tillgängliga källor använts."
            : "The situation picture was produced by police and municipality each on its own. It rests on a varied survey using at least four available sources."
        case (7, .low): text = sv
            ? "Orsakerna till problemen anges men det är oklart hur dessa har analyserats."
            : "The causes of the problems are given but it is unclear how they were analysed."
        case (7, .medium): text = sv
            ? "Orsakerna till problemen har analyserats genom interna diskussioner."
            : "The causes of the problems were analysed through internal discussions."
        case (7, .high): text = sv
            ? "Orsakerna till problemen har analyserats genom ytterligare fördjupning (kunskapsinhämtning, intervjuer, enkätundersökning, observationer etc)."
            : "The causes of the problems were analysed in further depth (gathering knowledge, interviews, surveys, observations etc)."
        case (8, .low): text = sv ? "Målen är endast övergripande och generella (effektmål)" : "The goals are only overarching and general (effect goals)"
        case (8, .medium): text = sv ? "Målen innehåller effektmål, processmål och produktionsmål" : "The goals include effect, process and production goals"
        case (8, .high): text = sv ? "Målen är utfärdade enligt SMART modellen" : "The goals are set according to the SMART model"
        case (9, .low): text = sv
            ? "Åtgärdsplan finns men aktiviteterna saknar tydlig koppling till lägesbilden"
            : "There is an action plan but its activities have no clear link to the situation picture"
        case (9, .medium): text = sv
            ? "Åtgärdsplanen har koppling till lägesbilden men saknar komplett specifikation avseende: vad ska göras, hur ska det göras, roll- och ansvarsfördelning, tidsram, ordning mellan åtgärderna"
            : "The action plan is linked to the situation picture but lacks a complete specification of: what is to be done, how, roles and responsibilities, time frame, order between the actions"
        case (9, .high): text = sv
            ? "Åtgärdsplanen har koppling till lägesbilden och innehar specifikation: vad ska göras, hur ska det göras, roll- och ansvarsfördelning, tidsram, ordning mellan åtgärderna"
            : "The action plan is linked to the situation picture and specifies: what is to be done, how, roles and responsibilities, time frame, order between the actions"
        default: text = ""
        }
        let name = sv ? ["låg", "medel", "hög"] : ["low", "medium", "high"]
        let i = QualityLevel.allCases.firstIndex(of: level)!
        return sv ? "Bedömningsgrund, \(name[i]) kvalitet: \(text)" : "Criterion, \(name[i]) quality: \(text)"
    }

    // MARK: evidence of the quality report

    /// What kept an answer from the rubric's next level.
    func qeNotHigher(_ reasons: [String]) -> String {
        (sv ? "Inte högre nivå, för att: " : "Not a higher level, because: ") + reasons.joined(separator: "; ") + "."
    }
    var qeNotSeparately: String {
        sv ? "polisen och kommunen har inte tagit fram var sin del av lägesbilden" : "the police and the municipality did not each produce their part of the picture"
    }
    func qeFewSources(_ n: Int) -> String {
        sv ? "\(n) \(n == 1 ? "källa" : "källor") (hög nivå: minst fyra)" : "\(n) \(n == 1 ? "source" : "sources") (high: at least four)"
    }
    var qeFewLinked: String {
        sv ? "högst hälften av aktiviteterna hör till ett fokusområde" : "at most half of the activities belong to a focus area"
    }
    func qeIncomplete(_ parts: [String]) -> String {
        (sv ? "inte angivet för alla aktiviteter: " : "not given for every activity: ") + parts.joined(separator: ", ")
    }
    func qeWithoutAreaCount(_ n: Int) -> String {
        sv ? "\(n) \(n == 1 ? "aktivitet" : "aktiviteter") utan fokusområde" : "\(n) \(n == 1 ? "activity" : "activities") without a focus area"
    }

    func qeAgreementBasis(areas: Int, problems: Int, causes: Int) -> String {
        sv ? "Underlag för en överenskommelse i samtal: \(areas) fokusområden, \(problems) problembeskrivningar, \(causes) orsaker."
            : "Material for an agreement in samtal: \(areas) focus areas, \(problems) problem descriptions, \(causes) causes."
    }

    func qePromiseSaysHowToFollow(_ yes: Bool) -> String {
        sv ? "Medborgarlöftet beskriver hur medborgarna kan följa arbetet: \(yesNo(yes))."
            : "The citizen promise says how citizens can follow the work: \(yesNo(yes))."
    }

    func qeCitizenActivities(_ n: Int, of total: Int) -> String {
        sv ? "Aktiviteter som involverar medborgare: \(of(n, total))." : "Activities involving citizens: \(of(n, total))."
    }

    func qeNotesAndMeetings(notes: Int, meetings: Int) -> String {
        sv ? "\(notes) \(notes == 1 ? "anteckning" : "anteckningar") från \(meetings) \(meetings == 1 ? "möte" : "möten")."
            : "\(notes) \(notes == 1 ? "note" : "notes") from \(meetings) \(meetings == 1 ? "meeting" : "meetings")."
    }

    func qeSources(_ names: [String], count: Int) -> String {
        sv ? "Källor: \(count) (\(names.joined(separator: ", ")))." : "Sources: \(count) (\(names.joined(separator: ", ")))."
    }

    func qeMadeBy(police: [Int], municipality: [Int], joint: [Int]) -> String {
        func list(_ ns: [Int]) -> String { ns.isEmpty ? "–" : ns.map { meetingRef($0) }.joined(separator: ", ") }
        return sv ? "Polisens egna underlag: \(list(police)); kommunens egna underlag: \(list(municipality)); gemensamma möten med både polis och kommun: \(list(joint))."
            : "The police's own material: \(list(police)); the municipality's own material: \(list(municipality)); joint meetings of police and municipality: \(list(joint))."
    }

    func qeDescribedAreas(_ n: Int, of total: Int) -> String {
        sv ? "Fokusområden med problembeskrivning: \(of(n, total))." : "Focus areas with a problem description: \(of(n, total))."
    }

    func qeWithoutDescription(_ names: [String]) -> String {
        (sv ? "Utan problembeskrivning: " : "Without a problem description: ") + names.joined(separator: ", ") + "."
    }

    func qeAreaSources(_ names: [String]) -> String {
        (sv ? "Anteckningarna bakom fokusområdena kommer från: " : "The notes behind the focus areas come from: ")
            + names.joined(separator: ", ") + "."
    }

    func qeNoCauses(problems: Int) -> String {
        sv ? "Inga orsaker registrerade (\(problems) problembeskrivningar)." : "No causes recorded (\(problems) problem descriptions)."
    }

    func qeCauses(_ n: Int, problems: Int, byEvidence: [String]) -> String {
        sv ? "\(n) \(n == 1 ? "orsak" : "orsaker") till \(problems) \(problems == 1 ? "problem" : "problem"), fastställda genom: \(byEvidence.joined(separator: ", "))."
            : "\(n) \(n == 1 ? "cause" : "causes") of \(problems) \(problems == 1 ? "problem" : "problems"), established through: \(byEvidence.joined(separator: ", "))."
    }

    func qeDeepened(_ n: Int, of total: Int) -> String {
        sv ? "Problem vars orsaker har fördjupats utöver interna diskussioner: \(of(n, total))."
            : "Problems whose causes were examined beyond internal discussion: \(of(n, total))."
    }

    func qeGoalKinds(total: Int, kinds: [(GoalKind, Int)]) -> String {
        let list = kinds.map { goalKindCount($0.0, $0.1) }.joined(separator: ", ")
        return sv ? "\(total) mål: \(list)." : "\(total) \(total == 1 ? "goal" : "goals"): \(list)."
    }

    func qeSMARTPassing(_ n: Int, of total: Int) -> String {
        sv ? "Mål som klarar SMART-kontrollen: \(of(n, total))." : "Goals that pass the SMART check: \(of(n, total))."
    }

    func qeSMARTLacking(_ n: Int, of total: Int, _ letter: SMARTLetter) -> String {
        let word: String
        switch letter {
        case .specific: word = sv ? "är inte specifika" : "are not specific"
        case .measurable: word = sv ? "saknar mått eller någon som följer upp" : "lack a measure or someone to follow them up"
        case .accepted: word = sv ? "är inte markerade som accepterade" : "are not marked as accepted"
        case .realistic: word = sv ? "saknar aktivitet som leder dit" : "lack an activity leading there"
        case .timeBound: word = sv ? "saknar slutdatum" : "lack a deadline"
        }
        return "\(of(n, total)) \(sv ? "mål" : "goals") \(word) (\(letter.initial))."
    }

    func qeLinked(_ n: Int, of total: Int) -> String {
        sv ? "Aktiviteter kopplade till ett fokusområde i lägesbilden: \(of(n, total))."
            : "Activities linked to a focus area of the situation picture: \(of(n, total))."
    }

    func qeSpec(_ key: DocText, _ n: Int, of total: Int) -> String { "\(self[key]): \(of(n, total))." }

    func qePromiseSections(_ n: Int, of total: Int) -> String {
        sv ? "Löftets avsnitt med text: \(of(n, total))." : "Sections of the promise with text: \(of(n, total))."
    }

    func qeMissingSections(_ missing: [PromiseSection]) -> String {
        (sv ? "Saknar text: " : "No text: ") + missing.map(promiseSection).joined(separator: ", ") + "."
    }

    func qePromiseAreas(_ names: [String]) -> String {
        (sv ? "Fokusområden som leder till löftet: " : "Focus areas leading to the promise: ")
            + (names.isEmpty ? "–" : names.joined(separator: ", ")) + "."
    }

    func qePromiseAreasDescribed(_ n: Int, of total: Int) -> String {
        sv ? "Av dem med problembeskrivning: \(of(n, total))." : "Of these with a problem description: \(of(n, total))."
    }

    func qePromisePictureText(_ yes: Bool) -> String {
        sv ? "Löftet presenterar lägesbild eller fokusområde i egen text: \(yesNo(yes))."
            : "The promise presents the situation or the focus area in its own text: \(yesNo(yes))."
    }

    func qeOutsidePeriod(_ whats: [String], first: String, last: String) -> String {
        (sv ? "Med datum utanför löftesperioden (\(first) – \(last)): " : "With dates outside the promise period (\(first) – \(last)): ")
            + whats.joined(separator: "; ") + "."
    }

    func qeWithoutArea(_ whats: [String]) -> String {
        (sv ? "Utan fokusområde: " : "Without a focus area: ") + whats.joined(separator: "; ") + "."
    }

    func qeCommitments(text: Bool, table: Int) -> String {
        switch (text, sv) {
        case (true, true): return "Löftena står i samordnarens egen text."
        case (true, false): return "The commitments are in the coordinator's own text."
        case (false, true): return table == 0 ? "Löftet har inga åtaganden: ingen egen text och inga utlovade aktiviteter."
            : "Löftena är \(table) utlovade \(table == 1 ? "aktivitet" : "aktiviteter") i löftets tabell."
        case (false, false): return table == 0 ? "The promise has no commitments: no text of its own and no promised activities."
            : "The commitments are \(table) promised \(table == 1 ? "activity" : "activities") in the promise's table."
        }
    }

    /// "Löftet anger när: ja (”kvartal”); hur: nej; vem: ja (”brå”)."
    func qeFollowUpParts(when: String?, how: String?, who: String?) -> String {
        func part(_ found: String?) -> String { found.map { "\(yesNo(true)) (\($0))" } ?? yesNo(false) }
        return sv ? "Anges när: \(part(when)); hur: \(part(how)); av vem: \(part(who))."
            : "Given when: \(part(when)); how: \(part(how)); by whom: \(part(who))."
    }

    func qeDecided(_ text: String) -> String { (sv ? "Fastställt enligt löftet: " : "Adopted according to the promise: ") + text }

    func qePromiseOwner(_ text: String) -> String { (sv ? "Ansvarig för löftena: " : "Responsible for the promises: ") + text }

    func qeSignatories(_ names: [String]) -> String {
        (sv ? "Undertecknare enligt löftet: " : "Signatories according to the promise: ") + names.joined(separator: "; ") + "."
    }

    func qePromisedWithResponsible(_ n: Int, of total: Int) -> String {
        sv ? "Utlovade aktiviteter med ansvarig person eller organisation: \(of(n, total))."
            : "Promised activities with a responsible person or organisation: \(of(n, total))."
    }

    func qeGoalFollowUp(when: Int, how: Int, who: Int, of total: Int, promiseAreas: Bool = false) -> String {
        let goals = sv ? (promiseAreas ? "Mål för löftets fokusområden" : "Mål") : (promiseAreas ? "Goals of the promise's focus areas" : "Goals")
        return sv ? "\(goals) med slutdatum (när): \(of(when, total)); med indikator (hur): \(of(how, total)); med ansvarig (vem): \(of(who, total))."
            : "\(goals) with a deadline (when): \(of(when, total)); with an indicator (how): \(of(how, total)); with an owner (who): \(of(who, total))."
    }

    func qeFollowUpsRecorded(_ n: Int, _ counts: [(FollowUpStatus, Int)]) -> String {
        let parts = followUpCountList(counts.filter { $0.1 > 0 })
        return (sv ? "Registrerade uppföljningar: \(n)" : "Follow-ups recorded: \(n)") + (parts.isEmpty ? "." : " (\(parts)).")
    }
}
