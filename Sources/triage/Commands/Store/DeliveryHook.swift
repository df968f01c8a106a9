import Foundation

/// A test hook for the crash test: with `TRIAGE_TEST_PAUSE_BEFORE_DELIVERY=FILE`, the process
/// writes FILE once the diagnosis is committed and waits there, so that a test can SIGKILL it in
/// exactly the window between commit and delivery. Unset, it does nothing.
enum DeliveryHook {
    static func pauseIfAsked(environment: [String: String] = ProcessInfo.processInfo.environment) async {
        guard let marker = environment["TRIAGE_TEST_PAUSE_BEFORE_DELIVERY"], !marker.isEmpty else { return }
        _ = FileManager.default.createFile(atPath: marker, contents: Data("\(getpid())\n".utf8))
        while true { try? await Task.sleep(for: .seconds(3600)) }
    }
}
