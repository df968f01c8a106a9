public import SSHTransport
public import TriageCore

/// One customer device as the inventory describes it, with its group's and the defaults'
/// settings already applied. It holds references to secrets, never secrets.
public struct Device: Sendable, Hashable, Identifiable {
    public var id: String
    public var group: String?
    public var ssh: SSHClientConfiguration
    /// Connect attempts before the device counts as unreachable (`retries:` in the inventory).
    public var retry: ConnectRetryPolicy
    /// `modern` or `legacy`, as written; `ssh.algorithms` holds the lists.
    public var algorithmsName: String
    public var model: String?
    public var firmware: String?
    public var serial: String?
    /// The customer reference (contract or account number) orders and tickets are filed under.
    public var customer: String?
    /// The network side's id of the customer's line (`line_id:`), for the line-state source.
    public var lineID: String?

    public init(id: String, group: String? = nil, ssh: SSHClientConfiguration, retry: ConnectRetryPolicy = .standard,
                algorithmsName: String = "modern",
                model: String? = nil, firmware: String? = nil, serial: String? = nil, customer: String? = nil,
                lineID: String? = nil) {
        self.id = id
        self.group = group
        self.ssh = ssh
        self.retry = retry
        self.algorithmsName = algorithmsName
        self.model = model
        self.firmware = firmware
        self.serial = serial
        self.customer = customer
        self.lineID = lineID
    }

    /// Who the device is and where it is reached, as diagnosis and the store know it.
    public var identity: ProbedDevice {
        ProbedDevice(id: id, group: group, host: ssh.endpoint.host, endpoint: ssh.endpoint.description, model: model,
                       firmware: firmware, serial: serial, customer: customer)
    }
}
