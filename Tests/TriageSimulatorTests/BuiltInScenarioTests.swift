import Foundation
import Testing
import TriageCore
import TriageSimulator

@Suite struct BuiltInScenarioTests {
    let scenarios: [Scenario]

    init() throws {
        let folder = try BundledResources.requireDirectory(named: "Scenarios")
        scenarios = try ScenarioLoader.load(folders: try ScenarioLoader.scenarioFolders(in: folder))
    }

    @Test func everyBuiltInScenarioLoads() {
        #expect(scenarios.count >= 20)
        for scenario in scenarios {
            #expect(scenario.folder.lastPathComponent == scenario.id, "folder name and id differ: \(scenario.id)")
        }
    }

    @Test func theCatalogueCoversEveryVerdictAndFault() {
        let verdicts = Set(scenarios.map(\.expect.verdict))
        #expect(verdicts == Set(ScenarioExpectation.Verdict.allCases))
        let faults = Set(scenarios.map(\.transport.fault))
        for fault: TransportFault in [.none, .refuse, .hostKeyChanged, .authFail, .garbage, .hangAfterAuth, .hugeOutput] {
            #expect(faults.contains(fault), "no built-in scenario with fault \(fault.rawValue)")
        }
    }

    @Test func scenariosThatRunCommandsAnswerTheCoreContractCommands() throws {
        for scenario in scenarios where scenario.transport.fault.runsCommands {
            let commands = try FileManager.default.contentsOfDirectory(atPath: scenario.commandsDirectory.path)
            #expect(commands.contains("iw dev"), "\(scenario.id) has no 'iw dev'")
            #expect(commands.contains("df -k"), "\(scenario.id) has no 'df -k'")
            #expect(commands.contains("logread -l 300") || commands.contains("dmesg"), "\(scenario.id) has no log")
            let uptime = scenario.rootDirectory.appendingPathComponent("proc/uptime")
            #expect(FileManager.default.fileExists(atPath: uptime.path), "\(scenario.id) has no /proc/uptime")
        }
    }

    @Test func serialsAreUnique() {
        #expect(Set(scenarios.map(\.device.serial)).count == scenarios.count)
    }
}
