// Counts the core's work on the notes of a step when the store hands them
// over again (a reload after every commit), so that a test can hold its
// shape without timing anything (issue 15). Off unless a test measures.

public final class NoteWork: @unchecked Sendable {
    /// Notes looked at to tell whether a reload changed anything, or
    /// sorted and scanned because it did.
    public private(set) var notes = 0

    public init() {}

    @TaskLocal static var current: NoteWork?

    /// Runs `body` (updates) and returns the note work it did.
    public static func count(_ body: () throws -> Void) rethrows -> NoteWork {
        let work = NoteWork()
        try $current.withValue(work) { try body() }
        return work
    }

    @inline(__always) static func add(_ n: Int) {
        if let work = current { work.notes += n }
    }
}
