public import TriageCore

extension TriageEngine {
    /// The sweep as an `AsyncSequence`, for clients that iterate (the service): `results` yields
    /// each device's result as it finishes; `run` does the work and must run beside the
    /// iteration, in the caller's task group or service group (the engine starts no task of its
    /// own). At most `buffer` results wait for the consumer; meanwhile the sweep starts no new
    /// device. `results` ends when `run` returns. A consumer that stops early cancels `run`
    /// (or drops `results` entirely): the sweep then ends instead of waiting to hand over.
    ///
    /// ```swift
    /// let (results, run) = engine.sweepResults(devices, options)
    /// await withDiscardingTaskGroup { group in
    ///     group.addTask { await run() }
    ///     for await result in results { … }
    /// }
    /// ```
    public func sweepResults(_ devices: [Device], _ options: SweepOptions, buffer: Int = 16)
        -> (results: SweepResults, run: @Sendable () async -> Void) {
        let (stream, continuation) = AsyncStream.makeStream(of: DeviceResult.self)
        let permits = ResultPermits(max(1, buffer))
        // A consumer that stops iterating must not leave the sweep waiting for it.
        continuation.onTermination = { _ in permits.close() }
        let run: @Sendable () async -> Void = {
            await sweep(devices, options) { result in
                await permits.acquire()
                continuation.yield(result)
            }
            continuation.finish()
        }
        return (SweepResults(base: stream, permits: permits), run)
    }
}

/// The results of `TriageEngine.sweepResults`, in the order devices finish.
public struct SweepResults: AsyncSequence, Sendable {
    public typealias Element = DeviceResult

    let base: AsyncStream<DeviceResult>
    let permits: ResultPermits

    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncStream<DeviceResult>.AsyncIterator
        let permits: ResultPermits

        public mutating func next() async -> DeviceResult? {
            guard let result = await base.next() else { return nil }
            permits.release()
            return result
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), permits: permits)
    }
}
