import Foundation
import Testing
import TriageActions
import TriageCore
import TriageTestSupport

/// The intake against a real Request Tracker 5 on loopback: tickets made in the intake queue the
/// way first level makes them, with and without the device custom field.
@Suite("Request Tracker intake")
struct RequestTrackerIntakeTests {
    typealias Fixture = RequestTrackerFixture

    static func intake(_ rt: RequestTrackerFixture, maxPerPoll: Int = 50, pollInterval: TimeInterval = 1) -> RequestTrackerIntakeConfiguration {
        RequestTrackerIntakeConfiguration(queue: Fixture.intakeQueue, deviceField: Fixture.deviceField, pollInterval: pollInterval,
                                          maxPerPoll: maxPerPoll, needsAttentionQueue: Fixture.firstLevelQueue)
    }

    static func configuration(_ rt: RequestTrackerFixture) -> RequestTrackerConfiguration {
        RequestTrackerConfiguration(url: rt.baseURL, queue: Fixture.thirdLevelQueue, orderQueue: Fixture.orderQueue,
                                    token: .file(rt.tokenFile), timeout: 60)
    }

    static func reference(_ rt: RequestTrackerFixture, _ ticket: Int) -> TicketReference {
        TicketReference(system: "rt", id: "\(ticket)", url: "\(rt.baseURL.absoluteString)/Ticket/Display.html?id=\(ticket)")
    }

    /// The messages on `ticket` whose subject carries the intake's marker.
    static func intakeComments(_ rt: RequestTrackerFixture, _ ticket: Int) async throws -> [String] {
        try await rt.messages(onTicket: ticket).filter { $0.subject.contains("triage-intake-needs-device") }.map(\.content)
    }

    @Test("A poll returns exactly the tickets with a device; one without is commented on once and set aside")
    func poll() async throws {
        let rt = try await RequestTrackerFixture.prepare()
        defer { rt.remove() }
        let log = RecordingLogHandler()
        try await rt.serve { () async throws in
            let first = try await rt.createTicket(subject: "No WLAN", queue: Fixture.intakeQueue, customFields: [Fixture.deviceField: "cpe-0001"])
            let missing = try await rt.createTicket(subject: "No internet", queue: Fixture.intakeQueue)
            let second = try await rt.createTicket(subject: "Slow", queue: Fixture.intakeQueue, customFields: [Fixture.deviceField: " cpe-0002 "])
            let garbled = try await rt.createTicket(subject: "LEDs off", queue: Fixture.intakeQueue, customFields: [Fixture.deviceField: "-rf /"])
            _ = try await rt.createTicket(subject: "Elsewhere", queue: "General", customFields: [Fixture.deviceField: "cpe-0003"])
            let resolved = try await rt.createTicket(subject: "Fixed", queue: Fixture.intakeQueue, customFields: [Fixture.deviceField: "cpe-0005"])
            try await rt.update(ticket: resolved, ["Status": "resolved"])
            let intake = RequestTrackerIntake(configuration: Self.configuration(rt), intake: Self.intake(rt), logger: log.logger)

            let found = try await intake.poll()
            #expect(found == [Escalation(ticket: Self.reference(rt, first), deviceID: "cpe-0001"),
                              Escalation(ticket: Self.reference(rt, second), deviceID: "cpe-0002")])
            for ticket in [missing, garbled] {
                #expect(try await rt.queueName(ofTicket: ticket) == Fixture.firstLevelQueue, "rt#\(ticket) is set aside")
                #expect(try await Self.intakeComments(rt, ticket).count == 1)
            }
            let saysWhat = try await Self.intakeComments(rt, missing).first ?? ""
            #expect(saysWhat.contains("'Device' is empty") && saysWhat.contains("move the ticket back to queue 'Escalations'"))
            #expect(try await Self.intakeComments(rt, garbled).first?.contains("holds '-rf /'") == true)
            for ticket in [first, second] {
                #expect(try await rt.queueName(ofTicket: ticket) == Fixture.intakeQueue, "an escalation stays until it is answered")
            }

            // First level moves it back without fixing it: set aside again, but not commented on again.
            try await rt.update(ticket: missing, ["Queue": Fixture.intakeQueue])
            #expect(try await intake.poll() == found)
            #expect(try await rt.queueName(ofTicket: missing) == Fixture.firstLevelQueue)
            #expect(try await Self.intakeComments(rt, missing).count == 1, "one comment per ticket, whatever the polls")

