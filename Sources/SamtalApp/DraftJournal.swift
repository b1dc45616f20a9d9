// What is typed on a meeting's lines is kept as drafts in the store once a
// second (a commit, synced); a kill -9 between two of those writes lost up
// to a second of typing. At every key that changes them, the terminal's
// drafts are also written to a file beside the store, not synced: what a
// killed process has written stays in the file (a machine that loses
// power keeps the store's, a second older). Opening the meeting again
// takes the file's drafts over the store's, as the newer; a clean quit,
// once the store has them, removes the file.

import Foundation
import SamtalCore
import SamtalStore
#if canImport(Glibc)
import Glibc
#endif

public final class DraftJournal {
    public let path: String
    public let meetingID: Int64
    public let station: String
    /// The most a journal holds (bytes of text): with more, the file is
    /// removed, and the store's draft, written once a second, is the
    /// newest kept (a long text is not encoded and written again at every
    /// key; `RunState.draftsToJournal`).
    public static let limit = 16 * 1024
    private var fd: Int32 = -1
    /// The drafts in the file; nil when there is no file.
    private var written: [String: String]?
    private var fileSize = Int.max

    /// The journal of one terminal (`station`) for one meeting, beside the store.
    public init(storePath: String, meetingID: Int64, station: String) {
        self.meetingID = meetingID
        self.station = station
        let folder = (storePath as NSString).deletingLastPathComponent
        path = (folder as NSString).appendingPathComponent("samtal-drafts-\(meetingID)-\(NoteJournal.fileNamePart(station)).txt")
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    /// Writes `drafts` (every draft of the terminal, by field; nil: more
    /// than `limit`, the file is removed) when they differ from those
    /// written last. One write, read whole or not at all (it ends with a
    /// mark); nothing synced.
    public func write(_ drafts: [String: String]?) {
        let size = drafts?.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count } ?? 0
        guard let drafts, size <= Self.limit else {
            if written != nil || fd >= 0 { clear() }
            return
        }
        guard drafts != written else { return }
        if fd < 0 { fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600) }
        guard fd >= 0 else { return }
        let bytes = Self.encode(drafts)
        let done = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress!, $0.count, 0) }
        // Cut only where the file was longer (a letter typed makes it longer):
        // `read` ends at the mark either way.
        if done == bytes.count, bytes.count >= fileSize || ftruncate(fd, off_t(bytes.count)) == 0 {
            written = drafts
            fileSize = bytes.count
        } else {
            // Not written whole: the store's drafts are the newest kept.
            clear()
        }
    }

    /// The drafts written last; nil when there is no journal, or it was
    /// not written whole.
    public func read() -> [String: String]? {
        guard access(path, F_OK) == 0, let data = FileManager.default.contents(atPath: path) else { return nil }
        return Self.decode(Array(data))
    }

    /// The terminal's drafts as it left them, where the journal has them
    /// (written into the store now, so that the store has them too); nil
    /// without a journal (the store's are they).
    public func restore(into store: AppStore, now: Double) throws -> [String: String]? {
        guard let journaled = read() else { return nil }
        let stored = try store.readingOnWriter { try store.drafts(meetingID: meetingID, station: station) }
        for (field, text) in journaled.sorted(by: { $0.key < $1.key }) where stored[field] != text {
            try store.saveDraft(meetingID: meetingID, station: station, field: field, text: text, now: now)
        }
        for field in stored.keys.sorted() where journaled[field] == nil {
            try store.saveDraft(meetingID: meetingID, station: station, field: field, text: nil, now: now)
        }
        return journaled
    }

    /// Removes the file (the store has the drafts).
    public func clear() {
        if fd >= 0 {
            close(fd)
            fd = -1
        }
        unlink(path)
        written = nil
        fileSize = Int.max
    }

    static let header = Array("samtal drafts 1\n".utf8)
    static let end = Array("end\n".utf8)

    /// The header, each draft as "<name bytes> <text bytes>\n<name><text>\n"
    /// (sorted by name), then "end\n".
    static func encode(_ drafts: [String: String]) -> [UInt8] {
        var out = header
        out.reserveCapacity(header.count + end.count + drafts.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count + 24 })
        func number(_ n: Int) {
            var digits: [UInt8] = []
            var n = n
            repeat {
                digits.append(UInt8(ascii: "0") + UInt8(n % 10))
                n /= 10
            } while n > 0
            out.append(contentsOf: digits.reversed())
        }
        for (name, text) in drafts.sorted(by: { $0.key < $1.key }) {
            number(name.utf8.count)
            out.append(0x20)
            number(text.utf8.count)
            out.append(0x0A)
            out.append(contentsOf: name.utf8)
            out.append(contentsOf: text.utf8)
            out.append(0x0A)
        }
        out.append(contentsOf: end)
        return out
    }

    static func decode(_ bytes: [UInt8]) -> [String: String]? {
        guard bytes.starts(with: header) else { return nil }
        var i = header.count
        var drafts: [String: String] = [:]
        while true {
            let rest = bytes[i...]
            if rest.elementsEqual(end) { return drafts }
            guard let newline = rest.firstIndex(of: 0x0A) else { return nil }
            let sizes = String(decoding: bytes[i..<newline], as: UTF8.self).split(separator: " ").compactMap { Int($0) }
            // Sizes no larger than the file: a damaged one must not
            // overflow the sums below.
            guard sizes.count == 2, (0...bytes.count).contains(sizes[0]), (0...bytes.count).contains(sizes[1]) else { return nil }
            let start = newline + 1
            let textStart = start + sizes[0], textEnd = textStart + sizes[1]
            guard textEnd < bytes.count, bytes[textEnd] == 0x0A else { return nil }
            drafts[String(decoding: bytes[start..<textStart], as: UTF8.self)] = String(decoding: bytes[textStart..<textEnd], as: UTF8.self)
            i = textEnd + 1
        }
    }
}
