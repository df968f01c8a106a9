public import TriageCore

/// A failure of the store: which file, what went wrong, and what to do. Triage's own: the store
/// is its record, never evidence about a device.
public struct StoreError: TriageError {
    public var path: String
    public var problem: String
    public var remedy: String

    public init(path: String, problem: String, remedy: String) {
        self.path = path
        self.problem = problem
        self.remedy = remedy
    }

    public var kind: TriageErrorKind { .triagesOwn }
    public var message: String { "store \(path): \(problem)." }
}
