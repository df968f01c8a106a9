import Foundation
import TriageTestSupport

/// Built-in scenarios (Scenarios/ in the checkout) for the CLI tests, as they are or made hostile.
enum CLIScenarios {
    static func builtIn(_ id: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scenarios").appendingPathComponent(id)
    }

    /// `wlan-radio-disabled` as device `hostile-radio`, whose radio is named with `TerminalBytes.hostile`
    /// (JSON-escaped, as ubus prints it) and whose log holds the same sequences raw.
    static func hostileRadio(in folder: URL) throws -> URL {
        let scenario = folder.appendingPathComponent("hostile-radio")
        try FileManager.default.copyItem(at: builtIn("wlan-radio-disabled"), to: scenario)
        try edit(scenario.appendingPathComponent("scenario.yaml")) {
            $0.replacingOccurrences(of: "id: wlan-radio-disabled", with: "id: hostile-radio")
        }
        try edit(scenario.appendingPathComponent("commands/ubus call network.wireless status")) {
            $0.replacingOccurrences(of: "\"radio0\"", with: "\"radio0\(TerminalBytes.hostileEscaped)\"")
        }
        try edit(scenario.appendingPathComponent("commands/logread -l 300")) {
            $0 + "Thu Dec  3 09:00:00 2026 daemon.err hostapd: \(TerminalBytes.hostile)\n"
        }
        return scenario
    }

    /// Gives every device in a written inventory a model with `TerminalBytes.hostile` in it (a YAML
    /// double-quoted value with escapes: the inventory itself stays valid).
    static func poisonModels(in inventory: URL) throws {
        try edit(inventory) { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                guard let range = line.range(of: "model: ") else { return String(line) }
                return line[..<range.upperBound] + "\"Evil \(TerminalBytes.hostileEscaped) Router\""
            }.joined(separator: "\n")
        }
    }

    private static func edit(_ file: URL, _ change: (String) -> String) throws {
        try change(try String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
    }
}
