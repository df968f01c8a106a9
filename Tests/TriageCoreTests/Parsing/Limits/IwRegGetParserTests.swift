import Testing

@testable import TriageCore

/// `iw reg get` as iw prints it (reg.c `print_reg_handler`): global and self-managed domains, old iw without "global".
@Suite struct IwRegGetParserTests {
    @Test func globalAndSelfManagedDomainsWithTheirRules() {
        let text = """
            global
            country DE: DFS-ETSI
            	(2400 - 2483 @ 40), (N/A, 20), (N/A)
            	(5250 - 5350 @ 80), (N/A, 20), (0 ms), NO-OUTDOOR, DFS, AUTO-BW
            	(5470 - 5725 @ 160), (N/A, 26), (60000 ms), DFS

            phy#1 (self-managed)
            country US: DFS-FCC
            	(5170 - 5250 @ 80), (6, 23), (N/A), AUTO-BW

            """
        let result = IwRegGetParser.parse(text)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        let domains = result.value
        #expect(domains.map(\.scope) == ["global", "phy#1"])
        #expect(domains.map(\.country) == ["DE", "US"] && domains[1].selfManaged && !domains[0].selfManaged)
        #expect(domains[0].dfsRegion == "DFS-ETSI" && !domains[0].isWorld)
        #expect(domains[0].rules.count == 3)
        #expect(
            domains[0].rules[1]
                == RegulatoryRule(startMHz: 5250, endMHz: 5350, maxBandwidthMHz: 80, maxEIRPdBm: 20, cacMilliseconds: 0,
                                  flags: ["NO-OUTDOOR", "DFS", "AUTO-BW"]))
        #expect(domains[0].rules[2].cacMilliseconds == 60000)
        #expect(domains[1].rules[0].maxAntennaGainDBi == 6)
    }

    @Test func oldIwWorldDomainIsGlobal() {
        let result = IwRegGetParser.parse("country 00: DFS-UNSET\n\t(2402 - 2472 @ 40), (6, 20), (N/A)\n")
        #expect(result.value.map(\.scope) == ["global"] && result.value[0].isWorld)
        var warnings: [ParseWarning] = []
        let facts = WLANFacts(sections: [ProbeSection(kind: .command, subject: "iw reg get", output: "country 00:\n", exitCode: 0)], warnings: &warnings)
        #expect(facts.regulatoryCountry == "00" && facts.regulatory?.first?.dfsRegion == nil)
    }

    @Test func garbageWarnsCappedAndKeepsWhatItCan() {
        let lines = ["global", "country FR: DFS-ETSI"] + (0..<40).map { "noise \($0)" }
        let result = IwRegGetParser.parse(lines.joined(separator: "\n"))
        #expect(result.value.first?.country == "FR")
        #expect(result.warnings.count == WarningCollector.maximumPerSection + 1)
        #expect(IwRegGetParser.parse("command failed: No such file or directory (-2)\n").warnings.count == 2)
    }
}
