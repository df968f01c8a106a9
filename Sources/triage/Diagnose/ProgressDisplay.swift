import Glibc
import TriageCore

/// What `triage diagnose` is doing while the technician waits, on stderr and only on a terminal:
/// connecting (attempt n of m), each probe with its time, then diagnosing (announced with the
/// run's end: the engine diagnoses right after it). One line per step
/// (a carriage return would be neutralised by the terminal filter, and a log keeps lines).
struct ProgressDisplay: Sendable {
    let device: String
    let isEnabled: Bool

    init(device: String, isEnabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.device = device
        self.isEnabled = isEnabled
    }

    /// The handler for `ProbeRunner.run`, or nil when stderr is no terminal.
    var handler: ProbeRunProgress.Handler? {
        guard isEnabled else { return nil }
        let device = device
        return { event in printError(Self.line(for: event, device: device)) }
    }

    static func line(for event: ProbeRunProgress, device: String) -> String {
        switch event {
        case .connecting(let attempt, let attempts):
            "… connecting to \(device) (attempt \(attempt) of \(attempts))"
        case .connected:
            "… connected; running the probes"
        case .probeStarted(let name, let index, let count):
            "… probe \(name) (\(index) of \(count))"
        case .probeFinished(let name, let duration, let sections, let complete):
            "  probe \(name): \(seconds(duration)), \(sections) section(s)\(complete ? "" : ", cut short")"
        case .done(let connected):
            // The engine diagnoses right after the probes (from the run it got, never from the device).
            connected ? "… probes done\n… diagnosing" : "… no session could be opened\n… diagnosing"
        }
    }

    private static func seconds(_ duration: Duration) -> String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        return "\(milliseconds / 1000).\(milliseconds % 1000 / 100) s"
    }
}
