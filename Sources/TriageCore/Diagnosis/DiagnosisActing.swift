/// What happens once a diagnosis is built: a note, a replacement order, a third-level ticket.
/// `triage diagnose` calls `act` exactly once, after the verdict; `--no-act` passes `NoAction`.
/// The store and its order and ticket sinks plug in here (TriageStore, TriageActions).
public protocol DiagnosisActing: Sendable {
    /// Acts on the diagnosis and says, one line each, what it did.
    func act(on diagnosis: Diagnosis) async throws -> [String]
}

/// Acts on nothing: `--no-act`, and every run until the store's actions are plugged in.
public struct NoAction: DiagnosisActing {
    public init() {}

    public func act(on diagnosis: Diagnosis) async throws -> [String] { [] }
}
