public import Foundation
public import TriageCore

/// One row of `notes`: what goes back on the originating ticket for `healthy` and `remediable`.
public struct NoteRecord: Codable, Sendable, Hashable, StoredRecord, Identifiable {
    static let databaseTableName = "notes"

    public var id: Int64?
    public var idempotencyKey: String
    public var diagnosisID: String
    public var deviceID: String
    public var originTicket: String?
    public var verdict: Verdict
    /// The note itself: the verdict, the findings and the remedies, in plain words.
    public var text: String
    public var createdAt: Date

    public init(idempotencyKey: String, diagnosisID: String, deviceID: String, originTicket: String?,
                verdict: Verdict, text: String, createdAt: Date) {
        self.idempotencyKey = idempotencyKey
        self.diagnosisID = diagnosisID
        self.deviceID = deviceID
        self.originTicket = originTicket
        self.verdict = verdict
        self.text = StoredText.visible(text)
        self.createdAt = createdAt
    }

    mutating func didInsert(rowID: Int64) { id = rowID }
}
