import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import TriageEngine
import TriageStore

/// This worker's share of the queue: claims jobs under its lease, up to `concurrency` at once, at
/// most one per device across all workers (the store's claim sees to it), each through the engine.
/// When the store does not answer (PostgreSQL restarting) it backs off, 1 s doubling to 30 s, and
/// resumes: the jobs stay in the store. On shutdown it claims nothing more, lets the running jobs
/// finish within the grace period, then cancels the rest: they go back to the queue for any worker.
struct JobRunner: Service {
    let store: any EscalationJobStore
    let execution: JobExecution
    let worker: String
    let concurrency: Int
    let grace: Duration
    let doorbell: Doorbell
    let status: ServiceStatus
    let logger: Logger
    /// How often an idle runner looks for jobs it was not rung for (queued by another process).
    var poll: Duration = .seconds(1)

    private enum Event {
        case finished, woken, graceOver
    }

    /// Set when the group tells this runner to shut down (after intake closed): the grace period
    /// starts, and the runner returns once no job runs. Intake closing alone only stops claims.
    private let stopping = StopRequest()

    func run() async throws {
        status.workersStarted(concurrency)
        defer { status.workersStopped() }
        await withGracefulShutdownHandler {
            await dispatch()
        } onGracefulShutdown: {
            stopping.set()
            doorbell.ring()
        }
    }

    private func dispatch() async {
        await withTaskGroup(of: Event.self) { group in
            var running = 0
            var waiting = false
            var backoff = StoreBackoff()
            var graceStarted = false
            while true {
                // Cancelled (the group is torn down: another service failed): stop at once, no grace.
                let cancelled = Task.isCancelled
                let stopping = stopping.isSet || cancelled
                if !stopping, !status.isDraining {
                    claiming: while running < concurrency {
                        switch await claim(&backoff) {
                        case .some(let job):
                            running += 1
                            group.addTask { await execution.run(job); return .finished }
                        case .none: break claiming
                        }
                    }
                }
                if !stopping, !waiting {
                    waiting = true
                    let timeout = backoff.delay ?? poll
                    group.addTask { await doorbell.wait(upTo: timeout); return .woken }
                }
                if stopping, !graceStarted, !cancelled {
                    graceStarted = true
                    logger.info("draining", metadata: ["running": "\(running)", "grace_seconds": "\(grace.components.seconds)"])
                    group.addTask { try? await Task.sleep(for: grace); return .graceOver }
                }
                if stopping, running == 0 {
                    group.cancelAll()
                    break
                }
                switch await group.next() {
                case .finished: running -= 1
                case .woken: waiting = false
                case .graceOver:
                    logger.warning("grace period over; handing running jobs back to the queue", metadata: ["running": "\(running)"])
                    execution.interruption.set("triage serve shut down before the job finished")
                    group.cancelAll()
                case nil: return
                }
            }
        }
    }

    /// The next job for this worker, or nil (none queued, or the store did not answer: `backoff`
    /// then says how long to wait before asking again).
    private func claim(_ backoff: inout StoreBackoff) async -> EscalationJob? {
        do {
            let job = try await store.claimNextJob(worker: worker, lease: execution.lease.length, now: Date())
            if backoff.recovered() { logger.notice("the store answers again; claiming jobs") }
            return job
        } catch {
            let delay = backoff.failed()
            logger.error("cannot claim a job; the store did not answer. Retrying", metadata: [
                "error": "\(error)", "retry_seconds": "\(delay.components.seconds)",
            ])
            return nil
        }
    }
}

extension JobRunner: CustomStringConvertible {
    /// What the service group logs for it (not the engine and everything it holds).
    var description: String { "JobRunner(worker: \(worker), concurrency: \(concurrency))" }
}

/// A flag set once, from the shutdown handler, read by the dispatcher.
private final class StopRequest: Sendable {
    private let flag = Mutex(false)
    var isSet: Bool { flag.withLock { $0 } }
    func set() { flag.withLock { $0 = true } }
}
