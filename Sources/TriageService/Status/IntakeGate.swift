import ServiceLifecycle

/// The first part to hear of shutdown (it is last in the group, and the group shuts down in
/// reverse order): it closes intake at once, before the HTTP server stops and the workers drain.
struct IntakeGate: Service {
    let status: ServiceStatus
    let doorbell: Doorbell

    func run() async throws {
        do {
            try await gracefulShutdown()
        } catch {
            return  // cancelled: the group is being torn down
        }
        status.beginDraining()
        doorbell.ring()
    }
}
