import Foundation
import Testing
import TriageCore
import TriageTestSupport

/// Inputs the fuzzer (scripts/fuzz) crashed on, kept in Fixtures/fuzz-regressions/. Each is first
/// replayed by the TriageFuzz executable in a child process, so that a regression (a trap) fails
/// this test instead of killing the whole run; only then is it checked here in process.
///
/// Not a Swift Testing exit test: those start a monitor thread that spins on any child process
/// not yet reaped, and the other suites start hundreds.
@Suite struct FuzzRegressionTests {
    static let folder = TestPaths.testsDirectory.appendingPathComponent("Fixtures/fuzz-regressions")

    @Test("every input the fuzzer once crashed on now replays cleanly")
    func replayEveryRegression() async throws {
        let inputs = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        #expect(!inputs.isEmpty)
        let replay = try await CommandRunner.run(
            TriageExecutable.fuzzReplayer, inputs.map { Self.folder.appendingPathComponent($0).path }, checked: false)
        #expect(replay.status == 0, "the replayer crashed: \(replay.stderr.suffix(2000))")
    }

    /// Found after 724,583 inputs: `Channel: 1 (<huge> GHz)` made `IwinfoParser` convert an out-of-range
    /// Double to Int, a trap. Now it is a warning.
    @Test func iwinfoHugeChannelFrequency() async throws {
        let input = Self.folder.appendingPathComponent("iwinfo-huge-channel-frequency")
        let replay = try await CommandRunner.run(TriageExecutable.fuzzReplayer, [input.path], checked: false)
        try #require(replay.status == 0, "the replayer crashed on it: \(replay.stderr.suffix(2000))")
        let output = String(decoding: try Data(contentsOf: input), as: UTF8.self).drop { $0 != "\n" }.dropFirst()
        let facts = DeviceFacts(sections: [ProbeSection(kind: .command, subject: "iwinfo", output: String(output), exitCode: 0)])
        #expect(facts.warnings.contains { $0.message.contains("implausible channel frequency") })
    }
}
