/// What one parser read from one section: the typed value, and the warnings for what it could not read.
public struct ParseResult<Value> {
    public var value: Value
    public var warnings: [ParseWarning]

    public init(value: Value, warnings: [ParseWarning] = []) {
        self.value = value
        self.warnings = warnings
    }
}

extension ParseResult: Sendable where Value: Sendable {}
extension ParseResult: Equatable where Value: Equatable {}
extension ParseResult: Hashable where Value: Hashable {}
extension ParseResult: Encodable where Value: Encodable {}
extension ParseResult: Decodable where Value: Decodable {}
