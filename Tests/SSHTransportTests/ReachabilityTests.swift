import Foundation
import Logging
import SSHTransport
import Testing
import TriageTestSupport

@Suite("Unreachable and silent devices")
struct ReachabilityTests {
    let logger = Logger(label: "test")

    func configuration(port: Int, login: Duration = .seconds(10)) -> SSHClientConfiguration {
        SSHClientConfiguration(
            endpoint: SSHEndpoint(host: "127.0.0.1", port: port, user: "root"),
            credentials: [.agent()], knownHostsPath: "/nonexistent/known_hosts",
            deadlines: SSHDeadlines(connect: .seconds(2), login: login, command: .seconds(5)))
    }

    @Test("a closed port is reported as refused")
    func closedPort() async throws {
        let port = try TestNetwork.freePort()
        let error = await #expect(throws: SSHError.self) {
            try await SSHConnection.connect(configuration(port: port), logger: logger)
        }
        #expect(error?.code == .connectionRefused)
        #expect(error?.step == .connect)
    }

    @Test("a server that accepts TCP and never speaks costs the login deadline")
    func silentServer() async throws {
        try await TestNetwork.withSilentListener { port in
            let started = ContinuousClock.now
            let error = await #expect(throws: SSHError.self) {
                try await SSHConnection.connect(configuration(port: port, login: .seconds(1)), logger: logger)
            }
            let elapsed = started.duration(to: .now)
            #expect(error?.code == .deadlineExceeded)
            #expect(error?.step == .keyExchange)
            // Never before the deadline; and bounded (generously: a loaded machine delays resumption).
            #expect(elapsed >= .milliseconds(900) && elapsed < .seconds(120), "took \(elapsed)")
            #expect(OpenSockets.count(toPort: port) == 0)
        }
    }

    @Test("a name that does not resolve is not the device's failure")
    func unresolvable() async throws {
        var configuration = configuration(port: 22)
        configuration.endpoint.host = "no-such-device.invalid"
        let error = await #expect(throws: SSHError.self) {
            try await SSHConnection.connect(configuration, logger: logger)
        }
        #expect(error?.code == .nameNotResolved)
    }
}
