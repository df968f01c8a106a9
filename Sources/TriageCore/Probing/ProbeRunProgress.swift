/// What a probe run is doing, as it happens: for a technician who waits with a customer on the
/// line (`triage diagnose` shows it on a terminal). Events only; whoever listens decides how to show them.
public enum ProbeRunProgress: Sendable, Hashable {
    /// Connect attempt `attempt` of at most `of` is starting.
    case connecting(attempt: Int, of: Int)
    /// A session is open (after `attempts` attempts).
    case connected(attempts: Int)
    /// Probe `name` (number `index`, counting from 1, of `count`) is sent to the device.
    case probeStarted(name: String, index: Int, count: Int)
    /// Probe `name` ended: how long it took, how many sections arrived, and whether it ran to its end.
    case probeFinished(name: String, duration: Duration, sections: Int, complete: Bool)
    /// The run is over; `connected` is false when no session could be opened.
    case done(connected: Bool)

    /// Receives the events, on the runner's task; it must return quickly.
    public typealias Handler = @Sendable (ProbeRunProgress) -> Void
}
