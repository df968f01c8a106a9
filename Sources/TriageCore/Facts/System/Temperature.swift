/// One thermal zone's temperature, from `/sys/class/thermal/thermal_zone<N>/temp`.
public struct Temperature: Sendable, Hashable, Codable {
    /// The zone's folder name, e.g. `thermal_zone0`.
    public var zone: String
    public var celsius: Double

    public init(zone: String, celsius: Double) {
        self.zone = zone
        self.celsius = celsius
    }

    var zoneNumber: Int {
        Int(zone.drop(while: { !$0.isNumber })) ?? Int.max
    }
}
