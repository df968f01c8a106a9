import Foundation
import TriageCore
import TriageStore

/// Reads a diagnosis for `triage store record`, in any of the JSON forms Triage prints:
/// the `triage diagnose --json` document (format `triage.diagnosis`), `triage show --json`,
/// and the `Diagnosis` record itself (camelCase, as the store tests and older scripts write it).
/// ISO 8601 dates, with or without fractional seconds. Whatever the form, it is redacted again:
/// the file was made elsewhere, and the store keeps no secret.
enum DiagnosisFile {
    static func read(_ path: String) throws -> Diagnosis {
        let data: Data?
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = FileManager.default.contents(atPath: path)
        }
        guard let data else { throw CLIError.usage("cannot read \(path)") }
        do {
            return try decode(data).redacted()
        } catch let error as DiagnosisDocument.ReadingError {
            throw CLIError.usage("\(path) is not a diagnosis Triage can record: \(error)")
        } catch {
            throw CLIError.usage("\(path) is not a diagnosis in JSON: \(error)")
        }
    }

    private static func decode(_ data: Data) throws -> Diagnosis {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            if let date = try? Date(text, strategy: .iso8601) { return date }
            if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 date: \(text)"))
        }
        let keys = (try? JSONSerialization.jsonObject(with: data) as? [String: Any]).map { Set($0.keys) } ?? []
        if keys.contains("format") {
            return try decoder.decode(DiagnosisDocument.self, from: data).diagnosis()
        }
        if keys.contains("record") {
            let stored = try decoder.decode(StoredDiagnosis.self, from: data)
            guard let diagnosis = stored.diagnosis else {
                throw DiagnosisDocument.ReadingError(description: "record.id '\(stored.record.id)' is not a UUID")
            }
            return diagnosis
        }
        return try decoder.decode(Diagnosis.self, from: data)
    }
}
