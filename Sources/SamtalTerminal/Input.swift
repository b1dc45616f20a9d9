// Turning what ncurses' wget_wch reads into the core's `Key`s. Pure: the
// decoding is a static function so tests can check it without a terminal.

import CNcursesw
import SamtalCore

/// One thing read from the terminal.
///
/// A resize is not a key: the core never binds it, the main loop reacts by
/// rendering a new grid at `Terminal.size`. ncurses has already updated its
/// own idea of the size (LINES/COLS) when `.resize` arrives.
public enum TerminalInput: Hashable, Sendable {
    case key(Key)
    case resize
}

extension Terminal {
    /// Decodes one `wget_wch` result. `status` is its return value
    /// (`OK`, `KEY_CODE_YES` or `ERR`), `code` what it stored.
    /// nil for ERR (timeout or interrupted read).
    ///
    /// xterm's Alt-x (and Esc typed quickly before a letter) arrives as
    /// `.escape` then `.char("x")`: we do not try to merge them (Alt-Enter,
    /// an Esc and an Enter in one burst, does nothing: `PasteReader.altEnter`).
    public static func decode(status: Int32, code: UInt32) -> TerminalInput? {
        switch status {
        case KEY_CODE_YES: return decodeFunctionKey(Int32(bitPattern: code))
        case OK: return .key(decodeCharacter(code))
        default: return nil
        }
    }

    /// What `wgetch` returned, read as UTF-8 where it is and as Latin-1
    /// where it is not: a byte that does not start a UTF-8 character, or a
    /// start whose continuation does not follow, is one Latin-1 character
    /// (a terminal that sends Latin-1: å ä ö were dropped before).
    /// `first` is `wgetch`'s value (a byte, or a KEY_ code above 255);
    /// `next` reads the following one (nil when none comes). Returns the
    /// input, the values read too far (to be pushed back, in order), and
    /// whether a byte was taken as Latin-1.
    public static func decode(first: Int32, next: () -> Int32?) -> (input: TerminalInput, unread: [Int32], latin1: Bool) {
        guard (0...255).contains(first) else { return (decodeFunctionKey(first), [], false) }
        let lead = UInt8(first)
        if lead < 0x80 { return (.key(decodeCharacter(UInt32(lead))), [], false) }
        let needed = switch lead {
        case 0xC2...0xDF: 1
        case 0xE0...0xEF: 2
        case 0xF0...0xF4: 3
        default: 0
        }
        var bytes = [lead], unread: [Int32] = []
        while bytes.count <= needed, let b = next() {
            guard (0x80...0xBF).contains(b) else { unread.append(b); break }
            bytes.append(UInt8(b))
        }
        if needed > 0, bytes.count == needed + 1, let s = String(validating: bytes, as: UTF8.self), let scalar = s.unicodeScalars.first {
            return (.key(decodeCharacter(scalar.value)), unread, false)
        }
        // Latin-1: the first byte; what followed is read again.
        return (.key(.char(Character(InputText.latin1(lead)))), bytes.dropFirst().map(Int32.init) + unread, true)
    }

    static func decodeFunctionKey(_ code: Int32) -> TerminalInput {
        switch code {
        case KEY_RESIZE: return .resize
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        // vt220-style Home/End (\e[1~, \e[4~) are Find/Select in terminfo
        // for xterm and screen; users mean Home/End.
        case KEY_HOME, KEY_FIND: return .key(.home)
        case KEY_END, KEY_SELECT: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_DC: return .key(.delete)
        case KEY_BTAB: return .key(.backTab)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_ENTER: return .key(.enter)
        case (KEY_F0 + 1)...(KEY_F0 + 12): return .key(.function(Int(code - KEY_F0)))
        default: return .key(.unknown(Int(code)))
        }
    }

    static func decodeCharacter(_ code: UInt32) -> Key {
        switch code {
        case 10, 13: return .enter          // 13 when the tty does not map CR to NL
        case 9: return .tab
        case 27: return .escape
        case 127, 8: return .backspace      // terminals disagree: DEL or Ctrl-H
        case 1...26:                        // under raw() Ctrl-C is 3, not SIGINT
            return .ctrl(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 0..<32, 0x80..<0xA0: return .unknown(Int(code))
        default:
            // Surrogates and values above U+10FFFF are not scalars.
            guard let scalar = Unicode.Scalar(code) else { return .unknown(Int(code)) }
            return .char(Character(scalar))
        }
    }
}
