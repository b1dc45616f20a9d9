// The one keymap table. Dispatch, the bottom key bar and the help screen
// are all read from `Keymap.bindings`, so they cannot drift apart.

/// Where a key is read: each screen and dialog has its own bindings, and
/// `.global` bindings apply everywhere unless a context binds the key itself.
public enum KeyContext: String, Sendable, CaseIterable {
    case global, home, run, form, help, confirm
    // The step kinds with their own interaction; each falls back to `.run`.
    case cluster, vote, checklist, rating, summary, problem, activities, goals, followUp
    /// A note-taker's station (its group fixed, following the facilitator)
    /// and the projector view (shows only).
    case station, projector
    /// A station in a vote step with dots per group: it casts its group's.
    case stationVote
    /// A station in a problem step: it writes its group's focus area's
    /// description.
    case stationProblem
    /// A station in an activities step: it proposes its group's activities.
    case stationActivities
    /// A station in a step where the facilitator works alone (a cluster, a
    /// rating, a checklist, a summary, goals, follow-up, a vote whose dots
    /// are per participant) or after the meeting: it shows, types nothing.
    case stationWatch
    /// A vote whose dots are per participant: no group to switch between.
    case voteTogether
    /// The analysis workspace: common keys, one context per tab, and the
    /// trace view.
    case workspace, workspaceAreas, workspaceProblem, workspaceActivities, workspaceGoals, workspacePromise, workspaceFollowUp
    case trace
    /// The public feedback's review: every note it would print.
    case review
    /// A form over the workspace: the form's keys without the participant rows.
    case recordForm
    /// The county's live view (`samtal region`): it only shows, so letters
    /// are safe twins of its F-keys.
    case region

    /// The parent's actions that make no sense here: a step with its own
    /// interaction has no note list to select, edit or type into.
    public var hiddenFromParent: Set<Action> {
        switch self {
        case .cluster, .vote, .checklist, .rating, .summary, .problem, .activities, .goals, .followUp:
            return [.nextGroup, .previousGroup, .nextNoteType, .saveNote, .selectPreviousNote, .selectNextNote, .editNote, .deleteNote,
                    .toggleHidden, .keepPersonalData, .nextSource]
        case .recordForm:
            return [.addParticipant, .removeParticipant]
        case .station:
            // The facilitator moves the steps and moderates; a station types.
            return Self.stationHidden
        case .stationVote:
            // … and in a vote, places its own group's dots …
            return Self.stationHidden.union(KeyContext.vote.hiddenFromParent).union([.nextVoter, .previousVoter])
        case .stationProblem:
            // … writes a problem description …
            return Self.stationHidden.union(KeyContext.problem.hiddenFromParent).union([.assignGroupArea])
        case .stationActivities:
            // … or proposes activities; deleting one is the facilitator's.
            return Self.stationHidden.union(KeyContext.activities.hiddenFromParent).union([.deleteActivity, .assignGroupArea])
        case .stationWatch:
            // … or, where it has nothing to type, only shows.
            return Self.stationHidden.union(KeyContext.cluster.hiddenFromParent)
        case .voteTogether:
            return KeyContext.vote.hiddenFromParent.union([.nextVoter, .previousVoter])
        default:
            return []
        }
    }

    static let stationHidden: Set<Action> = [.nextGroup, .previousGroup, .nextStep, .previousStep, .finishMeeting, .backHome,
                                             .toggleHidden, .keepPersonalData, .toggleTalkingPoints, .nextTalkingPoints, .turnWall]

    /// The meeting screen, a step kind's or a station's: its chain of
    /// parents reaches `.run`.
    public var isMeetingScreen: Bool {
        var c: KeyContext? = self
        while let current = c {
            if current == .run { return true }
            c = current.parent
        }
        return false
    }

    /// Where a key not bound here is looked up next.
    public var parent: KeyContext? {
        switch self {
        case .global: return nil
        case .cluster, .vote, .checklist, .rating, .summary, .problem, .activities, .goals, .followUp, .station: return .run
        // A station's step: the kind's keys, less what only the facilitator does.
        case .stationVote: return .vote
        case .stationProblem: return .problem
        case .stationActivities: return .activities
        case .stationWatch: return .run
        case .voteTogether: return .vote
        case .workspaceAreas, .workspaceProblem, .workspaceActivities, .workspaceGoals, .workspacePromise, .workspaceFollowUp:
            return .workspace
        case .recordForm: return .form
        default: return .global
        }
    }
}

