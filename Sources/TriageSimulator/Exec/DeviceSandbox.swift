import ChildProcess
import Foundation
import Glibc

/// Confines every command a simulated device runs (Debian's bubblewrap): a file system of its own
/// that holds only BusyBox and the libraries it loads, the scenario's folder and the device's
/// dispatchers (all read-only), a private /tmp, a minimal /dev and /proc (the probes' clock reads
/// /proc/uptime); no network, no IPC, no other process, no capability; and never the caller's
/// root: a simulator started as root runs each command as `nobody` (uid and gid 65534).
///
/// Paths inside are the host's paths, so `TRIAGE_ROOT`, the dispatchers and the applets' links
/// read the same inside and out; everything else of the host is simply absent.
struct DeviceSandbox: Sendable {
    let bubblewrap: String
    /// util-linux's setpriv, which drops to `nobody` inside; nil when the simulator is not root.
    let privilegeDrop: String?
    /// BusyBox and every file the dynamic loader needs for it (and for setpriv).
    let hostFiles: [String]
    let busybox: String

    static let nobody = 65_534
    /// Where setpriv is mounted: apart from the device's own tools, so that no PATH reaches it.
    static let privilegeDropPath = "/.sandbox/setpriv"

    /// Finds bubblewrap (and setpriv when root) and the libraries BusyBox needs, then checks that a
    /// command really runs confined here: the simulator never serves an unconfined device.
    static func prepare(busybox: String) async throws(SimulatorError) -> DeviceSandbox {
        guard let bubblewrap = ["/usr/bin/bwrap", "/bin/bwrap"].first(where: FileManager.default.isExecutableFile(atPath:))
        else {
            throw SimulatorError("bubblewrap (bwrap) was not found in /usr/bin or /bin: the simulator confines every "
                + "simulated device with it and never serves one unconfined. Install Debian's `bubblewrap` package "
                + "(scripts/install-deps does).")
        }
        var privilegeDrop: String?
        if geteuid() == 0 {
            guard let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first(where: FileManager.default.isExecutableFile(atPath:))
            else {
                throw SimulatorError("setpriv was not found: run as root, the simulator needs it to run each device's "
                    + "commands as nobody. Install Debian's `util-linux` package, or run the simulator as another user.")
            }
            privilegeDrop = setpriv
        }
        let programs = [busybox] + (privilegeDrop.map { [$0] } ?? [])
        var libraries: [String] = []
        for program in programs { libraries += try await sharedLibraries(of: program) }
        let sandbox = DeviceSandbox(
            bubblewrap: bubblewrap, privilegeDrop: privilegeDrop,
            hostFiles: Array(Set([busybox] + libraries)).sorted(), busybox: busybox)
        try await sandbox.check()
        return sandbox
    }

    /// The command line that runs BusyBox's `sh` with `shellArguments`, confined, with `visible`
    /// (folders of the device; those that don't exist are left out) mounted read-only at their own
    /// paths and `workingDirectory` as current folder.
    func shellCommand(_ shellArguments: [String], visible: [URL], workingDirectory: URL) -> [String] {
        let visible = visible.filter { FileSystemCheck.isDirectory($0) }
        var arguments = [bubblewrap] + namespaces + ["--die-with-parent", "--new-session"]
        arguments += ["--perms", "0755", "--tmpfs", "/", "--perms", "1777", "--tmpfs", "/tmp", "--dev", "/dev", "--proc", "/proc"]
        var mounts = hostFiles.map { ($0, $0) } + visible.map { ($0.path, $0.path) }
        if let privilegeDrop { mounts.append((privilegeDrop, Self.privilegeDropPath)) }
        // bwrap makes missing parents 0700, which nobody could not enter: make them 0755 first.
        for folder in Self.parents(of: mounts.map(\.1) + ["/bin/sh", "/usr/bin/sh"]) {
            arguments += ["--perms", "0755", "--dir", folder]
        }
        for (source, target) in mounts { arguments += ["--ro-bind", source, target] }
        // The dispatchers' `#!/bin/sh` and their `cat` (ToolShims) are BusyBox here too.
        for link in ["/bin/sh", "/bin/cat", "/usr/bin/cat"] where !hostFiles.contains(link) {
            arguments += ["--symlink", busybox, link]
        }
        arguments += ["--remount-ro", "/", "--chdir", workingDirectory.path]
        if privilegeDrop != nil {
            arguments += [
                Self.privilegeDropPath, "--reuid=\(Self.nobody)", "--regid=\(Self.nobody)", "--clear-groups",
                "--inh-caps=-all", "--bounding-set=-all", "--",
            ]
        }
        return arguments + [busybox, "sh"] + shellArguments
    }

