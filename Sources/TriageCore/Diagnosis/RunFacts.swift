/// What the probe run itself showed, as facts the rules can read: `transport`, `probes`, `line`.
/// Transport outcomes are diagnosed by rules like any other fact (Rules/transport.yaml).
struct RunFacts: Sendable, Hashable, Codable {
    struct Transport: Sendable, Hashable, Codable {
        /// A session was opened (after any retries).
        var connected: Bool
        var attempts: Int
        /// The SSH error code of the final connect failure: `connection-refused`, `host-key-changed`, …
        var error: String?
        /// Where it failed: `connect`, `key-exchange`, `host-key`, `authentication`.
        var step: String?
        var detail: String?
    }

    struct Probes: Sendable, Hashable, Codable {
        /// Every probe ran to its end and was read completely.
        var complete: Bool
        var ran: [String]
        /// Probes never started (connection lost, overall deadline).
        var notRun: [String]
        /// Probes that started but ended early, were truncated, or could not be read completely.
        var cutShort: [String]
        /// `notRun` and `cutShort` together: what the diagnosis could not see in full.
        var missing: [String]
        /// Sections cut by the output cap or a deadline.
        var truncatedSections: [String]
    }

    struct Line: Sendable, Hashable, Codable {
        /// The technician (or the ticket) says the customer's line is down on the network side.
        var knownDown: Bool
    }

    var transport: Transport
    var probes: Probes
    var line: Line

    init(outcome: ProbeRunOutcome, lineKnownDown: Bool) {
        let failure = outcome.connectionFailure
        transport = Transport(connected: failure == nil, attempts: outcome.connectAttempts, error: failure?.code.rawValue,
                              step: failure?.step?.rawValue, detail: failure?.detail)
        let cutShort = outcome.probes.filter { !$0.isComplete }.map(\.name)
        let truncated = outcome.sections.filter(\.isTruncated).map(\.subject)
        probes = Probes(complete: outcome.isComplete, ran: outcome.probes.map(\.name), notRun: outcome.probesNotRun,
                        cutShort: cutShort, missing: cutShort + outcome.probesNotRun, truncatedSections: truncated)
        line = Line(knownDown: lineKnownDown)
    }

    /// A run where every probe completed over a working session (rule tests on scenarios).
    init(completeRunOf probeNames: [String]) {
        transport = Transport(connected: true, attempts: 1)
        probes = Probes(complete: true, ran: probeNames, notRun: [], cutShort: [], missing: [], truncatedSections: [])
        line = Line(knownDown: false)
    }
}