public enum Action: String, Sendable, CaseIterable {
    // global
    case help, quit, suspend
    // home
    case homeUp, homeDown, homeNextCycle, homePreviousCycle, homeFirst, homeLast, openMeeting, newCycle, newMeeting, editFacts, openWorkspace, openExport, retireCycle, toggleRetired
    // run
    case toggleTalkingPoints, nextGroup, previousGroup, nextNoteType, saveNote
    case selectPreviousNote, selectNextNote, editNote, deleteNote, nextSource
    case nextStep, previousStep, finishMeeting, backHome, cancel, keepPersonalData, toggleHidden
    // form
    case nextField, previousField, choiceNext, choicePrevious, addParticipant, removeParticipant, saveForm, cancelForm
    // help
    case closeHelp, scrollHelpDown, scrollHelpUp
    // confirm
    case confirmYes, confirmNo
    // cluster
    case switchPane, clusterUp, clusterDown, clusterEnter, nextAreaType, renameArea, mergeArea, deleteArea
    case editTargetPicture, toggleAreaPromise, splitArea, moveNoteToArea
    // vote
    case voteUp, voteDown, addDot, undoDot, nextVoter, previousVoter
    // checklist
    case itemUp, itemDown, toggleItem, saveField
    // rating
    case nextRatingValue, previousRatingValue, switchRatingField
    // summary
    case nextSummaryKind, nextSummaryField, previousSummaryField, deleteSummaryItem, addItem, editSummaryItem
    // problem
    case nextProblemArea
    // activities
    case nextActivityField, previousActivityField, nextPriority, nextActivityArea, editActivity, deleteActivity
    case nextActivitySide, nextEffectTerm, toggleCitizens
    // rating: contributions; run: the talking points' next page
    case nextContributor, deleteContribution, nextTalkingPoints
    // problem and activities: a group's focus area; run: the wall's next page
    case assignGroupArea, turnWall
    // goals
    case nextGoalField, previousGoalField, nextGoalKind, nextGoalArea, nextGoalActivity, toggleGoalAccepted, editGoal, deleteGoal
    // follow-up
    case nextFollowUpField, previousFollowUpField, nextFollowUpStatus
    // analysis workspace
    case nextTab, previousTab, wsUp, wsDown, trace, wsEdit, wsNew, wsDelete
    case openProblem, togglePromise, nextActivityStatus, draftPromise, wsMerge, wsSplit
    // the public feedback's review
    case toggleExcluded, toggleApproved, editReviewText, saveReviewText, publishReview, closeReview
    // the county's live view
    case monthBack, monthForward, regionUp, regionDown, regionPageUp, regionPageDown, readAgain
}

public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var action: Action
    public var context: KeyContext
    /// Short label for the key bar; nil keeps the binding out of the bar
    /// (it still shows in help).
    public var barLabel: TextKey?
    public var help: TextKey

    public init(_ keys: [Key], _ action: Action, _ context: KeyContext, bar: TextKey? = nil, help: TextKey) {
        self.keys = keys
        self.action = action
        self.context = context
        self.barLabel = bar
        self.help = help
    }
}

public enum Keymap {
    /// Every binding: the table below, with the meeting screen's Ctrl twins
    /// added to its F-keys.
    public static let bindings: [KeyBinding] = table.map { binding in
        guard binding.context.isMeetingScreen else { return binding }
        var binding = binding
        for case .function(let n) in binding.keys {
            if let twin = meetingTwins[n], !binding.keys.contains(twin) { binding.keys.append(twin) }
        }
        return binding
    }

    /// On the meeting screen letters are text, so for terminals without
    /// F-keys (a phone's ssh client, some web terminals) each of its F-keys
    /// has a Ctrl twin, whatever the F-key does in the step's kind: F2 is
    /// also Ctrl-B, F4 Ctrl-R (redigera), F6 Ctrl-Q (back home: the
    /// gentle meaning of "quit"), F7 Ctrl-V (visa/dölj), F8 Ctrl-X, F9
    /// Ctrl-Y (asks first). F3 is Ctrl-T in the table itself.
    public static let meetingTwins: [Int: Key] = [2: .ctrl("b"), 4: .ctrl("r"), 6: .ctrl("q"), 7: .ctrl("v"), 8: .ctrl("x"), 9: .ctrl("y")]

