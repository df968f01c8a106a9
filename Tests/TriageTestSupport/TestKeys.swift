public import Foundation
import Synchronization

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

    /// One generation per process, shared by every caller, also those that ask while it runs
    /// (an actor alone would let each of them start its own: it is reentrant across `await`).
    private actor Cache {
        static let instance = Cache()
        private var generation: Task<ClientKeys, any Error>?

        func keys() async throws -> ClientKeys {
            if generation == nil { generation = Task { try await Self.generate() } }
            return try await generation!.value
        }

        private static func generate() async throws -> ClientKeys {
            let folder = try TemporaryDirectory(prefix: "triage-client-keys")
            keyFolder.withLock { $0 = folder.path }
            atexit {
                if let path = keyFolder.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
            }
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
            return keys
        }
    }
}

/// The process's key folder, removed when the test process exits.
private let keyFolder = Mutex<String?>(nil)
