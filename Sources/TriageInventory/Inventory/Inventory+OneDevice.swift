import Yams

extension Inventory {
    /// Reads what one device needs: the top level (version, defaults, groups) and the entries
    /// that mention `id`, not a YAML tree of every device. A 200,000-device file cost a diagnose
    /// seconds and hundreds of MB before; `triage inventory check` still reads everything.
    ///
    /// The result holds that one device. When the file is not in the plain layout
    /// (`InventoryLayout`) or no entry has that id, the whole file is read, so that the answer
    /// and its errors ("did you mean …?") are those of `load(path:)`.
    public static func load(path: String, device id: String) throws(InventoryError) -> Inventory {
        let text = try InventoryFile.text(at: path)
        guard let layout = InventoryLayout(text) else { return try parse(text, path: path) }
        var reader = InventoryReader(file: path)
        guard let root = reader.compose(layout.header), let top = reader.topLevel(root), reader.deviceList(root) != nil else {
            try reader.throwProblems()
            return try parse(text, path: path)
        }
        var entries: [(index: Int, node: Node)] = []
        for index in layout.entries(mentioning: id) {
            guard case .sequence(let list)? = reader.compose(layout.document(index)), let entry = list.first else { continue }
            if entry.mapping?["id"]?.string == id { entries.append((index, entry)) }
        }
        let found = reader.devices(entries, top)
        try reader.throwProblems()
        guard !found.devices.isEmpty else { return try parse(text, path: path) }
        return found
    }
}
