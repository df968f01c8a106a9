import Foundation
import Logging
import TriageCore
import TriageInventory
import TriageEngine

/// Loads what the engine holds, in the order that fails cheapest first: the rules, then the store
/// (opened before any device is touched: a bad config or an unwritable store fails first), then
/// the probe catalogue. The inventory is the caller's, loaded as the command needs it.
enum EngineSetup {
    /// Runs `body` with the engine; the store is open while `body` runs and closed after.
    static func withEngine<T: Sendable>(inventory: Inventory, rules: RulesOptions, store: StoreOptions, logger: Logger,
                              batchLimit: Int = 64, _ body: (TriageEngine) async throws -> T) async throws -> T {
        let book = try rules.loadBook()
        return try await store.withStore(.record) { database, configuration in
            let catalog: ProbeCatalog
            do {
                catalog = try ProbeCatalog.bundled()
            } catch {
                throw CLIError.failure("\(error)")
            }
            return try await body(TriageEngine(inventory: inventory, rules: book, catalog: catalog, database: database,
                                               configuration: configuration, logger: logger, batchLimit: batchLimit))
        }
    }

    /// Who asks: `--requested-by`, else $USER, else "cli".
    static func requester(_ requestedBy: String?) -> String {
        requestedBy ?? ProcessInfo.processInfo.environment["USER"] ?? "cli"
    }

    /// "SIGINT", "SIGTERM" or "signal N".
    static func signalName(_ signal: Int32) -> String {
        signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "signal \(signal)"
    }
}
