/// One log line split into who logged it and what it says, whatever the log's format.
struct LogRecord: Sendable, Hashable {
    /// The program, without its pid: `kernel`, `pppd`, `hostapd`, `netifd`. `nil` where the format is unknown.
    var process: Substring?
    /// The program as the line names it, with its pid where it has one: `pppd[8325]`.
    var tag: Substring?
    /// The message, without timestamps, host, facility and (for kernel lines) the `[uptime]` stamp.
    var message: Substring
    /// Whether the line was in one of the known formats.
    var isRecognized: Bool
}
