/// One device of a fleet: a scenario served at an address of its own.
public struct SimulatedDevice: Sendable, Hashable {
    /// The scenario id, or `<id>-<n>` for the n-th copy.
    public let id: String
    /// A loopback address of its own (127.0.x.y): real routers are distinct hosts, and SSH servers
    /// limit unauthenticated connections per client address.
    public let host: String
    public let serial: String
    public let scenario: Scenario
}
