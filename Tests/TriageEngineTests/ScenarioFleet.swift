import ChildProcess
import Foundation
import TriageCore
import TriageSimulator

/// A fleet of copies of built-in scenarios under new ids (`<scenario>-<n>`), for `triage simulate`
/// to serve: a sweep over hundreds of devices with known expected verdicts.
struct ScenarioFleet {
    /// The scenario folders written, one per device.
    var folders: [URL]
    /// Device id → the verdict its scenario expects.
    var expected: [String: Verdict]

    /// `copies` devices of each scenario in `ids`, written under `folder`. Files are hard links
    /// (`cp -al`), so hundreds of devices cost little; each copy's scenario.yaml is its own file.
    static func make(_ ids: [String], copies: Int, in folder: URL) async throws -> ScenarioFleet {
        let builtIn = try BundledResources.requireDirectory(named: "Scenarios")
        var fleet = ScenarioFleet(folders: [], expected: [:])
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for id in ids {
            let scenario = try ScenarioLoader.load(folder: builtIn.appendingPathComponent(id))
            guard let verdict = Verdict(rawValue: scenario.expect.verdict.rawValue) else {
                throw FleetError("scenario \(id) expects an unknown verdict")
            }
            for copy in 1...copies {
                let device = "\(id)-\(copy)"
                let target = folder.appendingPathComponent(device)
                let run = try await ChildProcess.collect(
                    executable: "/bin/cp", arguments: ["-al", builtIn.appendingPathComponent(id).path, target.path],
                    environment: [:], deadline: .seconds(60))
                guard run.exitCode == 0 else { throw FleetError("cp -al failed for \(device): \(String(decoding: run.standardError, as: UTF8.self))") }
                let file = target.appendingPathComponent(ScenarioLoader.fileName)
                let text = try String(contentsOf: file, encoding: .utf8)
                try FileManager.default.removeItem(at: file)
                try text.replacingOccurrences(of: "id: \(id)\n", with: "id: \(device)\n").write(to: file, atomically: false, encoding: .utf8)
                fleet.folders.append(target)
                fleet.expected[device] = verdict
            }
        }
        return fleet
    }

    /// How many devices expect each verdict.
    var expectedCounts: [Verdict: Int] {
        expected.values.reduce(into: [:]) { counts, verdict in counts[verdict, default: 0] += 1 }
    }
}

struct FleetError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
