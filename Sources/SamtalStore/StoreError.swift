// What can go wrong with the store, in words a facilitator can act on, in
// the interface's language.

import Foundation
import GRDB
import SamtalCore

/// An error the store reports to the program. `message(_:)` says what
/// happened and what to do about it; `description` is the English text.
public enum StoreError: Error, Equatable, Explained {
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
    /// The store file (or one of its side files, or its folder) at `path`
    /// cannot be written: its mode lacks the owner's write bit.
    case readOnly(path: String, mode: String)
    /// The disk holding the store is full: the last write was not saved.
    case diskFull(path: String)

    public func message(_ language: Language) -> String {
        let sv = language == .sv
        switch self {
        case .damaged(let path, let detail):
            return sv ? "samtal kan inte läsa lagret \(path) (\(detail)). Det har inte ändrats. "
                + "Återställ en säkerhetskopia, eller flytta undan filen för att börja ett nytt lager."
                : "samtal cannot read the store at \(path) (\(detail)). It has not been changed. "
                + "Restore a backup, or move the file away to start a new store."
        case .newerVersion(let path):
            return sv ? "Lagret \(path) skrevs av en nyare version av samtal. Det har inte ändrats. "
                + "Använd den nyare versionen, eller ange ett annat lager med --store."
                : "The store at \(path) was written by a newer version of samtal. It has not been changed. "
                + "Use the newer samtal, or give another store with --store."
        case .notFound(let what):
            return sv ? "\(what) finns inte i lagret; ett annat samtal-fönster kan ha ändrat det. Gå tillbaka till listan och försök igen."
                : "\(what) is not in the store; another samtal window may have changed it. "
                + "Go back to the list and try again."
        case .dependencyCycle(let path):
            let chain = path.map(String.init).joined(separator: " → ")
            return sv ? "Aktiviteternas beroenden skulle gå i cirkel (\(chain)). Inget ändrades."
                : "Activity dependencies would form a cycle (\(chain)). Nothing was changed."
        case .readOnly(let path, let mode):
            return sv ? "Lagret \(path) är skrivskyddat (läge \(mode)), så inget kan sparas. Kör chmod 600 \(path) "
                + "(en mapp: chmod 700) och starta samtal igen."
                : "The store \(path) is read-only (mode \(mode)), so nothing can be saved. Run chmod 600 \(path) "
                + "(a folder: chmod 700) and start samtal again."
        case .diskFull(let path):
            return sv ? "Disken med lagret \(path) är full: det senaste sparades inte. Frigör utrymme och försök igen; det som redan sparats finns kvar."
                : "The disk holding the store \(path) is full: the last change was not saved. Free some space and try again; "
                + "what was saved before is still there."
        }
    }

    public var description: String { message(.en) }
}

extension AppStore {
    /// What a person is told about an error from the store or the file
    /// system, in `language`: SQLite's and the system's own words are
    /// translated into what happened and what to do.
    public func explain(_ error: Error, _ language: Language) -> String {
        Self.explain(error, language, storePath: path ?? "")
    }

    /// Said once by a command that waits for a store another process holds.
    public static func waitingMessage(_ language: Language, storePath: String) -> String {
        language == .sv ? "Ett annat program skriver i lagret \(storePath); väntar tills det är klart …"
            : "Another program is writing to the store \(storePath); waiting until it is done …"
    }

    /// Whether the error only says that another process holds the store
    /// (the write can be tried again and nothing was changed).
    public static func isBusy(_ error: Error) -> Bool {
        guard let db = error as? DatabaseError else { return false }
        return db.resultCode.primaryResultCode == .SQLITE_BUSY || db.resultCode.primaryResultCode == .SQLITE_LOCKED
    }

    public static func explain(_ error: Error, _ language: Language, storePath: String) -> String {
        let sv = language == .sv
        if let db = error as? DatabaseError {
            switch db.resultCode.primaryResultCode {
            case .SQLITE_FULL:
                return StoreError.diskFull(path: storePath).message(language)
            case .SQLITE_READONLY:
                return StoreError.readOnly(path: storePath, mode: FileModes.status(storePath).map { FileModes.octal($0.mode) } ?? "?")
                    .message(language)
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return sv ? "Ett annat program håller lagret \(storePath) låst. Försök igen om en stund; inget gick förlorat."
                    : "Another program holds the store \(storePath) locked. Try again in a moment; nothing was lost."
            case .SQLITE_IOERR, .SQLITE_CANTOPEN:
                return sv ? "Lagret \(storePath) kunde inte läsas eller skrivas (\(db.message ?? "I/O-fel")). Kontrollera disken och behörigheterna."
                    : "The store \(storePath) could not be read or written (\(db.message ?? "I/O error")). Check the disk and the permissions."
            default:
                break
            }
        }
        if let e = error as? FileModes.SystemError { return fileSystemMessage(path: e.path, code: e.code, language: language) }
        return SamtalCore.explain(error, language)
    }
}
