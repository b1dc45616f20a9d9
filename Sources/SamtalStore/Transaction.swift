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
                let state = ThreadTransactions.current
                state.writing += 1
                defer { state.writing -= 1 }
                return try open(db)
            }
        }
    }

    /// Whether this thread is inside a write transaction (what it reads
    /// may yet be rolled back).
    var isWriting: Bool { ThreadTransactions.current.writing > 0 }

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
        let state = ThreadTransactions.current
        let key = ObjectIdentifier(writer)
        if let db = state.joined(key) {
            return try body(db)
        }
        return try withoutActuallyEscaping(body) { body in
            try open { db in
                state.open.append((key, db))
                defer { state.open.removeAll { $0.store == key } }
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

/// The transactions this thread is in, one per store, and how deep it is in
/// writes. Kept under a pthread key rather than in Foundation's
/// `threadDictionary`: storing a Database there bridged it to an
/// NSDictionary, ~2.4 M instructions of runtime type checks on the start's
/// path (issue 15). A thread is in at most a few stores' transactions, so a
/// list is searched, not hashed.
final class ThreadTransactions {
    var open: [(store: ObjectIdentifier, db: Database)] = []
    var writing = 0

    func joined(_ store: ObjectIdentifier) -> Database? {
        open.first { $0.store == store }?.db
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let made = pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<ThreadTransactions>.fromOpaque(pointer).release() }
        }
        precondition(made == 0, "pthread_key_create: \(made)")
        return key
    }()

    /// This thread's, made on its first use and released when it ends.
    static var current: ThreadTransactions {
        if let pointer = pthread_getspecific(key) {
            return Unmanaged<ThreadTransactions>.fromOpaque(pointer).takeUnretainedValue()
        }
        let made = ThreadTransactions()
        pthread_setspecific(key, Unmanaged.passRetained(made).toOpaque())
        return made
    }
}
