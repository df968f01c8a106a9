import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A network side's line-state endpoint on loopback: it records every request (path and headers)
/// and answers what the test set, or never answers (a stalled service).
public final class LineStateServer: Sendable {
    public enum Reply: Sendable {
        case answer(status: Int, body: String)
        /// Keeps the connection open and says nothing, until the client gives up.
        case never

        /// 200 with `{"state": "<state>"}`.
        public static func state(_ state: String) -> Reply { .answer(status: 200, body: "{\"state\": \"\(state)\"}") }
    }

    public struct Request: Sendable {
        /// The request target as sent, percent-encoding and all.
        public var uri: String
        public var headers: [String: String]
    }

    struct State {
        var reply: Reply
        var requests: [Request] = []
    }

    /// What the server and its connections' handlers share.
    final class Shared: Sendable {
        let state: Mutex<State>
        init(_ reply: Reply) { state = Mutex(State(reply: reply)) }

        /// Records the request and says how to answer it.
        func handle(_ request: Request) -> Reply {
            state.withLock { state in
                state.requests.append(request)
                return state.reply
            }
        }
    }

    private let shared: Shared
    private let channel: any Channel
    public let port: Int

    /// `http://127.0.0.1:<port>`.
    public var origin: String { "http://127.0.0.1:\(port)" }
    public var requests: [Request] { shared.state.withLock { $0.requests } }

    /// What the next requests get.
    public var reply: Reply {
        get { shared.state.withLock { $0.reply } }
        set { shared.state.withLock { $0.reply = newValue } }
    }

    private init(shared: Shared, channel: any Channel) {
        self.shared = shared
        self.channel = channel
        port = channel.localAddress?.port ?? 0
    }

    public static func start(_ reply: Reply) async throws -> LineStateServer {
        let shared = Shared(reply)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(LineStateHandler(shared: shared))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return LineStateServer(shared: shared, channel: channel)
    }

    public func shutdown() async throws {
        try await channel.close()
    }
}

/// Reads one request's head, and answers at its end as the server says.
final class LineStateHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let shared: LineStateServer.Shared
    private var head: HTTPRequestHead?

    init(shared: LineStateServer.Shared) { self.shared = shared }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): self.head = head
        case .body: break
        case .end:
            let headers = Dictionary((head?.headers ?? [:]).map { ($0.name.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
            guard case .answer(let status, let body) = shared.handle(.init(uri: head?.uri ?? "/", headers: headers)) else { return }
            var fields = HTTPHeaders()
            fields.add(name: "Content-Type", value: "application/json")
            fields.add(name: "Content-Length", value: "\(body.utf8.count)")
            let response = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: fields)
            context.write(wrapOutboundOut(.head(response)), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }
}
