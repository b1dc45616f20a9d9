import Foundation
import GRDB

extension AppStore {
    /// Goes through what opening a store costs the first time in a process
    /// and not again, on a store in memory: meant for a thread of its own
    /// at a start, beside the main thread, which opens the real store a
    /// moment later (issue 15). The Swift runtime looks up each generic
    /// type and conformance GRDB's opening uses once per process, each a
    /// scan of the binary's ~7,200 conformance records (~0.43 M
    /// instructions); Foundation's first URL and file attributes read the
    /// user and group databases. What this thread has looked up, the main
    /// thread finds in the runtime's caches. Nothing is written anywhere.
    public static func rehearseOpening() {
        guard let queue = try? DatabaseQueue() else { return }
        try? queue.inDatabase { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode")
            try db.execute(sql: "PRAGMA synchronous = FULL")
            _ = try Int64.fetchOne(db, sql: "SELECT 1 WHERE 1 = ?", arguments: [1])
        }
        // GRDB's WAL check asks Foundation for the `-wal` file's size.
        _ = try? URL(fileURLWithPath: NSTemporaryDirectory()).resourceValues(forKeys: [.fileSizeKey])
        _ = Set(["wal", "delete"])
    }
}
