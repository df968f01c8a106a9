import Foundation

/// An ssh-agent on a socket of the test's own, holding the given keys, for as long as `body` runs.
public enum TestAgent {
    public static func with(socket: String, keys: [String], _ body: @Sendable () async throws -> Void) async throws {
        let outcome = try await BackgroundProcess.run("/usr/bin/ssh-agent", ["-D", "-a", socket]) { agent -> Result<Void, any Error> in
            try await agent.waitUntil("its socket \(socket) appeared", timeout: .seconds(30)) {
                FileManager.default.fileExists(atPath: socket)
            }
            let result: Result<Void, any Error>
            do {
                for key in keys {
                    try await CommandRunner.run("/usr/bin/ssh-add", ["-q", key], environment: ["SSH_AUTH_SOCK": socket])
                }
                try await body()
                result = .success(())
            } catch {
                result = .failure(error)
            }
            return result
        }
        try outcome.result.get()
    }
}
