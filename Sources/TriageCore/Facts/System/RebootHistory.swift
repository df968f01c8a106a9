/// Why the device last restarted and how often it restarted recently, from what the device itself
/// recorded: the hardware watchdog's boot status, pstore's crash records, the kernel's boot banners
/// in the log window, and the boot id.
public struct RebootHistory: Sendable, Hashable, Codable {
    /// `/proc/sys/kernel/random/boot_id`: new at every boot (two diagnoses with different ids
    /// had a reboot between them).
    public var bootID: String?
    /// Kernel boot banners (`Linux version …`) in the log window; `nil` without a log. logd keeps its
    /// log in RAM, so more than one boot shows only where the log survives a reset (log_file, a
    /// persistent syslog).
    public var bootsInLog: Int?
    /// Restarts the log window shows: `bootsInLog - 1`, never below 0.
    public var rebootsInLog: Int?
    /// Kernel watchdog events (lockups, stalls, watchdog resets) in the log window.
    public var watchdogEventsInLog: Int?
    public var watchdogs: [WatchdogStatus]
    /// The entries of `/sys/fs/pstore/`; `nil` where the folder is absent.
    public var pstoreEntries: [String]?
    public var crashRecords: [CrashRecord]
    /// Every reason the device recorded for its last reset (watchdog boot status and pstore
    /// records together), each once, sorted: `oops`, `overheat`, `panic`, `watchdog`, …
    public var lastResetReasons: [String]
    /// A hardware watchdog reset the device last time (WDIOF_CARDRESET).
    public var watchdogReset: Bool
    /// pstore kept a record of a kernel panic or oops from before the last reset.
    public var crashRecorded: Bool

    public init(
        bootID: String? = nil, bootsInLog: Int? = nil, watchdogEventsInLog: Int? = nil, watchdogs: [WatchdogStatus] = [],
        pstoreEntries: [String]? = nil, crashRecords: [CrashRecord] = []
    ) {
        self.bootID = bootID
        self.bootsInLog = bootsInLog
        rebootsInLog = bootsInLog.map { max(0, $0 - 1) }
        self.watchdogEventsInLog = watchdogEventsInLog
        self.watchdogs = watchdogs
        self.pstoreEntries = pstoreEntries
        self.crashRecords = crashRecords
        lastResetReasons = Array(Set(watchdogs.flatMap(\.reasons) + crashRecords.map(\.reason))).sorted()
        watchdogReset = watchdogs.contains { $0.reasons.contains("watchdog") }
        crashRecorded = crashRecords.contains { ["panic", "oops"].contains($0.reason) }
    }
}
