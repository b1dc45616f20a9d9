// One intent, one transaction. Every write method of the store runs its
// body through `transaction`; when that happens inside another write of
// the same thread, it joins the outer transaction instead of opening a new
// one. So a note and the draft it came from, or the four parts of a focus
// area edited in the workspace, commit together or not at all.

import Foundation
import GRDB

extension AppStore {
    /// Runs `body` in a write transaction: a new one, or the one this thread
    /// is already in.
    func transaction<T>(_ body: (Database) throws -> T) throws -> T {
        let key = "samtal.store.transaction.\(ObjectIdentifier(writer))"
        if let db = Thread.current.threadDictionary[key] as? Database {
            return try body(db)
        }
        return try writer.write { db in
            Thread.current.threadDictionary[key] = db
            defer { Thread.current.threadDictionary[key] = nil }
            return try body(db)
        }
    }

    /// Several of the store's writes as one transaction: all of them are
    /// committed, or none.
    public func inOneTransaction(_ body: () throws -> Void) throws {
        try transaction { _ in try body() }
    }
}
