import Foundation
import Testing
import TriageCore
import TriageInventory
import TriageTestSupport

/// `triage inventory import devices.csv`: columns by header names, RFC 4180 quoting, bad rows
/// refused with their line numbers and nothing written.
@Suite("Inventory import from CSV")
struct InventoryImportTests {
    @Test("a good export becomes an inventory the reader accepts, quoted fields and odd headers included")
    func goodFile() async throws {
        let directory = try TemporaryDirectory(prefix: "triage-import")
        defer { directory.remove() }
        let csv = """
            Device ID,Management IP,SSH Port,Model,Serial Number,Customer ID,Line ID,Notes\r
            cpe-0001,192.0.2.10,22,"TP-Link Archer C7 v5",2219123456,C-100234,DSL/0815 7,"first, with a comma"\r
            cpe-0002,cpe-0002.customers.example.net,,"AVM ""FRITZ!Box"" 7530",,C-100871,,"two
            lines"\r
            """
        let file = try CLIFiles.write(csv, named: "devices.csv", in: directory)
        let out = directory.url.appendingPathComponent("inventory.yaml").path
        let run = try await CommandRunner.run(TriageExecutable.path, ["inventory", "import", file, "--out", out], checked: false)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("column 'Notes' is not an inventory field; ignored"))
        let inventory = try Inventory.load(path: out)
        #expect(inventory.devices.map(\.id) == ["cpe-0001", "cpe-0002"])
        #expect(inventory.devices[0].model == "TP-Link Archer C7 v5" && inventory.devices[0].serial == "2219123456")
        #expect(inventory.devices[1].model == #"AVM "FRITZ!Box" 7530"#)
        #expect(inventory.devices[1].customer == "C-100871" && inventory.devices[1].serial == nil)
        #expect(inventory.devices[0].lineID == "DSL/0815 7" && inventory.devices[1].lineID == nil)
        let check = try await CommandRunner.run(TriageExecutable.path, ["inventory", "check", out], checked: false)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test("a header without an id or a host column is refused, naming the names it accepts")
    func missingColumns() async throws {
        let directory = try TemporaryDirectory(prefix: "triage-import")
        defer { directory.remove() }
        let file = try CLIFiles.write("name,model\ncpe-1,X\n", named: "devices.csv", in: directory)
        let out = directory.url.appendingPathComponent("inventory.yaml").path
        let run = try await CommandRunner.run(TriageExecutable.path, ["inventory", "import", file, "--out", out], checked: false)
        #expect(run.status == 2)
        #expect(run.stderr.contains("devices.csv:1: no column for 'host'"), "\(run.stderr)")
        #expect(run.stderr.contains("managementip"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("bad rows are named by their line; nothing is written unless --skip-bad-rows")
    func badRows() async throws {
        let directory = try TemporaryDirectory(prefix: "triage-import")
        defer { directory.remove() }
        let csv = """
            id,host,port
            cpe-0001,192.0.2.10,22
            cpe-0002,,22
            cpe-0003,192.0.2.12,99999
            cpe-0001,192.0.2.13,22
            -rf,192.0.2.14,22
            cpe-0006,192.0.2.15
            cpe-0007,192.0.2.16,22

            """
        let file = try CLIFiles.write(csv, named: "devices.csv", in: directory)
        let out = directory.url.appendingPathComponent("inventory.yaml").path
        let refused = try await CommandRunner.run(TriageExecutable.path, ["inventory", "import", file, "--out", out], checked: false)
        #expect(refused.status == 1)
        #expect(!FileManager.default.fileExists(atPath: out), "nothing written")
        let lines = refused.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("\(file):3: no host") }, "\(refused.stderr)")
        #expect(lines.contains { $0.hasPrefix("\(file):4: port '99999'") })
        #expect(lines.contains { $0.hasPrefix("\(file):5: id 'cpe-0001' is already on line 2") })
        #expect(lines.contains { $0.hasPrefix("\(file):6: ") && $0.contains("device id") }, "the reader's own check, at the CSV line")
        #expect(lines.contains { $0.hasPrefix("\(file):7: 2 field(s), but the header names 3 columns") })

        let skipped = try await CommandRunner.run(TriageExecutable.path, ["inventory", "import", file, "--out", out, "--skip-bad-rows"],
                                                  checked: false)
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(try Inventory.load(path: out).devices.map(\.id) == ["cpe-0001", "cpe-0007"])
    }

    @Test("a quote left open is reported at the line its field starts")
    func unclosedQuote() async throws {
        let directory = try TemporaryDirectory(prefix: "triage-import")
        defer { directory.remove() }
        let file = try CLIFiles.write("id,host\ncpe-1,h1\ncpe-2,\"h2\ncpe-3,h3\n", named: "devices.csv", in: directory)
        let run = try await CommandRunner.run(TriageExecutable.path, ["inventory", "import", file], checked: false)
        #expect(run.status == 2)
        #expect(run.stderr.contains("devices.csv:3: a quoted field is never closed"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }
}

/// Test files written into a temporary folder.
enum CLIFiles {
    static func write(_ text: String, named name: String, in directory: TemporaryDirectory) throws -> String {
        let file = directory.url.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }
}
