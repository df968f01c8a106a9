import Foundation
import Glibc
import TriageCore
import TriageInventory

/// `--json-lines FILE`: one diagnosis document per line (the shape of `diagnose --json`,
/// Docs/diagnosis-json.md, compact), written as each device finishes, so memory does not grow with
/// the fleet and a stopped sweep leaves every finished line. The documents hold evidence: a new
/// file is created 0600.
final class JSONLinesFile: Sendable {
    private let path: String
    private let descriptor: Int32

    init(path: String) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw CLIError.usage("cannot write --json-lines \(path): \(String(cString: strerror(errno))). Check the folder exists and is writable.")
        }
    }

    deinit {
        close(descriptor)
    }

    func append(_ diagnosis: Diagnosis, facts: JSONValue, actions: [String]) throws {
        let line = try DiagnosisDocument(diagnosis, facts: facts, actions: actions).jsonLine()
        var remaining = line[...]
        while !remaining.isEmpty {
            let written = remaining.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw CLIError.failure("cannot write --json-lines \(path): \(String(cString: strerror(errno)))")
            }
            remaining = remaining.dropFirst(written)
        }
    }
}
