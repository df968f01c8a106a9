import Foundation

/// Finds processes a test left behind, by a path that appears on their command line.
public enum ProcessCheck {
    /// Process ids whose command line mentions `text` (this process excluded).
    public static func processes(mentioning text: String) -> [Int32] {
        let own = getpid()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard pid != own, let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self).contains(text)
        }
    }

    /// Waits briefly for per-connection server children to exit; throws if any remain.
    public static func waitUntilNoProcess(mentioning text: String, timeout: Duration = .seconds(10)) async throws {
        let end = ContinuousClock.now + timeout
        while ContinuousClock.now < end {
            if processes(mentioning: text).isEmpty { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw LeftBehind(text: text, pids: processes(mentioning: text))
    }

    public struct LeftBehind: Error, CustomStringConvertible {
        public let text: String
        public let pids: [Int32]
        public var description: String { "processes left behind that mention \(text): \(pids)" }
    }
}
