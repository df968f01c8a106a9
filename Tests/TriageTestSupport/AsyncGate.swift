/// Lets at most `capacity` callers run a section at once; the others wait their turn in order.
/// Tests use it for servers so heavy that several starting together on 2 cores miss their
/// readiness deadline (Request Tracker's Perl start-up).
public actor AsyncGate {
    private let capacity: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init(capacity: Int) {
        self.capacity = capacity
    }

    public func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await enter()
        defer { leave() }
        return try await body()
    }

    private func enter() async {
        if running < capacity {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the place straight to the next waiter, so `running` never drops below what runs.
    private func leave() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
