/// What a healthy judgement needs from each probe, and which of it a run did not bring (issue 10,
/// item 4): a probe can finish while the sections that show its component's state are missing or
/// unreadable (a tool that fails, a daemon that does not answer). Without them, "no finding" says
/// nothing, so the run must not be called healthy.
enum EvidenceGaps {
    /// For each probe, the sections of which at least one must be readable, and how the gap is named.
    static let needs: [(probe: String, anyOf: [String], name: String)] = [
        ("wlan", ["iw dev", "iwinfo", "ubus call network.wireless status"],
         "the wireless state (iw dev, iwinfo or ubus call network.wireless status)"),
        ("link", ["ubus call network.interface dump", "ip route"],
         "the network state (ubus call network.interface dump or ip route)"),
        ("system", ["logread -l 300", "dmesg"], "the system log (logread -l 300 or dmesg)"),
    ]

    /// The needs of `completedProbes` that no readable section meets, by name. Probes that were cut
    /// short or not run are reported as such elsewhere (`probes.missing`).
    static func missing(in sections: [ProbeSection], completedProbes: Set<String>) -> [String] {
        needs.filter { need in
            completedProbes.contains(need.probe)
                && !sections.contains { need.anyOf.contains($0.subject) && isReadable($0) }
        }.map(\.name)
    }

    /// A command that ran (not missing, exit 0, or a failure that still printed) and was not cut;
    /// a log must also hold something: a running device always logs its boot.
    static func isReadable(_ section: ProbeSection) -> Bool {
        guard section.kind == .command, !section.isAbsent, !section.isTruncated,
            section.exitCode != SectionInput.missingTool
        else { return false }
        let printed = section.output.contains { !$0.isWhitespace }
        if ["logread -l 300", "dmesg"].contains(section.subject) { return printed }
        return section.exitCode == 0 || printed
    }
}
