import Foundation
import Logging
import TriageCore
import TriageEngine

/// Loads what the engine holds, in the order that fails cheapest first: the rules, then the store
/// (opened before any device is touched: a bad config or an unwritable store fails first), then
/// the probe catalogue. The inventory is the caller's, loaded as the command needs it.
enum EngineSetup {
    static func engine(inventory: Inventory, rules: RulesOptions, store: StoreOptions, logger: Logger,
                       batchLimit: Int = 64) async throws -> TriageEngine {
        let book = try rules.loadBook()
        let (database, configuration) = try await store.open()
        let catalog: ProbeCatalog
        do {
            catalog = try ProbeCatalog.bundled()
        } catch {
            throw CLIError.failure("\(error)")
        }
        return TriageEngine(inventory: inventory, rules: book, catalog: catalog, database: database,
                            configuration: configuration, logger: logger, batchLimit: batchLimit)
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
