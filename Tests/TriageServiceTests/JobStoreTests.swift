import Foundation
import Testing
import TriageCore
import TriageStore
import TriageTestSupport

/// The store's jobs (TriageStore/Jobs) on a real SQLite file: one job per ticket however often and
/// however concurrently it is delivered, claims in order with one running job per device, and a
/// job ended only by the worker that holds it. Leases and sweeps: JobLeaseTests.
@Suite("The store's escalation jobs")
struct JobStoreTests {
    @Test("Twenty deliveries of one ticket at once make one job")
    func oneJobPerTicket() async throws {
        try await Self.withStore { store in
            let ticket = TicketReference(system: "rt", id: "42", url: "https://rt.example/Ticket/Display.html?id=42")
            let submissions = try await withThrowingTaskGroup(of: JobSubmission.self) { group in
                for _ in 0..<20 { group.addTask { try await store.submitJob(ticket: ticket, deviceID: "cpe-1", source: .rt, now: Date()) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(submissions.map(\.job.id)).count == 1)
            #expect(submissions.filter(\.created).count == 1)
            let job = try #require(try await store.job(id: submissions[0].job.id))
            #expect(job.ticket == ticket && job.source == .rt && job.state == .queued && job.attempts == 0)
            #expect(try await store.jobCounts()[.queued] == 1)
        }
    }

    @Test("Claims take the oldest queued job whose device has none running; ending a job takes the worker that holds it")
    func claims() async throws {
        try await Self.withStore { store in
            let now = Date()
            let a1 = try await store.submitJob(ticket: .init(system: "crm", id: "1"), deviceID: "a", source: .http, now: now).job
            let a2 = try await store.submitJob(ticket: .init(system: "crm", id: "2"), deviceID: "a", source: .http, now: now).job
            let b1 = try await store.submitJob(ticket: .init(system: "crm", id: "3"), deviceID: "b", source: .http, now: now).job
            let first = try #require(try await store.claimNextJob(worker: "w1", lease: 60, now: now))
            #expect(first.id == a1.id && first.state == .running && first.attempts == 1 && first.worker == "w1")
            #expect(first.leaseExpiresAt == now.addingTimeInterval(60) || abs((first.leaseExpiresAt ?? .distantPast).timeIntervalSince(now) - 60) < 0.01)
            let second = try #require(try await store.claimNextJob(worker: "w2", lease: 60, now: now))
            #expect(second.id == b1.id, "a's second job waits while a's first runs")
            #expect(try await store.claimNextJob(worker: "w3", lease: 60, now: now) == nil)

            #expect(try await store.finishJob(id: a1.id, worker: "w2", diagnosisID: "d-x", verdict: "healthy", now: now) == false,
                    "w2 does not hold a1")
            #expect(try await store.finishJob(id: a1.id, worker: "w1", diagnosisID: "d-1", verdict: "replace", now: now))
            #expect(try await store.finishJob(id: a1.id, worker: "w1", diagnosisID: "d-2", verdict: "replace", now: now) == false,
                    "a job ends once")
            let third = try #require(try await store.claimNextJob(worker: "w1", lease: 60, now: now))
            #expect(third.id == a2.id)
            #expect(try await store.failJob(id: b1.id, worker: "w2", error: "name did not resolve", now: now))

            #expect(try await store.releaseJob(id: a2.id, worker: "w3") == false)
            #expect(try await store.releaseJob(id: a2.id, worker: "w1"))
            let again = try #require(try await store.claimNextJob(worker: "w2", lease: 60, now: now))
            #expect(again.id == a2.id && again.attempts == 2 && again.worker == "w2")
            #expect(try await store.releaseJob(id: a2.id, worker: "w2"))
            let counts = try await store.jobCounts()
            #expect(counts[.queued] == 1 && counts[.done] == 1 && counts[.failed] == 1 && counts[.running] == 0)
            let done = try #require(try await store.job(id: a1.id))
            #expect(done.verdict == "replace" && done.diagnosisID == "d-1" && done.finishedAt != nil && done.worker == "w1")
            #expect(try await store.job(id: b1.id)?.lastError == "name did not resolve")
        }
    }

    static func withStore(_ body: (AppDatabase) async throws -> Void) async throws {
        let folder = try TemporaryDirectory(prefix: "triage-jobs")
        defer { folder.remove() }
        try await body(try await AppDatabase.open(path: folder.url.appendingPathComponent("triage.sqlite").path))
    }
}
