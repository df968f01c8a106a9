import Crypto
import Foundation
import NIOSSH

/// The fleet's client key pair: the private key in `simulator-key` (0600, OpenSSH's format, which
/// the written inventory names as its `key_file`), made once and kept like the password, so a
/// restarted fleet lets the same clients in.
enum FleetClientKey {
    static func loadOrCreate(at file: URL) throws(SimulatorError) -> NIOSSHPublicKey {
        try SecretFile.checkTrusted(file)
        if let text = try? String(contentsOf: file, encoding: .utf8) {
            guard let key = OpenSSHPrivateKeyFile.key(in: text) else {
                throw SimulatorError("\(file.path) does not hold an unencrypted ed25519 key in OpenSSH's format; "
                    + "delete it to have a new one made.")
            }
            return NIOSSHPrivateKey(ed25519Key: key).publicKey
        }
        let key = Curve25519.Signing.PrivateKey()
        try SecretFile.write(OpenSSHPrivateKeyFile.text(of: key, comment: "triage-simulator-fleet"), to: file)
        return NIOSSHPrivateKey(ed25519Key: key).publicKey
    }
}
