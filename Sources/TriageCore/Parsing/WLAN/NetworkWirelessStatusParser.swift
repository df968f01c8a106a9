/// Parses `ubus call network.wireless status`: netifd's view of each radio.
///
/// ```
/// { "radio0": { "up": true, "pending": false, "disabled": false, "retry_setup_failed": false,
///               "config": { "channel": "11", "hwmode": "11g", "htmode": "HT20", … },
///               "interfaces": [ { "section": "default_radio0", "ifname": "wlan0",
///                                 "config": { "mode": "ap", "ssid": "OpenWrt", … } } ] } }
/// ```
///
/// Reads both the 19.07 schema (`hwmode`, a repeated `"mode"` key) and the 23.05+ one (`band`,
/// `vlans`, `stations`). Secrets in `config` (`key`, …) are never copied into facts.
public enum NetworkWirelessStatusParser {
    public static let subject = "ubus call network.wireless status"

    public static func parse(_ text: String, subject: String = subject) -> ParseResult<[WLANRadio]> {
        var warnings = WarningCollector(section: subject)
        let json = LenientJSON.parse(text)
        warnings.add(jsonProblems: json.problems)
        guard let value = json.value else { return warnings.result([]) }
        guard let radios = value.object else {
            warnings.add("expected an object of radios")
            return warnings.result([])
        }
        var result: [WLANRadio] = []
        for (name, entry) in radios.entries {
            guard let object = entry.object else {
                warnings.add("radio '\(name)' is not an object")
                continue
            }
            result.append(radio(named: name, from: object))
        }
        return warnings.result(result)
    }

    private static func radio(named name: String, from object: JSONObject) -> WLANRadio {
        var radio = WLANRadio(name: name)
        let config = object["config"]
        radio.up = object["up"]?.bool
        radio.pending = object["pending"]?.bool
        radio.autostart = object["autostart"]?.bool
        radio.disabled = object["disabled"]?.bool ?? config?["disabled"]?.bool
        radio.retrySetupFailed = object["retry_setup_failed"]?.bool
        radio.channel = text(config?["channel"])
        radio.band = config?["band"]?.string
        radio.hwmode = config?["hwmode"]?.string
        radio.htmode = config?["htmode"]?.string
        radio.path = config?["path"]?.string
        radio.interfaces = (object["interfaces"]?.array ?? []).compactMap { $0.object.map(interface) }
        return radio
    }

    private static func interface(from object: JSONObject) -> WLANRadioInterface {
        let config = object["config"]
        var interface = WLANRadioInterface(section: object["section"]?.string, ifname: object["ifname"]?.string)
        interface.mode = config?["mode"]?.string
        interface.ssid = config?["ssid"]?.string
        interface.encryption = config?["encryption"]?.string
        interface.disabled = config?["disabled"]?.bool
        // `network` is an array on current netifd and a plain string on some older builds.
        if let networks = config?["network"]?.array {
            interface.networks = networks.compactMap(\.string)
        } else if let network = config?["network"]?.string {
            interface.networks = network.split(separator: " ").map(String.init)
        }
        return interface
    }

    /// A channel is a string ("11", "auto") but some builds print it as a number.
    private static func text(_ value: JSONValue?) -> String? {
        if let string = value?.string { return string }
        return value?.int.map(String.init)
    }
}
