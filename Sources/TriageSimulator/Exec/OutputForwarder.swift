import NIOCore
import NIOSSH
import Synchronization

/// Sends a command's output to the SSH channel, shaped by the device's transport fault.
final class OutputForwarder: Sendable {
    /// drop-mid-output: the connection goes after this much output.
    static let dropAfterBytes = 1024
    /// slow-drip: this many bytes at a time, with this pause between: 64 bytes a second.
    static let dripPieceBytes = 16
    static let dripPause = Duration.milliseconds(250)

    private let channel: any Channel
    private let fault: TransportFault
    private let bytesSent = Mutex(0)

    init(channel: any Channel, fault: TransportFault) {
        self.channel = channel
        self.fault = fault
    }

    /// Thrown once the drop-mid-output fault has closed the connection.
    struct ConnectionDropped: Error {}

    func forward(_ bytes: ByteBuffer, as type: SSHChannelData.DataType) async throws {
        switch fault {
        case .slowDrip:
            var remaining = bytes
            while let piece = remaining.readSlice(length: min(Self.dripPieceBytes, remaining.readableBytes)),
                piece.readableBytes > 0
            {
                try await write(piece, as: type)
                try await Task.sleep(for: Self.dripPause)
            }
        case .dropMidOutput:
            let allowed = bytesSent.withLock { sent in
                let allowed = max(0, min(bytes.readableBytes, Self.dropAfterBytes - sent))
                sent += allowed
                return allowed
            }
            if allowed > 0 { try await write(bytes.getSlice(at: bytes.readerIndex, length: allowed)!, as: type) }
            if allowed < bytes.readableBytes { try await dropConnection() }
        default:
            try await write(bytes, as: type)
        }
    }

    /// Called once the command's output is drained, before its exit status goes out.
    func finishOutput() async throws {
        switch fault {
        case .dropMidOutput: try await dropConnection()
        case .hugeOutput: try await HugeOutputFlood.send { try await self.write($0, as: .channel) }
        default: break
        }
    }

    private func dropConnection() async throws -> Never {
        // Closing the TCP connection itself, not the SSH channel: the client sees the peer vanish
        // mid-stream with no exit status, as when a router reboots or a NAT entry expires.
        try? await (channel.parent ?? channel).close().get()
        throw ConnectionDropped()
    }

    private func write(_ bytes: ByteBuffer, as type: SSHChannelData.DataType) async throws {
        // Awaiting each write lets the SSH window pace a fast producer.
        try await channel.writeAndFlush(SSHChannelData(type: type, data: .byteBuffer(bytes))).get()
    }
}
