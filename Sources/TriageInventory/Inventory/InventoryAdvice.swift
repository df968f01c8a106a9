import Foundation
import SSHTransport

/// Things in a valid inventory that will still fail at connect time: files that are not there yet.
public enum InventoryAdvice {
    public static func warnings(for inventory: Inventory) -> [String] {
        var warnings: Set<String> = []
        let files = FileManager.default
        for device in inventory.devices {
            let ssh = device.ssh
            var info = stat()
            let exists = stat(ssh.knownHostsPath, &info) == 0
            if ssh.hostKeyPolicy == .strict && !exists {
                warnings.insert("known_hosts file \(ssh.knownHostsPath) does not exist: strict devices using it will be refused until their keys are added")
            }
            if exists, info.st_mode & S_IFMT != S_IFREG {
                warnings.insert("known_hosts \(ssh.knownHostsPath) is not a regular file: devices using it will be refused")
            }
            for credential in ssh.credentials {
                switch credential {
                case .privateKey(let path, let passphrase):
                    if !files.isReadableFile(atPath: path) { warnings.insert("key file \(path) is missing or unreadable") }
                    if case .file(let file) = passphrase, !files.isReadableFile(atPath: file) {
                        warnings.insert("passphrase file \(file) is missing or unreadable")
                    }
                case .password(.file(let path)):
                    if !files.isReadableFile(atPath: path) { warnings.insert("password file \(path) is missing or unreadable") }
                default: break
                }
            }
        }
        return warnings.sorted()
    }
}
