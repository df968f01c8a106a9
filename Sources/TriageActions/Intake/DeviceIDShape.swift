/// Whether a custom field's value can be an inventory id at all: the inventory's own rule
/// (Docs/inventory.md: 1–64 characters of `A-Z a-z 0-9 . _ -`, not starting with `-` or `.`).
/// TriageActions does not read the inventory; whether the id is in it is the service's check.
enum DeviceIDShape {
    static let limit = 64

    /// What is wrong with `value` as a device id, in words for the ticket, or nil.
    static func problem(_ value: String) -> String? {
        if value.isEmpty { return "is empty" }
        if value.utf8.count > limit { return "is longer than \(limit) characters" }
        let allowed = value.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
        }
        if !allowed { return "has characters an inventory id never has (ids use only A-Z, a-z, 0-9, '.', '_' and '-')" }
        if value.hasPrefix("-") || value.hasPrefix(".") { return "starts with '-' or '.', which no inventory id does" }
        return nil
    }
}
