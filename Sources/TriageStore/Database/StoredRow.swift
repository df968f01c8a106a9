import GRDB

/// A record as GRDB persists it. The wrapper encodes and decodes through the record's own
/// `Codable` implementation with GRDB's row coders, so the columns (JSON for arrays and
/// dictionaries, dates as GRDB writes them) are exactly those the record type wrote when it
/// conformed to GRDB's protocols itself: existing stores read back unchanged.
struct StoredRow<Record: StoredRecord>: Codable, FetchableRecord, MutablePersistableRecord {
    static var databaseTableName: String { Record.databaseTableName }

    var record: Record

    init(_ record: Record) { self.record = record }

    init(from decoder: any Decoder) throws { record = try Record(from: decoder) }

    func encode(to encoder: any Encoder) throws { try record.encode(to: encoder) }

    mutating func didInsert(_ inserted: InsertionSuccess) { record.didInsert(rowID: inserted.rowID) }
}

extension StoredRecord {
    /// Inserts the record, taking the id SQLite gave it.
    mutating func insert(_ db: Database) throws {
        var row = StoredRow(self)
        try row.insert(db)
        self = row.record
    }
}
