import Logging
import PostgresNIO
import TriageStore

/// How the store's methods reach the database: a connection from the pool for reads, a
/// transaction for writes, and every failure told as a `StoreError`.
extension PostgresStore {
    func read<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withConnection { connection in try await body(connection) }
        } catch {
            throw PostgresFailure.storeError(error, settings: settings, doing: "read the store")
        }
    }

    /// One statement on its own, committed when it returns (one round trip, no BEGIN and COMMIT);
    /// its rows, for an UPDATE … RETURNING.
    @discardableResult
    func write(_ query: PostgresQuery) async throws -> [StoreRow] {
        do {
            return try await client.withConnection { connection in try await connection.rows(query, logger: logger) }
        } catch {
            throw PostgresFailure.storeError(error, settings: settings, doing: "write to the store")
        }
    }

    /// `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withConnection { connection in
                try await connection.queryWhileOpen("BEGIN", logger: logger)
                do {
                    let value = try await body(connection)
                    try await connection.queryWhileOpen("COMMIT", logger: logger)
                    return value
                } catch {
                    _ = try? await connection.queryWhileOpen("ROLLBACK", logger: logger)
                    throw error
                }
            }
        } catch {
            throw PostgresFailure.storeError(error, settings: settings, doing: "write to the store")
        }
    }
}

extension PostgresConnection {
    /// Every row of a query, read whole (the store's results are small: one diagnosis, one list).
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [StoreRow] {
        var rows: [StoreRow] = []
        for try await row in try await self.queryWhileOpen(query, logger: logger) {
            rows.append(StoreRow(row.makeRandomAccess()))
        }
        return rows
    }

    func firstRow(_ query: PostgresQuery, logger: Logger) async throws -> StoreRow? {
        try await rows(query, logger: logger).first
    }
}
