// The hot reads (a meeting's notes, the home screen's meetings and cycles)
// read their rows by column index through SQLite's C interface, while GRDB
// steps the statement (its errors, its busy handling). GRDB's
// `Row.decode(atIndex:)` goes through its generic value protocols: ~330
// instructions a column, 16 columns a note or a meeting, where SQLite's own
// accessor is a few dozen (issue 15).
//
// A reader trusts the schema: a column declared NOT NULL is read without a
// check for NULL (an empty string or zero would be its value), and the
// optional ones say so in their accessor's name.

import Foundation
import GRDB
import GRDBSQLite
import SamtalCore

struct ColumnReader {
    let statement: SQLiteStatement

    func int64(_ i: Int32) -> Int64 { sqlite3_column_int64(statement, i) }
    func int(_ i: Int32) -> Int { Int(sqlite3_column_int64(statement, i)) }
    func double(_ i: Int32) -> Double { sqlite3_column_double(statement, i) }
    func bool(_ i: Int32) -> Bool { sqlite3_column_int64(statement, i) != 0 }
    func isNull(_ i: Int32) -> Bool { sqlite3_column_type(statement, i) == SQLITE_NULL }

    /// Text as GRDB reads it (up to a NUL, which the store never writes:
    /// `String.storable`).
    func text(_ i: Int32) -> String {
        // An empty text (a note's author, its public text) made without
        // String(cString:): the same "" (issue 15).
        guard let bytes = sqlite3_column_text(statement, i), bytes.pointee != 0 else { return "" }
        return String(cString: bytes)
    }

    func optionalText(_ i: Int32) -> String? { isNull(i) ? nil : text(i) }
    func optionalDouble(_ i: Int32) -> Double? { isNull(i) ? nil : double(i) }

    /// A column holding one of an enum's raw values, matched by its bytes
    /// (no String made; with the empty texts above, a cluster step's 960
    /// notes 10.1 M -> 9.5 M instructions, issue 15); an unknown value
    /// throws, as decoding the record would.
    func choice<T: StoredChoice>(_ i: Int32, _ key: some CodingKey) throws -> T {
        if let bytes = sqlite3_column_text(statement, i) {
            let count = Int(sqlite3_column_bytes(statement, i))
            // An empty value too (a note not reviewed for the public
            // feedback): it went through `init(rawValue:)`'s string switch.
            for form in T.storedForms where form.bytes.count == count {
                if count == 0 || form.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes, count) == 0 }) { return form.value }
            }
        }
        let raw = text(i)
        guard let value = T(rawValue: raw) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [key], debugDescription: "not a \(T.self): \(raw)"))
        }
        return value
    }
}

/// An enum stored as its raw value: the values' bytes, made once.
protocol StoredChoice: RawRepresentable<String>, CaseIterable {
    static var storedForms: [(bytes: [UInt8], value: Self)] { get }
}

extension StoredChoice {
    static func makeStoredForms() -> [(bytes: [UInt8], value: Self)] { allCases.map { (Array($0.rawValue.utf8), $0) } }
}

extension NoteType: StoredChoice { static let storedForms = makeStoredForms() }
extension NoteSource: StoredChoice { static let storedForms = makeStoredForms() }
extension PublicReview: StoredChoice { static let storedForms = makeStoredForms() }
extension MeetingForm: StoredChoice { static let storedForms = makeStoredForms() }
extension MeetingStatus: StoredChoice { static let storedForms = makeStoredForms() }
extension FocusAreaType: StoredChoice { static let storedForms = makeStoredForms() }

extension Database {
    /// Every row of `sql`, each made by `make` from its columns.
    func rows<T>(_ sql: String, arguments: StatementArguments = [], _ make: (ColumnReader) throws -> T) throws -> [T] {
        let statement = try cachedStatement(sql: sql)
        try statement.setArguments(arguments)
        let cursor = try Row.fetchCursor(statement)
        let columns = ColumnReader(statement: statement.sqliteStatement)
        var out: [T] = []
        while try cursor.next() != nil { out.append(try make(columns)) }
        return out
    }
}
