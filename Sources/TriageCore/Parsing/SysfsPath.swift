/// Splits sysfs paths of the probe contract: `/sys/class/<class>/<device>/<attribute>`.
enum SysfsPath {
    /// For `/sys/class/leds/green:wlan/brightness` and class `leds`: ("green:wlan", "brightness").
    /// Device names may hold colons (LEDs) but never slashes.
    static func deviceAndAttribute(of path: String, inClass sysfsClass: String) -> (device: String, attribute: String)? {
        let prefix = "/sys/class/\(sysfsClass)/"
        guard path.hasPrefix(prefix) else { return nil }
        let parts = path.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let device = parts.first, let attribute = parts.last,
            !device.isEmpty, !attribute.isEmpty
        else { return nil }
        return (String(device), String(attribute))
    }

    /// Reads a sysfs boolean or integer file: "1\n" → 1.
    static func integer(_ text: String) -> Int? {
        Int(text.trimmingBlanksAndNewlines())
    }
}

extension String {
    func trimmingBlanksAndNewlines() -> Substring {
        guard let start = firstIndex(where: { !$0.isWhitespace }),
            let end = lastIndex(where: { !$0.isWhitespace })
        else { return self[endIndex..<endIndex] }
        return self[start...end]
    }
}
