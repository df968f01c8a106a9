/// Typed reads of one JSON object's fields, for parsers of ubus output. A missing field or `null` is `nil`;
/// a field of the wrong type is `nil` and a warning naming its path, so the rest of the object is still read.
struct JSONFields {
    let value: JSONValue
    /// Where the object sits in the section, e.g. `interface[2]`; empty for the top level.
    let path: String

    init(_ value: JSONValue, path: String = "") {
        self.value = value
        self.path = path
    }

    /// The field's JSON value, or `nil` where it is missing or `null`.
    func raw(_ key: String) -> JSONValue? {
        guard let field = value[key], !field.isNull else { return nil }
        return field
    }

    func string(_ key: String, _ warnings: inout WarningCollector) -> String? {
        typed(key, "a string", &warnings) { $0.string }
    }

    func int(_ key: String, _ warnings: inout WarningCollector) -> Int? {
        typed(key, "an integer", &warnings) { $0.int }
    }

    /// A finite number: `1e999` reads as infinity, which facts could not be encoded with.
    func double(_ key: String, _ warnings: inout WarningCollector) -> Double? {
        typed(key, "a finite number", &warnings) { $0.double.flatMap { $0.isFinite ? $0 : nil } }
    }

    func bool(_ key: String, _ warnings: inout WarningCollector) -> Bool? {
        typed(key, "true or false", &warnings) { $0.bool }
    }

    func array(_ key: String, _ warnings: inout WarningCollector) -> [JSONValue] {
        typed(key, "an array", &warnings) { $0.array } ?? []
    }

    /// The field as an object to read further, or `nil` (with a warning if it is something else).
    func object(_ key: String, _ warnings: inout WarningCollector) -> JSONFields? {
        typed(key, "an object", &warnings) {
            $0.object == nil ? nil : JSONFields($0, path: name(key))
        }
    }

    func element(_ index: Int, of key: String, _ element: JSONValue) -> JSONFields {
        JSONFields(element, path: "\(name(key))[\(index)]")
    }

    private func typed<T>(
        _ key: String, _ expected: String, _ warnings: inout WarningCollector, _ read: (JSONValue) -> T?
    ) -> T? {
        guard let field = raw(key) else { return nil }
        guard let typed = read(field) else {
            warnings.add("'\(name(key))' is not \(expected)")
            return nil
        }
        return typed
    }

    /// The field's path in the section, e.g. `interface[1].up`.
    func name(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }
}
