public import Foundation

/// An executable sh script in a test's folder that writes each argument it got on a line of its
/// own to a file, then runs `body`: a stand-in for an operator's command that shows exactly which
/// arguments reached it (one literal value each, whatever characters they hold).
public struct RecordingScript: Sendable {
    public let path: String
    /// Where the arguments are written, one a line.
    public let record: String

    public init(named name: String = "line-state", in folder: URL, body: String) throws {
        path = folder.appendingPathComponent(name).path
        record = folder.appendingPathComponent(name + ".arguments").path
        try "#!/bin/sh\nfor argument in \"$@\"; do printf '%s\\n' \"$argument\"; done > \(record)\n\(body)\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path)
    }

    /// The arguments of the last run, as written.
    public func arguments() throws -> [String] {
        try String(contentsOfFile: record, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }
}
