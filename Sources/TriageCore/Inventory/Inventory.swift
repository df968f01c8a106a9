import Foundation

/// The devices Triage may connect to, loaded from a YAML file (format: Docs/inventory.md).
public struct Inventory: Sendable {
    /// The file it was read from.
    public var path: String
    public var devices: [Device]
    public var groups: [String]

    public init(path: String, devices: [Device], groups: [String]) {
        self.path = path
        self.devices = devices
        self.groups = groups
    }

    /// Reads and validates the file. Every problem is reported at once, with its line.
    public static func load(path: String) throws(InventoryError) -> Inventory {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InventoryError(problems: [InventoryProblem(
                file: path, message: "cannot read the file (does it exist, and may Triage read it?)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InventoryError(problems: [InventoryProblem(file: path, message: "the file is not UTF-8 text")])
        }
        return try parse(text, path: path)
    }

    /// Validates `text` as an inventory; relative paths in it are taken relative to `path`'s folder.
    public static func parse(_ text: String, path: String) throws(InventoryError) -> Inventory {
        var reader = InventoryReader(file: path)
        let inventory = reader.read(text)
        if !reader.problems.isEmpty {
            throw InventoryError(problems: reader.problems.sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) })
        }
        return inventory
    }

    public func device(id: String) -> Device? {
        devices.first { $0.id == id }
    }

    /// Like `device(id:)`, but the error names close matches.
    public func requireDevice(id: String) throws(InventoryError) -> Device {
        if let device = device(id: id) { return device }
        let close = devices.map(\.id).filter { $0.localizedCaseInsensitiveContains(id) || id.localizedCaseInsensitiveContains($0) }.prefix(5)
        let hint = close.isEmpty ? "" : " Did you mean: \(close.joined(separator: ", "))?"
        throw InventoryError(problems: [InventoryProblem(file: path, message: "no device with id '\(id)' (\(devices.count) devices listed).\(hint)")])
    }
}
