/// One hardware watchdog's record of the last reset (`/sys/class/watchdog/watchdog<N>/`).
public struct WatchdogStatus: Sendable, Hashable, Codable {
    /// `watchdog0`
    public var device: String
    /// The driver's name for it (`identity`), e.g. `ath79-wdt`.
    public var identity: String?
    /// `bootstatus`: the kernel's WDIOF_* status bits at boot.
    public var bootstatus: Int?
    /// The reset reasons those bits name: `watchdog` (WDIOF_CARDRESET), `overheat`, `fan-fault`,
    /// `power-under`, `power-over`, `external1`, `external2`; empty for a normal power-on.
    public var reasons: [String]

    public init(device: String, identity: String? = nil, bootstatus: Int? = nil, reasons: [String] = []) {
        self.device = device
        self.identity = identity
        self.bootstatus = bootstatus
        self.reasons = reasons
    }
}
