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
        var accepted = InventoryReader.AcceptedDevices()
        for index in layout.entries(mentioning: id) {
            // Not YAML on its own: the whole file's parser says where, with the file's line.
            guard let entry = reader.entryNodes(layout, index..<(index + 1))?.first else { return try parse(text, path: path) }
            guard entry.mapping?["id"]?.string == id else { continue }
            reader.add(entry, index: index, top, to: &accepted)
        }
        try reader.throwProblems()
        guard !accepted.devices.isEmpty else { return try parse(text, path: path) }
        return Inventory(path: path, devices: accepted.devices, groups: top.groupOrder)
    }
}
