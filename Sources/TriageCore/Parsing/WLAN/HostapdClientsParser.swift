/// Parses `ubus call hostapd.<if> get_clients`: the clients hostapd knows on one interface.
///
/// ```
/// { "freq": 2462,
///   "clients": { "xx:xx:xx:xx:xx:xx": { "auth": true, "assoc": true, "authorized": true,
///                                       "rate": { "rx": 72200, "tx": 72200 }, "signal": -55 } } }
/// ```
public enum HostapdClientsParser {
    /// `ubus call <object> get_clients`
    public static func subject(object: String) -> String { "ubus call \(object) get_clients" }

    /// `object` is the ubus object from the command line, e.g. `hostapd.wlan1`.
    public static func parse(_ text: String, object: String) -> ParseResult<HostapdInterface> {
        var warnings = WarningCollector(section: subject(object: object))
        let interfaceName = object.hasPrefix("hostapd.") ? String(object.dropFirst("hostapd.".count)) : object
        var result = HostapdInterface(object: object, interface: interfaceName)
        let json = LenientJSON.parse(text)
        warnings.add(jsonProblems: json.problems)
        guard let value = json.value else { return warnings.result(result) }
        guard let top = value.object else {
            warnings.add("expected an object")
            return warnings.result(result)
        }
        result.frequencyMHz = top["freq"]?.int
        guard let clients = top["clients"]?.object else {
            if top["clients"] != nil || json.isComplete { warnings.add("no 'clients' object") }
            return warnings.result(result)
        }
        for (mac, entry) in clients.entries {
            var client = HostapdClient(macAddress: mac)
            client.authenticated = entry["auth"]?.bool
            client.associated = entry["assoc"]?.bool
            client.authorized = entry["authorized"]?.bool
            client.signalDBm = entry["signal"]?.int
            client.rxRateKbps = entry["rate"]?["rx"]?.int
            client.txRateKbps = entry["rate"]?["tx"]?.int
            result.clients.append(client)
        }
        return warnings.result(result)
    }
}
