import Foundation
import Testing
import TriageStore
import TriageTestSupport

/// Issue 13, end to end as it runs unattended: first level puts tickets in Request Tracker's
/// intake queue, `triage serve` takes them from there (no HTTP call at all), probes the simulated
/// routers, asks the line-state source about the one it cannot reach, comments on each ticket and
/// moves it to its verdict's queue. Real RT 5, real simulator, real HTTP line-state endpoint.
@Suite("triage serve answers escalated Request Tracker tickets", .serialized)
struct RequestTrackerServiceTests {
    typealias Fixture = RequestTrackerFixture

    @Test("dead radio: a comment and one order; changed host key: third level; unreachable on a line that is down: escalated, not replaced")
    func ticketsFromTheIntakeQueue() async throws {
        let rt = try await RequestTrackerFixture.prepare()
        defer { rt.remove() }
        let deadRadio = "led-all-lit-phy-missing", changedKey = "transport-host-key-changed", unreachable = "transport-unreachable"
        let lines = try await LineStateServer.start(.state("down"))
        try await ServeProcess.withSimulatedDevices([deadRadio, changedKey, unreachable], prefix: "triage-serve-rt") { serve in
            // The service's own section is ServeProcess'; RT as sink and intake, and the line state, are added here.
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: serve.config))
            handle.seekToEndOfFile()
            handle.write(Data("""

                sink: rt
                rt:
                  url: \(rt.baseURL.absoluteString)
                  queue: \(Fixture.thirdLevelQueue)
                  order_queue: \(Fixture.orderQueue)
                  token_file: \(rt.tokenFile)
                  timeout_seconds: 60
                  route_by_verdict:
                    escalate: \(Fixture.thirdLevelQueue)
                    replace: \(Fixture.firstLevelQueue)
                    healthy: \(Fixture.firstLevelQueue)
                  intake:
                    queue: \(Fixture.intakeQueue)
                    device_field: \(Fixture.deviceField)
                    needs_attention_queue: \(Fixture.firstLevelQueue)
                    poll_seconds: 1
                line_state:
                  http:
                    url: "\(lines.origin)/lines/{device}"
                  timeout_seconds: 10

                """.utf8))
            try handle.close()
            try await rt.serve { () async throws in
                var tickets: [String: Int] = [:]
                for device in [deadRadio, changedKey, unreachable] {
                    tickets[device] = try await rt.createTicket(
                        subject: "Customer: no WLAN (\(device))", queue: Fixture.intakeQueue, customFields: [Fixture.deviceField: device])
                }
                _ = try await serve.run { _ in
                    // A hang guard of minutes, not a timing: every ticket leaves the intake queue once answered.
                    let deadline = ContinuousClock.now + .seconds(420)
                    for (device, ticket) in tickets {
                        while try await rt.queueName(ofTicket: ticket) == Fixture.intakeQueue, ContinuousClock.now < deadline {
                            try await Task.sleep(for: .milliseconds(500))
                        }
                        #expect(try await rt.queueName(ofTicket: ticket) != Fixture.intakeQueue,
                                "rt#\(ticket) (\(device)) was never answered; log: \((try? String(contentsOfFile: serve.log, encoding: .utf8))?.suffix(3000) ?? "")")
                    }
                }
                #expect(try await rt.queueName(ofTicket: tickets[deadRadio] ?? -1) == Fixture.firstLevelQueue)
                #expect(try await rt.queueName(ofTicket: tickets[changedKey] ?? -1) == Fixture.thirdLevelQueue)
                #expect(try await rt.queueName(ofTicket: tickets[unreachable] ?? -1) == Fixture.thirdLevelQueue)
                for (device, ticket) in tickets {
                    let comments = try await rt.messages(onTicket: ticket).filter { $0.subject.hasPrefix("Triage:") }
                    #expect(comments.count == 1, "one diagnosis comment on rt#\(ticket) (\(device)): \(comments.map(\.subject))")
                }
                let deadRadioComment = try await rt.messages(onTicket: tickets[deadRadio] ?? -1).first { $0.subject.hasPrefix("Triage:") }
                #expect(deadRadioComment?.content.contains("Replacement order") == true, "\(deadRadioComment?.content ?? "no comment")")
            }
            let store = try await AppDatabase.open(path: serve.database)
            let orders = try await store.orders()
            #expect(orders.count == 1, "one replacement order, for the dead radio only: \(orders)")
            #expect(orders.first.map { "\($0)" }?.contains(deadRadio) == true)
            let thirdLevel = try await store.tickets().map { "\($0)" }
            #expect(thirdLevel.count == 2 && thirdLevel.contains { $0.contains(changedKey) } && thirdLevel.contains { $0.contains(unreachable) },
                    "\(thirdLevel)")
            #expect(lines.requests.count == 1 && lines.requests.first?.uri == "/lines/\(unreachable)",
                    "only the unreachable router's line is asked about: \(lines.requests.map(\.uri))")
        }
        try await lines.shutdown()
    }
}
