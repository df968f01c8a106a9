import Foundation
import PostgresNIO
import TriageStore

/// One row of a result, read by column name, with the store's JSON and text-as-bytes columns.
struct StoreRow {
    private let row: PostgresRandomAccessRow

    init(_ row: PostgresRandomAccessRow) { self.row = row }

    subscript<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) -> T {
        get throws { try row[column].decode(T.self) }
    }

    /// A text column holding JSON Triage wrote (`JSONColumn.text`).
    func json<T: Decodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(try self[column, as: String.self].utf8))
    }

    /// A bytea column holding UTF-8 text with whatever bytes a device printed (NULs included).
    func text(bytes column: String) throws -> String {
        String(decoding: try self[column, as: Data.self], as: UTF8.self)
    }

    /// A text column holding a raw value of `T`; a value this Triage doesn't know is a damaged row.
    func value<T: RawRepresentable>(_ column: String, as type: T.Type = T.self) throws -> T where T.RawValue == String {
        let raw = try self[column, as: String.self]
        guard let value = T(rawValue: raw) else { throw DamagedRow(column: column, value: raw) }
        return value
    }
}

/// JSON for the store's JSON columns: sorted keys, so that equal values are stored as equal text.
enum JSONColumn {
    static func text<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// A row holding a value this Triage does not know: written by a newer version, or by hand.
struct DamagedRow: Error, CustomStringConvertible {
    let column: String
    let value: String
    var description: String {
        "the store holds '\(value)' in column \(column), which this Triage does not know; read it with the Triage version that wrote it"
    }
}
