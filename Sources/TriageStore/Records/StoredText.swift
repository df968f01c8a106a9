import Foundation

/// Free text bound for a TEXT column. GRDB binds strings as C strings, so a NUL byte would end
/// the stored value there and lose every line after it; a NUL that came from a device is shown
/// as U+2400 (␀) instead. Raw sections keep their exact bytes in `evidence` (BLOBs).
enum StoredText {
    static let visibleNUL = "\u{2400}"

    static func visible(_ text: String) -> String {
        text.contains("\0") ? text.replacingOccurrences(of: "\0", with: visibleNUL) : text
    }

    static func visible(_ text: String?) -> String? {
        text.map(visible)
    }
}
