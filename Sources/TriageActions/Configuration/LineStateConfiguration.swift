public import Foundation

/// Where Triage asks whether a customer's line is up, when a device cannot be reached
/// (`line_state:` in the config file, Docs/line-state.md): an HTTP endpoint or a command.
public struct LineStateConfiguration: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// GET the URL (placeholders percent-encoded), with an optional bearer token.
        case http(url: LineStateTemplate, token: SecretReference?)
        /// Run the program (an absolute path; no shell), each placeholder filled into its argument as is.
        case command(arguments: [LineStateTemplate])
    }

    public var kind: Kind
    /// The whole lookup: connect and answer, or start and exit.
    public var timeout: TimeInterval

    public static let defaultTimeout: TimeInterval = 5
    /// A lookup holds the diagnosis up: longer than a minute is a mistake, not a choice.
    public static let timeoutSeconds: ClosedRange<Double> = 1...60

    public init(kind: Kind, timeout: TimeInterval = defaultTimeout) {
        self.kind = kind
        self.timeout = timeout
    }

    /// `http` or `command`, as the line state's `source` names it.
    public var sourceName: String {
        switch kind {
        case .http: "http"
        case .command: "command"
        }
    }
}
