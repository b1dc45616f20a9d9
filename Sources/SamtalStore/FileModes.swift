// Keeping the store private to its owner (DESIGN.md, "Data and privacy"):
// the folder is created 0700 and the file 0600 whatever the umask, and a
// store that others can read is reported.

import Foundation
import SamtalCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum FileModes {
    /// An error from the file system, with the path and the system's words.
    struct SystemError: Error, CustomStringConvertible {
        var action: String
        var path: String
        var code: Int32
        var description: String { "cannot \(action) \(path): \(String(cString: strerror(code)))" }
    }

    static let privateFile: mode_t = 0o600
    static let privateFolder: mode_t = 0o700

    /// The mode bits (permissions only) of the file or folder at `path`, and
    /// whether it is a folder; nil when nothing is there.
    static func status(_ path: String) -> (mode: mode_t, isFolder: Bool, owner: uid_t)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (info.st_mode & 0o7777, (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid)
    }

    /// The size in bytes of the file at `path`; nil when nothing is there.
    static func size(_ path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int64(info.st_size)
    }

    /// Who besides the owner can get at something with this mode; nil
    /// when nobody can.
    static func exposure(_ mode: mode_t) -> StoreWarning.Exposure? {
        if mode & 0o004 != 0 { return .readableByOthers }
        if mode & 0o040 != 0 { return .readableByGroup }
        if mode & 0o002 != 0 { return .writableByOthers }
        if mode & 0o020 != 0 { return .writableByGroup }
        return nil
    }

    static func octal(_ mode: mode_t) -> String { String(mode, radix: 8) }

    /// Makes sure the folder exists, creating it (and any missing parents)
    /// with mode 0700. Returns a warning when an existing folder of ours is
    /// open to others. Folders owned by someone else (such as /tmp) are not
    /// reported: the owner of the store cannot change them.
    static func prepareFolder(_ path: String) throws -> StoreWarning? {
        if let existing = status(path) {
            guard existing.isFolder else { throw SystemError(action: "use as a folder", path: path, code: ENOTDIR) }
            guard existing.owner == getuid(), let exposed = exposure(existing.mode) else { return nil }
            return StoreWarning(isFolder: true, path: path, exposure: exposed, mode: octal(existing.mode))
        }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: Int(privateFolder)])
        guard chmod(path, privateFolder) == 0 else { throw SystemError(action: "set the mode of", path: path, code: errno) }
        return nil
    }

    /// Creates an empty file with mode 0600 if nothing is at `path` (create,
    /// then chmod, so the umask does not matter). Returns a warning when an
    /// existing file is open to others.
    static func prepareFile(_ path: String) throws -> StoreWarning? {
        if let existing = status(path) {
            return exposure(existing.mode).map { StoreWarning(isFolder: false, path: path, exposure: $0, mode: octal(existing.mode)) }
        }
        do {
            try createPrivateFile(path)
        } catch let error as SystemError where error.code == EEXIST {
            // Another samtal created it a moment ago: it is opened as it is.
        }
        return nil
    }

    /// Creates the file at `path` with mode 0600, or takes an existing empty
    /// file and gives it that mode. A file with content is left alone.
    static func createPrivateFile(_ path: String) throws {
        var fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, privateFile)
        if fd < 0 && errno == EEXIST {
            var info = stat()
            if stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && info.st_size == 0 {
                fd = open(path, O_WRONLY | O_CLOEXEC)
            } else {
                throw SystemError(action: "create", path: path, code: EEXIST)
            }
        }
        guard fd >= 0 else { throw SystemError(action: "create", path: path, code: errno) }
        defer { close(fd) }
        guard fchmod(fd, privateFile) == 0 else { throw SystemError(action: "set the mode of", path: path, code: errno) }
    }

    /// Refuses a store that cannot be written before SQLite touches it: SQLite
    /// would open it and make its `-wal` and `-shm` with the store's own
    /// read-only mode, which then keep failing after the store is made
    /// writable again. Side files of ours left read-only that way are given
    /// back the owner's write bit. The mode bits are looked at, not
    /// `access()`, so the check holds for root too.
    static func checkWritable(store path: String, folder: String) throws {
        if let f = status(folder), f.owner == getuid(), f.mode & 0o200 == 0 {
            throw StoreError.readOnly(path: folder, mode: octal(f.mode))
        }
        guard let s = status(path) else { return }
        if s.owner == getuid() && s.mode & 0o200 == 0 { throw StoreError.readOnly(path: path, mode: octal(s.mode)) }
        for side in [path + "-wal", path + "-shm"] {
            if let m = status(side), m.owner == getuid(), m.mode & 0o200 == 0 {
                guard chmod(side, privateFile) == 0 else { throw StoreError.readOnly(path: side, mode: octal(m.mode)) }
            }
        }
    }

    /// Takes an exclusive lock on the folder (flock on the folder itself, so
    /// no lock file is left beside the store). Returns the descriptor to
    /// give to `unlock`, or -1 where the folder cannot be locked (opening
    /// then goes on unlocked, as before).
    static func lockFolder(_ folder: String) -> Int32 {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return -1 }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR {
                close(fd)
                return -1
            }
        }
        return fd
    }

    static func unlock(_ fd: Int32) {
        if fd >= 0 { close(fd) }
    }
}

/// A store file or folder others can get at: it works, and the person is
/// told the command that closes it.
public struct StoreWarning: Explained, Equatable {
    public enum Exposure: Equatable, Sendable {
        case readableByOthers, readableByGroup, writableByOthers, writableByGroup
    }

    public var isFolder: Bool
    public var path: String
    public var exposure: Exposure
    /// The mode in octal ("755").
    public var mode: String

    public var description: String { message(.en) }

    public func message(_ language: Language) -> String {
        let fix = "chmod \(isFolder ? 700 : 600) \(path)"
        let (sv, en) = switch exposure {
        case .readableByOthers: ("läsbar för andra", "readable by others")
        case .readableByGroup: ("läsbar för sin grupp", "readable by its group")
        case .writableByOthers: ("skrivbar för andra", "writable by others")
        case .writableByGroup: ("skrivbar för sin grupp", "writable by its group")
        }
        return language == .sv ? "lagrets \(isFolder ? "mapp" : "fil") \(path) är \(sv) (läge \(mode)); kör \(fix)"
            : "store \(isFolder ? "folder" : "file") \(path) is \(en) (mode \(mode)); run \(fix)"
    }
}
