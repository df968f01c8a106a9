import Foundation
import Logging
import SSHTransport
import Testing
import TriageTestSupport

@Suite("Credentials")
struct AuthenticationTests {
    let logger = Logger(label: "test")

    @Test("ed25519, ECDSA, RSA and passphrase-protected keys log in", arguments: SSHTestServer.Kind.allCases)
    func keyTypes(kind: SSHTestServer.Kind) async throws {
        try await SSHTestServer.with(kind) { server in
            let keys = server.clientKeys
            for credential: SSHCredential in [
                .privateKey(path: keys.ed25519), .privateKey(path: keys.ecdsa), .privateKey(path: keys.rsa),
                .privateKey(path: keys.encrypted, passphrase: .file(path: keys.passphraseFile)),
            ] {
                let connection = try await SSHConnection.connect(server.configuration([credential]), logger: logger)
                #expect(try await connection.run("echo in").exitStatus == 0, "\(credential)")
                await connection.close()
            }
        }
    }

    @Test("a key the server does not know is refused, naming the methods it offers", arguments: SSHTestServer.Kind.allCases)
    func wrongKeyRefused(kind: SSHTestServer.Kind) async throws {
        try await SSHTestServer.with(kind) { server in
            let error = await #expect(throws: SSHError.self) {
                try await SSHConnection.connect(server.configuration([.privateKey(path: server.clientKeys.stranger)]), logger: logger)
            }
            #expect(error?.code == .authenticationFailed)
            #expect(error?.offeredMethods.contains("publickey") == true)
            #expect(OpenSockets.count(toPort: server.port) == 0)
        }
    }

    @Test("a wrong passphrase is a credential problem, and the passphrase is never shown")
    func wrongPassphrase() async throws {
        try await SSHTestServer.with(.dropbear) { server in
            let bad = server.directory.appendingPathComponent("bad-passphrase").path
            try "not-the-passphrase".write(toFile: bad, atomically: true, encoding: .utf8)
            let error = await #expect(throws: SSHError.self) {
                try await SSHConnection.connect(
                    server.configuration([.privateKey(path: server.clientKeys.encrypted, passphrase: .file(path: bad))]), logger: logger)
            }
            #expect(error?.code == .credentialUnavailable)
            #expect(error?.description.contains("not-the-passphrase") == false)
        }
    }

    @Test("passwords from a file log in; a wrong one is refused without being shown")
    func passwords() async throws {
        try await SSHTestServer.with(.dropbear) { server in
            let passwordFile = try #require(server.passwordFile)
            let connection = try await SSHConnection.connect(server.configuration([.password(.file(path: passwordFile))]), logger: logger)
            #expect(try await connection.run("echo ok").stdoutText == "ok\n")
            await connection.close()

            let wrong = server.directory.appendingPathComponent("wrong-password").path
            try "hunter2-wrong".write(toFile: wrong, atomically: true, encoding: .utf8)
            let error = await #expect(throws: SSHError.self) {
                try await SSHConnection.connect(server.configuration([.password(.file(path: wrong))]), logger: logger)
            }
            #expect(error?.code == .authenticationFailed)
            #expect(error?.offeredMethods.contains("password") == true)
            #expect(error?.description.contains("hunter2") == false)
        }
    }

    @Test("an unset password variable is reported by name")
    func unsetEnvironmentVariable() async throws {
        try await SSHTestServer.with(.dropbear) { server in
            let error = await #expect(throws: SSHError.self) {
                try await SSHConnection.connect(
                    server.configuration([.password(.environment(name: "TRIAGE_TEST_UNSET_PASSWORD"))]), logger: logger)
            }
            #expect(error?.code == .credentialUnavailable)
            #expect(error?.description.contains("TRIAGE_TEST_UNSET_PASSWORD") == true)
        }
    }

    @Test("credentials are tried in order until one works")
    func fallsThrough() async throws {
        try await SSHTestServer.with(.openssh) { server in
            let connection = try await SSHConnection.connect(
                server.configuration([.privateKey(path: server.clientKeys.stranger), .privateKey(path: server.clientKeys.ed25519)]),
                logger: logger)
            #expect(try await connection.run("true").exitStatus == 0)
            await connection.close()
        }
    }

    @Test("keys held by an ssh-agent log in")
    func agent() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-agent")
        defer { folder.remove() }
        let socket = folder.url.appendingPathComponent("agent.sock").path
        try await SSHTestServer.with(.openssh) { server in
            try await TestAgent.with(socket: socket, keys: [server.clientKeys.ed25519]) {
                let connection = try await SSHConnection.connect(server.configuration([.agent(socket: socket)]), logger: logger)
                #expect(try await connection.run("echo agent").stdoutText == "agent\n")
                await connection.close()
            }
        }
    }
}
