import Foundation

/// Threads of this process that SSH sessions run on (`DedicatedThread`s are named "ssh <endpoint>"),
/// by thread id, from /proc/self/task.
enum SessionThreads {
    static func current() -> Set<String> {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        return Set(tasks.filter { id in
            (try? String(contentsOfFile: "/proc/self/task/\(id)/comm", encoding: .utf8))?.hasPrefix("ssh ") == true
        })
    }

    /// Waits up to `timeout` for the threads in `threads` to end; returns those still there.
    static func waitUntilGone(_ threads: Set<String>, timeout: Duration = .seconds(30)) async throws -> Set<String> {
        let end = ContinuousClock.now + timeout
        while ContinuousClock.now < end {
            if threads.isDisjoint(with: current()) { return [] }
            try await Task.sleep(for: .milliseconds(50))
        }
        return threads.intersection(current())
    }
}
