/// Why an escalation was not taken. The HTTP edge turns it into a status (`EscalationAPI`); the
/// RT watcher into a comment or a log line.
public struct IntakeError: Error, CustomStringConvertible, Equatable {
    public enum Reason: String, Sendable {
        /// A field is malformed (400).
        case invalid
        /// The device is not in the inventory (404); nothing was queued, no connection made.
        case unknownDevice = "unknown_device"
        /// Shutdown began (503); send it again later.
        case shuttingDown = "shutting_down"
        /// The store did not take the job (503): nothing was accepted.
        case store
    }

    public var reason: Reason
    public var message: String

    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    public var description: String { message }
}
