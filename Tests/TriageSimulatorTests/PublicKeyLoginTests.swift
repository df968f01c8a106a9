import Foundation
import Logging
import SSHTransport
import Testing
import TriageCore
import TriageInventory
import TriageTestSupport

/// The fleet's authorized keys: its own key pair (the written inventory logs in with it), keys
/// given with --authorized-keys, and nothing else; the password keeps working beside them.
@Suite("public key login to simulated routers")
struct PublicKeyLoginTests {
    let logger = Logger(label: "test")

    @Test("the fleet key and a supplied key log in, a stranger's key and another fleet's key are refused")
    func keysOfTheFleetOnly() async throws {
        let keys = try await ClientKeys.shared()
        let directory = try TemporaryDirectory(prefix: "triage-sim-keys")
        defer { directory.remove() }
        let other = directory.url.appendingPathComponent("other-fleet")
        let mine = directory.url.appendingPathComponent("fleet")
        for folder in [other, mine] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        }
        let scenario = try ScenarioFixture.write(
            id: "keyed", in: directory.url, files: ["commands/iw dev": "phy#0\n\tInterface wlan0\n"])
        try await SimulatorProcess.withSimulator([scenario.path], in: other) { otherFleet in
            try await SimulatorProcess.withSimulator(
                [scenario.path, "--authorized-keys", keys.ecdsa + ".pub"], in: mine
            ) { fleet in
                let fleetKey = mine.appendingPathComponent("simulator-key").path
                let mode = try FileManager.default.attributesOfItem(atPath: fleetKey)[.posixPermissions] as? Int
                #expect(mode == 0o600)
                let authorized = try String(contentsOf: mine.appendingPathComponent("simulator-authorized-keys"), encoding: .utf8)
                #expect(authorized.split(separator: "\n").count == 3, "header, the fleet key, the supplied key")

                // The inventory as written logs in, with the key it names first.
                let device = try Inventory.load(path: fleet.inventory.path).requireDevice(id: "keyed")
                #expect(device.ssh.credentials.first == .privateKey(path: fleetKey))
                #expect(try await output(of: device.ssh) == "phy#0\n\tInterface wlan0\n")

                for (credential, admitted) in [
                    (SSHCredential.privateKey(path: fleetKey), true),
                    (.privateKey(path: keys.ecdsa), true),
                    (.password(.file(path: fleet.passwordFile.path)), true),
                    (.privateKey(path: keys.stranger), false),
                    (.privateKey(path: otherFleet.directory.appendingPathComponent("simulator-key").path), false),
                ] {
                    var ssh = device.ssh
                    ssh.credentials = [credential]
                    if admitted {
                        #expect(try await output(of: ssh) == "phy#0\n\tInterface wlan0\n", "\(credential)")
                    } else {
                        let error = await #expect(throws: SSHError.self, "\(credential)") {
                            try await SSHConnection.connect(ssh, logger: logger)
                        }
                        #expect(error?.code == .authenticationFailed, "\(credential)")
                    }
                }

                // OpenSSH's client with -i: the same answer.
                #expect(try await openSSH(fleet, identity: fleetKey).stdout == "phy#0\n\tInterface wlan0\n")
                let refused = try await openSSH(fleet, identity: keys.stranger)
                #expect(refused.status == 255)
                #expect(refused.stderr.contains("Permission denied"))
            }
        }
    }

    @Test("a restarted fleet keeps its key; an unreadable key line stops the start with its file and line")
    func keptAcrossRestartsAndChecked() async throws {
        let directory = try TemporaryDirectory(prefix: "triage-sim-keys")
        defer { directory.remove() }
        let scenario = try ScenarioFixture.write(id: "kept", in: directory.url, files: ["commands/iw dev": "phy#0\n"])
        let keyFile = directory.url.appendingPathComponent("simulator-key")
        try await SimulatorProcess.withSimulator([scenario.path], in: directory.url) { _ in }
        let first = try String(contentsOf: keyFile, encoding: .utf8)
        #expect(first.hasPrefix("-----BEGIN OPENSSH PRIVATE KEY-----\n"))
        try await SimulatorProcess.withSimulator([scenario.path], in: directory.url) { fleet in
            let device = try Inventory.load(path: fleet.inventory.path).requireDevice(id: "kept")
            #expect(try await output(of: device.ssh) == "phy#0\n")
        }
        #expect(try String(contentsOf: keyFile, encoding: .utf8) == first)

        let bad = directory.url.appendingPathComponent("bad.pub")
        try "# a comment\nssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ== someone\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try await SimulatorProcess.refusedStart([
            scenario.path, "--authorized-keys", bad.path,
            "--inventory-out", directory.url.appendingPathComponent("inventory.yaml").path,
        ])
        #expect(refused.exitCode == 1)
        #expect(refused.stderr.contains("\(bad.path):2"))
    }

    private func output(of ssh: SSHClientConfiguration) async throws -> String {
        var ssh = ssh
        ssh.deadlines = SSHDeadlines(connect: .seconds(10), login: .seconds(20), command: .seconds(20))
        let connection = try await SSHConnection.connect(ssh, logger: logger)
        do {
            let result = try await connection.run("iw dev")
            await connection.close()
            return result.stdoutText
        } catch {
            await connection.close()
            throw error
        }
    }

    /// `ssh -i KEY` with public key login only, strict about the fleet's host keys.
    private func openSSH(_ fleet: RunningSimulator, identity: String) async throws -> CommandRunner.Output {
        try await CommandRunner.run("/usr/bin/ssh", [
            "-F", "/dev/null", "-p", "\(fleet.port)", "-l", "root", "-i", identity, "-o", "IdentitiesOnly=yes",
            "-o", "UserKnownHostsFile=\(fleet.knownHosts.path)", "-o", "GlobalKnownHostsFile=/dev/null",
            "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "PasswordAuthentication=no",
            "-o", "ConnectTimeout=10", "-o", "LogLevel=ERROR", "127.0.1.1", "iw dev",
        ], checked: false)
    }
}
