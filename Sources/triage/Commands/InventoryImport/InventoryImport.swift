import Foundation
import TriageCore
import TriageInventory

/// Turns a CSV export of devices into Triage's inventory format. Every row is checked twice: here
/// (its fields, its port, a repeated id) and then by the inventory reader itself on the YAML made
/// from it, whose problems are reported at the CSV line they came from. Rows with problems are
/// left out only when the caller says so; otherwise one bad row means no inventory.
struct InventoryImport {
    struct RowProblem: Comparable {
        let line: Int
        let message: String
        static func < (a: RowProblem, b: RowProblem) -> Bool { a.line < b.line }
    }

    /// The devices part of the inventory, one entry per good row.
    private(set) var entries: [(line: Int, yaml: [String])] = []
    private(set) var problems: [RowProblem] = []
    let ignoredColumns: [String]

    static let defaultHeader = """
        version: 1
        # Settings every device gets; see Docs/inventory.md. Put your own with --base FILE.
        defaults:
          credentials:
            - agent: true

        """

    init(csv text: String) throws(ImportError) {
        let table: CSVTable
        do {
            table = try CSVTable(text)
        } catch {
            throw ImportError(line: error.line, problems: [error.message])
        }
        let columns = try ImportColumns(header: table.header.fields)
        ignoredColumns = columns.ignored
        var seen: [String: Int] = [:]
        for record in table.records {
            guard record.fields.count == table.header.fields.count else {
                problems.append(RowProblem(line: record.line, message:
                    "\(record.fields.count) field(s), but the header names \(table.header.fields.count) columns; quote fields that hold commas"))
                continue
            }
            var values: [(key: String, value: String)] = []
            for (key, _) in ImportColumns.keys {
                guard let column = columns.index[key] else { continue }
                let value = record.fields[column].trimmingCharacters(in: .whitespaces)
                if !value.isEmpty { values.append((key, value)) }
            }
            let id = values.first { $0.key == "id" }?.value
            var rowProblems: [String] = []
            for key in ImportColumns.required where !values.contains(where: { $0.key == key }) {
                rowProblems.append("no \(key)")
            }
            if let port = values.first(where: { $0.key == "port" })?.value, !(Int(port).map { (1...65535).contains($0) } ?? false) {
                rowProblems.append("port '\(port)' is not a number from 1 to 65535")
            }
            if let id, let earlier = seen[id] { rowProblems.append("id '\(id)' is already on line \(earlier)") }
            if let id, seen[id] == nil { seen[id] = record.line }
            guard rowProblems.isEmpty else {
                problems.append(RowProblem(line: record.line, message: rowProblems.joined(separator: "; ")))
                continue
            }
            entries.append((record.line, values.enumerated().map { index, field in
                (index == 0 ? "  - " : "    ") + "\(field.key): " + (field.key == "port" ? field.value : Self.quoted(field.value))
            }))
        }
    }

    /// Lets the inventory reader check what the rows became, with `header` (version, defaults,
    /// groups) above them; its problems are moved to the CSV lines of the rows they are in.
    mutating func check(header: String, source: String) {
        let (text, lineOfYAML) = render(header: header)
        do {
            _ = try Inventory.parse(text, path: source)
        } catch {
            for problem in error.problems {
                let csvLine = problem.line.flatMap { lineOfYAML[$0] }
                problems.append(RowProblem(line: csvLine ?? 0, message: csvLine == nil
                    ? "the inventory header (--base): \(problem.message)" : problem.message))
            }
        }
        let bad = Set(problems.map(\.line))
        entries.removeAll { bad.contains($0.line) }
        problems.sort()
    }

    /// The inventory text, and for each of its lines that holds a device, the CSV line it came from.
    func render(header: String) -> (text: String, csvLine: [Int: Int]) {
        var lines = header.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        lines.append("devices:")
        var csvLine: [Int: Int] = [:]
        for entry in entries {
            for text in entry.yaml {
                lines.append(text)
                csvLine[lines.count] = entry.line
            }
        }
        if entries.isEmpty { lines[lines.count - 1] = "devices: []" }
        return (lines.joined(separator: "\n") + "\n", csvLine)
    }

    /// A YAML double-quoted scalar: nothing in a cell can end it or start other YAML.
    static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value):
                result += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
