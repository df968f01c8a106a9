import ArgumentParser
import TriageCore
import TriageStore

struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "The diagnoses of one device, newest first.")

    @Argument(help: "The device id.")
    var device: String

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await store.withStore(.reading) { database, _ in
            let history = try await database.history(deviceID: device)
            if output.json { return try JSONOutput.print(history) }
            if history.isEmpty {
                // A mistyped id finds nothing: name the devices the store knows that are near it.
                let known = Set(try await database.auditLog().map(\.deviceID))
                let near = NearMatches.among(known.sorted(), for: device)
                return print("no diagnoses of \(device)" + (near.isEmpty ? "" : ". Did you mean: \(near.joined(separator: ", "))?"))
            }
            for record in history {
                let ticket = record.originTicket.map { ", ticket \($0)" } ?? ""
                print("\(record.id)  \(DeliveryText.date(record.startedAt))  \(record.verdict.rawValue)  by \(record.requestedBy)\(ticket)")
            }
        }
    }
}
