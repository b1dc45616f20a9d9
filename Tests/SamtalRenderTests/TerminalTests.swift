// The terminal backend, headless: ncurses set up on a file, whose bytes a
// `ScreenModel` reads back as a terminal would show them (the team's notes
// on Swift and ncurses, ../shared/NOTES-swift-ncurses.md beside the
// repository, not in it).
// ncurses is global state, so everything touching it is in this one
// serialized suite.

import CNcursesw
import Foundation
import Glibc
import SamtalCore
@testable import SamtalRender
import SamtalTerminal
import Testing

@Suite(.serialized)
struct TerminalTests {
    init() { Terminal.prepareLocale() }

    @Test("The renderer's width table agrees with glibc's wcwidth")
    func widthsAgreeWithGlibc() {
        let scalars: [Unicode.Scalar] = [
            "a", "Z", "0", " ", "~", "é", "ß", "Ø",
            "å", "ä", "ö", "Å", "Ä", "Ö",
            "\u{30A}", "\u{308}",                  // decomposed å and ä: combining marks
            "😀", "🎉", "👍",                        // emoji with emoji presentation
            "中", "文", "あ", "ア", "한",
            "、", "。", "「", "」", "！", "，",       // CJK punctuation, full-width forms
            "–", "—", "…", "•", "→", "│", "─", "┌", "█", "✓",
        ]
        for scalar in scalars {
            #expect(Terminal.glibcWidth(scalar) == DisplayWidth.of(scalar),
                    "U+\(String(scalar.value, radix: 16, uppercase: true)) \(scalar)")
        }
    }

    @Test("Every scalar drawn by the plain path is one column for glibc too")
    func plainScalarsAgreeWithGlibc() {
        let plain = DisplayWidth.plainRanges.flatMap { $0 }.compactMap(Unicode.Scalar.init)
        let disagreeing = plain.filter { Terminal.glibcWidth($0) != 1 }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
        #expect(disagreeing.isEmpty, "\(disagreeing)")
    }

    @Test("The user's ESCDELAY is kept; without it Esc waits 25 ms")
    func escapeDelay() {
        #expect(Terminal.escapeDelay(ESCDELAY: nil) == 25)
        #expect(Terminal.escapeDelay(ESCDELAY: "1500") == 1500)
        #expect(Terminal.escapeDelay(ESCDELAY: "0") == 0)
        #expect(Terminal.escapeDelay(ESCDELAY: "") == 25)
        #expect(Terminal.escapeDelay(ESCDELAY: "snabb") == 25)
    }

    @Test("Without a terminal, or on TERM=dumb, the interface does not start")
    func terminalProblems() {
        let devNull = open("/dev/null", O_RDWR)
        defer { close(devNull) }
        #expect(TerminalProblem.check(environment: ["TERM": "xterm"], inputFD: devNull, outputFD: devNull) == .noTerminal)
        var master: Int32 = -1, slave: Int32 = -1
        guard openpty(&master, &slave, nil, nil, nil) == 0 else { Issue.record("no pty"); return }
        defer { close(master); close(slave) }
        #expect(TerminalProblem.check(environment: ["TERM": "xterm"], inputFD: slave, outputFD: devNull) == .noTerminal)
        #expect(TerminalProblem.check(environment: ["TERM": "dumb"], inputFD: slave, outputFD: slave) == .cannotDraw(term: "dumb"))
        #expect(TerminalProblem.check(environment: ["TERM": "xterm-256color"], inputFD: slave, outputFD: slave) == nil)
    }

    @Test("Bytes from wgetch: UTF-8 where it is, Latin-1 where it is not (never dropped)")
    func decodesBytes() {
        func read(_ values: [Int32]) -> (keys: [TerminalInput], latin1: Bool) {
            var rest = values[...], keys: [TerminalInput] = [], latin1 = false
            while let first = rest.popFirst() {
                let r = Terminal.decode(first: first) { rest.popFirst() }
                keys.append(r.input)
                rest = (r.unread + rest)[...]
                latin1 = latin1 || r.latin1
            }
            return (keys, latin1)
        }
        func chars(_ s: String) -> [TerminalInput] { s.map { .key(.char($0)) } }
        #expect(read(Array("aåä😀中".utf8).map(Int32.init)) == (chars("aåä😀中"), false))
        // "Gång är" from a Latin-1 terminal: å is 0xE5, which starts a
        // three-byte UTF-8 character that does not follow.
        #expect(read([0x47, 0xE5, 0x6E, 0x67, 0x20, 0xE4, 0x72]) == (chars("Gång är"), true))
        #expect(read([0xF6]) == (chars("ö"), true))                       // nothing follows
        #expect(read([0xC5, 0xC4, 0xD6]) == (chars("ÅÄÖ"), true))
        #expect(read([0xE5, 0x0A]) == ([.key(.char("å")), .key(.enter)], true))
        #expect(read([0xE5, KEY_F0 + 2]) == ([.key(.char("å")), .key(.function(2))], true))
        #expect(read([KEY_UP, 0x61]) == ([.key(.up), .key(.char("a"))], false))
        #expect(read([0x96]) == (chars("–"), true))                       // Windows-1252's dash
    }

    @Test("Keys decode from wget_wch results")
    func decodesKeys() {
        func key(_ status: Int32, _ code: Int32) -> TerminalInput? {
            Terminal.decode(status: status, code: UInt32(bitPattern: code))
        }
        #expect(key(OK, 10) == .key(.enter))
        #expect(key(OK, 13) == .key(.enter))
        #expect(key(KEY_CODE_YES, KEY_ENTER) == .key(.enter))
        #expect(key(OK, 3) == .key(.ctrl("c")))
        #expect(key(OK, 26) == .key(.ctrl("z")))
        #expect(key(OK, 9) == .key(.tab))
        #expect(key(OK, 27) == .key(.escape))
        #expect(key(OK, 127) == .key(.backspace))
        #expect(key(OK, 8) == .key(.backspace))
        #expect(key(KEY_CODE_YES, KEY_BACKSPACE) == .key(.backspace))
        #expect(key(OK, 0) == .key(.unknown(0)))
        #expect(key(OK, 0x1C) == .key(.unknown(0x1C)))
        #expect(key(OK, 0x85) == .key(.unknown(0x85)))
        #expect(key(OK, 0xD800) == .key(.unknown(0xD800)))   // a surrogate is no scalar
        #expect(key(OK, 0x110000) == .key(.unknown(0x110000)))
        #expect(key(OK, 0xE5) == .key(.char("å")))
        #expect(key(OK, 0x1F600) == .key(.char("😀")))
        #expect(key(KEY_CODE_YES, KEY_F0 + 1) == .key(.function(1)))
        #expect(key(KEY_CODE_YES, KEY_F0 + 12) == .key(.function(12)))
        #expect(key(KEY_CODE_YES, KEY_BTAB) == .key(.backTab))
        #expect(key(KEY_CODE_YES, KEY_DC) == .key(.delete))
        #expect(key(KEY_CODE_YES, KEY_PPAGE) == .key(.pageUp))
        #expect(key(KEY_CODE_YES, KEY_NPAGE) == .key(.pageDown))
        #expect(key(KEY_CODE_YES, KEY_RESIZE) == .resize)
        #expect(key(KEY_CODE_YES, KEY_MOUSE) == .key(.unknown(Int(KEY_MOUSE))))
        #expect(key(ERR, 0) == nil)
    }

    /// What the headless terminal has been sent, as a terminal shows it.
    private let sent = Sent()

    /// A terminal whose output goes to a file read back through a
    /// `ScreenModel`, 80×24 whatever LINES and COLUMNS say.
    private func headless(theme: Theme = .color, termType: String = "xterm-256color") throws -> (Terminal, Int32) {
        var path = Array("/tmp/samtal-terminal-XXXXXX".utf8CString)
        let fd = mkstemp(&path)
        try #require(fd >= 0)
        unlink(path)
        let input = open("/dev/null", O_RDWR)
        defer { close(input) }
        let terminal = try Terminal(termType: termType, inputFD: input, outputFD: fd, theme: theme)
        _ = resizeterm(24, 80)
        sent.start(fd: fd, width: 80, height: 24)
        return (terminal, fd)
    }

    /// Row `y` as the terminal shows it (wide characters once, combining marks kept).
    private func screenRow(_ y: Int32) -> String {
        sent.screen.rowText(Int(y))
    }

    /// The first scalar of the cell at (x, y) on the terminal.
    private func cellScalar(_ x: Int32, _ y: Int32) -> Unicode.Scalar? {
        sent.screen.scalar(Int(x), Int(y))
    }

    @Test("A grid of Swedish text, emoji and CJK reaches the terminal column for column")
    func drawsWideAndCombiningText() throws {
        let (terminal, fd) = try headless()
        defer { terminal.shutdown(); close(fd) }
        let size = terminal.size
        try #require(size.width >= 40 && size.height >= 2)

        let text = "Hög fart ÅÄÖ åäö 😀 中X a\u{30A}!"
        var grid = Grid(size)
        let end = grid.text(text, x: 0, y: 0)
        grid.text("sista", x: size.width - 5, y: size.height - 1)   // up to the bottom-right cell
        grid.cursor = (x: 3, y: 1)
        terminal.draw(grid)
        #expect(sent.screen.y == 1)
        #expect(sent.screen.x == 3)
        #expect(sent.screen.unknown.isEmpty, "\(sent.screen.unknown)")

        let row = screenRow(0)
        #expect(row.hasPrefix(text))
        #expect(row.count == size.width - 2)   // 😀 and 中 take 2 columns each, read back once
        // Columns: "Hög fart ÅÄÖ åäö " is 17, 😀 at 17–18, " " 19, 中 at 20–21, X at 22.
        #expect(cellScalar(17, 0) == "😀")
        #expect(cellScalar(20, 0) == "中")
        #expect(cellScalar(22, 0) == "X")
        #expect(cellScalar(23, 0) == " ")
        #expect(cellScalar(24, 0) == "a")
        #expect(end == 26)
        #expect(screenRow(Int32(size.height - 1)).hasSuffix("sista"))

        terminal.shutdown()
        terminal.shutdown()   // idempotent
        #expect(terminal.size == Size(width: 0, height: 0))
        terminal.draw(grid)   // after shutdown: a no-op, not a crash
        #expect(terminal.readKey(timeoutMilliseconds: 0) == nil)
    }

    @Test("A bracketed paste whose terminal pauses mid-way (a slow link) stays one paste: its rest is never read as keys")
    func pasteWithAPause() throws {
        var master: Int32 = -1, slave: Int32 = -1
        try #require(openpty(&master, &slave, nil, nil, nil) == 0)
        defer { close(master); close(slave) }
        // Raw, as ncurses would set it on a terminal it also draws on.
        var modes = termios()
        tcgetattr(slave, &modes)
        cfmakeraw(&modes)
        tcsetattr(slave, TCSANOW, &modes)
        let output = open("/dev/null", O_RDWR)
        let terminal = try Terminal(termType: "xterm-256color", inputFD: dup(slave), outputFD: output, theme: .color)
        defer { terminal.shutdown() }
        let send: @Sendable (String) -> Void = { [master] s in
            _ = s.utf8CString.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count - 1) }
        }
        send("\u{1B}[200~first line\r")
        // The rest after a silence longer than a second, as over a slow ssh.
        let writer = Thread {
            usleep(1_500_000)
            send("second line\u{1B}[201~")
        }
        writer.start()
        var keys: [TerminalInput] = []
        for _ in 0..<100 {
            if let key = terminal.readKey(timeoutMilliseconds: 50) { keys.append(key) }
            if keys.count == 1, case .key(.paste(let text)) = keys[0], text.hasSuffix("second line") { break }
            if keys.count > 1 { break }
        }
        #expect(keys == [.key(.paste("first line\nsecond line"))])
    }

    @Test("Frames drawn one after another, each sending only what changed, leave the terminal showing the last whole")
    func changedStretchesOnly() throws {
        let (terminal, fd) = try headless()
        defer { terminal.shutdown(); close(fd) }
        let size = terminal.size
        let pool = ["a", "ö", "Å", "中", "😀", "–", " ", "X", "あ"]
        var rng = SystemRandomNumberGenerator()
        var grid = Grid(size)
        for round in 0..<300 {
            // A few rows changed somewhere (a letter typed, a status, a
            // wide character half covered by a narrow one, or the reverse).
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let y = Int.random(in: 0..<4, using: &rng)
                let text = (0..<Int.random(in: 1...6, using: &rng)).map { _ in pool.randomElement(using: &rng)! }.joined()
                grid.text(text, x: Int.random(in: 0..<12, using: &rng), y: y,
                          style: Bool.random(using: &rng) ? .normal : Style(.title, bold: true))
            }
            terminal.draw(grid)
            for y in 0..<4 {
                #expect(trimmed(screenRow(Int32(y))) == trimmed(grid.rowText(y)), "round \(round), row \(y)")
            }
        }
    }

    @Test("Rows drawn over the last frame (a key on the note line) reach the terminal as the whole frame would")
    func rowsOverTheLastFrame() throws {
        let (terminal, fd) = try headless()
        defer { terminal.shutdown(); close(fd) }
        let size = terminal.size
        let pool = ["a", "ö", "Å", "中", "😀", "–", " ", "X", "あ"]
        var rng = SystemRandomNumberGenerator()
        var expected = Grid(size)
        expected.text("Lokal lägesbild", x: 0, y: 1)
        #expect(!terminal.draw(rows: [0], { _ in }), "no frame yet to draw over")
        terminal.draw(expected)
        for round in 0..<300 {
            let rows = [0, 2, 3].filter { _ in Bool.random(using: &rng) }
            let texts = rows.map { _ in (0..<Int.random(in: 1...6, using: &rng)).map { _ in pool.randomElement(using: &rng)! }.joined() }
            let x = Int.random(in: 0..<12, using: &rng)
            let edit = { (grid: inout Grid) in
                for (y, text) in zip(rows, texts) { grid.text(text, x: x, y: y, style: Bool.random() ? .normal : Style(.input)) }
                grid.cursor = (x, 2)
            }
            // Every third frame whole, the rest over the last.
            if round % 3 == 0 {
                edit(&expected)
                terminal.draw(expected)
            } else {
                var drawn: Grid?
                #expect(terminal.draw(rows: rows) { grid in edit(&grid); drawn = grid })
                expected = drawn ?? expected
            }
            for y in 0..<4 {
                #expect(trimmed(screenRow(Int32(y))) == trimmed(expected.rowText(y)), "round \(round), row \(y)")
            }
        }
        terminal.drawWhole()
        #expect(!terminal.draw(rows: [0], { _ in }), "after drawWhole the next frame is drawn whole")
    }

    @Test("Where glibc disagrees with the renderer on a width, U+FFFD keeps the columns aligned")
    func widthDisagreement() throws {
        let (terminal, fd) = try headless()
        defer { terminal.shutdown(); close(fd) }
        // 🫨 (Unicode 15) is unknown to glibc 2.36.
        for sample in ["\u{1FAE8}", "中"] {
            var grid = Grid(terminal.size)
            grid.text(sample + "X", x: 0, y: 0)
            let cell = grid[0, 0]
            try #require(cell.width == 2)
            terminal.draw(grid)
            let first = cell.text.unicodeScalars.first!
            if Terminal.glibcWidth(first) == 2 {
                #expect(cellScalar(0, 0) == first)
            } else {
                #expect(cellScalar(0, 0) == "\u{FFFD}")
                #expect(cellScalar(1, 0) == " ")
            }
            #expect(cellScalar(2, 0) == "X", "\(sample)")
        }
        // A flag is drawn as its two letters (the renderer's policy: glibc
        // and terminals disagree on regional indicators), a cell each; as
        // one cell of two letters it reached the screen as U+FFFD.
        var grid = Grid(terminal.size)
        grid.text("🇸🇪X", x: 0, y: 0)
        terminal.draw(grid)
        #expect(cellScalar(0, 0) == "S" && cellScalar(1, 0) == "E" && cellScalar(2, 0) == "X")
    }

    @Test("Tiny and mismatched grids never crash")
    func tinyTerminal() throws {
        let (terminal, fd) = try headless()
        defer { terminal.shutdown(); close(fd) }
        terminal.draw(Grid(Size(width: 0, height: 0)))      // size mismatch: skipped
        terminal.draw(Grid(Size(width: 3, height: 2)))
        try #require(resizeterm(1, 1) != ERR)
        #expect(terminal.size == Size(width: 1, height: 1))
        var grid = Grid(Size(width: 1, height: 1))
        grid.text("中", x: 0, y: 0)          // does not fit: the renderer leaves it out
        grid.text("x", x: 0, y: 0)
        grid.cursor = (x: 5, y: 5)           // out of bounds: hidden
        terminal.draw(grid)
        #expect(cellScalar(0, 0) == "x")
    }

    @Test("Monochrome: meaning carried by attributes, no colour pairs")
    func monochromeAttributes() throws {
        let (terminal, fd) = try headless(theme: .monochrome)
        defer { terminal.shutdown(); close(fd) }
        #expect(terminal.theme == .monochrome)
        var grid = Grid(terminal.size)
        grid.text("F1", x: 0, y: 0, style: Style(.keyLabel))
        grid.text("Över tid", x: 3, y: 0, style: Style(.timeOver))
        terminal.draw(grid)
        for x in [0, 3] {
            let cell = sent.screen.cells[0][x]
            #expect(cell.foreground == nil && cell.background == nil)
            #expect(cell.reverse)
            #expect(cell.bold)
        }
        #expect(sent.screen.cells[0][2] == ScreenModel.Cell(), "a blank between them as the screen's own")
    }

    @Test("Colour: time over is red, with bold so it shows without colour too")
    func colourTheme() throws {
        let (terminal, fd) = try headless(theme: .color)
        defer { terminal.shutdown(); close(fd) }
        #expect(terminal.theme == .color)
        var grid = Grid(terminal.size)
        grid.text("Över tid", x: 0, y: 0, style: Style(.timeOver))
        grid.text("F1", x: 10, y: 0, style: Style(.keyLabel))
        terminal.draw(grid)
        let cell = sent.screen.cells[0][0]
        #expect(cell.text == "Ö")
        #expect(cell.foreground == Int(COLOR_RED))
        #expect(cell.background == nil, "the terminal's own background")
        #expect(cell.bold)
        let label = sent.screen.cells[0][10]
        #expect(label.foreground == nil && label.bold && label.reverse, "\(label)")
        #expect(sent.screen.cells[0][9] == ScreenModel.Cell())
    }

    @Test("On a vt100 (terminfo strings with padding, no colours) a frame is its text, with no padding marks")
    func paddedStrings() throws {
        let (terminal, fd) = try headless(termType: "vt100")
        defer { terminal.shutdown(); close(fd) }
        var grid = Grid(terminal.size)
        grid.text("Lokal lägesbild", x: 0, y: 0, style: Style(.title, bold: true))
        grid.text("F1", x: 2, y: 5, style: Style(.keyLabel))
        grid.text("Hjälp", x: 5, y: 5)
        grid.cursor = (x: 10, y: 6)
        terminal.draw(grid)
        grid.text("Ny rad", x: 0, y: 7, style: Style(.input))
        terminal.draw(grid)
        #expect(trimmed(screenRow(0)) == "Lokal lägesbild")
        #expect(trimmed(screenRow(5)) == "  F1 Hjälp")
        #expect(trimmed(screenRow(7)) == "Ny rad")
        #expect(sent.screen.cells[0][0].bold && sent.screen.cells[5][2].reverse && sent.screen.cells[7][0].underline)
        for y in 0..<24 { #expect(!screenRow(Int32(y)).contains("$<"), "row \(y)") }
        #expect(sent.screen.y == 6 && sent.screen.x == 10)
    }

    @Test("High contrast: every cell on black, the blanks too")
    func highContrastBackground() throws {
        let (terminal, fd) = try headless(theme: .highContrast)
        defer { terminal.shutdown(); close(fd) }
        var grid = Grid(terminal.size)
        grid.text("Dialog", x: 0, y: 0)
        terminal.draw(grid)
        for x in [0, 40] { #expect(sent.screen.cells[0][x].background == Int(COLOR_BLACK), "\(x)") }
        #expect(sent.screen.cells[0][0].foreground == Int(COLOR_WHITE) && sent.screen.cells[0][0].bold)
    }

    @Test("A quit signal is noticed, not fatal, and the disposition restored")
    func quitSignal() async throws {
        var before = sigaction()
        sigaction(SIGTERM, nil, &before)
        let (terminal, fd) = try headless()
        defer { terminal.shutdown(); close(fd) }
        #expect(terminal.quitSignal == nil)
        kill(getpid(), SIGTERM)
        for _ in 0..<200 where terminal.quitSignal == nil { try await Task.sleep(for: .milliseconds(10)) }
        #expect(terminal.quitSignal == SIGTERM)
        terminal.shutdown()
        var after = sigaction()
        sigaction(SIGTERM, nil, &after)
        #expect(unsafeBitCast(after.__sigaction_handler.sa_handler, to: Int.self)
                == unsafeBitCast(before.__sigaction_handler.sa_handler, to: Int.self))
    }
}

/// A row's text without the blanks at its end.
private func trimmed(_ s: String) -> String {
    var s = s
    while s.last == " " { s.removeLast() }
    return s
}

/// The bytes a headless terminal wrote to its file, fed to a screen model
/// as they are read.
private final class Sent: @unchecked Sendable {
    private var fd: Int32 = -1
    private var offset: off_t = 0
    private var model = ScreenModel(width: 80, height: 24)

    func start(fd: Int32, width: Int, height: Int) {
        self.fd = fd
        offset = 0
        model = ScreenModel(width: width, height: height)
    }

    /// The screen with everything written so far.
    var screen: ScreenModel {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, offset) }
            guard n > 0 else { break }
            model.feed(Array(buffer[0..<n]))
            offset += off_t(n)
        }
        return model
    }
}
