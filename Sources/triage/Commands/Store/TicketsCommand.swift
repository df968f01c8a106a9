import ArgumentParser
import TriageStore

struct TicketsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tickets", abstract: "Third-level tickets opened by `escalate` verdicts.", subcommands: [List.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the third-level tickets and their delivery state.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await store.withStore(.reading) { database, _ in
                let tickets = try await database.tickets()
                if output.json { return try JSONOutput.print(tickets) }
                if tickets.isEmpty { return print("no tickets") }
                for listed in tickets {
                    let ticket = listed.action
                    print("ticket \(ticket.id ?? 0)  \(DeliveryText.date(ticket.createdAt))  \(ticket.summary)")
                    print("  diagnosis \(ticket.diagnosisID), ticket \(ticket.originTicket ?? "none"): \(DeliveryText.state(listed.delivery))")
                }
            }
        }
    }
}
