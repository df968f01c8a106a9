import Foundation
import Testing
import TriageActions
import TriageCore
import TriageStore
import TriageTestSupport

/// The answer on the escalated ticket, against a real Request Tracker 5: the RT sink's comment
/// with the diagnosis, then the move to the verdict's queue (`route_by_verdict`).
@Suite("Request Tracker answer and routing")
struct RequestTrackerRoutingTests {
    typealias Fixture = RequestTrackerFixture

    static func sink(_ rt: RequestTrackerFixture, routes: [Verdict: String]) -> SinkConfiguration {
        .requestTracker(RequestTrackerConfiguration(
            url: rt.baseURL, queue: Fixture.thirdLevelQueue, orderQueue: Fixture.orderQueue, token: .file(rt.tokenFile), timeout: 60,
            routeByVerdict: routes))
    }

    static let routes: [Verdict: String] = [.escalate: Fixture.thirdLevelQueue, .healthy: Fixture.firstLevelQueue, .replace: Fixture.orderQueue]

    /// The Triage comments on `ticket` (their subject carries an idempotency key).
    static func triageComments(_ rt: RequestTrackerFixture, _ ticket: Int) async throws -> [String] {
        try await rt.messages(onTicket: ticket).filter { $0.subject.hasPrefix("Triage: ") }.map(\.content)
    }

    @Test("escalate, healthy and replace: each ticket gets the diagnosis and moves to its verdict's queue, once")
    func routeByVerdict() async throws {
        let rt = try await RequestTrackerFixture.prepare()
        defer { rt.remove() }
        let folder = try TemporaryDirectory(prefix: "triage-rt-route")
        defer { folder.remove() }
        try await rt.serve { () async throws in
            var origins: [Verdict: Int] = [:]
            var recorded: [Verdict: RecordedDiagnosis] = [:]
            let database = try await StoreTestPaths.database(in: folder)
            let recorder = StoreTestPaths.recorder(database, sink: Self.sink(rt, routes: Self.routes))
            for verdict in [Verdict.escalate, .healthy, .replace] {
                let origin = try await rt.createTicket(subject: "Escalated: \(verdict)", queue: Fixture.intakeQueue,
                                                       customFields: [Fixture.deviceField: "cpe-\(verdict)"])
                origins[verdict] = origin
                recorded[verdict] = try await recorder.record(
                    SampleDiagnoses.make(verdict, device: "cpe-\(verdict)", originTicket: TicketReference(system: "rt", id: "\(origin)").originTicket),
                    outcome: nil, act: true)
            }
            let intake = RequestTrackerIntake(
                configuration: RequestTrackerConfiguration(url: rt.baseURL, queue: Fixture.thirdLevelQueue, token: .file(rt.tokenFile), timeout: 60),
                intake: RequestTrackerIntakeConfiguration(queue: Fixture.intakeQueue, deviceField: Fixture.deviceField,
                                                          needsAttentionQueue: Fixture.firstLevelQueue),
                logger: RecordingLogHandler().logger)
            #expect(try await intake.poll().count == 3, "the three wait in the intake queue until answered")
            let report = await recorder.deliverPending()
            #expect(report.delivered == 3, "\(report.items.compactMap(\.error))")
            #expect(try await intake.poll().isEmpty, "answered and routed, they leave the intake queue")

            for (verdict, queue) in Self.routes {
                let origin = try #require(origins[verdict])
                #expect(try await rt.queueName(ofTicket: origin) == queue, "\(verdict): rt#\(origin) moved to \(queue)")
                let comments = try await Self.triageComments(rt, origin)
                #expect(comments.count == 1, "\(verdict): one comment")
                let comment = comments.first ?? ""
                let diagnosisID = try #require(recorded[verdict]?.diagnosisID)
                #expect(comment.contains(diagnosisID), "\(verdict): the comment names the diagnosis")
                #expect(comment.contains(verdict.rawValue))
            }
            let escalated = try await Self.triageComments(rt, try #require(origins[.escalate])).first ?? ""
            let escalationKey = try #require(recorded[.escalate]?.action?.idempotencyKey)
            let orderKey = try #require(recorded[.replace]?.action?.idempotencyKey)
            let thirdLevel = try #require(try await rt.tickets(subjectContaining: escalationKey).first)
            #expect(escalated.contains("Cause: cpe-escalate: DSL line down on the network side"))
            #expect(escalated.contains("Third-level ticket opened as RT #\(thirdLevel): \(rt.baseURL.absoluteString)/Ticket/Display.html?id=\(thirdLevel)"))
            let replaced = try await Self.triageComments(rt, try #require(origins[.replace])).first ?? ""
            let orders = try await rt.tickets(subjectContaining: orderKey)
            #expect(orders.count == 1, "one order ticket")
            #expect(replaced.contains("Replacement order (RMA) opened as RT #\(orders.first ?? -1)"))
            #expect(replaced.contains("Cause: No radio"))
            #expect(try await rt.queueName(ofTicket: orders.first ?? -1) == Fixture.orderQueue)

            // A store that lost everything delivers the same answers again: no second comment,
            // no second order, the tickets stay where they are.
            let amnesiac = StoreTestPaths.recorder(try await StoreTestPaths.database(in: folder, name: "fresh.sqlite"),
                                                   sink: Self.sink(rt, routes: Self.routes))
            for (verdict, origin) in origins {
                _ = try await amnesiac.record(SampleDiagnoses.make(verdict, device: "cpe-\(verdict)", originTicket: "rt#\(origin)"),
                                              outcome: nil, act: true)
            }
            #expect(await amnesiac.deliverPending().delivered == 3)
            for (verdict, queue) in Self.routes {
                let origin = try #require(origins[verdict])
                #expect(try await Self.triageComments(rt, origin).count == 1, "\(verdict): redelivery comments once")
                #expect(try await rt.queueName(ofTicket: origin) == queue)
            }
            #expect(try await rt.tickets(subjectContaining: orderKey).count == 1)
        }
    }

    @Test("A move RT refuses is a delivery failure: the entry stays in the outbox with the reason, the comment is made once")
    func refusedMove() async throws {
        let rt = try await RequestTrackerFixture.prepare()
        defer { rt.remove() }
        let folder = try TemporaryDirectory(prefix: "triage-rt-route")
        defer { folder.remove() }
        try await rt.serve { () async throws in
            let origin = try await rt.createTicket(subject: "Radio off", queue: Fixture.intakeQueue)
            let database = try await StoreTestPaths.database(in: folder)
            let recorder = StoreTestPaths.recorder(database, sink: Self.sink(rt, routes: [.remediable: "No-Such-Queue"]))
            _ = try await recorder.record(SampleDiagnoses.make(.remediable, device: "cpe-radio", originTicket: "rt#\(origin)"),
                                          outcome: nil, act: true)
            #expect(await recorder.deliverPending().failed == 1)
            let pending = try #require(try await database.outbox().first)
            #expect(pending.lastError?.contains("could not be moved to queue 'No-Such-Queue'") == true, "\(pending.lastError ?? "")")
            #expect(await recorder.deliverPending(ignoringSchedule: true).failed == 1)
            #expect(try await Self.triageComments(rt, origin).count == 1, "the retry finds its comment")
            #expect(try await rt.queueName(ofTicket: origin) == Fixture.intakeQueue)
        }
    }
}
