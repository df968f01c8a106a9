/// Why a report could not be made, and what to do.
public struct ReportError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
