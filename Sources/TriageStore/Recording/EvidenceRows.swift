import Foundation
import GRDB
import TriageCore

/// Inserts a diagnosis' evidence, the bulk of its rows (one per probe section, dozens per device),
/// through one cached statement, without building a `PersistenceContainer` and an SQL string per
/// row. In a sweep these inserts were the largest part of the store's CPU (Docs/benchmarks.md).
enum EvidenceRows {
    private static let sql = """
        INSERT INTO evidence (diagnosisID, position, kind, subject, output, exitCode, isAbsent,
            durationMilliseconds, isTruncated, errorOutput, recordedAt)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static func insert(_ sections: [ProbeSection], diagnosisID: String, recordedAt: Date, db: Database) throws {
        guard !sections.isEmpty else { return }
        let statement = try db.cachedStatement(sql: sql)
        // The same instant for every row, formatted once: GRDB formats a Date through Foundation's
        // DateFormatter (ICU), which cost more per row than SQLite's insert of it.
        let recordedAt = recordedAt.databaseValue
        for (position, section) in sections.enumerated() {
            // Outputs as BLOBs of their UTF-8 bytes, as `EvidenceRow` reads them.
            try statement.execute(arguments: [
                diagnosisID, position, section.kind.rawValue, section.subject, Data(section.output.utf8), section.exitCode,
                section.isAbsent, section.durationMilliseconds, section.isTruncated, Data(section.errorOutput.utf8), recordedAt,
            ])
        }
    }
}
