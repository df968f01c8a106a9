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
        /// What a healthy judgement needs from a probe that finished, but no readable section brought
        /// (`EvidenceGaps`): e.g. "the system log (logread -l 300 or dmesg)".
        var evidenceMissing: [String] = []
        /// Facts of different sources that cannot both be true (`FactContradictions`).
        var contradictions: [String] = []

        /// Part of the picture is missing or does not add up: never healthy on it (issue 10, item 4).
        var isPartial: Bool { !complete || !evidenceMissing.isEmpty || !contradictions.isEmpty }
    }

    struct Line: Sendable, Hashable, Codable {
        /// The customer's line is down on the network side: the technician says so
        /// (`--line-known-down`), or the line-state source does.
        var knownDown: Bool
        /// `up`, `down` or `unknown`; absent when nobody was asked (a reachable device, no source).
        var state: String?
        /// `manual`, `http` or `command`.
        var source: String?
        /// What the source said, or why it could not say (Docs/line-state.md).
        var detail: String?

        init(knownDown: Bool, lookedUp: LineState? = nil) {
            let line = knownDown ? LineState.manuallyDown : lookedUp
            self.knownDown = line?.state == .down
            state = line?.state.rawValue
            source = line?.source
            detail = line?.detail
        }
    }

    var transport: Transport
    var probes: Probes
    var line: Line

    init(outcome: ProbeRunOutcome, lineKnownDown: Bool, lineState: LineState? = nil, facts: DeviceFacts) {
        let failure = outcome.connectionFailure
        transport = Transport(connected: failure == nil, attempts: outcome.connectAttempts, error: failure?.code.rawValue,
                              step: failure?.step?.rawValue, detail: failure?.detail)
        let cutShort = outcome.probes.filter { !$0.isComplete }.map(\.name)
        let truncated = outcome.sections.filter(\.isTruncated).map(\.subject)
        probes = Probes(complete: outcome.isComplete, ran: outcome.probes.map(\.name), notRun: outcome.probesNotRun,
                        cutShort: cutShort, missing: cutShort + outcome.probesNotRun, truncatedSections: truncated)
        if failure == nil {
            let completed = Set(outcome.probes.filter(\.isComplete).map(\.name))
            probes.evidenceMissing = EvidenceGaps.missing(in: outcome.sections, completedProbes: completed)
            probes.contradictions = FactContradictions.find(in: facts)
        }
        line = Line(knownDown: lineKnownDown, lookedUp: lineState)
    }

    /// A run where every probe completed over a working session (rule tests on scenarios).
    init(completeRunOf probeNames: [String], sections: [ProbeSection], facts: DeviceFacts) {
        transport = Transport(connected: true, attempts: 1)
        probes = Probes(complete: true, ran: probeNames, notRun: [], cutShort: [], missing: [], truncatedSections: [])
        probes.evidenceMissing = EvidenceGaps.missing(in: sections, completedProbes: Set(probeNames))
        probes.contradictions = FactContradictions.find(in: facts)
        line = Line(knownDown: false)
    }
}
