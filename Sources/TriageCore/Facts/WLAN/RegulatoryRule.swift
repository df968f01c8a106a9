/// One frequency range of a regulatory domain, as `iw reg get` prints it:
/// `(5250 - 5350 @ 80), (N/A, 20), (0 ms), DFS, AUTO-BW`.
public struct RegulatoryRule: Sendable, Hashable, Codable {
    public var startMHz: Double
    public var endMHz: Double
    public var maxBandwidthMHz: Double
    /// `nil` for `N/A`.
    public var maxAntennaGainDBi: Double?
    public var maxEIRPdBm: Double?
    /// The channel availability check time of a DFS range, where stated.
    public var cacMilliseconds: Int?
    /// `DFS`, `NO-OUTDOOR`, `NO-IR`, `AUTO-BW`, `PASSIVE-SCAN`, …
    public var flags: [String]

    public init(
        startMHz: Double, endMHz: Double, maxBandwidthMHz: Double, maxAntennaGainDBi: Double? = nil,
        maxEIRPdBm: Double? = nil, cacMilliseconds: Int? = nil, flags: [String] = []
    ) {
        self.startMHz = startMHz
        self.endMHz = endMHz
        self.maxBandwidthMHz = maxBandwidthMHz
        self.maxAntennaGainDBi = maxAntennaGainDBi
        self.maxEIRPdBm = maxEIRPdBm
        self.cacMilliseconds = cacMilliseconds
        self.flags = flags
    }
}
