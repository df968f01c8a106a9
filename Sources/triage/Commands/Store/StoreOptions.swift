import ArgumentParser
import Foundation
import Logging
import TriageActions
import TriageStore

/// `--db FILE|URL` and `--config FILE`, shared by every command that uses the store. The one place
/// that opens a store: the commands get `any RecordStore`, SQLite or PostgreSQL alike.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The SQLite file, or postgres://user@host[:port]/database[?sslmode=disable|prefer|require].",
        discussion: """
            Defaults to store.url or store.path in the config, else $XDG_STATE_HOME/triage/triage.sqlite or \
            ~/.local/state/triage/triage.sqlite. A server's password comes from store.password_file or \
            store.password_env, never from the URL.
            """))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("The config file (YAML, Docs/store-and-actions.md).", discussion: "Defaults to $TRIAGE_CONFIG."))
    var config: String?

    /// How a command uses the store.
    enum Access {
        /// Records: the store is created and migrated on first use.
        case record
        /// Reads or delivers: the store must exist already, so that a mistyped `--db` is an error
        /// instead of a new, empty store that shows nothing.
        case existing
        /// Lists only: as `existing`, and an SQLite file is opened without a lock or a write, so
        /// that it works on a read-only file system too.
        case reading
    }

    /// A config file that cannot be used is the user's to fix (`ConfigurationError` is a usage error).
    func configuration() throws -> TriageConfiguration {
        try TriageConfiguration.resolve(path: config)
    }

    /// The store the options name: `--db`, else the config's `store.url` or `store.path`, else
    /// the default file.
    func address(in configuration: TriageConfiguration) throws(StoreAddressError) -> StoreAddress {
        if let db { return try StoreAddress.parse(db, password: configuration.storePassword) }
        if let url = configuration.storeURL { return .postgres(url) }
        return .file(configuration.storePath ?? StoreLocation.defaultPath())
    }

    /// Opens the store the options name for `access`, runs `body` with it, and closes it after
    /// (a server store's connections end with `body`). A store that cannot be opened is Triage's
    /// own failure (`StoreError`); a `--db` or config that names none is the user's.
    func withStore<T: Sendable>(_ access: Access = .record,
                      _ body: (any RecordStore, TriageConfiguration) async throws -> T) async throws -> T {
        let configuration = try configuration()
        switch try address(in: configuration) {
        case .file(let path):
            return try await body(try await open(path, access), configuration)
        case .postgres(let settings):
            return try await PostgresOpening.withStore(settings, logger: logger()) { try await body($0, configuration) }
        }
    }

    private func open(_ path: String, _ access: Access) async throws -> AppDatabase {
        switch access {
        case .record:
            let database = try await AppDatabase.open(path: path)
            // A store made by an older Triage (0644), or in a folder others may write to: Triage
            // does not chmod what it did not create, but it says so before adding evidence to it.
            if let exposure = database.exposure { printError("warning: \(exposure)") }
            return database
        case .existing, .reading:
            guard FileManager.default.fileExists(atPath: path) else {
                throw CLIError.failure("""
                    no store at \(path): nothing has been recorded there yet.
                    Check --db or store.path in the config; `triage diagnose` creates the store on its first run.
                    """)
            }
            return access == .reading ? try await AppDatabase.openForReading(path: path) : try await AppDatabase.open(path: path)
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