    static let table: [KeyBinding] = [
        // Home screen: letter twins are safe here, nothing is typed.
        KeyBinding([.function(1), .char("?")], .help, .home, bar: .keyHelp, help: .helpHelp),
        KeyBinding([.up, .char("k")], .homeUp, .home, help: .helpHomeUp),
        KeyBinding([.down, .char("j")], .homeDown, .home, help: .helpHomeDown),
        KeyBinding([.pageDown], .homeNextCycle, .home, help: .helpHomeNextCycle),
        KeyBinding([.pageUp], .homePreviousCycle, .home, help: .helpHomePreviousCycle),
        KeyBinding([.home], .homeFirst, .home, help: .helpHomeFirst),
        KeyBinding([.end], .homeLast, .home, help: .helpHomeLast),
        KeyBinding([.enter], .openMeeting, .home, bar: .keyOpen, help: .helpOpenMeeting),
        KeyBinding([.function(2), .char("n")], .newCycle, .home, bar: .keyNewCycle, help: .helpNewCycle),
        KeyBinding([.function(3), .char("m")], .newMeeting, .home, bar: .keyNewMeeting, help: .helpNewMeeting),
        KeyBinding([.function(5), .char("a")], .openWorkspace, .home, bar: .keyAnalysis, help: .helpOpenWorkspace),
        KeyBinding([.function(4), .char("e")], .editFacts, .home, bar: .keyFacts, help: .helpEditFacts),
        KeyBinding([.function(7), .char("x")], .openExport, .home, bar: .keyExport, help: .helpOpenExport),
        KeyBinding([.function(8), .char("d")], .retireCycle, .home, help: .helpRetireCycle),
        KeyBinding([.char("v")], .toggleRetired, .home, help: .helpToggleRetired),
        KeyBinding([.function(10), .char("q")], .quit, .home, bar: .keyQuit, help: .helpQuit),

        // Running a meeting: the input line is always live, so every action
        // is on a function key, Tab, or a Ctrl chord.
        KeyBinding([.function(1)], .help, .run, bar: .keyHelp, help: .helpHelp),
        KeyBinding([.function(2)], .toggleTalkingPoints, .run, bar: .keyTalkingPoints, help: .helpTalkingPoints),
        // Named in the talking points' title when they do not fit.
        KeyBinding([.ctrl("p")], .nextTalkingPoints, .run, help: .helpNextTalkingPoints),
        // The projector's wall: the next page, held a while.
        KeyBinding([.ctrl("e")], .turnWall, .run, help: .helpTurnWall),
        KeyBinding([.tab], .nextGroup, .run, bar: .keyGroup, help: .helpNextGroup),
        KeyBinding([.backTab], .previousGroup, .run, help: .helpPreviousGroup),
        KeyBinding([.function(3), .ctrl("t")], .nextNoteType, .run, bar: .keyType, help: .helpNextType),
        KeyBinding([.enter], .saveNote, .run, help: .helpSaveNote),
        KeyBinding([.pageDown], .nextStep, .run, bar: .keySteps, help: .helpNextStep),
        KeyBinding([.pageUp], .previousStep, .run, help: .helpPreviousStep),
        KeyBinding([.up], .selectPreviousNote, .run, help: .helpSelectPrevious),
        KeyBinding([.down], .selectNextNote, .run, help: .helpSelectNext),
        KeyBinding([.function(4)], .editNote, .run, bar: .keyEdit, help: .helpEditNote),
        KeyBinding([.function(8)], .deleteNote, .run, bar: .keyDelete, help: .helpDeleteNote),
        KeyBinding([.ctrl("k")], .keepPersonalData, .run, help: .helpKeepPersonalData),
        KeyBinding([.function(9)], .finishMeeting, .run, bar: .keyFinish, help: .helpFinish),
        KeyBinding([.function(6)], .backHome, .run, bar: .keyHome, help: .helpBackHome),
        KeyBinding([.function(5)], .nextSource, .run, bar: .keySource, help: .helpNextSource),
        // In the bar (the fifteenth walk found it in none), last: the label
        // left out first where the bar is short.
        KeyBinding([.function(7)], .toggleHidden, .run, bar: .keyHideNote, help: .helpToggleHidden),
        KeyBinding([.escape], .cancel, .run, help: .helpCancelRun),
        KeyBinding([.function(10)], .quit, .run, bar: .keyQuit, help: .helpQuit),

        // Forms (new cycle, new meeting, method facts).
        KeyBinding([.function(1)], .help, .form, bar: .keyHelp, help: .helpHelp),
        KeyBinding([.tab, .down, .enter], .nextField, .form, bar: .keyNextField, help: .helpNextField),
        KeyBinding([.backTab, .up], .previousField, .form, help: .helpPreviousField),
        KeyBinding([.right], .choiceNext, .form, help: .helpChoice),
        KeyBinding([.left], .choicePrevious, .form, help: .helpChoice),
        KeyBinding([.function(4)], .addParticipant, .form, bar: .keyAddRow, help: .helpAddRow),
        KeyBinding([.function(8)], .removeParticipant, .form, bar: .keyRemoveRow, help: .helpRemoveRow),
        KeyBinding([.function(9), .ctrl("s")], .saveForm, .form, bar: .keySave, help: .helpSaveForm),
        KeyBinding([.escape], .cancelForm, .form, bar: .keyCancel, help: .helpCancelForm),

        // Cluster: notes on the left, candidate focus areas on the right.
        KeyBinding([.tab, .backTab], .switchPane, .cluster, bar: .keyPane, help: .helpSwitchPane),
        KeyBinding([.up], .clusterUp, .cluster, help: .helpClusterUp),
        KeyBinding([.down], .clusterDown, .cluster, help: .helpClusterDown),
        KeyBinding([.enter], .clusterEnter, .cluster, help: .helpClusterEnter),
        KeyBinding([.function(3), .ctrl("t")], .nextAreaType, .cluster, bar: .keyAreaType, help: .helpNextAreaType),
        KeyBinding([.function(4)], .renameArea, .cluster, bar: .keyRename, help: .helpRenameArea),
        KeyBinding([.function(7)], .mergeArea, .cluster, bar: .keyMerge, help: .helpMergeArea),
        KeyBinding([.function(8)], .deleteArea, .cluster, bar: .keyDelete, help: .helpDeleteArea),
        // Then the area's key (1–9, a–z, as the areas list shows them).
        KeyBinding([.ctrl("f")], .moveNoteToArea, .cluster, bar: .keyMoveTo, help: .helpMoveNoteToArea),
        // The joint meeting's: a target picture for each area, and which
        // areas lead to promises (001 lines 669-672).
        // Their hints stand on the areas list of a cycle-wide cluster step.
        KeyBinding([.function(5)], .editTargetPicture, .cluster, help: .helpEditTargetPicture),
        KeyBinding([.ctrl("d")], .splitArea, .cluster, help: .helpSplitArea),
        KeyBinding([.ctrl("l")], .toggleAreaPromise, .cluster, help: .helpToggleAreaPromise),

        // Vote: dots on the focus areas, a live tally.
        KeyBinding([.up], .voteUp, .vote, help: .helpVoteUp),
        KeyBinding([.down], .voteDown, .vote, help: .helpVoteDown),
        KeyBinding([.enter, .char("+"), .char(" ")], .addDot, .vote, bar: .keyAddDot, help: .helpAddDot),
        KeyBinding([.backspace, .char("-")], .undoDot, .vote, bar: .keyUndo, help: .helpUndoDot),
        KeyBinding([.tab], .nextVoter, .vote, bar: .keyGroup, help: .helpNextVoter),
        KeyBinding([.backTab], .previousVoter, .vote, help: .helpPreviousVoter),

        // Checklist: items with done / not done and a comment.
        KeyBinding([.up], .itemUp, .checklist, help: .helpItemUp),
        KeyBinding([.down], .itemDown, .checklist, help: .helpItemDown),
        KeyBinding([.function(3), .ctrl("t")], .toggleItem, .checklist, bar: .keyToggle, help: .helpToggleItem),
        KeyBinding([.enter], .saveField, .checklist, help: .helpSaveComment),

        // Rating: each question on the agenda's scale, with observations and a comment.
        KeyBinding([.up], .itemUp, .rating, help: .helpItemUp),
        KeyBinding([.down], .itemDown, .rating, help: .helpItemDown),
        KeyBinding([.function(3), .ctrl("t")], .nextRatingValue, .rating, bar: .keyValue, help: .helpNextRatingValue),
        KeyBinding([.function(5)], .previousRatingValue, .rating, help: .helpPreviousRatingValue),
        KeyBinding([.tab, .backTab], .switchRatingField, .rating, bar: .keyField, help: .helpSwitchRatingField),
        KeyBinding([.enter], .saveField, .rating, help: .helpSaveRatingField),
        KeyBinding([.function(7)], .nextContributor, .rating, help: .helpNextContributor), // named in the question panel
        KeyBinding([.function(8)], .deleteContribution, .rating, help: .helpDeleteContribution),

        // Summary: decisions, next steps (who, when), what goes on.
        KeyBinding([.up], .itemUp, .summary, help: .helpItemUp),
        KeyBinding([.down], .itemDown, .summary, help: .helpItemDown),
        KeyBinding([.function(3), .ctrl("t")], .nextSummaryKind, .summary, bar: .keyType, help: .helpNextSummaryKind),
        KeyBinding([.enter], .addItem, .summary, help: .helpAddSummaryItem),
        KeyBinding([.tab], .nextSummaryField, .summary, bar: .keyField, help: .helpNextSummaryField),
        KeyBinding([.backTab], .previousSummaryField, .summary, help: .helpPreviousSummaryField),
        KeyBinding([.function(4)], .editSummaryItem, .summary, bar: .keyEdit, help: .helpEditSummaryItem),
        KeyBinding([.function(8)], .deleteSummaryItem, .summary, bar: .keyDelete, help: .helpDeleteSummaryItem),

        // Problem: the description, the why-chain and the triangle for one focus area.
        KeyBinding([.up, .backTab], .itemUp, .problem, help: .helpProblemUp),
        KeyBinding([.down, .tab], .itemDown, .problem, bar: .keyField, help: .helpProblemDown),
        KeyBinding([.enter], .saveField, .problem, help: .helpSaveProblemField),
        KeyBinding([.function(3), .ctrl("t")], .nextProblemArea, .problem, bar: .keyFocusArea, help: .helpNextProblemArea),
        // Then the group's number: the group's station works on this area.
        // Named on the problem panel, not the bar (where the steps' keys must stay).
        KeyBinding([.ctrl("g")], .assignGroupArea, .problem, help: .helpGiveArea),

        // Activities: what, who, when, priority, focus area.
        KeyBinding([.up], .itemUp, .activities, help: .helpItemUp),
        KeyBinding([.down], .itemDown, .activities, help: .helpItemDown),
        KeyBinding([.enter], .addItem, .activities, help: .helpSaveActivity),
        KeyBinding([.tab], .nextActivityField, .activities, bar: .keyField, help: .helpNextActivityField),
        KeyBinding([.backTab], .previousActivityField, .activities, help: .helpPreviousActivityField),
        KeyBinding([.function(3), .ctrl("t")], .nextPriority, .activities, bar: .keyPriority, help: .helpNextPriority),
        KeyBinding([.function(7)], .nextActivityArea, .activities, bar: .keyFocusArea, help: .helpNextActivityArea),
        KeyBinding([.ctrl("g")], .assignGroupArea, .activities, help: .helpGiveActivityArea),
        // The side of the triangle, the effect horizon and the citizens'
        // part: named with their keys in the activity panel, not the bar.
        KeyBinding([.function(5)], .nextActivitySide, .activities, help: .helpNextActivitySide),
        KeyBinding([.ctrl("o")], .nextEffectTerm, .activities, help: .helpNextEffectTerm),
        KeyBinding([.ctrl("n")], .toggleCitizens, .activities, help: .helpToggleCitizens),
        KeyBinding([.function(4)], .editActivity, .activities, bar: .keyEdit, help: .helpEditActivity),
        KeyBinding([.function(8)], .deleteActivity, .activities, bar: .keyDelete, help: .helpDeleteActivity),

        // Goals: the goal, its measure, who follows it up, its kind, focus
        // area and activity, and whether it is accepted.
        KeyBinding([.up], .itemUp, .goals, help: .helpItemUp),
        KeyBinding([.down], .itemDown, .goals, help: .helpItemDown),
        KeyBinding([.enter], .addItem, .goals, help: .helpSaveGoal),
        KeyBinding([.tab], .nextGoalField, .goals, bar: .keyField, help: .helpNextGoalField),
        KeyBinding([.backTab], .previousGoalField, .goals, help: .helpPreviousGoalField),
        KeyBinding([.function(3), .ctrl("t")], .nextGoalKind, .goals, bar: .keyGoalKind, help: .helpNextGoalKind),
        KeyBinding([.function(5)], .nextGoalActivity, .goals, bar: .keyGoalActivity, help: .helpNextGoalActivity),
        KeyBinding([.ctrl("g")], .toggleGoalAccepted, .goals, bar: .keyGoalAccepted, help: .helpToggleGoalAccepted),
        KeyBinding([.function(7)], .nextGoalArea, .goals, bar: .keyFocusArea, help: .helpNextGoalArea),
        KeyBinding([.function(4)], .editGoal, .goals, bar: .keyEdit, help: .helpEditGoal),
        KeyBinding([.function(8)], .deleteGoal, .goals, bar: .keyDelete, help: .helpDeleteGoal),

        // Follow-up: one activity at a time, its status and its fields.
        KeyBinding([.up], .itemUp, .followUp, help: .helpFollowUpUp),
        KeyBinding([.down], .itemDown, .followUp, help: .helpFollowUpDown),
        KeyBinding([.function(3), .ctrl("t")], .nextFollowUpStatus, .followUp, bar: .keyStatus, help: .helpNextFollowUpStatus),
        KeyBinding([.tab], .nextFollowUpField, .followUp, bar: .keyField, help: .helpNextFollowUpField),
        KeyBinding([.backTab], .previousFollowUpField, .followUp, help: .helpPreviousFollowUpField),
        KeyBinding([.enter], .saveField, .followUp, help: .helpSaveFollowUpField),

        // The analysis workspace: nothing is typed outside its forms, so
        // letters are safe twins of the function keys.
        KeyBinding([.function(1), .char("?")], .help, .workspace, bar: .keyHelp, help: .helpHelp),
        KeyBinding([.backTab, .left], .previousTab, .workspace, help: .helpPreviousTab),
        KeyBinding([.up, .char("k")], .wsUp, .workspace, help: .helpWsUp),
        KeyBinding([.down, .char("j")], .wsDown, .workspace, help: .helpWsDown),
        KeyBinding([.function(5), .char("t")], .trace, .workspace, bar: .keyTrace, help: .helpTrace),
        KeyBinding([.function(7), .char("x")], .openExport, .workspace, bar: .keyExport, help: .helpOpenExportCycle),
        KeyBinding([.function(6), .escape], .backHome, .workspace, bar: .keyHome, help: .helpBackHomeWs),
        // Tab last in the bar: on a narrow screen it goes first (everyone knows Tab).
        KeyBinding([.tab, .right], .nextTab, .workspace, bar: .keyTab, help: .helpNextTab),
        KeyBinding([.function(10), .char("q")], .quit, .workspace, bar: .keyQuit, help: .helpQuit),

        KeyBinding([.enter, .char("p")], .openProblem, .workspaceAreas, bar: .keyProblem, help: .helpOpenProblem),
        KeyBinding([.function(4), .char("e")], .wsEdit, .workspaceAreas, bar: .keyEdit, help: .helpWsEditArea),
        KeyBinding([.function(3), .char("l")], .togglePromise, .workspaceAreas, bar: .keyPromiseFlag, help: .helpTogglePromise),
        KeyBinding([.char("m")], .wsMerge, .workspaceAreas, help: .helpWsMerge),
        KeyBinding([.char("s")], .wsSplit, .workspaceAreas, help: .helpWsSplit),
        KeyBinding([.function(8), .char("d")], .wsDelete, .workspaceAreas, help: .helpWsRetireArea),

        KeyBinding([.enter, .function(4), .char("e")], .wsEdit, .workspaceProblem, bar: .keyEdit, help: .helpWsEditProblem),
        KeyBinding([.function(2), .char("n")], .wsNew, .workspaceProblem, bar: .keyNewCause, help: .helpNewCause),
        KeyBinding([.function(8), .char("d")], .wsDelete, .workspaceProblem, bar: .keyDelete, help: .helpDeleteCause),
        KeyBinding([.function(3), .char("f")], .nextProblemArea, .workspaceProblem, bar: .keyFocusArea, help: .helpNextProblemArea),

        KeyBinding([.function(2), .char("n")], .wsNew, .workspaceActivities, bar: .keyNew, help: .helpNewActivity),
        KeyBinding([.enter, .function(4), .char("e")], .wsEdit, .workspaceActivities, bar: .keyEdit, help: .helpWsEdit),
        KeyBinding([.function(3), .char("s")], .nextActivityStatus, .workspaceActivities, bar: .keyStatus, help: .helpNextActivityStatus),
        KeyBinding([.function(8), .char("d")], .wsDelete, .workspaceActivities, bar: .keyDelete, help: .helpWsDelete),

        KeyBinding([.function(2), .char("n")], .wsNew, .workspaceGoals, bar: .keyNew, help: .helpNewGoal),
        KeyBinding([.enter, .function(4), .char("e")], .wsEdit, .workspaceGoals, bar: .keyEdit, help: .helpWsEdit),
        KeyBinding([.function(8), .char("d")], .wsDelete, .workspaceGoals, bar: .keyDelete, help: .helpWsDelete),

        KeyBinding([.enter, .function(4), .char("e")], .wsEdit, .workspacePromise, bar: .keyEdit, help: .helpWsEditPromise),
        KeyBinding([.function(2), .char("u")], .draftPromise, .workspacePromise, bar: .keyDraft, help: .helpDraftPromise),

        KeyBinding([.function(2), .char("n")], .wsNew, .workspaceFollowUp, bar: .keyNew, help: .helpNewFollowUp),
        KeyBinding([.enter, .function(4), .char("e")], .wsEdit, .workspaceFollowUp, bar: .keyEdit, help: .helpWsEdit),
        KeyBinding([.function(8), .char("d")], .wsDelete, .workspaceFollowUp, bar: .keyDelete, help: .helpWsDelete),

        KeyBinding([.escape, .function(5), .char("q"), .enter], .closeHelp, .trace, bar: .keyClose, help: .helpCloseTrace),
        KeyBinding([.down, .pageDown, .char("j")], .scrollHelpDown, .trace, help: .helpScroll),
        KeyBinding([.up, .pageUp, .char("k")], .scrollHelpUp, .trace, help: .helpScroll),

        // The public feedback's review: nothing is typed until F4, so
        // letters are safe twins; while a text is edited only Enter and Esc
        // act, every other key is typed.
        KeyBinding([.up, .char("k")], .itemUp, .review, help: .helpReviewUp),
        KeyBinding([.down, .char("j")], .itemDown, .review, help: .helpReviewDown),
        KeyBinding([.function(2), .char("m"), .char(" ")], .toggleApproved, .review, bar: .keyApprove, help: .helpToggleApproved),
        KeyBinding([.function(3), .char("x")], .toggleExcluded, .review, bar: .keyExclude, help: .helpToggleExcluded),
        KeyBinding([.function(4), .char("e")], .editReviewText, .review, bar: .keyShorten, help: .helpEditReviewText),
        KeyBinding([.enter], .saveReviewText, .review, help: .helpSaveReviewText),
        KeyBinding([.function(9), .ctrl("s")], .publishReview, .review, bar: .keyPublish, help: .helpPublishReview),
        KeyBinding([.escape], .closeReview, .review, bar: .keyCancel, help: .helpCloseReview),

        // The county's live view (`samtal region`): it only shows.
        KeyBinding([.function(1), .char("?")], .help, .region, bar: .keyHelp, help: .helpHelp),
        KeyBinding([.left, .char("h")], .monthBack, .region, bar: .keyMonth, help: .helpMonthBack),
        KeyBinding([.right, .char("l")], .monthForward, .region, help: .helpMonthForward),
        KeyBinding([.up, .char("k")], .regionUp, .region, help: .helpRegionUp),
        KeyBinding([.down, .char("j")], .regionDown, .region, help: .helpRegionDown),
        KeyBinding([.pageUp, .char("b")], .regionPageUp, .region, help: .helpRegionPageUp),
        KeyBinding([.pageDown, .char(" ")], .regionPageDown, .region, bar: .keyScroll, help: .helpRegionPageDown),
        KeyBinding([.function(5), .char("r")], .readAgain, .region, bar: .keyReadAgain, help: .helpReadAgain),
        KeyBinding([.function(10), .char("q"), .escape], .quit, .region, bar: .keyQuit, help: .helpQuitRegion),

        // The projector only shows; its keys can be asked for, and it can
        // be closed.
        KeyBinding([.function(1), .char("?")], .help, .projector, help: .helpHelp),
        KeyBinding([.function(10), .char("q")], .quit, .projector, help: .helpQuit),

        KeyBinding([.escape, .function(1), .char("q")], .closeHelp, .help, bar: .keyClose, help: .helpCloseHelp),
        KeyBinding([.down, .pageDown], .scrollHelpDown, .help, help: .helpScroll),
        KeyBinding([.up, .pageUp], .scrollHelpUp, .help, help: .helpScroll),

        KeyBinding([.char("j"), .char("J"), .char("y"), .char("Y"), .enter], .confirmYes, .confirm, bar: .keyYes, help: .helpConfirmYes),
        KeyBinding([.char("n"), .char("N"), .escape], .confirmNo, .confirm, bar: .keyNo, help: .helpConfirmNo),

        // Everywhere: Ctrl-C and F10 leave the program, saving first.
        KeyBinding([.ctrl("c"), .function(10)], .quit, .global, help: .helpQuit),
        // Ctrl-Z gives the terminal back to the shell (`fg` returns).
        KeyBinding([.ctrl("z")], .suspend, .global, help: .helpSuspend),
    ]

