/// The device whose line the source is asked about: the inventory's fields the placeholders name.
public struct LineStateQuery: Sendable, Hashable {
    public var device: String
    public var customer: String?
    public var lineID: String?

    public init(device: String, customer: String? = nil, lineID: String? = nil) {
        self.device = device
        self.customer = customer
        self.lineID = lineID
    }

    func value(of placeholder: LineStateTemplate.Placeholder) -> String? {
        switch placeholder {
        case .customer: customer
        case .lineID: lineID
        case .device: device
        }
    }
}
