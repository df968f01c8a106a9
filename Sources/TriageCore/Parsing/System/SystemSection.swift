/// The system sections of the probe contract, recognised by kind and subject.
enum SystemSection {
    case board
    case info
    case diskFree
    case log
    case uptime
    case loadAverage
    case meminfo
    case openWrtRelease
    case thermalZone(String)

    init?(_ section: ProbeSection) {
        switch (section.kind, section.subject) {
        case (.command, "ubus call system board"): self = .board
        case (.command, "ubus call system info"): self = .info
        case (.command, "df -k"): self = .diskFree
        case (.command, "logread -l 300"), (.command, "dmesg"): self = .log
        case (.file, "/proc/uptime"): self = .uptime
        case (.file, "/proc/loadavg"): self = .loadAverage
        case (.file, "/proc/meminfo"): self = .meminfo
        case (.file, "/etc/openwrt_release"): self = .openWrtRelease
        case (.file, let path):
            guard let zone = ThermalZoneParser.zone(of: path) else { return nil }
            self = .thermalZone(zone)
        default: return nil
        }
    }
}
