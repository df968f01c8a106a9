import Foundation
import Testing
import TriageSimulator
import TriageTestSupport

@Suite struct ScenarioLoadingTests {
    @Test func loadsAValidScenario() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let folder = try ScenarioFixture.write(id: "good", in: directory.url, fault: "slow-drip", latencyMilliseconds: 30)
        let scenario = try ScenarioLoader.load(folder: folder)
        #expect(scenario.id == "good")
        #expect(scenario.transport == TransportSettings(fault: .slowDrip, latencyMilliseconds: 30))
        #expect(scenario.expect.verdict == .healthy)
        #expect(scenario.rootDirectory.lastPathComponent == "root")
    }

    @Test func refusesAnUnknownKeyNamingFileAndKey() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let yaml = ScenarioFixture.yaml(id: "typo").replacingOccurrences(of: "latency_ms:", with: "latency:")
        let folder = try ScenarioFixture.write(id: "typo", in: directory.url, yaml: yaml)
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(folder: folder) }
        #expect(error.file.lastPathComponent == "scenario.yaml")
        #expect(error.problem.contains("unknown key 'transport.latency'"))
        #expect(error.description.contains(folder.path))
    }

    @Test func refusesAnUnknownFault() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let folder = try ScenarioFixture.write(id: "bad-fault", in: directory.url, fault: "explode")
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(folder: folder) }
        #expect(error.problem.contains("'transport.fault' is 'explode'"))
        #expect(error.problem.contains("hang-after-auth"))
    }

    @Test func refusesAFolderWithoutScenarioFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(folder: directory.url) }
        #expect(error.file.lastPathComponent == "scenario.yaml")
        #expect(error.problem.contains("missing"))
        let missing = directory.url.appendingPathComponent("nowhere")
        let folderError = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(folder: missing) }
        #expect(folderError.problem == "no such scenario folder")
    }

    @Test func refusesMissingKeysBadVerdictsAndBadIDs() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cases: [(String, String)] = [
            (ScenarioFixture.yaml(id: "a").replacingOccurrences(of: "  serial: SIM-TEST\n", with: ""), "missing key 'device.serial'"),
            (ScenarioFixture.yaml(id: "b").replacingOccurrences(of: "verdict: healthy", with: "verdict: fine"), "'expect.verdict' is 'fine'"),
            (ScenarioFixture.yaml(id: "c").replacingOccurrences(of: "components: []", with: "components: [wifi]"), "lists 'wifi'"),
            (ScenarioFixture.yaml(id: "Bad_ID"), "'id' must be lower-case"),
            ("id: [unclosed", "is not valid YAML"),
        ]
        for (index, (yaml, expected)) in cases.enumerated() {
            let folder = try ScenarioFixture.write(id: "case\(index)", in: directory.url, yaml: yaml)
            let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(folder: folder) }
            #expect(error.problem.contains(expected), "\(error)")
        }
    }

    @Test func refusesCommandFilesOfUnknownToolsAndBadExitCodes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let tool = try ScenarioFixture.write(id: "tool", in: directory.url, files: ["commands/ethtool eth0": "x"])
        let toolError = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(folder: tool) }
        #expect(toolError.file.lastPathComponent == "ethtool eth0")
        #expect(toolError.problem.contains("not a contract tool"))
        let exit = try ScenarioFixture.write(id: "exit", in: directory.url, files: ["commands/iw dev.exit": "one"])
        let exitError = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(folder: exit) }
        #expect(exitError.problem.contains("exit code"))
    }

    @Test func refusesDuplicateIDs() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try ScenarioFixture.write(id: "same", in: directory.url)
        let second = try ScenarioFixture.write(
            id: "other", in: directory.url, yaml: ScenarioFixture.yaml(id: "same"))
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(folders: [first, second]) }
        #expect(error.problem.contains("already used"))
    }
}
