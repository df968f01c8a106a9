/// The DSL line, from `ubus call dsl metrics` (OpenWrt's lantiq/`dsl_control`).
public struct DSLStatus: Sendable, Hashable, Codable {
    /// The modem's state text, e.g. `Showtime with TC-Layer sync` (synchronised) or `Silent`.
    public var state: String?
    public var stateNumber: Int?
    public var isUp: Bool?
    public var uptimeSeconds: Int?
    /// The trained mode, e.g. `G.993.2 (VDSL2, Profile 17a, with down- and upstream vectoring)`.
    public var mode: String?
    public var standard: String?
    public var annex: String?
    public var profile: String?
    public var chipset: String?
    public var firmwareVersion: String?
    /// The DSLAM's chipset vendor (`atu_c.vendor`).
    public var remoteVendor: String?
    public var downstream: DSLDirection?
    public var upstream: DSLDirection?

    public init(
        state: String? = nil,
        stateNumber: Int? = nil,
        isUp: Bool? = nil,
        uptimeSeconds: Int? = nil,
        mode: String? = nil,
        standard: String? = nil,
        annex: String? = nil,
        profile: String? = nil,
        chipset: String? = nil,
        firmwareVersion: String? = nil,
        remoteVendor: String? = nil,
        downstream: DSLDirection? = nil,
        upstream: DSLDirection? = nil
    ) {
        self.state = state
        self.stateNumber = stateNumber
        self.isUp = isUp
        self.uptimeSeconds = uptimeSeconds
        self.mode = mode
        self.standard = standard
        self.annex = annex
        self.profile = profile
        self.chipset = chipset
        self.firmwareVersion = firmwareVersion
        self.remoteVendor = remoteVendor
        self.downstream = downstream
        self.upstream = upstream
    }
}
