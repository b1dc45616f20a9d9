// How purpose-named `Role`s look on the terminal.

import CNcursesw
import SamtalRender

public enum Theme: Sendable, Equatable {
    /// Colours that mean something (time left, note types), plus attributes.
    case color
    /// Only bold, reverse, underline and dim: for NO_COLOR, terminals
    /// without colours, and people who cannot tell red from green. The
    /// renderer already says everything in text; colour only adds to it.
    case monochrome
    /// For poor projectors and bright rooms: white and strong colours on
    /// black, everything bold, nothing dim.
    case highContrast

    /// How a role looks: a foreground colour (nil = the terminal's own)
    /// and attributes.
    struct Look {
        var foreground: Int16?
        var bold = false, reverse = false, underline = false, dim = false
    }

    func look(_ role: Role) -> Look {
        switch self {
        case .color: return Theme.colorLook(role)
        case .monochrome: return Theme.monochromeLook(role)
        case .highContrast:
            var look = Theme.colorLook(role)
            look.foreground = look.foreground ?? Int16(COLOR_WHITE)
            look.bold = true
            look.dim = false
            return look
        }
    }

    /// The background every cell gets: the terminal's own, or black.
    var background: Int16? { self == .highContrast ? Int16(COLOR_BLACK) : nil }

    private static func colorLook(_ role: Role) -> Look {
        switch role {
        case .normal, .border, .keyText: return Look()
        case .title, .heading: return Look(bold: true)
        case .dim: return Look(dim: true)
        case .selected: return Look(reverse: true)
        case .keyLabel: return Look(bold: true, reverse: true)
        case .input: return Look(underline: true)
        case .timeOK, .success: return Look(foreground: Int16(COLOR_GREEN))
        case .timeLow, .warning: return Look(foreground: Int16(COLOR_YELLOW))
        case .timeOver, .error: return Look(foreground: Int16(COLOR_RED), bold: true)
        case .typeProblem: return Look(foreground: Int16(COLOR_RED))
        case .typeOpportunity: return Look(foreground: Int16(COLOR_CYAN))
        case .typePositive: return Look(foreground: Int16(COLOR_GREEN))
        case .typeQuestion: return Look(foreground: Int16(COLOR_MAGENTA))
        case .typeDecision: return Look(foreground: Int16(COLOR_BLUE), bold: true)
        }
    }

    private static func monochromeLook(_ role: Role) -> Look {
        switch role {
        case .normal, .border, .keyText, .timeOK, .success: return Look()
        case .typeProblem, .typeOpportunity, .typePositive, .typeQuestion, .typeDecision: return Look()
        case .title, .heading, .timeLow, .warning: return Look(bold: true)
        case .timeOver, .error: return Look(bold: true, reverse: true)
        case .dim: return Look(dim: true)
        case .selected: return Look(reverse: true)
        case .keyLabel: return Look(bold: true, reverse: true)
        case .input: return Look(underline: true)
        }
    }
}
