import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import TriageEngine
import TriageStore

/// Runs queued jobs: up to `concurrency` at once, at most one per device (the store's claim sees to
/// it), each through the engine and then the outbox. On shutdown it claims nothing more, lets the
/// running jobs finish within the grace period, then cancels the rest: they go back to the queue
/// and run again after a restart.
struct JobRunner: Service {
    let store: any EscalationJobStore
    let execution: JobExecution
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
            var graceStarted = false
            while true {
                // Cancelled (the group is torn down: another service failed): stop at once, no grace.
                let cancelled = Task.isCancelled
                let stopping = stopping.isSet || cancelled
                if !stopping, !status.isDraining {
                    while running < concurrency, let job = await claim() {
                        running += 1
                        group.addTask { await execution.run(job); return .finished }
                    }
                }
                if !stopping, !waiting {
                    waiting = true
                    group.addTask { await doorbell.wait(upTo: poll); return .woken }
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

    private func claim() async -> EscalationJob? {
        do {
            return try await store.claimNextJob(now: Date())
        } catch {
            logger.error("cannot claim a job; the store did not answer", metadata: ["error": "\(error)"])
            return nil
        }
    }
}

extension JobRunner: CustomStringConvertible {
    /// What the service group logs for it (not the engine and everything it holds).
    var description: String { "JobRunner(concurrency: \(concurrency))" }
}

/// A flag set once, from the shutdown handler, read by the dispatcher.
private final class StopRequest: Sendable {
    private let flag = Mutex(false)
    var isSet: Bool { flag.withLock { $0 } }
    func set() { flag.withLock { $0 = true } }
}
