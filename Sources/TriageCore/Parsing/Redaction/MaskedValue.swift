/// What a masked value becomes, and which values are left as they are.
enum MaskedValue {
    static let mask = Array(Redaction.mask.utf8)
    static let quotedMask = Array("\"\(Redaction.mask)\"".utf8)
    static let apostropheMask = Array("'\(Redaction.mask)'".utf8)

    /// Empty, or already masked (by the probes on the device, `***`, or by an earlier pass):
    /// left as it is, so the device's own marker shows that it did its part. "No key set" is a
    /// diagnostic fact and no secret.
    static func isEmpty(_ value: ArraySlice<UInt8>) -> Bool {
        var trimmed = value
        let trim: (UInt8) -> Bool = { ASCII.isBlank($0) || $0 == ASCII.quote || $0 == ASCII.apostrophe || $0 == ASCII.carriageReturn }
        while let first = trimmed.first, trim(first) { trimmed = trimmed.dropFirst() }
        while let last = trimmed.last, trim(last) { trimmed = trimmed.dropLast() }
        return trimmed.isEmpty || trimmed.elementsEqual("***".utf8) || trimmed.elementsEqual(mask)
    }
}
