/// The `key=value` words of a frame line (`end exit=0 ms=20`, `end absent`); unknown keys are
/// kept and ignored, so newer probes can add fields without breaking older readers.
struct ProbeFrameFields {
    private var values: [String: String] = [:]
    private var flags: Set<String> = []

    init(_ text: String) {
        for word in text.split(separator: " ") {
            if let equals = word.firstIndex(of: "=") {
                values[String(word[..<equals])] = String(word[word.index(after: equals)...])
            } else {
                flags.insert(String(word))
            }
        }
    }

    subscript(key: String) -> String? { values[key] }

    func has(_ flag: String) -> Bool { flags.contains(flag) }
}
