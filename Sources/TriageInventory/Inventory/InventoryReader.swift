import Foundation
import SSHTransport
import Yams

/// Walks the YAML tree of an inventory, collecting every problem with its line.
struct InventoryReader {
    let file: String
    let baseDirectory: URL
    /// Read from the environment once, not once per device (that was a quarter of the load time).
    let defaultKnownHosts = Self.defaultKnownHosts
    var problems: [InventoryProblem] = []
    /// Lines before the text being composed: an entry read on its own starts at its line in the file.
    var lineOffset = 0

    static let topKeys: Set<String> = ["version", "defaults", "groups", "devices"]
    static let deviceKeys: Set<String> = Set(["id", "host", "group", "model", "firmware", "serial", "customer", "line_id"])
        .union(SettingsLayer.keys)

    init(file: String) {
        self.file = file
        self.baseDirectory = URL(fileURLWithPath: file).deletingLastPathComponent()
    }

    /// What the top level of an inventory gives the devices.
    struct TopLevel {
        var defaults = SettingsLayer()
        var groups: [String: SettingsLayer] = [:]
        var groupOrder: [String] = []
    }

    var empty: Inventory { Inventory(path: file, devices: [], groups: []) }

    /// Reads the whole inventory: a few entries at a time when the file has the plain layout (a
    /// YAML tree of every device cost 27 MB at 10,000 devices, more than the sweep over them),
    /// else as one tree.
    mutating func read(_ text: String) -> Inventory {
        if InventoryFile.overlongLine(in: text) == nil, let layout = InventoryLayout(text), let inventory = readEntries(of: layout) {
            return inventory
        }
        guard let root = compose(text), let top = topLevel(root), let list = deviceList(root) else { return empty }
        var accepted = AcceptedDevices()
        for (index, entry) in list.enumerated() { add(entry, index: index, top, to: &accepted) }
        return Inventory(path: file, devices: accepted.devices, groups: top.groupOrder)
    }

    /// Entries composed together: one document per entry cost twice the CPU of the whole tree
    /// (the parser's setup per call); 64 cost about what the whole tree costs, with a tree of 64
    /// entries at most (Docs/benchmarks.md, r5).
    static let entriesPerDocument = 64

    /// The inventory read `entriesPerDocument` entries at a time, or nil (nothing reported) when
    /// some part is not valid YAML on its own: the whole file is read then, so that the parser's
    /// message and its line are those of the file.
    private mutating func readEntries(of layout: InventoryLayout) -> Inventory? {
        var reader = self
        guard let root = reader.compose(layout.header), let top = reader.topLevel(root), reader.deviceList(root) != nil else { return nil }
        var accepted = AcceptedDevices()
        for first in stride(from: 0, to: layout.entries.count, by: Self.entriesPerDocument) {
            let range = first..<min(first + Self.entriesPerDocument, layout.entries.count)
            guard let nodes = reader.entryNodes(layout, range) else { return nil }
            for (index, entry) in zip(range, nodes) { reader.add(entry, index: index, top, to: &accepted) }
        }
        reader.lineOffset = 0
        self = reader
        return Inventory(path: file, devices: accepted.devices, groups: top.groupOrder)
    }

    /// The nodes of the entries `range` of `layout`, composed as one document whose lines are
    /// counted from the first entry's (`lineOffset`); nil unless it holds exactly those entries.
    mutating func entryNodes(_ layout: InventoryLayout, _ range: Range<Int>) -> [Node]? {
        lineOffset = layout.entries[range.lowerBound].firstLine
        guard case .sequence(let list)? = compose(layout.text(ofEntries: range)), list.count == range.count else { return nil }
        return Array(list)
    }

    /// The YAML tree of `text`, or nil with the problem reported.
    mutating func compose(_ text: String) -> Node? {
        if let problem = InventoryFile.overlongLine(in: text) {
            problems.append(InventoryProblem(file: file, line: problem.line, column: InventoryLimits.lineBytes + 1, message: problem.message))
            return nil
        }
        do {
            // The basic resolver: the reader reads every value as text, and the default one runs
            // seven regular expressions per scalar (half the load time of a 200,000-device file).
            guard let node = try Yams.compose(yaml: text, .basic) else {
                report(nil, "the file is empty; an inventory needs at least `version: 1` and `devices:`")
                return nil
            }
            return node
        } catch {
            report(nil, "not valid YAML: \(InventoryFile.excerpt(of: "\(error)"))")
            return nil
        }
    }

