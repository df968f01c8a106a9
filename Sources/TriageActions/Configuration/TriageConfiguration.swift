public import Foundation
public import TriageStore

/// The config file (YAML, Docs/store-and-actions.md): where the store is, how long evidence is
/// kept, and which sink orders and tickets go to. Every setting has a default; no file is needed.
public struct TriageConfiguration: Sendable, Hashable {
    /// The SQLite file; nil means `--db` or the default path.
    public var storePath: String?
    /// A PostgreSQL store (`store.url`), instead of `storePath`; `--db` overrides it.
    public var storeURL: PostgresSettings?
    /// Where a PostgreSQL store's password is (`store.password_file`, `store.password_env`): for
    /// `storeURL` and for a `--db postgres://…` alike.
    public var storePassword: PostgresSettings.PasswordSource = .none
    /// Evidence (raw sections) older than this is pruned; nil keeps it forever.
    public var evidenceRetentionDays: Int?
    public var sink: SinkConfiguration
    /// Asked whether a device's line is up when the device cannot be reached; nil: nobody is asked.
    public var lineState: LineStateConfiguration?
    /// `triage serve`: listen address, tokens, concurrency (the `service:` section).
    public var service = ServiceConfiguration()

    public static let defaultRetentionDays = 90

    public init(storePath: String? = nil, evidenceRetentionDays: Int? = defaultRetentionDays, sink: SinkConfiguration = .local) {
        self.storePath = storePath
        self.evidenceRetentionDays = evidenceRetentionDays
        self.sink = sink
    }

    /// Reads a config file.
    public static func load(path: String) throws(ConfigurationError) -> TriageConfiguration {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ConfigurationError("cannot read the file", file: path)
        }
        return try ConfigurationReader(file: path).read(text)
    }

    /// `--config FILE`, else `$TRIAGE_CONFIG`, else the defaults.
    public static func resolve(path: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ConfigurationError) -> TriageConfiguration {
        if let path = path ?? environment["TRIAGE_CONFIG"], !path.isEmpty { return try load(path: path) }
        return TriageConfiguration()
    }
}
