import Foundation
import Testing
import TriageActions
import TriageCore
import TriageStore
import TriageTestSupport

/// Sinks behind a redirect: a 3xx is never a delivery, and nothing (body, signature, RT token)
/// reaches the address it points to. Real receivers on loopback; the second one stands for the
/// other origin.
@Suite("Sinks refuse redirects")
struct SinkRedirectTests {
    @Test("A webhook answering 302 or 307 to another origin: that origin gets nothing, the entry stays pending and says why",
          arguments: [302, 307])
    func webhook(status: Int) async throws {
        let folder = try TemporaryDirectory(prefix: "triage-redirect")
        defer { folder.remove() }
        let elsewhere = try await WebhookReceiver.start()
        // The Location carries credentials too: they must not show in the error either.
        let location = elsewhere.origin.replacingOccurrences(of: "http://", with: "http://mallory:LOCATION-PASS@")
        let redirecting = try await WebhookReceiver.start(.init(answer: .redirect(status: status, location: location)))
        let database = try await StoreTestPaths.database(in: folder)
        let recorder = StoreTestPaths.recorder(database, sink: try WebhookSinkTests.sink(redirecting.url, in: folder, attempts: 1))
        _ = try await recorder.record(SampleDiagnoses.make(.replace, originTicket: "7001"), outcome: nil, act: true)

        let report = await recorder.deliverPending()
        try await redirecting.shutdown()
        try await elsewhere.shutdown()
        #expect(report.delivered == 0 && report.failed == 1)
        #expect(redirecting.requests.count == 1 && redirecting.requests.first?.method == "POST")
        #expect(elsewhere.requests.isEmpty, "no request, so neither the evidence nor the signature went to the other origin")
        let pending = try #require(try await database.outbox().first)
        let error = try #require(pending.lastError)
        #expect(error.contains("answered \(status)") && error.contains("to \(elsewhere.origin)/orders"), "\(error)")
        #expect(error.contains("set the URL to the final address"), "\(error)")
        #expect(!error.contains("LOCATION-PASS") && !error.contains("mallory"), "\(error)")
    }

    @Test("An RT URL that answers 307: the token goes nowhere else, and nothing counts as delivered")
    func requestTracker() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-redirect")
        defer { folder.remove() }
        let elsewhere = try await WebhookReceiver.start()
        let redirecting = try await WebhookReceiver.start(.init(answer: .redirect(status: 307, location: elsewhere.origin)))
        let tokenFile = folder.url.appendingPathComponent("rt.token").path
        try "rt-token-for-tests\n".write(toFile: tokenFile, atomically: true, encoding: .utf8)
        let sink = SinkConfiguration.requestTracker(RequestTrackerConfiguration(
            url: try #require(URL(string: redirecting.origin)), queue: "Third-Level", token: .file(tokenFile), timeout: 30))
        let database = try await StoreTestPaths.database(in: folder)
        let recorder = StoreTestPaths.recorder(database, sink: sink)
        _ = try await recorder.record(SampleDiagnoses.make(.escalate, originTicket: "rt#42"), outcome: nil, act: true)

        let report = await recorder.deliverPending()
        try await redirecting.shutdown()
        try await elsewhere.shutdown()
        #expect(report.delivered == 0 && report.failed == 1)
        #expect(redirecting.requests.first?.headers["authorization"] == "token rt-token-for-tests", "RT's own origin did get the token")
        #expect(elsewhere.requests.isEmpty, "the token never reached the other origin")
        let error = try #require(try await database.outbox().first?.lastError)
        #expect(error.contains("answered 307 Temporary Redirect to \(elsewhere.origin)/REST/2.0/tickets"), "\(error)")
    }

    @Test("Credentials in a sink URL built in code never reach the outbox's error text")
    func credentialsNotEchoed() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-redirect")
        defer { folder.remove() }
        let port = try TestNetwork.freePort()
        let url = try #require(URL(string: "http://admin:URL-PASS@127.0.0.1:\(port)/orders"))
        let database = try await StoreTestPaths.database(in: folder)
        let recorder = StoreTestPaths.recorder(database, sink: try WebhookSinkTests.sink(url, in: folder, attempts: 1))
        _ = try await recorder.record(SampleDiagnoses.make(.replace), outcome: nil, act: true)
        #expect(await recorder.deliverPending().failed == 1)
        let error = try #require(try await database.outbox().first?.lastError)
        #expect(error.contains("127.0.0.1:\(port)/orders") && !error.contains("URL-PASS") && !error.contains("admin"), "\(error)")
    }
}
