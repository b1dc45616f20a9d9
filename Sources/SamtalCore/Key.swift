// Keys as the core sees them. The terminal backend turns what ncurses
// reads into these; tests build them directly.

public enum Key: Hashable, Sendable {
    /// A printable character (letters, digits, å ä ö, emoji, combining marks).
    case char(Character)
    /// Ctrl plus a letter, lowercase (`.ctrl("c")` is 0x03).
    case ctrl(Character)
    case enter, tab, backTab, backspace, delete, escape
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
    /// Anything the backend could not name: ignored, never a crash.
    case unknown(Int)
    /// A bracketed paste, whole (line breaks as "\n"), read at once by the
    /// backend: only the focused text field takes it, as one insertion, or
    /// refuses it whole when it does not fit. Never a command.
    case paste(String)

    /// Text: a printable character or a paste.
    public var isTyped: Bool {
        switch self {
        case .char, .paste: return true
        case .ctrl, .enter, .tab, .backTab, .backspace, .delete, .escape, .up, .down, .left, .right, .home, .end,
             .pageUp, .pageDown, .function, .unknown: return false
        }
    }

    /// The label shown in the key bar and the help screen.
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .escape: return "Esc"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let n): return "F\(n)"
        case .unknown(let code): return "#\(code)"
        case .paste: return "Paste"
        }
    }
}
