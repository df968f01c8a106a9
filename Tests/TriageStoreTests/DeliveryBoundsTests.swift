import Foundation
import Testing
import TriageActions
import TriageCore
import TriageStore
import TriageTestSupport

/// Sinks that are slow, silent or flooding cost a delivery its deadline and 64 KiB, no more; the
/// entry stays pending with the reason. Real receivers on loopback. Time bounds are generous (the
/// test machine is shared): the point is that the delivery ends, not how fast.
@Suite("Delivery deadline and answer size", .timeLimit(.minutes(3)))
struct DeliveryBoundsTests {
    static func deliverOnce(to answer: WebhookReceiver.Answer, attempts: Int = 1, timeout: TimeInterval,
                            deadline: TimeInterval = 60) async throws -> (error: String, elapsed: Duration, requests: Int) {
        let folder = try TemporaryDirectory(prefix: "triage-bounds")
        defer { folder.remove() }
        let receiver = try await WebhookReceiver.start(.init(answer: answer))
        let sink = try WebhookSinkTests.sink(receiver.url, in: folder, attempts: attempts, timeout: timeout, deadline: deadline)
        let database = try await StoreTestPaths.database(in: folder)
        let recorder = StoreTestPaths.recorder(database, sink: sink)
        _ = try await recorder.record(SampleDiagnoses.make(.replace), outcome: nil, act: true)

        let start = ContinuousClock.now
        let report = await recorder.deliverPending()
        let elapsed = ContinuousClock.now - start
        try await receiver.shutdown()
        #expect(report.delivered == 0 && report.failed == 1 && report.stillPending == 1)
        let pending = try #require(try await database.outbox().first)
        return (pending.lastError ?? "", elapsed, receiver.requests.count)
    }

    @Test("An answer dripping one byte every 2 s ends at the request's deadline")
    func drip() async throws {
        let outcome = try await Self.deliverOnce(to: .drip(interval: .seconds(2), length: 1_000), timeout: 3)
        // The whole body would take 2000 s. Normally Triage's deadline ends it; in a test process
        // busy with hundreds of children, libcurl has once ended the stalled transfer itself first
        // ("select/poll returned error"). Either way it must end early and stay undelivered.
        let ended = outcome.error.contains("no complete answer within 3 s") || outcome.error.contains("select/poll")
        #expect(ended, "\(outcome.error)")
        // A hang guard, not a timing: the whole body would take 2000 s. Under CI's full load (a
        // 200-device sweep beside it) a 3 s deadline has been seen to end after 24 s.
        #expect(outcome.elapsed < .seconds(3 + 90))
    }

    @Test("A receiver that never answers ends at the request's deadline")
    func silent() async throws {
        let outcome = try await Self.deliverOnce(to: .never, timeout: 3)
        #expect(outcome.error.contains("no complete answer within 3 s"), "\(outcome.error)")
        // A hang guard, not a timing: the message above says which deadline ended it.
        #expect(outcome.elapsed < .seconds(3 + 90))
    }

    @Test("One deadline covers every try and pause of a delivery")
    func deadlineOverTries() async throws {
        // Five tries of 10 s each would take 50 s; the delivery's deadline ends it at 4.
        let outcome = try await Self.deliverOnce(to: .never, attempts: 5, timeout: 10, deadline: 4)
        #expect(outcome.error.contains("did not finish within its deadline of 4 s"), "\(outcome.error)")
        #expect(outcome.requests == 1)
        // A hang guard only: the message and the one request show the deadline ended it (a loaded
        // CI machine has resumed a 4 s deadline after 51 s).
        #expect(outcome.elapsed < .seconds(4 + 120))
    }

    @Test("A 2 GiB answer is not read: the attempt stops at 64 KiB and is not a delivery")
    func hugeBody() async throws {
        let outcome = try await Self.deliverOnce(to: .huge(length: 2 << 30), timeout: 120)
        #expect(outcome.error.contains("answered 200 with a body over 64 KiB"), "\(outcome.error)")
    }
}
