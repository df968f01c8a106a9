/// Runs an operation against a deadline: when the time is up the operation is cancelled (and must
/// end promptly: HTTP requests and pauses do), and `Expired` is thrown. Both an HTTP request
/// (connect, headers and the whole body) and the delivery of one outbox entry (every try, pause
/// and request) are bounded this way.
enum Deadline {
    struct Expired: Error {}

    /// The longest deadline honoured: a value beyond it (or not finite) is taken as this.
    static let longest: Double = 86_400

    static func run<T: Sendable>(seconds: Double, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        let seconds = seconds.isFinite ? min(max(seconds, 0), longest) : longest
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw Expired() }
            return value
        }
    }
}
