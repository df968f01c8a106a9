import Foundation
import Testing
import TriageActions
import TriageTestSupport

/// `line_state:` in the config file: one source, its placeholders checked when the file is read,
/// and every mistake named with its key and line.
@Suite("Config file: line_state")
struct LineStateConfigurationTests {
    func load(_ text: String) throws -> TriageConfiguration {
        let folder = try TemporaryDirectory(prefix: "triage-line-config")
        defer { folder.remove() }
        return try TriageConfiguration.load(path: try CLIFiles.write(text, to: "triage.yaml", in: folder))
    }

    /// The error the config gets, or a recorded issue if it reads.
    func refusal(_ text: String) throws -> ConfigurationError? {
        do {
            _ = try load(text)
            Issue.record("read without complaint:\n\(text)")
            return nil
        } catch let error as ConfigurationError {
            return error
        }
    }

    @Test("An http source reads with its URL template, token reference and timeout")
    func http() throws {
        let configuration = try load("""
            line_state:
              http:
                url: "https://netops.example/api/lines/{line_id}/state?customer={customer}"
                token_env: NETOPS_TOKEN
              timeout_seconds: 3
            """)
        let lineState = try #require(configuration.lineState)
        #expect(lineState.timeout == 3 && lineState.sourceName == "http")
        guard case .http(let url, let token) = lineState.kind else { Issue.record("not http"); return }
        #expect(url.description == "https://netops.example/api/lines/{line_id}/state?customer={customer}")
        #expect(token == .environment("NETOPS_TOKEN"))
        #expect(try load("sink: local\n").lineState == nil, "no line_state: nobody is asked")
    }

    @Test("A command source is an argv list, the program an absolute path; the timeout defaults to 5 s")
    func command() throws {
        let configuration = try load("line_state:\n  command: [/bin/echo, --line, \"{line_id}\", \"id={device}\"]\n")
        let lineState = try #require(configuration.lineState)
        #expect(lineState.timeout == LineStateConfiguration.defaultTimeout && lineState.sourceName == "command")
        guard case .command(let arguments) = lineState.kind else { Issue.record("not command"); return }
        #expect(arguments.map(\.description) == ["/bin/echo", "--line", "{line_id}", "id={device}"])
    }

    @Test("Mistakes are refused with the key and its line", arguments: [
        ("line_state:\n  htp: {url: 'http://h/{line_id}'}\n", 2, "unknown key 'line_state.htp'"),
        ("line_state:\n  http: {url: 'http://h/{line_id}'}\n  command: [/bin/echo]\n", 2, "not both"),
        ("line_state:\n  timeout_seconds: 5\n", 2, "needs a source"),
        ("sink: local\nline_state:\n  http:\n    url: 'http://h/lines/{line}'\n", 4, "line_state.http.url names the unknown placeholder {line}"),
        ("line_state:\n  http:\n    url: 'http://h/lines/{line_id'\n", 3, "line_state.http.url has a '{' that is never closed"),
        ("line_state:\n  http:\n    url: 'http://{customer}.example/lines'\n", 3, "whose host is fixed"),
        ("line_state:\n  http:\n    url: 'ftp://h/{line_id}'\n", 3, "http or https URL"),
        ("line_state:\n  http:\n    url: 'http://me:pw@h/{line_id}'\n", 3, "must not hold a user name or password"),
        ("line_state:\n  http:\n    url: 'http://h/{line_id}'\n    token: abc\n", 4, "secrets never go in the config"),
        ("line_state:\n  command: \"/usr/bin/line-state {line_id}\"\n", 2, "line_state.command must be a list"),
        ("line_state:\n  command: [line-state, \"{line_id}\"]\n", 2, "line_state.command[0] must be the program's absolute path"),
        ("line_state:\n  command: [/nonexistent/line-state]\n", 2, "is not an executable file"),
        ("line_state:\n  command: [/bin/echo, \"{lineid}\"]\n", 2, "line_state.command[1] names the unknown placeholder {lineid}"),
        ("line_state:\n  http: {url: 'http://h/{line_id}'}\n  timeout_seconds: 600\n", 3, "line_state.timeout_seconds must be a number of seconds from 1 to 60"),
    ])
    func mistakes(text: String, line: Int, says: String) throws {
        let error = try #require(try refusal(text))
        #expect(error.line == line, "\(error.message)")
        #expect(error.message.contains(says), "\(error.message)")
    }
}
