import Foundation
import SSHTransport
import Testing
import TriageCore
import TriageInventory

@Suite("Inventory")
struct InventoryTests {
    let path = "/srv/triage/inventory.yaml"

    @Test("defaults, then the group, then the device: the most specific setting wins")
    func layering() throws {
        let inventory = try Inventory.parse("""
            version: 1
            defaults:
              user: root
              known_hosts: known_hosts
              credentials: {key_file: keys/id_ed25519, passphrase_env: TRIAGE_KEY_PASSPHRASE}
              timeouts: {connect_seconds: 8}
            groups:
              legacy:
                algorithms: legacy
                user: admin
                timeouts: {command_seconds: 90}
                retries: {attempts: 5, spacing_seconds: 2.5}
            devices:
              - id: cpe-1
                host: 192.0.2.1
                group: legacy
                port: 2222
                model: TP-Link Archer C7 v5
                customer: C-1
                line_id: DSL 0815/7
              - id: cpe-2
                host: 192.0.2.2
                credentials:
                  - password_file: /etc/triage/cpe-2.password
                  - agent: true
            """, path: path)
        let legacy = try #require(inventory.device(id: "cpe-1"))
        #expect(legacy.ssh.endpoint == SSHEndpoint(host: "192.0.2.1", port: 2222, user: "admin"))
        #expect(legacy.ssh.algorithms == .legacy)
        #expect(legacy.ssh.deadlines.command == .seconds(90))
        #expect(legacy.ssh.deadlines.connect == .seconds(8), "timeouts from defaults still apply")
        #expect(legacy.ssh.knownHostsPath == "/srv/triage/known_hosts", "relative to the inventory's folder")
        #expect(legacy.ssh.credentials == [.privateKey(path: "/srv/triage/keys/id_ed25519", passphrase: .environment(name: "TRIAGE_KEY_PASSPHRASE"))])
        #expect(legacy.model == "TP-Link Archer C7 v5")
        #expect(legacy.customer == "C-1")
        #expect(legacy.lineID == "DSL 0815/7")
        #expect(legacy.retry == ConnectRetryPolicy(attempts: 5, spacing: .milliseconds(2500)))

        let plain = try #require(inventory.device(id: "cpe-2"))
        #expect(plain.ssh.endpoint == SSHEndpoint(host: "192.0.2.2", port: 22, user: "root"))
        #expect(plain.ssh.algorithms == .modern)
        #expect(plain.ssh.hostKeyPolicy == .strict, "strict unless asked otherwise")
        #expect(plain.ssh.credentials == [.password(.file(path: "/etc/triage/cpe-2.password")), .agent()])
        #expect(plain.ssh.processUserConfig == false)
        #expect(plain.retry == .standard)
    }

    @Test("every problem is reported with its line, in file order")
    func problemsHaveLines() {
        let error = #expect(throws: InventoryError.self) {
            try Inventory.parse("""
                version: 1
                defaults:
                  credentials: {agent: true}
                  host_key_policy: accept-all
                devices:
                  - id: a
                    hots: 192.0.2.1
                  - id: b
                    host: 192.0.2.2
                    port: seventy
                    group: missing
                  - id: b
                    host: 192.0.2.3
                    retries: {attempts: 0}
                """, path: "inv.yaml")
        }
        let problems = error?.problems ?? []
        #expect(problems.map(\.line) == [4, 6, 7, 10, 11, 12, 14])
        #expect(problems.last?.message.contains("retries.attempts") == true)
        #expect(problems[0].message.contains("accept-all"))
        #expect(problems[2].message.contains("did you mean 'host'"))
        #expect(problems[3].message.contains("whole number"))
        #expect(problems[5].message.contains("duplicate device id 'b'"))
        #expect(error?.description.contains("inv.yaml:7:") == true)
    }

    @Test("a secret written into the inventory is refused without echoing it")
    func secretsRefused() {
        let error = #expect(throws: InventoryError.self) {
            try Inventory.parse("""
                version: 1
                devices:
                  - id: a
                    host: 192.0.2.1
                    credentials: {password: hunter2}
                """, path: "inv.yaml")
        }
        #expect(error?.problems.contains { $0.message.contains("never written in the inventory") } == true)
        #expect(error?.description.contains("hunter2") == false)
    }

    @Test("broken YAML, an empty file and an unsupported version are clear errors",
          arguments: ["devices: [", "", "version: 2\ndevices: []"])
    func unusableFiles(text: String) {
        #expect(throws: InventoryError.self) { try Inventory.parse(text, path: "inv.yaml") }
    }

    @Test("a missing file names the file")
    func missingFile() {
        let error = #expect(throws: InventoryError.self) { try Inventory.load(path: "/nonexistent/inventory.yaml") }
        #expect(error?.description.contains("/nonexistent/inventory.yaml") == true)
    }

    @Test("a thousand devices need not repeat their settings")
    func thousandDevices() throws {
        var text = "version: 1\ndefaults:\n  credentials: {agent: true}\n  known_hosts: /var/lib/triage/known_hosts\ngroups:\n  fleet: {algorithms: legacy}\ndevices:\n"
        for index in 0..<1000 { text += "  - {id: cpe-\(index), host: 10.0.\(index / 256).\(index % 256), group: fleet}\n" }
        let inventory = try Inventory.parse(text, path: path)
        #expect(inventory.devices.count == 1000)
        #expect(inventory.devices.allSatisfy { $0.ssh.algorithms == .legacy && $0.ssh.credentials == [.agent()] })
        #expect(inventory.device(id: "cpe-999")?.ssh.endpoint.host == "10.0.3.231")
    }

    @Test("an unknown device id is an error that lists close matches")
    func unknownDevice() throws {
        let inventory = try Inventory.parse("version: 1\ndefaults: {credentials: {agent: true}}\ndevices:\n  - {id: cpe-0001, host: h}\n", path: path)
        let error = #expect(throws: InventoryError.self) { try inventory.requireDevice(id: "0001") }
        #expect(error?.description.contains("cpe-0001") == true)
    }

    @Test("the example inventory shipped in examples/ is valid")
    func exampleIsValid() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let inventory = try Inventory.load(path: root.appendingPathComponent("examples/inventory.yaml").path)
        #expect(inventory.devices.map(\.id) == ["cpe-0001", "cpe-0002", "cpe-0003"])
        #expect(inventory.device(id: "cpe-0003")?.ssh.endpoint.description == "[2001:db8::17]:2222")
    }
}
