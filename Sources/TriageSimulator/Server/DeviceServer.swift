import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSH

/// Listens for one simulated device on its own address and builds each connection's pipeline
/// according to the device's transport fault.
struct DeviceServer {
    let device: SimulatedDevice
    let port: Int
    /// The key the device presents: the known_hosts key, or another for host-key-changed.
    let servedHostKey: NIOSSHPrivateKey
    let authenticator: FleetAuthenticator
    let runtime: DeviceRuntime
    let queue: ExecJobQueue
    let connections: ConnectionRegistry
    let logger: Logger

    /// Binds the device's address; nil for the refuse fault, where nothing may listen.
    func bind(on group: any EventLoopGroup) async throws(SimulatorError) -> (any Channel)? {
        guard runtime.fault != .refuse else { return nil }
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            // A TCP-level option: as a socket-level one, its number (1) is SO_DEBUG, which only root may set.
            .childChannelOption(ChannelOptions.tcpOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try addHandlers(to: channel) }
            }
        do {
            return try await bootstrap.bind(host: device.host, port: port).get()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw SimulatorError("\(device.host):\(port) (device \(device.id)) is already in use, by another "
                + "simulator or an SSH server; stop it or choose another --port.")
        } catch {
            throw SimulatorError("Could not listen on \(device.host):\(port) for device \(device.id): \(error)")
        }
    }

    private func addHandlers(to channel: any Channel) throws {
        connections.add(channel)
        let pipeline = channel.pipeline.syncOperations
        if runtime.scenario.transport.latencyMilliseconds > 0 {
            try pipeline.addHandler(LatencyHandler(milliseconds: runtime.scenario.transport.latencyMilliseconds))
        }
        guard runtime.fault != .garbage else { return try pipeline.addHandler(GarbageResponder()) }
        let configuration = SSHServerConfiguration(
            hostKeys: [servedHostKey], userAuthDelegate: authenticator,
            globalRequestDelegate: RefusingGlobalRequests())
        let runtime = runtime
        let queue = queue
        try pipeline.addHandler(
            NIOSSHHandler(
                role: .server(configuration), allocator: channel.allocator,
                inboundChildChannelInitializer: { child, type in
                    guard case .session = type else {
                        return child.eventLoop.makeFailedFuture(SimulatorError("only session channels are served"))
                    }
                    return child.eventLoop.makeCompletedFuture {
                        try child.pipeline.syncOperations.addHandler(SessionChannelHandler(runtime: runtime, queue: queue))
                    }
                }))
        try pipeline.addHandler(ConnectionErrorHandler(logger: logger))
    }
}

/// No port forwarding on simulated devices.
struct RefusingGlobalRequests: GlobalRequestDelegate {}
