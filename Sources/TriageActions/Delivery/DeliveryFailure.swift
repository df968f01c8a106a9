/// Why a delivery attempt failed, in words for `triage outbox`. The entry stays in the outbox
/// either way; the words say whether waiting helps (sink down) or someone must act (bad token).
public struct DeliveryFailure: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
