public import Foundation

/// Scenario folders written by tests: a scenario.yaml plus the files given, paths relative to
/// the folder (`root/proc/uptime`, `commands/iw dev`, `commands/iw dev.exit`).
public enum ScenarioFixture {
    public static func yaml(id: String, fault: String = "none", latencyMilliseconds: Int = 0) -> String {
        """
        id: \(id)
        title: Test device \(id)
        device:
          model: Test Router 1
          firmware: OpenWrt 23.05.3
          serial: SIM-TEST
        transport:
          fault: \(fault)
          latency_ms: \(latencyMilliseconds)
        expect:
          verdict: healthy
          components: []

        """
    }

    /// Writes `<parent>/<id>/` with `yaml` (a valid scenario by default), `root/`, `commands/` and `files`.
    @discardableResult
    public static func write(
        id: String, in parent: URL, fault: String = "none", latencyMilliseconds: Int = 0,
        yaml: String? = nil, files: [String: String] = [:]
    ) throws -> URL {
        let folder = parent.appendingPathComponent(id, isDirectory: true)
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("root"), withIntermediateDirectories: true)
        try manager.createDirectory(at: folder.appendingPathComponent("commands"), withIntermediateDirectories: true)
        let text = yaml ?? Self.yaml(id: id, fault: fault, latencyMilliseconds: latencyMilliseconds)
        try Data(text.utf8).write(to: folder.appendingPathComponent("scenario.yaml"))
        for (path, content) in files {
            let file = folder.appendingPathComponent(path)
            try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: file)
        }
        return folder
    }
}
