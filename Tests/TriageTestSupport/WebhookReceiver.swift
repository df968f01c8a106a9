public import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A real HTTP receiver on loopback that behaves like an order system: it verifies nothing itself
/// (tests check the signatures it recorded), creates one order per idempotency key, and can be
/// told to fail its first requests or to lose its first replies (process, then answer 500). It can
/// also misbehave the way careless or hostile sinks do (`Answer`): redirect, drip, stall, flood.
public final class WebhookReceiver: Sendable {
    public struct Request: Sendable {
        public var method: String
        public var uri: String
        public var headers: [String: String]
        public var body: Data
    }

    /// How the receiver answers once the request has arrived (and been recorded).
    public enum Answer: Sendable {
        /// As an order system: 200, or what `failFirst` and `loseRepliesFirst` ask for.
        case normal
        /// `status` (302, 307…) with `Location: <location><request's path>`; creates nothing.
        case redirect(status: Int, location: String)
        /// 200 with a `length`-byte body sent one byte every `interval`.
        case drip(interval: Duration, length: Int)
        /// Never answers; the connection stays open until the client gives up.
        case never
        /// 200 announcing `length` bytes and sending them as fast as the client takes them.
        case huge(length: Int)
    }

    public struct Behaviour: Sendable {
        /// Answer 503 without processing, for this many requests.
        public var failFirst = 0
        /// Process (create the order), then answer 500 as if the reply was lost, for this many.
        public var loseRepliesFirst = 0
        public var answer: Answer
        public init(failFirst: Int = 0, loseRepliesFirst: Int = 0, answer: Answer = .normal) {
            self.failFirst = failFirst
            self.loseRepliesFirst = loseRepliesFirst
            self.answer = answer
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
    /// The receiver's origin, for RT base URLs and redirect targets.
    public var origin: String { "http://127.0.0.1:\(port)" }

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
