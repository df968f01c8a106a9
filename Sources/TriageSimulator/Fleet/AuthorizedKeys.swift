import Foundation
import NIOSSH

/// The public keys every device of a fleet accepts: the fleet's own client key and any given with
/// `--authorized-keys`. Written at each start to `simulator-authorized-keys` beside the inventory,
/// so one can see which keys get in.
struct AuthorizedKeys {
    /// Each key with the line that names it (the comment kept).
    private(set) var entries: [(key: NIOSSHPublicKey, line: String)] = []

    var keys: Set<NIOSSHPublicKey> { Set(entries.map(\.key)) }

    init(fleetKey: NIOSSHPublicKey, supplied files: [URL]) throws(SimulatorError) {
        entries.append((fleetKey, String(openSSHPublicKey: fleetKey) + " triage-simulator-fleet"))
        for file in files { try add(contentsOf: file) }
    }

    /// Reads OpenSSH public key lines (`ssh-ed25519 AAAA… comment`); blank lines and `#` comments skipped.
    private mutating func add(contentsOf file: URL) throws(SimulatorError) {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw SimulatorError("Could not read the public keys in \(file.path) (--authorized-keys): \(error.localizedDescription)")
        }
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let key = try? NIOSSHPublicKey(openSSHPublicKey: line) else {
                throw SimulatorError("\(file.path):\(index + 1) (--authorized-keys) is not a public key the simulator "
                    + "accepts: give one 'TYPE BASE64 [comment]' line per key, of type ssh-ed25519 or "
                    + "ecdsa-sha2-nistp256/384/521 (no RSA, no options before the type).")
            }
            entries.append((key, line))
        }
    }

    func write(to file: URL, user: String) throws(SimulatorError) {
        let lines = ["\(FleetFileGuard.header): the keys every device accepts for user \(user), made at each "
            + "start from the fleet's key (simulator-key) and --authorized-keys."] + entries.map(\.line)
        do {
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file, options: .atomic)
        } catch {
            throw SimulatorError("Could not write the fleet's authorized keys \(file.path): \(error.localizedDescription)")
        }
    }
}
