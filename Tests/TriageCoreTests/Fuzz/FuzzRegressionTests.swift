import Testing
import TriageCore

/// Inputs the fuzzer (scripts/fuzz) crashed on, each run in a child process so that a trap fails one
/// test instead of the whole run.
@Suite struct FuzzRegressionTests {
    /// Found after 724,583 inputs: `Channel: 1 (<huge> GHz)` made `IwinfoParser` convert an out-of-range
    /// Double to Int, a trap. Run in a child process, so that a regression fails this test, not the run.
    @Test func iwinfoHugeChannelFrequency() async {
        await #expect(processExitsWith: .success) {
            let output = "wlan0     ESSID: \"x\"\n          Mode: Master  Channel: 1 (99999999999999999 GHz)\n"
            let facts = DeviceFacts(sections: [ProbeSection(kind: .command, subject: "iwinfo", output: output, exitCode: 0)])
            precondition(facts.warnings.contains { $0.message.contains("implausible channel frequency") })
        }
    }
}
