import Foundation
import Testing
import TriageActions
import TriageCore
import TriageStore
import TriageTestSupport

/// A sweep delivers thousands of entries at its end and needs their counts, not one item each.
@Suite("Delivery report")
struct DeliveryReportTests {
    @Test("Without keepingDelivered the report counts every entry and lists only the failures")
    func failuresOnly() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-report")
        defer { folder.remove() }
        // One try per delivery: the first entry's request fails, the other two are delivered.
        let receiver = try await WebhookReceiver.start(.init(failFirst: 1))
        let database = try await StoreTestPaths.database(in: folder)
        let recorder = StoreTestPaths.recorder(database, sink: try WebhookSinkTests.sink(receiver.url, in: folder, attempts: 1))
        for verdict in [Verdict.replace, .escalate, .replace] {
            _ = try await recorder.record(SampleDiagnoses.make(verdict), outcome: nil, act: true)
        }

        let report = await recorder.deliverPending(keepingDelivered: false)
        #expect(report.delivered == 2 && report.failed == 1 && report.stillPending == 1)
        #expect(report.items.count == 1)
        #expect(report.items.first?.error != nil && report.items.first?.reference == nil)

        // The default keeps every entry tried: the retried failure, now delivered.
        let again = await recorder.deliverPending(ignoringSchedule: true)
        try await receiver.shutdown()
        #expect(again.delivered == 1 && again.failed == 0 && again.items.count == 1)
        #expect(again.items.first?.reference != nil)
        #expect(again.items.first?.idempotencyKey == report.items.first?.idempotencyKey)
    }
}
