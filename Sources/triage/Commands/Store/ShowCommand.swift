import ArgumentParser
import TriageActions
import TriageCore
import TriageStore

/// `triage show ID`: a recorded diagnosis in the same summary `triage diagnose` prints, then its
/// record (audit entries, deliveries); `--report FILE.html` writes the same HTML report.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "One recorded diagnosis: findings, evidence, audit entries and what it led to.")

    @Argument(help: "The diagnosis id (or a unique prefix of it).")
    var diagnosis: String

    @OptionGroup var presentation: PresentationOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await store.withStore(.reading) { database, _ in
            guard let stored = try await database.diagnosis(id: diagnosis) else {
                throw CLIError.usage("""
                    no diagnosis \(diagnosis) in \(database.location) (or the prefix is not unique). \
                    List a device's diagnoses with `triage history DEVICE`, or give more of the id.
                    """)
            }
            if output.json { return try JSONOutput.print(stored) }
            guard let diagnosis = stored.diagnosis else { throw CLIError.failure("diagnosis \(stored.record.id) has no valid id") }
            let actions = stored.deliveries.map {
                "\($0.kind.rawValue) \($0.actionID) [\($0.idempotencyKey)]: \(DeliveryText.state($0))"
            }
            StyledOutput.print(DiagnosisSummary(diagnosis, actions: actions, allEvidence: presentation.evidence).lines,
                               style: .forStandardOutput())
            print("")
            print("recorded: \(DeliveryText.date(stored.record.recordedAt)) by Triage \(stored.record.triageVersion), "
                + "requested by \(diagnosis.requestedBy)\(diagnosis.originTicket.map { " for ticket \($0)" } ?? "")")
            for entry in stored.audit {
                print("audit:    \(entry.outcome.rawValue), \(DeliveryText.date(entry.startedAt)) to \(DeliveryText.date(entry.endedAt)), "
                    + "\(entry.connectAttempts) connect attempt(s)\(entry.failure.map { ": \($0)" } ?? "")")
            }
            print("evidence: \(stored.evidence.count) raw section(s)\(presentation.evidence ? "" : " (--evidence shows them)")")
            if presentation.evidence { print(ActionText.evidence(stored.evidence), terminator: "") }
            TerminalStreams.flush()
            try await presentation.writeReport(diagnosis, actions: actions)
        }
    }
}
