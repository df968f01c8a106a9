/// Section subjects of the probe contract that the link and system parsers read, with sample device paths.
enum SectionSubjects {
    static let linkAndSystem = [
        "ubus call network.interface dump", "ip route", "ip -6 route", "ubus call dsl metrics", "/proc/net/dev",
        "/sys/class/net/eth0/operstate", "/sys/class/net/eth0/carrier", "/sys/class/net/eth0/speed",
        "/sys/class/net/eth0/duplex", "/sys/class/net/eth0/mtu", "/sys/class/net/eth0/address",
        "/sys/class/net/eth0/carrier_changes", "/sys/class/net/eth0/statistics/rx_bytes",
        "/sys/class/net/eth0/statistics/tx_errors", "ubus call system board", "ubus call system info",
        "/proc/uptime", "/proc/loadavg", "/proc/meminfo", "/etc/openwrt_release", "df -k",
        "/sys/class/thermal/thermal_zone0/temp", "logread -l 300", "dmesg",
    ]
}
