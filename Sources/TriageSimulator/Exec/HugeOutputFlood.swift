import NIOCore

/// The huge-output fault's flood: kernel-log-like lines, up to 1 GiB, for as long as the client reads.
enum HugeOutputFlood {
    static let limitBytes = 1 << 30

    /// 64 KiB of lines, built once and written again and again (ByteBuffer shares its storage).
    private static let block: ByteBuffer = {
        let line = "Thu Jan  1 00:00:00 1970 kern.warn kernel: [ 4242.000000] simulated flood: "
            + "huge-output fault, this device does not stop talking\n"
        var buffer = ByteBuffer()
        while buffer.readableBytes + line.utf8.count <= 64 * 1024 { buffer.writeString(line) }
        return buffer
    }()

    /// Writes blocks until the limit, or until a write fails because the client went away.
    static func send(_ write: (ByteBuffer) async throws -> Void) async throws {
        var sent = 0
        while sent < limitBytes {
            try Task.checkCancellation()
            try await write(block)
            sent += block.readableBytes
        }
    }
}
