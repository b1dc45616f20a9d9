// The thin ncurses backend: sets the terminal up and restores it, copies a
// rendered `Grid` to the screen, reads keys. Everything else (layout,
// widths, what a key means) lives in SamtalRender and SamtalCore.
//
// Why things are done the way they are: the team's notes on Swift and
// ncurses, ../shared/NOTES-swift-ncurses.md beside the repository (not in
// it); the comments here say what matters.

import CNcursesw
import Glibc
import SamtalCore
import SamtalRender

public enum TerminalError: Explained {
    /// ncurses has no terminfo entry for this terminal type.
    case unknownTerminal(String?)
    /// stdin or stdout could not be duplicated/opened.
    case cannotOpen(String)

    public var description: String {
        switch self {
        case .unknownTerminal(let term):
            return "cannot start the terminal interface: unknown terminal type TERM=\(term ?? "(unset)")"
        case .cannotOpen(let what):
            return "cannot start the terminal interface: cannot open \(what)"
        }
    }

    public func message(_ language: Language) -> String {
        guard language == .sv else { return description }
        switch self {
        case .unknownTerminal(let term):
            return "gränssnittet kan inte starta: okänd terminaltyp TERM=\(term ?? "(inte satt)")"
        case .cannotOpen:
            return "gränssnittet kan inte starta: terminalen kan inte öppnas"
        }
    }
}

/// Why the interface cannot run on this process's terminal, known before
/// anything is drawn (issue 16): without a terminal on stdin and stdout
/// ncurses reads end-of-file forever and writes escape codes into a file.
public enum TerminalProblem: Equatable, Sendable {
    /// stdin or stdout is not a terminal (a file, a pipe, /dev/null).
    case noTerminal
    /// A terminal type that cannot move the cursor or clear the screen.
    case cannotDraw(term: String)

    /// The problem with the given descriptors and environment, if any.
    public static func check(environment: [String: String], inputFD: Int32 = 0, outputFD: Int32 = 1) -> TerminalProblem? {
        if isatty(inputFD) == 0 || isatty(outputFD) == 0 { return .noTerminal }
        if let term = environment["TERM"], term == "dumb" || term.hasPrefix("dumb-") { return .cannotDraw(term: term) }
        return nil
    }
}

public final class Terminal {
    /// The theme in effect: `.monochrome` if `.color` was asked for on a
    /// terminal without colours.
    public private(set) var theme: Theme

    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    private var inputFile: UnsafeMutablePointer<FILE>?
    private var outputFile: UnsafeMutablePointer<FILE>?
    /// The terminal's strings, and each style's bytes made from them
    /// (`FrameWriter.swift`).
    private var strings = TerminalStrings.ansi
    private var styles: StyleBytes
    /// The bytes of the frame being drawn, kept between frames for their
    /// storage.
    private var frame = FrameBytes(strings: .ansi)
    private var currentTimeout: Int32?
    private var cursorVisible: Bool?
    /// The grid last sent to the terminal: rows equal to it are not sent
    /// again. nil: the next frame clears the screen and is sent whole.
    private var drawn: Grid?

