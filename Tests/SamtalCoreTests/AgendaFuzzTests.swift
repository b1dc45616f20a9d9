// The agenda loader under a fuzzer: every shipped agenda, mutated at random
// (seeded, so every case can be replayed), must load or give problems of the
// form `file:line:column: message`; it must never trap or hang.
//
//   SAMTAL_FUZZ_CASES=N   how many cases (default 10,000; Scripts/fuzz-agendas runs more)
//   SAMTAL_FUZZ_SEED=S    the seed (default fixed, so the test run is repeatable)
//   SAMTAL_FUZZ_ONLY=I    replay case I alone and write its input to a file
//
// While it runs, the number of the case being loaded is kept in
// $TMPDIR/samtal-agenda-fuzz-current.txt: after a crash that file names the
// case to replay with SAMTAL_FUZZ_ONLY.

import Foundation
import Testing
@testable import SamtalAgendas
import SamtalCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct AgendaFuzzTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The shipped agendas, by file name.
    static func shippedAgendas() throws -> [(name: String, text: String)] {
        let folder = root.appendingPathComponent("Agendas")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) }
    }

    static func environmentNumber(_ name: String) -> UInt64? {
        ProcessInfo.processInfo.environment[name].flatMap { UInt64($0.replacingOccurrences(of: "_", with: "")) }
    }

    @Test func mutatedAgendasLoadOrGiveLocatedProblems() throws {
        let sources = try Self.shippedAgendas()
        #expect(sources.count >= 8)
        let cases = Int(Self.environmentNumber("SAMTAL_FUZZ_CASES") ?? 10_000)
        let seed = Self.environmentNumber("SAMTAL_FUZZ_SEED") ?? 20_261_203
        let only = Self.environmentNumber("SAMTAL_FUZZ_ONLY").map(Int.init)
        let indices = only.map { [$0] } ?? Array(0..<max(cases, 1))
        // The cases are independent: spread them over the cores.
        let workers = only == nil ? max(1, min(8, ProcessInfo.processInfo.activeProcessorCount)) : 1

        // A hang, not a slow case: the slowest case (759, a long line
        // duplicated and dedented) takes ~8 s alone on a loaded two-core
        // machine, and went past 20 s with the other suites beside it.
        let watchdog = FuzzWatchdog(seed: seed, workers: workers, limitSeconds: 90)
        watchdog.start()
        defer { watchdog.stop() }
        let total = FuzzLocked(FuzzTally())
        let started = Date()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var tally = FuzzTally()
            for index in stride(from: worker, to: indices.count, by: workers).map({ indices[$0] }) {
                let c = FuzzCase.make(index: index, seed: seed, sources: sources)
                if only != nil {
                    let path = FileManager.default.temporaryDirectory.appendingPathComponent("samtal-agenda-fuzz-case-\(index).yaml").path
                    try? Data(c.text.utf8).write(to: URL(fileURLWithPath: path))
                    print("agenda fuzz: case \(index) (seed \(seed)) from \(c.file) with \(c.mutations.joined(separator: ", ")) written to \(path)")
                }
                watchdog.begin(worker: worker, index)
                let t0 = Date()
                let result = AgendaLoader.load(text: c.text, file: c.file)
                let seconds = Date().timeIntervalSince(t0)
                watchdog.end(worker: worker)
                tally.add(c, index: index, seed: seed, result: result, seconds: seconds)
            }
            total.with { $0.merge(tally) }
        }
        let elapsed = Date().timeIntervalSince(started)
        let t = total.with { $0 }
        for issue in t.issues.prefix(20) { Issue.record(Comment(rawValue: issue)) }
        if t.issues.count > 20 { Issue.record("… and \(t.issues.count - 20) more") }
        print("agenda fuzz: \(indices.count) cases (seed \(seed)) from \(sources.count) agendas on \(workers) threads in "
              + "\(String(format: "%.1f", elapsed)) s (loading \(String(format: "%.1f", t.loadSeconds)) s of thread time): "
              + "\(t.failed) failed to load with \(t.problems) problems, \(t.loaded) loaded")
        print("agenda fuzz: mutations (cases, mean ms to load) " + t.mutationCounts.sorted { $0.key < $1.key }
            .map { "\($0.key) \($0.value) \(String(format: "%.1f", 1000 * (t.timeByMutation[$0.key] ?? 0) / Double($0.value)))" }
            .joined(separator: ", "))
        let slow = t.slow.sorted { $0.seconds > $1.seconds }
        print("agenda fuzz: \(slow.count) cases took over 0.1 s to load, \(String(format: "%.1f", slow.map(\.seconds).reduce(0, +))) s in all"
              + (slow.isEmpty ? "" : "; slowest: " + slow.prefix(3).map { "case \($0.index) (\($0.mutations)) \(String(format: "%.2f", $0.seconds)) s" }
                  .joined(separator: ", ")))
        if t.oddCount > 0 {
            print("agenda fuzz: \(t.oddCount) problem messages quote a line break or control character from the input "
                  + "(\(t.escapeCount) of them ESC or a C1 control), e.g.\n  " + t.oddMessages.prefix(4).joined(separator: "\n  "))
        }
        #expect(t.loaded + t.failed == indices.count)
    }

    /// Around libyaml's limit of 1,000 levels, nested flow mappings are the
    /// slowest input found: Yams hashes every nested key at every level.
    @Test(arguments: ["[", "{", "{a: [", "- ", "[{"], [999, 1_001])
    func deepestNestingReturnsInTime(open: String, depth: Int) {
        let close = String(open.reversed().map { $0 == "[" ? "]" : $0 == "{" ? "}" : " " })
        let nested = String(repeating: open, count: depth) + "x" + String(repeating: close, count: depth)
        let text = "id: x\ntitle: t\nmeeting_type: problemanalys\nsteps:\n  - id: a\n    questions: " + nested + "\n  - id: b\n"
        let t0 = Date()
        let result = AgendaLoader.load(text: text, file: "deep.yaml")
        let seconds = Date().timeIntervalSince(t0)
        print("agenda fuzz: \(depth) levels of \(open.debugDescription) took \(String(format: "%.2f", seconds)) s to load")
        #expect(seconds < 20)
        guard case .failure(let problems) = result else {
            Issue.record("an agenda with incomplete steps was accepted")
            return
        }
        var tally = FuzzTally()
        tally.add(FuzzCase(file: "deep.yaml", text: text, mutations: ["deepNesting"]), index: 0, seed: 0, result: .failure(problems), seconds: seconds)
        #expect(tally.issues.isEmpty, "\(tally.issues)")
    }

    @Test func theMutationsAreRepeatable() throws {
        let sources = try Self.shippedAgendas()
        for index in [0, 1, 17, 999] {
            let a = FuzzCase.make(index: index, seed: 7, sources: sources)
            let b = FuzzCase.make(index: index, seed: 7, sources: sources)
            #expect(a.text == b.text && a.mutations == b.mutations)
        }
        // Different cases really differ from each other and from the source.
        let texts = Set((0..<50).map { FuzzCase.make(index: $0, seed: 7, sources: sources).text })
        #expect(texts.count > 45)
    }
}

