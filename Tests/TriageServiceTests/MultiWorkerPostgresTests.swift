import ChildProcess
import Foundation
import Glibc
import Synchronization
import Testing
import TriageStore
import TriageTestSupport

/// Issue 15's acceptance tests: three `triage serve` workers on one PostgreSQL (named in their
/// config, the password from a file) and the simulator. 300 escalations spread over the workers
/// while one worker is killed with SIGKILL and restarted, 10 times; then every job is done exactly
/// once, no order or ticket twice, no diagnosis twice for one ticket, no job left running under a
/// dead worker's lease. And PostgreSQL itself restarted mid-run: no job lost, intake refused (503)
/// rather than accepting what it could not commit.
@Suite("triage serve: three workers on one PostgreSQL", .serialized)
struct MultiWorkerPostgresTests {
    static let scenarios = ["led-all-lit-phy-missing", "wlan-phy-missing", "healthy-with-clients", "transport-host-key-changed"]
    static let expected = ["led-all-lit-phy-missing": "replace", "wlan-phy-missing": "replace",
                           "healthy-with-clients": "healthy", "transport-host-key-changed": "escalate"]
    /// Copies of each scenario: a device runs one job at a time, so 300 jobs on 4 devices would be
    /// 75 in a row per device (a quarter of an hour on a loaded machine); on 32 the workers run in parallel.
    static let copies = 8
    static let devices = (1...copies).flatMap { number in scenarios.map { "\($0)-\(number)" } }
    static func expectedVerdict(_ device: String) -> String? {
        expected[String(device[..<(device.lastIndex(of: "-") ?? device.endIndex)])]
    }

