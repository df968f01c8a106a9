public import Foundation
public import GRDB
public import TriageCore

/// One row of `evidence`: a raw probe section of one diagnosis, already redacted on the way in.
/// Evidence is the bulky part of the record; retention prunes these rows and nothing else.
///
/// `output` and `errorOutput` are stored as BLOBs of their UTF-8 bytes: SQLite text goes through
/// C strings in GRDB, which end at the first NUL byte, and a device may print one anywhere (a
/// `df -k` line, an `iwinfo` ESSID). Rows written as text by older versions still read back.
public struct EvidenceRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "evidence"

    public var id: Int64?
    public var diagnosisID: String
    public var position: Int
    public var kind: ProbeSection.Kind
    public var subject: String
    public var output: String
    public var exitCode: Int?
    public var isAbsent: Bool
    public var durationMilliseconds: Int?
    public var isTruncated: Bool
    public var errorOutput: String
    public var recordedAt: Date

    public init(_ section: ProbeSection, diagnosisID: String, position: Int, recordedAt: Date) {
        self.diagnosisID = diagnosisID
        self.position = position
        kind = section.kind
        subject = section.subject
        output = section.output
        exitCode = section.exitCode
        isAbsent = section.isAbsent
        durationMilliseconds = section.durationMilliseconds
        isTruncated = section.isTruncated
        errorOutput = section.errorOutput
        self.recordedAt = recordedAt
    }

    public init(row: Row) throws {
        id = row["id"]
        diagnosisID = row["diagnosisID"]
        position = row["position"]
        guard let kind = ProbeSection.Kind(rawValue: row["kind"]) else {
            throw StoreError(path: "", problem: "evidence row \(row["id"] as DatabaseValue) has a kind this Triage does not know",
                             remedy: "Read the store with the Triage version that wrote it.")
        }
        self.kind = kind
        subject = row["subject"]
        output = Self.text(row["output"])
        exitCode = row["exitCode"]
        isAbsent = row["isAbsent"]
        durationMilliseconds = row["durationMilliseconds"]
        isTruncated = row["isTruncated"]
        errorOutput = Self.text(row["errorOutput"])
        recordedAt = row["recordedAt"]
    }

    public func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["diagnosisID"] = diagnosisID
        container["position"] = position
        container["kind"] = kind.rawValue
        container["subject"] = subject
        container["output"] = Data(output.utf8)
        container["exitCode"] = exitCode
        container["isAbsent"] = isAbsent
        container["durationMilliseconds"] = durationMilliseconds
        container["isTruncated"] = isTruncated
        container["errorOutput"] = Data(errorOutput.utf8)
        container["recordedAt"] = recordedAt
    }

    public var section: ProbeSection {
        ProbeSection(kind: kind, subject: subject, output: output, exitCode: exitCode, isAbsent: isAbsent,
                     durationMilliseconds: durationMilliseconds, isTruncated: isTruncated, errorOutput: errorOutput)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// A BLOB (this version) or text (older rows) as a string; the bytes were UTF-8 when stored.
    private static func text(_ bytes: Data?) -> String {
        String(decoding: bytes ?? Data(), as: UTF8.self)
    }
}
