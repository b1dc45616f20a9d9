// Counts the layout work of a render, so that a test can hold its shape
// (how the work grows with the number of notes) without timing anything.
// Off unless a test measures: then every render on that thread counts.

public final class LayoutWork: @unchecked Sendable {
    /// Notes (or list items built from notes) laid out for a frame.
    public private(set) var items = 0
    /// UTF-8 bytes of text whose display width was measured.
    public private(set) var measuredBytes = 0
    /// Records (notes, areas, causes, activities, …) a frame went through
    /// without laying them out: to count a wall's pages, to find a note's
    /// area, to rank a list. Work that grows with them all the same.
    public private(set) var visited = 0

    public init() {}

    /// The counter of the render going on, if a test asked for one.
    @TaskLocal static var current: LayoutWork?

    /// Runs `body` (a render) and returns what it laid out.
    public static func count(_ body: () throws -> Void) rethrows -> LayoutWork {
        let work = LayoutWork()
        try $current.withValue(work) { try body() }
        return work
    }

    @inline(__always) static func item(_ n: Int = 1) {
        if let work = current { work.items += n }
    }

    /// `n` is worked out only while a test counts.
    @inline(__always) static func visited(_ n: @autoclosure () -> Int) {
        if let work = current { work.visited += n() }
    }

    @inline(__always) static func measured(_ bytes: Int) {
        if let work = current { work.measuredBytes += bytes }
    }
}
