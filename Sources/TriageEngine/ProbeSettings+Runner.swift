public import TriageCore
public import TriageInventory

extension ProbeSettings {
    /// The runner for one device: these settings where given, the device's own retries otherwise.
    /// The engine probes with it; so do the commands that read a device without recording (`capture`,
    /// `rules explain`), so that they probe exactly as a diagnosis does.
    public func runner(catalog: ProbeCatalog, for device: Device) -> ProbeRunner {
        let retry = ConnectRetryPolicy(attempts: connectAttempts ?? device.retry.attempts,
                                       spacing: retrySpacing ?? device.retry.spacing)
        return ProbeRunner(catalog: catalog, retry: retry, overallDeadline: deadline)
    }
}
