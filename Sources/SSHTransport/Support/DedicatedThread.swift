import Foundation

/// A thread of its own that runs blocking work one job at a time.
///
/// libssh calls block; Swift's cooperative pool has one thread per core, so one blocked call there
/// stalls every task. Each SSH session therefore lives on a `DedicatedThread`, and async callers
/// suspend (without blocking) until their job has run.
final class DedicatedThread: @unchecked Sendable {
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var isStopping = false

    init(name: String) {
        let thread = Thread { [self] in
            Self.nameCurrentThread(name)
            self.runLoop()
        }
        thread.start()
    }

    /// Gives the calling thread `name` as the kernel shows it (`/proc/<pid>/task/<tid>/comm`), cut to
    /// the 15 bytes Linux keeps, for leak checks and debuggers. Foundation's
    /// `Thread.name` does not reliably reach the kernel on Linux, and a longer name is refused whole.
    private static func nameCurrentThread(_ name: String) {
        let descriptor = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        let bytes = Array(name.utf8.prefix(15))
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
    }

    /// Runs `body` on this thread and returns its result to the suspended caller.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws(SSHError) -> T) async throws(SSHError) -> T {
        let result: Result<T, SSHError> = await withCheckedContinuation { continuation in
            let accepted = enqueue {
                do throws(SSHError) {
                    continuation.resume(returning: .success(try body()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
            if !accepted {
                continuation.resume(returning: .failure(SSHError(
                    .channelClosed, detail: "the session is already closed",
                    remedy: "Open a new session to run more commands.")))
            }
        }
        return try result.get()
    }

    /// Lets the thread finish the jobs already queued, then exit.
    func stop() {
        condition.lock()
        isStopping = true
        condition.signal()
        condition.unlock()
    }

    /// Queues `job` as the last one (unless the thread is already stopping), then stops the thread;
    /// for an owner's `deinit`, which cannot wait.
    func submitFinal(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        defer { condition.unlock() }
        if !isStopping { jobs.append(job) }
        isStopping = true
        condition.signal()
    }

    private func enqueue(_ job: @escaping @Sendable () -> Void) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !isStopping else { return false }
        jobs.append(job)
        condition.signal()
        return true
    }

    private func runLoop() {
        while true {
            condition.lock()
            while jobs.isEmpty && !isStopping { condition.wait() }
            if jobs.isEmpty && isStopping {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
        }
    }
}
