/// Every way a probe transport can fail: what failed, where, and what a technician can do.
///
/// Transport-neutral: the libssh transport maps `SSHError` onto it code for code (the raw values
/// are the same, so rules reading `transport.error` and stored documents keep working), and the
/// local and in-memory transports use the same codes.
public struct TransportFailure: TriageError, Hashable {
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// Nothing listens on the device's port: the TCP connect was answered with a reset.
        case connectionRefused = "connection-refused"
        /// No answer: the address does not route, or the connect timed out.
        case unreachable
        /// The device's host name does not resolve (Triage's own: the inventory or the controller's DNS).
        case nameNotResolved = "name-not-resolved"
        /// The controller itself failed: out of descriptors or memory, or a file it needs is unusable.
        case localFailure = "local-failure"
        /// The host key is not on record and the policy is `strict`.
        case hostKeyUnknown = "host-key-unknown"
        /// The host key differs from the one on record: a swapped device or an attack.
        case hostKeyChanged = "host-key-changed"
        /// The device refused every credential Triage offered.
        case authenticationFailed = "authentication-failed"
        /// A credential could not be loaded (missing key file, unset variable, wrong passphrase).
        case credentialUnavailable = "credential-unavailable"
        /// A step did not finish within its deadline.
        case deadlineExceeded = "deadline-exceeded"
        /// The device closed the session or channel before the command finished.
        case channelClosed = "channel-closed"
        /// The peer spoke something unexpected, or no algorithm in common.
        case protocolError = "protocol-error"
        /// The caller cancelled the task.
        case cancelled
    }

    /// The steps of a session, for deadlines and for saying where something failed.
    public enum Step: String, Sendable, Hashable, CaseIterable {
        case connect, keyExchange = "key-exchange", hostKey = "host-key", authentication, command
    }

    public var code: Code
    /// `host:port` of the device, or empty.
    public var endpoint: String
    public var step: Step?
    /// What happened, in plain words (never a secret).
    public var detail: String
    public var remedy: String
    /// Further facts the transport knows (host key fingerprints, offered login methods), already
    /// worded: `known key SHA256:…`. Shown after the detail.
    public var notes: [String]
    /// For a command cut short (deadline, session closed): what arrived before it ended.
    public var partialResult: ProbeCommandResult?

    public init(_ code: Code, endpoint: String = "", step: Step? = nil, detail: String, remedy: String,
                notes: [String] = [], partialResult: ProbeCommandResult? = nil) {
        self.code = code
        self.endpoint = endpoint
        self.step = step
        self.detail = detail
        self.remedy = remedy
        self.notes = notes
        self.partialResult = partialResult
    }

    /// Whether the failure is Triage's own (its setup, its inventory, its machine) and so says
    /// nothing about the device: no verdict, no order and no ticket may rest on it.
    public var isTriagesOwn: Bool {
        switch code {
        case .credentialUnavailable, .hostKeyUnknown, .cancelled, .nameNotResolved, .localFailure: true
        case .connectionRefused, .unreachable, .hostKeyChanged, .authenticationFailed, .deadlineExceeded,
             .channelClosed, .protocolError: false
        }
    }

    public var kind: TriageErrorKind { isTriagesOwn ? .triagesOwn : .device }

    /// `SSHError.<code> (<endpoint>) during <step>: <detail>; <notes>.` — the wording stored
    /// evidence (`triage: ssh`) has always had, so old and new records read alike.
    public var message: String {
        var text = "SSHError.\(code.rawValue)"
        if !endpoint.isEmpty { text += " (\(endpoint))" }
        if let step { text += " during \(step.rawValue)" }
        text += ": \(detail)"
        for note in notes { text += "; \(note)" }
        return text + "."
    }

    public var description: String { message + " " + remedy }
}
