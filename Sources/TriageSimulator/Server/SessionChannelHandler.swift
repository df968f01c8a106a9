import NIOCore
import NIOSSH

/// One SSH session channel of a simulated device: takes its exec request and stdin and hands them
/// to the fleet's runner. Runs on the connection's event loop.
final class SessionChannelHandler: ChannelInboundHandler {
    typealias InboundIn = SSHChannelData

    private let runtime: DeviceRuntime
    private let queue: ExecJobQueue
    private let standardInput: AsyncStream<ByteBuffer>
    private let standardInputSink: AsyncStream<ByteBuffer>.Continuation
    private var execReceived = false

    init(runtime: DeviceRuntime, queue: ExecJobQueue) {
        self.runtime = runtime
        self.queue = queue
        // Made now so that stdin sent right behind the exec request is kept until the job reads it.
        (standardInput, standardInputSink) = AsyncStream.makeStream()
    }

    func handlerAdded(context: ChannelHandlerContext) {
        // The client's EOF on stdin must not close the channel: the output is still to come.
        let channel = context.channel
        channel.setOption(ChannelOptions.allowRemoteHalfClosure, value: true).whenFailure { error in
            channel.pipeline.fireErrorCaught(error)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let data = unwrapInboundIn(data)
        guard data.type == .channel, case .byteBuffer(let bytes) = data.data else { return }
        standardInputSink.yield(bytes)
    }

    func channelInactive(context: ChannelHandlerContext) {
        standardInputSink.finish()
        context.fireChannelInactive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let request as SSHChannelRequestEvent.ExecRequest:
            exec(request, context: context)
        case ChannelEvent.inputClosed:
            standardInputSink.finish()
        case let request as SSHChannelRequestEvent.ShellRequest:
            // A device for probes, not for people: no interactive shell.
            reply(success: false, wantReply: request.wantReply, context: context)
        case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
            reply(success: false, wantReply: request.wantReply, context: context)
        case let request as SSHChannelRequestEvent.EnvironmentRequest:
            reply(success: false, wantReply: request.wantReply, context: context)
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    private func exec(_ request: SSHChannelRequestEvent.ExecRequest, context: ChannelHandlerContext) {
        guard !execReceived else { return reply(success: false, wantReply: request.wantReply, context: context) }
        execReceived = true
        // hang-after-auth: the request is neither answered nor run; only the client's deadline ends it.
        guard runtime.fault != .hangAfterAuth else { return }
        reply(success: true, wantReply: request.wantReply, context: context)
        let job = ExecJob(
            channel: context.channel, command: request.command, standardInput: standardInput, runtime: runtime)
        if !queue.submit(job) { context.close(promise: nil) }
    }

    private func reply(success: Bool, wantReply: Bool, context: ChannelHandlerContext) {
        guard wantReply else { return }
        let event: any Sendable = success ? ChannelSuccessEvent() : ChannelFailureEvent()
        context.triggerUserOutboundEvent(event, promise: nil)
    }
}
