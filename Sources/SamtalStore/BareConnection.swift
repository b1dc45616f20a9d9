// A connection through SQLite's C interface, for what is asked of a store
// before GRDB opens it (`AppStore.inspect`) and then for the change
// watcher's poll (`ChangeWatcher`). Not GRDB's: a GRDB connection checks
// the file's format on opening, and a GRDB pool opened on a store whose
// -wal is empty (every store closed cleanly) creates and drops a table to
// make one (GRDB issue 102): a change of schema, and a commit, at every
// start. Opening the store went from 14.4 M to 12.8 M instructions
// (callgrind, issue 15).

import GRDB
import GRDBSQLite

final class BareConnection: @unchecked Sendable {
    private var db: OpaquePointer?
    private var polled: OpaquePointer?

    /// Opens the file at `path` (it exists), read-write unless `readOnly`
    /// (a read-only connection may fail on a WAL store whose -shm file is
    /// missing), waiting `busySeconds` for a lock another process holds.
    init(path: String, readOnly: Bool = false, busySeconds: Double) throws {
        var db: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &db, flags, nil)
        self.db = db
        guard code == SQLITE_OK else {
            defer { close() }
            throw error(code)
        }
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, Int32(busySeconds * 1000))
    }

    deinit { close() }

    func setBusyTimeout(seconds: Double) {
        if let db { sqlite3_busy_timeout(db, Int32(seconds * 1000)) }
    }

    private func error(_ code: Int32) -> DatabaseError {
        let message = db.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "SQLite error \(code)"
        let extended = db.map { sqlite3_extended_errcode($0) } ?? code
        return DatabaseError(resultCode: ResultCode(rawValue: extended == 0 ? code : extended), message: message)
    }

    /// Every row of `sql`'s result, each column as text (NULL as nil);
    /// `arguments` bound to its `?` in order.
    func rows(_ sql: String, _ arguments: [Int64] = []) throws -> [[String?]] {
        guard let db else { throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "connection closed") }
        return try Self.rows(on: db, sql, arguments)
    }

    /// `rows`, on any connection's handle (GRDB's too: without its
    /// statement machinery, whose first use costs ~2.9 M instructions).
    static func rows(on db: OpaquePointer, _ sql: String, _ arguments: [Int64] = []) throws -> [[String?]] {
        func error(_ code: Int32) -> DatabaseError {
            let extended = sqlite3_extended_errcode(db)
            return DatabaseError(resultCode: ResultCode(rawValue: extended == 0 ? code : extended), message: String(cString: sqlite3_errmsg(db)))
        }
        var statement: OpaquePointer?
        var code = sqlite3_prepare_v2(db, sql, -1, &statement, nil)
        defer { sqlite3_finalize(statement) }
        guard code == SQLITE_OK, let statement else { throw error(code) }
        for (i, value) in arguments.enumerated() {
            code = sqlite3_bind_int64(statement, Int32(i + 1), value)
            guard code == SQLITE_OK else { throw error(code) }
        }
        var rows: [[String?]] = []
        while true {
            code = sqlite3_step(statement)
            if code == SQLITE_DONE { return rows }
            guard code == SQLITE_ROW else { throw error(code) }
            rows.append((0..<sqlite3_column_count(statement)).map { i in
                sqlite3_column_text(statement, i).map { String(cString: $0) }
            })
        }
    }

    /// The memory SQLite holds for the schema it has read (0: not read).
    func schemaBytes() -> Int32 {
        guard let db else { return 0 }
        var current: Int32 = 0, highest: Int32 = 0
        sqlite3_db_status(db, SQLITE_DBSTATUS_SCHEMA_USED, &current, &highest, 0)
        return current
    }

    /// The first column of the first row, as text.
    func value(_ sql: String, _ arguments: [Int64] = []) throws -> String? {
        try rows(sql, arguments).first?.first ?? nil
    }

    /// `PRAGMA data_version`, from a statement kept for it: changes when
    /// another connection has committed. Nil when it cannot be read.
    func dataVersion() -> Int64? {
        guard let db else { return nil }
        if polled == nil, sqlite3_prepare_v2(db, "PRAGMA data_version", -1, &polled, nil) != SQLITE_OK {
            sqlite3_finalize(polled)
            polled = nil
            return nil
        }
        defer { sqlite3_reset(polled) }
        return sqlite3_step(polled) == SQLITE_ROW ? sqlite3_column_int64(polled, 0) : nil
    }

    func close() {
        sqlite3_finalize(polled)
        polled = nil
        if let db { sqlite3_close_v2(db) }
        db = nil
    }
}
