/// One mounted filesystem, from `df -k`.
public struct FilesystemUsage: Sendable, Hashable, Codable {
    public var filesystem: String
    public var mountPoint: String
    public var totalKiB: UInt64?
    public var usedKiB: UInt64?
    public var availableKiB: UInt64?
    /// `df`'s own percentage; it rounds up and leaves out root's reserved blocks, so it may not be used/total.
    public var usePercent: Int?

    public init(
        filesystem: String,
        mountPoint: String,
        totalKiB: UInt64? = nil,
        usedKiB: UInt64? = nil,
        availableKiB: UInt64? = nil,
        usePercent: Int? = nil
    ) {
        self.filesystem = filesystem
        self.mountPoint = mountPoint
        self.totalKiB = totalKiB
        self.usedKiB = usedKiB
        self.availableKiB = availableKiB
        self.usePercent = usePercent
    }
}
