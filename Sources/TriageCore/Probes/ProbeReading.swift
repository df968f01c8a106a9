/// What `ProbeStreamReader` made of one probe's output: the sections it could read, and what it
/// could not. A reading never fails as a whole: a device that misbehaves still leaves evidence.
public struct ProbeReading: Sendable, Hashable {
    /// The header frame, if the stream had one.
    public var header: ProbeHeader?
    public var sections: [ProbeSection]
    /// Everything that was not as the protocol says, in stream order.
    public var problems: [ProbeReadingProblem]
    /// The probe reached its `done` frame, every section was closed, and the counts agree.
    public var isComplete: Bool

    public init(header: ProbeHeader? = nil, sections: [ProbeSection] = [], problems: [ProbeReadingProblem] = [],
                isComplete: Bool = false) {
        self.header = header
        self.sections = sections
        self.problems = problems
        self.isComplete = isComplete
    }
}

/// The first frame of a probe's output: `probe version=1 name=wlan sha256=…`.
public struct ProbeHeader: Sendable, Hashable, Codable {
    /// Protocol version; `nil` when the header did not carry a readable one.
    public var version: Int?
    public var name: String
    /// SHA-256 of the script as the controller computed it and passed it in (`-` if it did not).
    public var sha256: String

    public init(version: Int?, name: String, sha256: String) {
        self.version = version
        self.name = name
        self.sha256 = sha256
    }
}

/// One thing the reader could not read, with where in the stream it was.
public struct ProbeReadingProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Byte offset in the stream as received.
    public var offset: Int
    /// The section it concerns (command line or path), where there is one.
    public var subject: String?
    public var message: String

    public init(offset: Int, subject: String? = nil, message: String) {
        self.offset = offset
        self.subject = subject
        self.message = message
    }

    public var description: String {
        let place = subject.map { "byte \(offset), \($0)" } ?? "byte \(offset)"
        return "\(place): \(message)"
    }
}