/// What a run of cases found.
struct FuzzTally: Sendable {
    var loaded = 0, failed = 0, problems = 0
    var mutationCounts: [String: Int] = [:]
    var timeByMutation: [String: Double] = [:]
    var loadSeconds = 0.0
    var slow: [(seconds: Double, index: Int, mutations: String)] = []
    /// Problems whose message holds a line break or a control character.
    var oddMessages: [String] = []
    var oddCount = 0
    /// Of those, messages that would send an escape (ESC or a C1 control)
    /// to the terminal of whoever runs `samtal agenda check`.
    var escapeCount = 0
    /// Broken promises: problems without a usable place or message.
    var issues: [String] = []

    mutating func add(_ c: FuzzCase, index: Int, seed: UInt64, result: Result<Agenda, AgendaProblems>, seconds: Double) {
        for m in c.mutations {
            mutationCounts[m, default: 0] += 1
            timeByMutation[m, default: 0] += seconds
        }
        loadSeconds += seconds
        if seconds > 0.1 { slow.append((seconds, index, c.mutations.joined(separator: "+"))) }
        switch result {
        case .success:
            loaded += 1
        case .failure(let found):
            failed += 1
            problems += found.list.count
            let where_ = "case \(index) (seed \(seed), \(c.file), \(c.mutations.joined(separator: ", ")))"
            if found.list.isEmpty { issues.append("\(where_): a failure without problems") }
            for p in found.list {
                let ok = p.file == c.file && p.line >= 1 && p.column >= 1
                    && !p.message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                    && p.description == "\(c.file):\(p.line):\(p.column): \(p.message)"
                if !ok {
                    issues.append("\(where_): badly located problem \(p.description.debugDescription) (line \(p.line), column \(p.column))")
                }
                if p.message.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
                    oddCount += 1
                    let escape = p.message.unicodeScalars.contains { $0.value == 0x1B || (0x80...0x9F).contains($0.value) }
                    if escape { escapeCount += 1 }
                    if oddMessages.count < 3 || (escape && !oddMessages.contains { $0.contains("\\u{1B}") }) {
                        oddMessages.append("\(where_): \(p.description.debugDescription)")
                    }
                }
            }
        }
    }

    mutating func merge(_ o: FuzzTally) {
        loaded += o.loaded
        failed += o.failed
        problems += o.problems
        mutationCounts.merge(o.mutationCounts, uniquingKeysWith: +)
        timeByMutation.merge(o.timeByMutation, uniquingKeysWith: +)
        loadSeconds += o.loadSeconds
        slow += o.slow
        oddMessages += o.oddMessages
        oddCount += o.oddCount
        escapeCount += o.escapeCount
        issues += o.issues
    }
}

