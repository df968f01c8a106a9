import Foundation
public import Logging
import NIOCore
import NIOPosix

/// Serves a fleet of simulated routers over real SSH until the calling task is cancelled.
public enum Simulator {
    /// Checks and prepares everything, listens on every device's address, writes the inventory,
    /// known_hosts and the ready file, then serves. Cancelling the task shuts the fleet down:
    /// connections closed, every command's process group ended and reaped, the ready file removed.
    public static func run(_ configuration: SimulatorConfiguration, logger: Logger) async throws {
        // A client that disconnects while its command still writes must not kill the simulator.
        signal(SIGPIPE, SIG_IGN)
        let queue = ExecJobQueue()
        let connections = ConnectionRegistry()
        let fleet = try await FleetPreparation(configuration, queue: queue, connections: connections, logger: logger)
        try DescriptorLimit.ensure(forDevices: fleet.plan.devices.count)
        let loops = MultiThreadedEventLoopGroup(numberOfThreads: System.coreCount)
        var listeners: [any Channel] = []
        do {
            for server in fleet.servers {
                if let listener = try await server.bind(on: loops) { listeners.append(listener) }
            }
            try InventoryWriter(files: fleet.files, port: configuration.port, user: configuration.user)
                .write(devices: fleet.plan.devices, publicKeys: fleet.publicKeys)
            try configuration.readyFile.map(ReadyFile.init)?.create()
        } catch {
            // Nothing half-starts: whatever already listens goes down with the failed start.
            await close(listeners, connections: connections, loops: loops)
            throw error
        }
        logger.info("serving simulated devices", metadata: [
            "devices": "\(fleet.plan.devices.count)", "port": "\(configuration.port)",
            "inventory": "\(fleet.files.inventory.path)",
        ])
        let bound = listeners
        await serve(queue, logger: logger, onShutdown: {
            for listener in bound { listener.close(promise: nil) }
            connections.closeAll()
        })
        await close(listeners, connections: connections, loops: loops)
        configuration.readyFile.map(ReadyFile.init)?.remove()
        logger.info("simulator stopped")
    }

    /// Runs each exec request as a child task until cancelled; returns once every one has ended.
    private static func serve(_ queue: ExecJobQueue, logger: Logger, onShutdown: @escaping @Sendable () -> Void) async {
        await withTaskCancellationHandler {
            await withDiscardingTaskGroup { group in
                for await job in queue.jobs {
                    group.addTask { await CommandRunner.run(job, logger: logger) }
                }
            }
        } onCancel: {
            queue.close()
            onShutdown()
        }
    }

    private static func close(_ listeners: [any Channel], connections: ConnectionRegistry, loops: MultiThreadedEventLoopGroup) async {
        for listener in listeners { try? await listener.close().get() }
        connections.closeAll()
        try? await loops.shutdownGracefully()
    }
}
