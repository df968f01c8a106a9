import Foundation
import SSHTransport
import Testing
import TriageCore
import TriageInventory
import TriageTestSupport

/// `Inventory.load(path:device:)`, what a command about one device reads (issue 11, item 18):
/// the same device as the whole file gives, and the same errors for that device.
@Suite("Loading one device")
struct OneDeviceLoadTests {
    static let text = """
        version: 1
        # the fleet
        defaults:
          credentials:
            - key_file: keys/id_ed25519
            - agent: true
          known_hosts: known_hosts
        groups:
          legacy: {algorithms: legacy, timeouts: {command_seconds: 90}}

        devices:
          - id: cpe-1
            host: 192.0.2.1
            group: legacy
            credentials:
              - password_file: cpe-1.password
          # a comment between entries
          - {id: cpe-10, host: 192.0.2.10, port: 2222}
          -
            id: cpe-2
            host: "2001:db8::2"
            model: Archer C7
        """

    func withFile<T>(_ text: String, _ body: (String) throws -> T) throws -> T {
        let folder = try TemporaryDirectory(prefix: "triage-one-device")
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("inventory.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try body(path)
    }

    @Test("each device is the one the whole file gives", arguments: ["cpe-1", "cpe-10", "cpe-2"])
    func sameDevice(id: String) throws {
        try withFile(Self.text) { path in
            let whole = try Inventory.load(path: path)
            let one = try Inventory.load(path: path, device: id)
            #expect(one.devices.count == 1)
            #expect(one.devices.first == whole.device(id: id))
            #expect(one.groups == whole.groups)
        }
    }

    @Test("the flow layout and anchors are read whole, with the same result")
    func otherLayouts() throws {
        let flow = "version: 1\ndefaults: &d {credentials: {agent: true}}\ndevices: [{id: a, host: h1}, {id: b, host: h2}]\n"
        try withFile(flow) { path in
            let inventory = try Inventory.load(path: path, device: "b")
            #expect(inventory.device(id: "b")?.ssh.endpoint.host == "h2")
        }
    }

    @Test("a problem in the device's own entry is reported at its line; an unknown id gets the whole file's answer")
    func errors() throws {
        let broken = Self.text.replacingOccurrences(of: "host: 192.0.2.10,", with: "host: 192.0.2.10:22,")
        try withFile(broken) { path in
            let error = #expect(throws: InventoryError.self) { try Inventory.load(path: path, device: "cpe-10") }
            #expect(error?.problems.map(\.line) == [18], "\(String(describing: error))")
            let other = try Inventory.load(path: path, device: "cpe-2")
            #expect(other.devices.map(\.id) == ["cpe-2"], "another entry's problem is for `inventory check`")
            let unknown = #expect(throws: InventoryError.self) { try Inventory.load(path: path, device: "cpe-3") }
            #expect(unknown?.problems.first?.line == 18, "an unknown id reads the whole file, problems included")
        }
        try withFile(Self.text) { path in
            let inventory = try Inventory.load(path: path, device: "cpe-3")
            let error = #expect(throws: InventoryError.self) { try inventory.requireDevice(id: "cpe-3") }
            #expect(error?.description.contains("3 devices listed") == true, "\(String(describing: error))")
        }
    }

    @Test("an id given twice is a duplicate, as in the whole file")
    func duplicate() throws {
        try withFile(Self.text + "\n  - {id: cpe-2, host: h}\n") { path in
            let error = #expect(throws: InventoryError.self) { try Inventory.load(path: path, device: "cpe-2") }
            #expect(error?.problems.first?.message.contains("duplicate device id 'cpe-2'") == true, "\(String(describing: error))")
            let whole = #expect(throws: InventoryError.self) { try Inventory.load(path: path) }
            #expect(error?.problems == whole?.problems, "the same problem at the same place")
        }
    }
}
