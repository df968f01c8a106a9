import Foundation
import Testing
import TriageTestSupport

/// Each transport fault as a strict OpenSSH client meets it.
@Suite struct TransportFaultTests {
    /// One fleet with a device per fault, in this order: 127.0.1.1, 127.0.1.2, ...
    static let faults = [
        "refuse", "host-key-changed", "auth-fail", "hang-after-auth", "garbage", "huge-output", "drop-mid-output",
        "slow-drip", "none",
    ]

    static func host(of fault: String) -> String { "127.0.1.\(faults.firstIndex(of: fault)! + 1)" }

    @Test func everyFaultBehavesAsNamed() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var folders: [String] = []
        for fault in Self.faults {
            let latency = fault == "none" ? 300 : 0
            let files = ["commands/logread -l 300": String(repeating: "Wed Jan  1 00:00:00 2025 daemon.info x: line\n", count: 100)]
            folders.append(try ScenarioFixture.write(
                id: "fault-\(fault)", in: directory.url, fault: fault, latencyMilliseconds: latency, files: files).path)
        }
        try await SimulatorProcess.withSimulator(folders, in: directory.url) { fleet in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await Self.checkRefuse(fleet) }
                group.addTask { try await Self.checkHostKeyChanged(fleet) }
                group.addTask { try await Self.checkAuthFail(fleet) }
                group.addTask { try await Self.checkHang(fleet) }
                group.addTask { try await Self.checkGarbage(fleet) }
                group.addTask { try await Self.checkHugeOutput(fleet) }
                group.addTask { try await Self.checkDrop(fleet) }
                group.addTask { try await Self.checkSlowDrip(fleet) }
                group.addTask { try await Self.checkLatency(fleet) }
                try await group.waitForAll()
            }
        }
    }

    static func checkRefuse(_ fleet: RunningSimulator) async throws {
        let result = try await fleet.client(host: host(of: "refuse")).run("echo hi", deadline: .seconds(20))
        #expect(result.exitCode == 255)
        #expect(result.stderr.contains("Connection refused"), "\(result.stderr)")
    }

    static func checkHostKeyChanged(_ fleet: RunningSimulator) async throws {
        let result = try await fleet.client(host: host(of: "host-key-changed")).run("echo hi", deadline: .seconds(20))
        #expect(result.exitCode == 255)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("REMOTE HOST IDENTIFICATION HAS CHANGED"), "\(result.stderr)")
    }

    static func checkAuthFail(_ fleet: RunningSimulator) async throws {
        let result = try await fleet.client(host: host(of: "auth-fail")).run("echo hi", deadline: .seconds(20))
        #expect(result.exitCode == 255)
        #expect(result.stderr.contains("Permission denied"), "\(result.stderr)")
    }

    static func checkHang(_ fleet: RunningSimulator) async throws {
        let result = try await fleet.client(host: host(of: "hang-after-auth")).run("echo hi", deadline: .seconds(4))
        #expect(result.exitCode == nil, "the client's deadline must be what ends it")
        #expect(result.stdout.isEmpty)
    }

    static func checkGarbage(_ fleet: RunningSimulator) async throws {
        // ssh gives up by itself (exit 255) rather than waiting for the deadline (exit nil): no timing
        // needed, and the deadline is long so that a starved machine cannot mistake one for the other.
        let result = try await fleet.client(host: host(of: "garbage")).run("echo hi", deadline: .seconds(60))
        #expect(result.exitCode == 255, "ssh must refuse the garbage itself, not be stopped by the deadline")
    }

    static func checkHugeOutput(_ fleet: RunningSimulator) async throws {
        let result = try await fleet.client(host: host(of: "huge-output"))
            .run("logread -l 300", deadline: .seconds(60), stopAfterBytes: 16 << 20)
        #expect(result.stdoutBytes >= 16 << 20)
        #expect(result.stdout.hasPrefix("Wed Jan  1 00:00:00 2025 daemon.info x: line\n"))
        #expect(result.stdout.contains("huge-output fault"))
    }

    static func checkDrop(_ fleet: RunningSimulator) async throws {
        let result = try await fleet.client(host: host(of: "drop-mid-output")).run("logread -l 300", deadline: .seconds(20))
        #expect(result.exitCode == 255, "no exit status: the connection just ends")
        #expect(result.stdoutBytes == 1024)
    }

    static func checkSlowDrip(_ fleet: RunningSimulator) async throws {
        let result = try await fleet.client(host: host(of: "slow-drip")).run("logread -l 300", deadline: .seconds(10))
        // 4,600 bytes at 64 a second: the deadline ends it first, with at most ~640 bytes through.
        // 10 s leaves a starved machine time for the handshake before the first byte.
        #expect(result.exitCode == nil)
        #expect(result.stdoutBytes > 0)
        #expect(result.stdoutBytes < 1000)
    }

    static func checkLatency(_ fleet: RunningSimulator) async throws {
        let result = try await fleet.client(host: host(of: "none")).run("echo hi", deadline: .seconds(30))
        #expect(result.stdout == "hi\n")
        // Banner, key exchange, auth, channel, exec, output: several replies of 300 ms each.
        #expect(result.elapsed > .milliseconds(1500), "\(result.elapsed)")
    }
}
