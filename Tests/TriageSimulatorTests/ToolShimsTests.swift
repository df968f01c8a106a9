import Foundation
import Testing
import TriageCore
import TriageSimulator
import TriageTestSupport

@Suite struct ToolShimsTests {
    @Test func printsCannedOutputsAndExitCodesAndNeverFallsThrough() async throws {
        let folder = try TemporaryDirectory(prefix: "triage-shims-test")
        defer { folder.remove() }
        let commands = folder.url.appendingPathComponent("commands it's"), bin = folder.url.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: commands, withIntermediateDirectories: true)
        try "wlan0 info\n".write(to: commands.appendingPathComponent("iw dev wlan0 info"), atomically: true, encoding: .utf8)
        try "partial".write(to: commands.appendingPathComponent("df -k"), atomically: true, encoding: .utf8)
        try "1\n".write(to: commands.appendingPathComponent("df -k.exit"), atomically: true, encoding: .utf8)
        try "q".write(to: commands.appendingPathComponent("uci -q show it's \"x\""), atomically: true, encoding: .utf8)
        try ToolShims.install(into: bin, commandsDirectory: commands)

        func run(_ line: String) async throws -> ShellRunResult {
            try await ShellRun.run("/bin/sh", ["-c", line], environment: ["PATH": "\(bin.path):/usr/bin:/bin"])
        }
        let info = try await run("iw dev wlan0 info")
        #expect(info.exitCode == 0 && info.standardOutput == Array("wlan0 info\n".utf8))
        let df = try await run("df -k")
        #expect(df.exitCode == 1 && df.standardOutput == Array("partial".utf8))
        let quoted = try await run(#"uci -q show "it's" '"x"'"#)
        #expect(quoted.exitCode == 0 && quoted.standardOutput == Array("q".utf8))
        for missing in ["ip route", "df", "dmesg", "iw dev 'wlan0 ' info", "ip route get 1.1.1.1/32", "uci show ../x"] {
            let result = try await run(missing)
            #expect(result.exitCode == 127, "\(missing)")
            #expect(result.standardError.hasSuffix(": not found\n"), "\(missing): \(result.standardError)")
            #expect(result.standardOutput.isEmpty)
        }
        let installed = try FileManager.default.contentsOfDirectory(atPath: bin.path).sorted()
        #expect(installed == ToolShims.contractTools.sorted())
    }
}
