import Foundation
import Testing
import TriageActions
import TriageCore
import TriageStore
import TriageTestSupport

@Suite("Webhook sink")
struct WebhookSinkTests {
    static let secret = "s3cr3t-for-tests"

    static func sink(_ url: URL, in folder: TemporaryDirectory, attempts: Int = 3, timeout: TimeInterval = 5,
                     deadline: TimeInterval = 60) throws -> SinkConfiguration {
        let secretFile = folder.url.appendingPathComponent("webhook.secret").path
        try (secret + "\n").write(toFile: secretFile, atomically: true, encoding: .utf8)
        return .webhook(WebhookConfiguration(url: url, secret: .file(secretFile), attempts: attempts, timeout: timeout, backoff: 0.05,
                                             deadline: deadline))
    }

    @Test("Signed JSON POST with an idempotency key; failures are retried with backoff in the same run")
    func signedAndRetried() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-webhook")
        defer { folder.remove() }
        let receiver = try await WebhookReceiver.start(.init(failFirst: 2))
        let database = try await StoreTestPaths.database(in: folder)
        let recorder = StoreTestPaths.recorder(database, sink: try Self.sink(receiver.url, in: folder))
        let recorded = try await recorder.record(SampleDiagnoses.make(.replace, originTicket: "5001"), outcome: nil, act: true)

        let report = await recorder.deliverPending()
        try await receiver.shutdown()
        #expect(report.delivered == 1 && report.failed == 0)
        let requests = receiver.requests
        #expect(requests.count == 3, "two 503s, then success")
        let key = try #require(recorded.action?.idempotencyKey)
        for request in requests {
            let signature = try #require(request.headers["x-triage-signature"])
            #expect(WebhookSignature.verify(request.body, signature: signature, secret: Self.secret))
            #expect(!WebhookSignature.verify(request.body, signature: signature, secret: "wrong"))
            #expect(request.headers["idempotency-key"] == key)
        }
        #expect(receiver.created == [key])
        let body = try JSONSerialization.jsonObject(with: requests[0].body) as? [String: Any]
        #expect(body?["type"] as? String == "order")
        #expect((body?["evidence"] as? [Any])?.count == SampleDiagnoses.sections.count)
        #expect(try await database.outbox().isEmpty)
    }

    @Test("A lost reply is retried on the next run; the receiver's key check keeps it to one order")
    func lostReply() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-webhook")
        defer { folder.remove() }
        let receiver = try await WebhookReceiver.start(.init(loseRepliesFirst: 1))
        let database = try await StoreTestPaths.database(in: folder)
        let recorder = StoreTestPaths.recorder(database, sink: try Self.sink(receiver.url, in: folder, attempts: 1))
        let diagnosis = SampleDiagnoses.make(.escalate, originTicket: "5002")
        _ = try await recorder.record(diagnosis, outcome: nil, act: true)

        let first = await recorder.deliverPending()
        #expect(first.failed == 1)
        let pending = try #require(try await database.outbox().first)
        #expect(pending.lastError?.contains("answered 500") == true && pending.attempts == 1)
        #expect(pending.nextAttemptAt > Date(), "the next try waits for its backoff")
        #expect(await recorder.deliverPending().items.isEmpty, "not due yet")

        let second = await recorder.deliverPending(ignoringSchedule: true)
        #expect(second.delivered == 1)
        // The same diagnosis again: nothing new to send.
        _ = try await recorder.record(diagnosis, outcome: nil, act: true)
        #expect(await recorder.deliverPending(ignoringSchedule: true).items.isEmpty)
        try await receiver.shutdown()
        #expect(receiver.requests.count == 2)
        #expect(receiver.created.count == 1)
    }

    @Test("A receiver that is down delays delivery; nothing is lost, and it arrives once it is up")
    func receiverDown() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-webhook")
        defer { folder.remove() }
        let port = try TestNetwork.freePort()
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/orders"))
        let database = try await StoreTestPaths.database(in: folder)
        let recorder = StoreTestPaths.recorder(database, sink: try Self.sink(url, in: folder, attempts: 2))
        _ = try await recorder.record(SampleDiagnoses.make(.replace), outcome: nil, act: true)
        #expect(await recorder.deliverPending().failed == 1)
        #expect(try await database.outbox().first?.lastError?.contains("down or unreachable") == true)

        let receiver = try await WebhookReceiver.start(port: port)
        #expect(await recorder.deliverPending(ignoringSchedule: true).delivered == 1)
        try await receiver.shutdown()
        #expect(receiver.created.count == 1)
        #expect(try await database.outbox().isEmpty)
    }
}
