internal import CTerminalOutput
import Glibc

/// The one edge where the CLI's output meets the terminal: C's `stdout` and `stderr` are replaced,
/// before anything is printed, by streams that pass every byte through `TerminalText`.
///
/// Why the C streams and not a `print` of our own: every writer of the process goes through
/// them — Swift's `print` (also where it is spelled `Swift.print`), swift-log's
/// `StreamLogHandler`, ArgumentParser's error and help output, libssh's own messages — so no
/// present or future caller can forget the filter. Only direct writes to descriptors 1 and 2
/// bypass it (the Swift runtime's crash report does, and should).
enum TerminalStreams {
    /// Replaces `stdout` (line-buffered on a terminal, else fully buffered, as C does) and
    /// `stderr` (unbuffered). Call once, first thing in `main`.
    static func install() {
        triage_replace_standard_streams(
            filteredStream(for: STDOUT_FILENO, buffering: isatty(STDOUT_FILENO) == 1 ? _IOLBF : _IOFBF),
            filteredStream(for: STDERR_FILENO, buffering: _IONBF))
    }

    /// Makes what was printed so far visible now (stdout on a pipe is fully buffered): for a
    /// result that must not wait for what comes after it.
    static func flush() {
        triage_flush_standard_output()
    }

    /// Writes `text` to stderr, through the filter.
    static func writeError(_ text: String) {
        triage_write_standard_error(text)
    }

    private static func filteredStream(for descriptor: Int32, buffering: Int32) -> UnsafeMutablePointer<FILE>? {
        // The filter lives as long as the process's standard streams: retained once, never released.
        let cookie = Unmanaged.passRetained(FilteredDescriptor(descriptor)).toOpaque()
        guard let stream = triage_open_write_stream(cookie, { cookie, buffer, size in
            guard let cookie, let buffer else { return -1 }
            let filter = Unmanaged<FilteredDescriptor>.fromOpaque(cookie).takeUnretainedValue()
            return filter.write(UnsafeRawBufferPointer(start: buffer, count: size)) ? size : -1
        }) else {
            Unmanaged<FilteredDescriptor>.fromOpaque(cookie).release()
            return nil
        }
        setvbuf(stream, nil, buffering, buffering == _IONBF ? 0 : Int(BUFSIZ))
        return stream
    }
}

/// One standard descriptor behind its filter. stdio calls `write` with the stream's lock held,
/// so the filter's carried state is never touched by two threads at once.
private final class FilteredDescriptor {
    let descriptor: Int32
    var text = TerminalText()

    init(_ descriptor: Int32) {
        self.descriptor = descriptor
    }

    func write(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        text.neutralise(bytes, into: &output)
        return output.withUnsafeBytes { all in
            var offset = 0
            while offset < all.count {
                let written = Glibc.write(descriptor, all.baseAddress.map { $0 + offset }, all.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }
}
