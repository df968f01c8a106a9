import ChildProcess
import Foundation
import Testing
import TriageTestSupport

/// Issue 13, tests 4: schemathesis (PyPI, installed by `scripts/install-deps --test` into
/// .build/venv) generates requests from Docs/openapi.yaml against the running service and checks
/// every answer against it. It must be installed: a missing tool fails the test.
@Suite("triage serve: schemathesis against Docs/openapi.yaml")
struct SchemathesisTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var tool: String { root.appendingPathComponent(".build/venv/bin/schemathesis").path }

    @Test("schemathesis finds no failure")
    func schemathesis() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.tool),
                     "schemathesis is not installed at \(Self.tool): run scripts/install-deps --test")
        let folder = try TemporaryDirectory(prefix: "triage-serve-schema")
        defer { folder.remove() }
        let inventory = folder.url.appendingPathComponent("inventory.yaml")
        // A device that is never reached: schemathesis' device ids are random, so no job runs.
        try ServeProcess.unreachableInventory.write(to: inventory, atomically: true, encoding: .utf8)
        let serve = try ServeProcess(folder: folder.url, inventory: inventory.path)
        let (run, termination) = try await serve.run { _ in
            try await ChildProcess.collect(
                executable: Self.tool,
                arguments: ["run", Self.root.appendingPathComponent("Docs/openapi.yaml").path, "--url", serve.baseURL,
                            "--header", "Authorization: Bearer \(ServeProcess.token)", "--max-examples", "40",
                            "--seed", "1", "--no-color"],
                environment: ProcessInfo.processInfo.environment.merging(["SCHEMATHESIS_HOOKS": ""]) { $1 },
                // It writes its example database (.schemathesis/) into the working directory.
                workingDirectory: folder.path, deadline: .seconds(900))
        }
        let output = String(decoding: run.standardOutput + run.standardError, as: UTF8.self)
        #expect(!run.endedByDeadline, "schemathesis did not finish: \(output.suffix(3000))")
        #expect(run.exitCode == 0, "schemathesis found failures:\n\(output.suffix(6000))")
        #expect(output.contains("passed") || output.contains("PASSED"), "\(output.suffix(2000))")
        #expect(termination == .exited(0))
    }
}
