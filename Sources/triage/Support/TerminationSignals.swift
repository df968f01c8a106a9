import Dispatch
import Foundation

/// Turns SIGINT and SIGTERM into task cancellation, so a long-running command shuts down the
/// structured way (its children ended and reaped) instead of dying mid-step.
enum TerminationSignals {
    /// Runs `operation` until it returns or a termination signal arrives; then cancels it and
    /// waits for it to finish. Errors from `operation` are rethrown.
    static func cancellingOnSignal(_ operation: @escaping @Sendable () async throws -> Void) async throws {
        let (signals, sink) = AsyncStream.makeStream(of: Int32.self)
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            // The default action would end the process at once; the source hears it instead.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { sink.yield(number) }
            source.resume()
            sources.append(source)
        }
        defer { for source in sources { source.cancel() } }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                for await _ in signals { return }
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }
}
