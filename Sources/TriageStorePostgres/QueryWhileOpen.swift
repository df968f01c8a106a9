import Logging
import PostgresNIO
import Synchronization

/// The connection closed under a query (PostgreSQL restarting, the network cut) and postgres-nio
/// never answered it. Told to the user as a lost connection (`PostgresFailure`).
struct PostgresConnectionLost: Error, CustomStringConvertible {
    var description: String { "the connection closed before the query was answered" }
}

extension PostgresConnection {
    /// How often a query that has not been answered looks whether its connection is still open.
    static let closedCheckInterval: Duration = .milliseconds(250)

    /// `query`, but never left waiting on a closed connection.
    ///
    /// postgres-nio 1.33 hands a query to the connection's channel without a promise for the
    /// write itself. Once the channel has closed and its handlers are gone (PostgreSQL restarted
    /// a moment ago), that write fails where nobody sees it and the query's answer never comes:
    /// the caller waits forever, holding its job and, in a batch, every diagnosis queued behind
    /// it. This was seen in `MultiWorkerPostgresTests.databaseRestart`: a ROLLBACK sent after the
    /// server's FATAL 57P01 never returned. So every query of the store goes through here: refused
    /// at once on a closed connection, and answered with `PostgresConnectionLost` when the
    /// connection closes while the query waits (after a short grace, so that postgres-nio's own
    /// error, which says why, wins when it comes).
    @discardableResult
    func queryWhileOpen(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence {
        guard !isClosed else { throw PostgresConnectionLost() }
        let answer = FirstAnswer<PostgresRowSequence>()
        return try await withCheckedThrowingContinuation { continuation in
            answer.wait(continuation)
            // The query and its watchdog are tasks of their own: a query that never returns
            // cannot be cancelled, so nothing may wait for it to end.
            let watchdog = Task { [self] in
                while !Task.isCancelled {
                    do { try await Task.sleep(for: Self.closedCheckInterval) } catch { return }
                    if isClosed {
                        try? await Task.sleep(for: Self.closedCheckInterval)
                        answer.resume(with: .failure(PostgresConnectionLost()))
                        return
                    }
                }
            }
            Task { [self] in
                let result: Result<PostgresRowSequence, any Error>
                do {
                    result = .success(try await self.query(query, logger: logger))
                } catch {
                    result = .failure(error)
                }
                watchdog.cancel()
                answer.resume(with: result)
            }
        }
    }
}

/// A continuation resumed by whichever answer comes first; later ones are dropped.
private final class FirstAnswer<Value: Sendable>: Sendable {
    private let state = Mutex<(continuation: CheckedContinuation<Value, any Error>?, answered: Bool)>((nil, false))

    func wait(_ continuation: CheckedContinuation<Value, any Error>) {
        state.withLock { $0.continuation = continuation }
    }

    func resume(with result: Result<Value, any Error>) {
        let continuation: CheckedContinuation<Value, any Error>? = state.withLock { state in
            guard !state.answered else { return nil }
            state.answered = true
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume(with: result)
    }
}
