import Foundation
import Testing
import TriageCore
import TriageInventory
import TriageTestSupport

/// Whatever a scenario's device fields hold, the inventory the simulator writes loads and reads
/// them back exactly (issue 11, item 20).
@Suite struct InventoryEscapingTests {
    @Test func controlAndYAMLSpecialCharactersInAModelReadBack() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // Written as YAML escapes in scenario.yaml: ESC, BEL, NEL, DEL, a tab, a line separator,
        // a byte order mark, a newline; then quotes, `: `, ` #`, a leading `-`, and a number.
        let model = "- Evil\u{1B}]0;pwned\u{07} \"Router\": #1\n\tline\u{2028}two\u{85}\u{7F}\u{FEFF} 'x' \\ é 🛜"
        let yaml = ScenarioFixture.yaml(id: "hostile")
            .replacingOccurrences(of: "model: Test Router 1", with: #"""
                model: "- Evil\x1B]0;pwned\a \"Router\": #1\n\tline\u2028two\N\x7F\uFEFF 'x' \\ é 🛜"
                """#)
            .replacingOccurrences(of: "firmware: OpenWrt 23.05.3", with: "firmware: \"23.05\"")
            .replacingOccurrences(of: "serial: SIM-TEST", with: "serial: \"yes\"")
        let folder = try ScenarioFixture.write(id: "hostile", in: directory.url, yaml: yaml)
        try await SimulatorProcess.withSimulator([folder.path], in: directory.url) { fleet in
            let inventory = try Inventory.load(path: fleet.inventory.path)
            let device = try #require(inventory.device(id: "hostile"))
            #expect(device.model == model)
            #expect(device.firmware == "23.05")
            #expect(device.serial == "yes")
            let text = try String(contentsOf: fleet.inventory, encoding: .utf8)
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "control characters written raw")
        }
    }
}
