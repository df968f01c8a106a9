public import Foundation

/// Where a fleet keeps its files: the inventory and, beside it, known_hosts, the password and a
/// client key, its authorized keys and a state folder whose host keys make a restarted fleet present the same keys as before.
public struct FleetFiles: Sendable {
    public let inventory: URL

    public init(inventory: URL) {
        self.inventory = inventory.standardizedFileURL
    }

    public var directory: URL { inventory.deletingLastPathComponent() }
    public var knownHosts: URL { directory.appendingPathComponent("known_hosts") }
    /// The fleet's password, mode 0600; kept across restarts like the host keys.
    public var password: URL { directory.appendingPathComponent("simulator-password") }
    /// The fleet's client private key (ed25519, OpenSSH format, mode 0600); kept like the password.
    public var clientKey: URL { directory.appendingPathComponent("simulator-key") }
    /// The public keys every device accepts, one OpenSSH line each; written at each start.
    public var authorizedKeys: URL { directory.appendingPathComponent("simulator-authorized-keys") }
    public var stateDirectory: URL { directory.appendingPathComponent("simulator-state", isDirectory: true) }
    var hostKeysDirectory: URL { stateDirectory.appendingPathComponent("host-keys", isDirectory: true) }
    var appletsDirectory: URL { stateDirectory.appendingPathComponent("busybox-applets", isDirectory: true) }

    /// Made afresh at each start from the scenario's commands/.
    func dispatchersDirectory(for scenario: Scenario) -> URL {
        stateDirectory.appendingPathComponent("dispatchers/\(scenario.id)", isDirectory: true)
    }
}
