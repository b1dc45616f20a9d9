// The setup scripts install what the code and the tests run (issue 16: on
// a minimal Debian root `Scripts/test` failed because nothing installed
// `pgrep`). The external commands are found in the sources, the tests and
// the scripts `Scripts/test` runs; each must be in the table below, and
// its package in the `Scripts/install-packages` line of every script that
// needs it: what the program runs in `Scripts/run` and `Scripts/test`,
// what only the tests run in `Scripts/test`.
//
// A new external command: add a row to `commands` (the command, its Debian
// package, who needs it), and the package to the scripts.

import Foundation
import Testing

@Suite("Setup scripts")
struct SetupTests {
    enum Need {
        /// The program runs it: `Scripts/run` and `Scripts/test` install it.
        case program
        /// Only the tests run it: `Scripts/test` installs it.
        case tests
    }

    /// Every external command run by samtal or by its tests, with the
    /// Debian package that provides it.
    static let commands: [String: (package: String, need: Need)] = [
        "weasyprint": ("weasyprint", .program),
        "pandoc": ("pandoc", .program),
        "rsvg-convert": ("librsvg2-bin", .program),
        "pdfinfo": ("poppler-utils", .tests),
        "pdftotext": ("poppler-utils", .tests),
        "pdftoppm": ("poppler-utils", .tests),
        "tmux": ("tmux", .tests),
        "pgrep": ("procps", .tests),
        "python3": ("python3", .tests),
        // The region's tests: a throwaway PostgreSQL (Scripts/pg-throwaway).
        "psql": ("postgresql", .tests),
        "initdb": ("postgresql", .tests),
        "pg_ctl": ("postgresql", .tests),
        "openssl": ("openssl", .tests),
        // The release build's test reads the binary's dynamic section.
        "readelf": ("binutils", .tests),
        "ps": ("procps", .tests),
        // A Swedish locale built for a test (its sources; glibc's Swedish
        // messages come with libc-l10n, which Scripts/test installs too).
        "localedef": ("locales", .tests),
        // samtal run as another user under a limit of processes (in a
        // shell line the finder does not read; listed for the record).
        "setpriv": ("util-linux", .tests),
        "prlimit": ("util-linux", .tests),
    ]

    /// Commands that need no package of their own: the toolchain the
    /// README asks for, Debian's essential packages, samtal itself.
    static let provided: Set<String> = ["swift", "bash", "sh", "env", "samtal", "kill", "cat", "sleep"]

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    static func files(under folder: String, ending: String) -> [String] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(atPath: base.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(ending) && !$0.contains(".build") }.map { "\(folder)/\($0)" }
    }

    /// The packages a script installs: the words after `Scripts/install-packages`.
    static func packages(_ script: String) throws -> Set<String> {
        let text = try read(script)
        var out = Set<String>()
        for line in text.split(separator: "\n") where line.hasPrefix("Scripts/install-packages ") {
            out.formUnion(line.split(separator: " ").dropFirst().map(String.init))
        }
        return out
    }

    /// The commands `text` runs: in Swift, the name given to `find`, to
    /// `run` or as `tool:`; in Python, the first word of a `subprocess`
    /// call's list, or the name given to `shutil.which`.
    static func commandsRun(in text: String) -> Set<String> {
        let patterns = [#"find\("([a-z0-9][a-z0-9._-]*)"\)"#, #"tool: "([a-z0-9][a-z0-9._-]*)""#, #"\brun\("([a-z0-9][a-z0-9._-]*)""#,
                        #"subprocess\.[a-z_]+\(\[\s*"([a-z0-9][a-z0-9._-]*)""#, #"shutil\.which\("([a-z0-9][a-z0-9._-]*)"\)"#]
        var out = Set<String>()
        for pattern in patterns {
            let regex = try! NSRegularExpression(pattern: pattern)
            for m in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let r = Range(m.range(at: 1), in: text) { out.insert(String(text[r])) }
            }
        }
        return out
    }

    @Test("every command the program runs is installed by Scripts/run and Scripts/test; every command the tests run by Scripts/test")
    func scriptsInstallWhatIsRun() throws {
        var program = Set<String>()
        for file in Self.files(under: "Sources", ending: ".swift") { program.formUnion(Self.commandsRun(in: try Self.read(file))) }
        var tests = Set<String>()
        for file in Self.files(under: "Tests", ending: ".swift") + Self.files(under: "Tests/e2e", ending: ".py")
            + ["Scripts/crash-harness"] {
            tests.formUnion(Self.commandsRun(in: try Self.read(file)))
        }
        // The finder finds what it should.
        #expect(program.isSuperset(of: ["weasyprint", "pandoc", "rsvg-convert"]), "\(program)")
        #expect(tests.isSuperset(of: ["tmux", "pgrep", "pdfinfo", "pandoc"]), "\(tests)")

        let run = try Self.packages("Scripts/run"), test = try Self.packages("Scripts/test")
        for command in program.union(tests).subtracting(Self.provided).sorted() {
            guard let (package, need) = Self.commands[command] else {
                Issue.record("\(command) is run but not in SetupTests.commands: add it with its Debian package")
                continue
            }
            let byProgram = program.contains(command)
            #expect(test.contains(package), "Scripts/test does not install \(package) (for \(command))")
            if byProgram {
                #expect(run.contains(package), "Scripts/run does not install \(package) (for \(command), which samtal runs)")
                #expect(need == .program, "\(command) is run by the program: mark it .program")
            }
        }
        // The table's packages of the program are in Scripts/run.
        for (command, entry) in Self.commands where entry.need == .program {
            #expect(run.contains(entry.package), "Scripts/run does not install \(entry.package) (for \(command))")
        }
    }

    @Test("the command finder reads Swift and Python calls")
    func finder() {
        #expect(Self.commandsRun(in: #"guard let x = find("rsvg-convert") else"#) == ["rsvg-convert"])
        #expect(Self.commandsRun(in: #"try convert(html: h, tool: "weasyprint", package: "weasyprint""#) == ["weasyprint"])
        #expect(Self.commandsRun(in: #"out = subprocess.run(["pgrep", "-f", x], capture_output=True)"#) == ["pgrep"])
        #expect(Self.commandsRun(in: #"subprocess.run([BINARY, "export"])"#).isEmpty)
    }
}
