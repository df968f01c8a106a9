/// One radio as netifd sees it (`ubus call network.wireless status`): its state and the
/// interfaces configured on it.
public struct WLANRadio: Sendable, Hashable, Codable {
    /// The uci section name, e.g. `radio0`.
    public var name: String
    public var up: Bool?
    public var pending: Bool?
    public var autostart: Bool?
    /// netifd's `disabled`, or the config's where the top level lacks it.
    public var disabled: Bool?
    /// netifd gave up bringing the radio up (the driver or hostapd failed repeatedly).
    public var retrySetupFailed: Bool?
    /// As configured: a number or `auto`.
    public var channel: String?
    /// `2g`/`5g`/`6g` on newer OpenWrt; older ones have `hwmode` (`11g`, `11a`) instead.
    public var band: String?
    public var hwmode: String?
    public var htmode: String?
    /// The device path (`platform/ahb/18100000.wmac`): which hardware the radio is bound to.
    public var path: String?
    public var interfaces: [WLANRadioInterface]

    public init(name: String, interfaces: [WLANRadioInterface] = []) {
        self.name = name
        self.interfaces = interfaces
    }
}
