import Foundation
import Testing
@testable import TriageInventory

/// `Inventory.parse` reads a file in the plain layout one device entry at a time (no YAML tree of
/// the whole fleet). What it answers must be what the whole tree gives: the same devices, the same
/// problems on the same lines and columns, and the YAML parser's own message for broken entries.
@Suite("Reading the inventory entry by entry")
struct EntryByEntryReadTests {
    static let header = """
        version: 1
        defaults:
          credentials: {agent: true}
          host_key_policy: accept-all
        groups:
          legacy: {algorithms: legacy}
        devices:
        """

    static let entries = """
          - id: a
            hots: 192.0.2.1
          # a comment between entries
          - id: b
            host: 192.0.2.2
            port: seventy
            group: missing
          - {id: c, host: 192.0.2.3, group: legacy, retries: {attempts: 0}}
          - id: b
            host: 192.0.2.4
          -
            id: d
            host: 192.0.2.5
            timeouts:
              connect_seconds: 0
        """

    /// The same text with `&` in a trailing comment, which the plain layout refuses: read as one tree.
    static func wholeTree(_ text: String) -> String { text + "\n# & read as one tree\n" }

    static func problems(_ text: String) -> [InventoryProblem] {
        do {
            _ = try Inventory.parse(text, path: "inv.yaml")
            return []
        } catch {
            return error.problems
        }
    }

    @Test("problems, lines and columns are those of the whole tree")
    func sameProblems() {
        let text = Self.header + "\n" + Self.entries
        #expect(InventoryLayout(text) != nil && InventoryLayout(Self.wholeTree(text)) == nil)
        let byEntry = Self.problems(text)
        #expect(byEntry.map(\.line) == [4, 8, 9, 13, 14, 15, 16, 22])
        #expect(byEntry.map(\.line) == Self.problems(Self.wholeTree(text)).map(\.line))
        #expect(byEntry.map(\.column) == Self.problems(Self.wholeTree(text)).map(\.column))
        #expect(byEntry.map(\.message) == Self.problems(Self.wholeTree(text)).map(\.message))
        #expect(byEntry.contains { $0.line == 16 && $0.message.contains("duplicate device id 'b' (first at devices[1])") })
    }

    @Test("the devices are those of the whole tree")
    func sameDevices() throws {
        let text = Self.header.replacingOccurrences(of: "accept-all", with: "accept-new") + "\n"
            + (0..<300).map { "  - id: cpe-\($0)\n    host: 10.0.\($0 / 256).\($0 % 256)\n" + ($0 % 3 == 0 ? "    group: legacy\n" : "") }.joined()
        let byEntry = try Inventory.parse(text, path: "/srv/inv.yaml")
        let whole = try Inventory.parse(Self.wholeTree(text), path: "/srv/inv.yaml")
        #expect(byEntry.devices.count == 300)
        #expect(byEntry.devices == whole.devices)
        #expect(byEntry.groups == whole.groups)
    }

    @Test("problems in entries read in a later document keep the file's lines")
    func laterDocuments() {
        let entries = (0..<200).map { index in
            "  - id: cpe-\(index)\n    host: 10.0.0.\(index % 250)\n" + (index == 150 ? "    port: seventy\n" : "")
        }.joined()
        let text = Self.header + "\n" + entries
        let byEntry = Self.problems(text)
        // Header lines 1–7 (line 4: accept-all); entry i starts on line 8 + 2i; the port is line 310.
        #expect(byEntry.map(\.line) == [4, 310])
        #expect(byEntry.map(\.line) == Self.problems(Self.wholeTree(text)).map(\.line))
        #expect(byEntry.map(\.message) == Self.problems(Self.wholeTree(text)).map(\.message))
    }

    @Test("an entry that is not valid YAML is reported by the whole file's parser, with the file's line")
    func brokenEntry() {
        let text = Self.header + "\n  - {id: a, host: h1}\n  - id: b\n    host: h2: h3\n  - {id: c, host: h4}"
        let byEntry = Self.problems(text)
        #expect(byEntry.count == 1)
        #expect(byEntry.first?.message.contains("not valid YAML") == true)
        #expect(byEntry.first?.message.contains("10:") == true, "\(byEntry.first?.message ?? "")")
        #expect(byEntry.map(\.message) == Self.problems(Self.wholeTree(text)).map(\.message))
    }
}
