import Dispatch
import Foundation

/// Turns SIGINT and SIGTERM into task cancellation, so a long-running command shuts down the
/// structured way (its children ended and reaped, its SSH session closed and on record) instead
/// of dying mid-step.
enum TerminationSignals {
    /// Runs `operation` until it returns or a termination signal arrives; then cancels it and
    /// waits for it to finish. Errors from `operation` are rethrown.
    static func cancellingOnSignal(_ operation: @escaping @Sendable () async throws -> Void) async throws {
        let (signals, listening) = listen()
        defer { stop(listening) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                for await _ in signals { return }
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    /// Runs `operation`; a termination signal meanwhile cancels it, and what it returns once
    /// cancelled comes back with the signal's number. Outside this call the signals have their
    /// default action again. `onSignal` hears the signal before the operation is cancelled (to
    /// tell the operation why: an `InterruptionReason`).
    static func interrupting<T: Sendable>(onSignal: @escaping @Sendable (Int32) -> Void = { _ in },
                                          _ operation: @escaping @Sendable () async -> T) async -> (result: T, signal: Int32?) {
        let (signals, listening) = listen()
        defer { stop(listening) }
        return await withTaskGroup(of: InterruptibleEvent<T>.self) { group in
            group.addTask { .finished(await operation()) }
            group.addTask {
                for await number in signals {
                    onSignal(number)
                    return .signalled(number)
                }
                return .signalled(nil)
            }
            var received: Int32?
            for await event in group {
                switch event {
                case .finished(let result):
                    group.cancelAll()
                    return (result, received)
                case .signalled(let number):
                    received = received ?? number
                    group.cancelAll()
                }
            }
            preconditionFailure("the operation's child task always finishes with a result")
        }
    }

    /// The default action would end the process at once; dispatch sources hear the signals instead.
    private static func listen() -> (AsyncStream<Int32>, [any DispatchSourceSignal]) {
        let (signals, sink) = AsyncStream.makeStream(of: Int32.self)
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { sink.yield(number) }
            source.resume()
            return source
        }
        return (signals, sources)
    }

    private static func stop(_ sources: [any DispatchSourceSignal]) {
        for source in sources {
            source.cancel()
            signal(Int32(source.handle), SIG_DFL)
        }
    }
}

/// What ends first in `TerminationSignals.interrupting`: the operation, or the wait for a signal.
private enum InterruptibleEvent<T: Sendable>: Sendable {
    case finished(T)
    case signalled(Int32?)
}
