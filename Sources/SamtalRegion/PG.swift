// A small synchronous PostgreSQL client over libpq: connect with a URL
// (libpq's default sslmode=prefer: TLS whenever the server offers it),
// run statements with text parameters, read rows as text. Nothing here
// knows samtal's records.

import CLibPQ
import Foundation
import SamtalCore

/// What went wrong with the region, in the interface's language: samtal's
/// own words, with the server's or libpq's after them (`CommandMessage`'s
/// region cases).
public struct RegionError: Explained, Equatable {
    public var what: CommandMessage
    /// The server's SQLSTATE, when the server refused (42501: permission,
    /// also a row-level security policy).
    public var sqlState: String?

    public init(_ what: CommandMessage, sqlState: String? = nil) {
        self.what = what
        self.sqlState = sqlState
    }

    public func message(_ language: Language) -> String { Texts(language).command(what) }
    public var description: String { message(.en) }

    /// The connection itself failed (the server went away, the network
    /// dropped): reading again needs a new connection.
    public var isConnectionLost: Bool {
        switch what {
        case .regionConnectionLost, .regionCannotConnect, .regionNoPassword, .regionOutOfMemory: return true
        default: return false
        }
    }

    /// Refused by a privilege or a row-level security policy.
    public var isPermissionDenied: Bool { sqlState == "42501" }
}

/// libpq's functions that samtal calls, looked up in the library when the
/// region is first used. Linked, libpq and the libraries it needs (TLS,
/// Kerberos, LDAP: 21 of them) were loaded and relocated at every start of
/// samtal, the interface's too: ~10 M instructions (issue 15).
private struct LibPQ: @unchecked Sendable {
    typealias Conn = OpaquePointer
    typealias Result = OpaquePointer

    let connectdb: @convention(c) (UnsafePointer<CChar>?) -> Conn?
    let status: @convention(c) (Conn?) -> ConnStatusType
    let errorMessage: @convention(c) (Conn?) -> UnsafeMutablePointer<CChar>?
    let finish: @convention(c) (Conn?) -> Void
    let setNoticeProcessor: @convention(c) (Conn?, PQnoticeProcessor?, UnsafeMutableRawPointer?) -> PQnoticeProcessor?
    let sslInUse: @convention(c) (Conn?) -> Int32
    let host: @convention(c) (Conn?) -> UnsafeMutablePointer<CChar>?
    let user: @convention(c) (Conn?) -> UnsafeMutablePointer<CChar>?
    let exec: @convention(c) (Conn?, UnsafePointer<CChar>?) -> Result?
    let execParams: @convention(c) (Conn?, UnsafePointer<CChar>?, Int32, UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>?,
                                    UnsafePointer<Int32>?, UnsafePointer<Int32>?, Int32) -> Result?
    let clear: @convention(c) (Result?) -> Void
    let resultStatus: @convention(c) (Result?) -> ExecStatusType
    let ntuples: @convention(c) (Result?) -> Int32
    let nfields: @convention(c) (Result?) -> Int32
    let getisnull: @convention(c) (Result?, Int32, Int32) -> Int32
    let getvalue: @convention(c) (Result?, Int32, Int32) -> UnsafeMutablePointer<CChar>?
    let resultErrorField: @convention(c) (Result?, Int32) -> UnsafeMutablePointer<CChar>?
    let resultErrorMessage: @convention(c) (Result?) -> UnsafeMutablePointer<CChar>?
    let socket: @convention(c) (Conn?) -> Int32
    let consumeInput: @convention(c) (Conn?) -> Int32
    let notifies: @convention(c) (Conn?) -> UnsafeMutablePointer<PGnotify>?
    let freemem: @convention(c) (UnsafeMutableRawPointer?) -> Void

    /// The library, or why it could not be opened.
    static let loaded: Swift.Result<LibPQ, RegionError> = load()

