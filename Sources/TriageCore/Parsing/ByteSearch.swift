#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Searches in UTF-8 bytes, for hot paths: the generic `firstRange(of:)` and `String.contains`
/// of the standard library cost more per byte than the whole parse of a probe's output.
/// Candidates are found with libc's `memchr` (vectorised) and checked with `memcmp`: every
/// probe's whole output goes through these once per run.
enum ByteSearch {
    /// Whether `needle` occurs in `bytes`.
    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        return bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                guard let needleBase = needle.baseAddress, let base = haystack.baseAddress else { return false }
                let last = haystack.count - needle.count
                var index = 0
                while index <= last {
                    guard let found = memchr(base + index, Int32(needleBase.pointee), last - index + 1) else { return false }
                    let offset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                    if memcmp(base + offset, needleBase, needle.count) == 0 { return true }
                    index = offset + 1
                }
                return false
            }
        }
    }

    /// Offsets of every line of `bytes` that starts with `prefix`: at offset 0 or right after a
    /// newline. A matched prefix is skipped whole, so matches never overlap.
    static func lineStarts(with prefix: [UInt8], in bytes: [UInt8]) -> [Int] {
        guard !prefix.isEmpty else { return [] }
        var starts: [Int] = []
        bytes.withUnsafeBufferPointer { haystack in
            prefix.withUnsafeBufferPointer { prefix in
                guard let base = haystack.baseAddress, let prefixBase = prefix.baseAddress else { return }
                var lineStart = 0
                while lineStart < haystack.count {
                    var next = lineStart
                    if haystack.count - lineStart >= prefix.count, memcmp(base + lineStart, prefixBase, prefix.count) == 0 {
                        starts.append(lineStart)
                        next += prefix.count
                    }
                    guard next < haystack.count,
                          let newline = memchr(base + next, Int32(UInt8(ascii: "\n")), haystack.count - next) else { break }
                    lineStart = UnsafeRawPointer(newline) - UnsafeRawPointer(base) + 1
                }
            }
        }
        return starts
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
