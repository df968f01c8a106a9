import Synchronization

/// Set from any thread when the caller's task is cancelled; read by the blocking loops on a
/// session's thread between their short polls.
final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    func cancel() { flag.store(true, ordering: .relaxed) }
    var isCancelled: Bool { flag.load(ordering: .relaxed) }
}
