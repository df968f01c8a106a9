import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// Gives the channel handlers (built per connection) access to the receiver's state.
final class StateBox: Sendable {
    let state: Mutex<WebhookReceiver.State>
    init(_ behaviour: WebhookReceiver.Behaviour) { state = Mutex(WebhookReceiver.State(behaviour: behaviour)) }

    /// How to answer a request, after recording it (and, for a normal answer, creating its order).
    func handle(_ request: WebhookReceiver.Request) -> (status: Int, answer: WebhookReceiver.Answer) {
        state.withLock { state in
            state.requests.append(request)
            guard case .normal = state.behaviour.answer else { return (200, state.behaviour.answer) }
            if state.behaviour.failFirst > 0 {
                state.behaviour.failFirst -= 1
                return (503, .normal)
            }
            let key = request.headers["idempotency-key"] ?? ""
            if !state.created.contains(key) { state.created.append(key) }
            if state.behaviour.loseRepliesFirst > 0 {
                state.behaviour.loseRepliesFirst -= 1
                return (500, .normal)
            }
            return (200, .normal)
        }
    }
}

/// Collects one HTTP request, hands it to the receiver, and answers the way it chose.
final class ReceiverHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let box: StateBox
    private var head: HTTPRequestHead?
    private var body = Data()

    init(box: StateBox) { self.box = box }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = Data()
        case .body(var buffer):
            body.append(contentsOf: buffer.readBytes(length: buffer.readableBytes) ?? [])
        case .end:
            let uri = head?.uri ?? "/"
            let headers = Dictionary((head?.headers ?? [:]).map { ($0.name.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
            let request = WebhookReceiver.Request(method: head.map { "\($0.method)" } ?? "?", uri: uri, headers: headers, body: body)
            let (status, answer) = box.handle(request)
            switch answer {
            case .normal:
                respond(context, status: status, body: status == 200 ? "{\"ok\":true}" : "{\"error\":\"try again\"}")
            case .redirect(let status, let location):
                respond(context, status: status, body: "moved", extraHeaders: ["Location": location + uri])
            case .drip(let interval, let length):
                writeHead(context, status: 200, length: length)
                drip(context, interval: interval, remaining: length)
            case .never:
                break
            case .huge(let length):
                writeHead(context, status: 200, length: length)
                flood(context, remaining: length)
            }
        }
    }

    private func respond(_ context: ChannelHandlerContext, status: Int, body text: String, extraHeaders: [String: String] = [:]) {
        writeHead(context, status: status, length: text.utf8.count, extraHeaders: extraHeaders)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: text)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    private func writeHead(_ context: ChannelHandlerContext, status: Int, length: Int, extraHeaders: [String: String] = [:]) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Content-Length", value: "\(length)")
        for (name, value) in extraHeaders { headers.add(name: name, value: value) }
        let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: headers)
        context.writeAndFlush(wrapOutboundOut(.head(head)), promise: nil)
    }

    /// One byte per `interval` until the body is complete or the client has gone.
    private func drip(_ context: ChannelHandlerContext, interval: Duration, remaining: Int) {
        guard remaining > 0 else { return context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil) }
        let loop = context.eventLoop
        let bound = NIOLoopBound((self, context), eventLoop: loop)
        loop.scheduleTask(in: TimeAmount(interval)) {
            let (handler, context) = bound.value
            guard context.channel.isActive else { return }
            context.writeAndFlush(handler.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: "x")))), promise: nil)
            handler.drip(context, interval: interval, remaining: remaining - 1)
        }
    }

    /// Sends the body in 1 MiB chunks, each after the previous one was written: as fast as the
    /// client reads, never more than one chunk buffered, until done or the client has gone.
    private func flood(_ context: ChannelHandlerContext, remaining: Int) {
        guard remaining > 0 else { return context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil) }
        let size = min(remaining, 1 << 20)
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(repeating: UInt8(ascii: "x"), count: size))))).whenSuccess {
            let (handler, context) = bound.value
            handler.flood(context, remaining: remaining - size)
        }
    }
}
