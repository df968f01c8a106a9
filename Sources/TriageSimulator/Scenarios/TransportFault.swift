/// The ways a simulated device's SSH transport can misbehave on purpose (`transport.fault`).
public enum TransportFault: String, Sendable, Hashable, CaseIterable {
    /// Behaves like a healthy SSH server.
    case none
    /// Nothing listens on the device's address: the client's connect is refused.
    case refuse
    /// Authentication succeeds, then the exec request is never answered.
    case hangAfterAuth = "hang-after-auth"
    /// The TCP connection is closed after the first KiB of output, with no exit status.
    case dropMidOutput = "drop-mid-output"
    /// Output arrives a few bytes at a time, far slower than any probe deadline allows.
    case slowDrip = "slow-drip"
    /// Serves a host key other than the one written to known_hosts.
    case hostKeyChanged = "host-key-changed"
    /// Every authentication attempt is refused.
    case authFail = "auth-fail"
    /// Answers the connection with bytes that are not SSH, then closes it.
    case garbage
    /// After the command's own output, floods stdout with log lines (up to 1 GiB).
    case hugeOutput = "huge-output"

    /// Whether the device runs commands at all, and so needs `root/` and `commands/`.
    public var runsCommands: Bool {
        switch self {
        case .none, .dropMidOutput, .slowDrip, .hugeOutput: true
        case .refuse, .hangAfterAuth, .hostKeyChanged, .authFail, .garbage: false
        }
    }
}