    /// Root keeps its user namespace (setpriv then drops to a real unprivileged uid, and the kernel
    /// takes every capability with it); anyone else gets a user namespace of their own.
    private var namespaces: [String] {
        let others = ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try"]
        guard privilegeDrop != nil else { return ["--unshare-all", "--cap-drop", "ALL"] }
        return others + ["--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
    }

    /// Run as root, the device's commands run as nobody: its scenario folders must be open to others.
    func checkReadable(_ scenario: Scenario) throws(SimulatorError) {
        guard privilegeDrop != nil else { return }
        for folder in [scenario.folder, scenario.rootDirectory, scenario.commandsDirectory] {
            var info = stat()
            guard stat(folder.path, &info) == 0 else { continue }
            if info.st_mode & (S_IROTH | S_IXOTH) != (S_IROTH | S_IXOTH) {
                throw SimulatorError("\(folder.path) cannot be read by others, but a simulator run as root runs the "
                    + "commands of scenario \(scenario.id) as nobody (uid \(Self.nobody)). Make the scenario readable: "
                    + "chmod -R o+rX \(scenario.folder.path)")
            }
        }
    }

    /// Every folder above `paths`, shortest first, "/" left out.
    private static func parents(of paths: [String]) -> [String] {
        var folders: Set<String> = []
        for path in paths {
            var folder = (path as NSString).deletingLastPathComponent
            while folder != "/" && !folder.isEmpty && folders.insert(folder).inserted {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        return folders.sorted { ($0.count, $0) < ($1.count, $1) }
    }

    /// The files `ldd` names for `program`; none for a static binary.
    private static func sharedLibraries(of program: String) async throws(SimulatorError) -> [String] {
        let run: CollectedRun
        do {
            run = try await ChildProcess.collect(
                executable: "/usr/bin/ldd", arguments: [program], environment: ["PATH": "/usr/bin:/bin"])
        } catch {
            throw SimulatorError("Could not run ldd on \(program) to find the libraries its sandbox needs: \(error). "
                + "Install Debian's `libc-bin` package.")
        }
        // "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x…)" and "/lib64/ld-linux-x86-64.so.2 (0x…)"
        return String(decoding: run.standardOutput, as: UTF8.self).split(separator: "\n").compactMap { line in
            line.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("/") }.map(String.init)
        }
    }

    /// Runs `true` confined, so that a kernel or setup where bubblewrap cannot work stops the start.
    private func check() async throws(SimulatorError) {
        let arguments = shellCommand(["-c", "exit 0"], visible: [], workingDirectory: URL(fileURLWithPath: "/tmp"))
        let run: CollectedRun
        do {
            run = try await ChildProcess.collect(
                executable: arguments[0], arguments: Array(arguments.dropFirst()), environment: [:])
        } catch {
            throw SimulatorError("Could not start bubblewrap (\(bubblewrap)): \(error)")
        }
        guard run.termination == .exited(0) else {
            let message = String(decoding: run.standardError, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw SimulatorError("bubblewrap cannot confine a simulated device here (\(run.termination): \(message)). "
                + "The simulator needs user namespaces (as a non-root user) or root; it never serves a device unconfined.")
        }
    }
}
