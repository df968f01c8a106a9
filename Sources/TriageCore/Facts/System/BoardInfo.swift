/// What the device says it is, from `ubus call system board`.
public struct BoardInfo: Sendable, Hashable, Codable {
    /// The marketing name, e.g. `TP-Link TL-WR841N/ND v9`.
    public var model: String?
    /// OpenWrt's board id, e.g. `tplink,tl-wr841-v9`: stable across firmware versions, unlike `model`.
    public var boardName: String?
    public var hostname: String?
    public var kernelVersion: String?
    /// The SoC, e.g. `Qualcomm Atheros QCA9533 ver 1 rev 1`.
    public var system: String?
    public var release: FirmwareRelease?

    public init(
        model: String? = nil,
        boardName: String? = nil,
        hostname: String? = nil,
        kernelVersion: String? = nil,
        system: String? = nil,
        release: FirmwareRelease? = nil
    ) {
        self.model = model
        self.boardName = boardName
        self.hostname = hostname
        self.kernelVersion = kernelVersion
        self.system = system
        self.release = release
    }
}
