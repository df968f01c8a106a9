import ArgumentParser
import Foundation
import Logging
import TriageActions
import TriageStore

/// `--db FILE` and `--config FILE`, shared by every command that uses the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The SQLite file.", discussion: "Defaults to store.path in the config, else $XDG_STATE_HOME/triage/triage.sqlite or ~/.local/state/triage/triage.sqlite."))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("The config file (YAML, Docs/store-and-actions.md).", discussion: "Defaults to $TRIAGE_CONFIG."))
    var config: String?

    func configuration() throws -> TriageConfiguration {
        do {
            return try TriageConfiguration.resolve(path: config)
        } catch {
            throw CLIError.usage(error.description)
        }
    }

    /// Opens (creating and migrating on first use) the store the options name.
    func open() async throws -> (AppDatabase, TriageConfiguration) {
        let configuration = try configuration()
        let path = db ?? configuration.storePath ?? StoreLocation.defaultPath()
        do {
            return (try await AppDatabase.open(path: path), configuration)
        } catch {
            throw CLIError.failure(error.description)
        }
    }
}

extension StoreOptions {
    /// Delivery problems go to stderr as warnings; routine progress is what the commands print.
    func logger() -> Logger {
        var logger = Logger(label: "triage") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = .warning
        return logger
    }
}

/// `--json`: machine-readable output for the listing commands.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false
}

enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        Swift.print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
