/// The probe run itself as evidence: what SSH said, and how each probe ended. These are made by
/// the controller, not printed by the device, and are named so (`triage: …`).
enum RunEvidence {
    static let sshSubject = "triage: ssh"
    static let probesSubject = "triage: probe run"
    static let lineSubject = "triage: line state"

    static func sections(of outcome: ProbeRunOutcome, line: RunFacts.Line) -> [ProbeSection] {
        var ssh = ["\(outcome.connectAttempts) connect attempt(s) to \(outcome.device.endpoint)"]
        if let failure = outcome.connectionFailure { ssh.append(failure.description) }
        var probes: [String] = outcome.probes.map { probe in
            if probe.isComplete { return "\(probe.name): complete, \(probe.reading.sections.count) sections" }
            let failure = probe.failure.map { "\($0.code.rawValue): \($0.detail)" } ?? "not read completely"
            return "\(probe.name): cut short after \(probe.reading.sections.count) sections (\(probe.isTruncated ? "output cap" : failure))"
        }
        probes += outcome.probesNotRun.map { "\($0): not run" }
        var sections = [
            ProbeSection(kind: .command, subject: sshSubject, output: ssh.joined(separator: "\n")),
            ProbeSection(kind: .command, subject: probesSubject, output: probes.joined(separator: "\n")),
        ]
        // Only when someone was asked: the line-state rules cite it, so the stored finding keeps
        // what the network side said and where that came from.
        if let state = line.state, let source = line.source {
            let said = "line \(state) (\(source)\(line.detail.map { ": \($0)" } ?? ""))"
            sections.append(ProbeSection(kind: .command, subject: lineSubject, output: said))
        }
        return sections
    }
}
