import Foundation

/// Threads of this process that SSH sessions to one port run on (`DedicatedThread`s are named
/// "ssh:PORT HOST"), by thread id, from /proc/self/task. Other tests' sessions, to other servers,
/// are not counted.
public enum SessionThreads {
    public static func current(toPort port: Int) -> Set<String> {
        let prefix = "ssh:\(port) "
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        return Set(tasks.filter { id in
            (try? String(contentsOfFile: "/proc/self/task/\(id)/comm", encoding: .utf8))?.hasPrefix(prefix) == true
        })
    }

    /// Waits up to `timeout` for the threads in `threads` to end; returns those still there.
    public static func waitUntilGone(_ threads: Set<String>, toPort port: Int, timeout: Duration = .seconds(30)) async throws -> Set<String> {
        let end = ContinuousClock.now + timeout
        while ContinuousClock.now < end {
            if threads.isDisjoint(with: current(toPort: port)) { return [] }
            try await Task.sleep(for: .milliseconds(50))
        }
        return threads.intersection(current(toPort: port))
    }
}
