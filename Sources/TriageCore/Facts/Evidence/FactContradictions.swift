/// Facts from different sources that cannot both be true (issue 10, item 4). Each is reported as a
/// sentence; a rule turns them into an escalation when no other finding explains the picture.
///
/// Only pairs of sources that describe the same thing at the same moment are compared, so that a
/// healthy device never shows one: hostapd's state against the kernel's interface list, netifd's
/// radio state against hostapd's, and the phys LEDs are bound to against the phys the kernel has.
enum FactContradictions {
    static func find(in facts: DeviceFacts) -> [String] {
        hostapdWithoutInterface(facts.wlan) + radioUpWithoutAccessPoint(facts.wlan)
            + ledOnMissingPhy(facts.led, phys: facts.wlan.phys)
    }

    /// hostapd says an interface is running that the kernel (`iw dev`) does not have.
    private static func hostapdWithoutInterface(_ wlan: WLANFacts) -> [String] {
        guard !wlan.interfaces.isEmpty else { return [] }
        let names = Set(wlan.interfaces.map(\.name))
        return wlan.hostapd.filter { $0.state == "ENABLED" && !names.contains($0.interface) }.map {
            "hostapd reports \($0.interface) ENABLED, but iw dev does not list it"
        }
    }

    /// netifd calls a radio up while hostapd reports every one of its interfaces stopped.
    private static func radioUpWithoutAccessPoint(_ wlan: WLANFacts) -> [String] {
        let stopped: Set<String> = ["DISABLED", "UNINITIALIZED"]
        return (wlan.radios ?? []).compactMap { radio in
            guard radio.up == true else { return nil }
            let names = Set(radio.interfaces.compactMap(\.ifname))
            let states = wlan.hostapd.filter { names.contains($0.interface) }.compactMap(\.state)
            guard !states.isEmpty, states.allSatisfy(stopped.contains) else { return nil }
            return "netifd reports \(radio.name) up, but hostapd reports its interfaces \(Set(states).sorted().joined(separator: "/"))"
        }
    }

    /// A LED bound to a phy's activity (`phy1tpt`, `phy0radio`, …) that the kernel does not list,
    /// read only where the phy listing was.
    private static func ledOnMissingPhy(_ led: LEDFacts, phys: [String]?) -> [String] {
        guard let phys, !phys.isEmpty else { return [] }
        return led.leds.compactMap { entry in
            guard let trigger = entry.activeTrigger, trigger.hasPrefix("phy") else { return nil }
            let number = trigger.dropFirst(3).prefix(while: \.isNumber)
            let phy = "phy\(number)"
            guard !number.isEmpty, !phys.contains(phy) else { return nil }
            return "LED \(entry.name) follows \(phy), which the kernel does not list"
        }
    }
}
