/// How long the runner waits before asking a store that did not answer again: 1 s, doubling to 30 s,
/// back to none after the store answered. Jobs wait in the store meanwhile; nothing is lost.
struct StoreBackoff: Sendable {
    static let first: Duration = .seconds(1)
    static let longest: Duration = .seconds(30)

    /// The wait before the next claim; nil while the store answers.
    private(set) var delay: Duration?

    /// The store did not answer: the next wait, doubled from the last.
    mutating func failed() -> Duration {
        let next = delay.map { min($0 * 2, Self.longest) } ?? Self.first
        delay = next
        return next
    }

    /// The store answered; true when it had not before (worth a log line).
    mutating func recovered() -> Bool {
        defer { delay = nil }
        return delay != nil
    }
}
