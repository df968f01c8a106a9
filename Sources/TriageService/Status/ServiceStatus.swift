import Synchronization

/// What the service's parts tell each other and `/readyz`: whether shutdown began (intake then
/// answers 503 and no new job starts) and how many workers run.
public final class ServiceStatus: Sendable {
    private struct State {
        var draining = false
        var workers = 0
    }

    private let state = Mutex(State())

    public init() {}

    public var isDraining: Bool { state.withLock { $0.draining } }
    public var workers: Int { state.withLock { $0.workers } }

    /// Stop taking escalations: from now on intake answers 503 and no new job is claimed.
    public func beginDraining() { state.withLock { $0.draining = true } }

    func workersStarted(_ count: Int) { state.withLock { $0.workers = count } }
    func workersStopped() { state.withLock { $0.workers = 0 } }
}
