import ArgumentParser
import Logging
import TriageCore

/// How hard `triage diagnose` tries: connect retries, the overall deadline, and how much it logs.
struct ProbeRunOptions: ParsableArguments {
    @Option(name: .customLong("connect-attempts"), help: "Connect attempts before the device counts as unreachable.")
    var connectAttempts: Int = ConnectRetryPolicy.standard.attempts

    @Option(name: .customLong("retry-spacing"), help: "Seconds between connect attempts.")
    var retrySpacing: Double = 5

    @Option(name: .customLong("deadline"), help: "Seconds the whole probe run may take, retries included.")
    var deadline: Double = 300

    @Flag(help: "Log each connect attempt and probe on stderr.")
    var verbose = false

    func validate() throws {
        guard (1...20).contains(connectAttempts) else { throw ValidationError("--connect-attempts must be 1…20.") }
        guard (0...600).contains(retrySpacing) else { throw ValidationError("--retry-spacing must be 0…600 seconds.") }
        guard deadline > 0, deadline <= 3600 else { throw ValidationError("--deadline must be within 3600 seconds.") }
    }

    func runner(catalog: ProbeCatalog) -> ProbeRunner {
        ProbeRunner(catalog: catalog,
                    retry: ConnectRetryPolicy(attempts: connectAttempts, spacing: .milliseconds(Int(retrySpacing * 1000))),
                    overallDeadline: .milliseconds(Int(deadline * 1000)))
    }

    func logger() -> Logger {
        var logger = Logger(label: "triage.diagnose") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .debug : .warning
        return logger
    }
}
