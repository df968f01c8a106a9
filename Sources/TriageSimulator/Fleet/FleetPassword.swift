import Foundation

/// The password every device of a fleet accepts: random, made once, then kept in
/// `simulator-password` (0600) beside the inventory so that a restart doesn't break clients.
enum FleetPassword {
    static func loadOrCreate(at file: URL) throws(SimulatorError) -> String {
        try SecretFile.checkTrusted(file)
        if let text = try? String(contentsOf: file, encoding: .utf8) {
            let password = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !password.isEmpty { return password }
        }
        let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        let password = String((0..<24).map { _ in alphabet.randomElement(using: &generator)! })
        try SecretFile.write(password + "\n", to: file)
        return password
    }
}
