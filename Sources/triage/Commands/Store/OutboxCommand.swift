import ArgumentParser
import Foundation
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
            try await store.withStore(.reading) { database, _ in
                let rows = try await database.outbox(includeDelivered: all)
                if output.json { return try JSONOutput.print(rows) }
                if rows.isEmpty { return print(all ? "the outbox is empty" : "nothing pending") }
                for row in rows {
                    let next = row.isDelivered ? "" : ", next attempt \(DeliveryText.date(row.nextAttemptAt))"
                    print("\(row.id ?? 0)  \(row.kind.rawValue) \(row.actionID)  [\(row.idempotencyKey)]  \(DeliveryText.state(row))\(next)")
                }
            }
        }
    }

    struct Deliver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Deliver every pending entry now, without waiting for its retry time.",
            discussion: """
                Exit status: 0 when everything was delivered, 1 while some entry is still pending: failed now, or held by \
                another delivery (one running, or one that was interrupted and holds its entries until its lease ends).
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await store.withStore(.existing) { database, configuration in
                let recorder = DiagnosisRecorder(database: database, configuration: configuration, logger: store.logger())
                let report = await recorder.deliverPending(ignoringSchedule: true)
                try DeliveryReportText.print(report, json: output.json)
                if report.stillPending > 0 || report.storeError != nil { throw ExitCode(1) }
            }
        }
    }
}

enum DeliveryReportText {
    static func print(_ report: DeliveryReport, json: Bool) throws {
        if json {
            struct Item: Encodable { var outbox: Int64; var key: String; var reference: String?; var error: String?; var heldUntil: Date? }
            return try JSONOutput.print(
                report.items.map { Item(outbox: $0.outboxID, key: $0.idempotencyKey, reference: $0.reference, error: $0.error) }
                    + report.held.map { Item(outbox: $0.outboxID, key: $0.idempotencyKey, heldUntil: $0.until) })
        }
        if let error = report.storeError { Swift.print("store: \(error)") }
        for item in report.items {
            Swift.print("\(item.outboxID) [\(item.idempotencyKey)]: " + (item.reference.map { "delivered (\($0))" } ?? "still pending: \(item.error ?? "")"))
        }
        for held in report.held {
            Swift.print("\(held.outboxID) [\(held.idempotencyKey)]: still pending, held by another delivery until \(DeliveryText.date(held.until))")
        }
        Swift.print("\(report.delivered) delivered, \(report.stillPending) still pending" + heldSummary(report.held))
    }

    /// Why an entry was not even tried: a delivery holds it (running now, or killed mid-way).
    private static func heldSummary(_ held: [DeliveryReport.Held]) -> String {
        guard let last = held.map(\.until).max() else { return "" }
        return " (\(held.count) held by another delivery, running or interrupted, until \(DeliveryText.date(last)) at the latest; "
            + "run `triage outbox deliver` again after that)"
    }
}
