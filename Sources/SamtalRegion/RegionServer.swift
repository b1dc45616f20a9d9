// Publishing a store's rows to the region, and reading the region back.
//
// A publish is one transaction: killed or cut off midway, nothing of it is
// committed, and the next publish does it whole. Rows are upserted by their
// global id (store UUID, local id) and changed only when a value differs
// (`ON CONFLICT … DO UPDATE … WHERE … IS DISTINCT FROM`), so publishing
// the same store twice writes no row. The store's rows the publication no
// longer holds (a deleted activity, a follow-up entry removed) are deleted
// from the region; a retired cycle stays, marked retired, with its records.

import SamtalCore
import Foundation

public struct PublishResult: Equatable, Sendable {
    /// Rows inserted or changed, per table.
    public var changed: [RegionTable: Int]
    /// Rows deleted because the store no longer has them, per table.
    public var removed: [RegionTable: Int]
    /// Whether the municipality's own row was made or renamed.
    public var municipalityChanged: Bool
    /// Whether the connection was encrypted, or local (a Unix socket).
    public var tls: Bool

    public var totalChanged: Int { changed.values.reduce(0, +) + removed.values.reduce(0, +) + (municipalityChanged ? 1 : 0) }
}

public enum RegionServer {
    static var s: String { RegionSchema.schema }

    /// Sends `publication` in one transaction.
    public static func publish(_ publication: Publication, url: String) throws -> PublishResult {
        let db = try PGConnection(url: url)
        try RegionSchema.check(db)
        return try db.transaction {
            // Asked first: after a refused statement the transaction answers nothing more.
            let isMunicipality = try db.value("SELECT pg_has_role(current_user, '\(RegionSchema.municipalityGroup)', 'USAGE')") == "t"
            var result = PublishResult(changed: [:], removed: [:], municipalityChanged: false,
                                        tls: db.isTLS || db.isLocalSocket)
            do {
                result.municipalityChanged = try !db.exec("""
                    INSERT INTO \(s).municipalities AS m (store_id, name) VALUES ($1, $2)
                    ON CONFLICT (store_id) DO UPDATE SET name = EXCLUDED.name, updated_at = now()
                    WHERE m.name IS DISTINCT FROM EXCLUDED.name
                    RETURNING 1
                    """, [publication.storeID, publication.municipality]).isEmpty
            } catch let e as RegionError where e.sqlState == "SRN01" {
                throw RegionError(.regionNameTaken(name: publication.municipality), sqlState: e.sqlState)
            } catch let e as RegionError where e.isPermissionDenied {
                // A municipality's role refused here: the store is another's.
                if isMunicipality {
                    throw RegionError(.regionStoreClaimed(store: publication.storeID, role: db.user), sqlState: e.sqlState)
                }
                throw RegionError(.regionRoleNotMunicipality(role: db.user), sqlState: e.sqlState)
            }
            // A store another role published first stays that role's.
            guard try db.value("SELECT \(s).owns($1)", [publication.storeID]) == "t" else {
                throw RegionError(.regionStoreClaimed(store: publication.storeID, role: db.user), sqlState: "42501")
            }
            for table in RegionTable.allCases {
                let rows = publication.rows(table)
                let cols = table.columns
                let placeholders = (0..<(cols.count + 2)).map { "$\($0 + 1)" }.joined(separator: ", ")
                let sql = """
                    INSERT INTO \(s).\(table.rawValue) AS t (store_id, local_id, \(cols.joined(separator: ", ")))
                    VALUES (\(placeholders))
                    ON CONFLICT (store_id, local_id) DO UPDATE SET
                        \(cols.map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")), updated_at = now()
                    WHERE (\(cols.map { "t.\($0)" }.joined(separator: ", "))) IS DISTINCT FROM
                          (\(cols.map { "EXCLUDED.\($0)" }.joined(separator: ", ")))
                    RETURNING 1
                    """
                var changed = 0
                for row in rows {
                    changed += try db.exec(sql, [publication.storeID, row.localID] + row.values).count
                }
                result.changed[table] = changed
                let removed = try db.exec("""
                    DELETE FROM \(s).\(table.rawValue) WHERE store_id = $1 AND local_id <> ALL($2::text[]) RETURNING 1
                    """, [publication.storeID, arrayLiteral(rows.map(\.localID))]).count
                result.removed[table] = removed
            }
            if result.totalChanged > 0 {
                try db.exec("SELECT pg_notify($1, $2)", [RegionSchema.channel, publication.storeID])
            }
            return result
        }
    }

