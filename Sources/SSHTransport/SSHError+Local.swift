import Foundation

extension SSHError {
    /// errno values that mean the controller ran out of something (descriptors, memory, local
    /// ports): whatever the device does, the attempt could not have worked.
    static func isLocalShortage(_ code: Int32) -> Bool {
        [EMFILE, ENFILE, ENOMEM, ENOBUFS, EADDRNOTAVAIL].contains(code)
    }

    /// Triage's own failure, with the system's words for it.
    static func local(_ what: String, errno code: Int32, step: Step? = nil) -> SSHError {
        SSHError(.localFailure, step: step, detail: "\(what): \(String(cString: strerror(code)))",
                 remedy: isLocalShortage(code)
                    ? "This is the controller, not the device: raise Triage's open-files limit (ulimit -n) or free memory, then retry."
                    : "This is the controller, not the device: fix the file or its permissions, then retry.")
    }
}
