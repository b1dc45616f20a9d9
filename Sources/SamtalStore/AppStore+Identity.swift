// The store's identity for the region (issue 17): the UUID every published
// record's global id starts with, and the municipality's name.

import GRDB

public struct StoreIdentity: Equatable, Sendable {
    /// Lower-case UUID, made once when the store was created or upgraded.
    public var uuid: String
    /// The municipality as the county shows it; empty until set.
    public var municipality: String
    /// The region's address the last publish went to, without a password;
    /// empty until then.
    public var regionURL: String = ""
}

extension AppStore {
    public func identity() throws -> StoreIdentity {
        try snapshot { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT uuid, municipality, region_url FROM store_identity WHERE id = 1") else {
                throw StoreError.notFound(what: "the store's identity")
            }
            return StoreIdentity(uuid: row["uuid"], municipality: row["municipality"], regionURL: row["region_url"])
        }
    }

    /// Names the municipality this store belongs to.
    public func setMunicipality(_ name: String) throws {
        try transaction { db in
            try db.execute(sql: "UPDATE store_identity SET municipality = ? WHERE id = 1", arguments: [name])
        }
    }

    /// Remembers the region's address (give it without a password).
    public func setRegionURL(_ url: String) throws {
        try transaction { db in
            try db.execute(sql: "UPDATE store_identity SET region_url = ? WHERE id = 1", arguments: [url])
        }
    }
}
