import Foundation
import Testing
import TriageTestSupport

/// The CLI's one error edge (`ErrorEdge`): each kind of `TriageError` leaves `triage` with one
/// status and one `error: <message> <remedy>` line, whichever command threw it.
@Suite("triage: every error ends at one edge")
struct ErrorEdgeTests {
    static let environment = ProcessInfo.processInfo.environment

    func triage(_ arguments: [String]) async throws -> ShellRunResult {
        try await ShellRun.run(TriageExecutable.path, arguments, environment: Self.environment)
    }

    @Test("the user's mistakes exit 2 with the message and what to do: an inventory, a config file, an argument")
    func usage() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-error-edge")
        defer { folder.remove() }
        let inventory = try CLIFiles.write("version: 1\ndevices:\n  - {id: cpe-1, hots: x}\n", to: "inventory.yaml", in: folder)
        let badInventory = try await triage(["inventory", "show", "cpe-1", "--inventory", inventory])
        #expect(badInventory.exitCode == 2, "\(badInventory.standardError)")
        #expect(badInventory.standardError.hasPrefix("error: The inventory has"), "\(badInventory.standardError)")
        #expect(badInventory.standardError.contains("Fix them and check again"), "the remedy is shown")

        let config = try CLIFiles.write("store: {path: [1]}\n", to: "config.yaml", in: folder)
        let badConfig = try await triage(["history", "cpe-1", "--config", config, "--db", folder.url.appendingPathComponent("x.sqlite").path])
        #expect(badConfig.exitCode == 2, "\(badConfig.standardError)")
        #expect(badConfig.standardError.hasPrefix("error: config \(config)"), "\(badConfig.standardError)")

        let noInventory = try await ShellRun.run(TriageExecutable.path, ["inventory", "show", "cpe-1"],
                                                 environment: Self.environment.filter { $0.key != "TRIAGE_INVENTORY" })
        #expect(noInventory.exitCode == 2 && noInventory.standardError.hasPrefix("error: no inventory given"))
    }

    @Test("Triage's own failures exit 1: a store that is not there for a command that only reads")
    func triagesOwn() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-error-edge")
        defer { folder.remove() }
        let missing = folder.url.appendingPathComponent("none.sqlite").path
        let result = try await triage(["history", "cpe-1", "--db", missing])
        #expect(result.exitCode == 1, "\(result.standardError)")
        #expect(result.standardError.hasPrefix("error: no store at \(missing)"), "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
    }

    @Test("a check command's findings are its answer: exit 1, the report as it is, no 'error:'")
    func problemsFound() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-error-edge")
        defer { folder.remove() }
        let inventory = try CLIFiles.write("version: 1\ndevices:\n  - {id: cpe-1, hots: x}\n", to: "inventory.yaml", in: folder)
        let result = try await triage(["inventory", "check", inventory])
        #expect(result.exitCode == 1, "\(result.standardError)")
        #expect(result.standardError.hasPrefix("The inventory has"), "\(result.standardError)")
        #expect(result.standardError.contains("\(inventory):3:"), "\(result.standardError)")
    }
}
