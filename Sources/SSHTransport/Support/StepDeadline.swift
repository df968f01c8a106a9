/// The point in time a step must finish by, and the step's name for the error if it does not.
struct StepDeadline {
    let step: SSHError.Step
    let limit: Duration
    let end: ContinuousClock.Instant

    init(_ step: SSHError.Step, limit: Duration, from start: ContinuousClock.Instant = .now) {
        self.step = step
        self.limit = limit
        self.end = start.advanced(by: limit)
    }

    var remaining: Duration { ContinuousClock.now.duration(to: end) }
    var hasPassed: Bool { ContinuousClock.now >= end }

    /// Milliseconds to wait in one poll: until the deadline, at most `maximum`.
    func pollSliceMilliseconds(maximum: Int = 20) -> Int32 {
        let left = remaining.components
        let milliseconds = left.seconds * 1000 + left.attoseconds / 1_000_000_000_000_000
        return Int32(max(0, min(Int64(maximum), milliseconds)))
    }

    func exceeded() -> SSHError { .deadline(step, after: limit) }
}
