import Foundation
import SSHTransport
import TriageCore
import TriageInventory

/// A device's resolved settings as a technician reads them.
enum DeviceDescription {
    static func text(for device: Device) -> String {
        let ssh = device.ssh
        var lines = [
            "device:          \(device.id)" + (device.group.map { " (group \($0))" } ?? ""),
            "address:         \(ssh.endpoint.user)@\(ssh.endpoint)",
            "credentials:     \(ssh.credentials.map(\.description).joined(separator: "; then "))",
            "host keys:       \(ssh.hostKeyPolicy.rawValue), checked against \(ssh.knownHostsPath)",
            "algorithms:      \(device.algorithmsName)",
            "deadlines:       connect \(ssh.deadlines.connect), login \(ssh.deadlines.login), each command \(ssh.deadlines.command)",
            "output limit:    \(ssh.outputLimit) bytes per command",
            "retries:         \(device.retry.attempts) connect attempts, \(device.retry.spacing) apart",
        ]
        for (label, value) in [("model", device.model), ("firmware", device.firmware), ("serial", device.serial), ("customer", device.customer)] {
            if let value { lines.append("\((label + ":").padding(toLength: 17, withPad: " ", startingAt: 0))\(value)") }
        }
        return lines.joined(separator: "\n")
    }
}
