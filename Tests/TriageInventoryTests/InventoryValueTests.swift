import Foundation
import SSHTransport
import Testing
import TriageCore
import TriageInventory
import TriageTestSupport

/// Hostile and careless values in an inventory (issue 11, items 5, 8, 17, 18, 19): each is refused
/// by `Inventory.parse` (what `triage inventory check` runs) with its line and column.
@Suite("Inventory values")
struct InventoryValueTests {
    /// One device whose `key` is `value` (written as given: quote it in YAML where needed).
    static func inventory(_ key: String, _ value: String, id: String = "cpe-1") -> String {
        """
        version: 1
        defaults: {credentials: {agent: true}}
        devices:
          - id: \(id)
            host: 192.0.2.1
            \(key): \(value)
        """
    }

    func problem(in text: String) -> InventoryProblem? {
        let error = #expect(throws: InventoryError.self) { try Inventory.parse(text, path: "inv.yaml") }
        #expect(error?.problems.count == 1, "\(String(describing: error))")
        return error?.problems.first
    }

    @Test("a host that is not a DNS name, an IPv4 or an IPv6 address is refused where it is written", arguments: [
        "127.0.1.1:2222", "\"cpe 1.example\"", "\"cpe\\n1.example\"", "\"[2001:db8::1]\"", "999.1.1.1", "-cpe.example",
        "\"cpe\\u001b]0;x.example\"", "\"bücher.example\"", "'2001:db8::1:22:'", "a..b",
    ])
    func badHosts(host: String) {
        let text = "version: 1\ndefaults: {credentials: {agent: true}}\ndevices:\n  - id: cpe-1\n    host: \(host)\n"
        let problem = problem(in: text)
        #expect(problem?.description.hasPrefix("inv.yaml:5:11: ") == true, "file:line:column: \(String(describing: problem))")
        #expect(problem?.message.contains("host") == true)
        #expect(problem?.message.contains("\n") == false, "the message stays on one line")
    }

