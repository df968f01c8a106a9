import Foundation
import Testing
import TriageTestSupport

@testable import TriageCore

/// The byte searches that replaced String.contains and firstRange(of:) in hot paths give the same answers.
@Suite struct ByteSearchTests {
    /// SecretNames.mayAppear as it was: lowercased text, String.contains.
    static func mayAppearBefore(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.contains("key") || lowered.contains("psk") || lowered.contains("pin")
            || SecretNames.fragments.contains { lowered.contains($0) } || lowered.contains("\\u")
    }

    @Test(arguments: [
        "", "k", "ke", "KEY", "monkey", "xPsK", "Pin", "spinning", "PassWord=1", "passwd", "my_SECRET", "PASSPHRASE",
        "\"k\\u0065y\"", "\\U0065", "no such name here", "\u{212A}ey", "caf\u{E9} key", "caf\u{E9} none", "İ",
        "wpa_psk=abc\n", "option ssid 'home'\n",
    ])
    func mayAppearAnswersAsBefore(text: String) {
        #expect(SecretNames.mayAppear(in: text) == Self.mayAppearBefore(text))
    }

    @Test func mayAppearAnswersAsBeforeOnEveryCorpusFile() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: TestPaths.corpus.path)
        var checked = 0
        for folder in folders {
            for file in TestPaths.corpusFiles(kind: folder) {
                let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
                #expect(SecretNames.mayAppear(in: text) == Self.mayAppearBefore(text), "\(folder)/\(file.lastPathComponent)")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test func containsFindsWhatFirstRangeFinds() {
        let needle = Array("\r\n@@triage ab ".utf8)
        for text in ["", "\r\n@@triage ab ", "x\r\n@@triage ab", "xx\r\n@@triage ab y", "\r\n\r\n@@triage ab ", "\r\n@@triage ac "] {
            let bytes = Array(text.utf8)
            #expect(ByteSearch.contains(bytes, needle) == (bytes.firstRange(of: needle) != nil), "\(text.debugDescription)")
        }
        #expect(ByteSearch.contains([1, 2, 3], []))
    }

    /// frameStarts as it was: every offset at the start or after a newline where the prefix begins,
    /// a match skipped whole.
    static func lineStartsBefore(_ prefix: [UInt8], _ bytes: [UInt8]) -> [Int] {
        var starts: [Int] = []
        var index = 0
        while index + prefix.count <= bytes.count {
            if (index == 0 || bytes[index - 1] == UInt8(ascii: "\n")) && bytes[index..<(index + prefix.count)].elementsEqual(prefix) {
                starts.append(index)
                index += prefix.count
            } else {
                index += 1
            }
        }
        return starts
    }

    @Test func lineStartsFindWhatTheByteLoopFound() {
        let prefix = Array("@@t ".utf8)
        for text in ["", "@@t ", "@@t", "x@@t \n@@t a\n", "\n\n@@t \n@@t @@t \n", "@@t x\n@@", "\n@@t ", "@@t \n\n\n@@t end"] {
            let bytes = Array(text.utf8)
            #expect(ByteSearch.lineStarts(with: prefix, in: bytes) == Self.lineStartsBefore(prefix, bytes), "\(text.debugDescription)")
        }
        // Random streams over a small alphabet, so prefixes, partial prefixes and newlines meet often.
        var generator = SeededGenerator(seed: 0x7269_6167_6521, environment: ProcessInfo.processInfo.environment)
        let alphabet = Array("@@t \nx".utf8)
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            #expect(ByteSearch.lineStarts(with: prefix, in: bytes) == Self.lineStartsBefore(prefix, bytes), "\(generator)")
            let needle = Array(alphabet.shuffled(using: &generator).prefix(Int.random(in: 1...3, using: &generator)))
            #expect(ByteSearch.contains(bytes, needle) == (bytes.firstRange(of: needle) != nil), "\(generator)")
        }
    }
}

/// SecretNames.isSecret skips lowercasing for ASCII names without a sign of a secret: the answers
/// stay those of the plain check.
@Suite struct SecretNameTests {
    static func isSecretBefore(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return SecretNames.exact.contains(lowered) || SecretNames.fragments.contains { lowered.contains($0) }
    }

    @Test(arguments: [
        "", "key", "KEY", "Key1", "key5", "psk", "WPA_PSK", "wpa_passphrase", "sae_password", "auth_secret", "PassWd",
        "private_key", "Preshared_Key", "pin", "PINCODE", "spin", "ssid", "encryption", "mode", "up", "keys", "k\\u0065y",
        "\u{212A}ey", "caf\u{E9}_password", "caf\u{E9}", "İ", "acct_server_shared_secret", "ipaddr",
    ])
    func answersAsThePlainCheck(name: String) {
        #expect(SecretNames.isSecret(name) == Self.isSecretBefore(name))
        #expect(SecretNames.isSecret(name[...]) == Self.isSecretBefore(name))
    }
}
