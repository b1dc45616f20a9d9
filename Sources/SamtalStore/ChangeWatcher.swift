// Noticing commits made by other processes (other terminals on the same
// store). GRDB's observation does not see them (it watches its own
// connections only), so
// one dedicated connection polls `PRAGMA data_version`, which changes when
// any other connection has committed.

import GRDB

public final class ChangeWatcher: @unchecked Sendable {
    // One connection, used from the main loop only.
    private let queue: DatabaseQueue
    private var last: Int64?

    public init(path: String) throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(1)
        queue = try DatabaseQueue(path: path, configuration: config)
        last = version()
    }

    /// Watches with the connection that inspected the store on opening
    /// (it only ever reads), when the store still has it: a new one would
    /// read SQLite's whole schema again (issue 15). Else with a read-only
    /// connection of its own.
    public convenience init(store: AppStore) throws {
        if let kept = store.inspection.take() {
            do {
                try kept.inDatabase { try $0.execute(sql: "PRAGMA busy_timeout = 1000") }
            } catch {
                try? kept.close()
                throw error
            }
            self.init(queue: kept)
        } else if let path = store.path {
            try self.init(path: path)
        } else {
            throw StoreError.notFound(what: "a store file to watch")
        }
    }

    private init(queue: DatabaseQueue) {
        self.queue = queue
        last = version()
    }

    private func version() -> Int64? {
        try? queue.inDatabase { try Int64.fetchOne($0, sql: "PRAGMA data_version") }
    }

    /// Closes the connection now (not whenever it is released), so that the
    /// store's own last connection can be the file's last.
    public func close() {
        try? queue.close()
    }

    /// True when something was committed to the store since the last call
    /// (by this process's own writer too: it is another connection).
    public func poll() -> Bool {
        let now = version()
        defer { last = now }
        return now != nil && now != last
    }
}