    /// A text[] literal: {"a","b"}.
    static func arrayLiteral(_ items: [String]) -> String {
        "{" + items.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "}"
    }

    /// Everything the connecting role may read, one publication per store
    /// (municipalities by name). The county's role reads every store.
    public static func read(url: String) throws -> [Publication] {
        let db = try PGConnection(url: url)
        try RegionSchema.check(db)
        return try read(db)
    }

    /// The same on a connection of the caller's (the live view's, which LISTENs).
    public static func read(_ db: PGConnection) throws -> [Publication] {
        try db.transaction {
            let municipalities = try db.exec("SELECT store_id::text, name FROM \(s).municipalities ORDER BY name, store_id")
            var byStore: [String: Publication] = [:]
            var order: [String] = []
            for m in municipalities {
                guard let id = m[0], let name = m[1] else { continue }
                byStore[id] = Publication(storeID: id, municipality: name, rows: [])
                order.append(id)
            }
            for table in RegionTable.allCases {
                let rows = try db.exec("""
                    SELECT store_id::text, local_id, \(table.columns.map { "\($0)::text" }.joined(separator: ", "))
                    FROM \(s).\(table.rawValue) ORDER BY store_id, local_id
                    """)
                for r in rows {
                    guard let id = r[0], let local = r[1] else { continue }
                    byStore[id]?.rows.append(RegionRow(table, local, Array(r.dropFirst(2))))
                }
            }
            return order.compactMap { byStore[$0] }
        }
    }

    /// The store's rows as the region holds them now, in publication
    /// order (for `samtal publish --verify` and the tests).
    public static func published(storeID: String, url: String) throws -> Publication? {
        try read(url: url).first { $0.storeID == storeID }
    }
}

extension Publication {
    public init(storeID: String, municipality: String, rows: [RegionRow]) {
        self.storeID = storeID
        self.municipality = municipality
        self.rows = rows
    }

    /// How the region's rows (`held`) differ from these, per table: the
    /// rows new here, changed, and those only the region holds; with the
    /// name when it differs. Empty when they are the same.
    public func differences(from held: Publication?) -> [CommandMessage] {
        guard let held else { return [.regionNothingHeld] }
        var out: [CommandMessage] = []
        if held.municipality != municipality { out.append(.regionNameDiffers(held: held.municipality, store: municipality)) }
        for table in RegionTable.allCases {
            let mine = Dictionary(rows(table).map { ($0.localID, $0) }, uniquingKeysWith: { a, _ in a })
            let theirs = Dictionary(held.rows(table).map { ($0.localID, $0) }, uniquingKeysWith: { a, _ in a })
            let new = mine.keys.filter { theirs[$0] == nil }.count
            let changed = mine.filter { id, row in theirs[id].map { $0 != row } ?? false }.count
            let gone = theirs.keys.filter { mine[$0] == nil }.count
            if new + changed + gone > 0 {
                out.append(.regionDifference(table: table.rawValue, new: new, changed: changed, gone: gone))
            }
        }
        return out
    }

    /// The same rows in a fixed order (table, then local id), to compare
    /// what a store would send with what the region holds.
    public var normalized: Publication {
        var p = self
        let tables = RegionTable.allCases
        p.rows.sort { a, b in
            a.table == b.table ? a.localID < b.localID : tables.firstIndex(of: a.table)! < tables.firstIndex(of: b.table)!
        }
        return p
    }
}
