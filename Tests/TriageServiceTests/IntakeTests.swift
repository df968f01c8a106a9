import ChildProcess
import Foundation
import Testing
import TriageTestSupport

/// Issue 13, tests 1: `triage serve` over a real socket. Every authentication case, idempotency,
/// each validation error, an unknown device, an oversized body; and the read routes.
@Suite("triage serve: intake over HTTP", .serialized)
struct IntakeTests {
    @Test("Authentication: missing, wrong and right token; bad, stale, replayed and right signature")
    func authentication() async throws {
        try await withService { serve, device in
            let body = ServeProcess.escalation(ticket: "AUTH-1", device: device)
            #expect(try await serve.escalate(body, headers: [:]).status == 401)
            let wrong = try await serve.escalate(body, headers: ["Authorization": "Bearer not-the-token"])
            #expect(wrong.status == 401)
            #expect(!wrong.text.contains("token"), "a refusal says nothing of why: \(wrong.text)")
            #expect(try await serve.escalate(body, headers: ["Authorization": "Basic dGVzdDp0ZXN0"]).status == 401)
            #expect(try await serve.escalate(body).status == 202)

            let now = Int(Date().timeIntervalSince1970)
            let signedBody = ServeProcess.escalation(ticket: "AUTH-2", device: device)
            let badSecret = ServeProcess.signature(signedBody, timestamp: now, secret: "another secret")
            #expect(try await serve.escalate(signedBody, headers: badSecret).status == 401)
            let tampered = ServeProcess.signature(signedBody, timestamp: now)
            #expect(try await serve.escalate(signedBody.replacingOccurrences(of: "AUTH-2", with: "AUTH-3"), headers: tampered).status == 401)
            // Well outside the 5-minute window either way: a loaded machine may take seconds between
            // signing and the server's check, which moved a +301 s timestamp inside the window.
            let stale = ServeProcess.signature(signedBody, timestamp: now - 900)
            #expect(try await serve.escalate(signedBody, headers: stale).status == 401)
            let future = ServeProcess.signature(signedBody, timestamp: now + 900)
            #expect(try await serve.escalate(signedBody, headers: future).status == 401)
            let good = ServeProcess.signature(signedBody, timestamp: now)
            #expect(try await serve.escalate(signedBody, headers: good).status == 202)
            #expect(try await serve.escalate(signedBody, headers: good).status == 401, "a replayed signature is refused")

            #expect(try await serve.get("/v1/jobs/00000000-0000-0000-0000-000000000000", authorized: false).status == 401)
            #expect(try await serve.get("/healthz", authorized: false).status == 200)
            #expect(try await serve.get("/readyz", authorized: false).status == 200)
            let metrics = try await serve.get("/metrics", authorized: false)
            #expect(metrics.status == 200)
            #expect(metrics.text.contains(#"triage_intake_rejections_total{reason="unauthorized"} 9"#), "\(metrics.text)")
            let log = try String(contentsOfFile: serve.log, encoding: .utf8)
            #expect(!log.contains(ServeProcess.token) && !log.contains(ServeProcess.signingSecret) && !log.contains(good["X-Triage-Signature"] ?? "-"))
        }
    }

    @Test("A repeated ticket answers 200 with its first job; GET /v1/jobs/{id} shows it")
    func idempotency() async throws {
        try await withService { serve, device in
            let first = try await serve.escalate(ServeProcess.escalation(ticket: "IDEM-1", device: device))
            #expect(first.status == 202)
            let job = try first.json()
            let id = try #require(job["id"] as? String)
            #expect(job["state"] as? String == "queued" || job["state"] as? String == "running")
            #expect((job["links"] as? [String: Any])?["self"] as? String == "/v1/jobs/\(id)")

            let again = try await serve.escalate(ServeProcess.escalation(ticket: "IDEM-1", device: device))
            #expect(again.status == 200)
            #expect(try again.json()["id"] as? String == id)
            // The same id in another ticket system is another ticket.
            let other = try await serve.escalate(ServeProcess.escalation(ticket: "IDEM-1", device: device, system: "jira"))
            #expect(other.status == 202)
            #expect(try other.json()["id"] as? String != id)

            let read = try await serve.get("/v1/jobs/\(id)")
            #expect(read.status == 200)
            #expect(try read.json()["device"] as? String == device)
            #expect(try await serve.get("/v1/jobs/00000000-0000-0000-0000-000000000000").status == 404)
            #expect(try await serve.get("/v1/jobs/not-a-uuid").status == 400)
            #expect(try await serve.get("/v1/diagnoses/00000000-0000-0000-0000-000000000000").status == 404)
        }
    }

