import NIOCore

/// Holds every outbound write for a fixed time before it reaches the socket (`latency_ms`), in
/// order, as a slow network path would. Sits at the socket end of the connection's pipeline.
final class LatencyHandler: ChannelOutboundHandler {
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private struct Pending {
        let data: NIOAny
        let promise: EventLoopPromise<Void>?
        let due: NIODeadline
    }

    private let delay: TimeAmount
    private var pending: [Pending] = []
    private var pendingStart = 0

    init(milliseconds: Int) {
        delay = .milliseconds(Int64(milliseconds))
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        pending.append(Pending(data: data, promise: promise, due: .now() + delay))
    }

    func flush(context: ChannelHandlerContext) {
        guard let last = pending.last else { return }
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.scheduleTask(deadline: last.due) {
            let (handler, context) = loopBound.value
            handler.release(context: context, until: .now())
        }
    }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        // What was said before the close still arrives, late, before the connection ends.
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.scheduleTask(in: delay) {
            let (handler, context) = loopBound.value
            handler.release(context: context, until: .distantFuture)
            context.close(mode: mode, promise: promise)
        }
    }

    /// Writes, in order, every pending write due by `deadline`.
    private func release(context: ChannelHandlerContext, until deadline: NIODeadline) {
        var released = false
        while pendingStart < pending.count, pending[pendingStart].due <= deadline {
            let item = pending[pendingStart]
            pendingStart += 1
            context.write(item.data, promise: item.promise)
            released = true
        }
        if pendingStart == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingStart = 0
        }
        if released { context.flush() }
    }
}
