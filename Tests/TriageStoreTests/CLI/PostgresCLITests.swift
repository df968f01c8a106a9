import Foundation
import Testing
import TriageStore
import TriageTestSupport

/// The CLI on a PostgreSQL store (issue 15): `--db postgres://…` with the password from the
/// config's `store.password_file`, the same commands and the same record as on SQLite.
@Suite("CLI on a PostgreSQL store")
struct PostgresCLITests {
    @Test("diagnose --db postgres://… records a diagnosis that history, show and orders list read back; store info shows no password")
    func diagnoseOnPostgres() async throws {
        try await PostgresFixture.withDatabase { settings in
            let folder = try TemporaryDirectory(prefix: "triage-pg-cli")
            defer { folder.remove() }
            guard case .file(let passwordFile) = settings.password else { Issue.record("the fixture names no password file"); return }
            let config = try CLIFiles.write("store:\n  password_file: \(passwordFile)\n", to: "triage.yaml", in: folder)
            let url = "postgres://\(settings.user)@\(settings.host):\(settings.port)/\(settings.database)?sslmode=disable"
            let store = ["--db", url, "--config", config]
            let triage = TriageExecutable.path

            try await SimulatorProcess.withSimulator([CLIScenarios.builtIn("wlan-phy-missing").path], in: folder.url) { simulator in
                let run = try await TriageRun.run(["diagnose", "wlan-phy-missing", "--inventory", simulator.inventory.path,
                                                   "--connect-attempts", "1"] + store)
                #expect(run.exitCode == 20, "\(run.summary)")
                #expect(run.output.contains("recorded as diagnosis"), "\(run.summary)")
            }

            let history = try await CommandRunner.run(triage, ["history", "wlan-phy-missing", "--json"] + store)
            let recorded = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
            #expect(recorded.count == 1 && recorded.first?["verdict"] as? String == "replace", "\(history.stdout)")
            let id = try #require(recorded.first?["id"] as? String)
            let shown = try await CommandRunner.run(triage, ["show", String(id.prefix(8))] + store)
            #expect(shown.stdout.contains("REPLACE"), "\(shown.stdout)")
            let orders = try await CommandRunner.run(triage, ["orders", "list"] + store)
            #expect(orders.stdout.contains("wlan-phy-missing") && orders.stdout.contains(id), "\(orders.stdout)")

            let info = try await CommandRunner.run(triage, ["store", "info"] + store)
            #expect(info.stdout.contains("store: \(settings.location)"), "\(info.stdout)")
            let password = try String(contentsOfFile: passwordFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(!info.stdout.contains(password) && !info.stderr.contains(password))
            let pruned = try await CommandRunner.run(triage, ["store", "prune", "--days", "0"] + store)
            #expect(pruned.stdout.contains("pruned"), "\(pruned.stdout)")
            let evidence = try await CommandRunner.run(triage, ["show", id, "--json"] + store)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(evidence.stdout.utf8)) as? [String: Any])
            #expect((document["evidence"] as? [Any])?.isEmpty == true, "prune --days 0 removed the evidence")
        }
    }

    @Test("A password file others may read is refused (exit 1, Triage's own failure), and the password is not shown")
    func exposedPasswordFile() async throws {
        try await PostgresFixture.withDatabase { settings in
            let folder = try TemporaryDirectory(prefix: "triage-pg-cli")
            defer { folder.remove() }
            let exposed = try CLIFiles.write("not-the-password-\(UUID().uuidString)\n", to: "pg.password", in: folder)
            #expect(chmod(exposed, 0o644) == 0)
            let config = try CLIFiles.write("store:\n  password_file: \(exposed)\n", to: "triage.yaml", in: folder)
            let url = "postgres://\(settings.user)@\(settings.host):\(settings.port)/\(settings.database)?sslmode=disable"
            let run = try await CommandRunner.run(TriageExecutable.path, ["orders", "list", "--db", url, "--config", config], checked: false)
            #expect(run.status == 1, "\(run.stderr)")
            #expect(run.stderr.contains(exposed) && !run.stderr.contains("not-the-password"), "\(run.stderr)")
        }
    }
}
