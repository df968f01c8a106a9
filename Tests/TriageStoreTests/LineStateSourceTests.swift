import Foundation
import Logging
import Testing
import TriageActions
import TriageCore
import TriageTestSupport

/// The line-state source against a real HTTP endpoint and a real command: every answer and every
/// way it can fail, each failure `unknown` with its reason.
@Suite("Line-state source")
struct LineStateSourceTests {
    static let logger: Logger = {
        var logger = Logger(label: "triage.line-state-tests")
        logger.logLevel = .critical
        return logger
    }()

    /// An id with every character that must not change the URL's shape or reach a shell.
    static let awkwardID = "L 7/8?x=1&y=$(touch pwned);`id`#frag%20"

    func httpSource(_ server: LineStateServer, timeout: TimeInterval = 30, token: SecretReference? = nil,
                    environment: [String: String] = [:]) throws -> LineStateSource {
        let url = try LineStateTemplate(parsing: server.origin + "/lines/{line_id}/state?customer={customer}")
        return LineStateSource(LineStateConfiguration(kind: .http(url: url, token: token), timeout: timeout), environment: environment)
    }

    @Test("up, down and unknown are read from JSON or one word; the id reaches the endpoint percent-encoded, as one value")
    func answers() async throws {
        let server = try await LineStateServer.start(.state("down"))
        let source = try httpSource(server, token: .environment("NETOPS_TOKEN"), environment: ["NETOPS_TOKEN": "t0ken"])
        let query = LineStateQuery(device: "cpe-1", customer: "C-1", lineID: Self.awkwardID)
        let down = await source.lookup(query, logger: Self.logger)
        #expect(down.state == .down && down.source == "http")
        #expect(down.detail?.hasSuffix("answered down") == true, "\(down.detail ?? "")")

        server.reply = .answer(status: 200, body: "{\"state\": \"up\", \"detail\": \"sync 100/40\\nno alarms\"}")
        let up = await source.lookup(query, logger: Self.logger)
        #expect(up.state == .up && up.detail?.hasSuffix("answered up: sync 100/40 no alarms") == true, "\(up.detail ?? "")")
        server.reply = .answer(status: 200, body: "unknown\n")
        #expect(await source.lookup(query, logger: Self.logger).state == .unknown)
        try await server.shutdown()

        let requests = server.requests
        #expect(requests.count == 3)
        let first = try #require(requests.first)
        #expect(first.headers["authorization"] == "Bearer t0ken")
        let path = try #require(first.uri.split(separator: "?", maxSplits: 1).first.map(String.init))
        let parts = path.split(separator: "/").map(String.init)
        #expect(parts.count == 3 && parts[0] == "lines" && parts[2] == "state", "one path segment for the id: \(first.uri)")
        #expect(parts[1].removingPercentEncoding == Self.awkwardID, "\(first.uri)")
        #expect(first.uri.hasSuffix("?customer=C-1"))
    }

    @Test("Garbage, an error status, a stall past the timeout, a missing id and an unreadable token give unknown with the reason")
    func failures() async throws {
        let server = try await LineStateServer.start(.answer(status: 200, body: "<html>maintenance</html>"))
        // The answers are read with room for a loaded machine; only the stall gets the 1 s timeout.
        let patient = try httpSource(server, timeout: 30)
        let source = try httpSource(server, timeout: 1)
        let query = LineStateQuery(device: "cpe-1", customer: "C-1", lineID: "L-1")
        let garbage = await patient.lookup(query, logger: Self.logger)
        #expect(garbage.state == .unknown && garbage.detail?.contains("'<html>maintenance</html>', which is no line state") == true,
                "\(garbage.detail ?? "")")
        server.reply = .answer(status: 200, body: "{\"state\": \"sideways\"}")
        #expect(await patient.lookup(query, logger: Self.logger).state == .unknown)
        server.reply = .answer(status: 503, body: "{\"state\": \"down\"}")
        let failed = await patient.lookup(query, logger: Self.logger)
        #expect(failed.state == .unknown && failed.detail?.hasSuffix("answered HTTP 503") == true, "\(failed.detail ?? "")")

        server.reply = .never
        let started = ContinuousClock.now
        let stalled = await source.lookup(query, logger: Self.logger)
        #expect(stalled.state == .unknown)
        #expect(stalled.detail?.hasPrefix("the line-state service timed out after 1 s") == true, "\(stalled.detail ?? "")")
        #expect(ContinuousClock.now - started < .seconds(30), "hang guard: the timeout ends the lookup")

        let asked = server.requests.count
        let noLine = await source.lookup(LineStateQuery(device: "cpe-2", customer: "C-2"), logger: Self.logger)
        #expect(noLine.state == .unknown && noLine.detail == "device cpe-2 has no line_id in the inventory, which the line-state source needs for {line_id}")
        let tokenless = try httpSource(server, token: .environment("NOT_SET"))
        let noToken = await tokenless.lookup(query, logger: Self.logger)
        #expect(noToken.state == .unknown && noToken.detail?.contains("token could not be read") == true, "\(noToken.detail ?? "")")
        #expect(server.requests.count == asked, "nothing is sent without the values or the token the request needs")
        try await server.shutdown()
    }

    @Test("A command gets each placeholder as one literal argument, no shell; its answer, failure or stall is read")
    func command() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-line-command")
        defer { folder.remove() }
        let script = try RecordingScript(in: folder.url, body: """
            case "$1" in
              slow) exec sleep 30 ;;
              fail) echo "netops API unreachable" >&2; exit 3 ;;
            esac
            echo down
            """)
        func source(_ mode: String) throws -> LineStateSource {
            let arguments = try [script.path, mode, "{line_id}", "--customer={customer}"].map(LineStateTemplate.init(parsing:))
            // Only the stall gets the 1 s timeout; the other answers have room for a loaded machine.
            return LineStateSource(LineStateConfiguration(kind: .command(arguments: arguments), timeout: mode == "slow" ? 1 : 30))
        }
        let query = LineStateQuery(device: "cpe-1", customer: "C 1", lineID: Self.awkwardID)
        let down = try await source("ok").lookup(query, logger: Self.logger)
        #expect(down.state == .down && down.source == "command" && down.detail == "the line-state command \(script.path) answered down")
        #expect(try script.arguments() == ["ok", Self.awkwardID, "--customer=C 1"])
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("pwned").path)
            && !FileManager.default.fileExists(atPath: "pwned"))

        let failed = try await source("fail").lookup(query, logger: Self.logger)
        #expect(failed.state == .unknown && failed.detail?.hasSuffix("exited with status 3: netops API unreachable") == true,
                "\(failed.detail ?? "")")
        let started = ContinuousClock.now
        let slow = try await source("slow").lookup(query, logger: Self.logger)
        #expect(slow.state == .unknown && slow.detail == "the line-state command \(script.path) timed out after 1 s", "\(slow.detail ?? "")")
        #expect(ContinuousClock.now - started < .seconds(20), "hang guard: the timeout ends the command")
    }
}
