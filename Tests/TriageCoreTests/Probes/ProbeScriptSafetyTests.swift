import Foundation
import Testing
import TriageCore
import TriageTestSupport

/// The probes are read-only and portable: shellcheck passes, and no command that changes a
/// device (or writes outside /tmp) appears in them.
@Suite struct ProbeScriptSafetyTests {
    static var probesDirectory: URL {
        get throws { try BundledResources.requireDirectory(named: "Probes") }
    }

    static var scriptFiles: [String] { ProbeCatalog.helperFiles + ProbeCatalog.probeNames.map { "\($0).sh" } }

    @Test func shellcheckPassesOnEveryFileAndEveryAssembledProbe() async throws {
        for file in Self.scriptFiles {
            let result = try await ShellRun.run(
                "/usr/bin/shellcheck", ["-s", "sh", try Self.probesDirectory.appendingPathComponent(file).path],
                environment: ["PATH": "/usr/bin:/bin"])
            #expect(result.exitCode == 0, "\(file): \(String(decoding: result.standardOutput, as: UTF8.self))")
        }
        for script in try ProbeCatalog.bundled().scripts {
            let result = try await ShellRun.run(
                "/usr/bin/shellcheck", ["-s", "sh", "-"], environment: ["PATH": "/usr/bin:/bin"],
                input: Array(script.text.utf8))
            #expect(result.exitCode == 0, "\(script.name): \(String(decoding: result.standardOutput, as: UTF8.self))")
        }
    }

    @Test func noScriptChangesTheDevice() throws {
        for file in Self.scriptFiles {
            let text = try String(contentsOf: Self.probesDirectory.appendingPathComponent(file), encoding: .utf8)
            #expect(ForbiddenCommandScan.findings(in: text).isEmpty, "\(file): \(ForbiddenCommandScan.findings(in: text))")
        }
    }

    /// The scan itself catches what it is meant to catch.
    @Test(arguments: [
        "uci set wireless.radio0.disabled=0", "uci -q commit wireless", "reboot", "wifi up",
        "/etc/init.d/network restart", "rm -f /etc/config/x", "echo 1 > /sys/class/leds/x/brightness",
        "printf x >>\"$f\"", "ubus call network.interface.wan down", "mtd erase firmware", "kill -9 1",
        "ip link set eth0 down", "iw dev wlan0 set txpower fixed 100",
    ])
    func scanCatchesForbiddenCommands(_ line: String) {
        #expect(!ForbiddenCommandScan.findings(in: line).isEmpty)
    }

    @Test(arguments: ["err=$(exec iw dev 2>&1 1>&3 3>&-)", "command -v timeout >/dev/null 2>&1",
                      "triage_run ubus call system board", "# reboot is never run", "exec 3>&1"])
    func scanAcceptsReadOnlyLines(_ line: String) {
        #expect(ForbiddenCommandScan.findings(in: line).isEmpty)
    }
}
