import ChildProcess
import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSH
import Synchronization

/// Runs one exec request in the device's BusyBox shell and reports its exit status over SSH.
enum CommandRunner {
    static func run(_ job: ExecJob, logger: Logger) async {
        // If the client goes away (or a fault closes the connection), the channel closes first:
        // cancelling the run then tears the child's whole process group down.
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await execute(job, logger: logger) }
            group.addTask { try? await job.channel.closeFuture.get() }
            await group.next()
            group.cancelAll()
        }
    }

    private static func execute(_ job: ExecJob, logger: Logger) async {
        let forwarder = OutputForwarder(channel: job.channel, fault: job.runtime.fault)
        do {
            let termination = try await runShell(job) { standardOutput, standardError in
                try await withThrowingTaskGroup(of: Void.self) { pumps in
                    pumps.addTask { try await coalescing(standardOutput) { try await forwarder.forward($0, as: .channel) } }
                    pumps.addTask { try await coalescing(standardError) { try await forwarder.forward($0, as: .stdErr) } }
                    try await pumps.waitForAll()
                }
                try await forwarder.finishOutput()
            }
            try await job.channel.triggerUserOutboundEvent(ExitReport.event(for: termination)).get()
        } catch {
            // Usually the client went away; a shell that could not start is worth seeing in the log.
            logger.notice("exec ended early", metadata: ["command": "\(job.command)", "error": "\(error)"])
        }
        try? await job.channel.close().get()
    }

    /// Starts the device's confined shell on `job.command` in a process group of its own, feeds it the
    /// channel's input, hands `forward` its two outputs (which end when the shell and everything
    /// it started closed them), then reaps it. Cancelling tears the whole process group down.
    private static func runShell(
        _ job: ExecJob,
        forward: (NIOAsyncChannelInboundStream<ByteBuffer>, NIOAsyncChannelInboundStream<ByteBuffer>) async throws -> Void
    ) async throws -> ChildProcess.Termination {
        let runtime = job.runtime
        let commandLine = runtime.shellCommand(["-c", job.command])
        let piped = try PipedChild(
            executable: commandLine[0], arguments: Array(commandLine.dropFirst()),
            environment: runtime.environment, leadsProcessGroup: true)
        let child = piped.child
        let termination = Task { await child.waitForTermination() }
        do {
            let eventLoop = job.channel.eventLoop
            let output = try await pipeChannel(reading: piped.output, on: eventLoop)
            let error = try await pipeChannel(reading: piped.error, on: eventLoop)
            let input = try await pipeChannel(writing: piped.input, on: eventLoop)
            try await withTaskCancellationHandler {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { await feed(job.standardInput, to: input) }
                    try await output.executeThenClose { outputStream, _ in
                        try await error.executeThenClose { errorStream, _ in
                            try await forward(outputStream, errorStream)
                        }
                    }
                    // Both outputs are closed: whatever the client still sends to stdin is moot.
                    group.cancelAll()
                }
            } onCancel: {
                child.send(SIGTERM)
            }
        } catch {
            // The client went away or a fault ended the connection: end the shell and all it started.
            child.send(SIGTERM)
            let killer = Task {
                try await Task.sleep(for: .milliseconds(500))
                child.send(SIGKILL)
            }
            _ = await termination.value
            killer.cancel()
            throw error
        }
        return await termination.value
    }

    /// Hands `send` what `stream` delivers, joining what arrives while a message is on its way
    /// into the next one: the shell writes line by line, and on a slow link (latency_ms) each
    /// SSH message would otherwise pay the latency on its own.
    private static func coalescing(
        _ stream: NIOAsyncChannelInboundStream<ByteBuffer>, send: @escaping @Sendable (ByteBuffer) async throws -> Void
    ) async throws {
        let pending = PendingOutput()
        let (arrivals, arrival) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await _ in arrivals {
                    while let next = pending.take() { try await send(next) }
                }
            }
            defer { arrival.finish() }
            for try await chunk in stream {
                pending.append(chunk)
                arrival.yield()
            }
            arrival.finish()
            try await group.waitForAll()
        }
    }

    private static func pipeChannel(reading fd: Int32, on eventLoop: any EventLoop) async throws -> NIOAsyncChannel<ByteBuffer, ByteBuffer> {
        try await NIOPipeBootstrap(group: eventLoop).takingOwnershipOfDescriptor(input: fd) { channel in
            channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel(wrappingChannelSynchronously: channel) }
        }
    }

    private static func pipeChannel(writing fd: Int32, on eventLoop: any EventLoop) async throws -> NIOAsyncChannel<ByteBuffer, ByteBuffer> {
        try await NIOPipeBootstrap(group: eventLoop).takingOwnershipOfDescriptor(output: fd) { channel in
            channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel(wrappingChannelSynchronously: channel) }
        }
    }

    private static func feed(_ input: AsyncStream<ByteBuffer>, to channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async {
        try? await channel.executeThenClose { _, writer in
            for await buffer in input {
                // The shell may exit without reading all of it; the rest is simply not delivered.
                try await writer.write(buffer)
            }
            writer.finish()
        }
    }
}

/// Output read from a pipe and not yet sent.
private final class PendingOutput: Sendable {
    private let buffer = Mutex<ByteBuffer?>(nil)

    func append(_ chunk: ByteBuffer) {
        buffer.withLock { buffer in
            if buffer == nil { buffer = chunk } else { buffer!.writeImmutableBuffer(chunk) }
        }
    }

    func take() -> ByteBuffer? {
        buffer.withLock { buffer in
            defer { buffer = nil }
            return buffer
        }
    }
}
