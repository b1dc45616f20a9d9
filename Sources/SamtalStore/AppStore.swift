// The store: one value owning the GRDB database writer. Opening checks the
// file before anything is written to it; every write is one transaction
// named after what it is for (see AppStore+Meetings.swift, AppStore+Notes.swift,
// AppStore+FocusAreas.swift, AppStore+Steps.swift, AppStore+Problems.swift,
// AppStore+Activities.swift).
//
// What "acknowledged" means: a write method returns after its transaction
// has committed with `PRAGMA synchronous = FULL` in WAL mode, so the WAL was
// fsynced: a saved note survives kill -9 and power loss alike.

import Foundation
import GRDB
import GRDBSQLite
import SamtalCore

public struct AppStore: Sendable {
    /// A `DatabasePool` (WAL) for a file, a `DatabaseQueue` in memory.
    let writer: any DatabaseWriter

    /// The store file; nil in memory.
    public let path: String?

    /// Problems found on opening that do not stop the store from working,
    /// such as a store file others can read.
    public let warnings: [StoreWarning]

    /// Where the store was copied before this build upgraded its schema;
    /// nil when no upgrade was needed.
    public let migrationBackupPath: String?

    /// The notes of the meetings read last, with the note version they
    /// were read at (`NoteCache.swift`).
    let noteCache = NoteCache()

    /// The connection that inspected the file on opening, kept for the
    /// interface's change watcher (`ChangeWatcher(store:)`): a connection
    /// of its own reads SQLite's whole schema again, ~2 M instructions at
    /// each start (issue 15).
    let inspection: KeptConnection

    private init(writer: any DatabaseWriter, path: String?, warnings: [StoreWarning], migrationBackupPath: String?,
                 inspection: BareConnection? = nil) {
        self.writer = writer
        self.path = path
        self.warnings = warnings
        self.migrationBackupPath = migrationBackupPath
        self.inspection = KeptConnection(inspection)
    }

    /// Opens the store file at `path`, creating it (and its folder) if
    /// missing, and brings its schema up to date.
    ///
    /// - Throws: `StoreError.damaged` when the file is not a readable
    ///   database, `StoreError.newerVersion` when a newer samtal wrote it (in
    ///   both cases the file is left as it was), or a file-system error.
    public init(path: String) throws {
        try self.init(path: path, migrator: Schema.migrator)
    }

    /// The folder the store is in, absolute. Not through Foundation's URL:
    /// its first use cost ~0.4 M instructions at every start (issue 15).
    static func folder(of path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let slash = absolute.lastIndex(of: "/")!
        return slash == absolute.startIndex ? "/" : String(absolute[..<slash])
    }

