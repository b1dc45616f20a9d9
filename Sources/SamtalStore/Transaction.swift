// One intent, one transaction. Every write method of the store runs its
// body through `transaction`, every read through `snapshot`; inside another
// of the same thread, it joins the outer transaction instead of opening a
// new one. So a note and the draft it came from, or the four parts of a
// focus area edited in the workspace, commit together or not at all, and
// what one screen shows is read from one moment of the store.

import Foundation
import GRDB

extension AppStore {
    /// Runs `body` in a write transaction: a new one, or the one this thread
    /// is already in.
    func transaction<T>(_ body: (Database) throws -> T) throws -> T {
        try joining(body) { open in
            try writer.write { db in
                Thread.current.threadDictionary[Self.writingKey] = true
                defer { Thread.current.threadDictionary[Self.writingKey] = nil }
                return try open(db)
            }
        }
    }

    private static let writingKey = "samtal.store.writing"

    /// Whether this thread is inside a write transaction (what it reads
    /// may yet be rolled back).
    var isWriting: Bool { Thread.current.threadDictionary[Self.writingKey] != nil }

    /// Runs `body` in a read transaction (one snapshot of the store): a new
    /// one, or the transaction this thread is already in.
    func snapshot<T>(_ body: (Database) throws -> T) throws -> T {
        try joining(body) { try writer.read($0) }
    }

    /// Runs `body`'s reads in one read transaction on the writer's
    /// connection, not on a reader's. For the opening of a meeting, on the
    /// thread that writes, before anything is written: the pool opens its
    /// first reader connection on its first read, and a new connection reads
    /// the store's whole schema again, ~2.4 M instructions on the start's
    /// path (issue 15). Not for a thread that only reads: it would wait
    /// for this process's writes, which may wait for another process.
    public func readingOnWriter<T>(_ body: () throws -> T) throws -> T {
        try joining({ _ in try body() }) { open in
            try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.deferred) {
                    result = try open(db)
                    return .commit
                }
                return result!
            }
        }
    }

    /// `body` in the transaction this thread is in, else in one `open` starts.
    private func joining<T>(_ body: (Database) throws -> T, open: ((Database) throws -> T) throws -> T) throws -> T {
        // The writer's address as a number: interpolating the
        // ObjectIdentifier went through `print`'s machinery, ~1 M
        // instructions the first time (issue 15), and again at every read.
        let key = "samtal.store.transaction." + String(UInt(bitPattern: ObjectIdentifier(writer)), radix: 16)
        if let db = Thread.current.threadDictionary[key] as? Database {
            return try body(db)
        }
        return try withoutActuallyEscaping(body) { body in
            try open { db in
                Thread.current.threadDictionary[key] = db
                defer { Thread.current.threadDictionary[key] = nil }
                return try body(db)
            }
        }
    }

    /// Several of the store's writes as one transaction: all of them are
    /// committed, or none.
    public func inOneTransaction(_ body: () throws -> Void) throws {
        try transaction { _ in try body() }
    }
}
