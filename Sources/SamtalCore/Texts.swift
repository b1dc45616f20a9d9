// Every string the UI shows, in Swedish (the default) and English.
// One exhaustive switch: a text cannot exist in one language only.

import Foundation
import Synchronization

public enum Language: String, Sendable, CaseIterable {
    case sv, en
}

public enum TextKey: String, Sendable, CaseIterable {
    // key bar labels
    case keyHelp, keyOpen, keyNewCycle, keyNewMeeting, keyFacts, keyQuit
    case keyTalkingPoints, keyGroup, keyType, keyEdit, keyDelete, keySteps, keyFinish, keyHome
    case keyNextField, keyAddRow, keyRemoveRow, keySave, keyCancel, keyClose, keyYes, keyNo
    // help lines
    case helpHelp, helpHomeUp, helpHomeDown, helpHomeNextCycle, helpHomePreviousCycle, helpHomeFirst, helpHomeLast, helpOpenMeeting, helpNewCycle, helpNewMeeting, helpEditFacts, helpQuit, helpSuspend
    case helpTalkingPoints, helpNextGroup, helpPreviousGroup, helpNextType, helpSaveNote
    case helpSelectPrevious, helpSelectNext, helpEditNote, helpDeleteNote
    case helpNextStep, helpPreviousStep, helpFinish, helpBackHome, helpCancelRun
    case choiceTakesNoText
    case helpNextField, helpPreviousField, helpChoice, helpAddRow, helpRemoveRow, helpSaveForm, helpCancelForm
    case helpCloseHelp, helpOpenTyping, helpConfirmYes, helpConfirmNo
    case helpTitle, helpTyping
    // home
    case homeTitle, homeEmpty, homeNoMeetings, homeCycle, homeMeeting
    case statusPlanned, statusRunning, statusFinished
    // forms
    case formNewCycle, formNewMeeting, formFacts
    case fieldArea, fieldPeriod, fieldAgenda, fieldTitle, fieldDate, fieldPlace, fieldForm
    case fieldFacilitator, fieldNoteTakers, fieldGroups
    case earlierDots, columnKind, errorKind, finishedMeetingOpened, clusterMergeSame, helpWsMerge, helpWsRetireArea, wsMergePick
    case participantsHeading, columnOrganisation, columnCount, columnWomen, columnMen, columnOther, participantsTotal
    case participantsEmpty
    case errorRequired, errorNumber, errorNoAgendas, errorGroups, warningSplit
    // meeting forms
    case formPhysical, formDigital, formOpenMeeting, formFocusGroup, formWorkplaceMeeting, formSafetyWalk, formOther
    // running
    case stepsHeading, talkingPointsHeading, talkingPointsHidden, notesHeading, stepLabel
    case groupLabel, plenary, inputPlaceholder, editingLabel, noNotes
    case noteSaved, noteUpdated, noteDeleted, inputFull
    case confirmDelete, confirmFinish, meetingFinished, confirmQuitUnsavedForm, confirmLeaveUnstarted
    case typeProblem, typeOpportunity, typePositive, typeQuestion, typeDecision
    // misc
    case tooSmall, storeError
    // step kinds: keys and help
    case keySource, helpNextSource, keyHideNote
    case keyTargetPicture, helpEditTargetPicture, helpToggleAreaPromise, clusterInputTargetPicture
    case areaLeadsToPromise, areaNotToPromise, targetPictureLabel, toPromiseMark
    case keyPane, keyAreaType, keyRename, keyMerge, keyAddDot, keyUndo, keyToggle, keyValue, keyField
    case helpSwitchPane, helpClusterUp, helpClusterDown, helpClusterEnter, helpNextAreaType, helpRenameArea, helpMergeArea
    case helpDeleteArea, helpVoteUp, helpVoteDown, helpAddDot, helpUndoDot, helpNextVoter, helpItemUp, helpItemDown
    case helpToggleItem, helpSaveComment, helpNextRatingValue, helpPreviousRatingValue, helpSwitchRatingField
    case helpNextSummaryKind, helpNextSummaryField, helpDeleteSummaryItem
    case helpPreviousVoter, helpSaveRatingField, helpAddSummaryItem, helpPreviousSummaryField, helpSaveProblemField
    case meetingEndedLineKept, clockPaused, summaryInputHint, lastStepTakesNoNotes, stepsNotRun
    case helpSaveActivity, helpPreviousActivityField, meetingEnded, stepTakesNoNotes, draftMarker, draftKeptInStep, meetingEndedShort, closing, savingMark, saving, storeWaiting, noteNotSaved, terminalNotUTF8
    // cluster
    case clusterNotesHeading, clusterAreasHeading, clusterNoSourceNotes, clusterNoAreas, clusterInputNew, clusterInputRename
    case clusterMergePick, clusterAssigned, clusterUnassigned, clusterMerged, confirmDeleteArea
    case areaTypeUnset, areaPlace, areaCrimeType, areaGroup
    // vote
    case voteHeading, voteNoAreas, voteDotsLeft, voteBudgetUsed, votePerGroup, votePerParticipant, voteRank, voteDots
    case voteFromCycle, voteNoParticipants, voteNoTyping, voteActivitiesHeading, voteNoActivities
    // checklist and rating
    case checklistHeading, checklistDone, checklistNotDone, inputComment, ratingHeading, ratingNotRated
    case ratingObservations, ratingComment, ratingGreen, ratingYellow, ratingRed
    // summary
    case summaryDecisions, summaryNextSteps, summaryCarryForward, summaryWho, summaryWhen, summaryEmpty
    case summaryKindDecision, summaryKindNextStep, summaryKindCarryForward, confirmDeleteItem
    // hand-on from earlier meetings
    case cycleFocusAreasHeading
    // problem and activities
    case keyFocusArea, keyPriority
    case helpProblemUp, helpProblemDown, helpNextProblemArea, helpNextActivityField, helpNextPriority, helpNextActivityArea
    case helpEditActivity, helpDeleteActivity
    case helpNextActivitySide, helpNextEffectTerm, helpToggleCitizens, activityNeedsWhat, activitySequenceNotNumber
    case activityAfterUnknown, activityAfterItself, activityAfter, activityNew, activitySide, activityTerm
    case activityCitizens, activityOrganisation
    case helpNextContributor, helpDeleteContribution, ratingContribution, ratingContributionFrom, confirmDeleteContribution
    case contributionSaving, noteSaving, carriedForwardHeading, wallContinued, paneActive, paneSwitch, helpNextTalkingPoints, ratingContributionsHint, wallUnplaced, wallNothingYet, wallPage, clusterEmpty
    case goalsHeading, goalsEmpty, goalNeedsText, goalText, goalIndicator, goalBaseline, goalTarget, goalDeadline, goalOwner
    case goalActivity, goalNoActivity, goalAccepted, goalNotAccepted, goalPasses, goalNew, goalLacks, followUpActivityNumber
    case outputHeading, outputNotes, outputAreas, outputProblem, outputActivities, helpEditSummaryItem
    case helpSplitArea, clusterSplitHint, clusterInputSplit
    case groupAreaHint, helpGiveArea, helpGiveActivityArea, helpTurnWall, wallTurned, groupAreaPick, groupAreaNoArea, groupAreaNoGroup
    case fieldConflict, fieldConflictChoice, fieldConflictConfirm, fieldConflictKept, fieldFilledElsewhere
    case wsChangedElsewhere, wsChangedElsewhereChoice, editedNoteDeleted, wsOutsidePeriodChoice
    case groupAreaAlready, groupAreaTakenBack, groupAreaCancelled, groupAreaGiven, groupAreaFixed, groupsGiven
    case keyMoveTo, helpMoveNoteToArea, clusterMovePick, clusterMoveNoArea, clusterMoveCancelled, clusterMovedTo, clusterMergeCancelled
    case introHeading, introPurpose, introGoals, introCriteria
    case scaleGreenMeaning, scaleYellowMeaning, scaleRedMeaning, scaleImpactNote
    case dateNotADate, dateEndBeforeStart, helpWsSplit, wsSplitTitle
    case keyGoalKind, keyGoalActivity, keyGoalAccepted
    case helpSaveGoal, helpNextGoalField, helpPreviousGoalField, helpNextGoalKind, helpNextGoalActivity, helpToggleGoalAccepted
    case helpNextGoalArea, helpEditGoal, helpDeleteGoal
    case followUpHeading, followUpEmpty, followUpNotYet, followUpHow, followUpResources, followUpQuality, followUpEffect, followUpMeasured
    case followUpGoals, followUpPlanStatus
    case helpFollowUpUp, helpFollowUpDown, helpNextFollowUpStatus, helpNextFollowUpField, helpPreviousFollowUpField, helpSaveFollowUpField
    case problemHeading, problemNoArea, problemDescription, problemWhyChain, problemTriangle, problemWhy
    case qWhat, qWhere, qWhen, qWhoCauses, qAffected, qConsequences, qWhoCanFix
    case tOffender, tTarget, tPlace, tHandler, tGuardian, tPlaceManager
    case activitiesHeading, activitiesEmpty, activityWhat, activityWho, activityFrom, activityTo, activityArea, activityNoArea
    case priorityHigh, priorityMedium, priorityLow, confirmDeleteActivity
    // personal data
    case personalDataWarning, identifyingWarning, pdPersonalNumber, pdPhone, pdEmail, pdPlate
    case helpToggleHidden, helpKeepPersonalData, draftRestored, draftKept, formDraftRestored, formDraftLost, newStore, storeUpgraded, noteNowHidden, noteNowShown, hiddenMark, checkedMark
    case fieldNamedNotes, notesAnonymous, notesNamed
    case helpScroll, helpMore
    // export dialog
    case keyExport, helpOpenExport, helpOpenExportCycle, formExport, exportDocument, exportFormat, exportRedact, exportOutput, exportOutputHint, exportLoading, exportRendering, exportConverting, exportBusy, exportDone, exportPersonalData
    // analysis workspace
    case keyAnalysis, keyTab, keyTrace, keyProblem, keyPromiseFlag, keyNew, keyNewCause, keyStatus
    case keyDraft, helpOpenWorkspace, helpNextTab, helpPreviousTab, helpWsUp, helpWsDown, helpTrace, helpBackHomeWs
    case helpOpenProblem, helpWsEditArea, helpTogglePromise, helpWsEditProblem, helpNewCause, helpDeleteCause, helpNewActivity, helpNewGoal
    case helpNewFollowUp, helpWsEdit, helpWsDelete, helpNextActivityStatus, helpWsEditPromise, helpDraftPromise, helpCloseTrace, wsTitle
    case wsLoading, wsTabAreas, wsTabProblem, wsTabActivities, wsTabGoals, wsTabPromise, wsTabFollowUp, wsNothingSelected
    case wsNoAreas, wsSelectCause, wsDraftNothing, wsDraftFilled, wsNeedsMeeting, wsSaved, wsNo, wsYes
    case wsNoSuchActivity, wsDependencyCycle, wsNoPromiseAreas, wsNoAreaLinked, wsFocusArea, wsAreaName, wsAreaType, wsTargetPicture
    case wsLeadsToPromise, wsCause, wsEvidence, wsActivityWhat, wsActivityHow, wsOrganisation, wsResponsible, wsSequence
    case wsDependsOn, wsEffectTerm, wsTriangleSide, wsCitizens, wsPriority, wsStatus, wsGoalKind, wsGoalText
    case wsIndicator, wsBaseline, wsTarget, wsDeadline, wsOwner, wsGoalActivities, wsGoalAccepted, wsWholePromise, wsActivity
    case wsGoal, wsConcerns, wsAspect, wsMeasured, wsWhy, promisePurpose, promiseJointPicture, promiseFocus
    case promiseOwner, promiseTitle, promiseDate, promisePlace, promiseDiaryNumber, promiseDecision
    case promiseContact, promiseActivities, promiseEffects, promiseFollow, promiseSignatories, promiseValidity, evInternal, evInterviews, evSurvey
    case evObservation, evStatistics, termImmediate, termLong, statusPlannedActivity, statusOngoing, statusDone, statusCancelled
    case statusNotDone, aspectResource, aspectPerformance, aspectEffect, wsDots, wsNotesCount, wsPromiseMark, wsPromiseStructureHint, wsRank
    case wsProblemDescribed, wsProblemMissing, wsCausesHeading, wsNoCauses, wsEmptyActivities, wsEmptyGoals, wsEmptyFollowUps, wsSmartOk
    case wsServes, wsTraceTitle, wsNotesFrom, wsOrderColumn, wsAfterColumn, wsCauseOf, wsNotFollowedUp, wsDot, wsNote, wsEmptySection, wsCommitmentsHeading, wsNoCommitments, wsLatest
    case confirmDeleteCause, confirmDeleteGoal, confirmDeleteFollowUp, confirmOverwrite
    // the public feedback's review
    case keyExclude, keyShorten, keyPublish, helpReviewUp, helpReviewDown, helpToggleExcluded, helpEditReviewText
    case helpSaveReviewText, helpPublishReview, helpCloseReview, reviewCancelled, reviewTitle, reviewIntro
    case reviewPublished, reviewExcluded, reviewUnreviewed, reviewStaysOut, reviewNameAddress, reviewNameAge
    case reviewInternalName, reviewShortened, reviewEditing, reviewPublishing, reviewCountNotes, reviewCountExcluded, reviewCountUnreviewed
    // cycles renamed and retired
    case helpRetireCycle, helpToggleRetired, retireSelectCycle, cycleRestored, cycleRetired, cycleSaved, showingRetired, hidingRetired
    case confirmRetireCycle, retiredMark, formEditCycle
    case exportPersonalDataOne, keyApprove, helpToggleApproved, reviewFlaggedWaiting, reviewStillPersonal, reviewLegend, exportRecordsNotPublic
    // the county's live view (`samtal region`)
    case keyMonth, keyScroll, keyReadAgain, helpMonthBack, helpMonthForward, helpRegionUp, helpRegionDown, helpRegionPageUp
    case helpRegionPageDown, helpReadAgain, helpQuitRegion, regionRetrying, regionShowingFrom
}

