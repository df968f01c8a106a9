/// Every error that reaches a user: what failed, what to do about it, and whose fault it is.
///
/// Libraries throw values that conform; each entry point maps them once, at its edge: the CLI to
/// an exit status (`usage` 2, `triagesOwn` 1), the service to an HTTP status (Docs/architecture.md,
/// "One error protocol"). A `device` error is the device's own behaviour: diagnosis turns it into a
/// verdict, so at an edge it is only seen where no diagnosis was asked for.
public protocol TriageError: Error, Sendable, CustomStringConvertible {
    var kind: TriageErrorKind { get }
    /// What failed, in plain words (never a secret).
    var message: String { get }
    /// What the user can do about it; empty when there is nothing to do.
    var remedy: String { get }
}

/// Whose the failure is, which decides how an edge reports it.
public enum TriageErrorKind: String, Sendable, Hashable, CaseIterable {
    /// The user's input is wrong: arguments, inventory, configuration, a file named on the command line.
    case usage
    /// The device did something (refused, hung up, sent garbage): evidence, and a verdict's business.
    case device
    /// Triage itself failed: its machine, its store, its setup. Never evidence about a device.
    case triagesOwn = "triage"
}

extension TriageError {
    /// The message followed by the remedy, as one text to show: on the next line when the message
    /// already spans several, else after a space.
    public var displayText: String {
        guard !remedy.isEmpty else { return message }
        return message + (message.contains("\n") ? "\n" : " ") + remedy
    }

    public var description: String { displayText }
}
