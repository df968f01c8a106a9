public import Foundation

/// The probes Triage ships in `Probes/`, each assembled with the shared helpers.
///
/// The helpers (`common.sh`: framing, file reading, command running; `redact.sh`: secret
/// masking) are prepended to every probe, so each run is one self-contained script on stdin.
public struct ProbeCatalog: Sendable {
    /// The probes, in the order a full diagnosis runs them.
    public static let probeNames = ["wlan", "link", "led", "system"]
    /// Helper files prepended to every probe, in this order.
    public static let helperFiles = ["common.sh", "redact.sh"]

    public let scripts: [ProbeScript]

    /// Loads the probes from a `Probes/` folder.
    public init(directory: URL) throws {
        let helpers = try Self.helperFiles.map { try Self.load($0, in: directory) }.joined()
        scripts = try Self.probeNames.map { name in
            ProbeScript(name: name, text: helpers + (try Self.load("\(name).sh", in: directory)))
        }
    }

    /// Loads the probes from the `Probes/` folder shipped with Triage (see `BundledResources`).
    public static func bundled() throws -> ProbeCatalog {
        try ProbeCatalog(directory: BundledResources.requireDirectory(named: "Probes"))
    }

    public func script(named name: String) -> ProbeScript? {
        scripts.first { $0.name == name }
    }

    public struct UnreadableScript: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String {
            "Probe script \(path) could not be read (\(reason)); check the Probes/ folder of the installation."
        }
    }

    private static func load(_ file: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(file)
        do {
            let data = try Data(contentsOf: url)
            guard let text = String(data: data, encoding: .utf8) else {
                throw UnreadableScript(path: url.path, reason: "not UTF-8")
            }
            return text
        } catch let error as UnreadableScript {
            throw error
        } catch {
            throw UnreadableScript(path: url.path, reason: "\(error)")
        }
    }
}
