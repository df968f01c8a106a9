public import Logging
public import TriageCore

extension ProbeRunner {
    /// Runs the probes on an inventory device over libssh with its own settings.
    public func run(on device: Device, logger: Logger, progress: ProbeRunProgress.Handler? = nil) async -> ProbeRunOutcome {
        await run(on: device.identity, through: LibSSHProbeTransport(device.ssh), logger: logger, progress: progress)
    }
}
