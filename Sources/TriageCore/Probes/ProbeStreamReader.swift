/// Turns the bytes a probe printed into sections (Docs/probe-protocol.md, version 2).
///
/// Only frames with this run's token count; everything else is content or, outside a section,
/// reported as unframed output. Garbage, binary bytes, CRLF line ends, a missing end frame, a
/// truncated stream or another run's token become problems in the reading, never a crash or
/// an error.
public struct ProbeStreamReader: Sendable {
    public static let protocolVersion = 2
    /// Version 2 only added sections, so a version 1 stream reads the same.
    public static let readableVersions = 1...protocolVersion
    public let token: ProbeToken

    public init(token: ProbeToken) {
        self.token = token
    }

    public func read(_ stream: [UInt8]) -> ProbeReading {
        var assembler = ProbeSectionAssembler()
        let bytes = normalizedLineEnds(stream, assembler: &assembler)
        let prefix = Array("@@triage \(token.hex) ".utf8)
        // Frame lines: the prefix at the start of the stream or right after a newline.
        let frames = ByteSearch.lineStarts(with: prefix, in: bytes)
        if frames.isEmpty {
            assembler.problem(at: 0, explainMissingFrames(in: bytes))
            return assembler.finish(at: bytes.count, sawFrames: false)
        }
        var cursor = 0
        for start in frames {
            // The newline in front of a frame belongs to the frame, not to the content.
            let contentEnd = max(cursor, start > 0 ? start - 1 : 0)
            assembler.content(bytes[cursor..<contentEnd], at: cursor)
            guard let lineEnd = bytes[start...].firstIndex(of: newline) else {
                assembler.problem(at: start, "the stream ends inside a frame line")
                cursor = bytes.count
                break
            }
            assembler.frame(String(decoding: bytes[(start + prefix.count)..<lineEnd], as: UTF8.self), at: start)
            cursor = lineEnd + 1
        }
        assembler.content(bytes[cursor...], at: cursor)
        return assembler.finish(at: bytes.count, sawFrames: true)
    }

    private let newline = UInt8(ascii: "\n")

    /// A terminal (pty) between probe and controller turns every LF into CRLF. If the frames
    /// show that, undo it everywhere, so frames and content read as the probe printed them.
    private func normalizedLineEnds(_ bytes: [UInt8], assembler: inout ProbeSectionAssembler) -> [UInt8] {
        let framedWithCRLF = Array("\r\n@@triage \(token.hex) ".utf8)
        guard ByteSearch.contains(bytes, framedWithCRLF) else { return bytes }
        assembler.problem(at: 0, "frames end in CRLF (was a terminal allocated?); CRLF was read as LF throughout")
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == newline { continue }
            result.append(byte)
        }
        return result
    }

    private func explainMissingFrames(in bytes: [UInt8]) -> String {
        if bytes.isEmpty { return "the stream is empty: the probe printed nothing" }
        if let foreign = bytes.firstRange(of: Array("@@triage ".utf8)) {
            let token = bytes[foreign.upperBound...].prefix { $0 != UInt8(ascii: " ") && $0 != newline }.prefix(64)
            return "no frame carries this run's token \(self.token.hex); found frames with token "
                + "'\(String(decoding: token, as: UTF8.self))' (another run's output, or forged): nothing was read"
        }
        return "no frames: \(bytes.count) bytes of output without this run's token (not a Triage probe?)"
    }
}
