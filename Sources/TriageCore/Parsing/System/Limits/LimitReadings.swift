/// Collects the limits sections of one run (`LimitSection`) and turns them into facts: the
/// temperatures with their own trip points, and the reboot history.
struct LimitReadings {
    private var zoneTypes: [String: String] = [:]
    private var tripTemperatures: [String: [Int: Double]] = [:]
    private var tripTypes: [String: [Int: String]] = [:]
    private var chipNames: [String: String] = [:]
    /// hwmon chip → sensor → attribute (`input`, `crit`, `max`) → °C.
    private var hwmonValues: [String: [String: [String: Double]]] = [:]
    private var bootID: String?
    private var watchdogs: [String: WatchdogStatus] = [:]
    private var pstoreEntries: [String]?
    private var crashRecords: [CrashRecord] = []

    /// Reads `section` if it is a limits section; false for any other section.
    mutating func read(_ section: ProbeSection, warnings: inout [ParseWarning]) -> Bool {
        guard let kind = LimitSection(section) else { return false }
        var collector = WarningCollector(section: section.subject)
        guard let text = SectionInput.text(of: section, warnings: &collector) else {
            warnings += collector.warnings
            return true
        }
        warnings += collector.warnings
        let subject = section.subject
        switch kind {
        case .zoneType(let zone): zoneTypes[zone] = SysfsValueParser.word(text, subject: subject).value(addingWarningsTo: &warnings)
        case .tripTemperature(let zone, let trip):
            tripTemperatures[zone, default: [:]][trip] = ThermalZoneParser.parse(text, subject: subject)
                .value(addingWarningsTo: &warnings)
        case .tripType(let zone, let trip):
            tripTypes[zone, default: [:]][trip] = SysfsValueParser.word(text, subject: subject)
                .value(addingWarningsTo: &warnings)?.lowercased()
        case .hwmonName(let chip): chipNames[chip] = SysfsValueParser.word(text, subject: subject).value(addingWarningsTo: &warnings)
        case .hwmonTemperature(let chip, let sensor, let attribute):
            // The hwmon ABI is always millidegrees.
            let value = SysfsValueParser.integer(text, subject: subject).value(addingWarningsTo: &warnings)
            hwmonValues[chip, default: [:]][sensor, default: [:]][attribute] = value.map { Double($0) / 1000 }
        case .bootID: bootID = SysfsValueParser.word(text, subject: subject).value(addingWarningsTo: &warnings)
        case .watchdog(let device, let attribute): readWatchdog(device, attribute, text, subject, &warnings)
        case .pstoreListing:
            pstoreEntries = NameListParser.parse(text, subject: subject, extraCharacters: "-_.", noun: "pstore entry")
                .value(addingWarningsTo: &warnings)
        case .pstoreRecord(let file):
            crashRecords.append(PstoreRecordParser.parse(text, file: file, subject: subject).value(addingWarningsTo: &warnings))
        }
        return true
    }

    private mutating func readWatchdog(
        _ device: String, _ attribute: String, _ text: String, _ subject: String, _ warnings: inout [ParseWarning]
    ) {
        var status = watchdogs[device] ?? WatchdogStatus(device: device)
        switch attribute {
        case "identity": status.identity = SysfsValueParser.word(text, subject: subject).value(addingWarningsTo: &warnings)
        case "bootstatus":
            status.bootstatus = SysfsValueParser.integer(text, subject: subject).value(addingWarningsTo: &warnings)
            status.reasons = status.bootstatus.map(WatchdogBootstatus.reasons) ?? []
        default: return
        }
        watchdogs[device] = status
    }

    /// The zone temperatures completed with each zone's type and trip points, then the hwmon sensors.
    func temperatures(zones: [Temperature]) -> [Temperature] {
        let completed = zones.map { reading in
            let temperatures = tripTemperatures[reading.zone] ?? [:]
            let trips = temperatures.keys.sorted().compactMap { index -> TripPoint? in
                guard let celsius = temperatures[index] else { return nil }
                return TripPoint(type: tripTypes[reading.zone]?[index] ?? "unknown", celsius: celsius, index: index)
            }
            return Temperature(zone: reading.zone, type: zoneTypes[reading.zone], celsius: reading.celsius, trips: trips)
        }
        let sensors = hwmonValues.keys.sorted().flatMap { chip in
            (hwmonValues[chip] ?? [:]).sorted { $0.key < $1.key }.compactMap { sensor, values -> Temperature? in
                guard let celsius = values["input"] else { return nil }
                let trips = [("critical", values["crit"]), ("max", values["max"])].compactMap { type, value in
                    value.map { TripPoint(type: type, celsius: $0) }
                }
                return Temperature(zone: "\(chip)/\(sensor)", type: chipNames[chip], source: .hwmon, celsius: celsius, trips: trips)
            }
        }
        return completed + sensors
    }

    /// What the device recorded about its resets, with the boots and watchdog events the log shows.
    func reboots(log: SystemLog?) -> RebootHistory {
        let events = log?.events
        return RebootHistory(
            bootID: bootID, bootsInLog: events.map { $0.count { $0.kind == .boot } },
            watchdogEventsInLog: events.map { $0.count { $0.kind == .watchdog } },
            watchdogs: watchdogs.keys.sorted().compactMap { watchdogs[$0] },
            pstoreEntries: pstoreEntries, crashRecords: crashRecords.sorted { $0.file < $1.file })
    }
}
