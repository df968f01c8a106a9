import Foundation

/// Writes the Triage inventory of a fleet and the known_hosts file beside it, so that
/// `triage diagnose <id> --inventory <file>` works with no other setup.
struct InventoryWriter {
    let files: FleetFiles
    let port: Int
    let user: String

    /// `publicKeys` maps a device id to its OpenSSH public key line ("ssh-ed25519 AAAA...").
    func write(devices: [SimulatedDevice], publicKeys: [String: String]) throws(SimulatorError) {
        // The header marks both files as the simulator's own, which it may replace at the next start.
        let hostLines = ["\(FleetFileGuard.header) for its \(devices.count) devices."]
            + devices.map { device in "\(knownHostsName(device.host)) \(publicKeys[device.id] ?? "")" }
        do {
            try Data(inventory(devices).utf8).write(to: files.inventory, options: .atomic)
            try Data((hostLines.joined(separator: "\n") + "\n").utf8).write(to: files.knownHosts, options: .atomic)
        } catch {
            throw SimulatorError("Could not write the inventory \(files.inventory.path) or its known_hosts: \(error)")
        }
    }

    func inventory(_ devices: [SimulatedDevice]) -> String {
        var lines = [
            "\(FleetFileGuard.header); serves \(devices.count) devices.",
            "version: 1",
            "defaults:",
            "  port: \(port)",
            "  user: \(YAMLText.scalar(user))",
            "  host_key_policy: strict",
            "  known_hosts: \(files.knownHosts.lastPathComponent)            # relative paths are relative to this file",
            "  credentials:                      # tried in order; relative to this file; mode 0600",
            "    - key_file: \(files.clientKey.lastPathComponent)",
            "    - password_file: \(files.password.lastPathComponent)",
            "devices:",
        ]
        for device in devices {
            lines += [
                "  - id: \(device.id)",
                "    host: \(device.host)",
                "    model: \(YAMLText.scalar(device.scenario.device.model))",
                "    firmware: \(YAMLText.scalar(device.scenario.device.firmware))",
                "    serial: \(YAMLText.scalar(device.serial))",
                "    customer: SIM-\(device.id)",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// OpenSSH writes a host on a non-default port as `[host]:port`.
    private func knownHostsName(_ host: String) -> String {
        port == 22 ? host : "[\(host)]:\(port)"
    }
}
