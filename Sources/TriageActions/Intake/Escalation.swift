public import TriageCore

/// One escalated ticket for the service to diagnose: the ticket to answer on and the device
/// named in it (an inventory id by its shape; whether the inventory has it is the service's check).
public struct Escalation: Sendable, Hashable {
    public var ticket: TicketReference
    public var deviceID: String

    public init(ticket: TicketReference, deviceID: String) {
        self.ticket = ticket
        self.deviceID = deviceID
    }
}
