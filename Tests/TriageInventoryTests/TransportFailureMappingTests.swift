import SSHTransport
import Testing
import TriageCore
import TriageInventory

/// `SSHError` becomes `TransportFailure` at the libssh transport: nothing a rule, the evidence or
/// the store reads may change on the way.
@Suite("SSHError as the runner sees it")
struct TransportFailureMappingTests {
    @Test("every SSHError code has a TransportFailure code of the same raw value, and the same ownership")
    func codes() {
        for code in SSHError.Code.allCases {
            let failure = TransportFailure(SSHError(code, endpoint: "192.0.2.1:22", step: .connect, detail: "d", remedy: "r"))
            #expect(failure.code.rawValue == code.rawValue)
            #expect(failure.isTriagesOwn == SSHError(code, detail: "", remedy: "").isTriagesOwn, "\(code)")
            #expect(failure.kind == (failure.isTriagesOwn ? .triagesOwn : .device))
        }
        #expect(SSHError.Code.allCases.count == TransportFailure.Code.allCases.count)
    }

    @Test("the wording of evidence and errors is SSHError's own, fingerprints and offered methods included")
    func wording() {
        var changed = SSHError(.hostKeyChanged, endpoint: "[2001:db8::1]:2222", step: .hostKey, detail: "the key differs",
                               remedy: "Escalate.", knownFingerprint: "SHA256:old", presentedFingerprint: "SHA256:new")
        #expect(TransportFailure(changed).description == changed.description)
        changed = SSHError(.authenticationFailed, endpoint: "192.0.2.1:22", step: .authentication, detail: "refused",
                           remedy: "Check the credentials.", offeredMethods: ["publickey", "password"])
        #expect(TransportFailure(changed).description == changed.description)
        #expect(TransportFailure(changed).displayText == changed.description)
    }

    @Test("a command cut short keeps its partial output through the mapping")
    func partialOutput() {
        var error = SSHError(.channelClosed, step: .command, detail: "closed", remedy: "")
        error.partialResult = SSHCommandResult(stdout: Array("@@triage".utf8), stderr: [], exitStatus: nil, isTruncated: false)
        #expect(TransportFailure(error).partialResult?.stdout == Array("@@triage".utf8))
        #expect(TransportFailure(error).step == .command)
    }
}
