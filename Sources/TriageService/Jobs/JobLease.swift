import Foundation
import Logging
import TriageStore

/// This worker's hold on the jobs it runs: it renews a job's lease every third of its length while
/// the work runs, and cancels the work when the lease is lost (the store says another worker has
/// the job, or no renewal got through before the lease ran out, so another worker may take it).
struct JobLease: Sendable {
    let store: any EscalationJobStore
    let worker: String
    let length: TimeInterval

    private enum Event<Value: Sendable>: Sendable {
        case finished(Value)
        case lost
        case renewalStopped
    }

    /// Runs `work` while holding `job`'s lease; nil when the lease was lost (the work was cancelled).
    func holding<Value: Sendable>(_ job: EscalationJob, logger: Logger,
                                  _ work: @escaping @Sendable () async -> Value) async -> Value? {
        await withTaskGroup(of: Event<Value>.self) { group in
            group.addTask { .finished(await work()) }
            group.addTask { await renew(job, logger: logger) ? .renewalStopped : .lost }
            var lost = false
            while let event = await group.next() {
                switch event {
                case .finished(let value):
                    group.cancelAll()
                    return lost ? nil : value
                case .lost:
                    lost = true
                    group.cancelAll()
                case .renewalStopped:
                    continue
                }
            }
            return nil
        }
    }

    /// Renews until cancelled (true) or until the lease is lost (false).
    private func renew(_ job: EscalationJob, logger: Logger) async -> Bool {
        var expires = job.leaseExpiresAt ?? Date().addingTimeInterval(length)
        while true {
            do {
                try await Task.sleep(for: .milliseconds(Int64(length * 1000 / 3)))
            } catch {
                return true
            }
            let now = Date()
            do {
                if try await store.renewJobLease(id: job.id, worker: worker, lease: length, now: now) {
                    expires = now.addingTimeInterval(length)
                    continue
                }
                return false
            } catch {
                logger.warning("lease not renewed; the store did not answer", metadata: ["error": "\(error)"])
                if Date() >= expires { return false }
            }
        }
    }
}
