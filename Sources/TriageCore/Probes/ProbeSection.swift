/// One framed section of probe output: what one command printed, or what one file held.
///
/// Sections are what the probe reader produces and what the parsers consume. They carry the raw
/// text exactly as the device printed it (after redaction), never a judgement.
public struct ProbeSection: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The output of a command line of the probe contract, e.g. `iw dev wlan0 info`.
        case command
        /// The content of a file, e.g. `/sys/class/net/eth0/carrier`.
        case file
    }

    public var kind: Kind
    /// The exact command line, or the file's path as on a real device (without `TRIAGE_ROOT`).
    public var subject: String
    /// What the command printed on stdout (stderr is framed separately by the probes), or the file's content.
    public var output: String
    /// The command's exit code; 127 means the tool is missing. `nil` for files.
    public var exitCode: Int?
    /// A file that is absent or could not be read (sysfs refuses some reads).
    public var isAbsent: Bool
    public var durationMilliseconds: Int?
    /// The section was cut short: by the output cap, the command's timeout, or the stream ended inside it.
    public var isTruncated: Bool
    /// What the command printed on stderr. Parsers read `output`; this is evidence ("Permission denied").
    public var errorOutput: String

    public init(
        kind: Kind,
        subject: String,
        output: String,
        exitCode: Int? = nil,
        isAbsent: Bool = false,
        durationMilliseconds: Int? = nil,
        isTruncated: Bool = false,
        errorOutput: String = ""
    ) {
        self.kind = kind
        self.subject = subject
        self.output = output
        self.exitCode = exitCode
        self.isAbsent = isAbsent
        self.durationMilliseconds = durationMilliseconds
        self.isTruncated = isTruncated
        self.errorOutput = errorOutput
    }
}
