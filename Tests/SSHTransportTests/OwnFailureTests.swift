import Foundation
import Logging
import SSHTransport
import Testing
import TriageTestSupport

/// Failures of Triage's own side (issue 11, items 5, 12, 23): they must carry codes of their own,
/// never the codes that are evidence about a device (unreachable, host-key-unknown, protocol-error).
@Suite("Triage's own failures are not device failures")
struct OwnFailureTests {
    let logger = Logger(label: "test")

    @Test("a host that does not resolve, or written with its port, is name-not-resolved",
          arguments: ["no-such-device.invalid", "127.0.1.1:2222"])
    func unresolvable(host: String) async throws {
        let configuration = SSHClientConfiguration(
            endpoint: SSHEndpoint(host: host, port: 22, user: "root"), credentials: [.agent()],
            knownHostsPath: "/nonexistent/known_hosts")
        let error = await #expect(throws: SSHError.self) { try await SSHConnection.connect(configuration, logger: logger) }
        #expect(error?.code == .nameNotResolved, "\(String(describing: error))")
    }

    @Test("a known_hosts that is not a regular file is refused before any key is accepted",
          arguments: [HostKeyPolicy.acceptNew, .strict], ["/dev/null", "folder", "link-to-null"])
    func knownHostsNotAFile(policy: HostKeyPolicy, name: String) async throws {
        try await SSHTestServer.with(.dropbear) { server in
            let folder = server.directory.appendingPathComponent("folder").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let link = server.directory.appendingPathComponent("link-to-null").path
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/null")
            let path = name.hasPrefix("/") ? name : server.directory.appendingPathComponent(name).path
            let error = await #expect(throws: SSHError.self) {
                let connection = try await SSHConnection.connect(server.configuration(policy: policy, knownHosts: path), logger: logger)
                await connection.close()
            }
            #expect(error?.code == .localFailure, "\(String(describing: error))")
            #expect(error?.description.contains("not a regular file") == true)
        }
    }

    @Test("a symlink to a regular known_hosts file is fine")
    func knownHostsSymlink() async throws {
        try await SSHTestServer.with(.dropbear) { server in
            let link = server.directory.appendingPathComponent("known_hosts_link").path
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: server.knownHostsPath)
            let connection = try await SSHConnection.connect(server.configuration(knownHosts: link), logger: logger)
            #expect(try await connection.run("echo ok").stdoutText == "ok\n")
            await connection.close()
        }
    }

    @Test("accept-new refuses a known_hosts in a folder that does not exist under a file")
    func acceptNewUncreatable() async throws {
        try await SSHTestServer.with(.dropbear) { server in
            let file = server.directory.appendingPathComponent("plain-file").path
            try "x".write(toFile: file, atomically: true, encoding: .utf8)
            let error = await #expect(throws: SSHError.self) {
                try await SSHConnection.connect(server.configuration(policy: .acceptNew, knownHosts: file + "/known_hosts"), logger: logger)
            }
            #expect(error?.code == .localFailure, "\(String(describing: error))")
        }
    }

    @Test("a password file larger than 64 KiB is refused, not read whole")
    func hugePasswordFile() async throws {
        try await SSHTestServer.with(.dropbear) { server in
            // Sparse: 300 MB as the file claims, no disk used.
            let huge = server.directory.appendingPathComponent("huge-password").path
            #expect(FileManager.default.createFile(atPath: huge, contents: nil))
            let handle = try #require(FileHandle(forWritingAtPath: huge))
            try handle.truncate(atOffset: 300_000_000)
            try handle.close()
            let error = await #expect(throws: SSHError.self) {
                try await SSHConnection.connect(server.configuration([.password(.file(path: huge))]), logger: logger)
            }
            #expect(error?.code == .credentialUnavailable, "\(String(describing: error))")
            #expect(error?.description.contains("larger than 64 KiB") == true)
        }
    }
}
