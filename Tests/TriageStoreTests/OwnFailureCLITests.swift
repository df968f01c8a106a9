import Foundation
import Testing
import TriageStore
import TriageTestSupport

/// `triage diagnose` (the real binary) when Triage itself fails (issue 11, items 5, 23, 24): exit 1
/// or 2, no verdict printed, nothing recorded as a diagnosis, no order, no ticket; an audit entry
/// where an SSH session was attempted.
@Suite("triage diagnose: Triage's own failures open nothing")
struct OwnFailureCLITests {
    static let environment = ProcessInfo.processInfo.environment
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios")

    /// Runs `body` with a one-device inventory (`cpe-1` at `host`) and the path of a store beside it.
    static func withDevice(host: String, _ body: (_ inventory: String, _ database: String) async throws -> Void) async throws {
        let folder = try TemporaryDirectory(prefix: "triage-own-failure")
        defer { folder.remove() }
        let inventory = try CLIFiles.write("""
            version: 1
            defaults: {credentials: {agent: true}, known_hosts: known_hosts}
            devices:
              - {id: cpe-1, host: '\(host)'}
            """, to: "inventory.yaml", in: folder)
        try await body(inventory, folder.url.appendingPathComponent("record.sqlite").path)
    }

    static func diagnose(_ arguments: [String], shell: String? = nil) async throws -> ShellRunResult {
        let command = [TriageExecutable.path, "diagnose"] + arguments + ["--requested-by", "test"]
        guard let shell else { return try await ShellRun.run(command[0], Array(command.dropFirst()), environment: environment) }
        return try await ShellRun.run("/bin/sh", ["-c", shell + "; exec \"$0\" \"$@\""] + command, environment: environment)
    }

    @Test("a host that does not resolve: exit 1, no verdict, no order, one audit entry")
    func unresolvableHost() async throws {
        try await Self.withDevice(host: "no-such-device.invalid") { inventory, database in
            let result = try await Self.diagnose(["cpe-1", "--inventory", inventory, "--db", database, "--ticket", "L1-1",
                                                  "--connect-attempts", "3", "--retry-spacing", "0"])
            #expect(result.exitCode == 1, "\(result.standardError)")
            #expect(result.standardOutput.isEmpty, "no verdict is printed")
            #expect(result.standardError.contains("name-not-resolved"), "\(result.standardError)")

            let store = try await AppDatabase.open(path: database)
            #expect(try await store.history(deviceID: "cpe-1").isEmpty)
            #expect(try await store.orders().isEmpty)
            #expect(try await store.tickets().isEmpty)
            let audit = try await store.auditLog(deviceID: "cpe-1")
            #expect(audit.count == 1)
            #expect(audit.first?.failure?.contains("name-not-resolved") == true)
        }
    }

    @Test("a host written with its port is an inventory error (exit 2), found by `inventory check` with its place")
    func hostWithPort() async throws {
        try await Self.withDevice(host: "127.0.1.1:2222") { inventory, database in
            let result = try await Self.diagnose(["cpe-1", "--inventory", inventory, "--db", database])
            #expect(result.exitCode == 2, "\(result.standardError)")
            #expect(result.standardOutput.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: database), "nothing is recorded")

            let check = try await ShellRun.run(TriageExecutable.path, ["inventory", "check", inventory], environment: Self.environment)
            #expect(check.exitCode == 1)
            #expect(check.standardError.contains("\(inventory):4:"), "\(check.standardError)")
        }
    }

    @Test("absurd deadlines, attempts and spacings are usage errors that give the range", arguments: [
        (["--deadline", "0.0001"], "5–3600"), (["--deadline", "nan"], "5–3600"), (["--connect-attempts", "0"], "1–20"),
        (["--retry-spacing", "1e300"], "0–600"),
    ])
    func absurdOptions(options: [String], range: String) async throws {
        try await Self.withDevice(host: "192.0.2.1") { inventory, database in
            let result = try await Self.diagnose(["cpe-1", "--inventory", inventory, "--db", database] + options)
            #expect(result.exitCode == 2, "\(result.standardError)")
            #expect(result.standardError.contains(range), "\(result.standardError)")
            #expect(!FileManager.default.fileExists(atPath: database), "refused before anything is opened")
        }
    }

    @Test("too few open files is reported as the controller's failure at start, never as a device's")
    func outOfDescriptors() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-own-failure-fds")
        defer { folder.remove() }
        try await SimulatorProcess.withSimulator([Self.scenarios.appendingPathComponent("healthy-with-clients").path], in: folder.url) { simulator in
            let arguments = ["healthy-with-clients", "--inventory", simulator.inventory.path, "--connect-attempts", "1", "--no-act"]
            // Hard and soft limit both low: nothing is opened, no verdict; the error says what to do.
            // (Under `ulimit -n 12` libdispatch once trapped halfway instead; and at 13 the host key
            // check blamed known_hosts.)
            for limit in [10, 12, 13, 20, 31] {
                let database = folder.url.appendingPathComponent("record-\(limit).sqlite").path
                let result = try await Self.diagnose(arguments + ["--db", database], shell: "ulimit -n \(limit)")
                #expect(result.exitCode == 1, "\(limit): \(result.standardError)")
                #expect(result.standardOutput.isEmpty, "no verdict at \(limit): \(String(decoding: result.standardOutput, as: UTF8.self))")
                #expect(result.standardError.contains("open files") && result.standardError.contains("ulimit -n"), "\(result.standardError)")
                #expect(!result.standardError.contains("host-key-unknown"), "\(result.standardError)")
                #expect(!FileManager.default.fileExists(atPath: database), "refused before the store is opened")
            }
            // Only the soft limit low: Triage raises it itself and diagnoses.
            let database = folder.url.appendingPathComponent("record-soft.sqlite").path
            let raised = try await Self.diagnose(arguments + ["--db", database], shell: "ulimit -Sn 12")
            #expect(raised.exitCode == 0, "\(raised.standardError)")
        }
    }
}
