public import Foundation
import GRDB

extension AppDatabase {
    /// Records several diagnoses and audit entries in ONE transaction (one commit, one fsync), each
    /// inside a savepoint of its own: one that fails (a constraint, say) is rolled back alone and
    /// reported in its slot, the others commit. The crash-safety of `save` holds per entry: a crash
    /// leaves an entry either whole (diagnosis, audit entry, action and outbox row) or absent.
    ///
    /// Not cancellable, unlike `save`: GRDB's async `write` gives up in a cancelled task, and a
    /// sweep that is being stopped must still put its interrupted sessions and finished diagnoses
    /// on record. The caller suspends until the commit (or its failure).
    ///
    /// Returns one result per write, in order: the save's result for a diagnosis, nil for an audit entry.
    public func save(batch: [StoreWrite], now: Date = Date()) async -> [Result<SaveResult?, any Error>] {
        guard !batch.isEmpty else { return [] }
        return await withCheckedContinuation { continuation in
            writer.asyncWrite({ db in
                batch.map { write in Self.saveInSavepoint(write, now: now, db: db) }
            }, completion: { _, outcome in
                switch outcome {
                case .success(let results): continuation.resume(returning: results)
                case .failure(let error): continuation.resume(returning: batch.map { _ in .failure(error) })
                }
            })
        }
    }

    private static func saveInSavepoint(_ write: StoreWrite, now: Date, db: Database) -> Result<SaveResult?, any Error> {
        var result: SaveResult?
        do {
            try db.inSavepoint {
                switch write {
                case .diagnosis(let diagnosis, let audit, let action, let sink, let heldJob):
                    // SQLite has one writer at a time: the check and the inserts are one step for every other worker.
                    if let heldJob, try !JobRecord.isHeld(heldJob, db: db) { throw JobHoldLost(hold: heldJob) }
                    result = try insert(diagnosis, audit: audit, action: action, sink: sink, now: now, db: db)
                case .audit(var audit):
                    try audit.insert(db)
                }
                return .commit
            }
            return .success(result)
        } catch {
            return .failure(error)
        }
    }
}
