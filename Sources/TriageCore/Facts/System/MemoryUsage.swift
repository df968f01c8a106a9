/// Main memory, in bytes.
public struct MemoryUsage: Sendable, Hashable, Codable {
    public var totalBytes: UInt64?
    public var freeBytes: UInt64?
    /// What can be had without swapping: free plus reclaimable caches. Older kernels lack it.
    public var availableBytes: UInt64?
    public var buffersBytes: UInt64?
    public var cachedBytes: UInt64?

    public init(
        totalBytes: UInt64? = nil,
        freeBytes: UInt64? = nil,
        availableBytes: UInt64? = nil,
        buffersBytes: UInt64? = nil,
        cachedBytes: UInt64? = nil
    ) {
        self.totalBytes = totalBytes
        self.freeBytes = freeBytes
        self.availableBytes = availableBytes
        self.buffersBytes = buffersBytes
        self.cachedBytes = cachedBytes
    }
}
