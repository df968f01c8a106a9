import Testing
import SSHTransport

@Test func linksAgainstLibSSH010OrNewer() {
    let parts = SSHTransportInfo.libsshVersion.split(separator: ".").compactMap { Int($0) }
    #expect(parts.count >= 2)
    #expect(parts[0] > 0 || parts[1] >= 10)
}