    /// The action a key triggers in a context, falling back to its parents.
    public static func action(for key: Key, in context: KeyContext) -> Action? {
        // A paste is text, whatever it holds (and hashing megabytes to
        // look it up would cost more than inserting them).
        if case .paste = key { return nil }
        if let found = dispatch[context]?[key] { return found.action }
        return nil
    }

    /// `action(for:in:)` as a table, built once from `bindings`: a key costs
    /// one lookup, however long the table grows (a paste is many keys).
    /// A nil action records that a parent's binding is hidden here.
    static let dispatch: [KeyContext: [Key: (action: Action?, Void)]] = {
        var table: [KeyContext: [Key: (action: Action?, Void)]] = [:]
        for context in KeyContext.allCases {
            var map: [Key: (action: Action?, Void)] = [:]
            // Made once per context: it is a new Set at each call (asked
            // for each binding's each key, it was ~7 M instructions of the
            // first key, issue 15).
            let hidden = context.hiddenFromParent
            var c: KeyContext? = context
            while let current = c {
                for b in bindings where b.context == current {
                    for key in b.keys where map[key] == nil {
                        let visible = current == context || !hidden.contains(b.action)
                        map[key] = (visible ? b.action : nil, ())
                    }
                }
                c = current.parent
            }
            table[context] = map
        }
        return table
    }()

