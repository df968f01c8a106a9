import Glibc

/// Prints the summary. Plain text goes through `print` and the stdout filter like all output;
/// coloured text (a terminal, `TerminalStyle`) would have its escape sequences neutralised there,
/// so it is written to descriptor 1 directly, after a flush, each line already made safe
/// (`SummaryLine.rendered`).
enum StyledOutput {
    static func print(_ lines: [SummaryLine], style: TerminalStyle) {
        let text = lines.map { $0.rendered(style) }.joined(separator: "\n") + "\n"
        guard style.isEnabled else {
            Swift.print(text, terminator: "")
            return
        }
        TerminalStreams.flush()
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { write(STDOUT_FILENO, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}
