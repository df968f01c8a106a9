/// The algorithm lists offered to the server. They are always set explicitly: libssh's built-in
/// defaults carry a trailing comma that some servers (swift-nio-ssh) reject, and explicit lists
/// make what Triage offers reviewable.
public struct SSHAlgorithms: Sendable, Hashable {
    public var keyExchange: [String]
    public var hostKeys: [String]
    public var ciphers: [String]
    public var macs: [String]
    /// Signature types Triage may use for its own public key authentication.
    public var publicKeyTypes: [String]

    public init(keyExchange: [String], hostKeys: [String], ciphers: [String], macs: [String], publicKeyTypes: [String]) {
        self.keyExchange = keyExchange
        self.hostKeys = hostKeys
        self.ciphers = ciphers
        self.macs = macs
        self.publicKeyTypes = publicKeyTypes
    }

    /// Current algorithms only: what OpenSSH, recent dropbear and swift-nio-ssh speak.
    public static let modern = SSHAlgorithms(
        keyExchange: [
            "curve25519-sha256", "curve25519-sha256@libssh.org",
            "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521",
            "diffie-hellman-group16-sha512", "diffie-hellman-group18-sha512", "diffie-hellman-group14-sha256",
        ],
        hostKeys: [
            "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
            "rsa-sha2-512", "rsa-sha2-256",
        ],
        ciphers: [
            "aes256-gcm@openssh.com", "aes128-gcm@openssh.com", "chacha20-poly1305@openssh.com",
            "aes256-ctr", "aes192-ctr", "aes128-ctr",
        ],
        macs: ["hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com", "hmac-sha2-256", "hmac-sha2-512"],
        publicKeyTypes: [
            "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
            "rsa-sha2-512", "rsa-sha2-256",
        ]
    )

    /// Modern plus what old router firmware still needs: SHA-1 `ssh-rsa` keys and signatures,
    /// SHA-1 Diffie-Hellman groups, CBC ciphers and hmac-sha1. Off unless a device asks for it.
    public static let legacy = SSHAlgorithms(
        keyExchange: modern.keyExchange + ["diffie-hellman-group14-sha1", "diffie-hellman-group1-sha1"],
        hostKeys: modern.hostKeys + ["ssh-rsa"],
        ciphers: modern.ciphers + ["aes256-cbc", "aes192-cbc", "aes128-cbc", "3des-cbc"],
        macs: modern.macs + ["hmac-sha1"],
        publicKeyTypes: modern.publicKeyTypes + ["ssh-rsa"]
    )
}