/// Each text as shown, its key hints filled in, kept once asked for.
final class FilledTexts: Sendable {
    /// Per language, by the key's name. Keyed by `String`, not by a key
    /// type of its own: the first dictionary of a new key type makes the
    /// Swift runtime search every conformance record of the binary for its
    /// `Hashable` (~0.43 M instructions at every start, issue 15).
    private let texts = Mutex<(sv: [String: String], en: [String: String])>(([:], [:]))

    func value(_ key: TextKey, _ language: Language) -> String {
        if let kept = texts.withLock({ language == .sv ? $0.sv[key.rawValue] : $0.en[key.rawValue] }) { return kept }
        let (sv, en) = Texts.pair(key)
        let filled = Keymap.fillHints(language == .sv ? sv : en)
        texts.withLock {
            if language == .sv { $0.sv[key.rawValue] = filled } else { $0.en[key.rawValue] = filled }
        }
        return filled
    }
}

public struct Texts: Sendable {
    public var language: Language

    public init(_ language: Language) { self.language = language }

    public subscript(_ key: TextKey) -> String {
        Texts.filled.value(key, language)
    }

    /// The texts with key hints ("{newCycle}") written out from the keymap,
    /// each when it is first asked for: filling all 1,254 texts at start
    /// cost ~4.4 M instructions (issue 15). A text cannot name a key the
    /// keymap does not bind (tests go through every text).
    static let filled = FilledTexts()

    public func noteType(_ t: NoteType) -> String {
        switch t {
        case .problem: return self[.typeProblem]
        case .opportunity: return self[.typeOpportunity]
        case .positive: return self[.typePositive]
        case .question: return self[.typeQuestion]
        case .decision: return self[.typeDecision]
        }
    }

    public func form(_ f: MeetingForm) -> String {
        switch f {
        case .physical: return self[.formPhysical]
        case .digital: return self[.formDigital]
        case .openMeeting: return self[.formOpenMeeting]
        case .focusGroup: return self[.formFocusGroup]
        case .workplaceMeeting: return self[.formWorkplaceMeeting]
        case .safetyWalk: return self[.formSafetyWalk]
        case .other: return self[.formOther]
        }
    }

    public func status(_ s: MeetingStatus) -> String {
        switch s {
        case .planned: return self[.statusPlanned]
        case .running: return self[.statusRunning]
        case .finished: return self[.statusFinished]
        }
    }

    /// The type a word names: its value ("opportunity") or its name in
    /// either language ("möjlighet"), in any case. The command line takes
    /// what the interface shows (the twenty-second session's walk).
    public static func noteType(named word: String) -> NoteType? {
        let w = word.precomposedStringWithCanonicalMapping.lowercased()
        return NoteType(rawValue: w) ?? NoteType.allCases.first { t in Language.allCases.contains { Texts($0).noteType(t) == w } }
    }

    /// The source a word names, as `noteType(named:)`.
    public static func noteSource(named word: String) -> NoteSource? {
        let w = word.precomposedStringWithCanonicalMapping.lowercased()
        return NoteSource(rawValue: w) ?? NoteSource.allCases.first { s in Language.allCases.contains { Texts($0).source(s) == w } }
    }

    public func source(_ s: NoteSource) -> String {
        switch (s, language) {
        case (.employee, .sv): return "medarbetare"
        case (.citizen, .sv): return "medborgare"
        case (.municipality, .sv): return "kommun"
        case (.police, .sv): return "polis"
        case (.partner, .sv): return "samverkanspart"
        case (.employee, .en): return "employees"
        case (.citizen, .en): return "citizens"
        case (.municipality, .en): return "municipality"
        case (.police, .en): return "police"
        case (.partner, .en): return "partner"
        case (.statistics, .sv): return "statistik"
        case (.statistics, .en): return "statistics"
        case (.survey, .sv): return "trygghetsmätning"
        case (.survey, .en): return "safety survey"
        }
    }

    /// The area's type as said after its name, nil while it is not chosen
    /// (the name alone then).
    public func chosenAreaType(_ t: FocusAreaType) -> String? {
        t == .unset ? nil : areaType(t)
    }

    public func areaType(_ t: FocusAreaType) -> String {
        switch t {
        case .unset: return self[.areaTypeUnset]
        case .place: return self[.areaPlace]
        case .crimeType: return self[.areaCrimeType]
        case .group: return self[.areaGroup]
        }
    }

    public func summaryKind(_ k: SummaryItemKind) -> String {
        switch k {
        case .decision: return self[.summaryKindDecision]
        case .nextStep: return self[.summaryKindNextStep]
        case .carryForward: return self[.summaryKindCarryForward]
        }
    }

    /// A rating value as shown: the number, or the colour's name.
    public func ratingValue(_ v: String) -> String {
        switch v {
        case "green": return self[.ratingGreen]
        case "yellow": return self[.ratingYellow]
        case "red": return self[.ratingRed]
        default: return v
        }
    }

    /// What the values of a scale mean, where the source states it: the
    /// green/yellow/red meanings of the situation-report template (003 lines
    /// 626-628). The 1-5 impact scale's template gives none.
    public func scaleMeanings(_ scale: RatingScale) -> [(value: String, meaning: String)] {
        switch scale {
        case .trafficLight:
            return [("green", self[.scaleGreenMeaning]), ("yellow", self[.scaleYellowMeaning]), ("red", self[.scaleRedMeaning])]
        case .impact:
            return []
        }
    }

    public func problemField(_ f: ProblemField) -> String {
        if case .why(let level) = f { return "\(self[.problemWhy]) \(level + 1)" }
        return self[f.label]
    }

    public func evidence(_ e: CauseEvidence) -> String {
        switch e {
        case .internalDiscussion: return self[.evInternal]
        case .interviews: return self[.evInterviews]
        case .survey: return self[.evSurvey]
        case .observation: return self[.evObservation]
        case .statistics: return self[.evStatistics]
        }
    }

    public func effectTerm(_ e: EffectTerm) -> String {
        switch e {
        case .immediate: return self[.termImmediate]
        case .longTerm: return self[.termLong]
        }
    }

    public func activityStatus(_ s: ActivityStatus) -> String {
        switch s {
        case .planned: return self[.statusPlannedActivity]
        case .ongoing: return self[.statusOngoing]
        case .done: return self[.statusDone]
        case .cancelled: return self[.statusCancelled]
        }
    }

    public func followUpStatus(_ s: FollowUpStatus) -> String {
        switch s {
        case .done: return self[.statusDone]
        case .ongoing: return self[.statusOngoing]
        case .notDone: return self[.statusNotDone]
        }
    }

    public func aspect(_ a: FollowUpAspect) -> String {
        switch a {
        case .resource: return self[.aspectResource]
        case .performance: return self[.aspectPerformance]
        case .effect: return self[.aspectEffect]
        }
    }

    /// "1 prick", "3 prickar".
    /// "Ge ”Torget” till vilken grupp? Tryck gruppens nummer (Esc avbryter): 1–3".
    public func groupAreaPick(area: String, range: String) -> String {
        (language == .sv ? "Ge \(quote(area)) till vilken grupp? " : "Give \(quote(area)) to which group? ") + "\(self[.groupAreaPick]) \(range)"
    }

