import Crypto
import Foundation
import NIOSSH

/// Each device's ed25519 host key, made on first use and kept in the fleet's state folder, so a
/// restarted fleet matches the known_hosts its clients already trust.
struct HostKeyStore {
    let directory: URL

    /// The key a device's known_hosts line names.
    func trueKey(for device: SimulatedDevice) throws(SimulatorError) -> Curve25519.Signing.PrivateKey {
        try key(named: device.id)
    }

    /// The other key a host-key-changed device presents instead.
    func imposterKey(for device: SimulatedDevice) throws(SimulatorError) -> Curve25519.Signing.PrivateKey {
        try key(named: "\(device.id).imposter")
    }

    private func key(named name: String) throws(SimulatorError) -> Curve25519.Signing.PrivateKey {
        let file = directory.appendingPathComponent("\(name).ed25519")
        try SecretFile.checkTrusted(file)
        if let text = try? String(contentsOf: file, encoding: .utf8) {
            guard let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
                let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
            else {
                throw SimulatorError("\(file.path) does not hold an ed25519 key; delete it to have a new one made.")
            }
            return key
        }
        let key = Curve25519.Signing.PrivateKey()
        try SecretFile.write(key.rawRepresentation.base64EncodedString() + "\n", to: file)
        return key
    }
}
