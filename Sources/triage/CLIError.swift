import TriageCore

/// An error the CLI finds itself (arguments, files named on the command line) or words for a
/// library's: one message, and whose it is. `ErrorEdge` reports it and picks the exit status.
struct CLIError: TriageError {
    var kind: TriageErrorKind
    var message: String
    var remedy: String = ""

    /// The user's input is wrong (arguments, inventory, files): exit 2.
    static func usage(_ message: String) -> CLIError { CLIError(kind: .usage, message: message) }

    /// Triage itself failed: exit 1.
    static func failure(_ message: String) -> CLIError { CLIError(kind: .triagesOwn, message: message) }
}

/// The answer of a command that checks a file (`inventory check`, `rules check`): the file has
/// problems. Not an error of Triage: the problems are the command's output, and the status is 1.
struct ProblemsFound: Error {
    var report: String
}

/// One message on stderr, through the terminal filter (`TerminalStreams`) like all other output.
func printError(_ text: String) {
    TerminalStreams.writeError(text + "\n")
}
