import Foundation
import Testing
import TriageTestSupport

/// Fixtures that wait for a server stop waiting once it has exited, and say how and why (issue 16).
@Suite struct BackgroundProcessTests {
    @Test func aServerThatExitsBeforeItIsReadyIsReportedWithItsStatusAndLog() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = directory.url.appendingPathComponent("server.log").path
        let started = ContinuousClock.now
        let error = await #expect(throws: BackgroundProcess.StartFailed.self) {
            try await BackgroundProcess.run(
                "/bin/sh", ["-c", "echo 'line 3: unknown option' >&2; exit 3"], standardErrorPath: log
            ) { server in
                try await server.waitUntil("listening", timeout: .seconds(600)) { false }
            }
        }
        #expect(error?.termination.map { "\($0)" } == "exited(3)")
        #expect(error?.description.contains("line 3: unknown option") == true, "\(String(describing: error))")
        // Far below the 600 s it was ready to wait: it stopped when the process exited.
        #expect(ContinuousClock.now - started < .seconds(300))
    }

    @Test func aServerThatNeverGetsReadyIsStoppedAtTheTimeout() async throws {
        let error = await #expect(throws: BackgroundProcess.StartFailed.self) {
            try await BackgroundProcess.run("/bin/sleep", ["600"]) { server in
                try await server.waitUntil("listening", timeout: .milliseconds(200)) { false }
            }
        }
        #expect(error?.termination == nil)
        #expect(error?.description.contains("was not ready: listening within") == true, "\(String(describing: error))")
    }
}
