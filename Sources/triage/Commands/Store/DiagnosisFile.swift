import Foundation
import TriageCore

/// Reads a diagnosis from JSON (ISO 8601 dates, as the CLI prints them).
enum DiagnosisFile {
    static func read(_ path: String) throws -> Diagnosis {
        let data: Data?
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = FileManager.default.contents(atPath: path)
        }
        guard let data else { throw CLIError.usage("cannot read \(path)") }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(Diagnosis.self, from: data)
        } catch {
            throw CLIError.usage("\(path) is not a diagnosis in JSON: \(error)")
        }
    }
}
