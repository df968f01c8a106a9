import Foundation
import Testing
import TriageCore
import TriageStore
import TriageTestSupport

/// The store's jobs (TriageStore/Jobs) on a real SQLite file: one job per ticket however often and
/// however concurrently it is delivered, claims in order with one running job per device, and
/// jobs a dead process left running back in the queue.
@Suite("The store's escalation jobs")
struct JobStoreTests {
    @Test("Twenty deliveries of one ticket at once make one job")
    func oneJobPerTicket() async throws {
        try await withStore { store in
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

    @Test("Claims take the oldest queued job whose device has none running; restart requeues running jobs")
    func claims() async throws {
        try await withStore { store in
            let a1 = try await store.submitJob(ticket: .init(system: "crm", id: "1"), deviceID: "a", source: .http, now: Date()).job
            let a2 = try await store.submitJob(ticket: .init(system: "crm", id: "2"), deviceID: "a", source: .http, now: Date()).job
            let b1 = try await store.submitJob(ticket: .init(system: "crm", id: "3"), deviceID: "b", source: .http, now: Date()).job
            let first = try #require(try await store.claimNextJob(now: Date()))
            #expect(first.id == a1.id && first.state == .running && first.attempts == 1)
            let second = try #require(try await store.claimNextJob(now: Date()))
            #expect(second.id == b1.id, "a's second job waits while a's first runs")
            #expect(try await store.claimNextJob(now: Date()) == nil)

            try await store.finishJob(id: a1.id, diagnosisID: "d-1", verdict: "replace", now: Date())
            let third = try #require(try await store.claimNextJob(now: Date()))
            #expect(third.id == a2.id)
            try await store.failJob(id: b1.id, error: "name did not resolve", now: Date())

            #expect(try await store.requeueRunningJobs() == 1)
            let again = try #require(try await store.claimNextJob(now: Date()))
            #expect(again.id == a2.id && again.attempts == 2)
            try await store.requeueJob(id: a2.id)
            let counts = try await store.jobCounts()
            #expect(counts[.queued] == 1 && counts[.done] == 1 && counts[.failed] == 1 && counts[.running] == 0)
            let done = try #require(try await store.job(id: a1.id))
            #expect(done.verdict == "replace" && done.diagnosisID == "d-1" && done.finishedAt != nil)
            #expect(try await store.job(id: b1.id)?.lastError == "name did not resolve")
        }
    }

    private func withStore(_ body: (AppDatabase) async throws -> Void) async throws {
        let folder = try TemporaryDirectory(prefix: "triage-jobs")
        defer { folder.remove() }
        try await body(try await AppDatabase.open(path: folder.url.appendingPathComponent("triage.sqlite").path))
    }
}
