public import Logging
public import SSHTransport
public import TriageCore

/// The probe transport to real devices: libssh sessions (`SSHConnection`) with the device's
/// inventory settings. `SSHError` stops here; the runner sees `TransportFailure`.
public struct LibSSHProbeTransport: ProbeTransport {
    public let configuration: SSHClientConfiguration

    public init(_ configuration: SSHClientConfiguration) {
        self.configuration = configuration
    }

    public var endpoint: String { configuration.endpoint.description }
    public var commandDeadline: Duration { configuration.deadlines.command }

    public func connect(logger: Logger) async throws(TransportFailure) -> any ProbeSession {
        do throws(SSHError) {
            return LibSSHProbeSession(connection: try await SSHConnection.connect(configuration, logger: logger))
        } catch {
            throw TransportFailure(error)
        }
    }
}

/// One libssh session as the runner drives it.
struct LibSSHProbeSession: ProbeSession {
    let connection: SSHConnection

    func run(command: String, stdin: [UInt8], deadline: Duration, outputLimit: Int?) async throws(TransportFailure)
        -> ProbeCommandResult {
        do throws(SSHError) {
            return ProbeCommandResult(try await connection.run(command, stdin: stdin, deadline: deadline, outputLimit: outputLimit))
        } catch {
            throw TransportFailure(error)
        }
    }

    func close() async {
        await connection.close()
    }
}
