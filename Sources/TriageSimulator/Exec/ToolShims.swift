public import Foundation

/// Stand-ins for the contract's device tools (`iw`, `ubus`, …) on a host that plays a router.
///
/// Each shim is a small `/bin/sh` dispatcher. Called as `iw dev wlan0 info`, it prints the file
/// `<commandsDirectory>/iw dev wlan0 info` (the tool name and its arguments joined by single
/// spaces) and exits with the integer in the sibling `iw dev wlan0 info.exit` (0 without one).
/// Without such a file it says `iw: not found` on stderr and exits 127, as a device that lacks the
/// tool would. A shim never falls through to the host's own tool, whatever `PATH` holds.
///
/// A `/` cannot be part of a file name, so a command line containing one (none of the contract's
/// command lines does) has no canned output: the shim treats it as not found (127).
public enum ToolShims {
    /// The tools the probe contract runs (Docs/probe-protocol.md, "The probe contract").
    public static let contractTools: [String] = ["iw", "iwinfo", "ubus", "uci", "ip", "logread", "dmesg", "df"]

    /// Writes one executable dispatcher per contract tool into `binDirectory` (created if needed).
    public static func install(into binDirectory: URL, commandsDirectory: URL) throws {
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: binDirectory, withIntermediateDirectories: true)
        let cat = try hostCat()
        for tool in contractTools {
            let shim = binDirectory.appendingPathComponent(tool)
            let script = dispatcher(tool: tool, commandsDirectory: commandsDirectory.path, cat: cat)
            try Data(script.utf8).write(to: shim)
            try fileManager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: shim.path)
        }
    }

    public struct MissingHostTool: Error, CustomStringConvertible {
        public let name: String
        public var description: String {
            "ToolShims: the host has no '\(name)' in /bin or /usr/bin; the shims need it to print canned outputs."
        }
    }

    /// The shims print with the host's `cat` by absolute path, so a `PATH` that holds only the
    /// shims (as on a minimal simulated device) still works.
    private static func hostCat() throws -> String {
        for candidate in ["/bin/cat", "/usr/bin/cat"] where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        throw MissingHostTool(name: "cat")
    }

    static func dispatcher(tool: String, commandsDirectory: String, cat: String) -> String {
        """
        #!/bin/sh
        # Triage tool shim for '\(tool)' (written by ToolShims): prints the canned output of this
        # command line and exits with its code; never runs the host's own '\(tool)'.
        commands=\(shellQuoted(commandsDirectory))
        name=\(shellQuoted(tool))
        for arg in "$@"; do name="$name $arg"; done
        case $name in
        */*) printf '%s: not found\\n' \(shellQuoted(tool)) >&2; exit 127 ;;
        esac
        file="$commands/$name"
        if [ ! -f "$file" ]; then
            printf '%s: not found\\n' \(shellQuoted(tool)) >&2
            exit 127
        fi
        code=0
        if [ -f "$file.exit" ]; then
            read -r code _ < "$file.exit" || [ -n "$code" ] || code=0
            case $code in
            '' | *[!0-9]*)
                printf 'triage shim: %s holds no exit code\\n' "$file.exit" >&2
                exit 126 ;;
            esac
        fi
        [ "$code" -eq 0 ] && exec \(shellQuoted(cat)) -- "$file"
        \(shellQuoted(cat)) -- "$file"
        exit "$code"

        """
    }

    /// Single-quotes `text` for sh: the only character that needs care inside '…' is ' itself.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
