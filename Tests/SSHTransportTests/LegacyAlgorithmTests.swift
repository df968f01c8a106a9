import Logging
import SSHTransport
import Testing
import TriageTestSupport

@Suite("Old firmware")
struct LegacyAlgorithmTests {
    let logger = Logger(label: "test")

    @Test("a server that only speaks ssh-rsa, SHA-1 DH and CBC needs `legacy`, and gets in with it")
    func legacyOnlyServer() async throws {
        try await SSHTestServer.with(.opensshLegacyOnly) { server in
            let error = await #expect(throws: SSHError.self) {
                try await SSHConnection.connect(server.configuration(), logger: logger)
            }
            #expect(error?.code == .protocolError)
            #expect(error?.remedy.contains("legacy") == true)

            var legacy = server.configuration()
            legacy.algorithms = .legacy
            let connection = try await SSHConnection.connect(legacy, logger: logger)
            #expect(try await connection.run("echo old").stdoutText == "old\n")
            await connection.close()
        }
    }
}
