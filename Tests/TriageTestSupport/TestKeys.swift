public import Foundation

/// Client key pairs generated once per test process (RSA generation is slow) and shared.
public struct ClientKeys: Sendable {
    public let directory: URL
    public var ed25519: String { directory.appendingPathComponent("id_ed25519").path }
    public var ecdsa: String { directory.appendingPathComponent("id_ecdsa").path }
    public var rsa: String { directory.appendingPathComponent("id_rsa").path }
    /// An ed25519 key encrypted with the passphrase in `passphraseFile`.
    public var encrypted: String { directory.appendingPathComponent("id_encrypted").path }
    public var passphraseFile: String { directory.appendingPathComponent("passphrase").path }
    /// A key that no server authorizes.
    public var stranger: String { directory.appendingPathComponent("id_stranger").path }

    /// The public keys the test servers authorize (all but `stranger`).
    public func authorizedKeys() throws -> String {
        try [ed25519, ecdsa, rsa, encrypted].map { try String(contentsOfFile: $0 + ".pub", encoding: .utf8) }.joined()
    }

    public static func shared() async throws -> ClientKeys { try await Cache.instance.keys() }

    private actor Cache {
        static let instance = Cache()
        private var made: ClientKeys?

        func keys() async throws -> ClientKeys {
            if let made { return made }
            let folder = try TemporaryDirectory(prefix: "triage-client-keys")
            let keys = ClientKeys(directory: folder.url)
            try "correct horse battery\n".write(toFile: keys.passphraseFile, atomically: true, encoding: .utf8)
            for (path, type, passphrase) in [
                (keys.ed25519, "ed25519", ""), (keys.ecdsa, "ecdsa", ""), (keys.rsa, "rsa", ""),
                (keys.encrypted, "ed25519", "correct horse battery"), (keys.stranger, "ed25519", ""),
            ] {
                var arguments = ["-q", "-t", type, "-N", passphrase, "-C", "triage-test", "-f", path]
                if type == "rsa" { arguments += ["-b", "2048"] }
                try await CommandRunner.run("/usr/bin/ssh-keygen", arguments)
            }
            made = keys
            return keys
        }
    }
}
