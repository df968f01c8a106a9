/// One example a rule must (or must not) fire on: a fact snippet, or a built-in scenario.
public struct RuleTest: Sendable, Hashable {
    public enum Subject: Sendable, Hashable {
        /// A partial fact document, as in `triage diagnose --json`'s `facts`: what is not given is missing.
        case facts(JSONValue)
        /// A scenario id: its device's files and command outputs, probed locally.
        case scenario(String)
    }

    public var subject: Subject
    public var fires: Bool
    public var location: RuleLocation

    public init(subject: Subject, fires: Bool, location: RuleLocation) {
        self.subject = subject
        self.fires = fires
        self.location = location
    }
}
