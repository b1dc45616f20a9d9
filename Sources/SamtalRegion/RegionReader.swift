// The live view's reader: a thread of its own that holds the connection,
// LISTENs on `RegionSchema.channel` and reads the region when asked, when a
// municipality publishes, and after (re)connecting; the key loop takes what
// it found without ever waiting for the server. A dropped connection is
// reported, in the interface's language, and made again every few seconds.

import Foundation
import SamtalCore

public final class RegionReader: @unchecked Sendable {
    /// What the reader found.
    public enum Found: Equatable, Sendable {
        case read([Publication])
        /// The message, and whether the reader tries again by itself (the
        /// connection was lost; a refusal waits for F5 or a publish).
        case failed(String, retrying: Bool)
    }

    private let url: String
    private let language: Language
    private let retrySeconds: Double
    private let lock = NSLock()
    private var found: [Found] = []
    private var wanted = true
    private var stopped = false
    /// Made on the caller's thread, used only on the reader's from `start`.
    private var first: PGConnection?

    /// `connection`, when given, is one already made (and LISTENing): the
    /// reader uses it first.
    public init(url: String, language: Language, connection: PGConnection? = nil, retrySeconds: Double = 3) {
        self.url = url
        self.language = language
        self.first = connection
        self.retrySeconds = retrySeconds
    }

    public func start() {
        let thread = Thread { [self] in run() }
        thread.name = "samtal region reader"
        thread.start()
    }

    /// Reads again as soon as the reader can (F5).
    public func readAgain() { lock.withLock { wanted = true } }

    /// Ends the thread (within a fraction of a second).
    public func stop() { lock.withLock { stopped = true } }

    /// What was found since the last call, oldest first.
    public func take() -> [Found] {
        lock.withLock {
            defer { found = [] }
            return found
        }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func post(_ f: Found) { lock.withLock { found.append(f) } }

    private func takeWanted() -> Bool {
        lock.withLock {
            defer { wanted = false }
            return wanted
        }
    }

    /// Sleeps `seconds`, waking early when stopped or asked to read (F5
    /// while the reader waits to connect again).
    private func pause(_ seconds: Double) {
        _ = takeWanted()
        var left = seconds
        while left > 0 && !isStopped && !lock.withLock({ wanted }) {
            Thread.sleep(forTimeInterval: min(0.1, left))
            left -= 0.1
        }
    }

    private func run() {
        var db = lock.withLock { () -> PGConnection? in
            defer { first = nil }
            return first
        }
        while !isStopped {
            guard let connection = db else {
                do {
                    let c = try PGConnection(url: url)
                    try c.exec("LISTEN \(RegionSchema.channel)")
                    db = c
                    readAgain()
                } catch {
                    post(.failed(explain(error, language), retrying: true))
                    pause(retrySeconds)
                }
                continue
            }
            if takeWanted() {
                do {
                    try RegionSchema.check(connection)
                    post(.read(try RegionServer.read(connection)))
                } catch {
                    let lost = !connection.isUp
                    post(.failed(explain(error, language), retrying: lost))
                    if lost {
                        db = nil
                        pause(retrySeconds)
                    }
                    continue
                }
            }
            // A municipality published: read again.
            if !connection.notifications(timeout: 0.2).isEmpty { readAgain() }
            if !connection.isUp {
                post(.failed(explain(RegionError(.regionConnectionLost(detail: connection.errorText)), language), retrying: true))
                db = nil
                pause(retrySeconds)
            }
        }
    }
}
