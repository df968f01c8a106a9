/// The range every number in the config file must fall in (Docs/store-and-actions.md lists the
/// same). Beyond them a value is a mistake, not a choice: `backoff_seconds: 1e10` would pause for
/// centuries, `inf` cannot even be turned into a duration, and FoundationNetworking traps on huge
/// timeouts. A value outside its range is refused with its line, never clamped silently.
public enum ConfigurationLimits {
    public static let evidenceRetentionDays = 1...36_500
    /// Tries of one webhook delivery within a run.
    public static let attempts = 1...10
    /// One HTTP request, from connect to the end of the answer's body.
    public static let timeoutSeconds: ClosedRange<Double> = 1...300
    /// The first pause between webhook tries (each pause doubles, up to `longestPause`).
    public static let backoffSeconds: ClosedRange<Double> = 0...60
    /// The delivery of one outbox entry: every try, pause and request.
    public static let deadlineSeconds: ClosedRange<Double> = 1...3_600

    /// The pause between two polls of the RT intake queue.
    public static let pollSeconds: ClosedRange<Double> = 1...86_400
    /// Tickets the RT intake takes in one poll.
    public static let ticketsPerPoll = 1...1_000

    /// The longest pause between two webhook tries, however often the first one doubled.
    public static let longestPause: Double = 60
}
