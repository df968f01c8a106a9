import Foundation
import Testing
import TriageTestSupport

/// A device served over real SSH (OpenSSH's client), running commands in BusyBox with the dispatchers.
@Suite struct SimulatedDeviceTests {
    static let files = [
        "commands/iw dev": "phy#0\n\tInterface wlan0\n\t\ttype AP\n",
        "commands/ubus call system board": "{\n\t\"model\": \"Test Router 1\"\n}\n",
        "commands/ubus call dsl metrics": "",
        "commands/ubus call dsl metrics.exit": "4\n",
        "commands/ip route": "default via 192.0.2.1 dev wan\n",
        "root/proc/uptime": "5412.37 10302.11\n",
    ]

    @Test func runsCommandsInBusyBoxWithTheScenarioOutputs() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let folder = try ScenarioFixture.write(id: "plain", in: directory.url, files: Self.files)
        try await SimulatorProcess.withSimulator([folder.path], in: directory.url) { fleet in
            let client = fleet.client(host: "127.0.1.1")
            let listing = try await client.run("iw dev; ip route")
            #expect(listing.exitCode == 0)
            #expect(listing.stdout == Self.files["commands/iw dev"]! + Self.files["commands/ip route"]!)

            let missing = try await client.run("iwinfo; echo \"code=$?\"")
            #expect(missing.stdout == "code=127\n")
            #expect(missing.stderr.contains("iwinfo: not found"))

            let exitFile = try await client.run("ubus call dsl metrics")
            #expect(exitFile.exitCode == 4)

            let streams = try await client.run("echo out; echo err >&2; exit 3")
            #expect(streams.stdout == "out\n")
            #expect(streams.stderr == "err\n")
            #expect(streams.exitCode == 3)

            // The host's own tools never answer: df is a contract tool without a canned output here.
            let host = try await client.run("df -k; echo \"code=$?\"; cat \"$TRIAGE_ROOT/proc/uptime\"; readlink -f \"$(command -v cat)\"")
            #expect(host.stdout == "code=127\n5412.37 10302.11\n/usr/bin/busybox\n" || host.stdout == "code=127\n5412.37 10302.11\n/bin/busybox\n")
        }
    }

    @Test func runsAProbeScriptGivenOnStdin() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let folder = try ScenarioFixture.write(id: "probe", in: directory.url, files: Self.files)
        let script = """
            printf '==%s== %s\\n' "$1" "$(ubus call system board | grep model)"
            cat "${TRIAGE_ROOT}/proc/uptime"

            """
        try await SimulatorProcess.withSimulator([folder.path], in: directory.url) { fleet in
            let result = try await fleet.client(host: "127.0.1.1").run("sh -s -- TOKEN42", stdin: script)
            #expect(result.exitCode == 0)
            #expect(result.stdout == "==TOKEN42== \t\"model\": \"Test Router 1\"\n5412.37 10302.11\n")
        }
    }

    @Test func writesAnInventoryAndKnownHostsThatAStrictClientTrusts() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try ScenarioFixture.write(id: "first", in: directory.url, files: Self.files)
        let second = try ScenarioFixture.write(id: "second", in: directory.url, files: Self.files)
        let port = PortAllocator.next()
        let before = try await SimulatorProcess.withSimulator([first.path, second.path], in: directory.url, port: port) { fleet in
            let inventory = try String(contentsOf: fleet.inventory, encoding: .utf8)
            #expect(inventory.contains("version: 1\n"))
            #expect(inventory.contains("  port: \(fleet.port)\n"))
            #expect(inventory.contains("  - id: second\n    host: 127.0.1.2\n"))
            #expect(inventory.contains("    - key_file: simulator-key\n    - password_file: simulator-password\n"))
            let knownHosts = try String(contentsOf: fleet.knownHosts, encoding: .utf8)
            #expect(knownHosts.hasPrefix("# Written by triage simulate for its 2 devices.\n[127.0.1.1]:\(fleet.port) ssh-ed25519 AAAA"))
            let mode = try FileManager.default.attributesOfItem(atPath: fleet.passwordFile.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            #expect(try await fleet.client(host: "127.0.1.2").run("echo hi").stdout == "hi\n")
            return knownHosts
        }.result
        // The same fleet, restarted, keeps its host keys.
        let after = try await SimulatorProcess.withSimulator([first.path, second.path], in: directory.url, port: port) { fleet in
            #expect(try await fleet.client(host: "127.0.1.1").run("echo again").stdout == "again\n")
            return try String(contentsOf: fleet.knownHosts, encoding: .utf8)
        }.result
        #expect(before == after)
    }
}