    mutating func topLevel(_ root: Node) -> TopLevel? {
        guard let top = mapping(root, "the top level") else { return nil }
        let fields = fields(of: top, at: root, allowed: Self.topKeys, in: "the top level")
        if let version = fields["version"] {
            if let text = string(version, "version"), text != "1" {
                report(version, "unsupported version \(InventoryValue.quoted(text)); this Triage reads `version: 1`")
            }
        } else {
            report(root, "missing `version: 1` at the top")
        }
        var result = TopLevel()
        result.defaults = fields["defaults"].map { layer($0, in: "defaults") } ?? SettingsLayer()
        if let groupsNode = fields["groups"], let groupMap = mapping(groupsNode, "groups") {
            for (name, value) in groupMap {
                guard let groupName = name.string else { continue }
                result.groups[groupName] = layer(value, in: "group \(InventoryValue.quoted(groupName))")
                result.groupOrder.append(groupName)
            }
        }
        return result
    }

    /// The entries of `devices:`, or nil with the problem reported.
    mutating func deviceList(_ root: Node) -> Node.Sequence? {
        guard let devicesNode = root.mapping?["devices"] else {
            report(root, "missing `devices:`, the list of devices")
            return nil
        }
        guard case .sequence(let list) = devicesNode else {
            report(devicesNode, "`devices` must be a list (each entry starting with `- id: …`)")
            return nil
        }
        return list
    }

    /// The devices read so far, and where each id was first seen.
    struct AcceptedDevices {
        var devices: [Device] = []
        var seen: [String: Int] = [:]
    }

    /// Adds the device of `entry` (at `index` in the file's list); a duplicate id is reported.
    mutating func add(_ entry: Node, index: Int, _ top: TopLevel, to accepted: inout AcceptedDevices) {
        guard let device = device(entry, index: index, defaults: top.defaults, groups: top.groups) else { return }
        if let first = accepted.seen[device.id] {
            report(entry, "duplicate device id \(InventoryValue.quoted(device.id)) (first at devices[\(first)])")
            return
        }
        accepted.seen[device.id] = index
        accepted.devices.append(device)
    }

    private mutating func device(_ node: Node, index: Int, defaults: SettingsLayer, groups: [String: SettingsLayer]) -> Device? {
        let context = "devices[\(index)]"
        guard let map = mapping(node, context) else { return nil }
        let fields = fields(of: map, at: node, allowed: Self.deviceKeys, in: context)
        guard let idNode = fields["id"], let id = string(idNode, "id") else {
            report(node, "\(context) has no `id`")
            return nil
        }
        if let problem = InventoryValue.idProblem(id) { report(idNode, problem) }
        let named = "device \(InventoryValue.quoted(id))"
        guard let hostNode = fields["host"], let host = string(hostNode, "host"), !host.isEmpty else {
            report(node, "\(named) has no `host`")
            return nil
        }
        if let problem = InventoryValue.hostProblem(host) { report(hostNode, problem) }
        var base = defaults
        let groupName = fields["group"].flatMap { string($0, "group") }
        if let groupName {
            if let group = groups[groupName] {
                base = group.over(defaults)
            } else {
                report(fields["group"], "\(named) names group \(InventoryValue.quoted(groupName)), which `groups:` does not define")
            }
        }
        let settings = layer(node, in: named, fields: fields).over(base)
        if (settings.credentials ?? []).isEmpty {
            report(node, "\(named) has no credentials: set `credentials:` in defaults, its group, or the device")
        }
        let ssh = settings.configuration(host: host, defaultKnownHosts: defaultKnownHosts)
        return Device(
            id: id, group: groupName, ssh: ssh, retry: settings.retryPolicy, algorithmsName: settings.algorithms ?? "modern",
            model: fields["model"].flatMap { string($0, "model") }, firmware: fields["firmware"].flatMap { string($0, "firmware") },
            serial: fields["serial"].flatMap { string($0, "serial") }, customer: fields["customer"].flatMap { string($0, "customer") },
            lineID: fields["line_id"].flatMap { string($0, "line_id") })
    }

    static var defaultKnownHosts: String {
        let environment = ProcessInfo.processInfo.environment
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
        return config + "/triage/known_hosts"
    }
}
