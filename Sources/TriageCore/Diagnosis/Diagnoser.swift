import Foundation
/// From one probe run to one diagnosis: parse the sections into facts, run the knowledge base,
/// decide the verdict by the policy, and keep the evidence.
public struct Diagnoser: Sendable {
    public let engine: RuleEngine

    public init(rules: RuleBook) {
        engine = RuleEngine(book: rules)
    }

    /// What the diagnosis of `outcome` needs besides the run itself.
    public struct Request: Sendable {
        public var requestedBy: String
        public var originTicket: String?
        /// The network side says the customer's line is down: an unreachable device is then not broken hardware.
        public var lineKnownDown: Bool
        /// What the configured line-state source said (asked only for an unreachable device);
        /// `lineKnownDown` overrides it.
        public var lineState: LineState?

        public init(requestedBy: String, originTicket: String? = nil, lineKnownDown: Bool = false, lineState: LineState? = nil) {
            self.requestedBy = requestedBy
            self.originTicket = originTicket
            self.lineKnownDown = lineKnownDown
            self.lineState = lineState
        }
    }

    /// The diagnosis, and the fact document the rules read (for `--json` and for writing rules).
    public func diagnose(_ outcome: ProbeRunOutcome, request: Request) -> (diagnosis: Diagnosis, facts: JSONValue) {
        let sections = outcome.sections
        let facts = DeviceFacts(sections: sections)
        let run = RunFacts(outcome: outcome, lineKnownDown: request.lineKnownDown, lineState: request.lineState, facts: facts)
        let document = FactDocument.make(facts: facts, run: run)
        let findings = engine.findings(in: document, sections: sections + RunEvidence.sections(of: outcome, line: run.line))
        let elapsed = Date().timeIntervalSince(outcome.startedAt)
        let diagnosis = Diagnosis(
            device: DeviceSummary(outcome.device), requestedBy: request.requestedBy, originTicket: request.originTicket,
            startedAt: outcome.startedAt, durationMilliseconds: Int((elapsed * 1000).rounded()),
            verdict: VerdictPolicy.verdict(for: findings, partialPicture: run.transport.connected && run.probes.isPartial),
            findings: findings,
            rulesFired: findings.map(\.ruleID), probeSHA256: Dictionary(outcome.probes.map { ($0.name, $0.sha256) }) { a, _ in a },
            sections: sections, warnings: Self.warnings(outcome: outcome, facts: facts, line: run.line))
        return (diagnosis, document)
    }

    /// Like `diagnose`, for a run that may have ended in Triage's own failure (a name that does
    /// not resolve, no descriptors left, an unreadable credential, a cancellation): such a run
    /// says nothing about the device, so it gets no verdict. It throws that failure instead.
    public func requireDiagnosis(_ outcome: ProbeRunOutcome, request: Request) throws(TransportFailure)
        -> (diagnosis: Diagnosis, facts: JSONValue) {
        if let own = outcome.triagesOwnFailure { throw own }
        return diagnose(outcome, request: request)
    }

    /// The facts of a complete run's sections (rule tests on scenarios, where no SSH session is involved).
    public static func document(sections: [ProbeSection], probeNames: [String] = ProbeCatalog.probeNames) -> JSONValue {
        let facts = DeviceFacts(sections: sections)
        return FactDocument.make(facts: facts, run: RunFacts(completeRunOf: probeNames, sections: sections, facts: facts))
    }

    private static func warnings(outcome: ProbeRunOutcome, facts: DeviceFacts, line: RunFacts.Line) -> [String] {
        var warnings: [String] = []
        if line.state == LineState.State.unknown.rawValue {
            warnings.append("line state unknown: \(line.detail ?? "no reason given")")
        }
        if let failure = outcome.connectionFailure {
            warnings.append("no session after \(outcome.connectAttempts) attempt(s): \(failure.code.rawValue)")
        }
        for probe in outcome.probes where !probe.isComplete {
            var why = probe.failure.map { "\($0.code.rawValue) during \($0.step?.rawValue ?? "command")" } ?? "incomplete output"
            if probe.isTruncated { why = "output cut at the cap" }
            warnings.append("probe \(probe.name) did not finish: \(why)")
        }
        if !outcome.probesNotRun.isEmpty, outcome.connectionFailure == nil {
            warnings.append("probes not run: \(outcome.probesNotRun.joined(separator: ", "))")
        }
        warnings += outcome.probes.flatMap { probe in probe.reading.problems.map { "probe \(probe.name): \($0)" } }
        warnings += facts.warnings.map(\.description)
        return warnings
    }
}
