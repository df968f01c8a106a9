import NIOCore

/// One exec request, handed from the SSH channel's event loop to the task that runs it.
struct ExecJob: Sendable {
    let channel: any Channel
    let command: String
    /// What the client sends on the channel, ending when it sends EOF or goes away.
    let standardInput: AsyncStream<ByteBuffer>
    let runtime: DeviceRuntime
}
