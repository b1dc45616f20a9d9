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

import GRDB
import GRDBSQLite

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
        guard let bytes = sqlite3_column_text(statement, i) else { return "" }
        return String(cString: bytes)
    }

    func optionalText(_ i: Int32) -> String? { isNull(i) ? nil : text(i) }
    func optionalDouble(_ i: Int32) -> Double? { isNull(i) ? nil : double(i) }

    /// A column holding one of an enum's raw values; an unknown value
    /// throws, as decoding the record would.
    func choice<T: RawRepresentable<String>>(_ i: Int32, _ key: some CodingKey) throws -> T {
        let raw = text(i)
        guard let value = T(rawValue: raw) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [key], debugDescription: "not a \(T.self): \(raw)"))
        }
        return value
    }
}

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
