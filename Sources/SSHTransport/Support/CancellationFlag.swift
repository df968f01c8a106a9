import CLibSSH
import Glibc
import Synchronization

/// Set from any thread when the caller's task is cancelled; read by the blocking loops on a
/// session's thread. Those loops also poll `wakeDescriptor` beside the socket, which turns
/// readable on `cancel()`: a waiting session wakes at once instead of waking every few
/// milliseconds to look (64 idle sessions had cost more CPU than their SSH).
final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    /// An eventfd; -1 when none could be made, and the loops then poll in short slices.
    let wakeDescriptor: Int32

    init() {
        wakeDescriptor = triage_wake_fd()
    }

    deinit {
        if wakeDescriptor >= 0 { close(wakeDescriptor) }
    }

    func cancel() {
        flag.store(true, ordering: .relaxed)
        guard wakeDescriptor >= 0 else { return }
        var one: UInt64 = 1
        _ = write(wakeDescriptor, &one, MemoryLayout<UInt64>.size)
    }

    var isCancelled: Bool { flag.load(ordering: .relaxed) }
}