final class FuzzLocked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func with<R>(_ body: (inout Value) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}

/// Ends the process naming the case if one load takes longer than the
/// limit: a hang becomes a failure that says what to replay. Keeps the
/// cases being loaded in a marker file too, so that after a crash the file
/// names them.
final class FuzzWatchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var current: [(index: Int, since: Date)?]
    private var running = true
    private let seed: UInt64
    private let limit: Double
    private let marker = FileManager.default.temporaryDirectory.appendingPathComponent("samtal-agenda-fuzz-current.txt").path
    private let fd: Int32
    private static let slot = 48

    init(seed: UInt64, workers: Int, limitSeconds: Double) {
        self.seed = seed
        limit = limitSeconds
        current = Array(repeating: nil, count: workers)
        fd = open(marker, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    }

    func start() {
        let thread = Thread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.5)
                lock.lock()
                let (run, slots) = (running, current)
                lock.unlock()
                if !run { return }
                for case let (index, since)? in slots where Date().timeIntervalSince(since) > limit {
                    let message = "agenda fuzz: case \(index) (seed \(seed)) has not returned after \(Int(limit)) s: a hang. "
                        + "Replay it with SAMTAL_FUZZ_SEED=\(seed) SAMTAL_FUZZ_ONLY=\(index)\n"
                    FileHandle.standardError.write(Data(message.utf8))
                    exit(3)
                }
            }
        }
        thread.start()
    }

    func begin(worker: Int, _ index: Int) {
        lock.lock()
        current[worker] = (index, Date())
        lock.unlock()
        if fd >= 0 {
            var line = Array("seed \(seed) case \(index)".utf8.prefix(Self.slot - 1))
            line += Array(repeating: UInt8(ascii: " "), count: Self.slot - 1 - line.count) + [0x0A]
            _ = line.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(worker * Self.slot)) }
        }
    }

    func end(worker: Int) {
        lock.lock()
        current[worker] = nil
        lock.unlock()
    }

    func stop() {
        lock.lock()
        running = false
        lock.unlock()
        if fd >= 0 { close(fd) }
        unlink(marker)
    }
}

/// A small, fast, seedable generator (FuzzRandom).
struct FuzzRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One fuzz case: a shipped agenda with one to four mutations applied.
struct FuzzCase {
    var file: String
    var text: String
    var mutations: [String]

    static func make(index: Int, seed: UInt64, sources: [(name: String, text: String)]) -> FuzzCase {
        var m = AgendaMutator(rng: FuzzRandom(seed: seed ^ (UInt64(index) &* 0xD6E8_FEB8_6659_FD93)))
        let source = sources[index % sources.count]
        var text = source.text
        var names: [String] = []
        let count = [1, 1, 1, 2, 2, 3, 4][m.below(7)]
        for _ in 0..<count {
            let mutation = AgendaMutation.allCases[m.below(AgendaMutation.allCases.count)]
            text = m.apply(mutation, to: text)
            names.append(mutation.rawValue)
        }
        return FuzzCase(file: source.name, text: text, mutations: names)
    }
}

