import Foundation
import GRDB
import TriageCore

/// An `evidence` row as SQLite holds it. `output` and `errorOutput` are BLOBs of their UTF-8
/// bytes: SQLite text goes through C strings in GRDB, which end at the first NUL byte, and a
/// device may print one anywhere (a `df -k` line, an `iwinfo` ESSID). Rows written as text by
/// older versions still read back. Written by `EvidenceRows`, read here.
struct EvidenceRow: FetchableRecord, TableRecord {
    static let databaseTableName = "evidence"

    var record: EvidenceRecord

    init(row: Row) throws {
        guard let kind = ProbeSection.Kind(rawValue: row["kind"]) else {
            throw StoreError(path: "", problem: "evidence row \(row["id"] as DatabaseValue) has a kind this Triage does not know",
                             remedy: "Read the store with the Triage version that wrote it.")
        }
        let section = ProbeSection(kind: kind, subject: row["subject"], output: Self.text(row["output"]), exitCode: row["exitCode"],
                                   isAbsent: row["isAbsent"], durationMilliseconds: row["durationMilliseconds"],
                                   isTruncated: row["isTruncated"], errorOutput: Self.text(row["errorOutput"]))
        record = EvidenceRecord(section, diagnosisID: row["diagnosisID"], position: row["position"], recordedAt: row["recordedAt"])
        record.id = row["id"]
    }

    /// The sections of one diagnosis, in order.
    static func sections(diagnosisID: String, db: Database) throws -> [ProbeSection] {
        try filter(Column("diagnosisID") == diagnosisID).order(Column("position")).fetchAll(db).map(\.record.section)
    }

    /// A BLOB (this version) or text (older rows) as a string; the bytes were UTF-8 when stored.
    private static func text(_ bytes: Data?) -> String {
        String(decoding: bytes ?? Data(), as: UTF8.self)
    }
}
