public import Foundation


/// Reads scenario folders strictly: every problem is reported with the file it is in, and a fleet
/// with one bad scenario is refused whole, before anything listens.
public enum ScenarioLoader {
    public static let fileName = "scenario.yaml"

    /// Loads every folder; ids must be unique across them.
    public static func load(folders: [URL]) throws(ScenarioError) -> [Scenario] {
        var scenarios: [Scenario] = []
        var folderOfID: [String: URL] = [:]
        for folder in folders {
            let scenario = try load(folder: folder)
            if let other = folderOfID[scenario.id] {
                throw ScenarioError(
                    file: folder.appendingPathComponent(fileName),
                    problem: "id '\(scenario.id)' is already used by \(other.path); ids must be unique")
            }
            folderOfID[scenario.id] = folder
            scenarios.append(scenario)
        }
        return scenarios
    }

    /// Loads one scenario folder and checks its `root/` and `commands/`.
    public static func load(folder: URL) throws(ScenarioError) -> Scenario {
        guard FileSystemCheck.isDirectory(folder) else {
            throw ScenarioError(file: folder, problem: "no such scenario folder")
        }
        let file = folder.appendingPathComponent(fileName)
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            let problem = FileSystemCheck.exists(file) ? "can't be read as UTF-8 text" : "missing (every scenario folder needs one)"
            throw ScenarioError(file: file, problem: problem)
        }
        let scenario = try ScenarioParser.parse(text, file: file, folder: folder)
        try ScenarioFolderCheck.check(scenario)
        return scenario
    }

    /// The scenario folders directly inside `directory` (those holding a scenario.yaml), by name.
    public static func scenarioFolders(in directory: URL) throws(ScenarioError) -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
            throw ScenarioError(file: directory, problem: "can't list the scenarios folder")
        }
        return names.sorted()
            .map { directory.appendingPathComponent($0, isDirectory: true) }
            .filter { FileSystemCheck.exists($0.appendingPathComponent(fileName)) }
    }
}
