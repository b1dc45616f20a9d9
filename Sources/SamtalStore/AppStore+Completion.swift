// The ids shell completion offers: read from an existing store without
// creating, locking or migrating anything.

import Foundation
import GRDB

extension AppStore {
    /// The meeting ids (newest first) and cycle ids of the store at
    /// `path`, read-only; empty when there is no store there or it cannot
    /// be read as it is (completion must never create or change a store).
    public static func completionIDs(path: String) -> (meetings: [Int64], cycles: [Int64]) {
        guard FileManager.default.isReadableFile(atPath: path) else { return ([], []) }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(0.2)
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            return try queue.read { db in
                let meetings = try Int64.fetchAll(db, sql: "SELECT id FROM meeting ORDER BY id DESC")
                let cycles = try Int64.fetchAll(db, sql: "SELECT id FROM cycle ORDER BY id DESC")
                return (meetings, cycles)
            }
        } catch {
            return ([], [])
        }
    }
}
