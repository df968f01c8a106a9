import Foundation
import Testing
import TriageCore
import TriageTestSupport

@Suite struct ProbeCatalogTests {
    @Test func assemblesHelpersAndProbeAndHashesExactlyWhatIsSent() async throws {
        let catalog = try ProbeCatalog.bundled()
        #expect(catalog.scripts.map(\.name) == ["wlan", "link", "led", "system"])
        let wlan = try #require(catalog.script(named: "wlan"))
        #expect(wlan.text.hasPrefix("# shellcheck shell=sh\n# Triage probe helpers."))
        #expect(wlan.text.contains("triage_probe wlan"))
        let hashed = try await ShellRun.run("/usr/bin/sha256sum", [], environment: [:], input: Array(wlan.text.utf8))
        #expect(String(decoding: hashed.standardOutput, as: UTF8.self).hasPrefix(wlan.sha256 + " "))
        let token = ProbeToken.random()
        #expect(wlan.commandLine(token: token) == "sh -s -- \(token.hex) \(wlan.sha256)")
    }

    @Test func tokensAreFreshHexAndOnlyHexIsAccepted() {
        let tokens = (0..<100).map { _ in ProbeToken.random().hex }
        #expect(Set(tokens).count == 100)
        #expect(tokens.allSatisfy { ProbeToken(hex: $0) != nil && $0.count == 32 })
        for bad in ["", "abc", "0123456789ABCDEF", "0123456789abcdeg", "0123456789abcdef; reboot", String(repeating: "a", count: 65)] {
            #expect(ProbeToken(hex: bad) == nil, "\(bad)")
        }
    }

    @Test(arguments: FixtureDevice.shells)
    func aProbeWithoutTokenRefusesToRun(shell: [String]) async throws {
        let script = try #require(try ProbeCatalog.bundled().script(named: "led"))
        let result = try await ShellRun.run(shell[0], Array(shell.dropFirst()) + ["-s", "--", "NOT-HEX"],
                                            environment: ["PATH": "/usr/bin:/bin"], input: Array(script.text.utf8))
        #expect(result.exitCode == 64)
        #expect(result.standardOutput.isEmpty)
    }
}
