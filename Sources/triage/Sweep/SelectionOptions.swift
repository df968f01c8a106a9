import TriageInventory
import ArgumentParser
import Foundation
import TriageEngine

/// Which devices `triage sweep` diagnoses: `--all`, or any mix of `--group`, `--device` and
/// `--devices-from`.
struct SelectionOptions: ParsableArguments {
    @Flag(help: "Every device in the inventory.")
    var all = false

    @Option(name: .customLong("group"), help: "Every device of this group (repeatable).")
    var groups: [String] = []

    @Option(name: .customLong("device"), help: "This device id (repeatable).")
    var devices: [String] = []

    @Option(name: .customLong("devices-from"), help: ArgumentHelp(
        "A file of device ids, one per line.", discussion: "Blank lines and lines starting with # are skipped."))
    var devicesFrom: String?

    /// The selection's presence is checked in `selection()`, not here: `triage sweep status`, a
    /// subcommand, selects nothing, and ArgumentParser validates the parent's options too.
    func validate() throws {
        if all, !groups.isEmpty || !devices.isEmpty || devicesFrom != nil {
            throw ValidationError("--all selects every device; leave out --group, --device and --devices-from.")
        }
    }

    func selection() throws -> DeviceSelection {
        if !all, groups.isEmpty, devices.isEmpty, devicesFrom == nil {
            throw CLIError.usage("say which devices: --all, --group G, --device ID or --devices-from FILE.")
        }
        return DeviceSelection(all: all, groups: Set(groups), ids: devices + (try devicesFrom.map(Self.ids(inFile:)) ?? []))
    }

    static func ids(inFile path: String) throws -> [String] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CLIError.usage("cannot read the device list \(path): \(error.localizedDescription)")
        }
        return text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
}
