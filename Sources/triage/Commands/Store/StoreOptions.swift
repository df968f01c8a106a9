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

    /// A config file that cannot be used is the user's to fix (`ConfigurationError` is a usage error).
    func configuration() throws -> TriageConfiguration {
        try TriageConfiguration.resolve(path: config)
    }

    /// The store's path: `--db`, else the config's `store.path`, else the default.
    func path(in configuration: TriageConfiguration) -> String {
        db ?? configuration.storePath ?? StoreLocation.defaultPath()
    }

    /// Opens (creating and migrating on first use) the store the options name: for the commands
    /// that record.
    func open() async throws -> (AppDatabase, TriageConfiguration) {
        let configuration = try configuration()
        let database = try await open(path(in: configuration))
        // A store made by an older Triage (0644), or in a folder others may write to: Triage does
        // not chmod what it did not create, but it says so before adding evidence to it.
        if let exposure = database.exposure { printError("warning: \(exposure)") }
        return (database, configuration)
    }

    /// Opens a store that must already exist: for the commands that only read or deliver, so that
    /// a mistyped `--db` is an error instead of a new, empty store that shows nothing. With
    /// `readOnly` (the listings), it takes no lock and writes nothing, so it works on a read-only
    /// file system too.
    func openExisting(readOnly: Bool = false) async throws -> (AppDatabase, TriageConfiguration) {
        let configuration = try configuration()
        let path = path(in: configuration)
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIError.failure("""
                no store at \(path): nothing has been recorded there yet.
                Check --db or store.path in the config; `triage diagnose` creates the store on its first run.
                """)
        }
        return (try await open(path, readOnly: readOnly), configuration)
    }

    /// A store that cannot be opened is Triage's own failure (`StoreError`).
    private func open(_ path: String, readOnly: Bool = false) async throws -> AppDatabase {
        readOnly ? try await AppDatabase.openForReading(path: path) : try await AppDatabase.open(path: path)
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
