/// What `ubus call system info` reports; SystemFacts uses it where the /proc files are missing.
struct SystemInfo: Sendable, Hashable, Codable {
    var uptimeSeconds: Int?
    var load: LoadAverage?
    var memory: MemoryUsage?
}
