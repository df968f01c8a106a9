public import TriageCore

/// Writes sections as a probe prints them (Docs/probe-protocol.md, "Frames"), so that canned
/// sections reach the runner as bytes and go through the real `ProbeStreamReader`.
public enum ProbeFrameWriter {
    public static func frames(probe: String, sha256: String, token: ProbeToken, sections: [ProbeSection]) -> [UInt8] {
        let frame = "@@triage \(token.hex) "
        var text = frame + "probe version=\(ProbeStreamReader.protocolVersion) name=\(probe) sha256=\(sha256)\n"
        for section in sections {
            text += "\n" + frame + "begin \(section.kind.rawValue) \(section.subject)\n"
            if !section.errorOutput.isEmpty { text += "\n" + frame + "err\n" + section.errorOutput }
            if !section.isAbsent { text += "\n" + frame + "out\n" + section.output }
            text += "\n" + frame + "end" + endFields(section) + "\n"
        }
        text += "\n" + frame + "done sections=\(sections.count)\n"
        return Array(text.utf8)
    }

    private static func endFields(_ section: ProbeSection) -> String {
        if section.isAbsent { return " absent" }
        var fields = ""
        if let exit = section.exitCode { fields += " exit=\(exit)" }
        if let milliseconds = section.durationMilliseconds { fields += " ms=\(milliseconds)" }
        if section.isTruncated { fields += " cut=timeout" }
        return fields
    }
}
