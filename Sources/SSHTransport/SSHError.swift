import Foundation

/// Every failure of the SSH transport: what failed, on which device, and what a technician can do.
///
/// One struct with a `code`, so that new cases don't break callers (the swift-nio-ssh model).
/// Messages never contain secrets.
public struct SSHError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The device answered the TCP connect with a reset: nothing listens on that port.
        case connectionRefused = "connection-refused"
        /// No answer: the address does not route, or the connect timed out.
        case unreachable
        /// The device's host name does not resolve. Triage's own failure (a wrong name in the
        /// inventory, or the controller's DNS), never evidence about the device.
        case nameNotResolved = "name-not-resolved"
        /// The controller itself failed: out of file descriptors or memory, or a file Triage needs
        /// (known_hosts) is unusable. Triage's own failure, never evidence about the device.
        case localFailure = "local-failure"
        /// The host key is not in the known_hosts file and the policy is `strict`.
        case hostKeyUnknown = "host-key-unknown"
        /// The host key differs from the one on record: a swapped device or an attack.
        case hostKeyChanged = "host-key-changed"
        /// The server refused every credential Triage offered.
        case authenticationFailed = "authentication-failed"
        /// A credential could not be loaded (missing key file, unset variable, wrong passphrase).
        case credentialUnavailable = "credential-unavailable"
        /// A step did not finish within its deadline.
        case deadlineExceeded = "deadline-exceeded"
        /// The server closed the session or channel before the command finished.
        case channelClosed = "channel-closed"
        /// The peer spoke something that is not SSH, or no algorithm in common, or libssh failed.
        case protocolError = "protocol-error"
        /// The caller cancelled the task.
        case cancelled
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

    /// The steps of a session, for deadlines and for saying where something failed.
    public enum Step: String, Sendable, Hashable {
        case connect, keyExchange = "key-exchange", hostKey = "host-key", authentication, command
    }

    public var code: Code
    public var endpoint: String
    public var step: Step?
    /// What happened, in plain words (never a secret).
    public var detail: String
    /// What to do about it.
    public var remedy: String
    /// For `hostKeyChanged` and `hostKeyUnknown`: the fingerprint on record (if any) and the one presented.
    public var knownFingerprint: String?
    public var presentedFingerprint: String?
    /// For `authenticationFailed`: the methods the server offered, e.g. `["publickey", "password"]`.
    public var offeredMethods: [String]
    /// For `deadlineExceeded` and `channelClosed` during a command: what arrived before it ended,
    /// so that a probe cut short can still be diagnosed on what it printed.
    public var partialResult: SSHCommandResult?

    public init(
        _ code: Code, endpoint: String = "", step: Step? = nil, detail: String, remedy: String,
        knownFingerprint: String? = nil, presentedFingerprint: String? = nil, offeredMethods: [String] = []
    ) {
        self.code = code
        self.endpoint = endpoint
        self.step = step
        self.detail = detail
        self.remedy = remedy
        self.knownFingerprint = knownFingerprint
        self.presentedFingerprint = presentedFingerprint
        self.offeredMethods = offeredMethods
    }

    public var description: String {
        var text = "SSHError.\(code.rawValue)"
        if !endpoint.isEmpty { text += " (\(endpoint))" }
        if let step { text += " during \(step.rawValue)" }
        text += ": \(detail)"
        if let knownFingerprint { text += "; known key \(knownFingerprint)" }
        if let presentedFingerprint { text += "; presented key \(presentedFingerprint)" }
        if !offeredMethods.isEmpty { text += "; server offers: \(offeredMethods.joined(separator: ", "))" }
        return text + ". " + remedy
    }

    func at(_ endpoint: SSHEndpoint, step: Step? = nil) -> SSHError {
        var copy = self
        copy.endpoint = endpoint.description
        if copy.step == nil { copy.step = step }
        return copy
    }
}

extension SSHError {
    static func deadline(_ step: Step, after limit: Duration) -> SSHError {
        SSHError(
            .deadlineExceeded, step: step,
            detail: "\(step.rawValue) did not finish within \(limit.formattedSeconds)",
            remedy: step == .command
                ? "The device is slow or the command hangs; the session was closed. Retry once; if it repeats, check the device's load."
                : "The device or the path to it is not answering; check that it is powered and online, then retry."
        )
    }

    static let cancelledByCaller = SSHError(
        .cancelled, detail: "the operation was cancelled", remedy: "Nothing to do; the session was closed."
    )
}

extension Duration {
    var formattedSeconds: String {
        let (seconds, attoseconds) = components
        let total = Double(seconds) + Double(attoseconds) / 1e18
        return total == total.rounded() ? "\(Int(total)) s" : String(format: "%.2f s", total)
    }
}
