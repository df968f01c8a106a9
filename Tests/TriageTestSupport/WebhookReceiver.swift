public import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A real HTTP receiver on loopback that behaves like an order system: it verifies nothing itself
/// (tests check the signatures it recorded), creates one order per idempotency key, and can be
/// told to fail its first requests or to lose its first replies (process, then answer 500).
public final class WebhookReceiver: Sendable {
    public struct Request: Sendable {
        public var headers: [String: String]
        public var body: Data
    }

    public struct Behaviour: Sendable {
        /// Answer 503 without processing, for this many requests.
        public var failFirst = 0
        /// Process (create the order), then answer 500 as if the reply was lost, for this many.
        public var loseRepliesFirst = 0
        public init(failFirst: Int = 0, loseRepliesFirst: Int = 0) {
            self.failFirst = failFirst
            self.loseRepliesFirst = loseRepliesFirst
        }
    }

    struct State {
        var behaviour: Behaviour
        var requests: [Request] = []
        var created: [String] = []
    }

    private let box: StateBox
    private let channel: any Channel
    public let port: Int

    public var url: URL { URL(string: "http://127.0.0.1:\(port)/orders")! }

    /// Every request received, in order.
    public var requests: [Request] { box.state.withLock { $0.requests } }
    /// The idempotency keys of the orders created, one per key.
    public var created: [String] { box.state.withLock { $0.created } }

    public static func start(_ behaviour: Behaviour = Behaviour(), port: Int = 0) async throws -> WebhookReceiver {
        let box = StateBox(behaviour)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(ReceiverHandler(box: box))
                }
            }
            .bind(host: "127.0.0.1", port: port).get()
        return WebhookReceiver(box: box, channel: channel, port: channel.localAddress?.port ?? 0)
    }

    private init(box: StateBox, channel: any Channel, port: Int) {
        self.box = box
        self.channel = channel
        self.port = port
    }

    public func shutdown() async throws {
        try await channel.close()
    }
}
