import Foundation
import Logging
import NIOSSL
import PostgresNIO
import TriageStore

/// How to reach the server: the password read from its source, TLS as the settings ask, the
/// first connection made directly so that its failure is told at once and in words.
struct PostgresConnecting: Sendable {
    let pool: PostgresClient.Configuration
    let single: PostgresConnection.Configuration

    static func configuration(for settings: PostgresSettings) async throws(StoreError) -> PostgresConnecting {
        let password = try PostgresPassword.read(settings)
        var pool = PostgresClient.Configuration(host: settings.host, port: settings.port, username: settings.user,
                                                password: password, database: settings.database, tls: .disable)
        var single = PostgresConnection.Configuration(host: settings.host, port: settings.port, username: settings.user,
                                                      password: password, database: settings.database, tls: .disable)
        single.options.connectTimeout = .seconds(10)
        pool.options.connectTimeout = .seconds(10)
        switch settings.tls {
        case .disable:
            break
        case .prefer, .require:
            let tls = TLSConfiguration.makeClientConfiguration()
            let context: NIOSSLContext
            do {
                context = try NIOSSLContext(configuration: tls)
            } catch {
                throw StoreError(path: settings.location, problem: "cannot set up TLS: \(error)",
                                 remedy: "Check the system's CA certificates, or set tls: disable for a server on this machine.")
            }
            pool.tls = settings.tls == .require ? .require(tls) : .prefer(tls)
            single.tls = settings.tls == .require ? .require(context) : .prefer(context)
        }
        return PostgresConnecting(pool: pool, single: single)
    }

    /// One connection of its own (for migrating), or a `StoreError` saying why there is none.
    func connect(_ settings: PostgresSettings, logger: Logger) async throws(StoreError) -> PostgresConnection {
        do {
            return try await PostgresConnection.connect(configuration: single, id: 0, logger: logger)
        } catch {
            throw PostgresFailure.storeError(error, settings: settings, doing: "connect")
        }
    }
}
