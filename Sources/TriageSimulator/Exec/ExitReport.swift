import ChildProcess
import NIOSSH

/// The SSH message that tells the client how its command ended.
enum ExitReport {
    private static let signalNames: [Int32: String] = [
        1: "HUP", 2: "INT", 3: "QUIT", 4: "ILL", 6: "ABRT", 8: "FPE", 9: "KILL",
        10: "USR1", 11: "SEGV", 12: "USR2", 13: "PIPE", 14: "ALRM", 15: "TERM",
    ]

    static func event(for status: ChildProcess.Termination) -> any Sendable {
        switch status {
        case .exited(let code):
            return SSHChannelRequestEvent.ExitStatus(exitStatus: Int(code))
        case .signaled(let signal):
            guard let name = signalNames[signal] else {
                return SSHChannelRequestEvent.ExitStatus(exitStatus: 128 + Int(signal))
            }
            return SSHChannelRequestEvent.ExitSignal(signalName: name, errorMessage: "", language: "", dumpedCore: false)
        }
    }
}
