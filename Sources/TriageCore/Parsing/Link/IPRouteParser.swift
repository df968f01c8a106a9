/// Reads `ip route` and `ip -6 route`: one route per line, multipath `nexthop` lines indented below their route.
enum IPRouteParser {
    /// Route types that `ip` prints before the destination; plain unicast routes carry none.
    private static let routeTypes: Set<Substring> = [
        "unicast", "local", "broadcast", "multicast", "throw", "unreachable", "prohibit", "blackhole", "nat", "anycast",
    ]

    static func parse(_ text: String, family: Route.Family, subject: String) -> ParseResult<[Route]> {
        .reading(subject) { read(text, family: family, subject: subject, warnings: &$0) }
    }

    private static func read(_ text: String, family: Route.Family, subject: String, warnings: inout WarningCollector) -> [Route] {
        var routes: [Route] = []
        for line in TextLines.numbered(text) where !line.isBlank {
            let fields = line.fields
            if fields.first == "nexthop" {
                guard !routes.isEmpty else {
                    warnings.add("nexthop without a route", line: line.number)
                    continue
                }
                let attributes = RouteAttributes(fields.dropFirst())
                routes[routes.count - 1].nexthops.append(
                    RouteNexthop(
                        gateway: attributes["via"], device: attributes["dev"],
                        weight: attributes["weight"].flatMap { Int($0) }, flags: attributes.flags))
                continue
            }
            if let route = route(fields, family: family, line: line.number, subject: subject, warnings: &warnings) {
                routes.append(route)
            }
        }
        return routes
    }

    private static func route(
        _ fields: [Substring], family: Route.Family, line: Int, subject: String, warnings: inout WarningCollector
    ) -> Route? {
        var rest = fields[...]
        var type = "unicast"
        if let first = rest.first, routeTypes.contains(first) {
            type = String(first)
            rest = rest.dropFirst()
        }
        guard let destination = rest.first, isDestination(destination) else {
            warnings.add("not a route: no destination", line: line)
            return nil
        }
        let attributes = RouteAttributes(rest.dropFirst())
        if let key = attributes.keyWithoutValue {
            warnings.add("'\(key)' without a value", line: line)
        }
        let metric = attributes["metric"].flatMap { Int($0) }
        if let text = attributes["metric"], metric == nil {
            warnings.add("metric '\(text)' is not a number", line: line)
        }
        return Route(
            family: family, type: type, destination: String(destination), gateway: attributes["via"],
            device: attributes["dev"], proto: attributes["proto"], scope: attributes["scope"],
            preferredSource: attributes["src"], metric: metric, flags: attributes.flags)
    }

    /// `default`, or something that looks like an address or prefix: hex digits and the separators of both families.
    private static func isDestination(_ field: Substring) -> Bool {
        if field == "default" { return true }
        return field.contains(where: \.isHexDigit)
            && field.allSatisfy { $0.isHexDigit || $0 == "." || $0 == ":" || $0 == "/" }
    }
}
