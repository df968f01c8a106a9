public import Foundation
import Logging
import PostgresNIO
public import TriageCore
public import TriageStore

extension PostgresStore {
    /// Stores a diagnosis with its findings, evidence, audit entry and action, and puts the action
    /// in the outbox, in one transaction. An action whose idempotency key is already in the outbox
    /// is not made again, even when another worker saves the same key at the same moment.
    public func save(_ diagnosis: Diagnosis, audit: AuditRecord?, action: ActionDraft?, sink: String,
                     now: Date) async throws -> SaveResult {
        try await transaction { connection in
            try await RecordWriter(connection: connection, logger: logger)
                .insert(diagnosis, audit: audit, action: action, sink: sink, now: now)
        }
    }

    /// Several writes in one transaction, each in a savepoint: one that fails is rolled back alone
    /// and reported in its slot, the others commit. Not cancellable: the work runs in a task of its
    /// own, awaited here, so that a stopping sweep still puts what it did on record.
    public func save(batch: [StoreWrite], now: Date) async -> [Result<SaveResult?, any Error>] {
        guard !batch.isEmpty else { return [] }
        let task = Task { [self] in
            do {
                return try await transaction { connection in
                    var results: [Result<SaveResult?, any Error>] = []
                    for write in batch {
                        results.append(await Self.saveInSavepoint(write, now: now, connection: connection, logger: logger))
                    }
                    return results
                }
            } catch {
                return batch.map { _ in .failure(error) }
            }
        }
        return await task.value
    }

    /// Appends one audit entry on its own: a session that produced no diagnosis still is on record.
    @discardableResult
    public func appendAudit(_ audit: AuditRecord) async throws -> AuditRecord {
        try await transaction { connection in
            try await RecordWriter(connection: connection, logger: logger).insert(audit)
        }
    }

    private static func saveInSavepoint(_ write: StoreWrite, now: Date, connection: PostgresConnection,
                                        logger: Logger) async -> Result<SaveResult?, any Error> {
        let writer = RecordWriter(connection: connection, logger: logger)
        do {
            try await connection.queryWhileOpen("SAVEPOINT entry", logger: logger)
            let result: SaveResult?
            switch write {
            case .diagnosis(let diagnosis, let audit, let action, let sink, let heldJob):
                // The job's row stays locked until the commit: a claim skips it meanwhile, and a claim
                // that took it first makes this check find another worker.
                if let heldJob {
                    let held = try await connection.firstRow("""
                        SELECT 1 FROM jobs WHERE id = \(JobRows.key(heldJob.jobID)) AND state = 'running'
                            AND worker = \(heldJob.worker) FOR UPDATE
                        """, logger: logger)
                    if held == nil { throw JobHoldLost(hold: heldJob) }
                }
                result = try await writer.insert(diagnosis, audit: audit, action: action, sink: sink, now: now)
            case .audit(let audit):
                try await writer.insert(audit)
                result = nil
            }
            try await connection.queryWhileOpen("RELEASE SAVEPOINT entry", logger: logger)
            return .success(result)
        } catch {
            // The transaction goes on without this entry; if even the rollback fails, the commit will say so.
            _ = try? await connection.queryWhileOpen("ROLLBACK TO SAVEPOINT entry", logger: logger)
            return .failure(error)
        }
    }
}
