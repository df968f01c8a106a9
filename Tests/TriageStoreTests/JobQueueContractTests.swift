import Foundation
import Testing
import TriageCore
import TriageStore
import TriageTestSupport

/// The job queue's contract (issue 15), on SQLite and PostgreSQL alike: one job per ticket, claims
/// in order, one live job per device, leases that expire to another worker, and a job ended only
/// by the worker holding it.
@Suite("The job queue's contract, on SQLite and PostgreSQL")
struct JobQueueContractTests {
    static let start = StoreContractSamples.start

    private func submit(_ store: any RecordStore, ticket: String, device: String, at offset: TimeInterval) async throws -> EscalationJob {
        try await store.submitJob(ticket: TicketReference(system: "rt", id: ticket), deviceID: device, source: .rt,
                                  now: Self.start.addingTimeInterval(offset)).job
    }

    @Test("A ticket submitted twice makes one job", arguments: StoreBackend.allCases)
    func submitTwice(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            let ticket = TicketReference(system: "rt", id: "4711", url: "https://rt.example/4711")
            let first = try await store.submitJob(ticket: ticket, deviceID: "cpe-1", source: .rt, now: Self.start)
            let second = try await store.submitJob(ticket: ticket, deviceID: "cpe-1", source: .http, now: Self.start.addingTimeInterval(5))
            #expect(first.created && !second.created)
            #expect(second.job == first.job && first.job.ticket == ticket && first.job.state == .queued)
            #expect(try await store.job(id: first.job.id) == first.job)
            #expect(try await store.jobCounts()[.queued] == 1)
        }
    }

    @Test("Claims go oldest first, one live job per device; only the holder ends a job", arguments: StoreBackend.allCases)
    func claimOrderAndHolder(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            let a = try await submit(store, ticket: "1", device: "cpe-1", at: 0)
            let b = try await submit(store, ticket: "2", device: "cpe-2", at: 1)
            let c = try await submit(store, ticket: "3", device: "cpe-1", at: 2)
            let now = Self.start.addingTimeInterval(10)
            let first = try #require(try await store.claimNextJob(worker: "w1", lease: 60, now: now))
            #expect(first.id == a.id && first.state == .running && first.worker == "w1" && first.attempts == 1)
            #expect(first.leaseExpiresAt == now.addingTimeInterval(60) && first.startedAt == now)
            #expect(try await store.claimNextJob(worker: "w2", lease: 60, now: now)?.id == b.id)
            #expect(try await store.claimNextJob(worker: "w3", lease: 60, now: now) == nil, "cpe-1 already runs a job")
            #expect(try await !store.finishJob(id: a.id, worker: "w2", diagnosisID: "d", verdict: "healthy", now: now))
            #expect(try await store.finishJob(id: a.id, worker: "w1", diagnosisID: "d-1", verdict: "replace", now: now))
            #expect(try await !store.finishJob(id: a.id, worker: "w1", diagnosisID: "d-2", verdict: "healthy", now: now),
                    "a job completes once")
            let done = try #require(try await store.job(id: a.id))
            #expect(done.state == .done && done.diagnosisID == "d-1" && done.verdict == "replace" && done.finishedAt == now)
            #expect(try await store.claimNextJob(worker: "w3", lease: 60, now: now)?.id == c.id)
            #expect(try await store.failJob(id: c.id, worker: "w3", error: "inventory unreadable", now: now))
            #expect(try await store.job(id: c.id)?.lastError == "inventory unreadable")
            let counts = try await store.jobCounts()
            #expect(counts[.done] == 1 && counts[.failed] == 1 && counts[.running] == 1 && counts[.queued] == 0)
        }
    }

    @Test("A lease that expires lets another worker take the job; the first has lost it", arguments: StoreBackend.allCases)
    func leaseExpiry(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            let job = try await submit(store, ticket: "9", device: "cpe-9", at: 0)
            let claimed = try #require(try await store.claimNextJob(worker: "w1", lease: 30, now: Self.start))
            #expect(claimed.id == job.id)
            #expect(try await store.renewJobLease(id: job.id, worker: "w1", lease: 30, now: Self.start.addingTimeInterval(20)))
            #expect(try await store.claimNextJob(worker: "w2", lease: 30, now: Self.start.addingTimeInterval(40)) == nil,
                    "the renewed lease is live until 50 s")
            let later = Self.start.addingTimeInterval(51)
            let taken = try #require(try await store.claimNextJob(worker: "w2", lease: 30, now: later))
            #expect(taken.id == job.id && taken.worker == "w2" && taken.attempts == 2)
            #expect(try await !store.renewJobLease(id: job.id, worker: "w1", lease: 30, now: later))
            #expect(try await !store.finishJob(id: job.id, worker: "w1", diagnosisID: "late", verdict: "healthy", now: later))
            #expect(try await store.finishJob(id: job.id, worker: "w2", diagnosisID: "d", verdict: "healthy", now: later))
            #expect(try await store.job(id: job.id)?.diagnosisID == "d")
        }
    }

    @Test("A diagnosis for a job whose lease was lost is refused and nothing of it recorded; the new holder's is recorded",
          arguments: StoreBackend.allCases)
    func savingNeedsTheHold(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            let job = try await submit(store, ticket: "77", device: "cpe-77", at: 0)
            _ = try #require(try await store.claimNextJob(worker: "w1", lease: 30, now: Self.start))
            // w1 stalls past its lease; w2 takes the job.
            _ = try #require(try await store.claimNextJob(worker: "w2", lease: 30, now: Self.start.addingTimeInterval(31)))
            let late = StoreContractSamples.diagnosis(.replace, device: "cpe-77", ticket: "rt:77", at: 1)
            let current = StoreContractSamples.diagnosis(.replace, device: "cpe-77", ticket: "rt:77", at: 2)
            let results = await store.save(batch: [
                .diagnosis(late, audit: nil, action: StoreContractSamples.order(for: late), sink: "local",
                           heldJob: JobHold(jobID: job.id, worker: "w1")),
                .diagnosis(current, audit: nil, action: StoreContractSamples.order(for: current), sink: "local",
                           heldJob: JobHold(jobID: job.id, worker: "w2")),
            ], now: Self.start.addingTimeInterval(40))
            #expect(throws: JobHoldLost.self) { try results[0].get() }
            let saved = try #require(try results[1].get())
            let history = try await store.history(deviceID: "cpe-77")
            #expect(history.map(\.id) == [saved.diagnosisID], "one diagnosis: the holder's")
            #expect(try await store.orders().count == 1)
        }
    }

    @Test("A released job goes back to the queue; only its holder releases it", arguments: StoreBackend.allCases)
    func release(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            let job = try await submit(store, ticket: "5", device: "cpe-5", at: 0)
            _ = try await store.claimNextJob(worker: "w1", lease: 60, now: Self.start)
            #expect(try await !store.releaseJob(id: job.id, worker: "w2"))
            #expect(try await store.releaseJob(id: job.id, worker: "w1"))
            #expect(try await store.job(id: job.id)?.state == .queued)
            let again = try await store.claimNextJob(worker: "w2", lease: 60, now: Self.start.addingTimeInterval(1))
            #expect(again?.id == job.id && again?.attempts == 2)
        }
    }

    @Test("A sweep queues one job per device without a ticket of its own, and reports its progress", arguments: StoreBackend.allCases)
    func sweeps(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            let sweep = try await store.enqueueSweep(deviceIDs: ["cpe-a", "cpe-b", "cpe-a", "cpe-c"], requestedBy: "alice", now: Self.start)
            #expect(sweep.jobCount == 3 && sweep.requestedBy == "alice")
            let now = Self.start.addingTimeInterval(1)
            var claimed: [EscalationJob] = []
            while let job = try await store.claimNextJob(worker: "w1", lease: 60, now: now) { claimed.append(job) }
            #expect(claimed.map(\.deviceID) == ["cpe-a", "cpe-b", "cpe-c"], "in the order given, each device once")
            #expect(claimed.allSatisfy { $0.source == .sweep && $0.sweepID == sweep.id && $0.originTicket == nil })
            #expect(try await store.finishJob(id: claimed[0].id, worker: "w1", diagnosisID: "d", verdict: "healthy", now: now))
            #expect(try await store.failJob(id: claimed[1].id, worker: "w1", error: "no such device in the inventory", now: now))
            let progress = try #require(try await store.sweepProgress(id: sweep.id))
            #expect(progress.sweep == sweep)
            #expect(progress[.done] == 1 && progress[.failed] == 1 && progress[.running] == 1 && !progress.isComplete)
            #expect(progress.verdicts == ["healthy": 1])
            #expect(progress.failures == [SweepProgress.Failure(deviceID: "cpe-b", reason: "no such device in the inventory")])
            #expect(try await store.sweepProgress(id: UUID()) == nil)
            let second = try await store.enqueueSweep(deviceIDs: ["cpe-a"], requestedBy: "alice", now: now)
            #expect(second.id != sweep.id && second.jobCount == 1, "a second sweep queues its own jobs")
        }
    }
}
