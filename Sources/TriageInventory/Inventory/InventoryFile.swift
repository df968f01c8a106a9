import Foundation

/// Reading the inventory file within its limits: a 50 MB unterminated line once cost 35 s and
/// 3.6 GB in the YAML parser and was echoed whole to stderr. Too big a file or line is refused
/// before parsing, and errors quote only the start of a line.
enum InventoryFile {
    static func text(at path: String) throws(InventoryError) -> String {
        func failure(_ message: String) -> InventoryError { InventoryError(problems: [InventoryProblem(file: path, message: message)]) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw failure("cannot read the file (does it exist, and may Triage read it?)")
        }
        defer { try? handle.close() }
        let limit = InventoryLimits.fileBytes
        let data: Data
        do {
            // One byte past the limit tells a file that is too large, whatever stat says (FIFOs, /proc).
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw failure("cannot read the file: \(error.localizedDescription)")
        }
        guard data.count <= limit else {
            throw failure("the file is larger than \(limit >> 20) MiB, the most an inventory may be; split the fleet into several inventories")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw failure("the file is not UTF-8 text") }
        return text
    }

    /// The first line longer than `InventoryLimits.lineBytes`, as a problem that quotes its start.
    static func overlongLine(in text: String) -> (line: Int, message: String)? {
        var text = text
        text.makeContiguousUTF8()
        let found: (line: Int, start: String, length: Int)? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return nil }
            var line = 1
            var start = 0
            // memchr: a 50 MB line is scanned in milliseconds, even in a debug build.
            while start <= bytes.count {
                let rest = bytes.count - start
                let newline = memchr(base + start, Int32(UInt8(ascii: "\n")), rest)
                let end = newline.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
                if end - start > InventoryLimits.lineBytes {
                    let head = UnsafeBufferPointer(rebasing: bytes[start..<(start + InventoryLimits.lineBytes)])
                    return (line, String(decoding: head, as: UTF8.self), end - start)
                }
                guard newline != nil else { return nil }
                line += 1
                start = end + 1
            }
            return nil
        } ?? nil
        guard let found else { return nil }
        return (found.line, "line \(found.line) is \(found.length) bytes long; inventory lines are at most "
                + "\(InventoryLimits.lineBytes) bytes (it starts \(InventoryValue.quoted(found.start)))")
    }

    /// A parser's message with each line cut to what a person reads (the YAML parser quotes the
    /// offending line whole).
    static func excerpt(of message: String) -> String {
        message.split(separator: "\n", omittingEmptySubsequences: false).prefix(6).map { line in
            line.count > 120 ? line.prefix(120) + "…" : line
        }.joined(separator: "\n")
    }
}
