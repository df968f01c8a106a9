import Foundation
import Testing
import TriageActions
import TriageCore
import TriageStore
import TriageTestSupport

/// Against a real Request Tracker 5 on loopback (Debian's packages, installed by scripts/install-deps).
@Suite("Request Tracker sink")
struct RequestTrackerSinkTests {
    /// A 60 s request timeout instead of the default 15 s: RT (Perl, SQLite) on a starved test
    /// machine once took longer than 15 s to create a ticket.
    static func sink(_ rt: RequestTrackerFixture) -> SinkConfiguration {
        .requestTracker(RequestTrackerConfiguration(
            url: rt.baseURL, queue: RequestTrackerFixture.thirdLevelQueue, orderQueue: RequestTrackerFixture.orderQueue,
            token: .file(rt.tokenFile), timeout: 60))
    }

    @Test("replace and escalate each open exactly one RT ticket with the evidence; repeating them opens none")
    func onePerVerdict() async throws {
        let rt = try await RequestTrackerFixture.prepare()
        defer { rt.remove() }
        let folder = try TemporaryDirectory(prefix: "triage-rt-store")
        defer { folder.remove() }
        try await rt.serve { () async throws in
            let origin = try await rt.createTicket(subject: "No WLAN, all LEDs lit")
            let database = try await StoreTestPaths.database(in: folder)
            let recorder = StoreTestPaths.recorder(database, sink: Self.sink(rt))
            let replace = try await recorder.record(SampleDiagnoses.make(.replace, device: "cpe-rt-1", originTicket: "rt#\(origin)"), outcome: nil, act: true)
            let escalate = try await recorder.record(SampleDiagnoses.make(.escalate, device: "cpe-rt-2", originTicket: "\(origin)"), outcome: nil, act: true)
            let report = await recorder.deliverPending()
            #expect(report.delivered == 2, "\(report.items.compactMap(\.error))")

            for (recorded, queue) in [(replace, RequestTrackerFixture.orderQueue), (escalate, RequestTrackerFixture.thirdLevelQueue)] {
                let key = try #require(recorded.action?.idempotencyKey)
                let found = try await rt.tickets(subjectContaining: key)
                #expect(found.count == 1, "one ticket for \(key)")
                let ticket = try #require(found.first)
                let details = try JSONSerialization.jsonObject(with: try await rt.get("ticket/\(ticket)")) as? [String: Any]
                let queueID = (details?["Queue"] as? [String: Any])?["id"] as? String
                let queueInfo = try JSONSerialization.jsonObject(with: try await rt.get("queue/\(queueID ?? "0")")) as? [String: Any]
                #expect(queueInfo?["Name"] as? String == queue)
                let attachments = String(decoding: try await rt.get("ticket/\(ticket)/attachments?fields=Filename,Content"), as: UTF8.self)
                #expect(attachments.contains("evidence-cpe-rt-"))
                // REST 2.0 lists a text attachment's content as text.
                #expect(Self.contentOfEvidence(attachments)?.contains("could not probe fw") == true, "the raw sections are attached")
            }
            let comments = String(decoding: try await rt.get("ticket/\(origin)/history?fields=Type"), as: UTF8.self)
            #expect(comments.components(separatedBy: "\"Comment\"").count - 1 == 2, "one comment per action on the originating ticket")

            // The same diagnoses again: the outbox already has their keys, nothing is sent.
            _ = try await recorder.record(SampleDiagnoses.make(.replace, device: "cpe-rt-1", originTicket: "rt#\(origin)"), outcome: nil, act: true)
            #expect(await recorder.deliverPending(ignoringSchedule: true).items.isEmpty)

            // A store that lost everything (a lost reply, a restored backup): the lookup by key finds the tickets.
            let amnesiac = StoreTestPaths.recorder(try await StoreTestPaths.database(in: folder, name: "fresh.sqlite"), sink: Self.sink(rt))
            _ = try await amnesiac.record(SampleDiagnoses.make(.escalate, device: "cpe-rt-2", originTicket: "\(origin)"), outcome: nil, act: true)
            let recovered = await amnesiac.deliverPending()
            let existing = try await rt.tickets(subjectContaining: escalate.action?.idempotencyKey ?? "?").first ?? -1
            #expect(recovered.items.first?.reference == "rt:#\(existing)")
            for key in [replace.action?.idempotencyKey, escalate.action?.idempotencyKey].compactMap(\.self) {
                #expect(try await rt.tickets(subjectContaining: key).count == 1)
            }
            let afterRecovery = String(decoding: try await rt.get("ticket/\(origin)/history?fields=Type"), as: UTF8.self)
            #expect(afterRecovery.components(separatedBy: "\"Comment\"").count - 1 == 2,
                    "the recovered delivery finds its comment on the originating ticket instead of posting it again")
        }
    }

    @Test("RT down during delivery: the ticket waits in the outbox, and arrives once when RT is back")
    func downThenUp() async throws {
        let rt = try await RequestTrackerFixture.prepare()
        defer { rt.remove() }
        let folder = try TemporaryDirectory(prefix: "triage-rt-store")
        defer { folder.remove() }
        let database = try await StoreTestPaths.database(in: folder)
        let recorder = StoreTestPaths.recorder(database, sink: Self.sink(rt))
        let recorded = try await recorder.record(SampleDiagnoses.make(.escalate, device: "cpe-rt-down"), outcome: nil, act: true)
        let key = try #require(recorded.action?.idempotencyKey)

        #expect(await recorder.deliverPending().failed == 1)
        let pending = try #require(try await database.outbox().first)
        #expect(pending.lastError?.contains("down or unreachable") == true)

        try await rt.serve { () async throws in
            #expect(try await rt.tickets(subjectContaining: key).isEmpty)
            #expect(await recorder.deliverPending(ignoringSchedule: true).delivered == 1)
            #expect(await recorder.deliverPending(ignoringSchedule: true).items.isEmpty)
            #expect(try await rt.tickets(subjectContaining: key).count == 1)
        }
        #expect(try await database.outbox().isEmpty)
    }

    /// The `Content` of the evidence attachment in an attachments listing.
    static func contentOfEvidence(_ listing: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(listing.utf8)) as? [String: Any],
              let items = object["items"] as? [[String: Any]] else { return nil }
        return items.first { ($0["Filename"] as? String)?.hasPrefix("evidence-") == true }?["Content"] as? String
    }
}
