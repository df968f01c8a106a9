public import TriageCore

/// `--db` or the config's `store:` entry names no usable store: a malformed URL, a password in
/// it, an unknown `sslmode`. The user's to fix, found before anything is opened; never evidence.
public struct StoreAddressError: TriageError {
    public var problem: String
    public var remedy: String

    public init(_ problem: String, remedy: String) {
        self.problem = problem
        self.remedy = remedy
    }

    public var kind: TriageErrorKind { .usage }
    public var message: String { "store: \(problem)." }
}
