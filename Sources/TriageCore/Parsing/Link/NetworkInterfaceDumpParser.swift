/// Reads `ubus call network.interface dump`: `{"interface": [ {...}, ... ]}`, one object per netifd interface.
/// Also reads one interface's status (`ubus call network.interface.<name> status`, `ifstatus <name>`),
/// which is the same object on its own; it does not name itself, so its name is empty.
enum NetworkInterfaceDumpParser {
    static func parse(_ text: String, subject: String) -> ParseResult<[LogicalInterface]> {
        .reading(subject) { read(text, subject: subject, warnings: &$0) }
    }

    private static func read(_ text: String, subject: String, warnings: inout WarningCollector) -> [LogicalInterface] {
        guard let root = JSONSectionReader.object(text, warnings: &warnings) else { return [] }
        if root.raw("interface")?.array != nil {
            return root.array("interface", &warnings).enumerated().compactMap { index, element in
                let fields = root.element(index, of: "interface", element)
                guard let name = fields.string("interface", &warnings) else {
                    warnings.add("'\(fields.path)' has no name; skipped")
                    return nil
                }
                return interface(fields, name: name, warnings: &warnings)
            }
        }
        if root.raw("up") != nil || root.raw("proto") != nil {
            return [interface(root, name: root.string("interface", &warnings) ?? "", warnings: &warnings)]
        }
        warnings.add("no 'interface' list")
        return []
    }

    private static func interface(_ fields: JSONFields, name: String, warnings: inout WarningCollector)
        -> LogicalInterface
    {
        var interface = LogicalInterface(
            name: name,
            isUp: fields.bool("up", &warnings),
            isPending: fields.bool("pending", &warnings),
            isAvailable: fields.bool("available", &warnings),
            proto: fields.string("proto", &warnings),
            device: fields.string("device", &warnings),
            l3Device: fields.string("l3_device", &warnings),
            uptimeSeconds: fields.int("uptime", &warnings),
            errors: errors(fields, &warnings),
            ipv4Addresses: addresses("ipv4-address", fields, &warnings),
            ipv6Addresses: addresses("ipv6-address", fields, &warnings),
            dnsServers: fields.array("dns-server", &warnings).compactMap(\.string))
        for (index, element) in fields.array("route", &warnings).enumerated() {
            let route = fields.element(index, of: "route", element)
            guard route.int("mask", &warnings) == 0, let nexthop = route.string("nexthop", &warnings) else { continue }
            switch route.string("target", &warnings) {
            case "0.0.0.0": interface.ipv4DefaultGateway = interface.ipv4DefaultGateway ?? nexthop
            case "::": interface.ipv6DefaultGateway = interface.ipv6DefaultGateway ?? nexthop
            default: continue
            }
        }
        return interface
    }

    /// `[{"address": "192.168.1.1", "mask": 24}]` → `["192.168.1.1/24"]`.
    private static func addresses(_ key: String, _ fields: JSONFields, _ warnings: inout WarningCollector) -> [String] {
        fields.array(key, &warnings).enumerated().compactMap { index, element in
            let entry = fields.element(index, of: key, element)
            guard let address = entry.string("address", &warnings) else { return nil }
            return entry.int("mask", &warnings).map { "\(address)/\($0)" } ?? address
        }
    }

    /// netifd's `errors`: `[{"subsystem": "pppd", "code": "AUTH_FAILED"}]` → `["pppd: AUTH_FAILED"]`.
    private static func errors(_ fields: JSONFields, _ warnings: inout WarningCollector) -> [String] {
        fields.array("errors", &warnings).enumerated().compactMap { index, element in
            let entry = fields.element(index, of: "errors", element)
            let code = entry.string("code", &warnings)
            switch (entry.string("subsystem", &warnings), code) {
            case (let subsystem?, let code?): return "\(subsystem): \(code)"
            case (nil, let code?): return code
            default: return nil
            }
        }
    }
}
