/// How to reach a PostgreSQL store: plain values, no driver types, so that the configuration and
/// the CLI can name a server store without linking its driver. The password is never part of
/// these settings' text form: it is read, when the store is opened, from `password`'s source.
public struct PostgresSettings: Sendable, Hashable {
    /// Where the password comes from; never the command line.
    public enum PasswordSource: Sendable, Hashable {
        /// Trust, peer or certificate authentication.
        case none
        /// A file (0600, owned by the user running Triage) holding the password on its first line.
        case file(String)
        /// An environment variable holding the password.
        case environment(String)
    }

    /// TLS to the server, as libpq's `sslmode` names it (the subset Triage supports).
    public enum TLSMode: String, Sendable, Hashable {
        case disable
        case prefer
        case require
    }

    public var host: String
    public var port: Int
    public var user: String
    public var database: String
    public var password: PasswordSource
    public var tls: TLSMode

    public init(host: String, port: Int = 5432, user: String, database: String,
                password: PasswordSource = .none, tls: TLSMode = .prefer) {
        self.host = host
        self.port = port
        self.user = user
        self.database = database
        self.password = password
        self.tls = tls
    }

    /// `postgres://user@host:port/database`: for messages and logs, never with a password.
    public var location: String { "postgres://\(user)@\(host):\(port)/\(database)" }
}
