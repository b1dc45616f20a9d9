// A terminal screen as far as samtal's frames (and ncurses' clear before
// them) need one: the bytes written to the terminal are fed in, and the
// tests read back what a terminal would show, cell by cell. Widths are
// glibc's, as a terminal on Linux counts them.

import SamtalTerminal

struct ScreenModel {
    struct Cell: Equatable {
        /// What the cell shows; "" for the second column of a wide character.
        var text = " "
        var bold = false, dim = false, underline = false, reverse = false
        /// The foreground colour's number; nil for the terminal's own.
        var foreground: Int?
        var background: Int?
    }

    let width: Int
    let height: Int
    private(set) var cells: [[Cell]]
    /// The cursor.
    private(set) var x = 0
    private(set) var y = 0
    private var pen = Cell()
    /// Escape sequences it did not know (their final byte and parameters).
    private(set) var unknown: [String] = []

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        cells = Array(repeating: Array(repeating: Cell(), count: width), count: height)
    }

    /// Row `y` as text, a wide character once.
    func rowText(_ row: Int) -> String { cells[row].map(\.text).joined() }

    /// The first scalar of the cell at (column, row).
    func scalar(_ column: Int, _ row: Int) -> Unicode.Scalar? { cells[row][column].text.unicodeScalars.first }

    mutating func feed(_ bytes: [UInt8]) {
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            i += 1
            switch s.value {
            case 0x1B:
                guard i < scalars.count else { return }
                let next = scalars[i]
                i += 1
                if next == "[" {
                    var parameters = ""
                    while i < scalars.count, !(0x40...0x7E).contains(scalars[i].value) {
                        parameters.unicodeScalars.append(scalars[i])
                        i += 1
                    }
                    guard i < scalars.count else { return }
                    control(final: scalars[i], parameters)
                    i += 1
                } else if next == "(" || next == ")" {
                    i += 1
                }
            case 0x0D: x = 0
            case 0x0A: y = min(height - 1, y + 1)
            case 0x08: x = max(0, x - 1)
            case 0..<0x20, 0x7F: break
            default: put(s)
            }
        }
    }

    private mutating func put(_ s: Unicode.Scalar) {
        let w = Terminal.glibcWidth(s)
        if w == 0 {
            // A combining mark joins the character before it.
            var column = x - 1
            while column > 0, cells[y][column].text.isEmpty { column -= 1 }
            if column >= 0 { cells[y][column].text.unicodeScalars.append(s) }
            return
        }
        if x + max(1, w) > width {         // an xterm wraps: a frame that does is wrong
            x = 0
            y = min(height - 1, y + 1)
        }
        var cell = pen
        cell.text = String(s)
        cells[y][x] = cell
        if w == 2, x + 1 < width {
            var rest = pen
            rest.text = ""
            cells[y][x + 1] = rest
        }
        x += max(1, w)
    }

    private mutating func control(final: Unicode.Scalar, _ parameters: String) {
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        switch final {
        case "H":
            y = min(height - 1, max(0, (numbers.first.flatMap { $0 } ?? 1) - 1))
            x = min(width - 1, max(0, (numbers.count > 1 ? numbers[1] ?? 1 : 1) - 1))
        case "J" where parameters == "2" || parameters == "3":
            cells = Array(repeating: Array(repeating: Cell(), count: width), count: height)
        case "m":
            var k = 0
            let codes = numbers.map { $0 ?? 0 }
            if codes.isEmpty { pen = Cell() }
            while k < codes.count {
                switch codes[k] {
                case 0: pen = Cell()
                case 1: pen.bold = true
                case 2: pen.dim = true
                case 4: pen.underline = true
                case 7: pen.reverse = true
                case 30...37: pen.foreground = codes[k] - 30
                case 39: pen.foreground = nil
                case 40...47: pen.background = codes[k] - 40
                case 49: pen.background = nil
                case 38 where k + 2 < codes.count && codes[k + 1] == 5:
                    pen.foreground = codes[k + 2]
                    k += 2
                case 48 where k + 2 < codes.count && codes[k + 1] == 5:
                    pen.background = codes[k + 2]
                    k += 2
                default: unknown.append("m\(codes[k])")
                }
                k += 1
            }
        case "h", "l", "r", "t": break     // modes, the scroll region, the title: nothing drawn
        default: unknown.append("\(final)\(parameters)")
        }
    }
}
