import Foundation
import Synchronization
import Testing
import TriageTestSupport

@Suite struct ShutdownTests {
    @Test func sigtermEndsTheSimulatorAndEveryCommandItRuns() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let folder = try ScenarioFixture.write(id: "busy", in: directory.url)
        let marker = "TRIAGE_ROOT=\(folder.appendingPathComponent("root").path)"
        let (survivors, status) = try await SimulatorProcess.withSimulator([folder.path], in: directory.url) { fleet in
            try await withThrowingTaskGroup(of: Void.self) { group in
                let ended = Mutex<OpenSSHClient.Result?>(nil)
                group.addTask {
                    // A pipeline in the device's shell: sh, sleep and cat, all to be ended. The login
                    // is not what is tested: under the whole suite's load ssh has twice ended with 255
                    // and nothing on stderr before its command ran, so a lost login is tried again.
                    var result = try await fleet.client(host: "127.0.1.1").run("sleep 60 | cat; echo late", deadline: .seconds(90))
                    for _ in 1..<3 where result.exitCode == 255 && ProcessTable.processes(withEnvironmentContaining: marker).isEmpty {
                        result = try await fleet.client(host: "127.0.1.1").run("sleep 60 | cat; echo late", deadline: .seconds(90))
                    }
                    ended.withLock { $0 = result }
                }
                // Generous: under the whole suite's load, the login alone has taken over 10 s.
                // The count the loop saw is the one checked: in CI a second read of /proc right after
                // the loop once found none while ssh still waited for its command (stop 21).
                let deadline = ContinuousClock.now + .seconds(120)
                var running = ProcessTable.processes(withEnvironmentContaining: marker).count
                while running < 2, ContinuousClock.now < deadline, ended.withLock({ $0 }) == nil {
                    try await Task.sleep(for: .milliseconds(50))
                    running = ProcessTable.processes(withEnvironmentContaining: marker).count
                }
                let early = ended.withLock { $0 }
                #expect(
                    running >= 2,
                    """
                    the command never ran (\(running) of its processes seen): ssh ended with \(early.map { "\($0.exitCode.map(String.init) ?? "deadline") after \($0.elapsed): \($0.stderr)" } ?? "nothing yet")
                    simulator log: \((try? String(contentsOf: fleet.log, encoding: .utf8))?.suffix(2000) ?? "none")
                    """)
                kill(fleet.processIdentifier, SIGTERM)
                while ProcessTable.isLive(fleet.processIdentifier), ContinuousClock.now < deadline + .seconds(10) {
                    try await Task.sleep(for: .milliseconds(50))
                }
                try await group.waitForAll()
            }
            #expect(!FileManager.default.fileExists(atPath: fleet.readyFile.path), "the ready file goes at shutdown")
            return ProcessTable.processes(withEnvironmentContaining: marker)
        }
        #expect(survivors.isEmpty)
        #expect(status == "exited(0)")
    }

    @Test func aBrokenScenarioStopsTheStartWithItsFileNamed() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let good = try ScenarioFixture.write(id: "good", in: directory.url)
        let bad = try ScenarioFixture.write(
            id: "bad", in: directory.url,
            yaml: ScenarioFixture.yaml(id: "bad").replacingOccurrences(of: "fault: none", with: "fault: smoke"))
        let error = await #expect(throws: SimulatorProcess.StartFailed.self) {
            try await SimulatorProcess.withSimulator([good.path, bad.path], in: directory.url) { _ in }
        }
        // Reported as soon as the process exited (issue 16), with its status and the end of its log.
        #expect(error?.termination.map { "\($0)" } == "exited(2)")
        #expect(error?.logTail.contains("'transport.fault' is 'smoke'") == true)
        let log = try String(contentsOf: directory.url.appendingPathComponent("simulator.log"), encoding: .utf8)
        #expect(log.contains("\(bad.path)/scenario.yaml"))
        #expect(log.contains("'transport.fault' is 'smoke'"))
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("inventory.yaml").path))
    }
}
