import Foundation
import Synchronization

/// Signatures seen within the replay window: a signed request is taken once. Entries older than
/// the window are dropped as new ones come (a replayed signature is by then stale anyway).
final class ReplayCache: Sendable {
    private let seen = Mutex<[String: Date]>([:])
    private let window: TimeInterval
    /// A flood of valid signatures must not grow memory without bound: past this, refuse until entries expire.
    private let capacity: Int

    init(window: TimeInterval, capacity: Int = 100_000) {
        self.window = window
        self.capacity = capacity
    }

    /// True the first time `signature` is offered within the window.
    func admit(_ signature: String, now: Date) -> Bool {
        seen.withLock { seen in
            if seen.count >= capacity / 2 { seen = seen.filter { now.timeIntervalSince($0.value) <= window } }
            guard seen.count < capacity, seen[signature] == nil else { return false }
            seen[signature] = now
            return true
        }
    }
}
