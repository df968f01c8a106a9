extension ProbeSection {
    /// The output worth parsing, or `nil` where there is none to read: an absent file (sysfs refuses some
    /// reads), or a command that failed without printing (a missing tool exits 127). Neither is a parse
    /// problem. A truncated section is still read, with a warning that facts may be missing.
    func readableOutput(warnings: inout [ParseWarning]) -> String? {
        if isAbsent { return nil }
        if kind == .command, let exitCode, exitCode != 0, output.allSatisfy(\.isWhitespace) { return nil }
        if isTruncated {
            warnings.append(ParseWarning(section: subject, message: "output was truncated; read what there is"))
        }
        return output
    }
}
