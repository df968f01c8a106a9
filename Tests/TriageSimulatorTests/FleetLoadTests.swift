import Foundation
import SSHTransport
import Testing
import TriageCore
import TriageInventory
import TriageTestSupport

@Suite struct FleetLoadTests {
    @Test func twoHundredCopiesAllAnswer() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let folder = try ScenarioFixture.write(
            id: "load", in: directory.url, files: ["commands/iw dev": "phy#0\n\tInterface wlan0\n"])
        try await SimulatorProcess.withSimulator([folder.path, "--copies", "200"], in: directory.url) { fleet in
            let inventory = try String(contentsOf: fleet.inventory, encoding: .utf8)
            #expect(inventory.contains("  - id: load-200\n    host: 127.0.1.200\n"))
            let answered = try await withThrowingTaskGroup(of: Bool.self) { group in
                var answered = 0
                for index in 0..<200 {
                    // Twenty clients at a time: enough to load the simulator, not the test machine.
                    if index >= 20, try await group.next() == true { answered += 1 }
                    group.addTask {
                        let host = "127.0.\(1 + index / 254).\(1 + index % 254)"
                        return try await fleet.client(host: host).run("iw dev", deadline: .seconds(60)).stdout
                            == "phy#0\n\tInterface wlan0\n"
                    }
                }
                for try await ok in group where ok { answered += 1 }
                return answered
            }
            #expect(answered == 200)
        }
    }

    @Test func copiesOfSeveralScenariosMakeAMixedFleet() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let wifi = try ScenarioFixture.write(id: "wifi", in: directory.url, files: ["commands/iw dev": "phy#0\n"])
        let dsl = try ScenarioFixture.write(id: "dsl", in: directory.url, files: ["commands/iw dev": "phy#1\n"])
        try await SimulatorProcess.withSimulator([wifi.path, dsl.path, "--copies", "3"], in: directory.url) { fleet in
            let inventory = try Inventory.load(path: fleet.inventory.path)
            #expect(inventory.devices.map(\.id) == ["wifi-1", "dsl-1", "wifi-2", "dsl-2", "wifi-3", "dsl-3"])
            #expect(inventory.devices.map(\.ssh.endpoint.host) == (1...6).map { "127.0.1.\($0)" })
            #expect(try await fleet.client(host: "127.0.1.6").run("iw dev").stdout == "phy#1\n")
            #expect(try await fleet.client(host: "127.0.1.5").run("iw dev").stdout == "phy#0\n")
        }
    }
}
