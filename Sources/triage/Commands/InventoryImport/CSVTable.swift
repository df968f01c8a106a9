/// A CSV file read by RFC 4180: fields separated by commas, records by CRLF or LF; a field in
/// double quotes may hold commas, line breaks and `""` for a quote. Each record keeps the line it
/// starts on, so that a bad row is reported where a spreadsheet user finds it.
struct CSVTable {
    struct Record {
        let line: Int
        let fields: [String]
    }

    struct Damage: Error {
        let line: Int
        let message: String
    }

    let header: Record
    let records: [Record]

    /// Reads `text`; throws the first place where it is not CSV (a quote left open, a quote
    /// inside an unquoted field), since nothing after it can be trusted.
    init(_ text: String) throws(Damage) {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quotedField = false
        var characters = text.hasPrefix("\u{FEFF}") ? Substring(text.dropFirst()) : Substring(text)
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !quotedField) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
            field = ""
            quotedField = false
        }
        while let character = characters.popFirst() {
            if inQuotes {
                if character == "\"" {
                    if characters.first == "\"" {
                        characters.removeFirst()
                        field.append("\"")
                    } else {
                        inQuotes = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case ",":
                fields.append(field)
                field = ""
                quotedField = false
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            case "\"":
                guard field.isEmpty, !quotedField else {
                    throw Damage(line: line, message: "a double quote inside an unquoted field; quote the whole field and double the quote (\"\")")
                }
                inQuotes = true
                quotedField = true
            default:
                if quotedField {
                    throw Damage(line: line, message: "text after a closing quote; a quoted field ends at its quote")
                }
                field.append(character)
            }
        }
        if inQuotes { throw Damage(line: recordLine, message: "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty || quotedField { endRecord() }
        guard let header = records.first else { throw Damage(line: 1, message: "the file is empty; it needs a header line naming its columns") }
        self.header = header
        self.records = Array(records.dropFirst())
    }
}
