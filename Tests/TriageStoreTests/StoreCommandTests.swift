import Foundation
import Testing
import TriageCore
import TriageTestSupport

@Suite("Store commands")
struct StoreCommandTests {
    @Test("record, orders list, show, history and tickets list, as text and JSON, on the local sink")
    func localSinkCommands() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-cli")
        defer { folder.remove() }
        let db = folder.url.appendingPathComponent("triage.sqlite").path
        let diagnosis = SampleDiagnoses.make(.replace, device: "cpe-0042", originTicket: "777")
        let file = try CLIFiles.diagnosis(diagnosis, in: folder)
        let triage = TriageExecutable.path

        let recorded = try await CommandRunner.run(triage, ["store", "record", file, "--db", db])
        #expect(recorded.stdout.contains("order 1 opened"))
        #expect(recorded.stdout.contains("delivered (local:order/1)"))
        let repeated = try await CommandRunner.run(triage, ["store", "record", file, "--db", db])
        #expect(repeated.stdout.contains("order 1 already open"))

        let orders = try await CommandRunner.run(triage, ["orders", "list", "--db", db])
        #expect(orders.stdout.contains("cpe-0042") && orders.stdout.contains("serial SIM-0001"))
        let json = try await CommandRunner.run(triage, ["orders", "list", "--db", db, "--json"])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(parsed.count == 1)
        #expect((parsed.first?["action"] as? [String: Any])?["deviceID"] as? String == "cpe-0042")

        let id = diagnosis.id.uuidString.lowercased()
        let shown = try await CommandRunner.run(triage, ["show", String(id.prefix(8)), "--db", db, "--evidence"])
        #expect(shown.stdout.contains("Verdict: replace") && shown.stdout.contains("could not probe fw"))
        let history = try await CommandRunner.run(triage, ["history", "cpe-0042", "--db", db, "--json"])
        #expect(history.stdout.contains(id))
        let tickets = try await CommandRunner.run(triage, ["tickets", "list", "--db", db])
        #expect(tickets.stdout.contains("no tickets"))
        let missing = try await CommandRunner.run(triage, ["show", "ffffffff", "--db", db], checked: false)
        #expect(missing.status == 2)
    }

    @Test("Reading a store that does not exist is an error that names it, and creates nothing")
    func missingStore() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-cli")
        defer { folder.remove() }
        let db = folder.url.appendingPathComponent("typo/triage.sqlite").path
        for command in [["orders", "list"], ["tickets", "list"], ["outbox"], ["outbox", "deliver"], ["show", "abc"],
                        ["history", "cpe-1"], ["store", "prune"]] {
            let result = try await CommandRunner.run(TriageExecutable.path, command + ["--db", db], checked: false)
            #expect(result.status == 1, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("no store at \(db)"), "\(command): \(result.stderr)")
        }
        let info = try await CommandRunner.run(TriageExecutable.path, ["store", "info", "--db", db])
        #expect(info.stdout.contains("not created yet"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("typo").path))
    }

    @Test("A config with a secret in it, or an unknown key, is refused with exit status 2")
    func badConfig() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-cli")
        defer { folder.remove() }
        let db = folder.url.appendingPathComponent("triage.sqlite").path
        let withSecret = try CLIFiles.write("sink: webhook\nwebhook:\n  url: http://127.0.0.1:1/\n  secret: hunter2\n", to: "a.yaml", in: folder)
        let result = try await CommandRunner.run(TriageExecutable.path, ["outbox", "--db", db, "--config", withSecret], checked: false)
        #expect(result.status == 2 && result.stderr.contains("secrets never go in the config"))
        let typo = try CLIFiles.write("store:\n  retention_days: 5\n", to: "b.yaml", in: folder)
        let typoResult = try await CommandRunner.run(TriageExecutable.path, ["outbox", "--db", db, "--config", typo], checked: false)
        #expect(typoResult.status == 2 && typoResult.stderr.contains("unknown key 'store.retention_days'"))
    }
}
