import Foundation
import TriageCore
import TriageTestSupport

/// Files the CLI tests hand to the triage executable.
enum CLIFiles {
    static func diagnosis(_ diagnosis: Diagnosis, in folder: TemporaryDirectory, name: String = "diagnosis.json") throws -> String {
        let path = folder.url.appendingPathComponent(name).path
        try SampleDiagnoses.json(diagnosis).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// `timeoutSeconds`: one request's timeout (the sink's default, 10 s, when nil).
    static func webhookConfig(url: URL, in folder: TemporaryDirectory, timeoutSeconds: Int? = nil) throws -> String {
        let secret = folder.url.appendingPathComponent("webhook.secret").path
        try "cli-secret\n".write(toFile: secret, atomically: true, encoding: .utf8)
        return try write("""
            sink: webhook
            webhook:
              url: \(url.absoluteString)
              secret_file: \(secret)
              attempts: 2
              backoff_seconds: 0.1
            """ + (timeoutSeconds.map { "\n  timeout_seconds: \($0)\n  deadline_seconds: \($0 * 2)" } ?? ""), to: "triage.yaml", in: folder)
    }

    static func write(_ text: String, to name: String, in folder: TemporaryDirectory) throws -> String {
        let path = folder.url.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
