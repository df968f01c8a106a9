import Synchronization

/// Why the caller cancelled, told before it cancels (a signal handler sets "interrupted by
/// SIGINT"), so that every session cut off says so in the audit log. Cancellation itself carries
/// no reason in Swift.
public final class InterruptionReason: Sendable {
    private let text = Mutex<String?>(nil)

    public init() {}

    /// Keeps the first reason given.
    public func set(_ reason: String) {
        text.withLock { current in current = current ?? reason }
    }

    /// The reason given, else a plain "interrupted".
    public var description: String {
        text.withLock { $0 } ?? "interrupted"
    }
}