    /// A number with its thousands grouped: "2 000 000", "2,000,000".
    public func grouped(_ n: Int) -> String {
        let digits = Array(String(n.magnitude))
        var out = n < 0 ? "-" : ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += language == .sv ? " " : "," }
            out.append(d)
        }
        return out
    }

    /// A paste refused whole: that nothing went in, how long it was, and
    /// the limit (or the room left, when the field already holds text).
    /// Short enough for the status line beside the input line's label.
    /// `line`: the note line and its like; else a form's field.
    /// Short enough for the status line at 80 columns (an error has two
    /// thirds of it), the figures last but whole.
    public func pasteRefused(_ r: TextField.PasteRefusal) -> String {
        let (length, limit, room) = (grouped(r.length), grouped(r.limit), grouped(r.room))
        if language == .sv {
            return r.length > r.limit ? "Inget inklistrat: \(length) tecken, högst \(limit)"
                : "Inget inklistrat: \(length) tecken, plats för \(room)"
        }
        return r.length > r.limit ? "Nothing pasted: \(length) characters, at most \(limit)"
            : "Nothing pasted: \(length) characters, room for \(room)"
    }

    public func dots(_ n: Int) -> String { "\(n) \(self[n == 1 ? .wsDot : .wsDots])" }

    /// "1 anteckning", "3 anteckningar".
    public func notes(_ n: Int) -> String { "\(n) \(self[n == 1 ? .wsNote : .wsNotesCount])" }

    /// What is wrong with a period, said plainly.
    public func periodProblem(_ p: PeriodProblem) -> String {
        switch p {
        case .notADate(let s): return "”\(Self.quoted(s))” \(self[.dateNotADate])"
        case .endBeforeStart: return self[.dateEndBeforeStart]
        case .outsidePeriod(let date, let first, let last):
            return language == .sv ? "”\(Self.quoted(date))” ligger utanför löftesperioden (\(first)–\(last))"
                : "”\(Self.quoted(date))” is outside the promise period (\(first)–\(last))"
        }
    }

    /// A value typed that is not what its field takes: ”först” är ingen …
    public func notValid(_ value: String, _ key: TextKey) -> String {
        "”\(Self.quoted(value))” \(self[key])"
    }

    /// A value quoted in a message, short enough that the reason after it
    /// is read on the status line.
    /// A text quoted as the language does: ”Torget” in Swedish, “Torget”
    /// in English (the messages used «…», the dialogs ”…”).
    public func quote(_ s: String) -> String { language == .sv ? "”\(s)”" : "“\(s)”" }

    static func quoted(_ value: String) -> String {
        value.count > 24 ? value.prefix(23) + "…" : value
    }

    /// The name of a part of a goal, as its field is labelled.
    public func goalPart(_ p: GoalPart) -> String {
        switch p {
        case .text: self[.goalText]
        case .indicator: self[.goalIndicator]
        case .baseline: self[.goalBaseline]
        case .target: self[.goalTarget]
        case .deadline: self[.goalDeadline]
        case .owner: self[.goalOwner]
        }
    }

    /// The label of an activity's part.
    public func activityPart(_ p: ActivityPart) -> String {
        switch p {
        case .what: self[.activityWhat]
        case .who: self[.activityWho]
        case .from: self[.activityFrom]
        case .to: self[.activityTo]
        case .how: self[.wsActivityHow]
        case .organisation: self[.activityOrganisation]
        case .sequence: self[.wsSequence]
        case .after: self[.activityAfter]
        }
    }

    /// The label of a follow-up field.
    public func followUpField(_ f: FollowUpField) -> String {
        switch f {
        case .how: self[.followUpHow]
        case .resources: self[.followUpResources]
        case .quality: self[.followUpQuality]
        case .effect: self[.followUpEffect]
        case .measured: self[.followUpMeasured]
        }
    }

    public func goalKind(_ k: GoalKind) -> String {
        switch (k, language) {
        case (_, .sv): return k.swedishName
        case (.production, .en): return "production goal"
        case (.effect, .en): return "effect goal"
        case (.process, .en): return "process goal"
        }
    }

    /// "namn och adress?": what may point a person out.
    public func identifying(_ c: IdentifyingContext) -> String {
        switch c {
        case .nameWithAddress: return self[.reviewNameAddress]
        case .nameWithAge: return self[.reviewNameAge]
        }
    }

    public func personalData(_ k: PersonalDataKind) -> String {
        switch k {
        case .personalNumber: return self[.pdPersonalNumber]
        case .phoneNumber: return self[.pdPhone]
        case .email: return self[.pdEmail]
        case .licensePlate: return self[.pdPlate]
        }
    }

    public func priority(_ p: ActivityPriority) -> String {
        switch p {
        case .high: return self[.priorityHigh]
        case .medium: return self[.priorityMedium]
        case .low: return self[.priorityLow]
        }
    }

    /// "3 möten", "1 möte".
    public func meetingCount(_ n: Int) -> String {
        language == .sv ? "\(n) \(n == 1 ? "möte" : "möten")" : "\(n) \(n == 1 ? "meeting" : "meetings")"
    }

    /// "Grupp 2", or the plenary's name for group 0.
    public func group(_ n: Int) -> String {
        n == 0 ? self[.plenary] : "\(self[.groupLabel]) \(n)"
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    static func pair(_ key: TextKey) -> (String, String) {
        switch key {
        case .keyHelp: return ("Hjälp", "Help")
        case .keyOpen: return ("Öppna", "Open")
        case .keyNewCycle: return ("Ny cykel", "New cycle")
        case .keyNewMeeting: return ("Nytt möte", "New meeting")
        case .keyFacts: return ("Mötesfakta", "Facts")
        case .keyQuit: return ("Avsluta", "Quit")
        case .keyTalkingPoints: return ("Talmanus", "Talking points")
        case .keyGroup: return ("Grupp", "Group")
        case .keyType: return ("Typ", "Type")
        case .keyEdit: return ("Ändra", "Edit")
        case .keyDelete: return ("Ta bort", "Delete")
        case .keySteps: return ("Steg", "Step")
        case .keyFinish: return ("Slutför", "Finish")
        case .keyHome: return ("Startsida", "Home")
        case .keyNextField: return ("Nästa fält", "Next field")
        case .keyAddRow: return ("Ny rad", "Add row")
        case .keyRemoveRow: return ("Ta bort rad", "Remove row")
        case .keySave: return ("Spara", "Save")
        case .keyCancel: return ("Avbryt", "Cancel")
        case .keyClose: return ("Stäng", "Close")
        case .keyYes: return ("Ja", "Yes")
        case .keyNo: return ("Nej", "No")

        case .helpHelp: return ("Visa den här hjälpen", "Show this help")
        case .helpHomeUp: return ("Markera föregående rad", "Select the previous row")
        case .helpHomeDown: return ("Markera nästa rad", "Select the next row")
        case .helpHomeNextCycle: return ("Till nästa cykel i listan", "To the next cycle in the list")
        case .helpHomePreviousCycle: return ("Till föregående cykel (eller den markerade radens cykel)", "To the previous cycle (or the selected row's cycle)")
        case .helpHomeFirst: return ("Till första raden", "To the first row")
        case .helpHomeLast: return ("Till sista raden", "To the last row")
        case .helpOpenMeeting: return ("Öppna och genomför det markerade mötet (på en cykels rad: dess analys)", "Open and run the selected meeting (on a cycle's row: its analysis)")
        case .helpNewCycle: return ("Skapa en ny cykel (område och löftesperiod)", "Create a new cycle (area and promise period)")
        case .helpNewMeeting: return ("Skapa ett nytt möte i den markerade cykeln", "Create a new meeting in the selected cycle")
        case .helpEditFacts: return ("Ändra det markerade mötets fakta (datum, plats, deltagare …)", "Edit the selected meeting's facts (date, place, participants …)")
        case .helpQuit: return ("Avsluta samtal (allt sparat finns kvar)", "Quit samtal (everything saved stays)")
        case .helpSuspend: return ("Lämna terminalen till skalet en stund (fg tar tillbaka samtal)",
                                   "Give the terminal back to the shell for a while (fg brings samtal back)")
        case .helpTalkingPoints: return ("Visa eller dölj talmanus (bara för dig)", "Show or hide the talking points (for you only)")
        case .helpNextGroup: return ("Nästa grupp för nya anteckningar", "Next group for new notes")
        case .helpPreviousGroup: return ("Föregående grupp", "Previous group")
        case .helpNextType: return ("Nästa anteckningstyp (problem, möjlighet, positivt, fråga, beslut)", "Next note type (problem, opportunity, positive, question, decision)")
        case .helpSaveNote: return ("Spara anteckningen på inmatningsraden", "Save the note on the input line")
        case .helpSelectPrevious: return ("Markera föregående anteckning", "Select the previous note")
        case .helpSelectNext: return ("Markera nästa anteckning", "Select the next note")
        case .helpEditNote: return ("Ändra den markerade anteckningen", "Edit the selected note")
        case .helpDeleteNote: return ("Ta bort den markerade anteckningen", "Delete the selected note")
        case .helpNextStep: return ("Nästa steg i dagordningen", "Next step of the agenda")
        case .helpPreviousStep: return ("Föregående steg", "Previous step")
        case .helpFinish: return ("Slutför mötet", "Finish the meeting")
        case .helpBackHome: return ("Tillbaka till startsidan (mötet kan återupptas)", "Back to the home screen (the meeting can be resumed)")
        case .helpCancelRun: return ("Töm inmatningsraden, avbryt ändring eller markering", "Clear the input line, cancel an edit or a selection")
        case .helpNextField: return ("Nästa fält (i ett långt textfält gör Enter en ny rad och ↓ går till nästa rad)", "Next field (in a long text field Enter starts a new line and ↓ goes to the next line)")
        case .helpPreviousField: return ("Föregående fält (i ett långt textfält går ↑ till raden ovanför)", "Previous field (in a long text field ↑ goes to the line above)")
        case .helpChoice: return ("Byt värde i ett valfält", "Change the value of a choice field")
        case .choiceTakesNoText:
            return ("Fältet är ett val: ← och → byter värde; text skrivs i nästa fält (Tab)", "This field is a choice: ← and → change its value; text goes in the next field (Tab)")
        case .helpAddRow: return ("Lägg till en deltagarrad", "Add a participant row")
        case .helpRemoveRow: return ("Ta bort den markerade deltagarraden", "Remove the selected participant row")
        case .helpSaveForm: return ("Spara formuläret", "Save the form")
        case .helpCancelForm: return ("Stäng utan att spara", "Close without saving")
        case .helpCloseHelp: return ("Stäng hjälpen", "Close help")
        case .helpOpenTyping: return ("Hjälpen är öppen: Esc eller F1 stänger den, sedan kan du skriva.", "The help is open: Esc or F1 closes it, then you can type.")
        case .helpConfirmYes: return ("Ja, gör det", "Yes, do it")
        case .helpConfirmNo: return ("Nej, avbryt", "No, cancel")
        case .helpTitle: return ("Hjälp – tangenter", "Help – keys")
        case .helpTyping: return ("Skriv direkt. Ctrl-U tömmer raden, Ctrl-W tar bort ett ord.", "Just type. Ctrl-U clears the line, Ctrl-W deletes a word.")

        case .homeTitle: return ("samtal – cykler och möten", "samtal – cycles and meetings")
        case .homeEmpty: return ("Inga cykler ännu. Tryck {newCycle} för att skapa en cykel: ett område och en löftesperiod.", "No cycles yet. Press {newCycle} to create a cycle: an area and a promise period.")
        case .homeNoMeetings: return ("inga möten – {newMeeting} skapar ett", "no meetings – {newMeeting} creates one")
        case .homeCycle: return ("Cykel", "Cycle")
        case .statusPlanned: return ("planerat", "planned")
        case .statusRunning: return ("pågår", "running")
        case .statusFinished: return ("slutfört", "finished")

        case .formNewCycle: return ("Ny cykel", "New cycle")
        case .formNewMeeting: return ("Nytt möte", "New meeting")
        case .formFacts: return ("Mötesfakta", "Meeting facts")
        case .fieldArea: return ("Område", "Area")
        case .fieldPeriod: return ("Löftesperiod", "Promise period")
        case .fieldAgenda: return ("Dagordning", "Agenda")
        case .fieldTitle: return ("Rubrik", "Title")
        case .fieldDate: return ("Datum", "Date")
        case .fieldPlace: return ("Plats", "Place")
        case .fieldForm: return ("Form", "Form")
        case .fieldFacilitator: return ("Samtalsledare", "Facilitator")
        case .fieldNoteTakers: return ("Antecknare", "Note-takers")
        case .fieldGroups: return ("Antal grupper", "Number of groups")
        case .participantsHeading: return ("Deltagare", "Participants")
        case .columnOrganisation: return ("Organisation/roll", "Organisation/role")
        case .finishedMeetingOpened:
            return ("Mötet är slutfört. Anteckningar du ändrar här kommer med i dokumenten; stegens resultat (områden, prickar, problem) står som när det slutfördes: slutför igen ({finishMeeting}) för att ta med ändringar i dem.",
                    "The meeting is finished. Notes you change here go into its documents; its steps' results (areas, dots, problems) stay as they were when it finished: finish again ({finishMeeting}) to include changes to them.")
        case .clusterMergeSame: return ("Ett fokusområde slås inte ihop med sig självt; ingenting ändrades.", "An area is not merged with itself; nothing changed.")
        case .helpWsMerge: return ("Slå ihop två fokusområden: m på det ena, sedan m på det andra (anteckningar och prickar följer med)", "Merge two focus areas: m on one, then m on the other (notes and dots go along)")
        case .helpWsRetireArea: return ("Ta bort det markerade fokusområdet (dess anteckningar blir oplacerade)", "Retire the selected focus area (its notes become unplaced)")
        case .wsMergePick: return ("Välj fokusområdet att slå ihop med och tryck {wsMerge} ({backHome} avbryter)", "Pick the focus area to merge with and press {wsMerge} ({backHome} cancels)")
        case .columnKind: return ("Polis/kommun/…", "Police/munic./…")
        case .earlierDots: return ("tidigare möten", "earlier meetings")
        case .errorKind: return ("slaget (polis, kommun …) ska vara ett av", "the kind (police, municipality …) must be one of")
        case .columnCount: return ("Antal", "Count")
        case .columnWomen: return ("Kvinnor", "Women")
        case .columnMen: return ("Män", "Men")
        case .columnOther: return ("Annat/ej angivet", "Other/unstated")
        case .participantsTotal: return ("Totalt", "Total")
        case .participantsEmpty: return ("Inga deltagarrader – {addParticipant} lägger till en.", "No participant rows – {addParticipant} adds one.")
        case .errorRequired: return ("måste fyllas i", "is required")
        case .errorNumber: return ("måste vara ett heltal 0 eller större", "must be a whole number, 0 or more")
        case .errorNoAgendas: return ("Inga dagordningar hittades. Kontrollera mappen Agendas/.", "No agendas were found. Check the Agendas/ folder.")
        case .errorGroups: return ("måste vara mellan 1 och 20", "must be between 1 and 20")
        case .warningSplit: return ("Obs: kvinnor + män + annat stämmer inte med antalet på rad", "Note: women + men + other does not match the count on row")

        case .formPhysical: return ("fysiskt möte", "physical meeting")
        case .formDigital: return ("digitalt möte", "digital meeting")
        case .formOpenMeeting: return ("öppet möte", "open meeting")
        case .formFocusGroup: return ("fokusgrupp", "focus group")
        case .formWorkplaceMeeting: return ("arbetsplatsträff", "workplace meeting")
        case .formSafetyWalk: return ("trygghetsvandring", "safety walk")
        case .formOther: return ("annan form", "other form")

        case .stepsHeading: return ("Steg", "Steps")
        case .talkingPointsHeading: return ("Talmanus", "Talking points")
        case .talkingPointsHidden: return ("Talmanus dolt – {toggleTalkingPoints} visar", "Talking points hidden – {toggleTalkingPoints} shows")
        case .notesHeading: return ("Anteckningar", "Notes")
        case .stepLabel: return ("Steg", "Step")
        case .groupLabel: return ("Grupp", "Group")
        case .plenary: return ("Gemensamt", "Plenary")
        case .inputPlaceholder: return ("skriv en anteckning och tryck {saveNote}", "type a note and press {saveNote}")
        case .editingLabel: return ("Ändrar", "Editing")
        case .noNotes: return ("Inga anteckningar i det här steget ännu.", "No notes in this step yet.")
        case .noteSaved: return ("Sparad", "Saved")
        case .noteUpdated: return ("Ändrad", "Updated")
        case .noteDeleted: return ("Borttagen", "Deleted")
        case .inputFull: return ("Raden är full – tryck {saveNote} för att spara", "The line is full – press {saveNote} to save")
        case .confirmDelete: return ("Ta bort anteckningen?", "Delete the note?")
        case .confirmFinish: return ("Slutför mötet? Det går att öppna det igen.", "Finish the meeting? It can be opened again.")
        case .confirmQuitUnsavedForm:
            return ("Formuläret är inte sparat: det du skrivit kommer tillbaka nästa gång. Avsluta ändå? (Nej, sedan F9, sparar det.)",
                    "The form is not saved: what you typed comes back next time. Quit anyway? (No, then F9, saves it.)")
        case .confirmLeaveUnstarted:
            return ("Mötet har inte börjat här: inget steg har bytts och inget skrivits. Ska det stå kvar som planerat? (Nej: det har börjat.)",
                    "The meeting has not begun here: no step was changed and nothing typed. Leave it planned? (No: it has begun.)")
        case .meetingFinished: return ("Mötet är slutfört.", "The meeting is finished.")
        case .typeProblem: return ("problem", "problem")
        case .typeOpportunity: return ("möjlighet", "opportunity")
        case .typePositive: return ("positivt", "positive")
        case .typeQuestion: return ("fråga", "question")
        case .typeDecision: return ("beslut", "decision")

        case .tooSmall: return ("Fönstret är för litet", "The window is too small")
        case .storeError: return ("Kunde inte spara", "Could not save")

        case .keyPane: return ("Byt lista", "Switch list")
        case .keyAreaType: return ("Typ", "Type")
        case .keyRename: return ("Byt namn", "Rename")
        case .keyTargetPicture: return ("Målbild", "Target picture")
        case .keySource: return ("Källa", "Source")
        case .keyHideNote: return ("Dölj", "Hide")
        case .helpNextSource: return ("Nästa källa för gruppens nya anteckningar (vid ändring: anteckningens)", "Next source for the group's new notes (when editing: the note's)")
        case .helpEditTargetPicture: return ("Skriv målbilden för det markerade fokusområdet: vad det gemensamma arbetet ska leda till", "Write the target picture of the selected focus area: what the joint work should lead to")
        case .helpToggleAreaPromise: return ("Det markerade fokusområdet ska utmynna i ett medborgarlöfte: ja eller nej", "The selected focus area leads to a citizen promise: yes or no")
        case .clusterInputTargetPicture: return ("Målbild", "Target picture")
        case .areaLeadsToPromise: return ("Fokusområdet ska utmynna i ett medborgarlöfte", "The focus area leads to a citizen promise")
        case .areaNotToPromise: return ("Fokusområdet ska inte utmynna i ett medborgarlöfte", "The focus area does not lead to a citizen promise")
        case .targetPictureLabel: return ("Målbild", "Target picture")
        case .toPromiseMark: return ("löfte", "promise")
        case .keyMerge: return ("Slå ihop", "Merge")
        case .keyAddDot: return ("+ prick", "+ dot")
        case .keyUndo: return ("Ångra", "Undo")
        case .keyToggle: return ("Klar/ej klar", "Done/not done")
        case .keyValue: return ("Värde", "Value")
        case .keyField: return ("Fält", "Field")
        case .helpSwitchPane: return ("Byt mellan anteckningarna och fokusområdena", "Switch between the notes and the focus areas")
        case .helpClusterUp: return ("Markera föregående i listan", "Select the previous item in the list")
        case .helpClusterDown: return ("Markera nästa i listan", "Select the next item in the list")
        case .helpClusterEnter: return ("Med text: skapa ett fokusområde. Utan text: flytta den markerade anteckningen till det markerade fokusområdet", "With text: create a focus area. Without: move the selected note into the selected focus area")
        case .helpNextAreaType: return ("Byt typ på fokusområdet: plats, brottstyp/ordningsstörning, grupp", "Change the focus area's type: place, type of crime or disorder, group")
        case .helpRenameArea: return ("Byt namn på det markerade fokusområdet", "Rename the selected focus area")
        case .helpMergeArea: return ("Slå ihop: {mergeArea} på det som ska gå upp i ett annat, sedan {mergeArea} på målet", "Merge: {mergeArea} on the area to merge, then {mergeArea} on the target")
        case .helpDeleteArea: return ("Ta bort fokusområdet (anteckningarna blir ogrupperade) eller ta ut anteckningen ur sitt fokusområde", "Delete the focus area (its notes become ungrouped) or take the note out of its focus area")
        case .helpVoteUp: return ("Markera föregående i listan", "Select the previous in the list")
        case .helpVoteDown: return ("Markera nästa i listan", "Select the next in the list")
        case .helpAddDot: return ("Ge den markerade i listan en prick", "Give the selected in the list a dot")
        case .helpUndoDot: return ("Ångra den senaste pricken", "Undo the latest dot")
        case .helpNextVoter: return ("Nästa grupp som röstar", "Next voting group")
        case .helpItemUp: return ("Markera föregående punkt", "Select the previous item")
        case .helpItemDown: return ("Markera nästa punkt", "Select the next item")
        case .helpToggleItem: return ("Markera punkten klar eller ej klar", "Mark the item done or not done")
        case .helpSaveComment: return ("Spara kommentaren till punkten", "Save the item's comment")
        case .helpPreviousVoter: return ("Föregående grupp som röstar", "Previous voting group")
        case .helpSaveRatingField: return ("Spara fältet (iakttagelser eller kommentar)", "Save the field (observations or comment)")
        case .helpAddSummaryItem: return ("Spara punkten", "Save the item")
        case .helpPreviousSummaryField: return ("Föregående fält för nästa steg", "Previous field of a next step")
        case .helpSaveProblemField: return ("Spara fältet och gå till nästa", "Save the field and go to the next")
        case .helpSaveActivity: return ("Spara aktiviteten", "Save the activity")
        case .helpPreviousActivityField: return ("Föregående fält", "Previous field")
        case .meetingEnded: return ("Mötet är slutfört: inga fler anteckningar tas emot.", "The meeting has ended: no more notes are taken.")
        case .clockPaused: return ("pausad", "paused")
        case .meetingEndedLineKept: return ("Mötet är slutfört. Det du skrivit är kvar: Enter sparar det, Esc tar bort det.",
                                            "The meeting has ended. What you typed is still here: Enter saves it, Esc removes it.")
        case .stepsNotRun: return ("Steg som inte körts:", "Steps not run:")
        case .lastStepTakesNoNotes: return ("Det här steget tar inte emot anteckningar.", "This step takes no notes.")
        case .stepTakesNoNotes: return ("Det här steget tar inte emot anteckningar; vänta på nästa steg.", "This step takes no notes; wait for the next step.")
        case .draftMarker: return ("utkast", "draft")
        case .meetingEndedShort: return ("Mötet är slutfört", "The meeting has ended")
        case .savingMark: return ("sparas…", "saving…")
        case .saving: return ("Sparas …", "Saving …")
        case .terminalNotUTF8: return ("Terminalen skickar inte UTF-8: å ä ö läses som Latin-1. Ställ in terminalen på UTF-8 (till exempel LANG=sv_SE.UTF-8) så visas de rätt.",
                                       "The terminal does not send UTF-8: å ä ö are read as Latin-1. Set the terminal to UTF-8 (for example LANG=sv_SE.UTF-8) to see them right.")
        case .storeWaiting: return ("Väntar på lagret (ett annat program skriver) …", "Waiting for the store (another program is writing) …")
        case .closing: return ("Avslutar: sparar det som väntar på lagret …", "Closing: saving what waits for the store …")
        case .noteNotSaved: return ("Anteckningen sparades inte", "The note was not saved")
        case .draftKeptInStep: return ("Din osparade anteckning finns kvar som utkast i steget", "Your unsaved note is kept as a draft in the step")
        case .helpNextRatingValue: return ("Nästa värde på skalan för frågan", "Next value on the scale for the question")
        case .helpPreviousRatingValue: return ("Föregående värde på skalan", "Previous value on the scale")
        case .helpSwitchRatingField: return ("Växla mellan iakttagelser, kommentar/åtgärd och ett nytt bidrag", "Switch between observations, comment/action and a new contribution")
        case .helpNextContributor: return ("Byt organisation som nästa bidrag kommer från (deltagarraderna i mötesfakta)", "Change the organisation the next contribution comes from (the participant rows of the meeting facts)")
        case .helpDeleteContribution: return ("Ta bort frågans senaste bidrag", "Delete the question's latest contribution")
        case .ratingContribution: return ("Bidrag", "Contribution")
        case .ratingContributionFrom: return ("från", "from")
        case .confirmDeleteContribution: return ("Ta bort bidraget?", "Delete the contribution?")
        case .ratingContributionsHint: return ("Bidrag från organisationerna: {switchRatingField} till Bidrag, {nextContributor} väljer organisation, {saveField} lägger till. Sedan den sammanställda bedömningen ({nextRatingValue}).", "Contributions from the organisations: {switchRatingField} to Contribution, {nextContributor} chooses the organisation, {saveField} adds. Then the compiled assessment ({nextRatingValue}).")
        case .helpNextSummaryKind: return ("Byt sort: beslut, nästa steg, tas vidare till nästa möte", "Change kind: decision, next step, goes on to the next meeting")
        case .helpNextSummaryField: return ("Nästa fält för nästa steg: vad, vem, när", "Next field of a next step: what, who, when")
        case .helpDeleteSummaryItem: return ("Ta bort den markerade punkten", "Delete the selected item")

        case .clusterNotesHeading: return ("Anteckningar", "Notes")
        case .clusterAreasHeading: return ("Fokusområden", "Focus areas")
        case .clusterNoSourceNotes: return ("Inga anteckningar från tidigare steg att gruppera.", "No notes from earlier steps to group.")
        case .clusterNoAreas: return ("Inga fokusområden ännu: skriv ett namn och tryck {clusterEnter}.", "No focus areas yet: type a name and press {clusterEnter}.")
        case .clusterInputNew: return ("Nytt fokusområde", "New focus area")
        case .clusterInputRename: return ("Nytt namn på", "New name for")
        case .clusterMergePick: return ("Välj fokusområdet att slå ihop med och tryck {mergeArea} ({cancel} avbryter)", "Select the focus area to merge into and press {mergeArea} ({cancel} cancels)")
        case .clusterAssigned: return ("Flyttad", "Moved")
        case .clusterUnassigned: return ("ogrupperad", "ungrouped")
        case .clusterMerged: return ("Ihopslagna", "Merged")
        case .confirmDeleteArea: return ("Ta bort fokusområdet? Anteckningarna finns kvar, ogrupperade.", "Delete the focus area? Its notes stay, ungrouped.")
        case .areaTypeUnset: return ("typ ej vald", "type not chosen")
        case .areaPlace: return ("plats", "place")
        case .areaCrimeType: return ("brottstyp/ordningsstörning", "crime/disorder")
        case .areaGroup: return ("grupp", "group")

        case .voteHeading: return ("Prioritering", "Priorities")
        case .voteNoAreas: return ("Inga fokusområden att prioritera: skapa dem i ett steg av typen Fokusområden.", "No focus areas to prioritise: create them in a focus-area step.")
        case .voteDotsLeft: return ("kvar", "left")
        case .voteBudgetUsed: return ("Alla prickar är använda", "All dots are used")
        case .votePerGroup: return ("prickar per grupp", "dots per group")
        case .votePerParticipant: return ("prickar per deltagare", "dots per participant")
        case .voteRank: return ("Plats", "Rank")
        case .voteDots: return ("prickar", "dots")
        case .voteFromCycle: return ("Cykelns fokusområden", "The cycle's focus areas")
        case .voteActivitiesHeading: return ("Prioritering av aktiviteter", "Prioritising the activities")
        case .voteNoActivities: return ("Inga aktiviteter att prioritera: föreslå dem i ett steg av typen Aktiviteter.", "No activities to prioritise: propose them in an activities step.")
        case .voteNoTyping: return ("Här skrivs ingen text: Enter eller mellanslag sätter en prick på den markerade raden, Backspace tar tillbaka den senaste.",
                                    "Nothing is typed here: Enter or space puts a dot on the selected row, Backspace takes the last one back.")
        case .voteNoParticipants: return ("prickar kvar räknas när deltagarna finns i mötesfakta (F6, F4 på mötet)",
                                          "dots left are counted once the participants are in the meeting facts (F6, F4 on the meeting)")

        case .checklistHeading: return ("Checklista", "Checklist")
        case .checklistDone: return ("klar", "done")
        case .checklistNotDone: return ("ej klar", "not done")
        case .inputComment: return ("Kommentar", "Comment")
        case .ratingHeading: return ("Bedömning", "Rating")
        case .ratingNotRated: return ("ej bedömd", "not rated")
        case .ratingObservations: return ("Iakttagelser", "Observations")
        case .ratingComment: return ("Kommentar/åtgärd", "Comment/action")
        case .ratingGreen: return ("grön", "green")
        case .ratingYellow: return ("gul", "yellow")
        case .ratingRed: return ("röd", "red")

        case .summaryDecisions: return ("Beslut", "Decisions")
        case .summaryNextSteps: return ("Nästa steg", "Next steps")
        case .summaryCarryForward: return ("Tas vidare till nästa möte", "Goes on to the next meeting")
        case .summaryWho: return ("Vem", "Who")
        case .summaryWhen: return ("När", "When")
        case .summaryInputHint: return ("skriv och tryck {addItem}. {nextSummaryKind} byter mellan beslut, nästa steg och tas vidare.", "type and press {addItem}. {nextSummaryKind} switches between decision, next step and goes on.")
        case .summaryEmpty: return ("Inget ännu: skriv och tryck {addItem}. {nextSummaryKind} byter mellan beslut, nästa steg och tas vidare.", "Nothing yet: type and press {addItem}. {nextSummaryKind} switches between decision, next step and goes on.")
        case .summaryKindDecision: return ("beslut", "decision")
        case .summaryKindNextStep: return ("nästa steg", "next step")
        case .summaryKindCarryForward: return ("tas vidare", "goes on")
        case .confirmDeleteItem: return ("Ta bort punkten?", "Delete the item?")

        case .cycleFocusAreasHeading: return ("Cykelns fokusområden och prioritering", "The cycle's focus areas and priorities")

        case .keyFocusArea: return ("Fokusområde", "Focus area")
        case .keyPriority: return ("Prioritet", "Priority")
        case .helpProblemUp: return ("Föregående fråga (det skrivna sparas)", "Previous question (what was typed is saved)")
        case .helpProblemDown: return ("Nästa fråga (det skrivna sparas)", "Next question (what was typed is saved)")
        case .helpNextProblemArea: return ("Nästa fokusområde att beskriva", "Next focus area to describe")
        case .helpNextActivityField: return ("Nästa fält: vad, ansvarig, organisation, från, till, hur, ordning, efter", "Next field: what, responsible, organisation, from, to, how, order, after")
        case .helpNextActivitySide: return ("Byt sida av problemtriangeln som aktiviteten riktar sig mot", "Change the side of the problem triangle the activity works on")
        case .helpNextEffectTerm: return ("Byt när effekten väntas: omedelbar eller långsiktig", "Change when the effect is expected: immediate or long-term")
        case .helpToggleCitizens: return ("Markera om medborgare deltar i aktiviteten", "Mark whether citizens take part in the activity")
        case .activityNeedsWhat: return ("Skriv vad som ska göras först (fältet Vad).", "Type what is to be done first (the What field).")
        case .activitySequenceNotNumber: return ("är ingen ordning: skriv ett tal (1, 2, …)", "is no order: type a number (1, 2, …)")
        case .activityAfterUnknown: return ("är inget nummer i listan: skriv aktiviteternas nummer, t.ex. 1, 3", "is not a number in the list: type the activities' numbers, e.g. 1, 3")
        case .activityAfterItself: return ("En aktivitet kan inte komma efter sig själv.", "An activity cannot come after itself.")
        case .activityAfter: return ("Efter nr", "After no.")
        case .activityNew: return ("Ny aktivitet", "New activity")
        case .activitySide: return ("Triangeln", "Triangle")
        case .activityTerm: return ("Effekt", "Effect")
        case .activityCitizens: return ("Medborgare deltar", "Citizens take part")
        case .activityOrganisation: return ("Organisation", "Organisation")
        case .wallUnplaced: return ("Inte placerade", "Not placed yet")
        case .wallNothingYet: return ("Inget skrivet ännu.", "Nothing written yet.")
        case .wallPage: return ("sida", "page")
        case .paneActive: return ("↑↓ här", "↑↓ here")
        case .wallContinued: return ("(forts.)", "(cont.)")
        case .contributionSaving: return ("Bidraget sparas ännu; tryck igen om en stund.", "The contribution is still being saved; press again in a moment.")
        case .carriedForwardHeading: return ("Tas vidare från tidigare möten", "Carried forward from earlier meetings")
        case .noteSaving: return ("Anteckningen sparas ännu; tryck igen om en stund.", "The note is still being saved; press again in a moment.")
        case .paneSwitch: return ("hit", "here")
        case .helpNextTalkingPoints: return ("Nästa sida av talmanuset, när det inte får plats", "The next page of the talking points, when they do not fit")
        case .clusterEmpty: return ("Inga anteckningar eller fokusområden ännu.", "No notes or focus areas yet.")
        case .helpNextPriority: return ("Byt prioritet: hög, medel, låg", "Change priority: high, medium, low")
        case .goalsHeading: return ("Mål", "Goals")
        case .goalsEmpty: return ("Inga mål ännu: skriv målet, {nextGoalField} för indikator, utgångsläge, målvärde, slutdatum och vem som följer upp, {addItem} sparar.", "No goals yet: type the goal, {nextGoalField} for indicator, baseline, target, deadline and who follows it up, {addItem} saves.")
        case .goalNeedsText: return ("Skriv målet först (fältet Mål).", "Type the goal first (the Goal field).")
        case .goalText: return ("Mål", "Goal")
        case .goalIndicator: return ("Indikator", "Indicator")
        case .goalBaseline: return ("Utgångsläge", "Baseline")
        case .goalTarget: return ("Målvärde", "Target")
        case .goalDeadline: return ("Slutdatum", "Deadline")
        case .goalOwner: return ("Följs upp av", "Followed up by")
        case .goalActivity: return ("Aktivitet", "Activity")
        case .goalNoActivity: return ("ingen vald", "none chosen")
        case .goalAccepted: return ("accepterat", "accepted")
        case .goalNotAccepted: return ("inte accepterat", "not accepted")
        case .goalPasses: return ("SMART: uppfyllt", "SMART: met")
        case .goalLacks: return ("saknar", "lacks")
        case .helpWsSplit: return ("Dela det markerade fokusområdet: en ny del med eget namn, som behåller var området föreslogs", "Split the selected focus area: a new part with its own name, which keeps where the area was proposed")
        case .wsSplitTitle: return ("Dela fokusområde – den nya delen", "Split a focus area – the new part")
        case .dateNotADate: return ("är inget datum: skriv datum som 2027-03-01", "is not a date: write dates as 2027-03-01")
        case .dateEndBeforeStart: return ("Slutdatumet ligger före startdatumet", "The end date is before the start date")
        case .scaleGreenMeaning: return ("Problembilden är liten, följer ordinarie rutiner", "The problem is small; ordinary routines apply")
        case .scaleYellowMeaning: return ("Problembilden är återkommande, kan hanteras utifrån det mandat som finns i lägesbildsgruppen", "The problem recurs; it can be handled within the situation-picture group's mandate")
        case .scaleRedMeaning: return ("Problembilden är omfattande och återkommande, behöver lyftas hos lokala Brå eller i kommunledningen", "The problem is extensive and recurring; it must be raised with the local crime-prevention council or the municipal leadership")
        case .scaleImpactNote: return ("Påverkan 1–5 (mallen förklarar inte stegen)", "Impact 1–5 (the template does not explain the steps)")
        case .introHeading: return ("Mötets syfte, mål och kvalitetskriterier", "The meeting's purpose, goals and quality criteria")
        case .introPurpose: return ("Syfte", "Purpose")
        case .introGoals: return ("Mål", "Goals")
        case .introCriteria: return ("Kvalitetskriterier", "Quality criteria")
        case .helpSplitArea: return ("Dela det markerade fokusområdet: skriv namnet på den nya delen (den behåller var området föreslogs), flytta sedan dit anteckningarna", "Split the selected focus area: type the new part's name (it keeps where the area was proposed), then move notes into it")
        case .groupAreaHint: return ("ger en grupp området", "gives a group the area")
        case .helpGiveArea: return ("Ge det visade fokusområdet till en grupp: sedan gruppens nummer (0 tar tillbaka)", "Give the focus area shown to a group: then the group's number (0 takes it back)")
        case .helpGiveActivityArea: return ("Ge det valda fokusområdet till en grupp: sedan gruppens nummer (0 tar tillbaka)", "Give the chosen focus area to a group: then the group's number (0 takes it back)")
        case .helpTurnWall: return ("Projektorns vägg: nästa sida (den står kvar 30 sekunder)", "The projector's wall: the next page (it stays 30 seconds)")
        case .wallTurned: return ("Projektorns vägg bläddrar till nästa sida (om den har flera).", "The projector's wall turns to its next page (if it has more than one).")
        case .groupAreaPick: return ("Tryck gruppens nummer, 0 tar tillbaka området ({cancel} avbryter):", "Press the group's number, 0 takes the area back ({cancel} cancels):")
        case .groupAreaNoArea: return ("Inget fokusområde att ge en grupp.", "No focus area to give a group.")
        case .groupAreaNoGroup: return ("Mötet har ingen grupp", "The meeting has no group")
        case .fieldConflict: return ("En annan terminal sparade i fältet medan du skrev:", "Another terminal saved into the field while you typed:")
        case .editedNoteDeleted: return ("Anteckningen du ändrar togs bort i en annan terminal: Enter sparar din text som en ny anteckning, Esc släpper den.",
                                         "The note you are changing was deleted in another terminal: Enter saves your text as a new note, Esc drops it.")
        case .wsChangedElsewhere: return ("En annan terminal sparade medan formuläret var öppet –", "Another terminal saved while the form was open –")
        case .wsOutsidePeriodChoice: return ("F9 igen sparar ändå; ändra datumet annars.", "F9 again saves all the same; else change the date.")
        case .wsChangedElsewhereChoice: return ("F9 igen skriver över med formulärets text; Esc stänger det utan att spara.",
                                                "F9 again writes the form's text over it; Esc closes it without saving.")
        case .fieldFilledElsewhere: return ("En annan terminal sparade i fältet – det du skriver hamnar efter dess text",
                                            "Another terminal saved into the field – what you type goes after its text")
        case .fieldConflictChoice: return ("Enter två gånger skriver över med din text; {cancel} tar den andra.", "Enter twice writes your text over it; {cancel} takes the other.")
        case .fieldConflictConfirm: return ("Enter igen skriver över det en annan terminal sparade:", "Enter again writes over what another terminal saved:")
        case .fieldConflictKept: return ("Din text sparades inte över den andra terminalens: den finns kvar som utkast i fältet.", "Your text was not written over the other terminal's: it is kept as the field's draft.")
        case .groupAreaTakenBack: return ("ingen grupp har området nu", "no group has the area now")
        case .groupAreaAlready: return ("har redan", "already has")
        case .groupAreaCancelled: return ("Ingen grupp fick något område.", "No group was given an area.")
        case .groupAreaGiven: return ("Facilitatorn gav gruppen", "The facilitator gave the group")
        case .groupAreaFixed: return ("Facilitatorn gav gruppen", "The facilitator gave the group")
        case .groupsGiven: return ("Grupper", "Groups")
        case .keyMoveTo: return ("Flytta till", "Move to")
        case .helpMoveNoteToArea: return ("Flytta markerad anteckning: sedan områdets tecken (1–9, a–z)", "Move the selected note: then the area's key (1–9, a–z)")
        case .clusterMovePick: return ("Flytta till vilket fokusområde? Tryck dess tecken ({cancel} avbryter):", "Move to which focus area? Press its key ({cancel} cancels):")
        case .clusterMoveNoArea: return ("Inget fokusområde har tecknet", "No focus area has the key")
        case .clusterMoveCancelled: return ("Ingen anteckning flyttades.", "No note was moved.")
        case .clusterMergeCancelled: return ("Sammanslagningen avbröts.", "The merge was given up.")
        case .clusterMovedTo: return ("Flyttad till", "Moved to")
        case .clusterSplitHint: return ("Skriv namnet på den nya delen och tryck Enter; flytta sedan anteckningar dit.", "Type the new part's name and press Enter; then move notes into it.")
        case .clusterInputSplit: return ("Ny del av", "New part of")
        case .helpEditSummaryItem: return ("Ändra den markerade punkten ({addItem} sparar, Esc låter den vara)", "Edit the selected item ({addItem} saves, Esc leaves it)")
        case .outputHeading: return ("Det här har mötet tagit fram", "What the meeting produced")
        case .outputNotes: return ("Anteckningar", "Notes")
        case .outputAreas: return ("Fokusområden", "Focus areas")
        case .outputProblem: return ("Problembeskrivning", "Problem description")
        case .outputActivities: return ("Aktiviteter", "Activities")
        case .followUpActivityNumber: return ("aktivitet", "activity")
        case .goalNew: return ("Nytt mål", "New goal")
        case .followUpHeading: return ("Aktivitetsplanens aktiviteter", "The activity plan's activities")
        case .followUpEmpty: return ("Planen har inga aktiviteter att följa upp: de läggs till i aktivitetsplaneringen eller i analysen (F5 på startsidan).", "The plan has no activities to follow up: they are added in activity planning or in the analysis (F5 on the home screen).")
        case .followUpNotYet: return ("ej bedömd", "not assessed")
        case .followUpHow: return ("Genomförande (eller varför inte)", "Carried out (or why not)")
        case .followUpResources: return ("Resurser (pengar, personal, tid)", "Resources (money, staff, time)")
        case .followUpQuality: return ("Kvalitet", "Quality")
        case .followUpEffect: return ("Effekt", "Effect")
        case .followUpMeasured: return ("Uppmätt värde", "Value measured")
        case .followUpGoals: return ("Mål", "Goals")
        case .followUpPlanStatus: return ("i planen", "in the plan")
        case .helpFollowUpUp: return ("Föregående aktivitet (det skrivna sparas)", "Previous activity (what is typed is saved)")
        case .helpFollowUpDown: return ("Nästa aktivitet (det skrivna sparas)", "Next activity (what is typed is saved)")
        case .helpNextFollowUpStatus: return ("Byt status: genomförd, pågår, inte genomförd – ändrar aktivitetens status i planen", "Change the status: done, ongoing, not done – changes the activity's status in the plan")
        case .helpNextFollowUpField: return ("Nästa fält: genomförande, resurser, kvalitet, effekt, uppmätt värde", "Next field: carried out, resources, quality, effect, value measured")
        case .helpPreviousFollowUpField: return ("Föregående fält", "Previous field")
        case .helpSaveFollowUpField: return ("Spara fältet och gå till nästa", "Save the field and go to the next")
        case .keyGoalKind: return ("Måltyp", "Kind")
        case .keyGoalActivity: return ("Aktivitet", "Activity")
        case .keyGoalAccepted: return ("Accepterat", "Accepted")
        case .helpSaveGoal: return ("Spara målet", "Save the goal")
        case .helpNextGoalField: return ("Nästa del av målet: indikator, utgångsläge, målvärde, slutdatum, vem som följer upp", "Next part of the goal: indicator, baseline, target, deadline, who follows it up")
        case .helpPreviousGoalField: return ("Föregående del av målet", "Previous part of the goal")
        case .helpNextGoalKind: return ("Byt måltyp: produktionsmål, effektmål, processmål", "Change the kind: production, effect, process goal")
        case .helpNextGoalActivity: return ("Välj den aktivitet som leder till målet", "Choose the activity that leads to the goal")
        case .helpToggleGoalAccepted: return ("Markera målet som accepterat (SMART:s A): accepterat, något att sträva efter, etiskt och politiskt korrekt", "Mark the goal as accepted (SMART's A): accepted, worth striving for, ethically and politically sound")
        case .helpNextGoalArea: return ("Välj fokusområde för målet", "Choose the goal's focus area")
        case .helpEditGoal: return ("Ändra det markerade målet ({addItem} sparar)", "Edit the selected goal ({addItem} saves)")
        case .helpDeleteGoal: return ("Ta bort det markerade målet (efter fråga)", "Delete the selected goal (after asking)")
        case .helpNextActivityArea: return ("Byt fokusområde som aktiviteten hör till", "Change the focus area the activity belongs to")
        case .helpEditActivity: return ("Ändra den markerade aktiviteten ({addItem} sparar)", "Edit the selected activity ({addItem} saves)")
        case .helpDeleteActivity: return ("Ta bort den markerade aktiviteten", "Delete the selected activity")
        case .problemHeading: return ("Problembeskrivning", "Problem description")
        case .problemNoArea: return ("inget fokusområde", "no focus area")
        case .problemDescription: return ("Beskrivning", "Description")
        case .problemWhyChain: return ("Orsaker – fråga varför, upp till fem gånger", "Causes – ask why, up to five times")
        case .problemTriangle: return ("Problemanalystriangeln", "Problem analysis triangle")
        case .problemWhy: return ("Varför?", "Why?")
        case .qWhat: return ("Vad är problemet?", "What is the problem?")
        case .qWhere: return ("Var?", "Where?")
        case .qWhen: return ("När?", "When?")
        case .qWhoCauses: return ("Vem orsakar det?", "Who causes it?")
        case .qAffected: return ("Vem eller vad drabbas?", "Who or what is affected?")
        case .qConsequences: return ("Vilka blir konsekvenserna?", "What are the consequences?")
        case .qWhoCanFix: return ("Vem kan åtgärda det?", "Who can fix it?")
        // The triangle's inner sides in the method support's words (001 lines 728-729).
        case .tOffender: return ("Vem orsakar", "Who causes it")
        case .tTarget: return ("Vem/vad drabbas", "Who/what is affected")
        case .tPlace: return ("Plats", "Place")
        case .tHandler: return ("Övervakare", "Handler")
        case .tGuardian: return ("Beskyddare", "Guardian")
        case .tPlaceManager: return ("Platsansvarig", "Place manager")
        case .activitiesHeading: return ("Aktiviteter", "Activities")
        case .activitiesEmpty: return ("Inga aktiviteter ännu: skriv vad som ska göras, {nextActivityField} för vem, när och hur, {addItem} sparar.", "No activities yet: type what is to be done, {nextActivityField} for who, when and how, {addItem} saves.")
        case .activityWhat: return ("Aktivitet", "Activity")
        case .activityWho: return ("Ansvarig", "Responsible")
        case .activityFrom: return ("Från", "From")
        case .activityTo: return ("Till", "To")
        case .activityArea: return ("Fokusområde", "Focus area")
        case .activityNoArea: return ("inget", "none")
        case .priorityHigh: return ("hög", "high")
        case .priorityMedium: return ("medel", "medium")
        case .priorityLow: return ("låg", "low")
        case .confirmDeleteActivity: return ("Ta bort aktiviteten?", "Delete the activity?")
        case .personalDataWarning: return ("kan innehålla personuppgifter", "may hold personal data")
        case .identifyingWarning: return ("kan peka ut en person", "may point out a person")
        case .pdPersonalNumber: return ("personnummer", "personal identity number")
        case .pdPhone: return ("telefonnummer", "phone number")
        case .pdEmail: return ("e-post", "e-mail")
        case .pdPlate: return ("registreringsnummer", "licence plate")
        case .helpToggleHidden: return ("Dölj den markerade anteckningen på projektorn, eller visa den igen", "Hide the selected note from the projector, or show it again")
        case .helpKeepPersonalData: return ("Granskad: behåll trots misstänkta personuppgifter (projektorn döljer dem ändå)", "Checked: keep despite suspected personal data (the projector still masks them)")
        case .draftRestored: return ("Osparad text från sist", "Unsaved text from before") // beside a typed line at 80 columns
        case .draftKept: return ("Osparad text, kvar här", "Unsaved text, kept here")
        case .formDraftRestored: return ("Osparad text från sist: F9 sparar, Esc kastar den", "Unsaved text from before: F9 saves, Esc discards it")
        case .newStore: return ("Nytt tomt lager", "New empty store")
        case .storeUpgraded: return ("Lagret uppgraderades till den här versionen; en kopia av det som det var", "The store was upgraded to this version; a copy of it as it was")
        case .formDraftLost: return ("Osparad text från sist, vars post inte finns kvar", "Unsaved text from before, whose record is gone")
        case .hiddenMark: return ("dold", "hidden")
        case .noteNowHidden: return ("Dold för projektorn", "Hidden from the projector")
        case .noteNowShown: return ("Visas på projektorn igen", "Shown on the projector again")
        case .checkedMark: return ("granskad", "checked")
        case .helpScroll: return ("Bläddra i hjälpen", "Scroll the help")
        case .helpMore: return ("↓ fler", "↓ more")
        case .fieldNamedNotes: return ("Anteckningar", "Notes")
        case .notesAnonymous: return ("anonyma", "anonymous")
        case .notesNamed: return ("med antecknarens namn", "with the note-taker's name")
        case .keyAnalysis: return ("Analys", "Analysis")
        case .keyTab: return ("Flik", "Next tab")
        case .keyTrace: return ("Spåra", "Trace")
        case .keyProblem: return ("Problem", "Problem")
        case .keyPromiseFlag: return ("Löfte ja/nej", "Promise y/n")
        case .keyNew: return ("Ny", "New")
        case .keyNewCause: return ("Varför?", "Why?")
        case .keyStatus: return ("Status", "Status")
        case .keyDraft: return ("Utkast", "Draft")
        case .helpOpenWorkspace: return ("Öppna analysen för den markerade cykeln: fokusområden, problem, aktiviteter, mål, löfte, uppföljning", "Open the analysis of the selected cycle: focus areas, problem, activities, goals, promise, follow-up")
        case .helpNextTab: return ("Nästa flik", "Next tab")
        case .helpPreviousTab: return ("Föregående flik", "Previous tab")
        case .helpWsUp: return ("Markera raden ovanför", "Select the row above")
        case .helpWsDown: return ("Markera raden nedanför", "Select the row below")
        case .helpTrace: return ("Spåra den markerade raden tillbaka till anteckningarna den bygger på", "Trace the selected row back to the notes it is built on")
        case .helpBackHomeWs: return ("Tillbaka till startsidan", "Back to the home screen")
        case .helpOpenProblem: return ("Arbeta med problemet för det markerade fokusområdet", "Work on the problem of the selected focus area")
        case .helpWsEditArea: return ("Ändra namn, typ, målbild och om området leder till löftet", "Edit the name, type, target picture and whether the area leads to the promise")
        case .helpTogglePromise: return ("Leder till medborgarlöftet: ja eller nej", "Leads to the citizen promise: yes or no")
        case .helpWsEditProblem: return ("Ändra problembeskrivningen och triangeln, eller den markerade orsaken", "Edit the problem description and triangle, or the selected cause")
        case .helpNewCause: return ("Ny orsak: under den markerade orsaken (varför?), annars en direkt orsak", "New cause: under the selected cause (why?), else a direct cause")
        case .helpDeleteCause: return ("Ta bort den markerade orsaken och orsakerna under den", "Delete the selected cause and the causes under it")
        case .helpNewActivity: return ("Ny aktivitet", "New activity")
        case .helpNewGoal: return ("Nytt mål", "New goal")
        case .helpNewFollowUp: return ("Ny uppföljning", "New follow-up entry")
        case .helpWsEdit: return ("Ändra den markerade raden", "Edit the selected row")
        case .helpWsDelete: return ("Ta bort den markerade raden", "Delete the selected row")
        case .helpNextActivityStatus: return ("Byt status på den markerade aktiviteten", "Change the status of the selected activity")
        case .helpWsEditPromise: return ("Skriv i löftets avsnitt", "Write the promise's sections")
        case .helpDraftPromise: return ("Fyll tomma avsnitt med ett utkast ur fokusområden, problem, aktiviteter och mål (ifyllda avsnitt lämnas orörda)", "Fill empty sections with a draft from the chain (filled sections are left alone)")
        case .helpCloseTrace: return ("Stäng", "Close")
        case .wsTitle: return ("Analys", "Analysis")
        case .wsLoading: return ("Läser in …", "Loading …")
        case .wsTabAreas: return ("Fokusområden", "Focus areas")
        case .wsTabProblem: return ("Problem och orsaker", "Problem and causes")
        case .wsTabActivities: return ("Aktiviteter", "Activities")
        case .wsTabGoals: return ("Mål", "Goals")
        case .wsTabPromise: return ("Medborgarlöfte", "Citizen promise")
        case .wsTabFollowUp: return ("Uppföljning", "Follow-up")
        case .wsNothingSelected: return ("Ingen rad är markerad", "No row is selected")
        case .wsNoAreas: return ("Inga fokusområden ännu – de skapas i mötenas klustringssteg", "No focus areas yet – meetings make them in their clustering steps")
        case .wsSelectCause: return ("Markera en orsak först", "Select a cause first")
        case .wsDraftNothing: return ("Alla avsnitt är redan ifyllda; töm ett avsnitt för att få ett nytt utkast", "Every section is filled; empty a section to get a new draft")
        case .wsDraftFilled: return ("Utkast i tomma avsnitt", "Drafted empty sections")
        case .wsNeedsMeeting: return ("Cykeln har inga möten ännu; aktiviteter sparas under ett möte", "The cycle has no meetings yet; activities are filed under a meeting")
        case .wsSaved: return ("Sparat", "Saved")
        case .wsNo: return ("nej", "no")
        case .wsYes: return ("ja", "yes")
        case .wsNoSuchActivity: return ("ingen aktivitet med nummer", "no activity numbered")
        case .wsDependencyCycle: return ("Beroendena skulle gå i cirkel", "The dependencies would go round in a circle")
        case .wsNoPromiseAreas: return ("Inget fokusområde är valt för löftet ({togglePromise} på fliken Fokusområden)", "No focus area is chosen for the promise ({togglePromise} on the focus areas tab)")
        case .wsNoAreaLinked: return ("Inte kopplad till något fokusområde", "Not linked to a focus area")
        case .wsFocusArea: return ("Fokusområde", "Focus area")
        case .wsAreaName: return ("Namn", "Name")
        case .wsAreaType: return ("Typ", "Type")
        case .wsTargetPicture: return ("Målbild", "Target picture")
        case .wsLeadsToPromise: return ("Leder till medborgarlöfte", "Leads to the citizen promise")
        case .wsCause: return ("Orsak", "Cause")
        case .wsEvidence: return ("Hur vet vi det?", "How do we know?")
        case .wsActivityWhat: return ("Aktivitet (vad)", "Activity (what)")
        case .wsActivityHow: return ("Hur", "How")
        case .wsOrganisation: return ("Ansvarig organisation", "Responsible organisation")
        case .wsResponsible: return ("Ansvarig person", "Responsible person")
        case .wsSequence: return ("Ordning", "Order")
        case .wsDependsOn: return ("Beror på (nr)", "Depends on (no.)")
        case .wsEffectTerm: return ("Effekt", "Effect")
        case .wsTriangleSide: return ("Triangelns sida", "Side of the triangle")
        case .wsCitizens: return ("Medborgare deltar", "Citizens take part")
        case .wsPriority: return ("Prioritet", "Priority")
        case .wsStatus: return ("Status", "Status")
        case .wsGoalKind: return ("Måltyp", "Kind of goal")
        case .wsGoalText: return ("Mål", "Goal")
        case .wsIndicator: return ("Indikator", "Indicator")
        case .wsBaseline: return ("Utgångsvärde", "Baseline")
        case .wsTarget: return ("Målvärde", "Target value")
        case .wsDeadline: return ("Klart senast", "Deadline")
        case .wsOwner: return ("Följs upp av", "Followed up by")
        case .wsGoalActivities: return ("Aktiviteter (nr)", "Activities (no.)")
        case .wsGoalAccepted: return ("Accepterat (SMART:s A)", "Accepted (SMART's A)")
        case .wsWholePromise: return ("Löftet som helhet", "The promise as a whole")
        case .wsActivity: return ("Aktivitet", "Activity")
        case .wsGoal: return ("Mål", "Goal")
        case .wsConcerns: return ("Avser", "Concerns")
        case .wsAspect: return ("Uppföljning av", "Follow-up of")
        case .wsMeasured: return ("Uppmätt värde", "Measured value")
        case .wsWhy: return ("Hur det gick och varför", "How it went and why")
        case .promisePurpose: return ("Syfte", "Purpose")
        case .promiseJointPicture: return ("Gemensam lägesbild", "Joint picture")
        case .promiseFocus: return ("Fokusområde, hur det togs fram", "Focus area, how it was chosen")
        case .promiseActivities: return ("Aktiviteter och period", "Activities and period")
        case .promiseEffects: return ("Eftersträvade effekter", "Effects sought")
        case .promiseFollow: return ("Så följer medborgarna arbetet", "How residents follow the work")
        case .promiseSignatories: return ("Underskrifter", "Signatories")
        case .promiseOwner: return ("Ansvarig för löftena", "Responsible for the promises")
        case .promiseTitle: return ("Rubrik (tomt: områdets namn)", "Title (empty: the area's name)")
        case .promiseDate: return ("Datum", "Date")
        case .promisePlace: return ("Ort", "Place")
        case .promiseDiaryNumber: return ("Diarienummer", "Diary number")
        case .promiseDecision: return ("Beslut (i st. f. underskrift)", "Decision (instead of signing)")
        case .promiseContact: return ("Kontakt (publik)", "Contact (public)")
        case .promiseValidity: return ("Löftesperiod", "Promise period")
        case .evInternal: return ("intern diskussion", "internal discussion")
        case .evInterviews: return ("intervjuer", "interviews")
        case .evSurvey: return ("enkät", "survey")
        case .evObservation: return ("observation", "observation")
        case .evStatistics: return ("statistik", "statistics")
        case .termImmediate: return ("omedelbar", "immediate")
        case .termLong: return ("långsiktig", "long-term")
        case .statusPlannedActivity: return ("planerad", "planned")
        case .statusOngoing: return ("pågår", "ongoing")
        case .statusDone: return ("genomförd", "done")
        case .statusCancelled: return ("inställd", "cancelled")
        case .statusNotDone: return ("inte genomförd", "not done")
        case .aspectResource: return ("resurs och aktivitet", "resources and activity")
        case .aspectPerformance: return ("prestation (kvalitet)", "performance (quality)")
        case .aspectEffect: return ("effekt", "effect")
        case .wsDots: return ("prickar", "dots")
        case .wsNotesCount: return ("anteckningar", "notes")
        case .wsPromiseMark: return ("löfte", "promise")
        case .wsPromiseStructureHint:
            return ("En rad med ”## ” först blir en rubrik, ”- ” en punkt, ”1. ” en numrerad punkt.",
                    "A line starting “## ” is a heading, “- ” a point, “1. ” a numbered point.")
        case .wsRank: return ("Prio", "Rank")
        case .wsProblemDescribed: return ("problem beskrivet", "problem described")
        case .wsProblemMissing: return ("inget problem beskrivet", "no problem described")
        case .wsCausesHeading: return ("Orsaksanalys – fråga varför, upp till fem gånger", "Cause analysis – ask why, up to five times")
        case .wsNoCauses: return ("Inga orsaker ännu. {wsNew} lägger till en orsak; {wsNew} på en orsak frågar varför? ett steg till.", "No causes yet. {wsNew} adds a cause; {wsNew} on a cause asks why? one level further.")
        case .wsEmptyActivities: return ("Inga aktiviteter ännu. {wsNew} lägger till en.", "No activities yet. {wsNew} adds one.")
        case .wsEmptyGoals: return ("Inga mål ännu. {wsNew} lägger till ett.", "No goals yet. {wsNew} adds one.")
        case .wsEmptyFollowUps: return ("Ingen uppföljning ännu. {wsNew} lägger till en.", "No follow-up yet. {wsNew} adds one.")
        case .wsSmartOk: return ("uppfyller SMART", "meets SMART")
        case .wsServes: return ("Tjänar målet", "Serves the goal")
        case .wsTraceTitle: return ("Spårbarhet: kedjan tillbaka till anteckningarna", "Traceability: the chain back to the notes")
        case .wsNotesFrom: return ("Anteckningar", "Notes")
        case .wsOrderColumn: return ("Nr", "No.")
        case .wsAfterColumn: return ("Efter", "After")
        case .wsDot: return ("prick", "dot")
        case .wsNote: return ("anteckning", "note")
        case .wsNotFollowedUp: return ("ingen ännu", "none yet")
        case .wsCauseOf: return ("Orsak till", "Cause of")
        case .wsEmptySection: return ("– tomt –", "– empty –")
        case .wsCommitmentsHeading: return ("Åtaganden att följa upp", "Commitments to follow up")
        case .wsNoCommitments: return ("Cykeln har inga aktiviteter eller mål ännu", "The cycle has no activities or goals yet")
        case .wsLatest: return ("uppföljning", "follow-up")
        case .confirmDeleteCause: return ("Ta bort orsaken och orsakerna under den?", "Delete the cause and the causes under it?")
        case .confirmDeleteGoal: return ("Ta bort målet?", "Delete the goal?")
        case .confirmDeleteFollowUp: return ("Ta bort uppföljningen?", "Delete the follow-up entry?")
        case .confirmOverwrite: return ("Filen finns redan. Skriva över den?", "The file already exists. Write over it?")
        case .homeMeeting: return ("Möte", "Meeting")
        case .keyExport: return ("Exportera", "Export")
        case .helpOpenExport: return ("Skriv ett dokument om det markerade mötet eller cykeln (sammanfattning, återkoppling, lägesbild, analys, plan, löfte, kvalitetsrapport)", "Write a document about the selected meeting or cycle (summary, feedback, situation picture, analysis, plan, promise, quality report)")
        case .helpOpenExportCycle: return ("Skriv ett dokument om cykeln: lägesbild, analys, aktivitetsplan, medborgarlöfte eller kvalitetsrapport", "Write a document about the cycle: situation picture, analysis, activity plan, citizen promise or quality report")
        case .formExport: return ("Exportera", "Export")
        case .exportDocument: return ("Dokument", "Document")
        case .exportFormat: return ("Format", "Format")
        case .exportRedact: return ("Dölj personuppgifter", "Redact personal data")
        case .exportOutput: return ("Spara som", "Save as")
        case .exportOutputHint: return ("Tomt: ett namn efter mötet eller cykeln och dokumentet, i mappen där samtal startades. Exporten körs i bakgrunden.", "Empty: a name from the meeting or cycle and the document, in the folder samtal was started from. The export runs in the background.")
        case .exportLoading: return ("läser möte", "reading meeting")
        case .exportRendering: return ("skriver dokumentet", "writing the document")
        case .exportConverting: return ("konverterar", "converting")
        case .exportBusy: return ("Exporterar", "Exporting")
        case .exportDone: return ("Exporterat", "Exported")
        case .exportPersonalData: return ("anteckningar kan innehålla personuppgifter", "notes may hold personal data")
        case .keyExclude: return ("Ute", "Out")
        case .keyApprove: return ("Med", "In")
        case .exportPersonalDataOne: return ("anteckning kan innehålla personuppgifter", "note may hold personal data")
        case .helpToggleApproved: return ("Publicera anteckningen (som den står eller förkortad); igen: ångra", "Publish the note (as written or shortened); again: undo")
        case .reviewFlaggedWaiting: return ("anteckningar med ⚠ väntar på ditt beslut: m tar med, x utesluter, F4 förkortar", "notes marked ⚠ wait for your decision: m keeps, x excludes, F4 shortens")
        case .reviewStillPersonal: return ("Sparat, men texten har kvar personuppgifter och publiceras inte", "Saved, but the text still holds personal data and will not be published")
        case .reviewLegend: return ("med = publiceras · utesluten = du tog bort den · utelämnas = har personuppgifter, publiceras inte · ej granskad = väntar på beslut", "in = published · excluded = you took it out · left out = holds personal data, not published · not reviewed = waits for a decision")
        case .exportRecordsNotPublic: return ("JSON och CSV skriver alla poster (internt), inte den offentliga återkopplingen: välj HTML, PDF, Word eller Markdown", "JSON and CSV write every record (internal), not the public feedback: choose HTML, PDF, Word or Markdown")
        case .keyMonth: return ("Månad", "Month")
        case .keyScroll: return ("Bläddra", "Scroll")
        case .keyReadAgain: return ("Läs om", "Read again")
        case .helpMonthBack: return ("Månaden före", "The month before")
        case .helpMonthForward: return ("Månaden efter", "The month after")
        case .helpRegionUp: return ("En rad upp", "One line up")
        case .helpRegionDown: return ("En rad ner", "One line down")
        case .helpRegionPageUp: return ("En sida upp", "One page up")
        case .helpRegionPageDown: return ("En sida ner", "One page down")
        case .helpReadAgain: return ("Läs regionen igen nu (vyn läser också av sig själv när en kommun publicerar)",
                                     "Read the region again now (the view also reads by itself when a municipality publishes)")
        case .helpQuitRegion: return ("Avsluta (regionen ändras inte)", "Quit (the region is not changed)")
        case .regionRetrying: return ("försöker igen om en stund", "trying again in a moment")
        case .regionShowingFrom: return ("visar det som lästes", "showing what was read at")
        case .keyShorten: return ("Förkorta", "Shorten")
        case .keyPublish: return ("Publicera", "Publish")
        case .helpReviewUp: return ("Föregående anteckning", "Previous note")
        case .helpReviewDown: return ("Nästa anteckning", "Next note")
        case .helpToggleExcluded: return ("Utesluta anteckningen ur återkopplingen; igen: ångra", "Exclude the note from the feedback; again: undo")
        case .helpEditReviewText: return ("Skriva en kortare text för återkopplingen (anteckningen själv ändras inte)", "Write a shorter text for the feedback (the note itself is not changed)")
        case .helpSaveReviewText: return ("Spara den kortare texten (tom: anteckningen utesluts)", "Save the shorter text (empty: the note is excluded)")
        case .helpPublishReview: return ("Publicera de ej granskade anteckningarna utan ⚠ och skriv återkopplingen (de med ⚠ beslutar du en och en)", "Publish the unreviewed notes without ⚠ and write the feedback (those with ⚠ you decide one by one)")
        case .helpCloseReview: return ("Avbryt: inget skrivs (det som redan beslutats sparas)", "Cancel: nothing is written (the decisions made are kept)")
        case .reviewCancelled: return ("Återkopplingen skrevs inte; granskningen är sparad", "The feedback was not written; the review is kept")
        case .reviewTitle: return ("Granska återkopplingen", "Review the feedback")
        case .reviewIntro: return ("Återkopplingen är offentlig. Gå igenom varje anteckning den skulle visa: ta med, förkorta eller utesluta.", "The feedback is public. Go through every note it would show: keep, shorten or exclude.")
        case .reviewPublished: return ("med", "in")
        case .reviewExcluded: return ("utesluten", "excluded")
        case .reviewUnreviewed: return ("ej granskad", "not reviewed")
        case .reviewStaysOut: return ("utelämnas", "left out")
        case .reviewNameAddress: return ("namn och adress?", "name and address?")
        case .reviewNameAge: return ("namn och ålder?", "name and age?")
        case .reviewInternalName: return ("antecknarens namn", "a note-taker's name")
        case .reviewShortened: return ("förkortad", "shortened")
        case .reviewEditing: return ("Kortare text (Enter sparar, Esc avbryter):", "Shorter text (Enter saves, Esc cancels):")
        case .reviewPublishing: return ("publiceras som det står nu", "published as things stand")
        case .reviewCountNotes: return ("anteckningar", "notes")
        case .helpRetireCycle: return ("Arkivera den markerade cykeln (den försvinner från listan, inget raderas), eller ta tillbaka en arkiverad", "Retire the selected cycle (it leaves the list, nothing is deleted), or bring a retired one back")
        case .helpToggleRetired: return ("Visa eller dölj arkiverade cykler", "Show or hide retired cycles")
        case .retireSelectCycle: return ("Markera en cykel för att arkivera den", "Select a cycle to retire it")
        case .cycleRestored: return ("Cykeln är tillbaka", "The cycle is back")
        case .cycleSaved: return ("Cykeln är sparad", "The cycle is saved")
        case .cycleRetired: return ("Cykeln är arkiverad; v visar arkiverade cykler", "The cycle is retired; v shows retired cycles")
        case .showingRetired: return ("Visar arkiverade cykler (v döljer dem)", "Showing retired cycles (v hides them)")
        case .hidingRetired: return ("Arkiverade cykler dolda (v visar dem)", "Retired cycles hidden (v shows them)")
        case .confirmRetireCycle: return ("Arkivera cykeln? Den försvinner från startsidan med allt som hör till den; inget raderas, och v visar den igen.", "Retire the cycle? It leaves the home screen with everything that belongs to it; nothing is deleted, and v shows it again.")
        case .retiredMark: return ("arkiverad", "retired")
        case .formEditCycle: return ("Ändra cykel", "Edit cycle")
        case .reviewCountExcluded: return ("uteslutna", "excluded")
        case .reviewCountUnreviewed: return ("ej granskade", "not reviewed")
        }
    }
}
