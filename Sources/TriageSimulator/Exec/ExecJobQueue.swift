/// Carries exec requests from the SSH handlers (which live on event loops and can't await) to the
/// fleet's task group, which runs each one as a child task: no request runs outside that group,
/// so shutting the group down ends every child process.
struct ExecJobQueue: Sendable {
    let jobs: AsyncStream<ExecJob>
    private let continuation: AsyncStream<ExecJob>.Continuation

    init() {
        (jobs, continuation) = AsyncStream.makeStream()
    }

    /// False when the fleet is shutting down and the job will not run.
    func submit(_ job: ExecJob) -> Bool {
        if case .terminated = continuation.yield(job) { return false }
        return true
    }

    func close() {
        continuation.finish()
    }
}
