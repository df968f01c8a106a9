/// The colours an LED is drawn in; names from the device map onto these, never into the page.
public enum LEDColour: String, Sendable, Hashable {
    case green, red, amber, blue, white

    init(_ name: String?) {
        switch name?.lowercased() {
        case "red": self = .red
        case "amber", "orange", "yellow": self = .amber
        case "blue": self = .blue
        case "white": self = .white
        default: self = .green
        }
    }
}
