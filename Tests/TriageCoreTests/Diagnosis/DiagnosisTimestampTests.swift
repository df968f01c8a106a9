import Foundation
import Testing
import TriageTestSupport

@testable import TriageCore

/// `started_at` in a diagnosis document is written by `InternetTimestamp` instead of
/// `ISO8601DateFormatter` (ICU, slow): the text must stay what the formatter wrote.
@Suite struct DiagnosisTimestampTests {
    static func before(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    @Test func timestampsAsISO8601DateFormatterWroteThem() {
        var generator = SeededGenerator(seed: 0x5354_414D_50, environment: ProcessInfo.processInfo.environment)
        var dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_796_353_524.999_9),
                     Date(timeIntervalSince1970: 1_796_353_524.000_4), Date(timeIntervalSince1970: 951_782_400.5)]  // 2000-02-29
        // Whole milliseconds (what a diagnosis' start holds after the store) and arbitrary instants, 1970 to 2100.
        for _ in 0..<3000 {
            let milliseconds = Double(UInt64.random(in: 0...4_102_444_800_000, using: &generator))
            dates.append(Date(timeIntervalSince1970: milliseconds / 1000))
            dates.append(Date(timeIntervalSince1970: Double.random(in: 0...4_102_444_800, using: &generator)))
        }
        for date in dates {
            #expect(InternetTimestamp.string(from: date) == Self.before(date),
                    "\(date.timeIntervalSince1970) \(generator)")
        }
    }
}
