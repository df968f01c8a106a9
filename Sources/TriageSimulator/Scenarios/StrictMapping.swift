import Foundation
import Yams

/// A YAML mapping read strictly: only the keys it was told about may appear, so a typo such as
/// `latency: 20` for `latency_ms: 20` is an error instead of a silently ignored line.
struct StrictMapping {
    private let pairs: [String: Node]
    private let keyPath: String
    private let file: URL

    init(_ node: Node, keyPath: String = "", allowedKeys: Set<String>, file: URL) throws(ScenarioError) {
        self.keyPath = keyPath
        self.file = file
        guard case .mapping(let mapping) = node else {
            throw ScenarioError(file: file, problem: "\(Self.describe(keyPath)) must be a mapping\(Self.line(node))")
        }
        var pairs: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.string ?? "\(key)"
            guard allowedKeys.contains(name) else {
                let allowed = allowedKeys.sorted().joined(separator: ", ")
                throw ScenarioError(
                    file: file,
                    problem: "unknown key '\(Self.join(keyPath, name))'\(Self.line(key)); allowed here: \(allowed)")
            }
            pairs[name] = value
        }
        self.pairs = pairs
    }

    func string(_ key: String) throws(ScenarioError) -> String {
        guard let value = try optionalString(key) else { throw missing(key) }
        return value
    }

    func optionalString(_ key: String) throws(ScenarioError) -> String? {
        guard let node = pairs[key] else { return nil }
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            throw problem(key, "must be a non-empty text", node)
        }
        return scalar.string
    }

    func integer(_ key: String, default defaultValue: Int) throws(ScenarioError) -> Int {
        guard let node = pairs[key] else { return defaultValue }
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            throw problem(key, "must be a whole number", node)
        }
        return value
    }

    func stringList(_ key: String) throws(ScenarioError) -> [String] {
        guard let node = pairs[key] else { throw missing(key) }
        guard case .sequence(let sequence) = node else { throw problem(key, "must be a list", node) }
        var values: [String] = []
        for element in sequence {
            guard case .scalar(let scalar) = element else { throw problem(key, "must list plain words", element) }
            values.append(scalar.string)
        }
        return values
    }

    func mapping(_ key: String, allowedKeys: Set<String>) throws(ScenarioError) -> StrictMapping {
        guard let node = pairs[key] else { throw missing(key) }
        return try StrictMapping(node, keyPath: Self.join(keyPath, key), allowedKeys: allowedKeys, file: file)
    }

    func optionalMapping(_ key: String, allowedKeys: Set<String>) throws(ScenarioError) -> StrictMapping? {
        guard pairs[key] != nil else { return nil }
        return try mapping(key, allowedKeys: allowedKeys)
    }

    /// An error about the value under `key`, naming the key and its line.
    func problem(_ key: String, _ text: String, _ node: Node? = nil) -> ScenarioError {
        let where_ = node.map(Self.line) ?? pairs[key].map(Self.line) ?? ""
        return ScenarioError(file: file, problem: "'\(Self.join(keyPath, key))' \(text)\(where_)")
    }

    private func missing(_ key: String) -> ScenarioError {
        ScenarioError(file: file, problem: "missing key '\(Self.join(keyPath, key))'")
    }

    private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    private static func describe(_ path: String) -> String { path.isEmpty ? "the document" : "'\(path)'" }
    private static func line(_ node: Node) -> String { node.mark.map { " (line \($0.line))" } ?? "" }
}
