public import TriageCore

/// Which devices of the inventory a sweep covers: all, or the union of groups and ids, in
/// inventory order, each once.
public struct DeviceSelection: Sendable, Hashable {
    public var all: Bool
    public var groups: Set<String>
    public var ids: [String]

    public init(all: Bool = false, groups: Set<String> = [], ids: [String] = []) {
        self.all = all
        self.groups = groups
        self.ids = ids
    }

    /// What a selection names that the inventory does not have.
    public struct Unknown: Error, Sendable, Hashable {
        public var groups: [String]
        public var ids: [String]
    }

    /// The selected devices. Every group and id must exist: a typo selects nothing silently otherwise.
    public func devices(in inventory: Inventory) throws(Unknown) -> [Device] {
        let wanted = Set(ids)
        let known = Set(inventory.devices.map(\.id))
        let unknown = Unknown(groups: groups.subtracting(inventory.groups).sorted(), ids: ids.filter { !known.contains($0) })
        guard unknown.groups.isEmpty, unknown.ids.isEmpty else { throw unknown }
        return inventory.devices.filter { device in
            all || wanted.contains(device.id) || device.group.map(groups.contains) == true
        }
    }
}
