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
        // ISO 8601 with or without fractional seconds: whichever the producer chose.
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            if let date = try? Date(text, strategy: .iso8601) { return date }
            if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 date: \(text)"))
        }
        do {
            return try decoder.decode(Diagnosis.self, from: data)
        } catch {
            throw CLIError.usage("\(path) is not a diagnosis in JSON: \(error)")
        }
    }
}
