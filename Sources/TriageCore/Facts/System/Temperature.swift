/// One temperature sensor with the limits it states for itself: a thermal zone
/// (`/sys/class/thermal/thermal_zone<N>/`) or, on devices without zones, an hwmon sensor
/// (`/sys/class/hwmon/hwmon<N>/temp<M>_*`).
///
/// The `past…` facts compare the temperature with the device's own trip points, so rules need no
/// thresholds of ours; they are `nil` where the device states no such limit.
public struct Temperature: Sendable, Hashable, Codable {
    public enum Source: String, Sendable, Hashable, Codable {
        case thermalZone
        case hwmon
    }

    /// The zone's folder name (`thermal_zone0`), or `hwmon<N>/temp<M>` for an hwmon sensor.
    public var zone: String
    /// The zone's `type` (`cpu-thermal`, `mt7915-phy0`), or the hwmon chip's `name`.
    public var type: String?
    public var source: Source
    public var celsius: Double
    /// The limits the sensor states, in the device's order.
    public var trips: [TripPoint]
    /// The lowest `critical` trip: where the kernel shuts the device down.
    public var criticalCelsius: Double?
    /// The lowest `hot` trip (hwmon: `max`, the chip's alarm limit).
    public var hotCelsius: Double?
    /// The lowest `passive` trip: where the kernel starts throttling.
    public var passiveCelsius: Double?
    /// At or above its own critical, hot, passive trip point (the kernel acts at `>=`).
    public var pastCritical: Bool?
    public var pastHot: Bool?
    public var pastPassive: Bool?
    /// Degrees left below the critical trip (negative when past it).
    public var criticalHeadroomCelsius: Double?

    public init(zone: String, type: String? = nil, source: Source = .thermalZone, celsius: Double, trips: [TripPoint] = []) {
        self.zone = zone
        self.type = type
        self.source = source
        self.celsius = celsius
        self.trips = trips
        criticalCelsius = Self.lowest(of: ["critical"], in: trips)
        hotCelsius = Self.lowest(of: ["hot", "max"], in: trips)
        passiveCelsius = Self.lowest(of: ["passive"], in: trips)
        pastCritical = criticalCelsius.map { celsius >= $0 }
        pastHot = hotCelsius.map { celsius >= $0 }
        pastPassive = passiveCelsius.map { celsius >= $0 }
        criticalHeadroomCelsius = criticalCelsius.map { $0 - celsius }
    }

    /// Trips at or below 0 °C are placeholders of drivers that leave a trip unused, never a limit.
    private static func lowest(of types: Set<String>, in trips: [TripPoint]) -> Double? {
        trips.filter { types.contains($0.type) && $0.celsius > 0 }.map(\.celsius).min()
    }

    var zoneNumber: Int {
        Int(zone.drop(while: { !$0.isNumber })) ?? Int.max
    }
}
