/// Which WLAN section of the probe contract a section subject is.
enum WLANSection: Equatable {
    case iwDev
    case iwDevInfo(interface: String)
    case stationDump(interface: String)
    case iwinfo
    case wirelessStatus
    case ubusList
    case hostapdClients(object: String)
    case hostapdStatus(object: String)
    case regulatory
    case ieee80211Listing
    case rfkillFile

    init?(_ section: ProbeSection) {
        switch section.kind {
        case .file:
            if section.subject == IEEE80211ListingParser.subject || section.subject == "/sys/class/ieee80211" {
                self = .ieee80211Listing
            } else if RfkillParser.isRfkillFile(section.subject) {
                self = .rfkillFile
            } else {
                return nil
            }
        case .command:
            self.init(commandLine: section.subject)
        }
    }

    private init?(commandLine: String) {
        let words = commandLine.split(separator: " ").map(String.init)
        let command = words.count > 2 ? words.prefix(2).joined(separator: " ") : commandLine
        let third = words.count > 2 ? words[2] : ""
        let rest = words.dropFirst(3).joined(separator: " ")
        switch (command, words.count) {
        case ("iw dev", 2): self = .iwDev
        case ("iw dev", 4) where rest == "info": self = .iwDevInfo(interface: third)
        case ("iw dev", 5) where rest == "station dump": self = .stationDump(interface: third)
        case ("iwinfo", 1): self = .iwinfo
        case ("iw reg", 3) where third == "get": self = .regulatory
        case ("ubus list", 2): self = .ubusList
        case ("ubus call", 4) where third == "network.wireless" && rest == "status": self = .wirelessStatus
        case ("ubus call", 4) where third.hasPrefix("hostapd.") && rest == "get_clients":
            self = .hostapdClients(object: third)
        case ("ubus call", 4) where third.hasPrefix("hostapd.") && rest == "get_status":
            self = .hostapdStatus(object: third)
        default: return nil
        }
    }
}
