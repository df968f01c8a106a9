import Foundation

/// The lines of an inventory in the layout Docs/inventory.md shows: a top-level `devices:` line
/// followed by its entries, each starting with `- ` at one indentation. Finding one device then
/// needs the rest of the file and that entry's few lines, not a YAML tree of every device.
///
/// Anything else (a flow list `devices: [...]`, anchors and aliases, which may reach across
/// entries, tabs, several documents) has no layout: callers read the whole file as YAML.
/// It works on bytes with `memchr`: it runs over every byte of files of many megabytes.
struct InventoryLayout {
    /// The file with the device list emptied (`devices: []`), other lines kept where they were,
    /// so that line numbers in problems stay right.
    let header: String
    /// Each entry of the list: its first line (counted from 0) and its bytes.
    let entries: [(firstLine: Int, bytes: Range<Int>)]
    private let bytes: [UInt8]

    init?(_ text: String) {
        let bytes = Array(text.utf8)
        // '&' '*' may be anchors and aliases, '%' a directive; tabs are not YAML indentation.
        guard !"&*%\t".utf8.contains(where: { Self.find($0, in: bytes, from: 0) != nil }) else { return nil }
        var lines: [Range<Int>] = []
        var start = 0
        while start <= bytes.count {
            let end = Self.find(UInt8(ascii: "\n"), in: bytes, from: start) ?? bytes.count
            lines.append(start..<end)
            start = end + 1
        }
        func lineText(_ line: Int) -> Substring { Substring(decoding: bytes[lines[line]], as: UTF8.self) }
        guard !lines.indices.contains(where: { lineText($0).hasPrefix("---") }),
              let listLine = lines.indices.first(where: { lineText($0).hasPrefix("devices:") && Self.isBlank(lineText($0).dropFirst(8)) })
        else { return nil }

        var entries: [(firstLine: Int, bytes: Range<Int>)] = []
        var indent: Int?
        var end = listLine + 1
        while end < lines.count {
            let line = lineText(end)
            let content = line.drop { $0 == " " }
            let depth = line.count - content.count
            if content.isEmpty || content.hasPrefix("#") {
                end += 1
                continue
            }
            if depth == 0 && !content.hasPrefix("-") { break }  // the next top-level key
            if content.hasPrefix("-"), content.dropFirst().first.map({ $0 == " " }) ?? true, indent.map({ $0 == depth }) ?? true {
                indent = depth
                entries.append((end, lines[end]))
            } else if indent.map({ depth <= $0 }) ?? true {
                return nil  // not the plain layout (or a mistake the YAML reader will name)
            }
            entries[entries.count - 1].bytes = entries[entries.count - 1].bytes.lowerBound..<lines[end].upperBound
            end += 1
        }
        let rest = end < lines.count ? String(decoding: bytes[lines[end].lowerBound...], as: UTF8.self) : ""
        self.header = String(decoding: bytes[..<lines[listLine].lowerBound], as: UTF8.self) + "devices: []"
            + String(repeating: "\n", count: end - listLine) + rest
        self.entries = entries
        self.bytes = bytes
    }

    /// Consecutive entries as a YAML document of their own; its line 1 is line `firstLine + 1`
    /// of the file, for the first of them.
    func text(ofEntries range: Range<Int>) -> String {
        String(decoding: bytes[entries[range.lowerBound].bytes.lowerBound..<entries[range.upperBound - 1].bytes.upperBound], as: UTF8.self)
    }

    /// The entries whose text contains `needle` somewhere.
    func entries(mentioning needle: String) -> [Int] {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return [] }
        var found: [Int] = []
        var from = 0
        while let offset = Self.find(pattern[0], in: bytes, from: from) {
            from = offset + 1
            guard offset + pattern.count <= bytes.count, bytes[offset..<(offset + pattern.count)].elementsEqual(pattern) else { continue }
            // Entries are in file order: the last one starting at or before the hit.
            var low = 0, high = entries.count
            while low < high {
                let middle = (low + high) / 2
                if entries[middle].bytes.lowerBound <= offset { low = middle + 1 } else { high = middle }
            }
            if low > 0, entries[low - 1].bytes.contains(offset), found.last != low - 1 { found.append(low - 1) }
        }
        return found
    }

    private static func find(_ byte: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes.withUnsafeBytes { buffer in
            memchr(buffer.baseAddress! + start, Int32(byte), buffer.count - start).map { UnsafeRawPointer($0) - buffer.baseAddress! }
        }
    }

    private static func isBlank(_ rest: Substring) -> Bool {
        let trimmed = rest.drop { $0 == " " }
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }
}
