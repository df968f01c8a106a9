import Foundation
import Logging
import SSHTransport
import Testing
import TriageTestSupport

@Suite("Host key policies")
struct HostKeyPolicyTests {
    let logger = Logger(label: "test")

    @Test("strict refuses a host whose key is not on record", arguments: SSHTestServer.Kind.allCases)
    func unknownKeyRefused(kind: SSHTestServer.Kind) async throws {
        try await SSHTestServer.with(kind) { server in
            let empty = server.directory.appendingPathComponent("empty_known_hosts").path
            _ = FileManager.default.createFile(atPath: empty, contents: Data())
            let error = await #expect(throws: SSHError.self) {
                try await SSHConnection.connect(server.configuration(knownHosts: empty), logger: logger)
            }
            #expect(error?.code == .hostKeyUnknown)
            #expect(error?.presentedFingerprint?.hasSuffix(server.hostKeyFingerprint) == true)
            #expect(error?.description.contains("accept-new") == true)
            #expect(OpenSockets.count(toPort: server.port) == 0)
        }
    }

    @Test("a changed key is refused under every policy, naming both fingerprints",
          arguments: SSHTestServer.Kind.allCases, HostKeyPolicy.allCases)
    func changedKeyRefused(kind: SSHTestServer.Kind, policy: HostKeyPolicy) async throws {
        try await SSHTestServer.with(kind) { server in
            let wrong = try await server.knownHostsWithWrongKey()
            let before = try String(contentsOfFile: wrong, encoding: .utf8)
            let error = await #expect(throws: SSHError.self) {
                try await SSHConnection.connect(server.configuration(policy: policy, knownHosts: wrong), logger: logger)
            }
            #expect(error?.code == .hostKeyChanged)
            #expect(error?.presentedFingerprint?.hasSuffix(server.hostKeyFingerprint) == true)
            #expect(error?.knownFingerprint != nil)
            #expect(error?.knownFingerprint != error?.presentedFingerprint)
            #expect(error?.description.contains("127.0.0.1:\(server.port)") == true)
            // accept-new must not overwrite the record of the old key.
            #expect(try String(contentsOfFile: wrong, encoding: .utf8) == before)
        }
    }

    @Test("accept-new pins an unknown key, and strict then accepts it", arguments: SSHTestServer.Kind.allCases)
    func acceptNewPins(kind: SSHTestServer.Kind) async throws {
        try await SSHTestServer.with(kind) { server in
            let pinned = server.directory.appendingPathComponent("pinned/known_hosts").path
            try FileManager.default.createDirectory(atPath: (pinned as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let first = try await SSHConnection.connect(server.configuration(policy: .acceptNew, knownHosts: pinned), logger: logger)
            await first.close()
            let written = try String(contentsOfFile: pinned, encoding: .utf8)
            #expect(written.contains("[127.0.0.1]:\(server.port)"))
            let second = try await SSHConnection.connect(server.configuration(policy: .strict, knownHosts: pinned), logger: logger)
            #expect(try await second.run("echo pinned").stdoutText == "pinned\n")
            await second.close()
        }
    }
}
