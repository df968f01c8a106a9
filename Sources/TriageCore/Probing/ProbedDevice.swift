/// A device as a probe run, diagnosis, evidence and the store know it: who it is and where it was reached,
/// without how (credentials and SSH settings belong to the inventory, `TriageInventory.Device`).
public struct ProbedDevice: Sendable, Hashable, Identifiable {
    public var id: String
    public var group: String?
    /// The address as orders and tickets name it (`DeviceSummary.host`).
    public var host: String
    /// `host:port` as evidence names it (`triage: ssh`).
    public var endpoint: String
    public var model: String?
    public var firmware: String?
    public var serial: String?
    /// The customer reference (contract or account number) orders and tickets are filed under.
    public var customer: String?

    public init(id: String, group: String? = nil, host: String, endpoint: String, model: String? = nil,
                firmware: String? = nil, serial: String? = nil, customer: String? = nil) {
        self.id = id
        self.group = group
        self.host = host
        self.endpoint = endpoint
        self.model = model
        self.firmware = firmware
        self.serial = serial
        self.customer = customer
    }
}
