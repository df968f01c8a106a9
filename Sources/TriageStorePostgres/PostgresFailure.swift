import PostgresNIO
import TriageStore

/// What postgres-nio threw, told as a `StoreError`: what failed and what to do. Only the error's
/// code, the server's SQLSTATE and message and the socket error are used: never the connection's
/// configuration, which holds the password.
enum PostgresFailure {
    /// The connection went away under a call: PostgreSQL restarted or the network was cut.
    static func connectionLost(settings: PostgresSettings, doing action: String) -> StoreError {
        StoreError(path: settings.location, problem: "the connection to the server was lost while trying to \(action)",
                   remedy: "Check that PostgreSQL at \(settings.host):\(settings.port) is running (a restart cuts connections); Triage reconnects on the next call.")
    }

    static func storeError(_ error: any Error, settings: PostgresSettings, doing action: String) -> StoreError {
        if let error = error as? StoreError { return error }
        let server = "PostgreSQL at \(settings.host):\(settings.port)"
        if "\(error)".contains("CircuitBreakerTripped") {
            // The pool tried to connect for a while (about a minute) and failed every time; until a
            // connection succeeds again, calls fail at once instead of waiting.
            return StoreError(path: settings.location, problem: "cannot reach the server to \(action): no connection succeeded for a while",
                              remedy: "Check that \(server) runs and accepts connections; Triage keeps trying and resumes when it does.")
        }
        if error is PostgresConnectionLost {
            return connectionLost(settings: settings, doing: action)
        }
        guard let error = error as? PSQLError else {
            return StoreError(path: settings.location, problem: "cannot \(action): \(error)",
                              remedy: "Check that \(server) runs and that the database is Triage's.")
        }
        switch error.code {
        case .server:
            return serverError(error, settings: settings, doing: action)
        case .connectionError:
            let cause = error.underlying.map { "\($0)" } ?? "no connection"
            return StoreError(path: settings.location, problem: "cannot reach the server to \(action): \(cause)",
                              remedy: "Check that \(server) runs and accepts TCP connections there (listen_addresses, pg_hba.conf, firewall).")
        case .sslUnsupported:
            return StoreError(path: settings.location, problem: "the server offers no TLS, and the settings require it",
                              remedy: "Turn on ssl in \(server), or set the store's tls to prefer or disable.")
        case .authMechanismRequiresPassword:
            return StoreError(path: settings.location, problem: "the server asks for role \(settings.user)'s password and none is configured",
                              remedy: "Name the password's file or environment variable in the store's settings.")
        case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
            return connectionLost(settings: settings, doing: action)
        default:
            return StoreError(path: settings.location, problem: "cannot \(action): postgres-nio error \(error.code)",
                              remedy: "Check \(server)'s log for what it refused.")
        }
    }

    /// SQLSTATE of a server's error, if `error` is one.
    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    private static func serverError(_ error: PSQLError, settings: PostgresSettings, doing action: String) -> StoreError {
        let state = error.serverInfo?[.sqlState] ?? "?"
        let message = error.serverInfo?[.message] ?? "no message"
        switch state {
        case "28P01", "28000":
            return StoreError(path: settings.location, problem: "authentication failed for role \(settings.user) (\(message))",
                              remedy: "Check the password in the store's password source and the server's pg_hba.conf entry for this host.")
        case "3D000":
            return StoreError(path: settings.location, problem: "database \(settings.database) does not exist",
                              remedy: "Create it for role \(settings.user): CREATE DATABASE \(settings.database) OWNER \(settings.user); (Docs/operations.md).")
        case "42501":
            return StoreError(path: settings.location, problem: "role \(settings.user) may not \(action) (\(message))",
                              remedy: "Make role \(settings.user) the database's owner, as Docs/operations.md describes.")
        case "57P01", "57P02", "57P03":
            return StoreError(path: settings.location, problem: "the server is shutting down or starting (\(message))",
                              remedy: "Wait for PostgreSQL to be up again; Triage reconnects on the next call.")
        default:
            return StoreError(path: settings.location, problem: "the server refused to \(action): \(message) (SQLSTATE \(state))",
                              remedy: "Check the server's log and the database's state.")
        }
    }
}
