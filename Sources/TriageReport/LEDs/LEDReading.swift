public import TriageCore

/// One LED as the device reports it, beside what the probes say it should show: a lit WLAN LED
/// while no radio is up disagrees, and that is the "all LEDs lit, but no WLAN" case at a glance.
public struct LEDReading: Sendable, Hashable {
    public enum Agreement: String, Sendable, Hashable {
        case agrees, disagrees
        /// No probe says what this LED should show.
        case unknown
    }

    /// The sysfs name, as the device reports it (`blue:wlan-2g`).
    public let name: String
    /// What it is for (`wlan-2g`, `power`), else its name.
    public let label: String
    public let colour: LEDColour
    /// `nil` when its brightness could not be read.
    public let lit: Bool?
    public let trigger: String?
    /// What the probes show the LED should mean, in words.
    public let expectation: String
    public let shouldBeLit: Bool?

    public init(_ led: LED, facts: DeviceFacts) {
        name = led.name
        label = led.function ?? led.name
        colour = LEDColour(led.colour)
        lit = led.isLit
        trigger = led.activeTrigger
        (shouldBeLit, expectation) = LEDExpectation.of(led, facts: facts)
    }

    public var agreement: Agreement {
        guard let lit, let shouldBeLit else { return .unknown }
        return lit == shouldBeLit ? .agrees : .disagrees
    }

    /// Every LED the device reported, in its order.
    public static func all(in facts: DeviceFacts) -> [LEDReading] {
        facts.led.leds.map { LEDReading($0, facts: facts) }
    }
}
