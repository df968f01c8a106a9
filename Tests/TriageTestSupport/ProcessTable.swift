import Foundation

/// Looks through /proc for processes, to prove that nothing a test started outlives it.
public enum ProcessTable {
    /// Live (not zombie) processes whose environment holds `needle`, e.g. `TRIAGE_ROOT=<folder>`.
    public static func processes(withEnvironmentContaining needle: String) -> [Int32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap(Int32.init).filter { pid in
            guard isLive(pid), let environment = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else {
                return false
            }
            return String(decoding: environment, as: UTF8.self).contains(needle)
        }
    }

    /// True while the process exists and has not exited (a zombie has exited).
    public static func isLive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(close, offsetBy: 2)]
        return state != "Z" && state != "X"
    }
}