    @Test("Malformed JSON, missing fields, wrong types, unknown fields, bad values: 400 saying what; unknown device 404; 64 KiB+ 413")
    func validation() async throws {
        try await withService { serve, device in
            let cases: [(body: String, says: String)] = [
                ("{not json", "not a valid"),
                (#"{"device":"\#(device)"}"#, "ticket"),
                (#"{"ticket":{"system":"crm","id":"V-1"}}"#, "device"),
                (#"{"ticket":{"system":"crm"},"device":"\#(device)"}"#, "id"),
                (#"{"ticket":{"system":"crm","id":7},"device":"\#(device)"}"#, "ticket.id"),
                (#"{"ticket":"crm:V-1","device":"\#(device)"}"#, "ticket"),
                (#"{"ticket":{"system":"crm","id":"V-1"},"device":"\#(device)","host":"10.0.0.1"}"#, "host"),
                (#"{"ticket":{"system":"crm","id":"V-1","port":22},"device":"\#(device)"}"#, "port"),
                (#"{"ticket":{"system":"CRM!","id":"V-1"},"device":"\#(device)"}"#, "ticket.system"),
                (#"{"ticket":{"system":"crm","id":"V 1"},"device":"\#(device)"}"#, "ticket.id"),
                (#"{"ticket":{"system":"crm","id":"V-1","url":"javascript:alert(1)"},"device":"\#(device)"}"#, "ticket.url"),
                (#"{"ticket":{"system":"crm","id":"V-1"},"device":""}"#, "device"),
            ]
            for (body, says) in cases {
                let answer = try await serve.escalate(body)
                #expect(answer.status == 400, "\(body) → \(answer.status) \(answer.text)")
                let message = ((try? answer.json())?["error"] as? [String: Any])?["message"] as? String ?? ""
                #expect(message.contains(says), "\(body) → \(message)")
            }
            let unknown = try await serve.escalate(ServeProcess.escalation(ticket: "V-2", device: "no-such-device"))
            #expect(unknown.status == 404)
            #expect(unknown.text.contains("no device"))
            #expect(!unknown.text.contains(device), "no near match is revealed")

            let huge = ServeProcess.escalation(ticket: "V-3", device: device)
                .replacingOccurrences(of: "https://crm.example/t/V-3", with: "https://crm.example/" + String(repeating: "a", count: 70_000))
            #expect(try await serve.escalate(huge).status == 413)
            let noType = try await serve.send("POST", "/v1/escalations", body: Data(ServeProcess.escalation(ticket: "V-4", device: device).utf8),
                                              headers: ["Authorization": "Bearer \(ServeProcess.token)", "Content-Type": "text/plain"])
            #expect(noType.status == 415)
            let metrics = try await serve.get("/metrics", authorized: false).text
            #expect(metrics.contains(#"triage_intake_rejections_total{reason="unknown_device"} 1"#), "\(metrics)")
            #expect(metrics.contains(#"triage_intake_rejections_total{reason="too_large"} 1"#))
        }
    }

    @Test("A port in use: exit 2 saying so")
    func portInUse() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-serve")
        defer { folder.remove() }
        let inventory = folder.url.appendingPathComponent("inventory.yaml")
        try ServeProcess.unreachableInventory.write(to: inventory, atomically: true, encoding: .utf8)
        try await TestNetwork.withSilentListener { port in
            let serve = try ServeProcess(folder: folder.url, inventory: inventory.path)
            let text = try String(contentsOfFile: serve.config, encoding: .utf8)
            try text.replacingOccurrences(of: "127.0.0.1:\(serve.port)", with: "127.0.0.1:\(port)")
                .write(toFile: serve.config, atomically: true, encoding: .utf8)
            let run = try await CommandRunner.run(TriageExecutable.path, serve.arguments, checked: false)
            #expect(run.status == 2, "\(run.stderr)")
            #expect(run.stderr.contains("in use"), "\(run.stderr)")
        }
    }

    /// A simulator serving one healthy device, and the service over its inventory.
    private func withService(_ body: @Sendable (ServeProcess, String) async throws -> Void) async throws {
        try await ServeProcess.withSimulatedDevices(["healthy-with-clients"], prefix: "triage-serve") { serve in
            let (_, termination) = try await serve.run { _ in try await body(serve, "healthy-with-clients") }
            #expect(termination == .exited(0), "SIGTERM ends the service with status 0")
        }
    }
}
