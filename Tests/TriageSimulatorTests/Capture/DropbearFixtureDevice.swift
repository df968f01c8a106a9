import Foundation
import TriageSimulator
import TriageTestSupport

/// A real dropbear server turned into a router for one test: every session runs the client's
/// command in BusyBox `sh` (dropbear's forced `command=` of authorized_keys), with `TRIAGE_ROOT`
/// at a probe fixture's root/ and the contract tools answered from its commands/ (ToolShims),
/// as FixtureDevice runs probes without SSH.
enum DropbearFixtureDevice {
    /// Prepares the device and returns an inventory holding it as `fixture`.
    static func prepare(_ server: SSHTestServer, fixture: URL, in work: URL) async throws -> URL {
        let device = work.appendingPathComponent("dropbear-device")
        let shims = device.appendingPathComponent("dispatchers")
        let applets = device.appendingPathComponent("applets")
        try FileManager.default.createDirectory(at: applets, withIntermediateDirectories: true)
        try ToolShims.install(into: shims, commandsDirectory: fixture.appendingPathComponent("commands"))
        try FileManager.default.createSymbolicLink(atPath: applets.appendingPathComponent("sh").path,
                                                   withDestinationPath: "/usr/bin/busybox")
        let session = device.appendingPathComponent("session")
        try """
            #!/bin/sh
            export TRIAGE_ROOT='\(fixture.appendingPathComponent("root").path)'
            export PATH='\(shims.path):\(applets.path):/usr/bin:/bin'
            exec /usr/bin/busybox sh -c "$SSH_ORIGINAL_COMMAND"

            """.write(to: session, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: session.path)
        let authorized = server.directory.appendingPathComponent("home/.ssh/authorized_keys")
        let keys = try String(contentsOf: authorized, encoding: .utf8).split(separator: "\n")
        try keys.map { "command=\"\(session.path)\",no-pty \($0)\n" }.joined()
            .write(to: authorized, atomically: true, encoding: .utf8)
        let inventory = work.appendingPathComponent("dropbear-inventory.yaml")
        try """
            version: 1
            devices:
              - id: fixture
                host: \(server.host)
                port: \(server.port)
                user: \(server.user)
                known_hosts: \(server.knownHostsPath)
                credentials:
                  key_file: \(server.clientKeys.ed25519)

            """.write(to: inventory, atomically: true, encoding: .utf8)
        return inventory
    }
}
