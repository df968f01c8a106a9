import Foundation
import Logging
import SSHTransport
import Testing
import TriageCore
import TriageInventory
import TriageTestSupport

/// Triage's own client (libssh) against the simulator (swift-nio-ssh): two independent SSH
/// implementations, joined only by the inventory and known_hosts the simulator writes.
@Suite("libssh client against simulated routers")
struct LibSSHClientTests {
    let logger = Logger(label: "test")

    @Test("the written inventory is all a client needs, and each transport fault shows as its error")
    func builtInFleet() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-libssh-sim")
        defer { folder.remove() }
        try await SimulatorProcess.withSimulator([], in: folder.url) { simulator in
            let inventory = try Inventory.load(path: simulator.inventory.path)
            // Roomy deadlines for devices that answer (a loaded machine is slow), a short one for the hang.
            func configuration(_ id: String, command: Duration = .seconds(20)) throws -> SSHClientConfiguration {
                var ssh = try inventory.requireDevice(id: id).ssh
                ssh.deadlines = SSHDeadlines(connect: .seconds(10), login: .seconds(20), command: command)
                return ssh
            }

            let healthy = try await SSHConnection.connect(configuration("healthy-with-clients"), logger: logger)
            let iwDev = try await healthy.run("iw dev")
            let expected = try String(contentsOf: scenarioFile("healthy-with-clients", "commands/iw dev"), encoding: .utf8)
            #expect(iwDev.stdoutText == expected)
            #expect(iwDev.exitStatus == 0)
            let probe = try await healthy.run("sh -s -- 0123abcd", stdin: Array("echo \"$1\"; iw nonexistent; echo $?\n".utf8))
            #expect(probe.stdoutText == "0123abcd\n127\n")
            await healthy.close()

            try await expectFailure(.hostKeyChanged, connecting: configuration("transport-host-key-changed"))
            try await expectFailure(.authenticationFailed, connecting: configuration("transport-auth-refused"))
            try await expectFailure(.connectionRefused, connecting: configuration("transport-unreachable"))
            try await expectFailure(.protocolError, connecting: configuration("transport-garbage"))

            let hanging = try await SSHConnection.connect(configuration("transport-hang-after-auth", command: .seconds(3)), logger: logger)
            let error = await #expect(throws: SSHError.self) { try await hanging.run("iw dev") }
            #expect(error?.code == .deadlineExceeded)
            await hanging.close()
        }
    }

    private func expectFailure(_ code: SSHError.Code, connecting configuration: SSHClientConfiguration) async throws {
        let error = await #expect(throws: SSHError.self) {
            try await SSHConnection.connect(configuration, logger: logger)
        }
        #expect(error?.code == code, "\(configuration.endpoint): \(error.map(String.init(describing:)) ?? "no error")")
    }

    private func scenarioFile(_ scenario: String, _ path: String) throws -> URL {
        try BundledResources.requireDirectory(named: "Scenarios").appendingPathComponent(scenario).appendingPathComponent(path)
    }
}
