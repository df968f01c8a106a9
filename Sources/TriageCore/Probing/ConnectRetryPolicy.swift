/// How often to try reaching a device before calling it unreachable, and how far apart.
/// Only failures that another try can cure are retried: no answer, refused, a handshake that
/// timed out. A changed host key, refused credentials or a cancellation are final at once.
public struct ConnectRetryPolicy: Sendable, Hashable {
    public var attempts: Int
    public var spacing: Duration

    public init(attempts: Int = 3, spacing: Duration = .seconds(5)) {
        self.attempts = max(1, attempts)
        self.spacing = spacing
    }

    public static let standard = ConnectRetryPolicy()

    public func isWorthRetrying(_ error: TransportFailure) -> Bool {
        switch error.code {
        case .unreachable, .connectionRefused: true
        case .deadlineExceeded: error.step == .connect || error.step == .keyExchange
        default: false
        }
    }
}
