/// How hard the engine tries with one device. Unset values come from the device's inventory entry.
public struct ProbeSettings: Sendable, Hashable {
    /// Connect attempts before the device counts as unreachable.
    public var connectAttempts: Int?
    /// Wait between connect attempts.
    public var retrySpacing: Duration?
    /// The whole run on one device, retries included, ends within this: a hanging device costs it, no more.
    public var deadline: Duration

    public init(connectAttempts: Int? = nil, retrySpacing: Duration? = nil, deadline: Duration = .seconds(300)) {
        self.connectAttempts = connectAttempts
        self.retrySpacing = retrySpacing
        self.deadline = deadline
    }
}
