import Logging
import TriageActions
import TriageCore
import TriageInventory

extension TriageEngine {
    /// What the line-state source says about `device`'s line, when it is worth asking: the device
    /// could not be reached in a way the transport rules read as "nothing answers" (refused,
    /// unreachable, a deadline before the login), a source is configured, and the technician has
    /// not already said the line is down. Otherwise nil, and nobody is asked.
    func lineState(of device: Device, after outcome: ProbeRunOutcome, _ request: DiagnosisRequest) async -> LineState? {
        guard let source = lineStateSource, !request.lineKnownDown, let failure = outcome.connectionFailure,
              !failure.isTriagesOwn, !Task.isCancelled, Self.meansUnreachable(failure) else { return nil }
        return await source.lookup(LineStateQuery(device: device.id, customer: device.customer, lineID: device.lineID), logger: logger)
    }

    /// The failures Rules/transport.yaml's `transport-unreachable` rules read as a silent router.
    static func meansUnreachable(_ failure: TransportFailure) -> Bool {
        switch failure.code {
        case .connectionRefused, .unreachable: true
        case .deadlineExceeded: failure.step == .connect || failure.step == .keyExchange
        default: false
        }
    }
}
