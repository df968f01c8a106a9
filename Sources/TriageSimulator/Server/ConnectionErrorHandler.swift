import Logging
import NIOCore

/// Last in a connection's pipeline: a protocol error ends that connection only, never the device.
final class ConnectionErrorHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = Any

    private let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        logger.notice("connection closed after an error", metadata: ["error": "\(error)"])
        context.close(promise: nil)
    }
}
