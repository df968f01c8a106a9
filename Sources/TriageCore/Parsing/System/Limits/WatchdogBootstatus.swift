/// The reset reasons in a watchdog's `bootstatus`: the status bits of `WDIOF_*` (include/uapi/linux/watchdog.h).
/// The other bits are capabilities, which drivers should not report here; they are ignored.
enum WatchdogBootstatus {
    static let reasonBits: [(bit: Int, reason: String)] = [
        (0x0001, "overheat"),  // WDIOF_OVERHEAT: reset due to CPU overheat
        (0x0002, "fan-fault"),  // WDIOF_FANFAULT
        (0x0004, "external1"),  // WDIOF_EXTERN1
        (0x0008, "external2"),  // WDIOF_EXTERN2
        (0x0010, "power-under"),  // WDIOF_POWERUNDER: power bad / power fault
        (0x0020, "watchdog"),  // WDIOF_CARDRESET: the watchdog reset the CPU
        (0x0040, "power-over"),  // WDIOF_POWEROVER
    ]

    static func reasons(_ bootstatus: Int) -> [String] {
        reasonBits.filter { bootstatus & $0.bit != 0 }.map(\.reason)
    }
}
