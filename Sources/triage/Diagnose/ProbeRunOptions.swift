import ArgumentParser
import Logging
import TriageCore

/// How hard `triage diagnose` tries: connect retries, the overall deadline, and how much it logs.
struct ProbeRunOptions: ParsableArguments {
    @Option(name: .customLong("connect-attempts"), help: ArgumentHelp(
        "Connect attempts before the device counts as unreachable.",
        discussion: "Defaults to the device's retries.attempts in the inventory, else 3."))
    var connectAttempts: Int?

    @Option(name: .customLong("retry-spacing"), help: ArgumentHelp(
        "Seconds between connect attempts.", discussion: "Defaults to the device's retries.spacing_seconds, else 5."))
    var retrySpacing: Double?

    @Option(name: .customLong("deadline"), help: "Seconds the whole probe run may take, retries included.")
    var deadline: Double = 300

    @Flag(help: "Log each connect attempt and probe on stderr.")
    var verbose = false

    func validate() throws {
        if let connectAttempts, !(1...20).contains(connectAttempts) { throw ValidationError("--connect-attempts must be 1…20.") }
        if let retrySpacing, !(0...600).contains(retrySpacing) { throw ValidationError("--retry-spacing must be 0…600 seconds.") }
        guard deadline > 0, deadline <= 3600 else { throw ValidationError("--deadline must be within 3600 seconds.") }
    }

    /// The command line wins over the device's inventory settings.
    func runner(catalog: ProbeCatalog, for device: Device) -> ProbeRunner {
        let retry = ConnectRetryPolicy(
            attempts: connectAttempts ?? device.retry.attempts,
            spacing: retrySpacing.map { .milliseconds(Int($0 * 1000)) } ?? device.retry.spacing)
        return ProbeRunner(catalog: catalog, retry: retry, overallDeadline: .milliseconds(Int(deadline * 1000)))
    }

    func logger() -> Logger {
        var logger = Logger(label: "triage.diagnose") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .debug : .warning
        return logger
    }
}
