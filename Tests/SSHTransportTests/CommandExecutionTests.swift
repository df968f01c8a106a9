import Foundation
import Logging
import SSHTransport
import Testing
import TriageTestSupport

@Suite("Running commands over SSH")
struct CommandExecutionTests {
    let logger = Logger(label: "test")

    @Test("a script over stdin keeps stdout, stderr and the exit status apart", arguments: SSHTestServer.Kind.allCases)
    func scriptOverStdin(kind: SSHTestServer.Kind) async throws {
        try await SSHTestServer.with(kind) { server in
            let connection = try await SSHConnection.connect(server.configuration(), logger: logger)
            let script = "echo \"to stdout $1\"\necho to stderr >&2\necho \"last line\"\nexit 3\n"
            let result = try await connection.run("sh -s -- token", stdin: Array(script.utf8))
            #expect(result.stdoutText == "to stdout token\nlast line\n")
            #expect(result.stderrText == "to stderr\n")
            #expect(result.exitStatus == 3)
            #expect(!result.isTruncated)
            // The session stays usable for the next probe.
            let second = try await connection.run("echo again")
            #expect(second.stdoutText == "again\n")
            #expect(second.exitStatus == 0)
            await connection.close()
            #expect(OpenSockets.count(toPort: server.port) == 0)
        }
    }

    @Test("a command that floods is cut at the cap and marked truncated", arguments: SSHTestServer.Kind.allCases)
    func floodIsCapped(kind: SSHTestServer.Kind) async throws {
        try await SSHTestServer.with(kind) { server in
            let connection = try await SSHConnection.connect(server.configuration(outputLimit: 1 << 20), logger: logger)
            let result = try await connection.run("head -c 20000000 /dev/zero")
            #expect(result.isTruncated)
            #expect(result.stdout.count == 1 << 20)
            #expect(result.exitStatus == nil)
            await connection.close()
        }
    }

    @Test("a command that hangs costs its deadline and the session is cleaned up", arguments: SSHTestServer.Kind.allCases)
    func hangingCommand(kind: SSHTestServer.Kind) async throws {
        try await SSHTestServer.with(kind) { server in
            let connection = try await SSHConnection.connect(server.configuration(), logger: logger)
            // 20 s: long enough for a starved server to start the command and flush "started" (in CI,
            // with 64 OpenSSH logins in parallel, neither 1 s nor 6 s was), and well below the minute
            // the command would take.
            let started = ContinuousClock.now
            let error = await #expect(throws: SSHError.self) {
                try await connection.run("echo started; sleep 60", deadline: .seconds(20))
            }
            let elapsed = started.duration(to: .now)
            #expect(error?.code == .deadlineExceeded)
            #expect(error?.step == .command)
            #expect(error?.partialResult?.stdoutText == "started\n", "what arrived before the deadline is kept")
            // A bound, not a timing: without the deadline this would hang for a minute. Generous,
            // because CPU-heavy tests share the machine and delay when the waiting task resumes.
            #expect(elapsed >= .seconds(20) && elapsed < .seconds(55), "the deadline was 20 s; took \(elapsed)")
            #expect(OpenSockets.count(toPort: server.port) == 0)
            await connection.close()
        }
    }

    @Test("cancelling the task aborts a running command promptly")
    func cancellation() async throws {
        try await SSHTestServer.with(.dropbear) { server in
            let connection = try await SSHConnection.connect(server.configuration(), logger: logger)
            let task = Task { try await connection.run("sleep 60") }
            try await Task.sleep(for: .milliseconds(300))
            let cancelled = ContinuousClock.now
            task.cancel()
            let outcome = await task.result
            #expect(cancelled.duration(to: .now) < .seconds(45), "the command sleeps 60 s; cancellation must end it early")
            #expect(throws: SSHError.self) { try outcome.get() }
            if case .failure(let error as SSHError) = outcome { #expect(error.code == .cancelled) }
            await connection.close()
        }
    }

    @Test("a connection dropped without close() still ends its session, its socket and its thread", arguments: SSHTestServer.Kind.allCases)
    func droppedConnectionCleansUp(kind: SSHTestServer.Kind) async throws {
        try await SSHTestServer.with(kind) { server in
            var connection: SSHConnection? = try await SSHConnection.connect(server.configuration(), logger: logger)
            #expect(try await connection?.run("echo hi").stdoutText == "hi\n")
            let threads = SessionThreads.current(toPort: server.port)
            #expect(threads.count == 1, "one session thread, named \"ssh:\(server.port) 127.0.0.1\"")
            #expect(OpenSockets.count(toPort: server.port) == 1)
            connection = nil
            #expect(try await SessionThreads.waitUntilGone(threads, toPort: server.port).isEmpty, "the thread of a dropped connection ended")
            let end = ContinuousClock.now + .seconds(30)
            while OpenSockets.count(toPort: server.port) > 0, ContinuousClock.now < end {
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(OpenSockets.count(toPort: server.port) == 0, "the socket of a dropped connection is closed")
        }
    }

    @Test("64 sessions at once all get their own answers", arguments: SSHTestServer.Kind.allCases)
    func manySessions(kind: SSHTestServer.Kind) async throws {
        try await SSHTestServer.with(kind) { server in
            // Deadlines far above what this takes alone (about a second): under the whole suite's
            // load on 2 cores, 64 server-side shells starting at once have needed more than 60 s.
            let configuration = server.configuration(
                deadlines: SSHDeadlines(connect: .seconds(30), login: .seconds(90), command: .seconds(120)))
            let logger = self.logger
            // dropbear drops a client address's sixth concurrent unauthenticated connection (as on
            // a router), so logins go four at a time; the 64 sessions are then all open at once.
            var connections: [SSHConnection] = []
            for batch in stride(from: 0, to: 64, by: 4) {
                try await withThrowingTaskGroup(of: SSHConnection.self) { group in
                    for _ in batch..<batch + 4 {
                        group.addTask { try await SSHConnection.connect(configuration, logger: logger) }
                    }
                    for try await connection in group { connections.append(connection) }
                }
            }
            #expect(connections.count == 64)
            let started = ContinuousClock.now
            let answers = await withTaskGroup(of: (Int, Result<String, SSHError>).self) { group in
                for (index, connection) in connections.enumerated() {
                    group.addTask {
                        do throws(SSHError) {
                            let result = try await connection.run("sh -s", stdin: Array("sleep 0.2; echo session-\(index)\n".utf8))
                            return (index, .success(result.stdoutText))
                        } catch {
                            return (index, .failure(error))
                        }
                    }
                }
                var answers: [Int: Result<String, SSHError>] = [:]
                for await (index, answer) in group { answers[index] = answer }
                return answers
            }
            print("64 sessions on \(kind): all commands answered within \(started.duration(to: .now))")
            for index in 0..<64 {
                switch answers[index] {
                case .success(let text): #expect(text == "session-\(index)\n")
                case .failure(let error):
                    Issue.record("session \(index): \(error); received so far: \(error.partialResult.map { "\($0.stdoutText.debugDescription) / \($0.stderrText.debugDescription)" } ?? "nothing")")
                case nil: Issue.record("session \(index): no answer")
                }
            }
            for connection in connections { await connection.close() }
            #expect(OpenSockets.count(toPort: server.port) == 0)
        }
    }
}
