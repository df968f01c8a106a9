/// The ranges Triage accepts for every number in the inventory and for the matching command-line
/// options (Docs/inventory.md). Outside them a value is a mistake, refused with the range, not a
/// surprise at connect time (a 0.0001 s deadline, a 200 MB output cap, a 50 MB line).
public enum InventoryLimits {
    /// The inventory file. 200,000 devices written one per line take about 15 MB.
    public static let fileBytes = 32 << 20
    /// One line of the inventory file; real lines are well under 200 bytes.
    public static let lineBytes = 4096
    public static let port = 1...65535
    /// `timeouts.connect_seconds`, `login_seconds`, `command_seconds`.
    public static let stepSeconds = 1.0...3600.0
    /// `output_limit_bytes`: what one probe may print; the built-in 4 MiB is far above what real devices print.
    public static let outputBytes = 1024...(16 << 20)
    /// `retries.attempts`, and `triage diagnose --connect-attempts`.
    public static let connectAttempts = 1...20
    /// `retries.spacing_seconds`, and `--retry-spacing`.
    public static let retrySpacingSeconds = 0.0...600.0
    /// `triage diagnose --deadline`: the whole probe run. Below 5 s not even a healthy device
    /// finishes, and every probe "not run" would read as a device fault.
    public static let runDeadlineSeconds = 5.0...3600.0

    /// `5`, `0.5`: how ranges are written in error messages.
    public static func text(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    public static func text(_ range: ClosedRange<Double>) -> String { "\(text(range.lowerBound))–\(text(range.upperBound))" }
}
