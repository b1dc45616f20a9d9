// What can go wrong with the store, in words a facilitator can act on.

/// An error the store reports to the program. Its `description` is English
/// text that says what happened and what to do about it.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// The file at `path` is not a readable samtal store (not a database, or
    /// it failed SQLite's integrity check). The file was left as it was.
    case damaged(path: String, detail: String)
    /// The store was written by a newer samtal (it has migrations this build
    /// does not know). The file was left as it was.
    case newerVersion(path: String)
    /// A cycle, meeting, note, focus area, summary item, problem, cause or
    /// activity asked for by id is not in the store (or was deleted).
    case notFound(what: String)
    /// Activity dependencies that would go round in a circle (ids, from the
    /// changed activity back to it). Nothing was changed.
    case dependencyCycle([Int64])

    public var description: String {
        switch self {
        case .damaged(let path, let detail):
            return "samtal cannot read the store at \(path) (\(detail)). It has not been changed. "
                + "Restore a backup, or move the file away to start a new store."
        case .newerVersion(let path):
            return "The store at \(path) was written by a newer version of samtal. It has not been changed. "
                + "Use the newer samtal, or give another store with --store."
        case .notFound(let what):
            return "\(what) is not in the store; another samtal window may have changed it. "
                + "Go back to the list and try again."
        case .dependencyCycle(let path):
            return "Activity dependencies would form a cycle (" + path.map(String.init).joined(separator: " → ")
                + "). Nothing was changed."
        }
    }
}
