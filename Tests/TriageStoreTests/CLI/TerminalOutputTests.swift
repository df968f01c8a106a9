import Foundation
import Testing
import TriageTestSupport

/// Issue 11 item 7: what devices, inventories and order systems send reaches the technician's
/// terminal, but never a control sequence it would obey: every byte `triage` prints passes one filter.
@Suite("Terminal control sequences from devices are shown, never obeyed")
struct TerminalOutputTests {
    @Test("diagnose, show, show --evidence, history, outbox and error messages print no raw control sequence; --json stays valid")
    func hostileTextIsEscaped() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-terminal")
        defer { folder.remove() }
        let scenario = try CLIScenarios.hostileRadio(in: folder.url)
        let orders = try UnhelpfulOrderSystem(.failing(body: "order system down: \(TerminalBytes.hostile)"))
        defer { orders.stop() }
        let config = try CLIFiles.webhookConfig(url: orders.url, in: folder)
        let database = folder.url.appendingPathComponent("triage.sqlite").path
        let fleet = folder.url.appendingPathComponent("fleet")
        try FileManager.default.createDirectory(at: fleet, withIntermediateDirectories: true)
        var runs = try await SimulatorProcess.withSimulator([scenario.path], in: fleet) { simulator -> [(String, TriageRun)] in
            try CLIScenarios.poisonModels(in: simulator.inventory)
            let common = ["hostile-radio", "--inventory", simulator.inventory.path, "--db", database, "--config", config,
                          "--connect-attempts", "2", "--retry-spacing", "0.2"]
            let diagnose = try await TriageRun.run(["diagnose"] + common + ["--verbose"])
            #expect(diagnose.exitCode == 10, "\(diagnose.summary)")
            #expect(diagnose.output.contains(#"Evil \u001b]0;pwned\u0007\u001b[2J\u001b]52;c;ZXZpbA==\u0007\u009b31mFAKE\u202edne Router"#),
                    "the model is shown, escaped: \(diagnose.summary)")
            #expect(diagnose.output.contains(#"radio0\u001b]0;pwned"#), "the radio's name is shown, escaped: \(diagnose.summary)")

            let json = try await TriageRun.run(["diagnose"] + common + ["--json", "--no-act"])
            let document = try JSONSerialization.jsonObject(with: Data(json.standardOutput)) as? [String: Any]
            let device = document?["device"] as? [String: Any]
            #expect(device?["model"] as? String == "Evil \(TerminalBytes.hostile) Router", "--json decodes to the text itself: \(json.summary)")
            return [("diagnose", diagnose), ("diagnose --json", json)]
        }.result

        let history = try await TriageRun.run(["history", "hostile-radio", "--db", database])
        runs.append(("history", history))
        let listed = try await TriageRun.run(["history", "hostile-radio", "--db", database, "--json"])
        let diagnoses = try JSONSerialization.jsonObject(with: Data(listed.standardOutput)) as? [[String: Any]] ?? []
        let id = try #require(diagnoses.first?["id"] as? String, "\(listed.summary)")
        let show = try await TriageRun.run(["show", id, "--db", database])
        runs.append(("show", show))
        let evidence = try await TriageRun.run(["show", id, "--evidence", "--db", database])
        #expect(evidence.output.contains(#"hostapd: \u001b]0;pwned\u0007\u001b[2J"#), "the raw log line is shown, escaped: \(evidence.summary)")
        runs.append(("show --evidence", evidence))
        let outbox = try await TriageRun.run(["outbox", "--db", database, "--config", config])
        #expect(outbox.output.contains(#"order system down: \u001b]0;pwned"#), "the order system's answer is shown, escaped: \(outbox.summary)")
        runs.append(("outbox", outbox))
        runs.append(("outbox deliver", try await TriageRun.run(["outbox", "deliver", "--db", database, "--config", config])))
        // Error paths: Triage's own message quoting what was typed, and ArgumentParser's.
        runs.append(("show (unknown id)", try await TriageRun.run(["show", TerminalBytes.hostile, "--db", database])))
        let unknownOption = try await TriageRun.run(["history", "hostile-radio", "--\u{1B}[2J\u{9B}31mFAKE\u{202E}dne"])
        // ArgumentParser writes its message a byte at a time: characters split across writes are still whole.
        #expect(unknownOption.errors.contains(#"\u009b31mFAKE\u202edne"#), "\(unknownOption.summary)")
        runs.append(("unknown option", unknownOption))

        for (name, run) in runs {
            let raw = TerminalBytes.controls(in: run.standardOutput + run.standardError)
            #expect(raw.isEmpty, "\(name) printed raw control sequences: \(raw.prefix(5))")
        }
    }
}
