/// WLAN facts: which radios exist, how they are configured and running, who is connected.
///
/// A collection that is `nil` means its section was not there (not probed, tool missing); an
/// empty one means the device said "none".
public struct WLANFacts: Sendable, Hashable, Codable {
    /// Phys the kernel registered (`/sys/class/ieee80211/`).
    public var phys: [String]?
    /// Interfaces from `iw dev`, completed by `iw dev <if> info` and `iwinfo`.
    public var interfaces: [WLANInterface]
    /// netifd's radios (`ubus call network.wireless status`).
    public var radios: [WLANRadio]?
    /// Stations from every `iw dev <if> station dump`.
    public var stations: [WLANStation]
    /// The `hostapd.*` objects `ubus list` shows: one per interface hostapd serves.
    public var hostapdObjects: [String]?
    /// Every `ubus call hostapd.<if> get_clients`, with hostapd's own state from `get_status`.
    public var hostapd: [HostapdInterface]
    public var rfkill: [RfkillSwitch]
    /// `iw reg get`: the global domain first, then those phys manage themselves; `nil` where not read.
    public var regulatory: [RegulatoryDomain]?
    /// The global domain's country (`DE`, `US`; `00` where none is set).
    public var regulatoryCountry: String?

    public init(
        phys: [String]? = nil, interfaces: [WLANInterface] = [], radios: [WLANRadio]? = nil,
        stations: [WLANStation] = [], hostapdObjects: [String]? = nil, hostapd: [HostapdInterface] = [],
        rfkill: [RfkillSwitch] = []
    ) {
        self.phys = phys
        self.interfaces = interfaces
        self.radios = radios
        self.stations = stations
        self.hostapdObjects = hostapdObjects
        self.hostapd = hostapd
        self.rfkill = rfkill
    }

    public init(sections: [ProbeSection], warnings: inout [ParseWarning]) {
        self.init()
        var iwDev: [WLANInterface] = []
        var details: [WLANInterface] = []
        var iwinfo: [WLANInterface] = []
        var statuses: [HostapdInterface] = []
        for section in sections {
            guard let kind = WLANSection(section), kind != .rfkillFile else { continue }
            var collector = WarningCollector(section: section.subject)
            guard let text = SectionInput.text(of: section, warnings: &collector) else {
                if kind == .ieee80211Listing, section.isAbsent { phys = [] }
                warnings += collector.warnings
                continue
            }
            warnings += collector.warnings
            switch kind {
            case .iwDev:
                iwDev += Self.take(IwDevParser.parse(text, subject: section.subject), into: &warnings)
            case .iwDevInfo(let name):
                if let found = Self.take(IwDevInfoParser.parse(text, interface: name), into: &warnings) { details.append(found) }
            case .stationDump(let name):
                stations += Self.take(IwStationDumpParser.parse(text, interface: name), into: &warnings)
            case .iwinfo:
                iwinfo += Self.take(IwinfoParser.parse(text, subject: section.subject), into: &warnings)
            case .wirelessStatus:
                radios = Self.take(NetworkWirelessStatusParser.parse(text, subject: section.subject), into: &warnings)
            case .ubusList:
                hostapdObjects = Self.take(UbusListParser.parse(text, subject: section.subject), into: &warnings)
                    .filter { $0.hasPrefix("hostapd.") }
            case .hostapdClients(let object):
                hostapd.append(Self.take(HostapdClientsParser.parse(text, object: object), into: &warnings))
            case .hostapdStatus(let object):
                statuses.append(Self.take(HostapdStatusParser.parse(text, object: object), into: &warnings))
            case .regulatory:
                regulatory = Self.take(IwRegGetParser.parse(text, subject: section.subject), into: &warnings)
            case .ieee80211Listing:
                phys = Self.take(IEEE80211ListingParser.parse(text, subject: section.subject), into: &warnings)
            case .rfkillFile:
                break
            }
        }
        rfkill = Self.take(RfkillParser.parse(sections: sections), into: &warnings)
        interfaces = Self.merge(details: details, iwDev: iwDev, iwinfo: iwinfo)
        hostapd = Self.merge(statuses: statuses, into: hostapd)
        regulatoryCountry = regulatory?.first { $0.scope == "global" }?.country
    }

    /// Each `get_status` joins the `get_clients` entry of its object (or stands alone without one).
    static func merge(statuses: [HostapdInterface], into clients: [HostapdInterface]) -> [HostapdInterface] {
        var merged = clients
        for status in statuses {
            if let index = merged.firstIndex(where: { $0.object == status.object }) {
                merged[index].takeStatus(from: status)
            } else {
                merged.append(status)
            }
        }
        return merged
    }

    private static func take<Value>(_ result: ParseResult<Value>, into warnings: inout [ParseWarning]) -> Value {
        warnings += result.warnings
        return result.value
    }

    /// One entry per interface name, in `iw dev` order. Where sources disagree the more specific
    /// wins: `iw dev <if> info`, then `iw dev`, then `iwinfo` (which rounds and translates).
    static func merge(details: [WLANInterface], iwDev: [WLANInterface], iwinfo: [WLANInterface]) -> [WLANInterface] {
        var merged: [WLANInterface] = []
        for interface in details + iwDev + iwinfo {
            if let index = merged.firstIndex(where: { $0.name == interface.name }) {
                merged[index].fillGaps(from: interface)
            } else {
                merged.append(interface)
            }
        }
        let order = (iwDev + details + iwinfo).map(\.name)
        return merged.sorted { (order.firstIndex(of: $0.name) ?? 0) < (order.firstIndex(of: $1.name) ?? 0) }
    }
}
