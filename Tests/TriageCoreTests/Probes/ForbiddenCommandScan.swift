/// A line-by-line scan of probe scripts for anything that could change a device. It is
/// deliberately coarse: a false alarm costs a rewording, a miss could cost a customer's router.
enum ForbiddenCommandScan {
    /// Patterns over a line with its comment removed, and why each is forbidden.
    static let rules: [(pattern: String, reason: String)] = [
        (#"\buci\b.*\b(set|commit|add|add_list|del_list|delete|rename|reorder|revert|batch|import)\b"#,
         "changes configuration"),
        (#"(^|[\s;&|(`])(reboot|poweroff|halt|sysupgrade|firstboot|jffs2reset|mtd|wifi|ifup|ifdown|kill|killall|"#
            + #"rm|mv|cp|dd|mkdir|touch|chmod|chown|ln|tee|insmod|rmmod|modprobe|service)(\s|$)"#,
         "changes state"),
        (#"/etc/init\.d/"#, "restarts a service"),
        (#"\bubus\b.*\bcall\b\s+\S+\s+(?!status\b|dump\b|metrics\b|board\b|info\b|get_clients\b|get_status\b)\S"#,
         "calls a ubus method that is not a read"),
        (#"\b(ip|iw)\b.*\s(set|add|del|delete|flush|replace|change)\b"#, "changes network state"),
        (#"[0-9]*>>?\s*(?!&|/dev/null\b|"?/tmp/)\S"#, "redirects into a file outside /tmp"),
    ]

    static func findings(in script: String) -> [String] {
        var found: [String] = []
        for (number, rawLine) in script.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = withoutComment(rawLine)
            for rule in rules {
                guard let regex = try? Regex(rule.pattern), line.contains(regex) else { continue }
                found.append("line \(number + 1): \(rule.reason): \(rawLine)")
            }
        }
        return found
    }

    /// Drops a comment: a # at the start of a word (not ${x#y} or $#).
    private static func withoutComment(_ line: Substring) -> Substring {
        var previous: Character = " "
        for index in line.indices {
            if line[index] == "#" && (previous == " " || previous == "\t") { return line[..<index] }
            previous = line[index]
        }
        return line
    }
}
