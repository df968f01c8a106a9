import Foundation
import TriageCore

/// What the probes say an LED should show, by what the LED is for. Only the functions whose state
/// the probes see are judged (WLAN, internet/WAN, power); any other LED is drawn without a judgement.
enum LEDExpectation {
    static func of(_ led: LED, facts: DeviceFacts) -> (shouldBeLit: Bool?, words: String) {
        let function = (led.function ?? led.name).lowercased()
        if function.range(of: "wlan|wifi|wireless|radio", options: .regularExpression) != nil {
            return wlan(function, facts.wlan)
        }
        if function.range(of: "internet|wan", options: .regularExpression) != nil {
            return wan(facts.link)
        }
        if function.contains("power") {
            return (true, "on: the router answers")
        }
        return (nil, "no probe tells what it should show")
    }

    private static func wlan(_ function: String, _ wlan: WLANFacts) -> (Bool?, String) {
        guard let radios = wlan.radios, !radios.isEmpty else { return (nil, "no radio state was read") }
        let band = ["2g", "5g", "6g"].first { function.contains($0) }
        let serving = band.map { band in radios.filter { $0.band == band } }.flatMap { $0.isEmpty ? nil : $0 } ?? radios
        let up = serving.filter { $0.up == true }.map(\.name)
        if !up.isEmpty { return (true, "lit: radio \(up.joined(separator: ", ")) is up") }
        let names = serving.map(\.name).joined(separator: ", ")
        return (false, "off: radio \(names) is not up")
    }

    private static func wan(_ link: LinkFacts) -> (Bool?, String) {
        let wan = link.interfaces.filter { $0.name.lowercased().hasPrefix("wan") }
        guard !wan.isEmpty else { return (nil, "no WAN interface was read") }
        let up = wan.filter { $0.isUp == true }.map(\.name)
        if !up.isEmpty { return (true, "lit: \(up.joined(separator: ", ")) is up") }
        return (false, "off: \(wan.map(\.name).joined(separator: ", ")) is down")
    }
}
