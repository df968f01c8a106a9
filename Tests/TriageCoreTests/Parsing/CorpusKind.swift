import Testing

@testable import TriageCore

/// One corpus folder and the parser for its files. The corpus walk is driven by `CorpusKind.all`; a parser
/// for another folder joins it by adding a row here.
struct CorpusKind: Sendable, CustomTestStringConvertible {
    /// The folder under `shared/corpus`.
    var folder: String
    /// Files the parser is not meant for (another command's output kept in the same folder); they must
    /// still not crash it, and may warn.
    var foreignFiles: Set<String> = []
    /// Parses a file's text as the section it holds: its warnings, and how many facts it found
    /// (entries, or 1 for a single record), so that a walk proves the parser read something.
    var parse: @Sendable (String) -> (warnings: [ParseWarning], found: Int)

    var testDescription: String { folder }

    /// Whether a clean parse (no warnings) is expected: everything but cut JSON and foreign files.
    func expectsWarnings(_ fileName: String) -> Bool {
        fileName.contains("TRUNCATED") || foreignFiles.contains(fileName)
    }

    static let all: [CorpusKind] = link + system

    static let link: [CorpusKind] = [
        CorpusKind(folder: "proc-net-dev") { text in
            ProcNetDevParser.parse(text, subject: "/proc/net/dev").counted { $0.count }
        },
        CorpusKind(folder: "ubus-network-interface-status") { text in
            NetworkInterfaceDumpParser.parse(text, subject: "ubus call network.interface dump").counted { $0.count }
        },
        CorpusKind(folder: "dsl-status", foreignFiles: ["tc3162-adsl-stats-vdsl2-up-trimmed.txt"]) { text in
            DSLMetricsParser.parse(text, subject: "ubus call dsl metrics").counted { $0 == nil ? 0 : 1 }
        },
    ]

    static let system: [CorpusKind] = [
        CorpusKind(folder: "ubus-system-board") { text in
            SystemBoardParser.parse(text, subject: "ubus call system board").counted { $0 == nil ? 0 : 1 }
        },
        CorpusKind(folder: "dmesg") { text in
            SystemLogParser.parse(text, subject: "dmesg").counted(\.lineCount)
        },
        CorpusKind(folder: "logread") { text in
            SystemLogParser.parse(text, subject: "logread -l 300").counted(\.lineCount)
        },
    ]
}

extension ParseResult {
    /// The warnings, with how many facts `count` finds in the value.
    func counted(_ count: (Value) -> Int) -> (warnings: [ParseWarning], found: Int) {
        (warnings, count(value))
    }
}
