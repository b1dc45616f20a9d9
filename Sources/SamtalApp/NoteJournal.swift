// Notes sent while the store is held by another process wait in memory for
// the worker; a journal beside the store keeps them through a kill -9. Each
// Enter appends the note (JSON, one line, fsynced) before it is handed to
// the worker; when the worker has nothing left to do, the journal is
// emptied. Opening the meeting again saves what the journal holds and the
// store does not (looked up by the note's client id), in order.

import Foundation
import SamtalCore
import SamtalStore
#if canImport(Glibc)
import Glibc
#endif

public struct NoteJournal: Sendable {
    public let path: String
    public let meetingID: Int64

    /// The journal of one terminal (`station`) for one meeting, beside the store.
    public init(storePath: String, meetingID: Int64, station: String) {
        self.meetingID = meetingID
        let folder = (storePath as NSString).deletingLastPathComponent
        path = (folder as NSString).appendingPathComponent("samtal-journal-\(meetingID)-\(Self.fileNamePart(station)).jsonl")
    }

    /// A terminal's name as part of a file name: ASCII letters, digits and
    /// "-" as they are, any other byte as "%XX" (a note-taker's name may
    /// hold a "/", a space or an "å"); "run" and "capture-2" as before.
    static func fileNamePart(_ station: String) -> String {
        var out = ""
        for byte in station.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%\(hex[Int(byte >> 4)])\(hex[Int(byte & 15)])"
            }
        }
        return out
    }

    private struct Entry: Codable {
        var meetingID: Int64, stepID: String, group: Int, type: String, source: String, text: String, author: String, clientID: String
    }

    /// Appends the note and syncs the file; true once it is on disk.
    @discardableResult
    public func append(_ draft: NoteDraft) -> Bool {
        guard let id = draft.clientID else { return false }
        let entry = Entry(meetingID: draft.meetingID, stepID: draft.stepID, group: draft.group, type: draft.type.rawValue,
                          source: draft.source.rawValue, text: draft.text, author: draft.author, clientID: id)
        guard var line = try? JSONEncoder().encode(entry) else { return false }
        line.append(0x0A)
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let written = line.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
        return written == line.count && fsync(fd) == 0
    }

    /// The notes journalled, in the order sent (a torn last line is left out).
    public func entries() -> [NoteDraft] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return data.split(separator: 0x0A).compactMap { line in
            guard let e = try? JSONDecoder().decode(Entry.self, from: Data(line)),
                  let type = NoteType(rawValue: e.type), let source = NoteSource(rawValue: e.source) else { return nil }
            return NoteDraft(meetingID: e.meetingID, stepID: e.stepID, group: e.group, type: type, source: source, text: e.text,
                             author: e.author, clientID: e.clientID)
        }
    }

    public func clear() {
        unlink(path)
    }

    /// Saves what the journal holds and the store does not, in order; then
    /// empties it. Returns the notes saved.
    @discardableResult
    public func replay(into store: AppStore, now: Double) throws -> [Note] {
        var saved: [Note] = []
        for draft in entries() where !(try store.hasNote(clientID: draft.clientID ?? "")) {
            saved.append(try store.saveNote(draft, now: now))
        }
        clear()
        return saved
    }
}
