import Foundation

/// The executables built beside the test bundle (`swift build` puts them all in one folder).
public enum TriageExecutable {
    /// `triage` itself.
    public static var path: String { sibling("triage") }

    /// `TriageFuzz` as a plain build makes it: a replayer of fuzz inputs given as files.
    public static var fuzzReplayer: String { sibling("TriageFuzz") }

    private static func sibling(_ name: String) -> String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent(name).path
    }
}
