public import Foundation

/// Where the SQLite file lives when neither `--db` nor the config names one: the XDG state
/// folder, because the record is state that outlives a run but is not configuration or cache.
public enum StoreLocation {
    /// `$XDG_STATE_HOME/triage/triage.sqlite`, else `~/.local/state/triage/triage.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/triage/triage.sqlite"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/state/triage/triage.sqlite"
    }
}
