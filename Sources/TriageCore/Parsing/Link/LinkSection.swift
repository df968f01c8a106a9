/// The link sections of the probe contract, recognised by kind and subject.
enum LinkSection {
    case interfaceDump
    case routes(Route.Family)
    case dslMetrics
    case procNetDev
    /// `/sys/class/net/<device>/<attribute>`, with counters as `statistics/<name>`.
    case sysfs(device: String, attribute: String)

    init?(_ section: ProbeSection) {
        switch (section.kind, section.subject) {
        case (.command, "ubus call network.interface dump"): self = .interfaceDump
        case (.command, "ip route"): self = .routes(.ipv4)
        case (.command, "ip -6 route"): self = .routes(.ipv6)
        case (.command, "ubus call dsl metrics"): self = .dslMetrics
        case (.file, "/proc/net/dev"): self = .procNetDev
        case (.file, let path):
            guard let (device, attribute) = SysfsNetAttributeParser.location(of: path) else { return nil }
            self = .sysfs(device: device, attribute: attribute)
        default: return nil
        }
    }
}
