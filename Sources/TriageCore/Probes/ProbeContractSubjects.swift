/// One section subject of every kind the probe contract names, with a sample name where the
/// contract has a placeholder (`<if>` → `wlan0`, `<name>` → `hostapd.wlan0`, a LED → `green:wlan`).
///
/// The fuzzer and the parser tests reach every parser through these; keeping the list here keeps
/// the two in step with the contract.
public enum ProbeContractSubjects {
    public static let link = [
        "ubus call network.interface dump", "ip route", "ip -6 route", "ubus call dsl metrics", "/proc/net/dev",
        "/sys/class/net/eth0/operstate", "/sys/class/net/eth0/carrier", "/sys/class/net/eth0/speed",
        "/sys/class/net/eth0/duplex", "/sys/class/net/eth0/mtu", "/sys/class/net/eth0/address",
        "/sys/class/net/eth0/carrier_changes", "/sys/class/net/eth0/statistics/rx_bytes",
        "/sys/class/net/eth0/statistics/tx_errors",
    ]

    public static let system = [
        "ubus call system board", "ubus call system info", "/proc/uptime", "/proc/loadavg", "/proc/meminfo",
        "/etc/openwrt_release", "df -k", "/sys/class/thermal/thermal_zone0/temp", "logread -l 300", "dmesg",
        // Protocol version 2: the device's own limits and reset records.
        "/sys/class/thermal/thermal_zone0/type", "/sys/class/thermal/thermal_zone0/trip_point_0_temp",
        "/sys/class/thermal/thermal_zone0/trip_point_0_type", "/sys/class/hwmon/hwmon0/name",
        "/sys/class/hwmon/hwmon0/temp1_input", "/sys/class/hwmon/hwmon0/temp1_crit", "/proc/sys/kernel/random/boot_id",
        "/sys/class/watchdog/watchdog0/bootstatus", "/sys/class/watchdog/watchdog0/identity", "/sys/fs/pstore/",
        "/sys/fs/pstore/dmesg-ramoops-0",
    ]

    public static let wlan = [
        "iw dev", "iw dev wlan0 info", "iw dev wlan0 station dump", "iwinfo", "ubus call network.wireless status",
        "ubus list", "ubus call hostapd.wlan0 get_clients", "ubus call hostapd.wlan0 get_status", "iw reg get",
        "/sys/class/ieee80211/", "/sys/class/rfkill/rfkill0/soft",
        "/sys/class/rfkill/rfkill0/hard",
    ]

    public static let led = [
        "/sys/class/leds/green:wlan/brightness", "/sys/class/leds/green:wlan/max_brightness",
        "/sys/class/leds/green:wlan/trigger", "uci -q show system",
    ]

    /// Every subject above, in a fixed order (the fuzzer picks one by an input byte).
    public static let all = link + system + wlan + led
}
