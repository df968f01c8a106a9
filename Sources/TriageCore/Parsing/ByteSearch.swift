/// Searches in UTF-8 bytes, for hot paths: the generic `firstRange(of:)` and `String.contains`
/// of the standard library cost more per byte than the whole parse of a probe's output.
enum ByteSearch {
    /// Whether `needle` occurs in `bytes`.
    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard bytes.count >= needle.count else { return false }
        return bytes.withUnsafeBufferPointer { haystack in
            var index = 0
            let last = haystack.count - needle.count
            while index <= last {
                if haystack[index] == first {
                    var matched = 1
                    while matched < needle.count, haystack[index + matched] == needle[matched] { matched += 1 }
                    if matched == needle.count { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// Whether any of `needles` (lower-case ASCII) occurs in `text`, ASCII letters compared without
    /// case; nil when `text` holds a non-ASCII byte (Unicode case mapping can turn one into ASCII
    /// letters, e.g. the Kelvin sign into `k`: the caller then uses `lowercased()`).
    static func containsAnyIgnoringASCIICase(_ text: String, _ needles: [[UInt8]]) -> Bool? {
        var text = text
        return text.withUTF8 { haystack in
            for byte in haystack where byte >= 0x80 { return nil }
            var index = 0
            while index < haystack.count {
                let byte = lower(haystack[index])
                for needle in needles where needle[0] == byte && index + needle.count <= haystack.count {
                    var matched = 1
                    while matched < needle.count, lower(haystack[index + matched]) == needle[matched] { matched += 1 }
                    if matched == needle.count { return true }
                }
                index += 1
            }
            return false
        }
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
