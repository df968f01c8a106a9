import Foundation
import Testing
import TriageTestSupport

/// `triage rules check|test` and the usage errors of `triage diagnose`, run as the binary.
@Suite("triage rules and diagnose: exit statuses")
struct RulesCommandTests {
    func triage(_ arguments: [String]) async throws -> ShellRunResult {
        try await ShellRun.run(TriageExecutable.path, arguments, environment: ProcessInfo.processInfo.environment)
    }

    @Test("every shipped rule's own tests pass, scenarios included")
    func shippedRulesPassTheirTests() async throws {
        let result = try await triage(["rules", "test"])
        let output = String(decoding: result.standardOutput, as: UTF8.self)
        #expect(result.exitCode == 0, "\(output)")
        #expect(output.contains("all passed"), "\(output)")
    }

    @Test("a bad operator folder: check names file and line and exits 1; diagnose refuses it with 2")
    func badOperatorRules() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-bad-operator-rules")
        defer { folder.remove() }
        try "rules:\n  - id: x\n    when: wlan.radios ==\n".write(
            to: folder.url.appendingPathComponent("local.yaml"), atomically: true, encoding: .utf8)
        let check = try await triage(["rules", "check", folder.path])
        #expect(check.exitCode == 1)
        #expect(check.standardError.contains("\(folder.path)/local.yaml:3:"), "\(check.standardError)")
        let inventory = folder.url.appendingPathComponent("inventory.yaml")
        try "version: 1\ndevices:\n  - {id: d1, host: 127.0.0.1, credentials: {password_env: NONE}}\n"
            .write(to: inventory, atomically: true, encoding: .utf8)
        let diagnose = try await triage(["diagnose", "d1", "--inventory", inventory.path, "--rules-dir", folder.path, "--no-act"])
        #expect(diagnose.exitCode == 2, "\(diagnose.standardError)")
        let unknown = try await triage(["diagnose", "nope", "--inventory", inventory.path, "--no-act"])
        #expect(unknown.exitCode == 2, "\(unknown.standardError)")
        let missingArgument = try await triage(["diagnose"])
        #expect(missingArgument.exitCode == 2)
    }
}
