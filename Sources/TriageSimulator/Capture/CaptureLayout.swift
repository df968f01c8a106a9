public import TriageCore

/// Maps probe sections back to the scenario files that make the probes print them again
/// (Docs/probe-protocol.md, Docs/simulator.md): a command section becomes `commands/<command
/// line>` (with `<command line>.exit` for a non-zero exit), a file section `root/<path>`, a
/// directory listing a folder per entry. What the device lacked stays absent: a tool that was
/// not found (exit 127) has no file, an absent file is not written.
public struct CaptureLayout: Sendable, Hashable {
    /// Files by their path in the scenario folder (`commands/iw dev`, `root/proc/uptime`).
    public var files: [String: String] = [:]
    /// Folders that must exist even when empty (`root/sys/class/ieee80211/phy0`).
    public var folders: Set<String> = []
    /// Sections that could not be written, and why (a name no file can have).
    public var skipped: [String] = []

    public init(sections: [ProbeSection]) {
        var listings: [(folder: String, entries: [String])] = []
        for section in sections {
            switch section.kind {
            case .command: addCommand(section)
            case .file where section.subject.hasSuffix("/"):
                guard let folder = Self.rootPath(String(section.subject.dropLast())) else {
                    skipped.append("listing \(section.subject): not an absolute path of plain names")
                    continue
                }
                if !section.isAbsent {
                    listings.append((folder, section.output.split(separator: "\n").map(String.init)))
                    folders.insert(folder)
                }
            case .file:
                guard let path = Self.rootPath(section.subject) else {
                    skipped.append("file \(section.subject): not an absolute path of plain names")
                    continue
                }
                if !section.isAbsent { files[path] = section.output }
            }
        }
        // A listed entry the probes read nothing from is still there: an empty folder.
        for (folder, entries) in listings {
            for entry in entries where Self.isPlainName(entry) {
                let path = folder + "/" + entry
                if files[path] == nil && !files.keys.contains(where: { $0.hasPrefix(path + "/") }) { folders.insert(path) }
            }
        }
    }

    private mutating func addCommand(_ section: ProbeSection) {
        let line = section.subject
        guard let tool = line.split(separator: " ").first, ToolShims.contractTools.contains(String(tool)),
              Self.isPlainName(line), !line.hasSuffix(".exit") else {
            skipped.append("command \(line): not a contract command line that can name a file")
            return
        }
        let exit = section.exitCode ?? 0
        // The dispatcher says "<tool>: not found" and exits 127 for a command without a file.
        if exit == 127 && section.output.isEmpty { return }
        files["commands/" + line] = section.output
        if exit != 0 { files["commands/" + line + ".exit"] = "\(exit)\n" }
    }

    /// `root/<path>` for a device path made of plain names only (no `..`, no empty part).
    static func rootPath(_ devicePath: String) -> String? {
        guard devicePath.hasPrefix("/") else { return nil }
        let parts = devicePath.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !parts.isEmpty, parts.allSatisfy(isPlainName) else { return nil }
        return "root/" + parts.joined(separator: "/")
    }

    /// One file name: not empty, not `.` or `..`, no `/`, no NUL or line break.
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains { "/\0\n\r".contains($0) }
    }
}
