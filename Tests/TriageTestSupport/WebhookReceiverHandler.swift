import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// Gives the channel handlers (built per connection) access to the receiver's state.
final class StateBox: Sendable {
    let state: Mutex<WebhookReceiver.State>
    init(_ behaviour: WebhookReceiver.Behaviour) { state = Mutex(WebhookReceiver.State(behaviour: behaviour)) }

    /// The status to answer a request with, after recording it (and creating its order).
    func handle(_ request: WebhookReceiver.Request) -> Int {
        state.withLock { state in
            state.requests.append(request)
            if state.behaviour.failFirst > 0 {
                state.behaviour.failFirst -= 1
                return 503
            }
            let key = request.headers["idempotency-key"] ?? ""
            if !state.created.contains(key) { state.created.append(key) }
            if state.behaviour.loseRepliesFirst > 0 {
                state.behaviour.loseRepliesFirst -= 1
                return 500
            }
            return 200
        }
    }
}

/// Collects one HTTP request, hands it to the receiver, and answers with the status it chose.
final class ReceiverHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let box: StateBox
    private var headers: [String: String] = [:]
    private var body = Data()

    init(box: StateBox) { self.box = box }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            headers = Dictionary(head.headers.map { ($0.name.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
            body = Data()
        case .body(var buffer):
            body.append(contentsOf: buffer.readBytes(length: buffer.readableBytes) ?? [])
        case .end:
            let status = box.handle(WebhookReceiver.Request(headers: headers, body: body))
            let text = status == 200 ? "{\"ok\":true}" : "{\"error\":\"try again\"}"
            var responseHeaders = HTTPHeaders()
            responseHeaders.add(name: "Content-Type", value: "application/json")
            responseHeaders.add(name: "Content-Length", value: "\(text.utf8.count)")
            let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: responseHeaders)
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: text)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }
}
