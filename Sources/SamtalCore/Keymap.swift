// The one keymap table. Dispatch, the bottom key bar and the help screen
// are all read from `Keymap.bindings`, so they cannot drift apart.

/// Where a key is read: each screen and dialog has its own bindings, and
/// `.global` bindings apply everywhere unless a context binds the key itself.
public enum KeyContext: String, Sendable, CaseIterable {
    case global, home, run, form, help, confirm
}

public enum Action: String, Sendable, CaseIterable {
    // global
    case help, quit
    // home
    case homeUp, homeDown, openMeeting, newCycle, newMeeting, editFacts
    // run
    case toggleTalkingPoints, nextGroup, previousGroup, nextNoteType, saveNote
    case selectPreviousNote, selectNextNote, editNote, deleteNote
    case nextStep, previousStep, finishMeeting, backHome, cancel
    // form
    case nextField, previousField, choiceNext, choicePrevious, addParticipant, removeParticipant, saveForm, cancelForm
    // help
    case closeHelp
    // confirm
    case confirmYes, confirmNo
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
    public static let bindings: [KeyBinding] = [
        // Home screen: letter twins are safe here, nothing is typed.
        KeyBinding([.function(1), .char("?")], .help, .home, bar: .keyHelp, help: .helpHelp),
        KeyBinding([.up, .char("k")], .homeUp, .home, help: .helpHomeUp),
        KeyBinding([.down, .char("j")], .homeDown, .home, help: .helpHomeDown),
        KeyBinding([.enter], .openMeeting, .home, bar: .keyOpen, help: .helpOpenMeeting),
        KeyBinding([.function(2), .char("n")], .newCycle, .home, bar: .keyNewCycle, help: .helpNewCycle),
        KeyBinding([.function(3), .char("m")], .newMeeting, .home, bar: .keyNewMeeting, help: .helpNewMeeting),
        KeyBinding([.function(4), .char("e")], .editFacts, .home, bar: .keyFacts, help: .helpEditFacts),
        KeyBinding([.function(10), .char("q")], .quit, .home, bar: .keyQuit, help: .helpQuit),

        // Running a meeting: the input line is always live, so every action
        // is on a function key, Tab, or a Ctrl chord.
        KeyBinding([.function(1)], .help, .run, bar: .keyHelp, help: .helpHelp),
        KeyBinding([.function(2)], .toggleTalkingPoints, .run, bar: .keyTalkingPoints, help: .helpTalkingPoints),
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
        KeyBinding([.function(9)], .finishMeeting, .run, bar: .keyFinish, help: .helpFinish),
        KeyBinding([.function(6)], .backHome, .run, bar: .keyHome, help: .helpBackHome),
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

        KeyBinding([.escape, .function(1), .char("q")], .closeHelp, .help, bar: .keyClose, help: .helpCloseHelp),

        KeyBinding([.char("j"), .char("J"), .char("y"), .char("Y"), .enter], .confirmYes, .confirm, bar: .keyYes, help: .helpConfirmYes),
        KeyBinding([.char("n"), .char("N"), .escape], .confirmNo, .confirm, bar: .keyNo, help: .helpConfirmNo),

        // Everywhere: Ctrl-C and F10 leave the program, saving first.
        KeyBinding([.ctrl("c"), .function(10)], .quit, .global, help: .helpQuit),
    ]

    /// The action a key triggers in a context, falling back to `.global`.
    public static func action(for key: Key, in context: KeyContext) -> Action? {
        if let b = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) { return b.action }
        return bindings.first(where: { $0.context == .global && $0.keys.contains(key) })?.action
    }

    /// The bindings shown in a context's key bar, in table order.
    public static func bar(for context: KeyContext) -> [KeyBinding] {
        bindings.filter { $0.context == context && $0.barLabel != nil }
    }

    /// Help lines for a context: its own bindings, then the global ones.
    /// A global binding for an action the context also binds is merged
    /// into that line ("F10/Ctrl-C").
    public static func help(for context: KeyContext) -> [KeyBinding] {
        var own = bindings.filter { $0.context == context }
        for global in bindings where global.context == .global {
            if let i = own.firstIndex(where: { $0.action == global.action }) {
                own[i].keys += global.keys.filter { !own[i].keys.contains($0) }
            } else if !own.contains(where: { b in b.keys.contains { global.keys.contains($0) } }) || context == .global {
                own.append(global)
            } else {
                var g = global
                g.keys = global.keys.filter { k in !own.contains { $0.keys.contains(k) } }
                if !g.keys.isEmpty { own.append(g) }
            }
        }
        return own
    }

    /// How a binding's keys are written in the bar and help ("F3/Ctrl-T").
    public static func keyText(_ binding: KeyBinding, barOnly: Bool = false) -> String {
        if barOnly {
            if binding.action == .nextStep { return "PgUp/PgDn" }
            return binding.keys[0].label
        }
        return binding.keys.map(\.label).joined(separator: "/")
    }
}
