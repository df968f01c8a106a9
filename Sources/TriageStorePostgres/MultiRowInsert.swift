import PostgresNIO

/// One INSERT of many rows, every value a bind: a diagnosis' findings or evidence in one round
/// trip instead of one per row (dozens of sections per device).
struct MultiRowInsert {
    private var interpolation: PostgresQuery.StringInterpolation
    private var rows = 0
    private var rowIsEmpty = true

    /// `head` is the statement up to VALUES, without values: `INSERT INTO t (a, b)`.
    init(_ head: StaticString) {
        interpolation = PostgresQuery.StringInterpolation(literalCapacity: 256, interpolationCount: 0)
        interpolation.appendLiteral("\(head) VALUES ")
    }

    var isEmpty: Bool { rows == 0 }

    mutating func startRow() {
        interpolation.appendLiteral(rows == 0 ? "(" : "), (")
        rows += 1
        rowIsEmpty = true
    }

    mutating func value<T: PostgresThrowingDynamicTypeEncodable>(_ value: T) throws {
        separate()
        try interpolation.appendInterpolation(value)
    }

    mutating func value<T: PostgresThrowingDynamicTypeEncodable>(_ value: T?) throws {
        separate()
        try interpolation.appendInterpolation(value)
    }

    var query: PostgresQuery {
        var finished = interpolation
        finished.appendLiteral(")")
        return PostgresQuery(stringInterpolation: finished)
    }

    private mutating func separate() {
        if !rowIsEmpty { interpolation.appendLiteral(", ") }
        rowIsEmpty = false
    }
}
