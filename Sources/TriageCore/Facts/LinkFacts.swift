/// Link facts: network devices, netifd's logical interfaces, routes and the DSL line.
public struct LinkFacts: Sendable, Hashable, Codable {
    /// Kernel network devices by name, from the `/sys/class/net` files and `/proc/net/dev`.
    public var devices: [NetworkDevice]
    /// netifd interfaces, from `ubus call network.interface dump`.
    public var interfaces: [LogicalInterface]
    /// The kernel's routes, from `ip route` and `ip -6 route`.
    public var routes: [Route]
    /// The DSL line, from `ubus call dsl metrics`, on devices that have a modem.
    public var dsl: DSLStatus?

    public init(
        devices: [NetworkDevice] = [], interfaces: [LogicalInterface] = [], routes: [Route] = [], dsl: DSLStatus? = nil
    ) {
        self.devices = devices
        self.interfaces = interfaces
        self.routes = routes
        self.dsl = dsl
    }

    public init(sections: [ProbeSection], warnings: inout [ParseWarning]) {
        self.init()
        var devicesByName: [String: NetworkDevice] = [:]
        var procNetDevCounters: [String: DeviceCounters] = [:]
        // Only link sections are read here, so a truncated section of another group is not warned twice.
        for section in sections {
            guard let kind = LinkSection(section),
                let text = SectionInput.text(of: section, addingWarningsTo: &warnings)
            else { continue }
            let subject = section.subject
            switch kind {
            case .interfaceDump:
                interfaces = NetworkInterfaceDumpParser.parse(text, subject: subject).value(addingWarningsTo: &warnings)
            case .routes(let family):
                routes += IPRouteParser.parse(text, family: family, subject: subject)
                    .value(addingWarningsTo: &warnings)
            case .dslMetrics:
                dsl = DSLMetricsParser.parse(text, subject: subject).value(addingWarningsTo: &warnings)
            case .procNetDev:
                for listed in ProcNetDevParser.parse(text, subject: subject).value(addingWarningsTo: &warnings) {
                    procNetDevCounters[listed.name] = listed.counters
                }
            case .sysfs(let name, let attribute):
                var attributeWarnings = WarningCollector(section: subject)
                SysfsNetAttributeParser.apply(
                    text, attribute: attribute, to: &devicesByName[name, default: NetworkDevice(name: name)],
                    warnings: &attributeWarnings)
                warnings += attributeWarnings.warnings
            }
        }
        // Both sources read the same kernel counters; a sysfs file, read on its own, wins over /proc/net/dev.
        for (name, counters) in procNetDevCounters {
            var device = devicesByName[name] ?? NetworkDevice(name: name)
            device.counters = counters.overlaid(by: device.counters)
            devicesByName[name] = device
        }
        devices = devicesByName.values.sorted { $0.name < $1.name }
    }

    /// The kernel's default routes of one family; more than one means multi-WAN or a leftover route.
    public func defaultRoutes(_ family: Route.Family) -> [Route] {
        routes.filter { $0.family == family && $0.isDefault && $0.type == "unicast" }
    }
}
