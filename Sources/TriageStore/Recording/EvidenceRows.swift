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
        for (position, section) in sections.enumerated() {
            let row = EvidenceRecord(section, diagnosisID: diagnosisID, position: position, recordedAt: recordedAt)
            // Outputs as BLOBs of their UTF-8 bytes, as `EvidenceRow` reads them.
            try statement.execute(arguments: [
                row.diagnosisID, row.position, row.kind.rawValue, row.subject, Data(row.output.utf8), row.exitCode,
                row.isAbsent, row.durationMilliseconds, row.isTruncated, Data(row.errorOutput.utf8), row.recordedAt,
            ])
        }
    }
}
