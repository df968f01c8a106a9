public import TriageCore

extension TriageEngine {
    /// Diagnoses `devices` with at most `options.concurrency` at once and hands each result to
    /// `handle` as it finishes, one at a time.
    ///
    /// Bounded by the concurrency, not by the number of devices: the sequence is read lazily, a
    /// child task is started only when one finished, and the next result waits until `handle`
    /// returned (so a slow consumer slows the sweep instead of buffering results). One device's
    /// failure is its own result and never stops the sweep.
    ///
    /// Cancelling the calling task starts no new device and cuts the running sessions off: each
    /// is closed and audited as interrupted, and comes to `handle` like any other result.
    /// The outbox is not delivered here: call `deliverPending()` once after the sweep (or
    /// between batches), not per device.
    public func sweep(_ devices: some Sequence<Device>, _ options: SweepOptions,
                      handle: (DeviceResult) async -> Void) async {
        var pending = devices.makeIterator()
        await withTaskGroup(of: DeviceResult.self) { group in
            var running = 0
            func startNext() -> Bool {
                guard !Task.isCancelled, let device = pending.next() else { return false }
                group.addTask { await diagnose(device, options.request) }
                running += 1
                return true
            }
            while running < options.concurrency, startNext() {}
            while let result = await group.next() {
                running -= 1
                await handle(result)
                _ = startNext()
            }
        }
    }
}

/// How a sweep runs.
public struct SweepOptions: Sendable {
    /// Devices diagnosed at once (each holds one SSH session and a thread while it runs).
    public var concurrency: Int
    /// What is asked of every device.
    public var request: DiagnosisRequest

    public init(concurrency: Int = 32, request: DiagnosisRequest) {
        self.concurrency = max(1, concurrency)
        self.request = request
    }
}