    private var previousActions: [(signal: Int32, action: sigaction)] = []
    /// Noted by a handler of our own (shim.h), checked by the main loop.
    static let quitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// Without a UTF-8 locale wcwidth returns -1 and typed å ä ö never
    /// arrive. Call before anything else (LANG is often unset under CI,
    /// cron or `env -i`). The character type is taken from the
    /// environment, for ncurses and wcwidth, and the messages, for the
    /// system's and libpq's error texts within samtal's (a full file name
    /// in Swedish under a Swedish locale); loading every category of the
    /// user's locale opened some twenty files at each start (issue 15).
    /// Numbers and dates are samtal's own, as on the command line.
    public static func prepareLocale() {
        setlocale(LC_CTYPE, "")
        setlocale(LC_MESSAGES, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET))).uppercased()
        if codeset != "UTF-8" && codeset != "UTF8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    /// Columns glibc (and so ncurses' cursor arithmetic) gives one scalar:
    /// 0, 1, 2, or -1 for a non-printable one. Depends on the locale: call
    /// `prepareLocale()` first.
    public static func glibcWidth(_ scalar: Unicode.Scalar) -> Int {
        Int(wcwidth(wchar_t(bitPattern: scalar.value)))
    }

    /// Milliseconds ncurses waits after an Esc for the rest of a sequence:
    /// the user's ESCDELAY when it is a number, else 25.
    public static func escapeDelay(ESCDELAY text: String?) -> Int32 {
        if let text, let ms = Int32(text), (0...10_000).contains(ms) {
            return ms
        }
        return 25
    }

    /// The size of the terminal on `fd`, asked of the kernel (no ncurses
    /// needed); nil when `fd` is not a terminal or has no size.
    public static func windowSize(fd: Int32 = 1) -> Size? {
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
        return Size(width: Int(size.ws_col), height: Int(size.ws_row))
    }

    /// Whether ncurses has a description of the terminal type in $TERM, as
    /// `init` needs; asked without setting anything up on the terminal.
    public static func knowsType() -> Bool {
        samtal_terminal_type_known() != 0
    }

    /// The real terminal on stdin/stdout, type from $TERM.
    public convenience init(theme: Theme = .color) throws {
        try self.init(termType: nil, inputFD: 0, outputFD: 1, theme: theme)
    }

    /// A terminal of a given type on given file descriptors (which stay
    /// open: we work on duplicates). Tests use `"xterm-256color"` on
    /// /dev/null. `termType` nil means $TERM.
    public init(termType: String?, inputFD: Int32, outputFD: Int32, theme: Theme = .color) throws {
        self.theme = theme
        styles = StyleBytes(theme: theme, colour: false, strings: .ansi)

        // Take the quit signals away from SIG_DFL BEFORE newterm: ncurses
        // installs its own handlers (which restore the tty, then exit(1),
        // skipping our cleanup) only where the disposition is SIG_DFL.
        // SIGHUP arrives when the terminal window or tmux pane closes.
        for sig in Self.quitSignals {
            var old = sigaction()
            sigaction(sig, nil, &old)
            previousActions.append((sig, old))
        }
        samtal_forget_quit_signal()
        for sig in Self.quitSignals { samtal_catch_quit_signal(sig) }

        // Duplicates, so that fclose at shutdown leaves fd 0 and 1 open.
        let inFD = dup(inputFD), outFD = dup(outputFD)
        inputFile = inFD >= 0 ? fdopen(inFD, "r") : nil
        outputFile = outFD >= 0 ? fdopen(outFD, "w") : nil
        guard inputFile != nil, outputFile != nil else {
            if inputFile == nil, inFD >= 0 { close(inFD) }
            if outputFile == nil, outFD >= 0 { close(outFD) }
            closeFiles()
            restoreSignals()
            throw TerminalError.cannotOpen("the terminal's file descriptors")
        }

        // newterm, not initscr: initscr prints and exit(1)s on an unknown TERM.
        if let termType {
            screen = termType.withCString { newterm($0, outputFile, inputFile) }
        } else {
            screen = newterm(nil, outputFile, inputFile)
        }
        guard let screen else {
            closeFiles()
            restoreSignals()
            throw TerminalError.unknownTerminal(termType ?? ProcessEnvironment.term)
        }
        set_term(screen)
        window = samtal_stdscr()
        samtal_install_crash_guard()

        raw()                   // Ctrl-C is key 3, Ctrl-Z/Ctrl-S are keys too
        noecho()
        keypad(window, true)    // arrows and F-keys as KEY_* codes
        // The keypad's corner and centre keys (xterm's "\eOq", "\eOs",
        // "\eOu", "\eOw", "\eOy") are bound to nothing in samtal, and
        // their sequences are an Esc and a word's "Os…", "Ou…" typed in
        // one write (a slow link): taken as keys, the word lost its first
        // two letters (the twentieth walk). They are read as their bytes
        // (`PasteReader` makes an Esc before "O" and text the Esc key).
        for code in [KEY_A1, KEY_A3, KEY_B2, KEY_C1, KEY_C3] { _ = keyok(code, false) }
        // No look for typed keys in the middle of drawing (two polls a
        // frame): the interface reads every key already typed before it
        // draws, so there is nothing for ncurses to stop for.
        typeahead(-1)
        // The default 1000 ms makes Esc feel dead: 25 ms, unless the user
        // set ESCDELAY (ncurses' own variable, for slow links).
        set_escdelay(Self.escapeDelay(ESCDELAY: getenv("ESCDELAY").map { String(cString: $0) }))
        strings = TerminalStrings.fromTerminfo()
        frame = FrameBytes(strings: strings)
        setUpColours()
        setBracketedPaste(true)
    }

    /// Bracketed paste: the terminal wraps a paste in ESC[200~ … ESC[201~,
    /// so pasted text (escape sequences, tabs, line breaks) is not taken
    /// for keys. Terminals that do not know the mode ignore the request.
    private func setBracketedPaste(_ on: Bool) {
        guard let outputFile else { return }
        fputs(on ? "\u{1B}[?2004h" : "\u{1B}[?2004l", outputFile)
        fflush(outputFile)
    }

    deinit { shutdown() }

    /// Which of SIGINT/SIGTERM/SIGHUP/SIGQUIT arrived (the latest), if any.
    /// The main loop checks it after every `readKey` and saves and quits.
    public var quitSignal: Int32? {
        let sig = samtal_quit_signal()
        return sig == 0 ? nil : sig
    }

    /// The terminal's size now; 0×0 after `shutdown()`.
    public var size: Size {
        guard let window else { return Size(width: 0, height: 0) }
        return Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    /// Ctrl-Z (a key under raw(), not a signal): gives the terminal back to
    /// the shell and stops the process group, as a program in cooked mode
    /// would; returns after `fg` with the screen to be drawn whole again.
    /// Where nothing could continue it (SIGTSTP ignored: no job control)
    /// it does nothing and says so with false.
    @discardableResult
    public func suspend() -> Bool {
        guard window != nil else { return false }
        var previous = sigaction()
        sigaction(SIGTSTP, nil, &previous)
        if unsafeBitCast(previous.__sigaction_handler.sa_handler, to: Int.self) == 1 { return false } // SIG_IGN
        setBracketedPaste(false)
        endwin()
        var stop = sigaction()
        stop.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&stop.sa_mask)
        sigaction(SIGTSTP, &stop, nil)
        kill(0, SIGTSTP)              // stops here until SIGCONT (fg)
        sigaction(SIGTSTP, &previous, nil)
        // Back: raw mode and the alternate screen again, every cell redrawn.
        if let window {
            clearok(window, true)
            wrefresh(window)
        }
        setBracketedPaste(true)
        return true
    }

    /// Restores the terminal. Safe to call twice; `deinit` calls it too.
    public func shutdown() {
        guard let screen else { return }
        curs_set(1)
        setBracketedPaste(false)
        endwin()
        delscreen(screen)
        self.screen = nil
        window = nil
        closeFiles()
        restoreSignals()
    }

    private func closeFiles() {
        if let inputFile { fclose(inputFile) }
        if let outputFile { fclose(outputFile) }
        inputFile = nil
        outputFile = nil
    }

    private func restoreSignals() {
        for (sig, old) in previousActions {
            var action = old
            sigaction(sig, &action, nil)
        }
        previousActions = []
    }

    // MARK: Input

    /// Waits up to `timeoutMilliseconds` (negative: forever) for a key.
    /// nil on timeout or when a signal interrupted the read: check
    /// `quitSignal`, poll what else needs polling, and call again.
    /// `.resize` means: render a grid of the new `size` and draw it.
    public func readKey(timeoutMilliseconds: Int32) -> TerminalInput? {
        guard let window else { return nil }
        if currentTimeout != timeoutMilliseconds {
            wtimeout(window, timeoutMilliseconds)
            currentTimeout = timeoutMilliseconds
        }
        // Bytes (wgetch), not wget_wch: ncurses drops a byte that is not
        // UTF-8 without a word; `decode(first:next:)` takes it as Latin-1.
        let fromUnread = !unread.isEmpty
        let first = fromUnread ? unread.removeFirst() : wgetch(window)
        guard first != ERR else { return nil }
        if first == 27, let paste = readBracketedPaste(window) { return paste }
        if first == 27, fromUnread, let key = keyFromUnread() { return key }
        var timeout = currentTimeout
        let (input, more, latin1) = Self.decode(first: first) {
            if !unread.isEmpty { return unread.removeFirst() }
            // A character's bytes arrive together.
            if timeout != 20 { wtimeout(window, 20); timeout = 20 }
            let b = wgetch(window)
            return b == ERR ? nil : b
        }
        if timeout != currentTimeout { wtimeout(window, currentTimeout ?? -1) }
        unread = more + unread
        if latin1 { sawLatin1 = true }
        return input
    }

    /// Values `wgetch` returned that belong to the next key.
    private var unread: [Int32] = []

    /// After an Esc: when "[200~" follows at once (the start of a bracketed
    /// paste), the whole paste as one key, its bytes read straight from the
    /// terminal in large reads up to the end marker (`PasteBytes`): a 10 MB
    /// paste read through `wgetch`, a byte and a key at a time, took a
    /// minute. Else nil, and what was read is read again as keys.
    ///
    /// Reading the descriptor past ncurses is safe here: ncurses reads one
    /// byte at a time and holds back only what may still be a key sequence
    /// it knows. "\e[20" is one (F9 is "\e[20~"), so it hands the marker's
    /// bytes back one by one up to "0"; no sequence starts with "~", so once
    /// "~" has come through `wgetch` nothing of the paste is held in
    /// ncurses. A marker that comes slowly (more than 20 ms between its
    /// bytes) is read as keys, and `PasteReader` takes the paste as before.
    private func readBracketedPaste(_ window: UnsafeMutablePointer<WINDOW>) -> TerminalInput? {
        let marker = "[200~".utf8.map { Int32($0) }
        var seen: [Int32] = []
        for expected in marker {
            let b: Int32
            if !unread.isEmpty {
                b = unread.removeFirst()
            } else {
                // The first at once (a lone Esc key must not wait), the rest
                // as a sequence's bytes arrive: together.
                wtimeout(window, seen.isEmpty ? 0 : 20)
                b = wgetch(window)
                wtimeout(window, currentTimeout ?? -1)
                guard b != ERR else { break }
            }
            seen.append(b)
            guard b == expected else { break }
        }
        guard seen == marker, let inputFile else {
            unread = seen + unread
            return nil
        }
        var paste = PasteBytes()
        paste.feed(unread.compactMap { (0...255).contains($0) ? UInt8($0) : nil })
        unread = []
        let fd = fileno(inputFile)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        // A terminal always ends its paste; one that pauses mid-way (a
        // slow or congested ssh link) is waited for: its rest read as keys
        // would save half a note at a pasted line break and type the rest
        // into the next field. Only a quit signal, the terminal gone, or a
        // silence far longer than any link's end the paste early.
        var silent: Int32 = 0
        while !paste.finished {
            var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let polled = poll(&ready, 1, 100)
            if quitSignal != nil { break }
            if polled < 0 && errno == EINTR { continue }
            if polled == 0 {
                silent += 100
                if silent >= Self.pasteSilenceMilliseconds { break }
                continue
            }
            guard polled > 0 else { break }
            silent = 0
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            guard n > 0 else { break }
            paste.feed(buffer[0..<n])
        }
        unread = paste.rest.map { Int32($0) }
        let (text, wasUTF8) = paste.takeText()
        if !wasUTF8 { sawLatin1 = true }
        return .key(.paste(text))
    }

    /// How long a bracketed paste may pause before what came is taken as
    /// the whole paste.
    static let pasteSilenceMilliseconds: Int32 = 30_000

    /// After an Esc read past a paste's end (keys sent right after it, in
    /// the same read): ncurses never saw these bytes, so a key's sequence
    /// among them (F1 is "\eOP") is looked up in the terminal's own key
    /// table here; nil when none starts there.
    private func keyFromUnread() -> TerminalInput? {
        for length in stride(from: min(unread.count, keySequences.longest), to: 0, by: -1) {
            if let code = keySequences.codes[Array(unread.prefix(length))] {
                unread.removeFirst(length)
                return Self.decodeFunctionKey(code)
            }
        }
        return nil
    }

    /// The terminal's key sequences as ncurses knows them (terminfo's and
    /// the extended keys it numbers after KEY_MAX), after their Esc.
    private lazy var keySequences: (codes: [[Int32]: Int32], longest: Int) = {
        var codes: [[Int32]: Int32] = [:]
        for code in KEY_MIN..<1024 {
            guard let s = keybound(code, 0) else { continue }
            defer { free(s) }
            let bytes = UnsafeRawBufferPointer(start: s, count: strlen(s))
            if bytes.count > 1, bytes[0] == 27 { codes[bytes.dropFirst().map { Int32($0) }] = code }
        }
        return (codes, codes.keys.map(\.count).max() ?? 0)
    }()

    /// Whether a byte that is not UTF-8 has been read (and taken as
    /// Latin-1): the terminal does not send UTF-8.
    public private(set) var sawLatin1 = false

    // MARK: Output

    /// Sends the grid to the screen and shows or hides the cursor.
    /// Skipped when the grid's size is not the terminal's: a resize is
    /// pending and a new grid will follow.
    /// Returns whether anything was sent: nothing when the grid and its
    /// cursor are what was drawn last.
    @discardableResult
    public func draw(_ grid: Grid) -> Bool {
        guard window != nil, grid.size == size, grid.size.width > 0, grid.size.height > 0 else { return false }
        let previous = drawn?.size == grid.size ? drawn : nil
        drawn = grid
        let cursorMoved = previous == nil || previous?.cursor?.x != grid.cursor?.x || previous?.cursor?.y != grid.cursor?.y
        if previous == nil { clearScreen() }
        frame.begin()
        for y in 0..<grid.size.height {
            // Only the stretch of the row that changed is sent (a letter
            // typed is a cell or two, not the row), widened to whole wide
            // characters; the whole row over a cleared screen.
            var columns = 0..<grid.size.width
            if let previous {
                guard let c = grid.changedColumns(row: y, since: previous) else { continue }
                columns = c
            }
            frame.send(grid, row: y, columns: columns, styles: &styles, skipPlainBlanks: previous == nil)
        }
        return finish(grid, changed: !frame.bytes.isEmpty || cursorMoved)
    }

    /// Draws again only `rows` of the frame drawn last: `redraw` changes
    /// that frame in place (it must leave every other row as it was), and
    /// what changed in those rows is sent. For a key typed on the note
    /// line, where the rest of the screen stays (issue 15): the frame is
    /// neither made nor compared whole. False, with nothing drawn, when
    /// there is no frame of this size to draw over (`draw` then); else
    /// true, whether or not the rows changed.
    @discardableResult
    public func draw(rows: [Int], _ redraw: (inout Grid) -> Void) -> Bool {
        guard window != nil, var grid = drawn, grid.size == size, grid.size.width > 0 else { return false }
        drawn = nil                                     // the frame's storage, not shared while it changes
        let width = grid.size.width
        let rows = rows.filter { $0 >= 0 && $0 < grid.size.height }
        let before = rows.map { y in Array(grid.cells[(y * width)..<((y + 1) * width)]) }
        let cursor = grid.cursor
        redraw(&grid)
        let cursorMoved = cursor?.x != grid.cursor?.x || cursor?.y != grid.cursor?.y
        frame.begin()
        for (y, old) in zip(rows, before) {
            guard let columns = grid.changedColumns(row: y, since: old) else { continue }
            frame.send(grid, row: y, columns: columns, styles: &styles, skipPlainBlanks: false)
        }
        drawn = grid
        _ = finish(grid, changed: !frame.bytes.isEmpty || cursorMoved)
        return true
    }

    /// Clears the screen through ncurses, which also sends what it has
    /// held back (the alternate screen and the modes at the start, after a
    /// suspend or a resize) and leaves its window untouched: ncurses then
    /// draws nothing of its own until the next clear (`wgetch` refreshes
    /// only a window that changed).
    private func clearScreen() {
        guard let window else { return }
        clearok(window, true)
        wrefresh(window)
        cursorVisible = nil
    }

    /// After the cells: the cursor placed (or hidden) and the frame's
    /// bytes written, when anything changed.
    private func finish(_ grid: Grid, changed: Bool) -> Bool {
        guard window != nil, changed else { return false }
        let width = grid.size.width
        var visible = false
        if let cursor = grid.cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < width, cursor.y < grid.size.height {
            frame.moveCursor(x: cursor.x, y: cursor.y)
            visible = true
        }
        frame.end()
        // Hidden before the cells are drawn, shown after: the cursor is
        // never seen travelling (ncurses sends its strings at once).
        if !visible { setCursorVisible(false) }
        writeFrame()
        if visible { setCursorVisible(true) }
        return true
    }

    /// The frame's bytes to the terminal, in as few writes as it takes.
    private func writeFrame() {
        guard let outputFile else { return }
        let fd = fileno(outputFile)
        frame.bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno == EAGAIN {
                        // Another program set the shared terminal
                        // non-blocking: wait until it takes more.
                        var ready = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                        _ = poll(&ready, 1, 100)
                        continue
                    }
                    return      // the terminal is gone: nothing to draw on
                }
                offset += n
            }
        }
    }

    /// The next `draw` clears the screen and sends every cell (after a
    /// resize or a suspend).
    public func drawWhole() {
        drawn = nil
    }

    private func setCursorVisible(_ visible: Bool) {
        guard cursorVisible != visible else { return }
        curs_set(visible ? 1 : 0)   // ERR on terminals that cannot: fine
        cursorVisible = visible
    }

    // MARK: Colours

    private func setUpColours() {
        var useColour = theme != .monochrome && has_colors()
        if useColour {
            useColour = start_color() != ERR
            // The terminal's own colours (a light or dark background) for
            // ncurses' clear too, not white on black.
            _ = use_default_colors()
        }
        if theme != .monochrome && !useColour { theme = .monochrome }

        styles = StyleBytes(theme: theme, colour: useColour, strings: strings)
    }
}

/// getenv, read once where an error message needs it.
private enum ProcessEnvironment {
    static var term: String? { getenv("TERM").map { String(cString: $0) } }
}
