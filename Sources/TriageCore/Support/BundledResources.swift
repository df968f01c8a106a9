public import Foundation

/// Finds the data folders Triage ships beside its code: `Probes/`, `Scenarios/`, `Rules/`.
///
/// Search order: `$TRIAGE_RESOURCES` (a folder holding them), `<executable>/../share/triage`,
/// any ancestor of the executable's folder that holds them (a `swift build` tree), and last the
/// source checkout this file was compiled from.
public enum BundledResources {
    public static func directory(named name: String) -> URL? {
        candidates(for: name).first { isDirectory($0) }
    }

    /// Like `directory(named:)`, but throws an error that says where it looked.
    public static func requireDirectory(named name: String) throws -> URL {
        if let found = directory(named: name) { return found }
        let looked = candidates(for: name).map(\.path).joined(separator: ", ")
        throw MissingResource(name: name, searched: looked)
    }

    /// Triage's own: its installation is incomplete.
    public struct MissingResource: TriageError {
        public let name: String
        public let searched: String
        public var kind: TriageErrorKind { .triagesOwn }
        public var message: String { "Triage's '\(name)' folder was not found (looked in: \(searched))." }
        public var remedy: String { "Set TRIAGE_RESOURCES to the folder that holds \(name)/, e.g. the Triage checkout." }
    }

    static func candidates(for name: String) -> [URL] {
        var result: [URL] = []
        if let root = ProcessInfo.processInfo.environment["TRIAGE_RESOURCES"], !root.isEmpty {
            result.append(URL(fileURLWithPath: root).appendingPathComponent(name))
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        result.append(folder.appendingPathComponent("../share/triage/\(name)").standardizedFileURL)
        for _ in 0..<6 {
            result.append(folder.appendingPathComponent(name))
            folder = folder.deletingLastPathComponent()
        }
        // Sources/TriageCore/Support/BundledResources.swift -> package root
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        result.append(packageRoot.appendingPathComponent(name))
        return result
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
    }
}
