/// Parses `iw dev <if> info`: one interface block, as in `iw dev` but with a `wiphy N` line
/// instead of the `phy#N` header.
public enum IwDevInfoParser {
    /// `iw dev <interface> info`
    public static func subject(interface: String) -> String { "iw dev \(interface) info" }

    /// `interface` is the name from the command line, used when the output lacks its own.
    public static func parse(_ text: String, interface: String) -> ParseResult<WLANInterface?> {
        var warnings = WarningCollector(section: subject(interface: interface))
        let blocks = IwDevParser.readBlocks(text, defaultName: interface, warnings: &warnings)
        if blocks.count > 1 {
            warnings.add("\(blocks.count) interface blocks where one was expected; keeping the first")
        }
        if let first = blocks.first, first.name != interface {
            warnings.add("the output describes '\(first.name)', not '\(interface)'")
        }
        if blocks.isEmpty, text.contains(where: { !$0.isWhitespace }) {
            warnings.add("no interface block found")
        }
        return warnings.result(blocks.first)
    }
}
