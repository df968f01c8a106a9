import Foundation
import Logging
import NIOCore
import NIOSSH
import Subprocess
import SystemPackage

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
            let result = try await Subprocess.run(
                configuration(for: job), input: .inputWriter, output: .sequence, error: .sequence
            ) { execution in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { await feed(job.standardInput, to: execution.standardInputWriter) }
                    try await withThrowingTaskGroup(of: Void.self) { pumps in
                        pumps.addTask {
                            for try await chunk in execution.standardOutput {
                                try await forwarder.forward(chunk.withUnsafeBytes { ByteBuffer(bytes: $0) }, as: .channel)
                            }
                        }
                        pumps.addTask {
                            for try await chunk in execution.standardError {
                                try await forwarder.forward(chunk.withUnsafeBytes { ByteBuffer(bytes: $0) }, as: .stdErr)
                            }
                        }
                        try await pumps.waitForAll()
                    }
                    // Both outputs are closed: whatever the client still sends to stdin is moot.
                    group.cancelAll()
                }
                try await forwarder.finishOutput()
            }
            try await job.channel.triggerUserOutboundEvent(ExitReport.event(for: result.terminationStatus)).get()
        } catch {
            logger.debug("exec ended early", metadata: ["command": "\(job.command)", "error": "\(error)"])
        }
        try? await job.channel.close().get()
    }

    private static func configuration(for job: ExecJob) -> Configuration {
        var options = PlatformOptions()
        // Its own process group, so that teardown reaches the dispatchers and pipelines it started.
        options.processGroupID = 0
        options.teardownSequence = [.send(signal: .terminate, toProcessGroup: true, allowedDurationToNextStep: .milliseconds(500))]
        var environment: [Environment.Key: String] = [:]
        for (name, value) in job.runtime.environment { environment[Environment.Key(stringLiteral: name)] = value }
        return Configuration(
            executable: .path(FilePath(job.runtime.shell.executable)),
            arguments: ["sh", "-c", job.command],
            environment: .custom(environment),
            workingDirectory: FilePath(job.runtime.scenario.rootDirectory.path),
            platformOptions: options)
    }

    private static func feed(_ input: AsyncStream<ByteBuffer>, to writer: StandardInputWriter) async {
        for await buffer in input {
            // The shell may exit without reading all of it; the rest is simply not delivered.
            guard (try? await writer.write(Array(buffer.readableBytesView))) != nil else { break }
        }
        try? await writer.finish()
    }
}
