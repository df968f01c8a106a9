/// Something the device log says happened, classified, with the lines it came from.
///
/// Events are observations, not findings: one link-down is normal, hundreds are a flapping port.
/// Rules count and combine them.
public struct LogEvent: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Radio firmware crashed or stopped answering (ath10k/ath11k "firmware crashed", brcmfmac halt,
        /// mt76 MCU message timeouts).
        case firmwareCrash
        /// A driver failed to bring up its hardware (`probe of … failed`, `could not probe fw`).
        case driverProbeFailure
        /// A radio MAC that stops responding (ath9k DMA stop failures, calibration timeouts): noise when rare,
        /// a hardware fault when it repeats.
        case radioHang
        case dfsCACStarted
        case dfsCACCompleted
        /// The channel availability check ended without success (`DFS-CAC-COMPLETED success=0`): radar or abort.
        case dfsCACFailed
        case dfsRadarDetected
        /// hostapd could not start an access point.
        case hostapdStartFailure
        /// The PPPoE server refused the credentials (PAP/CHAP authentication failed).
        case pppoeAuthFailure
        /// The PPPoE server did not answer (no PADO/PADS, LCP echo timeouts).
        case pppoeTimeout
        /// A network device's link (carrier) went up or down.
        case linkUp
        case linkDown
        /// A netifd logical interface went up or down.
        case interfaceUp
        case interfaceDown
        /// Kernel oops, BUG or panic.
        case kernelOops
        /// Lockups found by the kernel watchdog, or a reset caused by the hardware watchdog.
        case watchdog
        /// The kernel shut down or throttled because a thermal zone passed its critical trip point.
        case thermalShutdown
        /// The kernel's boot banner (`Linux version …`): one per boot the log window holds.
        case boot
    }

    public var kind: Kind
    /// What it happened to, as the log names it: a driver instance (`ath10k_pci 0000:01:00.0`), a device
    /// (`wan`), an interface (`wlan0`) or a process (`pppd[8325]`).
    public var subject: String?
    /// The part of the message that says what exactly, e.g. `freq=5700 chan=140` or the PPPoE server's message.
    public var detail: String?
    public var lines: [LogLine]

    public init(kind: Kind, subject: String? = nil, detail: String? = nil, lines: [LogLine]) {
        self.kind = kind
        self.subject = subject
        self.detail = detail
        self.lines = lines
    }
}
