import Synchronization

/// A counting semaphore for `SweepResults`: the sweep takes a permit before it hands a result
/// over, the consumer gives one back for each result it takes. Waiting ends early when the task
/// is cancelled or the consumer has gone (`close`), so a sweep never waits on nobody.
final class ResultPermits: Sendable {
    private struct State {
        var available: Int
        var closed = false
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var nextToken: UInt64 = 0
    }

    private let state: Mutex<State>

    init(_ count: Int) {
        state = Mutex(State(available: count))
    }

    func acquire() async {
        let token = state.withLock { state in
            state.nextToken += 1
            return state.nextToken
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let now = state.withLock { state in
                    if state.closed || Task.isCancelled { return true }
                    if state.available > 0 {
                        state.available -= 1
                        return true
                    }
                    state.waiters[token] = continuation
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: token) }?.resume()
        }
    }

    func release() {
        let waiter: CheckedContinuation<Void, Never>? = state.withLock { state in
            guard let first = state.waiters.keys.min() else {
                state.available += 1
                return nil
            }
            return state.waiters.removeValue(forKey: first)
        }
        waiter?.resume()
    }

    /// No one takes results any more: every wait ends now and none starts.
    func close() {
        let waiting = state.withLock { state in
            state.closed = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiting { waiter.resume() }
    }
}
