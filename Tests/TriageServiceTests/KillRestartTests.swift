import ChildProcess
import Foundation
import Glibc
import Testing
import TriageStore
import TriageTestSupport

/// Issue 13, tests 3: `triage serve` killed with SIGKILL while jobs run, then restarted, 20 rounds.
/// Every accepted job completes exactly once (done, with one verdict) and no order or ticket is
/// duplicated: each replace or escalate job has its one action, counted in the SQLite store.
@Suite("triage serve: SIGKILL and restart", .serialized)
struct KillRestartTests {
    static let devices = ["led-all-lit-phy-missing", "wlan-phy-missing", "healthy-with-clients", "transport-host-key-changed"]

    @Test("20 rounds of escalate, SIGKILL while jobs run, restart: every job done once, no action twice")
    func killAndRestart() async throws {
        try await ServeProcess.withSimulatedDevices(Self.devices, prefix: "triage-serve-kill") { serve in
            var accepted: [String] = []
            var killedWhileRunning = 0
            for round in 1...20 {
                let (running, termination) = try await serve.run(stopSignal: SIGKILL) { _ in
                    for (index, device) in Self.devices.enumerated() {
                        let answer = try await serve.escalate(ServeProcess.escalation(ticket: "K\(round)-\(index)", device: device))
                        #expect(answer.status == 202, "\(answer.text)")
                        if let id = try answer.json()["id"] as? String { accepted.append(id) }
                    }
                    return try await Self.waitForRunningJob(serve)
                }
                #expect(termination == .signaled(SIGKILL))
                if running { killedWhileRunning += 1 }
            }
            #expect(killedWhileRunning >= 10, "most rounds killed the service while a job ran (\(killedWhileRunning))")
            let (_, termination) = try await serve.run { _ in
                for id in accepted {
                    let job = try await serve.finishedJob(id)
                    #expect(job["state"] as? String == "done", "\(job)")
                }
            }
            #expect(termination == .exited(0))

            let store = try await AppDatabase.open(path: serve.database)
            var verdicts: [String: Int] = [:]
            for id in accepted {
                let uuid = try #require(UUID(uuidString: id))
                let job = try #require(try await store.job(id: uuid))
                #expect(job.state == .done)
                verdicts[job.verdict ?? "none", default: 0] += 1
            }
            #expect(accepted.count == 80)
            #expect(Set(accepted).count == accepted.count)
            #expect(try await store.orders().count == verdicts["replace", default: 0], "one order per replace job: \(verdicts)")
            #expect(try await store.tickets().count == verdicts["escalate", default: 0], "one ticket per escalate job: \(verdicts)")
            #expect(verdicts["replace"] == 40 && verdicts["escalate"] == 20 && verdicts["healthy"] == 20, "\(verdicts)")
            // Undelivered rows are only those a killed delivery held: their lease runs out, then the
            // delivery loop takes them (the outbox's own crash tests cover that).
            let pending = try await store.outbox()
            #expect(pending.allSatisfy { $0.claimedUntil != nil }, "\(pending)")
        }
    }

    /// True once a job is running (then the kill lands mid-job); false if all finished first.
    private static func waitForRunningJob(_ serve: ServeProcess) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let metrics = try await serve.get("/metrics", authorized: false).text
            if metrics.contains(#"triage_jobs{state="running"} "#), !metrics.contains(#"triage_jobs{state="running"} 0"#) { return true }
            if metrics.contains(#"triage_jobs{state="queued"} 0"#), metrics.contains(#"triage_jobs{state="running"} 0"#) { return false }
            try await Task.sleep(for: .milliseconds(20))
        }
        return false
    }
}
