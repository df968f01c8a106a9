import Foundation
import GRDB
import Testing
import TriageTestSupport

/// Issue 11 item 22, the other side: once the diagnosis is committed, a failure of the retention
/// pruning that follows must not be reported as "not recorded" (exit 1) — the record, and the
/// order in the outbox, exist.
@Suite("triage diagnose when pruning old evidence fails")
struct PruningFailureTests {
    @Test("the store refuses to delete old evidence: the diagnosis is recorded and says so; a warning names the pruning")
    func pruningFails() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-prune-fails")
        defer { folder.remove() }
        let database = folder.url.appendingPathComponent("triage.sqlite").path

        try await SimulatorProcess.withSimulator([CLIScenarios.builtIn("wlan-phy-missing").path], in: folder.url) { simulator in
            let arguments = ["diagnose", "wlan-phy-missing", "--inventory", simulator.inventory.path, "--db", database,
                             "--connect-attempts", "1"]
            let first = try await TriageRun.run(arguments)
            #expect(first.exitCode == 20, "\(first.summary)")
            // The first evidence made old enough for the default retention (90 days) to prune it, and a
            // real SQLite failure where pruning happens: deleting evidence aborts.
            try await DatabaseQueue(path: database).write { db in
                try db.execute(sql: "UPDATE evidence SET recordedAt = '2000-01-01 00:00:00.000'")
                try db.execute(sql: """
                    CREATE TRIGGER refuse_pruning BEFORE DELETE ON evidence
                    BEGIN SELECT RAISE(ABORT, 'evidence deletion refused by the test'); END
                    """)
            }

            let second = try await TriageRun.run(arguments)
            #expect(second.exitCode == 20, "\(second.summary)")
            #expect(second.output.contains("recorded as diagnosis"), "\(second.summary)")
            #expect(second.errors.contains("could not be pruned"), "\(second.summary)")
            let history = try await TriageRun.run(["history", "wlan-phy-missing", "--db", database, "--json"])
            let recorded = try JSONSerialization.jsonObject(with: Data(history.standardOutput)) as? [[String: Any]]
            #expect(recorded?.count == 2, "\(history.summary)")
        }
    }
}
