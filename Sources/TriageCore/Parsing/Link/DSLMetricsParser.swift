/// Reads `ubus call dsl metrics` (OpenWrt's `dsl_control`): line state and mode at the top level, rates and
/// margins in `downstream` and `upstream`. Rates are in bit/s, margins and attenuation in dB.
enum DSLMetricsParser {
    static func parse(_ text: String, subject: String) -> ParseResult<DSLStatus?> {
        .reading(subject) { read(text, subject: subject, warnings: &$0) }
    }

    private static func read(_ text: String, subject: String, warnings: inout WarningCollector) -> DSLStatus? {
        guard let root = JSONSectionReader.object(text, warnings: &warnings) else { return nil }
        return DSLStatus(
            state: root.string("state", &warnings),
            stateNumber: root.int("state_num", &warnings),
            isUp: root.bool("up", &warnings),
            uptimeSeconds: root.int("uptime", &warnings),
            mode: root.string("mode", &warnings),
            standard: root.string("standard", &warnings),
            annex: root.string("annex", &warnings),
            profile: root.string("profile", &warnings),
            chipset: root.string("chipset", &warnings),
            firmwareVersion: root.string("firmware_version", &warnings),
            remoteVendor: root.object("atu_c", &warnings)?.string("vendor", &warnings),
            downstream: root.object("downstream", &warnings).map { direction($0, &warnings) },
            upstream: root.object("upstream", &warnings).map { direction($0, &warnings) })
    }

    private static func direction(_ fields: JSONFields, _ warnings: inout WarningCollector) -> DSLDirection {
        DSLDirection(
            dataRateBitsPerSecond: fields.int("data_rate", &warnings),
            attainableRateBitsPerSecond: fields.int("attndr", &warnings),
            snrMarginDB: fields.double("snr", &warnings),
            attenuationDB: fields.double("latn", &warnings))
    }
}
