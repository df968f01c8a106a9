import Foundation
import TriageCore

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
        try parse(InventoryFile.text(at: path), path: path)
    }

    /// Validates `text` as an inventory; relative paths in it are taken relative to `path`'s folder.
    public static func parse(_ text: String, path: String) throws(InventoryError) -> Inventory {
        var reader = InventoryReader(file: path)
        let inventory = reader.read(text)
        try reader.throwProblems()
        return inventory
    }

    public func device(id: String) -> Device? {
        devices.first { $0.id == id }
    }

    /// Like `device(id:)`, but the error names close matches.
    public func requireDevice(id: String) throws(InventoryError) -> Device {
        if let device = device(id: id) { return device }
        let listed = "no device with id \(InventoryValue.quoted(id)) (\(devices.count) devices listed)"
        // A typed id that no inventory id can be (a lookalike letter, a zero-width joiner) gets no
        // suggestion: the suggestion would look exactly like what was typed.
        if let problem = InventoryValue.idProblem(id) {
            throw InventoryError(problems: [InventoryProblem(file: path, message: "\(listed): \(problem).")])
        }
        let close = NearMatches.among(devices.map(\.id), for: id)
        let hint = close.isEmpty ? " Check the id on the ticket; `triage inventory check` lists the file's problems."
            : " Did you mean: \(close.joined(separator: ", "))?"
        throw InventoryError(problems: [InventoryProblem(file: path, message: "\(listed).\(hint)")])
    }
}
