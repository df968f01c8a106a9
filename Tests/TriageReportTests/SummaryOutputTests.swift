import Foundation
import Testing
import TriageTestSupport

/// `triage diagnose` against simulated routers, as a technician reads it: plain text in a pipe,
/// verdict, cause and what to do first, one line per component, the deciding finding first.
@Suite("Summary output", .serialized)
struct SummaryOutputTests {
    static let scenarios = ["led-all-lit-wlan-down", "wlan-radio-disabled", "wlan-phy-missing", "transport-unreachable"]

    @Test("the textbook case, a remediable, a replace and a transport failure read verdict, cause, to do, components")
    func summaries() async throws {
        let directory = try TemporaryDirectory(prefix: "triage-summary")
        defer { directory.remove() }
        let database = directory.url.appendingPathComponent("triage.sqlite").path
        let runs = try await SimulatorProcess.withSimulator(Self.scenarios.map { ReportScenarios.builtIn($0).path }, in: directory.url) { fleet in
            var runs: [String: CommandRunner.Output] = [:]
            for id in Self.scenarios {
                runs[id] = try await CommandRunner.run(TriageExecutable.path, [
                    "diagnose", id, "--inventory", fleet.inventory.path, "--db", database, "--no-act",
                    "--connect-attempts", "1", "--deadline", "60"], checked: false)
            }
            return runs
        }.result

        for (id, run) in runs {
            #expect(!run.stdout.contains("\u{1B}"), "no colour in a pipe: \(id)")
            #expect(!run.stderr.contains("connecting"), "no progress off a terminal: \(id)")
        }

        let textbook = try #require(runs["led-all-lit-wlan-down"])
        let lines = textbook.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(textbook.status == 30, "\(textbook.stdout)\(textbook.stderr)")
        #expect(lines[0] == "ESCALATE: beyond second level: third level takes it")
        #expect(lines[1].hasPrefix("cause:   Radio radio0, radio1 is enabled but down"), "the radio is the cause, not the LED: \(lines[1])")
        #expect(lines[2] == "to do:   Hand the case to third level with this evidence.")
        #expect(lines[3].hasPrefix("done:    recorded as diagnosis ") && lines[3].hasSuffix("(--no-act)"))
        #expect(Array(lines[5...9]) == [
            "  WLAN       fault     wlan.down-unexplained (escalate)",
            "  link       ok        no finding",
            "  LED        warning   led.lit-while-wlan-down (healthy)",
            "  system     ok        no finding",
            "  transport  ok        session opened, probes read",
        ])
        let findings = lines.filter { $0.hasPrefix("  [") }
        #expect(findings.count == 2)
        #expect(findings.first?.hasPrefix("  [critical] wlan wlan.down-unexplained:") == true, "most severe first: \(findings)")
        #expect(findings.last?.hasPrefix("  [warning] led led.lit-while-wlan-down:") == true)

        // `triage show` reads the stored diagnosis back in the same summary.
        let id = try #require(textbook.stdout.firstMatch(of: /recorded as diagnosis ([0-9a-f-]{36})/)?.1)
        let shown = try await CommandRunner.run(TriageExecutable.path, ["show", String(id), "--db", database])
        let shownLines = shown.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(shownLines[0...2]) == Array(lines[0...2]) && Array(shownLines[5...9]) == Array(lines[5...9]), "\(shown.stdout)")

        let remediable = try #require(runs["wlan-radio-disabled"]).stdout
        #expect(remediable.hasPrefix("REMEDIABLE: "))
        #expect(remediable.contains("\nto do:   Switch the radio on"), "the remedy is what to do: \(remediable)")
        #expect(remediable.contains("\n  WLAN       warning   wlan.radio-disabled (remediable)\n"))

        let replace = try #require(runs["wlan-phy-missing"]).stdout
        #expect(replace.hasPrefix("REPLACE: the router's hardware is broken\n"))
        #expect(replace.contains("\nto do:   Send the customer a replacement router.\n"))

        let unreachable = try #require(runs["transport-unreachable"])
        #expect(unreachable.status == 20)
        #expect(unreachable.stdout.contains("\ncause:   The router did not answer SSH in 1 attempt(s)"), "\(unreachable.stdout)")
        #expect(unreachable.stdout.contains("\n  WLAN       not seen  no probe output (see transport)\n"))
        #expect(unreachable.stdout.contains("\n  transport  fault     transport.unreachable (replace)\n"))
    }

    @Test("on a terminal: colour and progress (connecting, each probe, diagnosing); with NO_COLOR, progress only")
    func terminal() async throws {
        let directory = try TemporaryDirectory(prefix: "triage-terminal")
        defer { directory.remove() }
        let database = directory.url.appendingPathComponent("triage.sqlite").path
        let (coloured, plain) = try await SimulatorProcess.withSimulator([ReportScenarios.builtIn("wlan-radio-disabled").path],
                                                                         in: directory.url) { fleet in
            // util-linux's `script` runs the command on a pseudo-terminal, as a technician's shell would.
            let command = "'\(TriageExecutable.path)' diagnose wlan-radio-disabled --inventory '\(fleet.inventory.path)' "
                + "--db '\(database)' --no-act --deadline 60"
            let coloured = try await CommandRunner.run("script", ["-q", "-e", "-c", command, "/dev/null"],
                                                       environment: ["NO_COLOR": "", "TERM": "xterm"], checked: false)
            let plain = try await CommandRunner.run("script", ["-q", "-e", "-c", command, "/dev/null"],
                                                    environment: ["NO_COLOR": "1", "TERM": "xterm"], checked: false)
            return (coloured, plain)
        }.result
        #expect(coloured.status == 10, "\(coloured.stdout)")
        #expect(coloured.stdout.contains("\u{1B}[33mREMEDIABLE\u{1B}[0m: "), "the verdict in colour: \(coloured.stdout)")
        #expect(coloured.stdout.contains("connecting to wlan-radio-disabled (attempt 1 of "), "\(coloured.stdout)")
        for probe in ["wlan", "link", "led", "system"] {
            #expect(coloured.stdout.contains("  probe \(probe): "), "each probe with its time: \(coloured.stdout)")
        }
        #expect(coloured.stdout.contains("… diagnosing"))
        #expect(plain.status == 10)
        #expect(!plain.stdout.contains("\u{1B}["), "NO_COLOR: \(plain.stdout)")
        #expect(plain.stdout.contains("REMEDIABLE: ") && plain.stdout.contains("… diagnosing"))
    }
}
