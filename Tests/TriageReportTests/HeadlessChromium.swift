import Foundation
import TriageTestSupport

/// Debian's `chromium`, headless, on a file of ours: the DOM it built, what its console said, a
/// screenshot. Its profile is a folder of the test's own, and no chromium process outlives a call.
struct HeadlessChromium {
    let profile: URL

    struct Page {
        let dom: String
        /// Console messages (`CONSOLE` log lines): errors, CSP refusals, anything a script said.
        let console: [String]
    }

    func load(_ file: URL) async throws -> Page {
        let run = try await run(["--dump-dom", file.absoluteString])
        let console = run.stderr.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") }
        return Page(dom: run.stdout, console: console)
    }

    func screenshot(_ file: URL, to png: URL, width: Int = 1200, height: Int = 1700) async throws {
        try FileManager.default.createDirectory(at: png.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = try await run(["--window-size=\(width),\(height)", "--hide-scrollbars", "--screenshot=\(png.path)", file.absoluteString])
    }

    private func run(_ arguments: [String]) async throws -> CommandRunner.Output {
        // As root chromium needs --no-sandbox; logging to stderr carries the page's console messages.
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
                      "--enable-logging=stderr", "--v=0"]
        let output = try await CommandRunner.run("chromium", common + arguments, environment: ["DBUS_SESSION_BUS_ADDRESS": ""])
        try await ProcessCheck.waitUntilNoProcess(mentioning: profile.path, timeout: .seconds(30))
        return output
    }
}
