import ArgumentParser
import Foundation
import SSHTransport
import TriageCore
import TriageInventory

struct InventoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory",
        abstract: "Check an inventory file, show what Triage will use for a device, or import a CSV export.",
        subcommands: [Check.self, Show.self, ImportCommand.self]
    )

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate an inventory file and name the line of every problem.",
            discussion: "Exit status: 0 when the file is valid, 1 when it has problems. Format: Docs/inventory.md."
        )

        @Argument(help: "The inventory file (YAML).")
        var file: String

        func run() async throws {
            do {
                let inventory = try Inventory.load(path: file)
                print("\(file): OK, \(counted(inventory.devices.count, "device")), \(counted(inventory.groups.count, "group"))")
                for warning in InventoryAdvice.warnings(for: inventory) { print("warning: \(warning)") }
            } catch {
                throw ProblemsFound(report: error.description)
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the settings Triage will use for one device (references to secrets, never secrets)."
        )

        @Argument(help: "The device id.")
        var device: String

        @OptionGroup var inventoryOptions: InventoryOptions

        func run() async throws {
            let inventory = try inventoryOptions.load(device: self.device)
            let device: Device
            do {
                device = try inventory.requireDevice(id: self.device)
            } catch {
                throw CLIError.usage(error.problems.map(\.message).joined(separator: "\n"))
            }
            print(DeviceDescription.text(for: device))
        }
    }
}

func counted(_ count: Int, _ noun: String) -> String { count == 1 ? "1 \(noun)" : "\(count) \(noun)s" }

/// `--inventory FILE`, shared by every command that looks up devices.
struct InventoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The inventory file (YAML).", discussion: "Defaults to $TRIAGE_INVENTORY."))
    var inventory: String?

    /// The whole inventory, every device checked. An unusable one is the user's to fix
    /// (`InventoryError` is a usage error: exit 2).
    func load() throws -> Inventory {
        try Inventory.load(path: try path())
    }

    /// What one device needs (its entry, the defaults and groups): a large inventory costs a
    /// command about one device, not the whole fleet. The result's `requireDevice(id:)` answers
    /// as the whole inventory's would.
    func load(device: String) throws -> Inventory {
        try Inventory.load(path: try path(), device: device)
    }

    private func path() throws -> String {
        guard let path = inventory ?? ProcessInfo.processInfo.environment["TRIAGE_INVENTORY"], !path.isEmpty else {
            throw CLIError.usage("no inventory given: pass --inventory FILE or set TRIAGE_INVENTORY.")
        }
        return path
    }
}


