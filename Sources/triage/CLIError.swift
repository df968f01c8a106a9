/// An error the CLI reports as one clear message and a documented exit status.
struct CLIError: Error {
    static let usageStatus: Int32 = 2
    static let internalStatus: Int32 = 1

    var message: String
    var status: Int32

    /// The user's input is wrong (arguments, inventory, files): exit 2.
    static func usage(_ message: String) -> CLIError { CLIError(message: message, status: usageStatus) }

    /// Triage itself failed: exit 1.
    static func failure(_ message: String) -> CLIError { CLIError(message: message, status: internalStatus) }
}

/// One message on stderr, through the terminal filter (`TerminalStreams`) like all other output.
func printError(_ text: String) {
    TerminalStreams.writeError(text + "\n")
}
