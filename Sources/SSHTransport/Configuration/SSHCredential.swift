/// One way to authenticate. A device may list several; they are tried in order.
public enum SSHCredential: Sendable, Hashable, CustomStringConvertible {
    /// A private key file (ed25519, ECDSA or RSA, OpenSSH or PEM format), optionally protected by a passphrase.
    case privateKey(path: String, passphrase: SecretSource? = nil)
    /// The keys of an ssh-agent: the one at `socket`, or at `SSH_AUTH_SOCK` when `socket` is nil.
    case agent(socket: String? = nil)
    /// A password, read when needed. Used for `password` and, with one prompt, `keyboard-interactive`.
    case password(SecretSource)

    public var description: String {
        switch self {
        case .privateKey(let path, _): "private key \(path)"
        case .agent(let socket): socket.map { "ssh-agent at \($0)" } ?? "ssh-agent"
        case .password(let source): "password from \(source)"
        }
    }
}
