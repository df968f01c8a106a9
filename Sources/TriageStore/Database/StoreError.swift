/// A failure of the store: which file, what went wrong, and what to do.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var problem: String
    public var remedy: String

    public init(path: String, problem: String, remedy: String) {
        self.path = path
        self.problem = problem
        self.remedy = remedy
    }

    public var description: String { "store \(path): \(problem). \(remedy)" }
}