    @Test("300 escalations over three workers, one killed and restarted 10 times: each job done once, no action twice")
    func killedWorkers() async throws {
        try await Self.withWorkers(prefix: "triage-pg-kill") { workers, _ in
            let accepted = Accepted()
            let victim = workers[0]
            _ = try await workers[1].run { _ in
                _ = try await workers[2].run { _ in
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask { try await Self.escalate(300, over: [workers[1], workers[2]], into: accepted, prefix: "K") }
                        group.addTask {
                            for round in 1...10 {
                                let (_, ended) = try await victim.run(stopSignal: SIGKILL) { _ in
                                    // Mid-run: the victim holds a job (claimed more than it finished), or a guard of minutes passed.
                                    try await Self.waitUntil("worker 1 holds a job (round \(round))", victim, within: .seconds(240)) { metrics in
                                        Self.value(metrics, "triage_jobs_claimed_total") > Self.value(metrics, "triage_jobs_finished_total")
                                    }
                                }
                                #expect(ended == .signaled(SIGKILL))
                            }
                        }
                        try await group.waitForAll()
                    }
                    _ = try await victim.run { _ in try await Self.expectAllDone(accepted.ids, on: workers[1]) }
                }
            }
            try await Self.expectExactlyOnce(accepted.ids, workers: workers)
        }
    }

    // It once hung: postgres-nio left a query sent on a connection the restart had just closed
    // unanswered forever (see `PostgresConnection.queryWhileOpen`).
    @Test("PostgreSQL restarted mid-run: the workers recover, every accepted job is done, intake never took what it lost")
    func databaseRestart() async throws {
        try await Self.withWorkers(prefix: "triage-pg-restart") { workers, postgres in
            let accepted = Accepted()
            _ = try await workers[0].run { _ in
                _ = try await workers[1].run { _ in
                    _ = try await workers[2].run { _ in
                        try await withThrowingTaskGroup(of: Void.self) { group in
                            group.addTask { try await Self.escalate(120, over: workers, into: accepted, prefix: "R") }
                            group.addTask {
                                try await Self.waitUntil("some jobs done", workers[0], within: .seconds(240)) { metrics in
                                    Self.value(metrics, #"triage_jobs{state="done"}"#) >= 10
                                }
                                let done = #"triage_jobs{state="done"}"#
                                let doneBefore = Self.value(try await workers[0].get("/metrics", authorized: false).text, done)
                                let clock = ContinuousClock()
                                let stopped = clock.now
                                try await postgres.restart()
                                let back = clock.now
                                try await Self.waitUntil("a job done after the restart", workers[0], within: .seconds(240)) { metrics in
                                    Self.value(metrics, done) > doneBefore
                                }
                                print("PostgreSQL was down for \(stopped.duration(to: back)); the next job was done \(back.duration(to: clock.now)) after it was back")
                            }
                            try await group.waitForAll()
                        }
                        try await Self.expectAllDone(accepted.ids, on: workers[2])
                    }
                }
            }
            #expect(accepted.ids.count == 120, "every escalation was taken, after 503s where the store was down")
            #expect(accepted.unexpected.isEmpty, "answers other than 202 and 503: \(accepted.unexpected)")
            try await Self.expectExactlyOnce(accepted.ids, workers: workers)
        }
    }

    // MARK: Helpers

    /// What intake accepted (job ids), the 503s it gave, and anything else it answered.
    final class Accepted: Sendable {
        private let state = Mutex<(ids: [String], refused: Int, unexpected: [String])>(([], 0, []))
        var ids: [String] { state.withLock { $0.ids } }
        var unexpected: [String] { state.withLock { $0.unexpected } }
        func add(_ id: String) { state.withLock { $0.ids.append(id) } }
        func refused() { state.withLock { $0.refused += 1 } }
        func other(_ text: String) { state.withLock { $0.unexpected.append(text) } }
    }

    /// A PostgreSQL, the simulator, and three workers' configs (lease 5 s) on one database.
    private static func withWorkers(prefix: String, _ body: @Sendable ([ServeProcess], PostgresFixture) async throws -> Void)
        async throws {
        try await PostgresFixture.withServer { postgres in
            let settings = try await postgres.makeDatabase()
            try await ServeProcess.withSimulatedDevices(Self.scenarios, prefix: prefix, copies: Self.copies) { first in
                let workers = try (1...3).map { index in
                    try ServeProcess(folder: first.folder.appendingPathComponent("worker-\(index)"), inventory: first.inventory,
                                     concurrency: 4, jobLease: 5, workerID: "pg-worker-\(index)", creatingFolder: true,
                                     postgres: settings)
                }
                try await body(workers, postgres)
            }
        }
    }

    /// Posts `count` escalations round-robin over the devices and the workers; a worker that is
    /// down or answers 503 gets the same escalation again (the ticket makes one job however often).
    private static func escalate(_ count: Int, over workers: [ServeProcess], into accepted: Accepted, prefix: String) async throws {
        for index in 0..<count {
            let body = ServeProcess.escalation(ticket: "\(prefix)\(index)", device: devices[index % devices.count])
            var attempt = 0
            while true {
                attempt += 1
                let worker = workers[(index + attempt) % workers.count]
                let answer = try? await worker.escalate(body)
                if let answer, answer.status == 202 || answer.status == 200, let id = try answer.json()["id"] as? String {
                    accepted.add(id)
                    break
                }
                if let answer, answer.status == 503 { accepted.refused() } else if let answer { accepted.other("\(answer.status) \(answer.text)") }
                guard attempt < 600 else { throw EscalationRefused(body: body) }
                try await Task.sleep(for: .milliseconds(200))
            }
        }
    }

    struct EscalationRefused: Error, CustomStringConvertible {
        let body: String
        var description: String { "no worker took \(body) in 600 tries" }
    }

    private static func expectAllDone(_ ids: [String], on worker: ServeProcess) async throws {
        for id in ids {
            let job = try await worker.finishedJob(id, within: .seconds(600))
            #expect(job["state"] as? String == "done", "\(job)")
        }
    }

    /// Through the CLI on the same database: one order per replace job, one ticket per escalate
    /// job, one diagnosis per escalated ticket, nothing left running.
    private static func expectExactlyOnce(_ ids: [String], workers: [ServeProcess]) async throws {
        #expect(Set(ids).count == ids.count)
        var verdicts: [String: Int] = [:]
        _ = try await workers[0].run { _ in
            for id in ids {
                let job = try await workers[0].get("/v1/jobs/\(id)").json()
                #expect(job["state"] as? String == "done", "\(job)")
                verdicts[job["verdict"] as? String ?? "none", default: 0] += 1
            }
            let metrics = try await workers[0].get("/metrics", authorized: false).text
            #expect(metrics.contains(#"triage_jobs{state="running"} 0"#), "no job held by a dead worker's lease: \(metrics)")
        }
        let config = ["--config", workers[0].config]
        let orders = try await Self.json(["orders", "list", "--json"] + config) as? [Any]
        let tickets = try await Self.json(["tickets", "list", "--json"] + config) as? [Any]
        #expect(orders?.count == verdicts["replace", default: 0], "one order per replace job: \(verdicts)")
        #expect(tickets?.count == verdicts["escalate", default: 0], "one ticket per escalate job: \(verdicts)")
        for device in devices {
            let history = try await Self.json(["history", device, "--json"] + config) as? [[String: Any]] ?? []
            let origins = history.compactMap { $0["originTicket"] as? String }
            #expect(origins.count == Set(origins).count, "\(device): one diagnosis per ticket")
            #expect(history.allSatisfy { $0["verdict"] as? String == expectedVerdict(device) }, "\(device): \(history)")
        }
    }

    private static func json(_ arguments: [String]) async throws -> Any {
        let run = try await CommandRunner.run(TriageExecutable.path, arguments)
        return try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
    }

    /// Polls the worker's /metrics until `condition` holds: a hang guard, not a timing.
    private static func waitUntil(_ what: String, _ worker: ServeProcess, within limit: Duration,
                                  _ condition: (String) -> Bool) async throws {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if let metrics = try? await worker.get("/metrics", authorized: false).text, condition(metrics) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("\(what) did not happen within \(limit)")
    }

    /// The sum of a metric's samples whose line starts with `name`.
    static func value(_ metrics: String, _ name: String) -> Double {
        metrics.split(separator: "\n").filter { $0.hasPrefix(name) }.compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }
            .reduce(0, +)
    }
}
