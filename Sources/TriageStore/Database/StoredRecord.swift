/// A public record type that SQLite stores as one row of `databaseTableName`, through its
/// `Codable` form. Internal, like GRDB itself: the record types stay plain values in the public
/// API (another backend stores the same values), and `StoredRow` is what GRDB reads and writes.
protocol StoredRecord: Codable, Sendable {
    static var databaseTableName: String { get }
    /// Takes the id SQLite gave the inserted row (records with an auto-incremented `id`).
    mutating func didInsert(rowID: Int64)
}

extension StoredRecord {
    mutating func didInsert(rowID: Int64) {}
}