    @Test("a port written into the host says where the port goes")
    func hostWithPort() {
        #expect(problem(in: "version: 1\ndefaults: {credentials: {agent: true}}\ndevices:\n  - {id: a, host: 127.0.1.1:2222}\n")?
            .message.contains("`port:`") == true)
    }

    @Test("names, IPv4, IPv6 (with a zone) are hosts", arguments: [
        "192.0.2.1", "2001:db8::17", "fe80::1%eth0", "router-1.example.net", "h", "cpe_7.lan.", "::1",
    ])
    func goodHosts(host: String) throws {
        let inventory = try Inventory.parse("version: 1\ndefaults: {credentials: {agent: true}}\ndevices:\n  - {id: a, host: '\(host)'}\n", path: "inv.yaml")
        #expect(inventory.devices.first?.ssh.endpoint.host == host)
    }

    @Test("a user with shell or control characters is refused", arguments: ["\"root;reboot\"", "\"ro\\u0001ot\"", "-oProxyCommand=x", "\"\"", "\"root admin\""])
    func badUsers(user: String) {
        let problem = problem(in: Self.inventory("user", user))
        #expect(problem?.line == 6, "\(String(describing: problem))")
        #expect(problem?.message.contains("user") == true)
    }

    @Test("ids are ASCII: lookalikes and option-like ids are refused, shown escaped", arguments: [
        "\"cpe-0001\\u200D\"", "\"срe-0001\"", "-rf", ".hidden", "\"cpe 1\"", "\"\(String(repeating: "a", count: 65))\"",
    ])
    func badIDs(id: String) {
        let problem = problem(in: "version: 1\ndefaults: {credentials: {agent: true}}\ndevices:\n  - id: \(id)\n    host: h\n")
        #expect(problem?.line == 4, "\(String(describing: problem))")
        #expect(problem?.message.contains("device id") == true)
        #expect(problem?.message.unicodeScalars.allSatisfy { $0.isASCII } == true, "the id is shown escaped")
    }

    @Test("'did you mean' never offers an id that looks like the one typed")
    func noLookalikeSuggestion() throws {
        let inventory = try Inventory.parse("version: 1\ndefaults: {credentials: {agent: true}}\ndevices:\n  - {id: cpe-0001, host: h}\n", path: "inv.yaml")
        for typed in ["cpe-0001\u{200D}", "сpe-0001"] {
            let error = #expect(throws: InventoryError.self) { try inventory.requireDevice(id: typed) }
            let message = error?.problems.first?.message ?? ""
            #expect(!message.contains("Did you mean"), "\(message)")
            #expect(message.contains("\\u{"), "the typed id is shown escaped: \(message)")
        }
        let close = #expect(throws: InventoryError.self) { try inventory.requireDevice(id: "cpe-000") }
        #expect(close?.problems.first?.message.contains("Did you mean: cpe-0001?") == true)
    }

    @Test("every number is bounded, with the range in the error", arguments: [
        ("output_limit_bytes", "200000000", "16777216"), ("output_limit_bytes", "99999999999999999999", "16777216"),
        ("port", "0", "65535"), ("timeouts", "{connect_seconds: 0.0001}", "1–3600"), ("timeouts", "{login_seconds: inf}", "1–3600"),
        ("timeouts", "{command_seconds: .nan}", "1–3600"), ("timeouts", "{command_seconds: 1e300}", "1–3600"),
        ("retries", "{attempts: 9223372036854775807}", "20"), ("retries", "{spacing_seconds: -1}", "0–600"),
        ("retries", "{spacing_seconds: 1e10}", "0–600"),
    ])
    func boundedNumbers(key: String, value: String, range: String) {
        let problem = problem(in: Self.inventory(key, value))
        #expect(problem?.line == 6, "\(String(describing: problem))")
        #expect(problem?.message.contains(range) == true, "\(String(describing: problem))")
    }

    @Test("`inventory check` warns of a known_hosts that is not a regular file", arguments: ["/dev/null", "/tmp"])
    func knownHostsNotAFile(path: String) throws {
        let inventory = try Inventory.parse(Self.inventory("known_hosts", path), path: "inv.yaml")
        #expect(InventoryAdvice.warnings(for: inventory).contains { $0.contains("\(path) is not a regular file") })
    }

    @Test("a file over the size limit is refused before it is parsed")
    func fileTooLarge() throws {
        let folder = try TemporaryDirectory(prefix: "triage-inventory-size")
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("inventory.yaml").path
        let line = "  - {id: cpe-x, host: 192.0.2.1}\n"
        let text = "version: 1\ndevices:\n" + String(repeating: line, count: InventoryLimits.fileBytes / line.utf8.count + 1)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let error = #expect(throws: InventoryError.self) { try Inventory.load(path: path) }
        #expect(error?.description.contains("larger than 32 MiB") == true, "\(String(describing: error))")
    }

    @Test("a 50 MB unterminated line is refused by its length, and the error quotes only its start")
    func hugeLine() {
        let text = "version: 1\ndevices:\n  - id: \"" + String(repeating: "A", count: 50_000_000)
        let error = #expect(throws: InventoryError.self) { try Inventory.parse(text, path: "inv.yaml") }
        #expect(error?.problems.first?.line == 3)
        #expect(error?.description.contains("50000009 bytes") == true)
        #expect((error?.description.utf8.count ?? .max) < 600, "\(String(describing: error))")
    }

    @Test("a YAML error on a long line does not echo the line whole")
    func yamlErrorExcerpt() {
        let text = "version: 1\ndevices:\n  - id: \"" + String(repeating: "B", count: 4000) + "\n  host: \"h"
        let error = #expect(throws: InventoryError.self) { try Inventory.parse(text, path: "inv.yaml") }
        let description = error?.description ?? ""
        #expect(description.contains("not valid YAML"))
        #expect(!description.contains(String(repeating: "B", count: 200)), "\(description)")
    }
}
