/// The figures of one DSL direction.
public struct DSLDirection: Sendable, Hashable, Codable {
    /// The synchronised data rate in bit/s.
    public var dataRateBitsPerSecond: Int?
    /// The highest rate the line could carry (attainable net data rate), in bit/s.
    public var attainableRateBitsPerSecond: Int?
    /// Signal-to-noise margin in dB: below about 6 dB a line drops and resyncs.
    public var snrMarginDB: Double?
    /// Line attenuation in dB.
    public var attenuationDB: Double?

    public init(
        dataRateBitsPerSecond: Int? = nil,
        attainableRateBitsPerSecond: Int? = nil,
        snrMarginDB: Double? = nil,
        attenuationDB: Double? = nil
    ) {
        self.dataRateBitsPerSecond = dataRateBitsPerSecond
        self.attainableRateBitsPerSecond = attainableRateBitsPerSecond
        self.snrMarginDB = snrMarginDB
        self.attenuationDB = attenuationDB
    }
}
