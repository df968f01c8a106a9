/// Parses `ubus call hostapd.<if> get_status`: hostapd's own state of one interface.
///
/// ```
/// { "status": "ENABLED", "bssid": "…", "ssid": "…", "freq": 5180, "channel": 36, "phy": "phy1",
///   "airtime": { "time": 0, "time_busy": 0, "utilization": 12 },
///   "dfs": { "cac_seconds": 60, "cac_active": false, "cac_seconds_left": 0 } }
/// ```
/// (openwrt package/network/services/hostapd/src/src/ap/ubus.c, `hostapd_bss_get_status`).
public enum HostapdStatusParser {
    /// `ubus call <object> get_status`
    public static func subject(object: String) -> String { "ubus call \(object) get_status" }

    /// `object` is the ubus object from the command line, e.g. `hostapd.wlan1`.
    public static func parse(_ text: String, object: String) -> ParseResult<HostapdInterface> {
        .reading(subject(object: object)) { warnings in
            let name = object.hasPrefix("hostapd.") ? String(object.dropFirst("hostapd.".count)) : object
            var result = HostapdInterface(object: object, interface: name)
            guard let top = JSONSectionReader.object(text, warnings: &warnings) else { return result }
            result.state = top.string("status", &warnings).map { $0.uppercased() }
            result.frequencyMHz = top.int("freq", &warnings)
            result.channel = top.int("channel", &warnings)
            result.phy = top.string("phy", &warnings)
            result.channelUtilization = top.object("airtime", &warnings)?.int("utilization", &warnings)
            if let dfs = top.object("dfs", &warnings) {
                result.cacActive = dfs.bool("cac_active", &warnings)
                result.cacSeconds = dfs.int("cac_seconds", &warnings)
                result.cacSecondsLeft = dfs.int("cac_seconds_left", &warnings)
            }
            if result.state == nil { warnings.add("no 'status': hostapd's state is unknown") }
            return result
        }
    }
}
