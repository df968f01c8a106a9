public import TriageCore

/// The service could not start: the user's to fix (a port in use, an address not on this machine).
public struct ServiceStartError: TriageError {
    public var message: String
    public var remedy: String
    public var kind: TriageErrorKind { .usage }
    public var description: String { message }
}
