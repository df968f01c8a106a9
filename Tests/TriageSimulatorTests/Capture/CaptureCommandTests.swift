import Foundation
import Testing
import TriageCore
import TriageSimulator
import TriageTestSupport

/// `triage capture` end to end, as the binary: a case captured from a device over SSH and served
/// again by the simulator is diagnosed with the same facts and verdict, and none of the
/// original's secrets or MAC addresses is anywhere in the captured folder.
@Suite("triage capture, end to end")
struct CaptureCommandTests {
    @Test("a simulated device captured and served again: same facts and verdict, no secret, private modes")
    func simulatedDevice() async throws {
        let id = "wlan-one-bad-client"
        let original = try BundledResources.requireDirectory(named: "Scenarios").appendingPathComponent(id)
        let work = try TemporaryDirectory(prefix: "triage-capture-sim")
        defer { work.remove() }
        let (fleet, replayFleet, cases) = try folders(in: work)
        let captured = cases.appendingPathComponent("case-one-bad-client")
        let (before, capture) = try await SimulatorProcess.withSimulator([original.path], in: fleet) { simulator -> (CapturedDiagnosis, ShellRunResult) in
            (try await CapturedDiagnosis.run(id, inventory: simulator.inventory),
             try await runCapture(id, inventory: simulator.inventory, into: captured))
        }.result
        #expect(capture.exitCode == 0, "\(capture.standardError)")
        try checkPrivate(captured)
        let secrets = try originalSecrets(in: original)
        try #require(secrets.count > 5)
        try expectNone(of: secrets, in: captured)
        let after = try await replay(captured, in: replayFleet)
        #expect(after == before)
    }

    @Test("a real dropbear + BusyBox device captured and served by the simulator: same facts and verdict, no secret")
    func dropbearDevice() async throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("TriageCoreTests/Fixtures/probes/openwrt-two-radios")
        try #require(FileManager.default.fileExists(atPath: fixture.appendingPathComponent("commands").path))
        let work = try TemporaryDirectory(prefix: "triage-capture-dropbear")
        defer { work.remove() }
        let (_, replayFleet, cases) = try folders(in: work)
        let captured = cases.appendingPathComponent("case-dropbear")
        let (before, capture) = try await SSHTestServer.with(.dropbear) { server -> (CapturedDiagnosis, ShellRunResult) in
            let inventory = try await DropbearFixtureDevice.prepare(server, fixture: fixture, in: work.url)
            return (try await CapturedDiagnosis.run("fixture", inventory: inventory),
                    try await runCapture("fixture", inventory: inventory, into: captured))
        }
        #expect(capture.exitCode == 0, "\(capture.standardError)")
        // The session really ran on the fixture (forced command), not on this machine.
        #expect(before.facts.contains("TP-Link TL-WR841N") && before.facts.contains("\"radios\":[{"), "\(before.facts)")
        try checkPrivate(captured)
        let secrets = try originalSecrets(in: fixture)
        try #require(secrets.contains("supersecretwifikey123") && secrets.contains("pppoepassw0rd!"))
        try expectNone(of: secrets, in: captured)
        let after = try await replay(captured, in: replayFleet)
        #expect(after == before)
    }

    // MARK: - Steps

    private func folders(in work: TemporaryDirectory) throws -> (URL, URL, URL) {
        let names = ["fleet", "replay-fleet", "cases"]
        let urls = names.map { work.url.appendingPathComponent($0) }
        for url in urls { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700]) }
        // The sandboxed device reads its scenario as nobody: the way to the captured case is open.
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: work.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: urls[2].path)
        return (urls[0], urls[1], urls[2])
    }

    private func runCapture(_ device: String, inventory: URL, into folder: URL) async throws -> ShellRunResult {
        try await ShellRun.run(TriageExecutable.path, [
            "capture", device, "--inventory", inventory.path, "--scenario-out", folder.path,
            "--connect-attempts", "2", "--retry-spacing", "0.2", "--deadline", "60",
        ], environment: ProcessInfo.processInfo.environment)
    }

    /// Serves the captured folder (opened to the sandbox's user, as Docs/knowledge-workflow.md says) and diagnoses it.
    private func replay(_ captured: URL, in fleet: URL) async throws -> CapturedDiagnosis {
        try await CommandRunner.run("/bin/chmod", ["-R", "o+rX", captured.path])
        return try await SimulatorProcess.withSimulator([captured.path], in: fleet) { simulator in
            try await CapturedDiagnosis.run(captured.lastPathComponent, inventory: simulator.inventory)
        }.result
    }

    private func checkPrivate(_ folder: URL) throws {
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? []
        try #require(files.count > 10, "\(files.count) files captured")
        #expect(try mode(folder) == 0o700)
        for file in files {
            let isFolder = (try? file.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true
            #expect(try mode(file) == (isFolder ? 0o700 : 0o600), "\(file.path)")
        }
    }

    private func mode(_ url: URL) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int ?? -1) & 0o777
    }

    /// The original's secrets: PSKs and passwords of its canned outputs, and every MAC address in it.
    private func originalSecrets(in scenario: URL) throws -> Set<String> {
        let patterns = ["\"(?:key|password|psk)\": \"([^\"]+)\"", "((?:[0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2})"]
        var secrets: Set<String> = []
        for text in try texts(under: scenario) {
            for pattern in patterns {
                let regex = try NSRegularExpression(pattern: pattern)
                for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    if let range = Range(match.range(at: 1), in: text) { secrets.insert(String(text[range]).lowercased()) }
                }
            }
        }
        // Kept as facts; and a MAC shaped like the mask's own stand-ins (02:00:00:…) can't be told from one.
        return secrets.subtracting(["00:00:00:00:00:00", "ff:ff:ff:ff:ff:ff"]).filter { !$0.hasPrefix("02:00:00:") }
    }

    private func expectNone(of secrets: Set<String>, in folder: URL) throws {
        let all = try texts(under: folder).joined(separator: "\n").lowercased()
        for secret in secrets.sorted() {
            #expect(!all.contains(secret), "the captured folder holds \(secret)")
        }
    }

    private func texts(under folder: URL) throws -> [String] {
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? []
        return files.compactMap { try? String(contentsOf: $0, encoding: .utf8) }
    }
}
