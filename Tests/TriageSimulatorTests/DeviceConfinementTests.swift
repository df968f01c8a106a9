import Foundation
import Testing
import TriageTestSupport

/// A simulated device's shell is confined (issue 11, item 1): whoever logs in with the fleet's
/// password gets BusyBox in a sandbox, never the caller's root on the host.
@Suite struct DeviceConfinementTests {
    @Test func aDeviceShellSeesOnlyItsScenarioAndBusyBoxAndIsNotRoot() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let folder = try ScenarioFixture.write(id: "confined", in: directory.url, files: ["root/proc/uptime": "1.00 2.00\n"])
        try await SimulatorProcess.withSimulator([folder.path], in: directory.url) { fleet in
            let client = fleet.client(host: "127.0.1.1")
            let user = try await client.run("id -u; id -g")
            #expect(user.exitCode == 0)
            #expect(!user.stdout.isEmpty && !user.stdout.hasPrefix("0\n"), "the device's shell runs as root: \(user.stdout)")
            if getuid() == 0 { #expect(user.stdout == "65534\n65534\n") }

            let hostTool = try await client.run("/usr/bin/id; echo \"code=$?\"")
            #expect(hostTool.stdout == "code=127\n", "\(hostTool.stdout) \(hostTool.stderr)")
            let shadow = try await client.run("cat /etc/shadow /etc/passwd; echo \"code=$?\"; ls /")
            #expect(!shadow.stdout.contains("root:"))
            #expect(shadow.stdout.hasPrefix("code=1\n"), "\(shadow.stdout)")
            #expect(!shadow.stdout.contains("etc\n") && !shadow.stdout.contains("root\n") && !shadow.stdout.contains("home\n"))
            // The fleet's own secrets lie beside the inventory, outside the scenario: out of reach.
            let secret = try await client.run("cat '\(fleet.passwordFile.path)'; echo \"code=$?\"")
            #expect(secret.stdout == "code=1\n")

            // The scenario reads as before but cannot be changed; /tmp is the device's own.
            let files = try await client.run("""
                echo x > "$TRIAGE_ROOT/proc/uptime"; echo "code=$?"; cat "$TRIAGE_ROOT/proc/uptime"
                echo scratch > /tmp/note && cat /tmp/note
                """)
            #expect(files.stdout == "code=1\n1.00 2.00\nscratch\n" || files.stdout == "code=2\n1.00 2.00\nscratch\n", "\(files.stdout)")
            #expect(try String(contentsOf: folder.appendingPathComponent("root/proc/uptime"), encoding: .utf8) == "1.00 2.00\n")
        }
    }

    /// Run by another user than root, the simulator serves (it once set SO_DEBUG on every
    /// connection, which only root may) and its devices' commands keep that user's uid, in a user
    /// namespace of bubblewrap's own.
    @Test(.enabled(if: getuid() == 0)) func runByAnotherUserTheDeviceRunsAsThatUser() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let folder = try ScenarioFixture.write(id: "unprivileged", in: directory.url, files: ["root/proc/uptime": "1.00 2.00\n"])
        #expect(chown(directory.path, 65_534, 65_534) == 0)
        try await SimulatorProcess.withSimulator([folder.path], in: directory.url, user: 65_534) { fleet in
            let run = try await fleet.client(host: "127.0.1.1").run("id -u; cat \"$TRIAGE_ROOT/proc/uptime\"; /usr/bin/id")
            #expect(run.stdout == "65534\n1.00 2.00\n", "\(run.stdout) \(run.stderr)")
            #expect(run.exitCode == 127)
        }
    }

    /// The password and host keys are made 0600 by `open` itself: no moment where others may read
    /// them, no chmod afterwards. Seen with strace on a start that writes them and then fails
    /// (the port is taken by a first fleet).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/strace")))
    func secretsAreCreatedPrivateAndNeverChmodded() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let folder = try ScenarioFixture.write(id: "secret", in: directory.url)
        let second = directory.url.appendingPathComponent("second", isDirectory: true)
        let trace = directory.url.appendingPathComponent("trace.txt")
        try await SimulatorProcess.withSimulator([folder.path], in: directory.url) { fleet in
            let run = try await CommandRunner.run("/usr/bin/strace", [
                "-f", "-qq", "-e", "trace=openat,open,creat,chmod,fchmod,fchmodat", "-o", trace.path,
                TriageExecutable.path, "simulate", folder.path, "--port", "\(fleet.port)",
                "--inventory-out", second.appendingPathComponent("inventory.yaml").path,
            ], checked: false)
            #expect(run.status == 1 && run.stderr.contains("already in use"), "\(run.stderr)")
        }
        let lines = try String(contentsOf: trace, encoding: .utf8).split(separator: "\n")
        let secrets = lines.filter { $0.contains("simulator-password") || $0.contains(".ed25519") }
        let created = secrets.filter { $0.contains("O_CREAT") }
        #expect(created.count >= 2, "the password and a host key are made: \(secrets)")
        for line in created { #expect(line.contains("0600"), "\(line)") }
        #expect(secrets.filter { $0.contains("chmod") }.isEmpty, "\(secrets)")
        let mode = try FileManager.default.attributesOfItem(
            atPath: second.appendingPathComponent("simulator-password").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
