import Foundation

/// Diagnosis ids are stored as lower-case UUID text, so that `sqlite3` shows and matches them.
enum UUIDParsing {
    static func uuid(_ text: String) -> UUID? { UUID(uuidString: text) }
}
