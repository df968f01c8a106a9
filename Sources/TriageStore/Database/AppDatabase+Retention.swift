public import Foundation
import GRDB

extension AppDatabase {
    /// Deletes evidence (the raw sections) recorded before `cutoff`; returns how many rows went.
    /// Diagnoses, findings, actions and the audit log stay: they are small and they are the record.
    @discardableResult
    public func pruneEvidence(recordedBefore cutoff: Date) async throws -> Int {
        try await writer.write { db in
            try EvidenceRow.filter(Column("recordedAt") < cutoff).deleteAll(db)
        }
    }
}
