import Foundation
import Testing
import TriageCore
import TriageStore
import TriageTestSupport

/// Issue 15: the shared queue's leases and sweeps on a real SQLite file. A lease that expired lets
/// another worker take the job; the worker that lost it can neither renew nor end it; a live
/// lease keeps the device's other jobs waiting; a sweep makes one job per device and reports its
/// progress.
@Suite("The job queue's leases and sweeps")
struct JobLeaseTests {
    @Test("A job whose lease expired goes to another worker; the stale worker can neither renew nor finish it")
    func leaseExpiry() async throws {
        try await JobStoreTests.withStore { store in
            let start = Date()
            let job = try await store.submitJob(ticket: .init(system: "crm", id: "L1"), deviceID: "a", source: .http, now: start).job
            let held = try #require(try await store.claimNextJob(worker: "w1", lease: 5, now: start))
            #expect(held.id == job.id)
            #expect(try await store.claimNextJob(worker: "w2", lease: 5, now: start.addingTimeInterval(4)) == nil, "the lease is live")
            #expect(try await store.renewJobLease(id: job.id, worker: "w1", lease: 5, now: start.addingTimeInterval(4)))
            #expect(try await store.claimNextJob(worker: "w2", lease: 5, now: start.addingTimeInterval(8)) == nil,
                    "renewed at 4 s, the lease runs to 9 s")

            let taken = try #require(try await store.claimNextJob(worker: "w2", lease: 5, now: start.addingTimeInterval(10)))
            #expect(taken.id == job.id && taken.worker == "w2" && taken.attempts == 2)
            #expect(try await store.renewJobLease(id: job.id, worker: "w1", lease: 5, now: start.addingTimeInterval(11)) == false)
            #expect(try await store.finishJob(id: job.id, worker: "w1", diagnosisID: "stale", verdict: "replace",
                                              now: start.addingTimeInterval(11)) == false)
            #expect(try await store.failJob(id: job.id, worker: "w1", error: "stale", now: start.addingTimeInterval(11)) == false)
            #expect(try await store.releaseJob(id: job.id, worker: "w1") == false)
            #expect(try await store.finishJob(id: job.id, worker: "w2", diagnosisID: "d-2", verdict: "healthy",
                                              now: start.addingTimeInterval(12)))
            let done = try #require(try await store.job(id: job.id))
            #expect(done.state == .done && done.diagnosisID == "d-2" && done.worker == "w2" && done.leaseExpiresAt == nil)
        }
    }

    @Test("A live lease holds the device: its next job waits, other devices' jobs go to other workers")
    func onePerDevice() async throws {
        try await JobStoreTests.withStore { store in
            let now = Date()
            let a1 = try await store.submitJob(ticket: .init(system: "crm", id: "1"), deviceID: "a", source: .http, now: now).job
            let a2 = try await store.submitJob(ticket: .init(system: "crm", id: "2"), deviceID: "a", source: .http, now: now).job
            let b1 = try await store.submitJob(ticket: .init(system: "crm", id: "3"), deviceID: "b", source: .http, now: now).job
            #expect(try await store.claimNextJob(worker: "w1", lease: 30, now: now)?.id == a1.id)
            #expect(try await store.claimNextJob(worker: "w2", lease: 30, now: now)?.id == b1.id)
            #expect(try await store.claimNextJob(worker: "w3", lease: 30, now: now) == nil)
            // a1's worker died: once its lease expired, a1 itself runs again before a2 (oldest first),
            // and a2 still waits behind it.
            let later = now.addingTimeInterval(31)
            #expect(try await store.renewJobLease(id: b1.id, worker: "w2", lease: 60, now: now.addingTimeInterval(20)))
            #expect(try await store.claimNextJob(worker: "w3", lease: 30, now: later)?.id == a1.id)
            #expect(try await store.claimNextJob(worker: "w4", lease: 30, now: later) == nil, "a2 waits for a1, b1 is renewed")
            #expect(try await store.finishJob(id: a1.id, worker: "w3", diagnosisID: "d", verdict: "healthy", now: later))
            #expect(try await store.claimNextJob(worker: "w4", lease: 30, now: later)?.id == a2.id)
        }
    }

    @Test("Many workers claiming at once never take one job twice nor run one device twice")
    func concurrentClaims() async throws {
        try await JobStoreTests.withStore { store in
            let now = Date()
            for index in 0..<40 {
                _ = try await store.submitJob(ticket: .init(system: "crm", id: "C\(index)"), deviceID: "d\(index % 10)",
                                              source: .http, now: now)
            }
            let claimed = try await withThrowingTaskGroup(of: [EscalationJob].self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        var mine: [EscalationJob] = []
                        while let job = try await store.claimNextJob(worker: "w\(worker)", lease: 60, now: now) { mine.append(job) }
                        return mine
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(claimed.count == 10, "one running job per device: \(claimed.map(\.deviceID))")
            #expect(Set(claimed.map(\.id)).count == claimed.count)
            #expect(Set(claimed.map(\.deviceID)).count == 10)
        }
    }

    @Test("A sweep queues one job per distinct device, without an originating ticket, and reports its progress")
    func sweep() async throws {
        try await JobStoreTests.withStore { store in
            let now = Date()
            let sweep = try await store.enqueueSweep(deviceIDs: ["a", "b", "a", "c"], requestedBy: "alice", now: now)
            #expect(sweep.jobCount == 3 && sweep.requestedBy == "alice")
            var progress = try #require(try await store.sweepProgress(id: sweep.id))
            #expect(progress[.queued] == 3 && progress.finished == 0 && !progress.isComplete)
            var jobs: [EscalationJob] = []
            while let job = try await store.claimNextJob(worker: "w1", lease: 60, now: now) { jobs.append(job) }
            #expect(jobs.map(\.deviceID) == ["a", "b", "c"])
            #expect(jobs.allSatisfy { $0.source == .sweep && $0.sweepID == sweep.id && $0.originTicket == nil })
            #expect(try await store.finishJob(id: jobs[0].id, worker: "w1", diagnosisID: "d-a", verdict: "replace", now: now))
            #expect(try await store.finishJob(id: jobs[1].id, worker: "w1", diagnosisID: "d-b", verdict: "healthy", now: now))
            progress = try #require(try await store.sweepProgress(id: sweep.id))
            #expect(progress[.done] == 2 && progress[.running] == 1 && !progress.isComplete)
            #expect(try await store.failJob(id: jobs[2].id, worker: "w1", error: "device c is no longer in the inventory", now: now))
            progress = try #require(try await store.sweepProgress(id: sweep.id))
            #expect(progress.isComplete)
            #expect(progress.verdicts == ["replace": 1, "healthy": 1])
            #expect(progress.failures == [.init(deviceID: "c", reason: "device c is no longer in the inventory")])
            #expect(try await store.sweepProgress(id: UUID()) == nil)
            let second = try await store.enqueueSweep(deviceIDs: ["a"], requestedBy: "alice", now: now)
            #expect(second.id != sweep.id && second.jobCount == 1, "a second sweep of the same device queues it again")
        }
    }
}
