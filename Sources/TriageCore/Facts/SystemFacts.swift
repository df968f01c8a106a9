/// System facts: what the device is, how it runs, and what its log says happened.
public struct SystemFacts: Sendable, Hashable, Codable {
    /// Model, board and kernel, from `ubus call system board`.
    public var board: BoardInfo?
    /// The firmware build: `ubus call system board`'s `release`, else `/etc/openwrt_release`.
    public var firmware: FirmwareRelease?
    /// Seconds since boot: `/proc/uptime`, else `ubus call system info`.
    public var uptimeSeconds: Double?
    /// `/proc/loadavg`, else `ubus call system info`.
    public var load: LoadAverage?
    /// `/proc/meminfo`, else `ubus call system info`.
    public var memory: MemoryUsage?
    /// Every mount `df -k` listed.
    public var filesystems: [FilesystemUsage]
    /// One per thermal zone (`/sys/class/thermal/thermal_zone*/`) with its type and trip points, by zone
    /// number; where there are no zones, one per hwmon sensor (`/sys/class/hwmon/hwmon*/temp*_input`).
    public var temperatures: [Temperature]
    /// `logread -l 300`, or `dmesg` where logread is missing.
    public var log: SystemLog?
    /// Why and how often the device restarted: watchdog boot status, pstore records, boots in the log.
    public var reboots: RebootHistory

    public init(
        board: BoardInfo? = nil,
        firmware: FirmwareRelease? = nil,
        uptimeSeconds: Double? = nil,
        load: LoadAverage? = nil,
        memory: MemoryUsage? = nil,
        filesystems: [FilesystemUsage] = [],
        temperatures: [Temperature] = [],
        log: SystemLog? = nil,
        reboots: RebootHistory = RebootHistory()
    ) {
        self.board = board
        self.firmware = firmware
        self.uptimeSeconds = uptimeSeconds
        self.load = load
        self.memory = memory
        self.filesystems = filesystems
        self.temperatures = temperatures
        self.log = log
        self.reboots = reboots
    }

    public init(sections: [ProbeSection], warnings: inout [ParseWarning]) {
        self.init()
        var info: SystemInfo?
        var release: FirmwareRelease?
        var limits = LimitReadings()
        // Only system sections are read here, so a truncated section of another group is not warned twice.
        for section in sections {
            if limits.read(section, warnings: &warnings) { continue }
            guard let kind = SystemSection(section),
                let text = SectionInput.text(of: section, addingWarningsTo: &warnings)
            else { continue }
            let subject = section.subject
            switch kind {
            case .board: board = SystemBoardParser.parse(text, subject: subject).value(addingWarningsTo: &warnings)
            case .info: info = SystemInfoParser.parse(text, subject: subject).value(addingWarningsTo: &warnings)
            case .diskFree:
                filesystems = DiskFreeParser.parse(text, subject: subject).value(addingWarningsTo: &warnings)
            case .log: log = SystemLogParser.parse(text, subject: subject).value(addingWarningsTo: &warnings)
            case .uptime:
                uptimeSeconds = ProcUptimeParser.parse(text, subject: subject).value(addingWarningsTo: &warnings)
            case .loadAverage: load = LoadAverageParser.parse(text, subject: subject).value(addingWarningsTo: &warnings)
            case .meminfo: memory = MeminfoParser.parse(text, subject: subject).value(addingWarningsTo: &warnings)
            case .openWrtRelease:
                release = OpenWrtReleaseParser.parse(text, subject: subject).value(addingWarningsTo: &warnings)
            case .thermalZone(let zone):
                if let celsius = ThermalZoneParser.parse(text, subject: subject).value(addingWarningsTo: &warnings) {
                    temperatures.append(Temperature(zone: zone, celsius: celsius))
                }
            }
        }
        firmware = board?.release ?? release
        uptimeSeconds = uptimeSeconds ?? info?.uptimeSeconds.map(Double.init)
        load = load ?? info?.load
        memory = memory ?? info?.memory
        // By zone number, so thermal_zone10 follows thermal_zone9; hwmon sensors after the zones.
        temperatures.sort { ($0.zoneNumber, $0.zone) < ($1.zoneNumber, $1.zone) }
        temperatures = limits.temperatures(zones: temperatures)
        reboots = limits.reboots(log: log)
    }

    /// The writable overlay (`/overlay`), where settings and installed packages live: full means
    /// settings can no longer be saved.
    public var overlay: FilesystemUsage? {
        filesystems.first { $0.mountPoint == "/overlay" }
    }
}
