// What a frame works out from records that change seldom (a wall's pages,
// the cluster's areas, a workspace's ranking), kept from one frame to the
// next until those records change (issue 15), like the wrapped lines of
// `WrapMemo`. The key is the records themselves: an array, a dictionary
// or a string that did not change is the same storage, which `==` finds
// at once without looking at an element, so a frame that finds its
// value costs the same for 30 notes as for 3,000. What is kept is a
// function of the key, so it is what working it out again would give:
// the renderer stays a function of the state.

import Synchronization

// `Key: Equatable` is asked of `value` only, not of the class: a generic
// class's requirement is checked by the Swift runtime when the class is
// first made for a key type, by a search through every conformance record
// of the binary (~0.45 M instructions, once per memo and start, issue 15).
final class FrameMemo<Key: Sendable, Value: Sendable>: Sendable {
    /// Enough for the few screens (and sizes) drawn at a time, tests
    /// running side by side included.
    let capacity: Int
    /// The value found or made last first.
    private let entries = Mutex<[(key: Key, value: Value)]>([])

    init(capacity: Int = 8) {
        self.capacity = capacity
    }

    /// The value kept for `key`, else `make()`'s, kept for next time.
    func value(_ key: Key, make: () -> Value) -> Value where Key: Equatable {
        let found: Value? = entries.withLock { entries in
            guard let i = entries.firstIndex(where: { $0.key == key }) else { return nil }
            let entry = entries.remove(at: i)
            // Kept under the key just seen: a list read again with the same
            // records is compared once, then found by its storage.
            entries.insert((key, entry.value), at: 0)
            return entry.value
        }
        if let found { return found }
        let value = make()
        entries.withLock { entries in
            entries.insert((key, value), at: 0)
            if entries.count > capacity { entries.removeLast(entries.count - capacity) }
        }
        return value
    }
}
