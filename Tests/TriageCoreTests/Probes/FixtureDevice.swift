import Foundation
import TriageCore
import TriageSimulator
import TriageTestSupport

/// A simulated device from Fixtures/probes/<name> (root/ + commands/, as in Docs/simulator.md), and how
/// to run a probe on it: the probe text on stdin of a real shell, `TRIAGE_ROOT` at root/, and
/// `PATH` starting with ToolShims' dispatchers.
struct FixtureDevice {
    static let shells: [[String]] = [["/usr/bin/busybox", "sh"], ["/usr/bin/dash"], ["/bin/bash"]]

    let name: String

    static var fixturesDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/probes")
    }

    var directory: URL { Self.fixturesDirectory.appendingPathComponent(name) }
    var root: URL { directory.appendingPathComponent("root") }
    var commands: URL { directory.appendingPathComponent("commands") }

    struct Run {
        let reading: ProbeReading
        let raw: [UInt8]
        let exitCode: Int32?
        let standardError: String
    }

    func run(_ script: ProbeScript, shell: [String], token: ProbeToken = .random()) async throws -> Run {
        let bin = try TemporaryDirectory(prefix: "triage-shims")
        defer { bin.remove() }
        try ToolShims.install(into: bin.url, commandsDirectory: commands)
        let result = try await ShellRun.run(
            shell[0], Array(shell.dropFirst()) + script.shellArguments(token: token),
            environment: ["PATH": "\(bin.path):/usr/bin:/bin", "TRIAGE_ROOT": root.path],
            input: Array(script.text.utf8))
        let reading = ProbeStreamReader(token: token).read(result.standardOutput)
        return Run(reading: reading, raw: result.standardOutput, exitCode: result.exitCode,
                   standardError: result.standardError)
    }

    /// The canned output of a command line, or nil where the device lacks it.
    func cannedOutput(_ commandLine: String) -> String? {
        try? String(contentsOf: commands.appendingPathComponent(commandLine), encoding: .utf8)
    }

    func cannedExitCode(_ commandLine: String) -> Int {
        let text = try? String(contentsOf: commands.appendingPathComponent(commandLine + ".exit"), encoding: .utf8)
        return text.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
    }

    /// The content of a device file, or nil where it is absent (or empty under /sys: refused).
    func fileContent(_ path: String) -> String? {
        guard let text = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) else { return nil }
        return text.isEmpty && path.hasPrefix("/sys/") ? nil : text
    }

    func directoryListing(_ path: String) -> String? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(path).path)
        else { return nil }
        return names.sorted().map { $0 + "\n" }.joined()
    }
}
