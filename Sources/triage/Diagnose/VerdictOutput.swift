import TriageCore

/// How `triage diagnose` shows its result. The verdict comes first — the summary, or the one
/// JSON document — and is flushed at once, so that nothing after it (a slow sink, a store that
/// refuses the record) can keep it from the technician. Delivery lines follow: on stdout after
/// the summary, on stderr beside the JSON document (stdout holds the document alone).
struct VerdictOutput {
    let diagnosis: Diagnosis
    let facts: JSONValue
    let json: Bool
    /// False with `--no-act`.
    let acted: Bool
    var presentation = PresentationOptions()

    func showVerdict(actions: [String]) async throws {
        let actions = acted ? actions : actions.map { "\($0) (--no-act)" }
        if json {
            print(try DiagnosisDocument(diagnosis, facts: facts, actions: actions).json())
        } else {
            StyledOutput.print(DiagnosisSummary(diagnosis, actions: actions, allEvidence: presentation.evidence).lines,
                               style: .forStandardOutput())
        }
        TerminalStreams.flush()
        do {
            try await presentation.writeReport(diagnosis, actions: actions)
        } catch let error as CLIError {
            // The diagnosis is recorded and its action opened: a missing report must not hold back delivery.
            printError("error: \(error.message)")
        }
    }

    func showDelivery(_ lines: [String]) {
        for line in lines.map({ "delivery: \($0)" }) {
            if json { printError(line) } else { print(line) }
        }
    }
}
