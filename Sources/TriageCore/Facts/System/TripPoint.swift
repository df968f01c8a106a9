/// One limit a thermal zone (or hwmon sensor) states for itself.
public struct TripPoint: Sendable, Hashable, Codable {
    /// The kernel's trip type: `critical` (the kernel shuts down), `hot` (it notifies), `passive` (it
    /// throttles), `active` (a fan starts); for hwmon, `critical` from `temp<N>_crit` and `max` from `temp<N>_max`.
    public var type: String
    public var celsius: Double
    /// `trip_point_<N>` of a thermal zone; `nil` for hwmon limits.
    public var index: Int?

    public init(type: String, celsius: Double, index: Int? = nil) {
        self.type = type
        self.celsius = celsius
        self.index = index
    }
}
