internal import TriageCore

/// Turns one fuzz input into probe sections: the input is split at NUL bytes, one section per piece.
///
/// A piece that starts with a known subject and a newline (`ip route\n…`, as the seeds from the corpus
/// do) is that subject's output. Any other piece is steered by its first byte: the byte picks the subject,
/// and its top bit marks the section truncated, so mutations reach every parser.
enum FuzzSections {
    /// The subjects of the probe contract, with sample names for the per-interface and per-file ones.
    static let subjects = [
        // link
        "ubus call network.interface dump", "ip route", "ip -6 route", "ubus call dsl metrics", "/proc/net/dev",
        "/sys/class/net/eth0/operstate", "/sys/class/net/eth0/carrier", "/sys/class/net/eth0/speed",
        "/sys/class/net/eth0/duplex", "/sys/class/net/eth0/mtu", "/sys/class/net/eth0/address",
        "/sys/class/net/eth0/carrier_changes", "/sys/class/net/eth0/statistics/rx_bytes",
        "/sys/class/net/eth0/statistics/tx_errors",
        // system
        "ubus call system board", "ubus call system info", "/proc/uptime", "/proc/loadavg", "/proc/meminfo",
        "/etc/openwrt_release", "df -k", "/sys/class/thermal/thermal_zone0/temp", "logread -l 300", "dmesg",
        // wlan and led, for the parsers of the other half of the parsers issue
        "iw dev", "iw dev wlan0 info", "iw dev wlan0 station dump", "iwinfo", "ubus call network.wireless status",
        "ubus list", "ubus call hostapd.wlan0 get_clients", "/sys/class/ieee80211/", "/sys/class/rfkill/rfkill0/soft",
        "/sys/class/rfkill/rfkill0/hard", "/sys/class/leds/green:wlan/brightness",
        "/sys/class/leds/green:wlan/max_brightness", "/sys/class/leds/green:wlan/trigger", "uci -q show system",
    ]

    static func sections(_ bytes: UnsafeBufferPointer<UInt8>) -> [ProbeSection] {
        bytes.split(separator: 0, omittingEmptySubsequences: false).compactMap { piece in
            guard let first = piece.first else { return nil }
            let text = String(decoding: piece, as: UTF8.self)
            if let newline = text.firstIndex(of: "\n"), subjects.contains(String(text[..<newline])) {
                return section(String(text[..<newline]), String(text[text.index(after: newline)...]), truncated: false)
            }
            let subject = subjects[Int(first) % subjects.count]
            return section(subject, String(decoding: piece.dropFirst(), as: UTF8.self), truncated: first >= 0x80)
        }
    }

    private static func section(_ subject: String, _ output: String, truncated: Bool) -> ProbeSection {
        let isFile = subject.hasPrefix("/")
        return ProbeSection(
            kind: isFile ? .file : .command, subject: subject, output: output, exitCode: isFile ? nil : 0,
            isTruncated: truncated)
    }
}
