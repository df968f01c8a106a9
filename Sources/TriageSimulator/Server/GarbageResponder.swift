import NIOCore

/// The garbage fault: answers a connection with bytes that are not SSH (no version banner, binary
/// noise with NULs, as from a wrong service or a broken middlebox), then closes it.
final class GarbageResponder: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// Fixed noise, so every run of a test sees the same bytes.
    static let noise: [UInt8] = {
        var state: UInt32 = 0x2545_F491
        return (0..<2048).map { _ in
            state ^= state << 13
            state ^= state >> 17
            state ^= state << 5
            return UInt8(truncatingIfNeeded: state)
        }
    }()

    func channelActive(context: ChannelHandlerContext) {
        var buffer = context.channel.allocator.buffer(capacity: Self.noise.count + 2)
        buffer.writeBytes([0x00, 0xFF])  // make sure it can't be taken for text
        buffer.writeBytes(Self.noise)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(buffer)).whenComplete { _ in
            channel.close(promise: nil)
        }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // Whatever the client says is ignored.
    }
}
