/// Reads `/proc/net/dev`: two header lines naming the receive and transmit columns, then one line per device.
enum ProcNetDevParser {
    /// The columns of every Linux since 2.2, used when the header is missing or unreadable.
    private static let standardColumns = [
        "rx_bytes", "rx_packets", "rx_errors", "rx_dropped", "rx_fifo", "rx_frame", "rx_compressed", "rx_multicast",
        "tx_bytes", "tx_packets", "tx_errors", "tx_dropped", "tx_fifo", "tx_colls", "tx_carrier", "tx_compressed",
    ]

    /// The devices in the order listed, each with only its name and counters set.
    static func parse(_ text: String, subject: String) -> ParseResult<[NetworkDevice]> {
        .reading(subject) { read(text, subject: subject, warnings: &$0) }
    }

    private static func read(_ text: String, subject: String, warnings: inout WarningCollector) -> [NetworkDevice] {
        var columns = standardColumns
        var devices: [NetworkDevice] = []
        for line in TextLines.numbered(text) where !line.isBlank {
            if line.text.contains("|") {
                if let header = headerColumns(line.text) { columns = header }
                continue
            }
            // Device names cannot contain ':', so the first one ends the name; large counters may touch it.
            guard let colon = line.text.firstIndex(of: ":") else {
                warnings.add("no 'device:' at the start", line: line.number)
                continue
            }
            let name = String(line.text[..<colon].trimmingBlanks())
            let values = line.text[line.text.index(after: colon)...].split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard !name.isEmpty else {
                warnings.add("empty device name", line: line.number)
                continue
            }
            if values.count != columns.count {
                warnings.add(
                    "\(values.count) values for \(columns.count) columns; kept those in their columns", line: line.number)
            }
            var device = NetworkDevice(name: name)
            for (column, value) in zip(columns, values) {
                guard let count = UInt64(value) else {
                    warnings.add("'\(value)' is not a counter", line: line.number)
                    continue
                }
                device.counters.set(column, to: count)
            }
            devices.append(device)
        }
        return devices
    }

    /// `face |bytes packets errs drop …|bytes packets …`
    /// → `rx_bytes, rx_packets, rx_errors, rx_dropped, …, tx_bytes, …`.
    /// The first header line (`Inter-|   Receive |  Transmit`) has no column names and yields `nil`.
    private static func headerColumns(_ line: Substring) -> [String]? {
        let groups = line.split(separator: "|", omittingEmptySubsequences: false)
        guard groups.count == 3 else { return nil }
        let receive = groups[1].split(whereSeparator: \.isWhitespace)
        let transmit = groups[2].split(whereSeparator: \.isWhitespace)
        guard receive.contains("bytes"), transmit.contains("bytes") else { return nil }
        return receive.map { "rx_" + counterName($0) } + transmit.map { "tx_" + counterName($0) }
    }

    private static func counterName(_ header: Substring) -> String {
        switch header {
        case "errs": "errors"
        case "drop": "dropped"
        default: String(header)
        }
    }
}
