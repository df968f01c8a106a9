/// The firmware build, from `ubus call system board`'s `release` or from `/etc/openwrt_release`.
public struct FirmwareRelease: Sendable, Hashable, Codable {
    /// `OpenWrt`, or a derivative's name.
    public var distribution: String?
    /// e.g. `23.05.3`, `23.05-SNAPSHOT`.
    public var version: String?
    /// The source revision, e.g. `r23444-7714fb72be`.
    public var revision: String?
    /// The build target, e.g. `ramips/mt7621`.
    public var target: String?
    public var description: String?

    public init(
        distribution: String? = nil,
        version: String? = nil,
        revision: String? = nil,
        target: String? = nil,
        description: String? = nil
    ) {
        self.distribution = distribution
        self.version = version
        self.revision = revision
        self.target = target
        self.description = description
    }
}
