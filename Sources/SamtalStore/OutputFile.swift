// Writing a file a person asked for (an export) without destroying anything:
// never the store, its side files or any other SQLite database (a backup),
// never an existing file unless asked, and never half a file. The new
// content goes to a temporary file in the same folder, is synced, and is
// renamed over the target; a replaced file keeps its mode.

import Foundation
import SamtalCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file was not written, in words a person can act on.
public enum OutputError: Error, Equatable, Explained {
    /// Something is at `path` and overwriting was not asked for.
    case exists(path: String)
    /// `path` is the store, one of its side files, or another SQLite
    /// database (a backup): never written over.
    case store(path: String)
    /// The folder `folder` to write into does not exist.
    case missingFolder(folder: String)
    /// `path` is a folder where a file was to be written, or the other way round.
    case wrongKind(path: String, wantsFolder: Bool)
    /// The file system refused: no permission, a full disk, a read-only disk.
    case system(path: String, code: Int32)

    public func message(_ language: Language) -> String {
        let sv = language == .sv
        switch self {
        case .exists(let path):
            return sv ? "\(path) finns redan och skrevs inte över. Välj ett annat namn, eller skriv över med --force."
                : "\(path) already exists and was not written over. Choose another name, or overwrite it with --force."
        case .store(let path):
            return sv ? "\(path) är samtals lager (eller en kopia av det) och skrivs aldrig över av en export. Välj ett annat namn."
                : "\(path) is samtal's store (or a copy of it) and is never written over by an export. Choose another name."
        case .missingFolder(let folder):
            return sv ? "Mappen \(folder) finns inte. Skapa den först, eller välj en annan mapp."
                : "The folder \(folder) does not exist. Create it first, or choose another folder."
        case .wrongKind(let path, let wantsFolder):
            if wantsFolder {
                // Said of a single file's folder too (an HTML file into
                // x.py/): not only of CSV files' folder.
                return sv ? "\(path) är en fil, inte en mapp. Ge en mapp att spara i."
                    : "\(path) is a file, not a folder. Give a folder to save in."
            }
            return sv ? "\(path) är en mapp. Ge ett filnamn." : "\(path) is a folder. Give a file name."
        case .system(let path, let code):
            return fileSystemMessage(path: path, code: code, language: language)
        }
    }

    public var description: String { message(.en) }
}

/// What a failed file operation means for a person, by errno.
func fileSystemMessage(path: String, code: Int32, language: Language) -> String {
    let sv = language == .sv
    switch code {
    case ENOSPC, EDQUOT:
        return sv ? "Disken är full: \(path) kunde inte skrivas. Frigör utrymme och försök igen."
            : "The disk is full: \(path) could not be written. Free some space and try again."
    case EACCES, EPERM:
        return sv ? "Behörighet saknas för \(path). Välj en annan plats, eller ändra behörigheten (chmod)."
            : "No permission for \(path). Choose another place, or change its permissions (chmod)."
    case EEXIST:
        return sv ? "\(path) finns redan och skrevs inte över. Välj ett annat namn."
            : "\(path) already exists and was not written over. Choose another name."
    case EROFS:
        return sv ? "\(path) ligger på en skrivskyddad disk. Välj en annan plats."
            : "\(path) is on a read-only disk. Choose another place."
    default:
        let reason = String(cString: strerror(code))
        return sv ? "\(path) kunde inte skrivas (\(reason))." : "\(path) could not be written (\(reason))."
    }
}

public enum OutputFile {
    /// Writes `data` to the file at `path`. Refuses the store's files
    /// (`protected`, with their `-wal`, `-shm` and `-journal`) and any SQLite
    /// database, always; an existing file unless `overwrite`.
    /// A new file is 0600 when `isPrivate` (an internal document holds
    /// what the 0600 store holds), else it gets the usual mode (umask).
    public static func write(_ data: Data, to path: String, overwrite: Bool, protecting protected: [String],
                             isPrivate: Bool = false) throws {
        try check(path, overwrite: overwrite, protecting: protected)
        try replace(path, with: data, overwrite: overwrite, isPrivate: isPrivate)
    }

