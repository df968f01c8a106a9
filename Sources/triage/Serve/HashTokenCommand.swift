import ArgumentParser
import Crypto
import Foundation

/// `triage serve hash-token`: the SHA-256 to list under service.tokens, of a token read from
/// stdin (never an argument: arguments show in `ps` and shell history).
struct HashTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash-token",
        abstract: "Print the SHA-256 of a bearer token read from stdin, for service.tokens.",
        discussion: "Example: openssl rand -hex 32 | tee token.txt | triage serve hash-token")

    func run() throws {
        let input = FileHandle.standardInput.readDataToEndOfFile()
        let token = String(decoding: input, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else { throw CLIError.usage("no token on stdin: pipe the token in, e.g. `triage serve hash-token < token.txt`") }
        print(SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined())
    }
}
