import Foundation
import Testing
import TriageCore

/// LED trigger files from real devices, compared with hand-checked `expected.json` files.
@Suite struct LEDGoldenTests {
    /// A missing or emptied Golden/led-trigger/ would otherwise pass with no case run.
    @Test func thereAreCases() {
        #expect(GoldenCase.all(kind: "led-trigger").count >= 2, "no golden cases in \(GoldenCase.goldenRoot.path)/led-trigger")
    }

    @Test(arguments: GoldenCase.all(kind: "led-trigger"))
    func trigger(_ golden: GoldenCase) throws {
        let subject = golden.subject(default: "/sys/class/leds/led/trigger")
        try golden.check(LEDTriggerParser.parse(golden.rawOutput(), subject: subject))
    }
}
