import Foundation

/// The `triage` executable built beside the test bundle (`swift build` puts both in one folder).
public enum TriageExecutable {
    public static var path: String {
        let here = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        return here.appendingPathComponent("triage").path
    }
}
