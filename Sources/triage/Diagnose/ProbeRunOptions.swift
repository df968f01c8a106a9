import ArgumentParser
import Logging
import TriageCore
import TriageEngine

/// How hard `triage diagnose` and `triage sweep` try: connect retries, the overall deadline, and how much it logs.
struct ProbeRunOptions: ParsableArguments {
    @Option(name: .customLong("connect-attempts"), help: ArgumentHelp(
        "Connect attempts before the device counts as unreachable.",
        discussion: "Defaults to the device's retries.attempts in the inventory, else 3."))
    var connectAttempts: Int?

    @Option(name: .customLong("retry-spacing"), help: ArgumentHelp(
        "Seconds between connect attempts.", discussion: "Defaults to the device's retries.spacing_seconds, else 5."))
    var retrySpacing: Double?

    @Option(name: .customLong("deadline"), help: "Seconds the whole probe run on one device may take, retries included (5–3600).")
    var deadline: Double = 300

    @Flag(help: "Log each connect attempt and probe on stderr.")
    var verbose = false

    /// Absurd values are usage errors: `--deadline 0.0001` once made every probe "not run" and
    /// that read as a device fault that opened a ticket.
    func validate() throws {
        let attempts = InventoryLimits.connectAttempts
        if let connectAttempts, !attempts.contains(connectAttempts) {
            throw ValidationError("--connect-attempts must be \(attempts.lowerBound)–\(attempts.upperBound), not \(connectAttempts).")
        }
        let spacing = InventoryLimits.retrySpacingSeconds
        if let retrySpacing, !spacing.contains(retrySpacing) {
            throw ValidationError("--retry-spacing must be \(InventoryLimits.text(spacing)) seconds, not \(retrySpacing).")
        }
        let run = InventoryLimits.runDeadlineSeconds
        guard run.contains(deadline) else {
            throw ValidationError("--deadline must be \(InventoryLimits.text(run)) seconds, not \(deadline).")
        }
    }

    /// The command line wins over the device's inventory settings.
    var settings: ProbeSettings {
        ProbeSettings(connectAttempts: connectAttempts, retrySpacing: retrySpacing.map { .milliseconds(Int($0 * 1000)) },
                      deadline: .milliseconds(Int(deadline * 1000)))
    }

    func logger() -> Logger {
        var logger = Logger(label: "triage.diagnose") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .debug : .warning
        return logger
    }
}
