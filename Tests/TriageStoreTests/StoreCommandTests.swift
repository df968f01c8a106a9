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
        #expect(shown.stdout.contains("REPLACE: ") && shown.stdout.contains("could not probe fw"))
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

    @Test("store record reads what diagnose --json prints (and what show --json prints), evidence included")
    func recordsTheDiagnoseDocument() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-cli")
        defer { folder.remove() }
        let db = folder.url.appendingPathComponent("triage.sqlite").path
        let diagnosis = SampleDiagnoses.make(.escalate, device: "cpe-doc", originTicket: "888")
        // Exactly as `triage diagnose --json` builds its output.
        let document = try DiagnosisDocument(diagnosis, facts: Diagnoser.document(sections: diagnosis.sections), actions: []).json()
        let file = try CLIFiles.write(document, to: "diagnose.json", in: folder)
        let triage = TriageExecutable.path

        let recorded = try await CommandRunner.run(triage, ["store", "record", file, "--db", db])
        #expect(recorded.stdout.contains("ticket 1 opened"))
        let id = diagnosis.id.uuidString.lowercased()
        let shown = try await CommandRunner.run(triage, ["show", id, "--db", db, "--json"])
        let stored = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
        #expect((stored?["evidence"] as? [Any])?.count == diagnosis.sections.count)
        #expect(((stored?["findings"] as? [[String: Any]])?.first?["code"] as? String) == "link.dsl-down-network-side")
        #expect(((stored?["record"] as? [String: Any])?["requestedBy"] as? String) == "ticket:888")

        // What `show --json` prints records too, into another store: the same diagnosis, the same evidence.
        let again = try CLIFiles.write(shown.stdout, to: "show.json", in: folder)
        let other = folder.url.appendingPathComponent("other.sqlite").path
        _ = try await CommandRunner.run(triage, ["store", "record", again, "--db", other, "--no-act"])
        let copied = try await CommandRunner.run(triage, ["show", id, "--db", other, "--evidence"])
        #expect(copied.stdout.contains("could not probe fw"))

        let future = try CLIFiles.write(document.replacingOccurrences(of: #""version" : 1"#, with: #""version" : 2"#), to: "v2.json", in: folder)
        let refused = try await CommandRunner.run(triage, ["store", "record", future, "--db", db], checked: false)
        #expect(refused.status == 2 && refused.stderr.contains("version 2"), "\(refused.stderr)")
    }

    @Test("store record redacts the file it reads: sections, evidence lines, warnings")
    func recordRedacts() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-cli")
        defer { folder.remove() }
        let db = folder.url.appendingPathComponent("triage.sqlite").path
        var diagnosis = SampleDiagnoses.make(.escalate, device: "cpe-secret")
        diagnosis.sections.append(ProbeSection(
            kind: .command, subject: "logread -l 300", output: "Mon Nov 18 09:12:01 2026 daemon.notice hostapd: wpa_passphrase=file-secret-1\n",
            exitCode: 0, errorOutput: "uci: network.wan.password='file-secret-2'"))
        diagnosis.findings[0].evidence.append(Evidence(section: "ubus call network.wireless status", lines: ["\"key\": [", "\"file-secret-3\"", "]"]))
        diagnosis.warnings = ["read from \"password\": \"file-secret-4\""]
        let file = try CLIFiles.diagnosis(diagnosis, in: folder)

        _ = try await CommandRunner.run(TriageExecutable.path, ["store", "record", file, "--db", db])
        let stored = try Data(contentsOf: URL(fileURLWithPath: db))
        for number in 1...4 {
            #expect(stored.range(of: Data("file-secret-\(number)".utf8)) == nil, "file-secret-\(number) is in the store")
        }
        let shown = try await CommandRunner.run(TriageExecutable.path, ["show", diagnosis.id.uuidString, "--db", db, "--evidence"])
        #expect(shown.stdout.contains("hostapd: wpa_passphrase=<redacted>"))
        #expect(shown.stdout.contains("network.wan.password='<redacted>'"))
    }
}
