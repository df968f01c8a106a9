/// Reads `ubus call system board`: model, board name, kernel, SoC and the firmware `release`.
enum SystemBoardParser {
    static func parse(_ text: String, subject: String) -> ParseResult<BoardInfo?> {
        .reading(subject) { read(text, subject: subject, warnings: &$0) }
    }

    private static func read(_ text: String, subject: String, warnings: inout WarningCollector) -> BoardInfo? {
        guard let root = JSONSectionReader.object(text, warnings: &warnings) else { return nil }
        let release = root.object("release", &warnings).map { release in
            FirmwareRelease(
                distribution: release.string("distribution", &warnings),
                version: release.string("version", &warnings),
                revision: release.string("revision", &warnings),
                target: release.string("target", &warnings),
                description: release.string("description", &warnings))
        }
        return BoardInfo(
            model: root.string("model", &warnings),
            boardName: root.string("board_name", &warnings),
            hostname: root.string("hostname", &warnings),
            kernelVersion: root.string("kernel", &warnings),
            system: root.string("system", &warnings),
            release: release)
    }
}