    private static func load() -> Swift.Result<LibPQ, RegionError> {
        var handle: UnsafeMutableRawPointer?
        for name in ["libpq.so.5", "libpq.so"] {
            handle = dlopen(name, RTLD_NOW | RTLD_LOCAL)
            if handle != nil { break }
        }
        func failure(_ detail: String) -> RegionError {
            RegionError(.regionCannotConnect(url: "", detail: "libpq (PostgreSQL's client library, Debian: libpq5): " + detail))
        }
        guard let handle else { return .failure(failure(dlerror().map { String(cString: $0) } ?? "not found")) }
        var missing: [String] = []
        func f<T>(_ name: String) -> T {
            guard let symbol = dlsym(handle, name) else {
                missing.append(name)
                return unsafeBitCast(dlsym(handle, "PQfreemem"), to: T.self)
            }
            return unsafeBitCast(symbol, to: T.self)
        }
        let lib = LibPQ(
            connectdb: f("PQconnectdb"), status: f("PQstatus"), errorMessage: f("PQerrorMessage"), finish: f("PQfinish"),
            setNoticeProcessor: f("PQsetNoticeProcessor"), sslInUse: f("PQsslInUse"), host: f("PQhost"), user: f("PQuser"),
            exec: f("PQexec"), execParams: f("PQexecParams"), clear: f("PQclear"), resultStatus: f("PQresultStatus"),
            ntuples: f("PQntuples"), nfields: f("PQnfields"), getisnull: f("PQgetisnull"), getvalue: f("PQgetvalue"),
            resultErrorField: f("PQresultErrorField"), resultErrorMessage: f("PQresultErrorMessage"), socket: f("PQsocket"),
            consumeInput: f("PQconsumeInput"), notifies: f("PQnotifies"), freemem: f("PQfreemem"))
        if !missing.isEmpty { return .failure(failure("missing " + missing.joined(separator: ", "))) }
        return .success(lib)
    }
}

public final class PGConnection {
    private let conn: OpaquePointer
    private let pq: LibPQ

