// Noticing commits made by other processes (other terminals on the same
// store). GRDB's observation does not see them (it watches its own
// connections only), so
// one dedicated connection polls `PRAGMA data_version`, which changes when
// any other connection has committed.

public final class ChangeWatcher: @unchecked Sendable {
    // One connection, used from the main loop only.
    private let connection: BareConnection
    private var last: Int64?

    /// A read-only connection of its own.
    public convenience init(path: String) throws {
        try self.init(connection: BareConnection(path: path, readOnly: true, busySeconds: 1))
    }

    /// Watches with the connection that inspected the store on opening
    /// (it only reads from now on), when the store still has it: the
    /// schema it read is not read again. Else with a read-only connection
    /// of its own.
    public convenience init(store: AppStore) throws {
        if let kept = store.inspection.take() {
            try self.init(connection: kept)
        } else if let path = store.path {
            try self.init(path: path)
        } else {
            throw StoreError.notFound(what: "a store file to watch")
        }
    }

    private init(connection: BareConnection) throws {
        self.connection = connection
        last = connection.dataVersion()
    }

    /// Closes the connection now (not whenever it is released), so that the
    /// store's own last connection can be the file's last.
    public func close() {
        connection.close()
    }

    /// True when something was committed to the store since the last call
    /// (by this process's own writer too: it is another connection).
    public func poll() -> Bool {
        let now = connection.dataVersion()
        defer { last = now }
        return now != nil && now != last
    }
}
