public import TriageCore

/// A poll of the intake queue that failed: RT down, slow or refusing the token, or the token
/// unreadable. Triage's own trouble, never about a device; the loop logs it and polls again.
public struct RequestTrackerIntakeError: TriageError {
    public var message: String
    public var remedy: String

    public var kind: TriageErrorKind { .triagesOwn }

    init(queue: String, _ detail: String, remedy: String) {
        message = "rt intake: cannot poll queue '\(queue)': \(detail)"
        self.remedy = remedy
    }
}
