import ChildProcess
import Foundation
import Testing
import TriageStore
import TriageTestSupport

/// Issue 15, item 3: `triage sweep --enqueue` puts the devices into the queue, a `triage serve`
/// worker diagnoses them, and `triage sweep status` follows the sweep to its end; a second sweep of
/// the same faults opens no second order or ticket.
@Suite("triage sweep --enqueue and status, with a triage serve worker", .serialized)
struct DistributedSweepTests {
    static let expected = ["led-all-lit-phy-missing": "replace", "healthy-with-clients": "healthy", "transport-host-key-changed": "escalate"]

    @Test("An enqueued sweep is run by the worker; status says running (3), then complete (0) with the verdicts")
    func enqueuedSweep() async throws {
        try await ServeProcess.withSimulatedDevices(Self.expected.keys.sorted(), prefix: "triage-sweep-enqueue") { serve in
            let store = ["--inventory", serve.inventory, "--db", serve.database]
            let refused = try await Self.triage(["sweep", "--all", "--enqueue", "--no-act", "--json-lines", "x.jsonl"] + store)
            #expect(refused.status == 2 && refused.stderr.contains("--no-act, --json-lines"), "\(refused.stderr)")

            let first = try await Self.enqueue(store)
            let waiting = try await Self.triage(["sweep", "status", first, "--db", serve.database])
            #expect(waiting.status == 3, "nothing ran yet: \(waiting.stdout)\(waiting.stderr)")
            #expect(waiting.stdout.contains("0/3 finished (3 queued"), "\(waiting.stdout)")

            let (second, termination) = try await serve.run { _ in
                let watched = try await Self.triage(["sweep", "status", first, "--watch", "--db", serve.database])
                #expect(watched.status == 0, "\(watched.stdout)\(watched.stderr)")
                #expect(watched.stdout.contains("3/3 finished") && watched.stdout.contains(": complete"), "\(watched.stdout)")
                let again = try await Self.enqueue(store)
                _ = try await Self.triage(["sweep", "status", again, "--watch", "--db", serve.database])
                return again
            }
            #expect(termination == .exited(0))

            for id in [first, second] {
                let status = try await Self.triage(["sweep", "status", id, "--json", "--db", serve.database])
                #expect(status.status == 0, "\(status.stdout)\(status.stderr)")
                let document = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
                #expect(document["complete"] as? Bool == true && document["total"] as? Int == 3)
                #expect(document["verdicts"] as? [String: Int] == ["replace": 1, "healthy": 1, "escalate": 1], "\(document)")
                #expect((document["failures"] as? [Any])?.isEmpty == true)
                #expect(document["requested_by"] as? String == "sweep-tester")
            }
            let database = try await AppDatabase.open(path: serve.database)
            #expect(try await database.orders().count == 1, "the second sweep of the dead radio opened no second order")
            #expect(try await database.tickets().count == 1, "nor a second third-level ticket for the changed host key")
            for device in Self.expected.keys {
                let diagnoses = try await database.history(deviceID: device)
                #expect(diagnoses.count == 2, "\(device): one diagnosis per sweep")
                #expect(diagnoses.allSatisfy { $0.originTicket == nil && $0.requestedBy.hasPrefix("triage-serve sweep ") })
            }
        }
    }

    /// `triage sweep --all --enqueue`; returns the sweep's id.
    private static func enqueue(_ store: [String]) async throws -> String {
        let run = try await triage(["sweep", "--all", "--enqueue", "--requested-by", "sweep-tester"] + store)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("queued: 3 devices") && run.stdout.contains("triage sweep status "), "\(run.stdout)")
        let words = run.stdout.split(separator: " ")
        guard words.count > 1, UUID(uuidString: String(words[1])) != nil else {
            throw NoSweepID(output: run.stdout + run.stderr)
        }
        return String(words[1])
    }

    struct NoSweepID: Error, CustomStringConvertible {
        let output: String
        var description: String { "triage sweep --enqueue printed no sweep id: \(output)" }
    }

    static func triage(_ arguments: [String]) async throws -> CommandRunner.Output {
        try await CommandRunner.run(TriageExecutable.path, arguments, checked: false)
    }
}
