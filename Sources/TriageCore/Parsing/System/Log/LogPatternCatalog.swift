/// The message shapes that become log events, most specific first: the first pattern that matches a line wins.
///
/// Left out on purpose, because healthy devices print them:
/// - ath10k `failed to fetch board data for … variant=…`: a fallback to the generic board file, not a failure
///   (`failed to fetch board file` is the fatal one);
/// - `Direct firmware load for … failed with error -2`: firmware loaders try several names before the one
///   that exists;
/// - hostapd `AP-DISABLED` and `ENABLED->DISABLED`: printed on every `wifi reload` and shutdown;
/// - procd `- watchdog -`: printed at every boot when procd takes over the hardware watchdog;
/// - ath10k `failed to submit/push frame: -19`: the aftermath of a firmware crash, which is its own event.
enum LogPatternCatalog {
    static let patterns: [LogPattern] = radio + network + kernel

    private static let radio: [LogPattern] = [
        LogPattern(.firmwareCrash, "firmware crashed", process: "kernel"),
        LogPattern(.firmwareCrash, "Firmware crashed", process: "kernel"),
        LogPattern(.firmwareCrash, "brcmf_fw_crashed", process: "kernel"),
        LogPattern(.firmwareCrash, "Microcode SW error detected", process: "kernel"),
        // mt76 (mt7615/mt7915/mt7921): the MCU stopped answering; Wi-Fi is unusable until a reset.
        LogPattern(.firmwareCrash, "Message ", alsoAfter: ") timeout", process: "kernel"),
        LogPattern(.driverProbeFailure, "probe of ", alsoAfter: " failed with error", process: "kernel"),
        LogPattern(.driverProbeFailure, "could not probe fw", process: "kernel"),
        LogPattern(.driverProbeFailure, "failed to fetch board file", process: "kernel"),
        LogPattern(.driverProbeFailure, "could not fetch firmware", process: "kernel"),
        LogPattern(.driverProbeFailure, "Firmware is not ready for download", process: "kernel"),
        LogPattern(.driverProbeFailure, "Failed to initialize device", process: "kernel"),
        LogPattern(.driverProbeFailure, "failed to initialize device", process: "kernel"),
        // The SDIO card (brcmfmac and other SDIO radios) could not be brought back after it dropped off the bus.
        LogPattern(.driverProbeFailure, "whilst initialising SDIO card", process: "kernel", subject: .device),
        LogPattern(.radioHang, "DMA failed to stop", process: "kernel"),
        LogPattern(.radioHang, "Failed to stop TX DMA", process: "kernel"),
        LogPattern(.radioHang, "Timeout while waiting for nf to load", process: "kernel"),
        LogPattern(.dfsCACStarted, "DFS-CAC-START"),
        LogPattern(.dfsCACFailed, "DFS-CAC-COMPLETED success=0"),
        LogPattern(.dfsCACCompleted, "DFS-CAC-COMPLETED"),
        LogPattern(.dfsRadarDetected, "DFS-RADAR-DETECTED"),
        LogPattern(.dfsRadarDetected, "radar detected", process: "kernel"),
        LogPattern(.hostapdStartFailure, "Could not set channel for kernel driver"),
        LogPattern(.hostapdStartFailure, "Could not configure driver mode"),
        LogPattern(.hostapdStartFailure, "Interface initialization failed", joinsPrevious: true),
        LogPattern(.hostapdStartFailure, "interface state UNINITIALIZED->DISABLED", joinsPrevious: true),
        LogPattern(.hostapdStartFailure, "Unable to setup interface", joinsPrevious: true),
    ]

    private static let network: [LogPattern] =
        [
            LogPattern(.pppoeAuthFailure, "Remote message:", process: "pppd", subject: .tag, role: .context),
            LogPattern(.pppoeAuthFailure, "PAP authentication failed", process: "pppd", subject: .tag),
            LogPattern(.pppoeAuthFailure, "CHAP authentication failed", process: "pppd", subject: .tag),
            LogPattern(.pppoeTimeout, "Timeout waiting for PADO packets", process: "pppd", subject: .tag),
            LogPattern(.pppoeTimeout, "Timeout waiting for PADS packets", process: "pppd", subject: .tag),
            LogPattern(
                .pppoeTimeout, "Unable to complete PPPoE Discovery", process: "pppd", subject: .tag, joinsPrevious: true
            ),
            LogPattern(.pppoeTimeout, "LCP: timeout sending Config-Requests", process: "pppd", subject: .tag),
            LogPattern(.pppoeTimeout, "No response to ", alsoAfter: "echo-requests", process: "pppd", subject: .tag),
            LogPattern(.linkDown, "xDSL link down", process: "kernel"),
            LogPattern(.linkUp, "xDSL link up", process: "kernel"),
            LogPattern(.linkUp, "Link is Up", process: "kernel", subject: .device),
            LogPattern(.linkDown, "Link is Down", process: "kernel", subject: .device),
            LogPattern(.linkUp, "link up", process: "kernel", subject: .device),
            LogPattern(.linkDown, "link down", process: "kernel", subject: .device),
        ] + netifdLinks + [
            LogPattern(.interfaceUp, "Interface '", alsoAfter: "' is now up", process: "netifd", subject: .quoted),
            LogPattern(.interfaceDown, "Interface '", alsoAfter: "' is now down", process: "netifd", subject: .quoted),
        ]

    /// netifd reports each device kind's link in its own words; after the kernel's line they report the same change.
    private static let netifdLinks: [LogPattern] = ["Network device '", "Network alias '", "bridge '"].flatMap { name in
        [(LogEvent.Kind.linkUp, "' link is up"), (.linkDown, "' link is down")].map { kind, suffix in
            LogPattern(kind, name, alsoAfter: suffix, process: "netifd", subject: .quoted, joinsPrevious: true)
        }
    }

    private static let kernel: [LogPattern] = [
        LogPattern(.watchdog, "soft lockup", process: "kernel"),
        LogPattern(.watchdog, "hard LOCKUP", process: "kernel"),
        LogPattern(.watchdog, "detected stalls on CPUs", process: "kernel"),
        LogPattern(.watchdog, "self-detected stall", process: "kernel"),
        LogPattern(.watchdog, "reset by watchdog"),
        LogPattern(.watchdog, "watchdog reset"),
        LogPattern(.watchdog, "Watchdog reset"),
        LogPattern(.kernelOops, "Oops", process: "kernel"),
        LogPattern(.kernelOops, "Unable to handle kernel", process: "kernel"),
        LogPattern(.kernelOops, "Kernel panic", process: "kernel"),
        LogPattern(.kernelOops, "kernel BUG at", process: "kernel"),
        LogPattern(.kernelOops, "BUG: ", process: "kernel"),
        LogPattern(.kernelOops, "general protection fault", process: "kernel"),
        LogPattern(.boot, "Linux version ", process: "kernel"),
        LogPattern(.thermalShutdown, "critical temperature reached", process: "kernel"),
        LogPattern(.thermalShutdown, "reached critical temperature", process: "kernel"),
        LogPattern(.thermalShutdown, "thermal shutdown", process: "kernel"),
        LogPattern(.thermalShutdown, "Thermal shutdown", process: "kernel"),
    ]
}
