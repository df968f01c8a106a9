/// A kernel crash record that pstore kept across a reset (`/sys/fs/pstore/dmesg-*`), by its header
/// line (`Panic#1 Part1`).
public struct CrashRecord: Sendable, Hashable, Codable {
    /// The file name, e.g. `dmesg-ramoops-0`.
    public var file: String
    /// Why the kernel wrote it, lowercased: `panic`, `oops`, `emergency`, `restart`, … (`unknown` when
    /// the header could not be read).
    public var reason: String
    /// The kernel's count of such dumps, and the part of the log this file holds.
    public var count: Int?
    public var part: Int?

    public init(file: String, reason: String, count: Int? = nil, part: Int? = nil) {
        self.file = file
        self.reason = reason
        self.count = count
        self.part = part
    }
}