enum AgendaMutation: String, CaseIterable {
    case flipBits, replaceCharacter, deleteSpan, deleteLine, duplicateLine, swapLines, moveLine
    case indentMore, indentLess, reindentBlock, truncate, insertKeyValue, replaceValue, insertTab
    case insertControl, insertNUL, invalidUTF8, longLine, deepNesting, anchorsAndAliases, aliasBomb
    case insertTag, documentMarkers, lineEndings, randomBytes, duplicateKey, blankOut
}

struct AgendaMutator {
    var rng: FuzzRandom

    /// A number in 0..<n (0 when n is 0).
    mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(rng.next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    static let syntax: [String] = [":", "-", "[", "]", "{", "}", "\"", "'", "#", "&", "*", "!", "|", ">", "%", "@", "`",
                                   " ", "\t", "\n", "?", ",", "\\", "~", "å", "Ä", "😀", "\u{FEFF}", "\u{2028}", "\u{85}",
                                   "\u{202E}", "\u{301}", "0", "9", "-1", "null", "true", ": ", "- ", "\r"]
    static let keys = ["id", "version", "title", "meeting_type", "source", "purpose", "goals", "quality_criteria", "steps",
                       "kind", "minutes", "prompt", "questions", "talking_points", "settings", "dots", "per", "scale",
                       "notes_from", "show", "x", "<<", "? ", "\"quoted key\"", "'single'", "[a, b]", "{a: b}", "åäö", "😀",
                       "ke\u{1B}[31my", "k\u{0}ey", "\"k\\e[31my\"", "\"k\\e]0;titel\\a\"", String(repeating: "k", count: 300)]
    static let values = ["", "~", "null", "[]", "{}", "-1", "0", "241", "99999999999999999999999", "1e309", "0x10", "0o17",
                         ".inf", "-.nan", "true", "no", "!!binary aGVq", "!!int \"x\"", "!!str", "!!map", "!!seq", "!!null ''",
                         "*a", "&a x", "|", ">-", "|+\n  two\n  lines", "\"unterminated", "'unterminated", "\"esc \\u0000 \\x1b\"",
                         "[1, [2, [3]]", "{a: {b: ", "- a\n- b", "collect", "vote", "rating", "present", "åäö 😀 中",
                         "\u{1B}]0;title\u{07}", "\u{1B}[2J", "\"\\e]0;titel\\a\"", "\"\\x9b31m \\u202e\\0\"",
                         "a: b: c", "@reserved", "`reserved", "%", "? x", "!<tag:x> y",
                         "*undefined", "&a [*a]", "<<: *a", "2026-12-03", "12:30", String(repeating: "v", count: 5_000)]

    mutating func apply(_ mutation: AgendaMutation, to text: String) -> String {
        switch mutation {
        case .flipBits:
            return Self.bytes(text) { b in
                for _ in 0..<(1 + below(8)) where !b.isEmpty { b[below(b.count)] ^= UInt8(1) << UInt8(below(8)) }
            }
        case .replaceCharacter:
            // A whole character (scalar) replaced, so no U+FFFD is made here.
            return Self.bytes(text) { b in
                for _ in 0..<(1 + below(5)) where !b.isEmpty {
                    var start = below(b.count)
                    while start > 0, b[start] & 0xC0 == 0x80 { start -= 1 }
                    var end = start + 1
                    while end < b.count, b[end] & 0xC0 == 0x80 { end += 1 }
                    b.replaceSubrange(start..<end, with: Array(pick(Self.syntax).utf8))
                }
            }
        case .deleteSpan:
            return Self.bytes(text) { b in
                guard !b.isEmpty else { return }
                let start = below(b.count)
                b.removeSubrange(start..<min(b.count, start + 1 + below(200)))
            }
        case .deleteLine:
            return Self.lines(text) { l in if !l.isEmpty { l.remove(at: below(l.count)) } }
        case .duplicateLine:
            return Self.lines(text) { l in
                guard !l.isEmpty else { return }
                let i = below(l.count)
                l.insert(contentsOf: Array(repeating: l[i], count: 1 + below(3)), at: i)
            }
        case .swapLines:
            return Self.lines(text) { l in if !l.isEmpty { l.swapAt(below(l.count), below(l.count)) } }
        case .moveLine:
            return Self.lines(text) { l in
                guard !l.isEmpty else { return }
                let line = l.remove(at: below(l.count))
                l.insert(line, at: below(l.count + 1))
            }
        case .indentMore:
            return Self.lines(text) { l in
                guard !l.isEmpty else { return }
                let i = below(l.count)
                l[i] = String(repeating: " ", count: 1 + below(9)) + l[i]
            }
        case .indentLess:
            return Self.lines(text) { l in
                guard !l.isEmpty else { return }
                let i = below(l.count)
                l[i] = String(l[i].drop(while: { $0 == " " }).prefix(l[i].count))
                if chance(50), i + 1 < l.count { l[i + 1] = String(l[i + 1].dropFirst(1 + below(4))) }
            }
        case .reindentBlock:
            return Self.lines(text) { l in
                guard !l.isEmpty else { return }
                let start = below(l.count), end = min(l.count, start + 1 + below(30))
                let shift = below(7) - 3
                for i in start..<end {
                    l[i] = shift >= 0 ? String(repeating: chance(10) ? "\t" : " ", count: shift) + l[i] : String(l[i].dropFirst(-shift))
                }
            }
        case .truncate:
            return Self.bytes(text) { b in b.removeSubrange(below(b.count + 1)...) }
        case .insertKeyValue:
            return Self.lines(text) { l in
                let indent = String(repeating: " ", count: pick([0, 0, 2, 4, 6, 8, 1, 3]))
                let dash = chance(20) ? "- " : ""
                l.insert(indent + dash + pick(Self.keys) + ": " + pick(Self.values), at: below(l.count + 1))
            }
        case .replaceValue:
            return Self.lines(text) { l in
                let candidates = l.indices.filter { l[$0].contains(": ") }
                guard !candidates.isEmpty else { return }
                let i = pick(candidates)
                let head = l[i].components(separatedBy: ": ")[0]
                l[i] = head + ": " + pick(Self.values)
            }
        case .insertTab:
            return insert(pick(["\t", "\t\t", " \t", "\t- ", "\tkey: value"]), into: text)
        case .insertControl:
            let controls: [UInt32] = Array(1...0x1F) + [0x7F] + Array(0x80...0x9F) + [0x2028, 0x2029, 0xFEFF, 0xFFFE, 0x202E, 0x200B]
            var s = ""
            for _ in 0..<(1 + below(4)) { s.unicodeScalars.append(Unicode.Scalar(pick(controls))!) }
            return insert(s, into: text)
        case .insertNUL:
            return insert(String(repeating: "\u{0}", count: 1 + below(3)), into: text)
        case .invalidUTF8:
            let junk: [[UInt8]] = [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80],
                                   [0xFE, 0xFF], [0xF0, 0x9F, 0x98]]
            return Self.bytes(text) { b in b.insert(contentsOf: pick(junk), at: below(b.count + 1)) }
        case .longLine:
            let unit = pick(["a", "å", "😀", "- ", "[", "x: ", " ", "\\", "\"", "中"])
            // Long values that reach a "did you mean" suggestion cost time in
            // proportion to their length (about 1.4 s for 100,000 characters
            // in a debug build), so the longest are rare.
            let n = chance(4) ? 100_000 : pick([500, 1_000, 2_000, 5_000, 20_000])
            let long = String(repeating: unit, count: n / unit.utf8.count)
            return Self.lines(text) { l in
                if chance(50), !l.isEmpty {
                    let i = below(l.count)
                    l[i] += long
                } else {
                    l.insert(pick(["title: ", "  - ", "    prompt: ", ""]) + long, at: below(l.count + 1))
                }
            }
        case .deepNesting:
            // libyaml stops at about 1,000 levels. Near that depth Yams
            // hashes the nested mapping keys at every level (quadratic: 999
            // levels of `{` take about 1.5 s in a debug build), so those
            // depths have their own test below instead of costing seconds
            // here at random.
            let depth = pick([10, 100, 300, 5_000, 50_000])
            let open = pick(["[", "{", "- ", "[{", "{a: ["])
            let close = chance(50) ? String(open.reversed().map { $0 == "[" ? "]" : $0 == "{" ? "}" : " " }) : ""
            let nested = String(repeating: open, count: depth) + "x" + String(repeating: close, count: depth)
            return Self.lines(text) { l in
                l.insert(pick(["steps: ", "goals: ", "  - ", "    questions: ", "    settings: ", ""]) + nested, at: below(l.count + 1))
            }
        case .anchorsAndAliases:
            return Self.lines(text) { l in
                let candidates = l.indices.filter { l[$0].contains(": ") || l[$0].hasPrefix("  - ") }
                guard !candidates.isEmpty else { return }
                let a = pick(candidates), b = pick(candidates)
                let name = pick(["a", "b", "step", "å"])
                if let r = l[a].range(of: ": ") { l[a].replaceSubrange(r, with: ": &\(name) ") }
                else if let r = l[a].range(of: "- ") { l[a].replaceSubrange(r, with: "- &\(name) ") }
                let alias = pick(["*\(name)", "*\(name)x", "*", "&\(name)", "<<: *\(name)", "[*\(name), *\(name)]"])
                if let r = l[b].range(of: ": ") {
                    l[b] = String(l[b][..<r.upperBound]) + alias
                } else {
                    l.insert(String(repeating: " ", count: pick([0, 2, 4])) + "- " + alias, at: b)
                }
            }
        case .aliasBomb:
            // A "billion laughs": each level refers to the one before ten times.
            var bomb = ["a0: &a0 [\"lol\"]"]
            for i in 1...(3 + below(7)) {
                bomb.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]")
            }
            let last = bomb.count - 1
            let use = pick(["steps: *a\(last)", "goals: *a\(last)", "title: *a\(last)", "  - *a\(last)", "quality_criteria: *a\(last)"])
            return Self.lines(text) { l in
                let at = below(l.count + 1)
                l.insert(contentsOf: bomb + [use], at: at)
            }
        case .insertTag:
            return Self.lines(text) { l in
                let candidates = l.indices.filter { l[$0].contains(": ") }
                guard !candidates.isEmpty else { return }
                let i = pick(candidates)
                let tag = pick(["!!str ", "!!int ", "!!map ", "!!seq ", "!!null ", "!!float ", "!!bool ", "!custom ", "!<x> ",
                                "!!binary ", "!!timestamp ", "!! ", "! "])
                if let r = l[i].range(of: ": ") { l[i].replaceSubrange(r, with: ": " + tag) }
            }
        case .documentMarkers:
            return Self.lines(text) { l in
                l.insert(pick(["---", "...", "--- >", "%YAML 1.1", "%YAML 2.0", "%TAG ! tag:x,2000:", "%FOO bar", "--- |", "--- !!seq"]),
                         at: below(l.count + 1))
            }
        case .lineEndings:
            let ending = pick(["\r\n", "\r", "\u{85}", "\u{2028}", "\n\n"])
            return text.replacingOccurrences(of: "\n", with: ending)
        case .randomBytes:
            return Self.bytes(text) { b in
                let junk = (0..<(1 + below(64))).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
                b.insert(contentsOf: junk, at: below(b.count + 1))
            }
        case .duplicateKey:
            return Self.lines(text) { l in
                let candidates = l.indices.filter { l[$0].contains(": ") }
                guard !candidates.isEmpty else { return }
                let i = pick(candidates)
                l.insert(l[i], at: i + 1)
            }
        case .blankOut:
            return pick(["", " ", "\n", "\u{0}", "---", "~", "[]", "{}", "- x", "\u{FEFF}", "#", "steps:", "id: x"])
        }
    }

    /// The text as UTF-8 bytes, changed, and read back lossily (invalid
    /// sequences become U+FFFD), as a file with broken bytes would be.
    static func bytes(_ text: String, _ change: (inout [UInt8]) -> Void) -> String {
        var b = Array(text.utf8)
        change(&b)
        return String(decoding: b, as: UTF8.self)
    }

    static func lines(_ text: String, _ change: (inout [String]) -> Void) -> String {
        var l = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        change(&l)
        return l.joined(separator: "\n")
    }

    mutating func insert(_ s: String, into text: String) -> String {
        Self.bytes(text) { b in b.insert(contentsOf: Array(s.utf8), at: below(b.count + 1)) }
    }
}