    /// Writes each file into `folder` (created when missing, with its
    /// parents). Checks every file first: when one may not be written,
    /// none is.
    public static func write(_ files: [(name: String, data: Data)], into folder: String, overwrite: Bool,
                             protecting protected: [String], isPrivate: Bool = false) throws {
        var info = stat()
        if stat(folder, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw OutputError.wrongKind(path: folder, wantsFolder: true) }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw OutputError.system(path: folder, code: (error as NSError).underlyingErrorCode ?? EACCES)
            }
        }
        let paths = files.map { (folder as NSString).appendingPathComponent($0.name) }
        for path in paths { try check(path, overwrite: overwrite, protecting: protected) }
        for (path, file) in zip(paths, files) { try replace(path, with: file.data, overwrite: overwrite, isPrivate: isPrivate) }
    }

    /// The same file, however it is spelled: the folder resolved (symbolic
    /// links, `.` and `..`), the name kept.
    static func canonical(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let resolved: String
        if let r = realpath(folder, nil) {
            resolved = String(validatingCString: r) ?? folder
            free(r)
        } else {
            resolved = folder
        }
        return (resolved as NSString).appendingPathComponent(url.lastPathComponent)
    }

    static func check(_ path: String, overwrite: Bool, protecting protected: [String]) throws {
        let target = canonical(path)
        let guarded = protected.flatMap { store -> [String] in
            let c = canonical(store)
            return [c, c + "-wal", c + "-shm", c + "-journal"]
        }
        if guarded.contains(target) { throw OutputError.store(path: path) }
        let folder = (path as NSString).deletingLastPathComponent
        var info = stat()
        if !folder.isEmpty && stat(folder, &info) != 0 { throw OutputError.missingFolder(folder: folder) }
        if !folder.isEmpty && (info.st_mode & S_IFMT) != S_IFDIR { throw OutputError.wrongKind(path: folder, wantsFolder: true) }
        guard lstat(path, &info) == 0 || stat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw OutputError.wrongKind(path: path, wantsFolder: false) }
        // The same file under another name (a hard or symbolic link).
        var target_ = stat()
        if stat(path, &target_) == 0 {
            for g in guarded {
                var other = stat()
                if stat(g, &other) == 0 && other.st_dev == target_.st_dev && other.st_ino == target_.st_ino {
                    throw OutputError.store(path: path)
                }
            }
        }
        if isSQLiteDatabase(path) { throw OutputError.store(path: path) }
        if !overwrite { throw OutputError.exists(path: path) }
    }

    /// Whether the file begins as every SQLite database does.
    static func isSQLiteDatabase(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        return head == Data("SQLite format 3\u{0}".utf8)
    }

    /// A temporary file beside `path`, synced, then renamed over it (or,
    /// without `overwrite`, linked to it, which fails if a file appeared
    /// there meanwhile). The mode of a file replaced is kept; a new file gets
    /// 0600 when `isPrivate`, else the usual mode (umask).
    static func replace(_ path: String, with data: Data, overwrite: Bool, isPrivate: Bool = false) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        // mkstemp fills in the six placeholder letters.
        let placeholder = String(repeating: "X", count: 6)
        var template = Array(((folder.isEmpty ? "." : folder) + "/.\(name).samtal-\(placeholder)").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw OutputError.system(path: path, code: errno) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var done = false
        defer {
            close(fd)
            if !done { unlink(temporary) }
        }
        var existing = stat()
        let mode: mode_t
        if stat(path, &existing) == 0 {
            mode = existing.st_mode & 0o7777
        } else {
            let mask = umask(0)
            umask(mask)
            mode = (isPrivate ? 0o600 : 0o666) & ~mask
        }
        guard fchmod(fd, mode) == 0 else { throw OutputError.system(path: path, code: errno) }
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw OutputError.system(path: path, code: errno)
                }
                offset += n
            }
        }
        guard fsync(fd) == 0 else { throw OutputError.system(path: path, code: errno) }
        if overwrite {
            guard rename(temporary, path) == 0 else { throw OutputError.system(path: path, code: errno) }
            done = true
        } else {
            guard link(temporary, path) == 0 else {
                throw errno == EEXIST ? OutputError.exists(path: path) : OutputError.system(path: path, code: errno)
            }
        }
    }
}

extension NSError {
    /// The POSIX errno behind a Foundation file error, when there is one.
    var underlyingErrorCode: Int32? {
        if domain == NSPOSIXErrorDomain { return Int32(code) }
        return (userInfo[NSUnderlyingErrorKey] as? NSError)?.underlyingErrorCode
    }
}
