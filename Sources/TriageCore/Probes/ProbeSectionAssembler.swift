/// The reader's state machine: frames and content in, sections and problems out.
struct ProbeSectionAssembler {
    private var reading = ProbeReading()
    private var open: OpenSection?
    private var sectionsBegun = 0
    private var announcedSections: Int?
    private var sawDone = false

    private struct OpenSection {
        var kind: ProbeSection.Kind
        var subject: String
        var offset: Int
        var block: Block?
        var output: [UInt8] = []
        var errorOutput: [UInt8] = []
    }

    private enum Block { case output, errorOutput }

    mutating func problem(at offset: Int, subject: String? = nil, _ message: String) {
        reading.problems.append(ProbeReadingProblem(offset: offset, subject: subject, message: message))
    }

    mutating func content(_ bytes: ArraySlice<UInt8>, at offset: Int) {
        guard !bytes.isEmpty else { return }
        switch open?.block {
        case .output: open?.output.append(contentsOf: bytes)
        case .errorOutput: open?.errorOutput.append(contentsOf: bytes)
        case nil:
            let sample = String(decoding: bytes.prefix(40), as: UTF8.self).debugDescription
            problem(at: offset, subject: open?.subject, "\(bytes.count) bytes outside any output block ignored: \(sample)")
        }
    }

    mutating func frame(_ line: String, at offset: Int) {
        if sawDone { problem(at: offset, "frame after the done frame: \(line.prefix(80))") }
        let verb = line.prefix { $0 != " " }
        let rest = line.dropFirst(verb.count).drop { $0 == " " }
        switch verb {
        case "probe": header(String(rest), at: offset)
        case "begin": begin(String(rest), at: offset)
        case "out", "err": startBlock(verb == "out" ? .output : .errorOutput, at: offset)
        case "end": end(ProbeFrameFields(String(rest)), at: offset)
        case "done": done(ProbeFrameFields(String(rest)), at: offset)
        default: problem(at: offset, subject: open?.subject, "unknown frame '\(verb)' ignored (a newer protocol?)")
        }
    }

    mutating func finish(at offset: Int, sawFrames: Bool) -> ProbeReading {
        if open != nil { close(truncated: true, at: offset, reason: "the stream ends inside this section") }
        if sawFrames && reading.header == nil { problem(at: 0, "no header frame") }
        if sawFrames && !sawDone {
            problem(at: offset, "no done frame: the probe did not finish (stream cut short, or the probe failed)")
        }
        let countsAgree = announcedSections == sectionsBegun
        reading.isComplete = sawDone && countsAgree && !reading.sections.contains { $0.isTruncated }
        return reading
    }

    private mutating func header(_ text: String, at offset: Int) {
        let fields = ProbeFrameFields(text)
        if reading.header != nil { problem(at: offset, "a second header frame ignored"); return }
        let version = fields["version"].flatMap { Int($0) }
        if !(version.map(ProbeStreamReader.readableVersions.contains) ?? false) {
            problem(at: offset, "protocol version \(fields["version"] ?? "missing"), "
                + "this reader speaks \(ProbeStreamReader.protocolVersion); read as far as it goes")
        }
        reading.header = ProbeHeader(version: version, name: fields["name"] ?? "", sha256: fields["sha256"] ?? "-")
    }

    private mutating func begin(_ text: String, at offset: Int) {
        if open != nil { close(truncated: true, at: offset, reason: "no end frame before the next section") }
        sectionsBegun += 1
        let wireKind = text.prefix { $0 != " " }
        let subject = String(text.dropFirst(wireKind.count + 1))
        let kind: ProbeSection.Kind
        switch wireKind {
        case "command": kind = .command
        case "file", "dir": kind = .file
        default:
            kind = .file
            problem(at: offset, subject: subject, "unknown section kind '\(wireKind)', read as a file")
        }
        open = OpenSection(kind: kind, subject: subject, offset: offset)
    }

    private mutating func startBlock(_ block: Block, at offset: Int) {
        guard open != nil else {
            problem(at: offset, "an output block outside any section ignored")
            return
        }
        open?.block = block
    }

    private mutating func end(_ fields: ProbeFrameFields, at offset: Int) {
        guard open != nil else {
            problem(at: offset, "an end frame outside any section ignored")
            return
        }
        close(truncated: fields["cut"] != nil, at: offset, fields: fields)
    }

    private mutating func done(_ fields: ProbeFrameFields, at offset: Int) {
        if open != nil { close(truncated: true, at: offset, reason: "no end frame before the done frame") }
        sawDone = true
        announcedSections = fields["sections"].flatMap { Int($0) }
        if announcedSections != sectionsBegun {
            problem(at: offset, "the probe announced \(fields["sections"] ?? "no") sections, the stream held \(sectionsBegun)")
        }
    }

    private mutating func close(truncated: Bool, at offset: Int, fields: ProbeFrameFields = ProbeFrameFields(""),
                                reason: String? = nil) {
        guard let section = open else { return }
        open = nil
        if let reason { problem(at: offset, subject: section.subject, "cut short: \(reason)") }
        if let cut = fields["cut"] { problem(at: offset, subject: section.subject, "cut short on the device: \(cut)") }
        reading.sections.append(ProbeSection(
            kind: section.kind,
            subject: section.subject,
            output: text(section.output, of: section.subject, stream: "output", at: section.offset),
            exitCode: fields["exit"].flatMap { Int($0) },
            isAbsent: fields.has("absent"),
            durationMilliseconds: fields["ms"].flatMap { Int($0) },
            isTruncated: truncated,
            errorOutput: text(section.errorOutput, of: section.subject, stream: "stderr", at: section.offset)
        ))
    }

    /// Decodes what a device printed; invalid UTF-8 is replaced (U+FFFD) and reported.
    private mutating func text(_ bytes: [UInt8], of subject: String, stream: String, at offset: Int) -> String {
        let decoded: String
        if let valid = String(validating: bytes, as: UTF8.self) {
            decoded = valid
        } else {
            decoded = String(decoding: bytes, as: UTF8.self)
            problem(at: offset, subject: subject, "\(stream) is not valid UTF-8; invalid bytes were replaced by U+FFFD")
        }
        return Redaction.redact(text: decoded)
    }
}
