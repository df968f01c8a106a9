import ArgumentParser
import Foundation

/// `triage inventory import devices.csv`: a CSV export (columns by header names) into the
/// inventory format. Nothing is written while any row is bad, unless `--skip-bad-rows`.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a CSV export of devices into an inventory file.",
        discussion: """
            Columns are found by their header names (id, host, port, user, group, model, firmware, serial, customer, \
            and the usual aliases: Docs/inventory.md, "Importing a CSV export"); id and host are required. Every row is \
            checked as `triage inventory check` would; a bad row is reported with its line number and nothing is \
            written. Exit status: 0 written, 1 bad rows, 2 a usage error (no such file, a missing column).
            """)

    @Argument(help: "The CSV file (RFC 4180: comma-separated, double quotes around fields that hold commas or quotes).")
    var csv: String

    @Option(name: .long, help: ArgumentHelp("Write the inventory here instead of to stdout.", valueName: "inventory.yaml"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp(
        "A YAML file with the inventory's version, defaults and groups, put above the devices.",
        discussion: "Without it the inventory gets version 1 and the ssh-agent as its only credential.", valueName: "file"))
    var base: String?

    @Flag(name: .customLong("skip-bad-rows"), help: "Write the good rows and leave the bad ones out (they are still reported).")
    var skipBadRows = false

    @Flag(name: .long, help: "Replace the --out file if it exists.")
    var force = false

    func run() async throws {
        let text = try read(csv, what: "the CSV file")
        let header = try base.map { try read($0, what: "the --base file") } ?? InventoryImport.defaultHeader
        var conversion: InventoryImport
        do {
            conversion = try InventoryImport(csv: text)
        } catch {
            throw CLIError.usage(error.problems.map { "\(csv):\(error.line): \($0)" }.joined(separator: "\n")
                + "\nFix the file (format: Docs/inventory.md, \"Importing a CSV export\") and import again.")
        }
        conversion.check(header: header, source: out ?? "<stdout>")
        for column in conversion.ignoredColumns { printError("note: column '\(column)' is not an inventory field; ignored") }
        for problem in conversion.problems { printError("\(csv):\(problem.line): \(problem.message)") }
        if !conversion.problems.isEmpty, !skipBadRows {
            printError("\(counted(conversion.problems.count, "bad row")): nothing written. Fix them, or pass --skip-bad-rows to write the others.")
            throw ExitCode(1)
        }
        let inventory = "# Imported from \(URL(fileURLWithPath: csv).lastPathComponent) by `triage inventory import`.\n"
            + conversion.render(header: header).text
        guard let out else { return print(inventory, terminator: "") }
        if FileManager.default.fileExists(atPath: out), !force {
            throw CLIError.usage("\(out) exists; pass --force to replace it, or choose another --out.")
        }
        do {
            try inventory.write(toFile: out, atomically: true, encoding: .utf8)
        } catch {
            throw CLIError.failure("cannot write \(out): \(error.localizedDescription). Choose a folder you can write to.")
        }
        printError("\(out): \(counted(conversion.entries.count, "device"))"
            + (conversion.problems.isEmpty ? "" : ", \(counted(conversion.problems.count, "bad row")) left out"))
    }

    private func read(_ path: String, what: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError.usage("cannot read \(what) \(path): no such file, or not readable by you.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError.usage("\(what) \(path) is not UTF-8 text; export it as CSV in UTF-8.")
        }
        return text
    }
}
