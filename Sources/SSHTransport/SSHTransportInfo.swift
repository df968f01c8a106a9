internal import CLibSSH

public enum SSHTransportInfo {
    /// The libssh version this build links against, e.g. "0.10.6".
    public static var libsshVersion: String { String(cString: ssh_version(0)) }
}