            // Fixed: taken as an escalation, after the ones waiting before it.
            try await rt.update(ticket: missing, ["Queue": Fixture.intakeQueue, "CustomFields": [Fixture.deviceField: "cpe-0004"]])
            #expect(try await intake.poll().map(\.deviceID) == ["cpe-0001", "cpe-0004", "cpe-0002"])
        }
        #expect(!log.lines.joined().contains(rt.token), "the token is never logged")
    }

    @Test("Pages: every ticket over several search pages, oldest first, at most max_per_poll of them")
    func pages() async throws {
        let rt = try await RequestTrackerFixture.prepare()
        defer { rt.remove() }
        try await rt.serve { () async throws in
            var tickets: [Int] = []
            for index in 1...23 {
                tickets.append(try await rt.createTicket(subject: "Escalation \(index)", queue: Fixture.intakeQueue,
                                                         customFields: [Fixture.deviceField: "cpe-\(index)"]))
            }
            let all = RequestTrackerIntake(configuration: Self.configuration(rt), intake: Self.intake(rt), logger: RecordingLogHandler().logger)
            #expect(try await all.poll().map(\.ticket.id) == tickets.map(String.init), "RT's 20 per page, all pages read")
            let capped = RequestTrackerIntake(configuration: Self.configuration(rt), intake: Self.intake(rt, maxPerPoll: 21),
                                              logger: RecordingLogHandler().logger)
            #expect(try await capped.poll().map(\.ticket.id) == tickets.prefix(21).map(String.init))
        }
    }

    @Test("RT down: a poll says so; the loop keeps polling, takes the ticket once RT is back, and sets a refused one aside")
    func downThenUp() async throws {
        let rt = try await RequestTrackerFixture.prepare()
        defer { rt.remove() }
        let log = RecordingLogHandler()
        let intake = RequestTrackerIntake(configuration: Self.configuration(rt), intake: Self.intake(rt), logger: log.logger)
        let failure = await #expect(throws: RequestTrackerIntakeError.self) { try await intake.poll() }
        #expect(failure?.message.contains("rt intake: cannot poll queue 'Escalations'") == true)
        #expect(failure?.message.contains("down or unreachable") == true, "\(failure?.message ?? "")")
        #expect(failure?.kind == .triagesOwn, "RT's trouble is never evidence about a device")

        let taken = Taken()
        let loop = RequestTrackerIntakeLoop(intake: intake, longestPause: 2, logger: log.logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await loop.run { escalation in
                    // What the service answers for a device not in its inventory.
                    if escalation.deviceID == "cpe-unknown" { throw EscalationRefused(reason: "no device with this id in the inventory") }
                    await taken.add(escalation)
                }
            }
            try await Self.waitUntil("the loop logs a failed poll") { log.lines.filter { $0.contains("rt intake poll failed") }.count >= 2 }
            try await rt.serve { () async throws in
                let ticket = try await rt.createTicket(subject: "No WLAN", queue: Fixture.intakeQueue,
                                                       customFields: [Fixture.deviceField: "cpe-0001"])
                let unknown = try await rt.createTicket(subject: "Who?", queue: Fixture.intakeQueue,
                                                        customFields: [Fixture.deviceField: "cpe-unknown"])
                try await Self.waitUntil("the loop submits rt#\(ticket)") {
                    await taken.escalations.contains(Escalation(ticket: Self.reference(rt, ticket), deviceID: "cpe-0001"))
                }
                try await Self.waitUntil("the refused rt#\(unknown) is set aside") {
                    try await rt.queueName(ofTicket: unknown) == Fixture.firstLevelQueue
                }
                let comments = try await Self.intakeComments(rt, unknown)
                #expect(comments.count == 1 && comments.first?.contains("names 'cpe-unknown': no device with this id in the inventory") == true,
                        "\(comments)")
                #expect(await !taken.escalations.contains { $0.deviceID == "cpe-unknown" })
            }
            group.cancelAll()
            try await group.waitForAll()
        }
        #expect(!log.lines.joined().contains(rt.token))
    }

    actor Taken {
        var escalations: [Escalation] = []
        func add(_ escalation: Escalation) { escalations.append(escalation) }
    }

    /// Polls `condition` every 200 ms; fails after 60 s (a hang guard, not a timing assertion).
    static func waitUntil(_ what: String, _ condition: @Sendable () async throws -> Bool) async throws {
        let end = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < end {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        Issue.record("timed out waiting until \(what)")
        throw CancellationError()
    }
}
