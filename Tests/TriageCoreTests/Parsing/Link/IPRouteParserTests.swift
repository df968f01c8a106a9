import Testing

@testable import TriageCore

@Suite struct IPRouteParserTests {
    private func parse(_ text: String, _ family: Route.Family = .ipv4) -> (routes: [Route], warnings: [ParseWarning]) {
        var warnings: [ParseWarning] = []
        let routes = IPRouteParser.parse(text, family: family, subject: "ip route").value(addingWarningsTo: &warnings)
        return (routes, warnings)
    }

    @Test func openWrtIPv4Table() {
        let (routes, warnings) = parse(
            """
            default via 100.64.0.1 dev pppoe-wan proto static 
            100.64.0.1 dev pppoe-wan proto kernel scope link src 100.70.12.34 
            192.168.1.0/24 dev br-lan proto kernel scope link src 192.168.1.1 linkdown
            unreachable 10.0.0.0/8 metric 1024

            """)
        #expect(warnings.isEmpty)
        #expect(routes.count == 4)
        #expect(
            routes[0]
                == Route(
                    family: .ipv4, destination: "default", gateway: "100.64.0.1", device: "pppoe-wan", proto: "static"))
        #expect(routes[0].isDefault)
        #expect(routes[1].preferredSource == "100.70.12.34" && routes[1].scope == "link")
        #expect(routes[2].flags == ["linkdown"])
        #expect(routes[3].type == "unreachable" && routes[3].metric == 1024 && routes[3].device == nil)
    }

    @Test func ipv6WithSourceRoutingAndTabs() {
        let (routes, warnings) = parse(
            "default from 2001:db8:1::/48 via fe80::1 dev pppoe-wan proto static metric 512 pref medium\n"
                + "2001:db8:1::/64\tdev br-lan\tproto static\tmetric 1024\tpref medium\n"
                + "fe80::/64 dev eth0 proto kernel metric 256 pref medium\n",
            .ipv6)
        #expect(warnings.isEmpty)
        #expect(routes.map(\.destination) == ["default", "2001:db8:1::/64", "fe80::/64"])
        #expect(routes[0].gateway == "fe80::1" && routes[0].metric == 512 && routes[0].family == .ipv6)
        #expect(routes[1].device == "br-lan")
    }

    @Test func multipathRoute() {
        let (routes, warnings) = parse(
            """
            default proto static metric 10
            \tnexthop via 192.0.2.1 dev wan weight 1
            \tnexthop via inet 198.51.100.1 dev wanb weight 2 dead linkdown
            """)
        #expect(warnings.isEmpty)
        #expect(routes.count == 1)
        #expect(
            routes[0].nexthops == [
                RouteNexthop(gateway: "192.0.2.1", device: "wan", weight: 1),
                RouteNexthop(gateway: "198.51.100.1", device: "wanb", weight: 2, flags: ["dead", "linkdown"]),
            ])
    }

    @Test func emptyOutputHasNoRoutes() {
        let (routes, warnings) = parse("")
        #expect(routes.isEmpty && warnings.isEmpty)
    }

    @Test func truncatedLineKeepsWhatItHas() {
        let (routes, warnings) = parse(
            "default via 192.0.2.1 dev wan proto static metric 10\n192.168.1.0/24 dev br-lan proto")
        #expect(routes.count == 2)
        #expect(routes[1].device == "br-lan" && routes[1].proto == nil)
        #expect(warnings == [ParseWarning(section: "ip route", line: 2, message: "'proto' without a value")])
    }

    @Test func garbageBecomesWarnings() {
        let (routes, warnings) = parse(
            "Error: any valid prefix is expected rather than \"x\".\n\u{0}\u{7f}zz\nnexthop via 1.2.3.4\n")
        #expect(routes.isEmpty)
        #expect(warnings.map(\.line) == [1, 2, 3])
    }

    @Test func badMetricIsAWarning() {
        let (routes, warnings) = parse("default via 192.0.2.1 dev wan metric lots")
        #expect(routes.first?.metric == nil)
        #expect(warnings.count == 1)
    }
}
