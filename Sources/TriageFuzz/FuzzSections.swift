internal import TriageCore

/// Turns one fuzz input into probe sections: the input is split at NUL bytes, one section per piece.
///
/// A piece that starts with a known subject and a newline (`ip route\n…`, as the seeds from the corpus
/// do) is that subject's output. Any other piece is steered by its first byte: the byte picks the subject,
/// and its top bit marks the section truncated, so mutations reach every parser.
enum FuzzSections {
    static let subjects = ProbeContractSubjects.all

    static func sections(_ bytes: UnsafeBufferPointer<UInt8>) -> [ProbeSection] {
        bytes.split(separator: 0, omittingEmptySubsequences: false).compactMap { piece in
            guard let first = piece.first else { return nil }
            let text = String(decoding: piece, as: UTF8.self)
            if let newline = text.firstIndex(of: "\n"), subjects.contains(String(text[..<newline])) {
                return section(String(text[..<newline]), String(text[text.index(after: newline)...]), truncated: false)
            }
            let subject = subjects[Int(first) % subjects.count]
            return section(subject, String(decoding: piece.dropFirst(), as: UTF8.self), truncated: first >= 0x80)
        }
    }

    private static func section(_ subject: String, _ output: String, truncated: Bool) -> ProbeSection {
        let isFile = subject.hasPrefix("/")
        return ProbeSection(
            kind: isFile ? .file : .command, subject: subject, output: output, exitCode: isFile ? nil : 0,
            isTruncated: truncated)
    }
}
