import Foundation
import Yams

extension ConfigurationReader {
    /// `line_state:` (Docs/line-state.md): exactly one of `http:` or `command:`, and `timeout_seconds`.
    func lineState(_ node: Node?) throws(ConfigurationError) -> LineStateConfiguration? {
        guard let node else { return nil }
        let fields = try mapping(node, path: "line_state", allowed: ["http", "command", "timeout_seconds"])
        let kind: LineStateConfiguration.Kind
        switch (fields["http"], fields["command"]) {
        case (let http?, nil): kind = try lineStateHTTP(http)
        case (nil, let command?): kind = try lineStateCommand(command)
        case (.some, .some): throw problem("line_state takes one source: http or command, not both", node)
        case (nil, nil): throw problem("line_state needs a source: http: {url: …} or command: [program, arguments…]", node)
        }
        var configuration = LineStateConfiguration(kind: kind)
        if let timeout = fields["timeout_seconds"] {
            configuration.timeout = try seconds(timeout, path: "line_state.timeout_seconds", in: LineStateConfiguration.timeoutSeconds)
        }
        return configuration
    }

    private func lineStateHTTP(_ node: Node) throws(ConfigurationError) -> LineStateConfiguration.Kind {
        let fields = try mapping(node, path: "line_state.http", allowed: ["url", "token_file", "token_env"])
        guard let urlNode = fields["url"] else { throw problem("line_state.http.url is missing", node) }
        let template = try lineStateTemplate(urlNode, path: "line_state.http.url")
        // Filled twice with different values: the host must not change, so a device's id can
        // never choose the server Triage sends the token to.
        let samples = ["x", "y"].map { sample in
            URL(string: (try? template.filled(with: LineStateQuery(device: sample, customer: sample, lineID: sample)).get()) ?? "")
        }
        guard let url = samples[0], let scheme = url.scheme, ["http", "https"].contains(scheme), let host = url.host, !host.isEmpty,
              samples[1]?.host == host else {
            throw problem("line_state.http.url must be an http or https URL whose host is fixed (placeholders only in the path or query)",
                          urlNode)
        }
        guard url.user == nil, url.password == nil else {
            throw problem("line_state.http.url must not hold a user name or password: name a token with token_file or token_env", urlNode)
        }
        let token: SecretReference? = fields["token_file"] == nil && fields["token_env"] == nil
            ? nil : try secret(fields, fileKey: "token_file", envKey: "token_env", section: "line_state.http")
        return .http(url: template, token: token)
    }

    private func lineStateCommand(_ node: Node) throws(ConfigurationError) -> LineStateConfiguration.Kind {
        guard case .sequence(let sequence) = node, !sequence.isEmpty else {
            throw problem("line_state.command must be a list: the program's absolute path, then its arguments "
                + "(no shell: write [\"/usr/local/bin/line-state\", \"{line_id}\"], not one string)", node)
        }
        var arguments: [LineStateTemplate] = []
        for (index, element) in sequence.enumerated() {
            arguments.append(try lineStateTemplate(element, path: "line_state.command[\(index)]"))
        }
        let program = arguments[0]
        guard program.placeholders.isEmpty, program.description.hasPrefix("/") else {
            throw problem("line_state.command[0] must be the program's absolute path, without placeholders", sequence[0])
        }
        guard FileManager.default.isExecutableFile(atPath: program.description) else {
            throw problem("line_state.command[0]: \(program.description) is not an executable file", sequence[0])
        }
        return .command(arguments: arguments)
    }

    private func lineStateTemplate(_ node: Node, path: String) throws(ConfigurationError) -> LineStateTemplate {
        let text = try string(node, path: path)
        do throws(LineStateTemplate.Problem) {
            return try LineStateTemplate(parsing: text)
        } catch {
            throw problem("\(path) \(error.text)", node)
        }
    }
}
