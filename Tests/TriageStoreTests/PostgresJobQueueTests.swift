import Foundation
import Testing
import TriageCore
import TriageStore
import TriageStorePostgres
import TriageTestSupport

/// The shared job queue under contention: many workers claiming from one PostgreSQL at once.
@Suite("The PostgreSQL job queue under concurrent workers")
struct PostgresJobQueueTests {
    static let start = StoreContractSamples.start

    /// Every claimer claims until the queue gives it nothing, holding what it got.
    private func claimAll(_ store: PostgresStore, claimers: Int, lease: TimeInterval, now: Date) async throws -> [EscalationJob] {
        try await withThrowingTaskGroup(of: [EscalationJob].self) { group in
            for index in 0..<claimers {
                group.addTask {
                    var mine: [EscalationJob] = []
                    while let job = try await store.claimNextJob(worker: "w\(index)", lease: lease, now: now) { mine.append(job) }
                    return mine
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
    }

    @Test("20 claimers at once never get the same job, nor two jobs of one device")
    func concurrentClaims() async throws {
        try await PostgresFixture.withDatabase { settings in
            try await PostgresStore.withStore(settings, logger: StoreBackend.logger) { store in
                // 40 jobs on 10 devices, 4 each.
                for index in 0..<40 {
                    _ = try await store.submitJob(ticket: TicketReference(system: "rt", id: "\(index)"), deviceID: "cpe-\(index % 10)",
                                                  source: .rt, now: Self.start.addingTimeInterval(TimeInterval(index)))
                }
                let now = Self.start.addingTimeInterval(100)
                let first = try await claimAll(store, claimers: 20, lease: 60, now: now)
                #expect(first.count == 10, "one job per device while the leases are live")
                #expect(Set(first.map(\.deviceID)).count == 10)
                #expect(Set(first.map(\.ticket.id)) == Set((0..<10).map(String.init)), "each device's oldest job first")

                // The leases run out with no worker finishing: the next round takes the same jobs again, once each.
                let later = now.addingTimeInterval(61)
                let second = try await claimAll(store, claimers: 20, lease: 60, now: later)
                #expect(second.count == 10 && Set(second.map(\.deviceID)).count == 10)
                #expect(Set(second.map(\.id)) == Set(first.map(\.id)) && second.allSatisfy { $0.attempts == 2 })

                // Finished by their holders, the devices' next jobs follow.
                for job in second {
                    let finished = try await store.finishJob(id: job.id, worker: job.worker ?? "", diagnosisID: "d", verdict: "healthy", now: later)
                    #expect(finished)
                }
                let third = try await claimAll(store, claimers: 20, lease: 60, now: later)
                #expect(third.count == 10 && Set(third.map(\.deviceID)).count == 10)
                #expect(Set(third.map(\.id)).isDisjoint(with: Set(first.map(\.id))))
                #expect(try await store.jobCounts()[.done] == 10)
            }
        }
    }
}