    /// A context's own bindings, then those of its parents that it does not
    /// override (a parent's binding is dropped when one of its keys is bound
    /// here; the parent's other keys stay with it).
    static func effective(for context: KeyContext) -> [KeyBinding] {
        var own = bindings.filter { $0.context == context }
        var c = context.parent
        while let parent = c {
            for var b in bindings where b.context == parent && !context.hiddenFromParent.contains(b.action) {
                if let i = own.firstIndex(where: { $0.action == b.action }) {
                    own[i].keys += b.keys.filter { k in !own[i].keys.contains(k) && !own.contains { $0.keys.contains(k) } }
                    continue
                }
                b.keys = b.keys.filter { k in !own.contains { $0.keys.contains(k) } }
                if !b.keys.isEmpty { own.append(b) }
            }
            c = parent.parent
        }
        return own
    }

    /// The bindings shown in a context's key bar: help first, quit last.
    /// How a text names the key of an action: its first key, and a letter
    /// twin when it has one ("F2 (n)").
    public static func hint(_ action: Action) -> String {
        // Unbound, it stays a visible "{action}" (a test looks for those).
        guard let binding = bindings.first(where: { $0.action == action }), let first = binding.keys.first else {
            return "{\(action.rawValue)}"
        }
        if case .char = first { return first.label }
        if let letter = binding.keys.first(where: { if case .char(let c) = $0 { return c.isLetter } else { return false } }) {
            return "\(first.label) (\(letter.label))"
        }
        return first.label
    }

