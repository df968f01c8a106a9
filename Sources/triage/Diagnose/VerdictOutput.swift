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

    func showVerdict(actions: [String]) throws {
        if json {
            print(try DiagnosisDocument(diagnosis, facts: facts, actions: actions).json())
        } else {
            print(DiagnosisSummary.text(for: diagnosis, actions: actions, acted: acted))
        }
        TerminalStreams.flush()
    }

    func showDelivery(_ lines: [String]) {
        for line in lines.map({ "delivery: \($0)" }) {
            if json { printError(line) } else { print(line) }
        }
    }
}
