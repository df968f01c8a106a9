public import Foundation
public import TriageCore

/// One row of `evidence`: a raw probe section of one diagnosis, already redacted on the way in.
/// Evidence is the bulky part of the record; retention prunes these rows and nothing else.
/// The outputs keep their exact bytes, NULs included (SQLite: `EvidenceRow`).
public struct EvidenceRecord: Codable, Sendable, Hashable {
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

    public var section: ProbeSection {
        ProbeSection(kind: kind, subject: subject, output: output, exitCode: exitCode, isAbsent: isAbsent,
                     durationMilliseconds: durationMilliseconds, isTruncated: isTruncated, errorOutput: errorOutput)
    }
}
