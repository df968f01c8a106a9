import ChildProcess
import Foundation
import Testing
import TriageTestSupport

/// Issue 11 item 6 (the CLI's part): a slow or silent order system must not keep the verdict from
/// the technician. `triage diagnose` records, prints the verdict, and only then delivers.
@Suite("triage diagnose prints the verdict before it delivers")
struct VerdictBeforeDeliveryTests {
    @Test("an order system that never answers: the verdict is printed while delivery waits", arguments: [false, true])
    func verdictBeforeDelivery(json: Bool) async throws {
        let folder = try TemporaryDirectory(prefix: "triage-verdict-first")
        defer { folder.remove() }
        let orders = try UnhelpfulOrderSystem(.silent)
        defer { orders.stop() }
        // Delivery could end by itself only after 2 × 60 s: longer than the test waits for the verdict (90 s).
        let secret = try CLIFiles.write("cli-secret\n", to: "webhook.secret", in: folder)
        let config = try CLIFiles.write("""
            sink: webhook
            webhook:
              url: \(orders.url.absoluteString)
              secret_file: \(secret)
              attempts: 2
              backoff_seconds: 0.1
              timeout_seconds: 60
            """, to: "triage.yaml", in: folder)
        let database = folder.url.appendingPathComponent("triage.sqlite").path

        try await SimulatorProcess.withSimulator([CLIScenarios.builtIn("wlan-phy-missing").path], in: folder.url) { simulator in
            let triage = try WatchedTriage.start(
                ["diagnose", "wlan-phy-missing", "--inventory", simulator.inventory.path, "--db", database, "--config", config,
                 "--connect-attempts", "1"] + (json ? ["--json"] : []),
                in: folder, name: "diagnose")
            let marker = json ? "\"verdict\" : \"replace\"" : "REPLACE: "
            let shown = await triage.wait(upTo: .seconds(90)) { $0.output.contains(marker) }
            #expect(shown, "the verdict is printed while the order system holds the delivery: \(triage.output) \(triage.errors)")
            #expect(!triage.output.contains("delivery:"), "delivery has not ended yet")
            orders.stop()  // the waiting connection is reset: this delivery fails and stays pending
            let termination = await triage.child.waitForTermination()
            #expect(termination == .exited(20), "\(termination): \(triage.errors)")
            if json {
                let document = try JSONSerialization.jsonObject(with: Data(triage.output.utf8)) as? [String: Any]
                #expect(document?["verdict"] as? String == "replace", "stdout is one JSON document: \(triage.output)")
                #expect((document?["actions"] as? [String])?.first?.contains("order 1 opened") == true)
                #expect(triage.errors.contains("delivery: still pending"), "delivery lines go to stderr: \(triage.errors)")
            } else {
                let lines = triage.output.split(separator: "\n")
                let verdict = try #require(lines.firstIndex { $0.hasPrefix("REPLACE: ") })
                let delivery = try #require(lines.firstIndex { $0.hasPrefix("delivery: still pending") }, "\(triage.output)")
                #expect(verdict < delivery)
                #expect(triage.output.contains("order 1 opened"))
            }
        }
    }
}
