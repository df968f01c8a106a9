import ArgumentParser
import TriageStore

struct OrdersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orders", abstract: "Replacement orders (RMA) opened by `replace` verdicts.", subcommands: [List.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the replacement orders and their delivery state.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await store.withStore(.reading) { database, _ in
                let orders = try await database.orders()
                if output.json { return try JSONOutput.print(orders) }
                if orders.isEmpty { return print("no orders") }
                for listed in orders {
                    let order = listed.action
                    print("order \(order.id ?? 0)  \(DeliveryText.date(order.createdAt))  \(order.deviceID)  "
                        + "\(order.model ?? "model unknown"), serial \(order.serial ?? "unknown"), customer \(order.customer ?? "unknown")")
                    print("  reason: \(order.reason)")
                    print("  diagnosis \(order.diagnosisID), ticket \(order.originTicket ?? "none"): \(DeliveryText.state(listed.delivery))")
                }
            }
        }
    }
}
