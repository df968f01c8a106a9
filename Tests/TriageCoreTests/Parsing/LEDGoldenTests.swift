import Testing
import TriageCore

/// LED trigger files from real devices, compared with hand-checked `expected.json` files.
@Suite struct LEDGoldenTests {
    @Test(arguments: GoldenCase.all(kind: "led-trigger"))
    func trigger(_ golden: GoldenCase) throws {
        let subject = golden.subject(default: "/sys/class/leds/led/trigger")
        try golden.check(LEDTriggerParser.parse(golden.rawOutput(), subject: subject))
    }
}
