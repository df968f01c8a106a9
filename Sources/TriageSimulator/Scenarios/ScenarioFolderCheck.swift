import Foundation
import TriageCore

/// Checks what a scenario folder holds besides scenario.yaml, so that a mistake there is found at
/// start and not halfway through someone's diagnosis.
enum ScenarioFolderCheck {
    static func check(_ scenario: Scenario) throws(ScenarioError) {
        guard scenario.transport.fault.runsCommands else { return }
        for folder in [scenario.rootDirectory, scenario.commandsDirectory] where !FileSystemCheck.isDirectory(folder) {
            throw ScenarioError(
                file: folder,
                problem: "missing; a device with fault '\(scenario.transport.fault.rawValue)' runs commands "
                    + "and needs root/ (its files) and commands/ (its canned outputs)")
        }
        try checkCommands(in: scenario.commandsDirectory)
    }

    /// Every file in commands/ is named by a contract command line or is its `.exit` sibling.
    private static func checkCommands(in folder: URL) throws(ScenarioError) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() {
            let file = folder.appendingPathComponent(name)
            guard !FileSystemCheck.isDirectory(file) else {
                throw ScenarioError(file: file, problem: "is a folder; commands/ holds one file per command line")
            }
            let commandLine = name.hasSuffix(".exit") ? String(name.dropLast(5)) : name
            let tool = commandLine.split(separator: " ").first.map(String.init) ?? ""
            guard ToolShims.contractTools.contains(tool) else {
                let tools = ToolShims.contractTools.joined(separator: ", ")
                throw ScenarioError(
                    file: file, problem: "'\(tool)' is not a contract tool; commands/ files start with one of: \(tools)")
            }
            if name.hasSuffix(".exit") { try checkExitCode(file) }
        }
    }

    private static func checkExitCode(_ file: URL) throws(ScenarioError) {
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let code = Int(trimmed), (0...255).contains(code) else {
            throw ScenarioError(file: file, problem: "must hold an exit code from 0 to 255, not '\(trimmed)'")
        }
    }
}
