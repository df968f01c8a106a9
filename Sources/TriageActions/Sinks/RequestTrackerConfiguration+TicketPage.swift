import Foundation

extension RequestTrackerConfiguration {
    /// Where a person opens ticket `ticket` in RT's web interface (under RT's WebPath, if any).
    func ticketPage(_ ticket: Int) -> String {
        url.appendingPathComponent("Ticket/Display.html").absoluteString + "?id=\(ticket)"
    }
}
