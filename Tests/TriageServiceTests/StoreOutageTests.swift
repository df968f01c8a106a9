import ChildProcess
import Foundation
import Testing
import TriageStore
import TriageTestSupport

/// Issue 15, item 2, on SQLite: while the store takes no writes (another process holds its write
/// lock longer than the busy timeout, as a restarting PostgreSQL refuses connections), intake
/// answers 503 with Retry-After and accepts nothing it did not commit; the runner backs off and
/// resumes once the store answers; every job accepted before and after is done, none lost.
@Suite("triage serve while the store takes no writes", .serialized)
struct StoreOutageTests {
    static let devices = ["healthy-with-clients", "led-all-lit-phy-missing"]

    @Test("Intake answers 503 with Retry-After during the outage; afterwards every accepted job is done")
    func outage() async throws {
        try await ServeProcess.withSimulatedDevices(Self.devices, prefix: "triage-serve-outage") { serve in
            let (_, termination) = try await serve.run { _ in
                var accepted: [String] = []
                let before = try await serve.escalate(ServeProcess.escalation(ticket: "O-0", device: Self.devices[0]))
                #expect(before.status == 202, "\(before.text)")
                accepted.append(try #require(try before.json()["id"] as? String))
                _ = try await serve.finishedJob(accepted[0])

                var refused: ServeProcess.Answer?
                var tried = 0
                let locked = serve.folder.appendingPathComponent("locked").path
                try await withThrowingTaskGroup(of: Void.self) { group in
                    // Holds the write lock for 40 s (the store's busy timeout is 10 s), and says when it
                    // has it: escalations sent before would compete with it for the lock (on a loaded
                    // machine the lock came too late, and no escalation was refused).
                    group.addTask {
                        try await CommandRunner.run("sqlite3", [serve.database, ".bail on", ".timeout 60000", "BEGIN EXCLUSIVE",
                                                                "SELECT count(*) FROM jobs", ".shell touch \(locked)", ".shell sleep 40",
                                                                "COMMIT"])
                    }
                    let lockDeadline = ContinuousClock.now + .seconds(120)
                    while !FileManager.default.fileExists(atPath: locked), ContinuousClock.now < lockDeadline {
                        try await Task.sleep(for: .milliseconds(50))
                    }
                    let deadline = ContinuousClock.now + .seconds(30)
                    while refused == nil, ContinuousClock.now < deadline {
                        tried += 1
                        let answer = try await serve.escalate(ServeProcess.escalation(ticket: "O-\(tried)", device: Self.devices[tried % 2]))
                        if answer.status == 503 { refused = answer } else if let id = try answer.json()["id"] as? String { accepted.append(id) }
                    }
                    try await group.waitForAll()
                }
                let outage = try #require(refused, "no 503 while the store was locked (\(tried) escalations)")
                #expect(outage.retryAfter == "5", "503 says when to retry")
                #expect(outage.text.contains("send it again later"), "\(outage.text)")

                let again = try await serve.escalate(ServeProcess.escalation(ticket: "O-\(tried)", device: Self.devices[tried % 2]))
                #expect(again.status == 202, "the refused ticket is taken once the store answers: \(again.text)")
                accepted.append(try #require(try again.json()["id"] as? String))
                for id in accepted {
                    let job = try await serve.finishedJob(id)
                    #expect(job["state"] as? String == "done", "\(job)")
                }
                let metrics = try await serve.get("/metrics", authorized: false).text
                #expect(metrics.contains(#"triage_intake_rejections_total{reason="store"} 1"#), "\(metrics)")
            }
            #expect(termination == .exited(0))
            let log = try String(contentsOfFile: serve.log, encoding: .utf8)
            #expect(log.contains("cannot claim a job; the store did not answer") && log.contains("the store answers again"),
                    "the runner backed off and resumed: \(log.suffix(3000))")
        }
    }
}
