import ArgumentParser
import TriageActions
import TriageStore

struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "One recorded diagnosis: findings, evidence, audit entries and what it led to.")

    @Argument(help: "The diagnosis id (or a unique prefix of it).")
    var diagnosis: String

    @Flag(name: .long, help: "Also print the raw evidence sections.")
    var evidence = false

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let (database, _) = try await store.openExisting(readOnly: true)
        guard let stored = try await database.diagnosis(id: diagnosis) else {
            throw CLIError.usage("no diagnosis \(diagnosis) in \(database.path) (or the prefix is not unique)")
        }
        if output.json { return try JSONOutput.print(stored) }
        guard let diagnosis = stored.diagnosis else { throw CLIError.failure("diagnosis \(stored.record.id) has no valid id") }
        print(ActionText.report(diagnosis), terminator: "")
        print("Recorded: \(DeliveryText.date(stored.record.recordedAt)), Triage \(stored.record.triageVersion)")
        for delivery in stored.deliveries {
            print("Action: \(delivery.kind.rawValue) \(delivery.actionID) [\(delivery.idempotencyKey)]: \(DeliveryText.state(delivery))")
        }
        for entry in stored.audit {
            print("Audit: \(entry.outcome.rawValue), \(DeliveryText.date(entry.startedAt)) to \(DeliveryText.date(entry.endedAt)), "
                + "\(entry.connectAttempts) connect attempt(s)\(entry.failure.map { ": \($0)" } ?? "")")
        }
        print("Evidence: \(stored.evidence.count) section(s)")
        if evidence { print(ActionText.evidence(stored.evidence), terminator: "") }
    }
}
