import Testing
import TriageSimulator

@Test func simulatorModuleLinks() {
    #expect(SimulatorInfo.name == "triage-simulator")
}
