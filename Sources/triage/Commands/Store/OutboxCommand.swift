import ArgumentParser
import TriageActions
import TriageStore

struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox", abstract: "Orders, tickets and notes waiting for delivery, and why.",
        subcommands: [List.self, Deliver.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show what is pending (with --all, also what was delivered).")

        @Flag(name: .long, help: "Include delivered entries.")
        var all = false

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let (database, _) = try await store.openExisting()
            let rows = try await database.outbox(includeDelivered: all)
            if output.json { return try JSONOutput.print(rows) }
            if rows.isEmpty { return print(all ? "the outbox is empty" : "nothing pending") }
            for row in rows {
                let next = row.isDelivered ? "" : ", next attempt \(DeliveryText.date(row.nextAttemptAt))"
                print("\(row.id ?? 0)  \(row.kind.rawValue) \(row.actionID)  [\(row.idempotencyKey)]  \(DeliveryText.state(row))\(next)")
            }
        }
    }

    struct Deliver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Deliver every pending entry now, without waiting for its retry time.",
            discussion: "Exit status: 0 when everything was delivered, 1 when some entry is still pending.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let (database, configuration) = try await store.openExisting()
            let recorder = DiagnosisRecorder(database: database, configuration: configuration, logger: store.logger())
            let report = await recorder.deliverPending(ignoringSchedule: true)
            try DeliveryReportText.print(report, json: output.json)
            if report.failed > 0 || report.storeError != nil { throw ExitCode(1) }
        }
    }
}

enum DeliveryReportText {
    static func print(_ report: DeliveryReport, json: Bool) throws {
        if json {
            struct Item: Encodable { var outbox: Int64; var key: String; var reference: String?; var error: String? }
            return try JSONOutput.print(report.items.map { Item(outbox: $0.outboxID, key: $0.idempotencyKey, reference: $0.reference, error: $0.error) })
        }
        if let error = report.storeError { Swift.print("store: \(error)") }
        for item in report.items {
            Swift.print("\(item.outboxID) [\(item.idempotencyKey)]: " + (item.reference.map { "delivered (\($0))" } ?? "still pending: \(item.error ?? "")"))
        }
        Swift.print("\(report.delivered) delivered, \(report.failed) still pending")
    }
}