    /// Opening with any migrator: tests use it to simulate a newer build.
    init(path: String, migrator: DatabaseMigrator) throws {
        var warnings: [StoreWarning] = []
        let folder = Self.folder(of: path)
        if let warning = try FileModes.prepareFolder(folder) { warnings.append(warning) }
        if FileModes.status(path)?.isFolder == true {
            throw StoreError.damaged(path: path, detail: "it is a folder, not a file")
        }
        // Several samtal started at once on a new store (a workshop's
        // terminals) must not create and migrate it side by side: opening
        // is one at a time per folder.
        let lock = FileModes.lockFolder(folder)
        defer { FileModes.unlock(lock) }
        try FileModes.checkWritable(store: path, folder: folder)
        if let warning = try FileModes.prepareFile(path) { warnings.append(warning) }

        // Look before touching: a DatabasePool would switch the file to WAL.
        let (needsBackup, upToDate, rewriteHeader, inspection) = try Self.inspect(path: path, migrator: migrator)
        // Closed unless it is handed to the store below.
        var keptInspection: BareConnection? = inspection
        defer { keptInspection?.close() }

        let pool = try Self.openPool(path: path, markingUpToDate: rewriteHeader ? Self.upToDateMark(migrator) : nil)
        // The inspection read the applied migrations under the same folder
        // lock: a store it found up to date is not asked again (that opened
        // a reader connection, which reads the whole schema, before the
        // first frame: ~1.1 ms, issue 15).
        if upToDate {
            self.init(writer: pool, path: path, warnings: warnings, migrationBackupPath: nil, inspection: inspection)
            keptInspection = nil
            return
        }
        if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
            throw StoreError.newerVersion(path: path)
        }
        var backupPath: String?
        if needsBackup {
            let target = Self.freeMigrationBackupPath(for: path)
            try Self.copy(pool, to: target)
            backupPath = target
        }
        var migrated = false
        do {
            // Up to date: nothing to write (so another process writing at
            // this moment does not hold up the opening).
            if try !pool.read({ try migrator.hasCompletedMigrations($0) }) {
                migrated = true
                try migrator.migrate(pool)
            }
        } catch {
            // Another samtal may have created the same new store at the same
            // moment and migrated it first: then all is well.
            guard try pool.read({ try migrator.hasCompletedMigrations($0) }) else { throw error }
        }
        // Readers opened before a migration may hold statements prepared
        // against the old schema; start them afresh. Without one, the
        // reader is kept: a new connection reads the whole schema again
        // (~2.5 M instructions at each start, issue 15).
        if migrated { pool.invalidateReadOnlyConnections() }
        try? pool.write { try $0.execute(sql: "PRAGMA user_version = \(Self.upToDateMark(migrator))") }
        self.init(writer: pool, path: path, warnings: warnings, migrationBackupPath: backupPath, inspection: inspection)
        keptInspection = nil
    }

    /// Closes the store's connections when nothing is reading or writing;
    /// nothing may be asked of it afterwards. The last connection to the
    /// file, in any process, checkpoints the WAL and removes the `-wal`
    /// file: the next opening sees a store that was closed cleanly.
    public func close() {
        inspection.close()
        // A pool closes its writer before its read-only readers, and a
        // read-only connection that closes last leaves the -wal as it was
        // (GRDB issue 739): it is emptied first. Another process reading
        // at this moment keeps it (then the next opening checks every page).
        try? writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA busy_timeout = 100")
            try db.checkpoint(.truncate)
        }
        try? writer.close()
    }

    /// A fresh, empty store in memory (for tests and trials).
    public static func inMemory() throws -> AppStore {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue)
        return AppStore(writer: queue, path: nil, warnings: [], migrationBackupPath: nil)
    }

    /// Copies the whole store to a new file at `path` (mode 0600) with
    /// SQLite's online backup, while others may go on writing. Refuses to
    /// overwrite a non-empty file.
    ///
    /// The copy is then checked whole (SQLite's quick check, which opening
    /// the store no longer runs): a damaged store throws
    /// `StoreError.damaged` and leaves no copy behind.
    public func backup(to path: String) throws {
        try Self.copy(writer, to: path)
        do {
            let copy = try DatabaseQueue(path: path)
            defer { try? copy.close() }
            try copy.read { try Self.fullCheck($0, path: self.path ?? path) }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            if let error = error as? DatabaseError, Self.isDamage(error) {
                throw StoreError.damaged(path: self.path ?? path, detail: Self.damageDetail(error))
            }
            throw error
        }
    }

    // MARK: opening

    /// Reads the file with a bare SQLite connection, and compares the
    /// applied migrations with the known ones; it changes nothing (but a
    /// page of a WAL store written again as it was, see below). Returns
    /// whether the store needs a copy before migrating (it has data and
    /// migrations are pending), whether it has every known migration and no
    /// other, and the connection, open (the caller closes it); none for a
    /// new store.
    ///
    /// What is checked costs the same for any size of store: the file's
    /// SQLite header, and that its schema can be read (`schema_version`,
    /// `user_version`, the migrations table). SQLite's quick check, which
    /// reads every page, runs only where damage is likely or costly: before
    /// a migration, and when the last run did not close the store (a `-wal`
    /// file with content is left behind, as after a crash or a power cut,
    /// or while another samtal has it open). A backup checks its copy.
    static func inspect(path: String, migrator: DatabaseMigrator) throws
        -> (needsBackup: Bool, upToDate: Bool, rewriteHeader: Bool, connection: BareConnection?) {
        guard let header = try checkHeader(path: path) else { return (false, false, false, nil) } // a new store
        let uncleanShutdown = uncleanShutdown(path: path)
        return try mappingDamage(path: path) {
            let connection = try BareConnection(path: path, busySeconds: 10)
            var failed = true
            defer { if failed { connection.close() } }
            // Both read the first page (not the schema): a file that is
            // not a database fails here.
            _ = try connection.value("PRAGMA schema_version")
            let userVersion = try connection.value("PRAGMA user_version") ?? "0"
            let known = migrator.migrations
            var pending = false, hasTables = true
            // A store marked as having all of this build's migrations
            // (`upToDateMark`) is not asked what it has: that read the
            // whole schema on this connection, ~2.3 M instructions at every
            // start (issue 15); GRDB's connection reads it anyway. A newer
            // build marks its own count, which is not this one's.
            if uncleanShutdown || Int(userVersion) != Self.upToDateMark(migrator) {
                // What GRDB's migrator reads (`hasBeenSuperseded`,
                // `hasCompletedMigrations`), without a GRDB connection.
                let hasMigrations = try connection.value("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations')") == "1"
                let applied = hasMigrations ? Set(try connection.rows("SELECT identifier FROM grdb_migrations").compactMap { $0.first ?? nil }) : []
                if applied.contains(where: { !known.contains($0) }) {
                    throw StoreError.newerVersion(path: path)
                }
                pending = !known.allSatisfy(applied.contains)
                hasTables = try connection.value("SELECT EXISTS (SELECT 1 FROM sqlite_master)") == "1"
                if uncleanShutdown || (pending && hasTables) {
                    try fullCheck(connection, path: path)
                }
            }
            // The header page written again by the pool's writer, see
            // `openPool`: where nothing else writes first (a migration).
            let rewriteHeader = header[18] == 2 && header[19] == 2 && !uncleanShutdown && !pending && Int(userVersion) != nil
            connection.setBusyTimeout(seconds: 1) // from now on it only watches
            failed = false
            return (pending && hasTables, !pending, rewriteHeader, connection)
        }
    }

    /// The `user_version` of a store that has every migration of this
    /// build: their number (other builds of samtal leave it as it is).
    static func upToDateMark(_ migrator: DatabaseMigrator) -> Int { migrator.migrations.count }

    static func fullCheck(_ connection: BareConnection, path: String) throws {
        let check = try connection.rows("PRAGMA quick_check").map { $0.first ?? nil }
        guard check == ["ok"] else {
            throw StoreError.damaged(path: path, detail: "integrity check: " + check.prefix(3).map { $0 ?? "" }.joined(separator: "; "))
        }
    }

    /// The last run did not close the store: a `-wal` file with content is
    /// left behind (a crash, a power cut, or another samtal has it open).
    static func uncleanShutdown(path: String) -> Bool {
        (FileModes.size(path + "-wal") ?? 0) > 0
    }

    /// `body`, with SQLite's "not a database" and "corrupt" said as
    /// `StoreError.damaged`.
    static func mappingDamage<T>(path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where isDamage(error) {
            throw StoreError.damaged(path: path, detail: damageDetail(error))
        }
    }

    /// SQLite's quick check: reads the whole database.
    static func fullCheck(_ db: Database, path: String) throws {
        let check = try String.fetchAll(db, sql: "PRAGMA quick_check")
        guard check == ["ok"] else {
            throw StoreError.damaged(path: path, detail: "integrity check: " + check.prefix(3).joined(separator: "; "))
        }
    }

    /// The first 100 bytes of a store are SQLite's header: its magic string
    /// and a page size that is a power of two from 512 to 65536. An empty
    /// file is a store not yet created.
    /// Returns the header; nil for a missing or empty file.
    @discardableResult
    static func checkHeader(path: String) throws -> Data? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil } // opening reports it
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        if header.isEmpty { return nil }
        let pageSize = header.count >= 18 ? Int(header[16]) << 8 | Int(header[17]) : 0
        let validPageSize = pageSize == 1 || (pageSize >= 512 && pageSize <= 32768 && pageSize & (pageSize - 1) == 0)
        // Bytes compared with bytes: a `Data` made of the text's UTF-8
        // view cast it at run time (a conformance look-up, 0.27 M
        // instructions, at every start; issue 15).
        guard header.count == 100, header.prefix(16).elementsEqual("SQLite format 3\u{0}".utf8), validPageSize else {
            throw StoreError.damaged(path: path, detail: "it is not a database")
        }
        return header
    }

    /// The store's pool. With `mark`: a store in WAL mode closed cleanly
    /// has no -wal, and GRDB's pool would make one by creating and dropping
    /// a table, a change of schema (see BareConnection). Its header page
    /// written again, with the mark that says it is up to date, makes one
    /// without: by the writer as it opens, before GRDB looks (its schema is
    /// read then anyway; on the inspecting connection `synchronous` read it
    /// only for this, ~2.3 M instructions, issue 15). Without waiting for
    /// the disk (it changes nothing the store needs), and without waiting
    /// for another process that holds the store: then the pool's own way
    /// waits, and says so (`openStore`'s message).
    static func openPool(path: String, markingUpToDate mark: Int? = nil) throws -> DatabasePool {
        var config = Configuration()
        config.busyMode = .timeout(10)
        if let mark {
            config.prepareDatabase { db in
                guard !db.configuration.readonly, let handle = db.sqliteConnection else { return }
                sqlite3_busy_timeout(handle, 0)
                defer { sqlite3_busy_timeout(handle, 10_000) }
                try? db.execute(sql: "PRAGMA synchronous = OFF")
                try? db.execute(sql: "PRAGMA user_version = \(mark)")
            }
        }
        do {
            let pool = try DatabasePool(path: path, configuration: config)
            // DatabasePool sets NORMAL on its writer after prepareDatabase:
            // FULL has to be set here to stick.
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            return pool
        } catch let error as DatabaseError where isDamage(error) {
            throw StoreError.damaged(path: path, detail: damageDetail(error))
        }
    }

    static func isDamage(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT
    }

    static func damageDetail(_ error: DatabaseError) -> String {
        if error.resultCode == .SQLITE_NOTADB { return "it is not a database" }
        return "the database is damaged: \(error.message ?? "SQLite reports corruption")"
    }

    /// `PATH.before-migration-YYYYMMDD-HHMMSS.sqlite`, UTC, with a counter
    /// added if such a file already exists.
    static func freeMigrationBackupPath(for path: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let base = "\(path).before-migration-\(formatter.string(from: Date()))"
        var candidate = base + ".sqlite"
        var counter = 2
        while FileModes.status(candidate) != nil {
            candidate = "\(base)-\(counter).sqlite"
            counter += 1
        }
        return candidate
    }

    /// SQLite online backup of `source` into a new private file.
    static func copy(_ source: any DatabaseReader, to path: String) throws {
        do {
            try FileModes.createPrivateFile(path)
        } catch let error as FileModes.SystemError {
            // Said in the interface's language: a file that is there
            // already, no permission, a full disk.
            throw OutputError.system(path: path, code: error.code)
        }
        let destination = try DatabaseQueue(path: path)
        try source.backup(to: destination)
        try destination.close()
    }
}

/// A connection the store opened and may hand over once, closed with the
/// store if it was not.
final class KeptConnection: @unchecked Sendable {
    private let lock = NSLock()
    private var queue: BareConnection?

    init(_ queue: BareConnection?) {
        self.queue = queue
    }

    /// The connection, once; nil after.
    func take() -> BareConnection? {
        lock.lock()
        defer { lock.unlock() }
        defer { queue = nil }
        return queue
    }

    func close() {
        take()?.close()
    }

    /// `body` on the connection while it is kept here; nil once it was
    /// handed over or closed.
    func read<T>(_ body: (BareConnection) throws -> T) rethrows -> T? {
        lock.lock()
        defer { lock.unlock() }
        return try queue.map(body)
    }
}
