import Foundation
import TriageTestSupport

/// The checkout's folders the report tests read: built-in scenarios, and `.build/` for screenshots.
enum ReportScenarios {
    static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func builtIn(_ id: String) -> URL {
        checkout.appendingPathComponent("Scenarios").appendingPathComponent(id)
    }

    /// The textbook case ("all LEDs lit, but no WLAN") as device `hostile-leds`, with `<script>`,
    /// quotes and an `<img onerror>` in what the device reports: a radio name, an LED name, the model.
    static func hostileLEDs(in folder: URL) throws -> URL {
        let scenario = folder.appendingPathComponent("hostile-leds")
        try FileManager.default.copyItem(at: builtIn("led-all-lit-wlan-down"), to: scenario)
        try edit(scenario.appendingPathComponent("scenario.yaml")) {
            $0.replacingOccurrences(of: "id: led-all-lit-wlan-down", with: "id: hostile-leds")
                .replacingOccurrences(of: "model: Xiaomi AX6000", with: #"model: "Evil <script>alert('model')</script> \"Router\"""#)
        }
        try edit(scenario.appendingPathComponent("commands/ubus call network.wireless status")) {
            $0.replacingOccurrences(of: "\"radio0\"", with: #""radio0<script>alert(\"radio\")</script>""#)
        }
        let leds = scenario.appendingPathComponent("root/sys/class/leds")
        try FileManager.default.moveItem(at: leds.appendingPathComponent("blue:internet"),
                                         to: leds.appendingPathComponent(hostileLEDName))
        return scenario
    }

    static let hostileLEDName = "blue:internet<img src=x onerror=alert(1)>'\""

    private static func edit(_ file: URL, _ change: (String) -> String) throws {
        try change(try String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
    }
}