    /// Connects to `url` (`postgres://user@host:port/db`, `postgresql:///db?host=/socket/dir`,
    /// or a `key=value` string).
    public init(url: String) throws {
        let pq: LibPQ
        switch LibPQ.loaded {
        case .success(let lib): pq = lib
        case .failure(let error):
            guard case .regionCannotConnect(_, let detail) = error.what else { throw error }
            throw RegionError(.regionCannotConnect(url: PGConnection.redacted(url), detail: detail))
        }
        self.pq = pq
        guard let c = pq.connectdb(url) else { throw RegionError(.regionOutOfMemory) }
        guard pq.status(c) == CONNECTION_OK else {
            // libpq tries again without TLS (sslmode=prefer) and reports
            // both tries: the same line twice is said once.
            var seen = Set<String>()
            let message = String(cString: pq.errorMessage(c)!).split(separator: "\n")
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && seen.insert($0).inserted }
                .joined(separator: "\n")
            pq.finish(c)
            if message.contains("no password supplied") {
                throw RegionError(.regionNoPassword(url: PGConnection.redacted(url), detail: message))
            }
            throw RegionError(.regionCannotConnect(url: PGConnection.redacted(url), detail: message))
        }
        conn = c
        // Notices (IF NOT EXISTS, …) are not for the person at the terminal.
        _ = pq.setNoticeProcessor(conn, { _, _ in }, nil)
    }

    deinit { pq.finish(conn) }

    /// The URL without its passwords, for messages: the `user:password@`
    /// of a URL, and every `password=` and `sslpassword=` (in a URL's query
    /// or a `key=value` string) shown as `***`.
    public static func redacted(_ url: String) -> String {
        var out = url.replacing(/(:\/\/[^:\/@?]*:)[^@\/?]*@/) { "\($0.output.1)***@" }
        out = out.replacing(/(password\s*=\s*)('[^']*'|[^&\s]*)/) { "\($0.output.1)***" }
        return out
    }

    /// The URL with no password in it, to be remembered; nil when one
    /// cannot be taken out for sure (a form URLComponents cannot read, such
    /// as a URL naming two hosts, or a `key=value` string, that names a
    /// password anywhere).
    public static func withoutPassword(_ url: String) -> String? {
        if var parts = URLComponents(string: url), parts.scheme?.hasPrefix("postgres") == true {
            parts.password = nil
            parts.queryItems = parts.queryItems?.filter { !$0.name.lowercased().hasSuffix("password") }
            if parts.queryItems?.isEmpty == true { parts.queryItems = nil }
            if let kept = parts.string, !kept.lowercased().contains("password") { return kept }
            return nil
        }
        // Not a URL samtal can take apart: kept only when it holds no password.
        let userinfoPassword = url.firstMatch(of: /:\/\/[^:\/@?]*:[^@\/?]*@/) != nil
        return url.lowercased().contains("password") || userinfoPassword ? nil : url
    }

    /// Whether the connection is encrypted (TLS).
    public var isTLS: Bool { pq.sslInUse(conn) != 0 }

    /// Whether the server is reached through a Unix socket on this machine
    /// (where TLS does not apply).
    public var isLocalSocket: Bool { pq.host(conn).map { String(cString: $0).hasPrefix("/") } ?? false }

    /// The role the server knows this connection as.
    public var user: String { String(cString: pq.user(conn)!) }

    /// Runs one statement (or, without parameters, several separated by
    /// `;`) and returns its rows, each column as text or nil for NULL.
    @discardableResult
    public func exec(_ sql: String, _ params: [String?] = []) throws -> [[String?]] {
        let result: OpaquePointer?
        if params.isEmpty {
            result = pq.exec(conn, sql)
        } else {
            let cStrings: [UnsafeMutablePointer<CChar>?] = params.map { $0.map { strdup($0) } ?? nil }
            defer { cStrings.forEach { free($0) } }
            result = cStrings.map { UnsafePointer($0) }.withUnsafeBufferPointer { values in
                pq.execParams(conn, sql, Int32(params.count), nil, values.baseAddress, nil, nil, 0)
            }
        }
        guard let result else { throw RegionError(.regionConnectionLost(detail: errorText)) }
        defer { pq.clear(result) }
        switch pq.resultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            return []
        case PGRES_TUPLES_OK:
            let rows = pq.ntuples(result), columns = pq.nfields(result)
            return (0..<rows).map { r in
                (0..<columns).map { c in
                    pq.getisnull(result, r, c) != 0 ? nil : String(cString: pq.getvalue(result, r, c)!)
                }
            }
        default:
            let state = pq.resultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            let message = String(cString: pq.resultErrorMessage(result)!).trimmingCharacters(in: .whitespacesAndNewlines)
            if pq.status(conn) != CONNECTION_OK { throw RegionError(.regionConnectionLost(detail: message)) }
            throw RegionError(.regionRefused(detail: message.replacingOccurrences(of: "ERROR:  ", with: "")), sqlState: state)
        }
    }

    /// libpq's last error, on one line.
    var errorText: String {
        String(cString: pq.errorMessage(conn)!).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether the connection is still up (after a failure, not: a new one is needed).
    public var isUp: Bool { pq.status(conn) == CONNECTION_OK }

    /// The first column of the first row.
    public func value(_ sql: String, _ params: [String?] = []) throws -> String? {
        try exec(sql, params).first?.first ?? nil
    }

    /// Runs `body` in one transaction: committed when it returns, rolled
    /// back when it throws (and by the server when the client dies).
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try exec("BEGIN")
        do {
            let value = try body()
            try exec("COMMIT")
            return value
        } catch {
            _ = try? exec("ROLLBACK")
            throw error
        }
    }

    /// Waits up to `timeout` seconds for a NOTIFY on a channel this
    /// connection LISTENs to; returns the payloads received.
    public func notifications(timeout: Double) -> [String] {
        let socket = pq.socket(conn)
        var received: [String] = []
        func drain() {
            _ = pq.consumeInput(conn)
            while let n = pq.notifies(conn) {
                received.append(String(cString: n.pointee.extra))
                pq.freemem(n)
            }
        }
        drain()
        if received.isEmpty && socket >= 0 {
            var pfd = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            if poll(&pfd, 1, Int32(timeout * 1000)) > 0 { drain() }
        }
        return received
    }
}