    /// Replaces each "{action}" in a text with the key that does it.
    static func fillHints(_ text: String) -> String {
        guard mayHoldHints(text) else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            out += Action(rawValue: name).map(hint) ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// Whether the text has a "{" (a key hint's start), from its bytes:
    /// not Foundation's `contains` (a search with options, ~8,000
    /// instructions a text); asked at every text shown.
    static func mayHoldHints(_ text: String) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ $0.contains(UInt8(ascii: "{")) }) {
            return found
        }
        return text.utf8.contains(UInt8(ascii: "{"))
    }

    public static func bar(for context: KeyContext) -> [KeyBinding] {
        let shown = effective(for: context).filter { $0.barLabel != nil && $0.context != .global }
        let help = shown.filter { $0.action == .help }
        let quit = shown.filter { $0.action == .quit }
        return help + shown.filter { $0.action != .help && $0.action != .quit } + quit
    }

    /// Help lines for a context: its own bindings, then its parents'.
    public static func help(for context: KeyContext) -> [KeyBinding] {
        effective(for: context)
    }

    /// How a binding's keys are written in the bar and help ("F3/Ctrl-T").
    public static func keyText(_ binding: KeyBinding, barOnly: Bool = false) -> String {
        if barOnly {
            if binding.action == .nextStep || binding.action == .regionPageDown { return "PgUp/PgDn" }
            if binding.action == .monthBack { return "←/→" }
            return binding.keys[0].label
        }
        return binding.keys.map(\.label).joined(separator: "/")
    }
}
