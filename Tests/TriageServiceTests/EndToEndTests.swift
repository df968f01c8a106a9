import ChildProcess
import Foundation
import Testing
import TriageStore
import TriageTestSupport

/// Issue 13: escalations end to end against the simulator, with the local sink: each job reaches
/// done with the verdict its scenario expects, and a dead radio makes exactly one order.
@Suite("triage serve: escalations end to end", .serialized)
struct EndToEndTests {
    static let expected = ["led-all-lit-phy-missing": "replace", "healthy-with-clients": "healthy", "transport-host-key-changed": "escalate"]

    @Test("Each escalated device gets its scenario's verdict; one order for the dead radio; the diagnosis document is served")
    func endToEnd() async throws {
        let devices = Self.expected.keys.sorted()
        try await ServeProcess.withSimulatedDevices(devices, prefix: "triage-serve-e2e") { serve in
            let (_, termination) = try await serve.run { _ in
                var jobs: [String: String] = [:]
                for (index, device) in devices.enumerated() {
                    let answer = try await serve.escalate(ServeProcess.escalation(ticket: "E2E-\(index)", device: device))
                    #expect(answer.status == 202, "\(answer.text)")
                    jobs[device] = try #require(try answer.json()["id"] as? String)
                }
                for (device, id) in jobs {
                    let job = try await serve.finishedJob(id)
                    #expect(job["state"] as? String == "done", "\(device): \(job)")
                    #expect(job["verdict"] as? String == Self.expected[device], "\(device): \(job)")
                    #expect(job["attempts"] as? Int == 1)
                    let diagnosisID = try #require(job["diagnosis_id"] as? String)
                    #expect((job["links"] as? [String: Any])?["diagnosis"] as? String == "/v1/diagnoses/\(diagnosisID)")
                    let document = try await serve.get("/v1/diagnoses/\(diagnosisID)")
                    #expect(document.status == 200)
                    let fields = try document.json()
                    #expect(fields["format"] as? String == "triage.diagnosis")
                    #expect(fields["id"] as? String == diagnosisID)
                    #expect(fields["verdict"] as? String == Self.expected[device])
                    #expect(fields["requested_by"] as? String == "triage-serve")
                    #expect((fields["origin_ticket"] as? String)?.hasPrefix("crm:E2E-") == true)
                    #expect(fields["facts"] is [String: Any])
                }
                let metrics = try await serve.get("/metrics", authorized: false).text
                #expect(metrics.contains(#"triage_diagnoses_total{verdict="replace"} 1"#), "\(metrics)")
                #expect(metrics.contains(#"triage_jobs{state="done"} 3"#))
                #expect(metrics.contains("triage_diagnosis_duration_seconds_bucket"))
            }
            #expect(termination == .exited(0))
            let store = try await AppDatabase.open(path: serve.database)
            let orders = try await store.orders()
            #expect(orders.count == 1, "one order, for the dead radio")
            #expect(orders.first.map { "\($0)" }?.contains("led-all-lit-phy-missing") == true)
            #expect(try await store.tickets().count == 1, "one third-level ticket, for the changed host key")
            #expect(try await store.outbox().isEmpty, "everything was delivered to the local sink")
            let log = try String(contentsOfFile: serve.log, encoding: .utf8)
            for line in log.split(separator: "\n") where line.contains("job started") || line.contains("job done") {
                #expect(line.contains("job=") && line.contains("device=") && line.contains("ticket=crm:E2E-"), "\(line)")
            }
            // The engine's own lines (SSH, the probe run) say which job they belong to too.
            let connectLines = log.split(separator: "\n").filter { $0.contains("connect failed") }
            #expect(!connectLines.isEmpty, "the changed host key is logged")
            for line in connectLines {
                #expect(line.contains("job=") && line.contains("ticket=crm:E2E-"), "\(line)")
            }
        }
    }
}
