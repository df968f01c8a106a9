import Synchronization

/// At most one SSH session per device at a time in this process: a device selected twice in a
/// sweep, or diagnosed while a sweep has it, waits for the session before it (routers allow few
/// logins, and two probe runs at once would each see the other's load).
///
/// Waiters are served in arrival order. A waiter whose task is cancelled stops waiting at once.
final class DeviceSessionLocks: Sendable {
    private struct Waiter {
        var token: UInt64
        var continuation: CheckedContinuation<Bool, Never>
    }

    private struct State {
        var held: Set<String> = []
        var waiters: [String: [Waiter]] = [:]
        /// Tokens handed out whose wait has not been decided yet.
        var undecided: Set<UInt64> = []
        /// Undecided tokens whose task was cancelled before they could wait.
        var cancelled: Set<UInt64> = []
        var nextToken: UInt64 = 0
    }

    private let state = Mutex(State())

    /// Waits until `device` is free and takes it; false when the task was cancelled first.
    func acquire(_ device: String) async -> Bool {
        let token = state.withLock { state in
            state.nextToken += 1
            state.undecided.insert(state.nextToken)
            return state.nextToken
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let decided: Bool? = state.withLock { state in
                    if state.cancelled.remove(token) != nil {
                        state.undecided.remove(token)
                        return false
                    }
                    if state.held.insert(device).inserted {
                        state.undecided.remove(token)
                        return true
                    }
                    state.waiters[device, default: []].append(Waiter(token: token, continuation: continuation))
                    return nil
                }
                if let decided { continuation.resume(returning: decided) }
            }
        } onCancel: {
            let waiter: Waiter? = state.withLock { state in
                guard state.undecided.remove(token) != nil else { return nil }
                if let index = state.waiters[device]?.firstIndex(where: { $0.token == token }) {
                    return state.waiters[device]?.remove(at: index)
                }
                state.undecided.insert(token)
                state.cancelled.insert(token)
                return nil
            }
            waiter?.continuation.resume(returning: false)
        }
    }

    /// Frees `device`, handing it to the next waiter, if any.
    func release(_ device: String) {
        let next: Waiter? = state.withLock { state in
            guard var waiting = state.waiters[device], !waiting.isEmpty else {
                state.held.remove(device)
                return nil
            }
            let first = waiting.removeFirst()
            state.waiters[device] = waiting.isEmpty ? nil : waiting
            state.undecided.remove(first.token)
            return first
        }
        next?.continuation.resume(returning: true)
    }

    /// Devices held right now.
    var heldCount: Int { state.withLock { $0.held.count } }
}
