import ChildProcess
import Foundation
import TriageCore

/// The real BusyBox that runs every exec request, and a folder of its applets (`cat`, `grep`, `sh`,
/// ...) that stands second in each device's `PATH`, so that a probe meets BusyBox's tools as on
/// OpenWrt and never the host's. The contract tools are left out of that folder: only the
/// scenario's dispatchers answer to those names.
struct BusyBoxShell: Sendable {
    let executable: String
    let appletsDirectory: URL

    /// Finds BusyBox (`$TRIAGE_BUSYBOX`, else /usr/bin/busybox or /bin/busybox), checks that its
    /// shell looks commands up in `PATH`, and links its applets into `appletsDirectory`.
    static func prepare(appletsDirectory: URL) async throws(SimulatorError) -> BusyBoxShell {
        let environment = ProcessInfo.processInfo.environment
        let candidates = [environment["TRIAGE_BUSYBOX"], "/usr/bin/busybox", "/bin/busybox"].compactMap { $0 }
        guard let executable = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw SimulatorError("BusyBox was not found (looked at \(candidates.joined(separator: ", "))). "
                + "Install Debian's `busybox` package, or set TRIAGE_BUSYBOX to a busybox binary.")
        }
        // A static BusyBox built with "prefer applets" runs its own `ip`, `df`, `dmesg` and `logread`
        // before any PATH entry: the host's view would leak into every scenario.
        let probe = try await collect(executable, ["sh", "-c", "command -v ip"], path: "/nonexistent")
        if probe.status == .exited(0) {
            throw SimulatorError("\(executable) runs its own applets before PATH (a busybox-static build), so "
                + "the scenario's `ip`, `df`, `dmesg` and `logread` would never be reached. Install Debian's "
                + "`busybox` package (it replaces busybox-static), or set TRIAGE_BUSYBOX to such a build.")
        }
        let list = try await collect(executable, ["--list"], path: "/nonexistent")
        let applets = list.output.split(separator: "\n").map(String.init)
            .filter { !ToolShims.contractTools.contains($0) }
        do {
            try? FileManager.default.removeItem(at: appletsDirectory)
            try FileManager.default.createDirectory(at: appletsDirectory, withIntermediateDirectories: true)
            // Readable by nobody, whatever the umask: a simulator run as root runs commands as nobody.
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: appletsDirectory.path)
            for applet in applets {
                try FileManager.default.createSymbolicLink(
                    atPath: appletsDirectory.appendingPathComponent(applet).path, withDestinationPath: executable)
            }
        } catch {
            throw SimulatorError("Could not link BusyBox's applets into \(appletsDirectory.path): \(error)")
        }
        return BusyBoxShell(executable: executable, appletsDirectory: appletsDirectory)
    }

    private static func collect(
        _ executable: String, _ arguments: [String], path: String
    ) async throws(SimulatorError) -> (status: ChildProcess.Termination, output: String) {
        do {
            let result = try await ChildProcess.collect(
                executable: executable, arguments: arguments,
                environment: ["PATH": path], outputLimit: 1 << 20)
            return (result.termination, String(decoding: result.standardOutput, as: UTF8.self))
        } catch {
            throw SimulatorError("Could not run \(executable): \(error)")
        }
    }
}
