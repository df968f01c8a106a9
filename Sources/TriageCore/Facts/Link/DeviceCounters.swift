/// Traffic counters of one network device since boot. Each is `nil` where no section reported it.
public struct DeviceCounters: Sendable, Hashable, Codable {
    public var rxBytes: UInt64?
    public var rxPackets: UInt64?
    public var rxErrors: UInt64?
    public var rxDropped: UInt64?
    public var txBytes: UInt64?
    public var txPackets: UInt64?
    public var txErrors: UInt64?
    public var txDropped: UInt64?

    public init(
        rxBytes: UInt64? = nil,
        rxPackets: UInt64? = nil,
        rxErrors: UInt64? = nil,
        rxDropped: UInt64? = nil,
        txBytes: UInt64? = nil,
        txPackets: UInt64? = nil,
        txErrors: UInt64? = nil,
        txDropped: UInt64? = nil
    ) {
        self.rxBytes = rxBytes
        self.rxPackets = rxPackets
        self.rxErrors = rxErrors
        self.rxDropped = rxDropped
        self.txBytes = txBytes
        self.txPackets = txPackets
        self.txErrors = txErrors
        self.txDropped = txDropped
    }

    /// These counters, with every counter that `other` knows taking its value.
    func overlaid(by other: DeviceCounters) -> DeviceCounters {
        DeviceCounters(
            rxBytes: other.rxBytes ?? rxBytes,
            rxPackets: other.rxPackets ?? rxPackets,
            rxErrors: other.rxErrors ?? rxErrors,
            rxDropped: other.rxDropped ?? rxDropped,
            txBytes: other.txBytes ?? txBytes,
            txPackets: other.txPackets ?? txPackets,
            txErrors: other.txErrors ?? txErrors,
            txDropped: other.txDropped ?? txDropped
        )
    }

    /// Sets the counter that a sysfs `statistics/` file or a `/proc/net/dev` column names; other names are ignored.
    mutating func set(_ name: String, to value: UInt64) {
        switch name {
        case "rx_bytes": rxBytes = value
        case "rx_packets": rxPackets = value
        case "rx_errors": rxErrors = value
        case "rx_dropped": rxDropped = value
        case "tx_bytes": txBytes = value
        case "tx_packets": txPackets = value
        case "tx_errors": txErrors = value
        case "tx_dropped": txDropped = value
        default: break
        }
    }
}
