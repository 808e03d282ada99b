public import Foundation

/// Reads the instants people type ("2026-03-27T16:30", "2026-03-27T14:30Z", "2026-03-27") into absolute
/// time. An instant without an offset is read in the given time zone (an organisation's, Europe/Paris by
/// default): the clock on the wall of whoever typed it.
public enum Instant {
    public enum Bound: Sendable {
        /// A bare day means its first instant.
        case startOfDay
        /// A bare day means its last instant ("as it stood on that day").
        case endOfDay
    }

    public static func parse(_ text: String, timeZone: TimeZone, day bound: Bound = .startOfDay) -> Date? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if let day = CalendarDate(iso: text) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let components = DateComponents(year: day.year, month: day.month, day: day.day)
            guard let start = calendar.date(from: components) else { return nil }
            switch bound {
            case .startOfDay: return start
            case .endOfDay: return calendar.date(byAdding: .day, value: 1, to: start).map { $0.addingTimeInterval(-0.001) }
            }
        }
        let withOffset = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime, .withFractionalSeconds], [.withInternetDateTime]] {
            withOffset.formatOptions = options
            if let date = withOffset.date(from: text) { return date }
        }
        // A wall-clock time: YYYY-MM-DDTHH:MM[:SS] in the given zone.
        let parts = text.split(separator: "T", maxSplits: 1)
        guard parts.count == 2, let day = CalendarDate(iso: parts[0]) else { return nil }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(clock.count), clock.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigit) }),
              let hour = Int(clock[0]), let minute = Int(clock[1]), hour < 24, minute < 60
        else { return nil }
        let second = clock.count == 3 ? Int(clock[2]) ?? 60 : 0
        guard second < 60 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute, second: second)
        guard let date = calendar.date(from: components),
              calendar.dateComponents([.hour, .minute], from: date) == DateComponents(hour: hour, minute: minute)
        else { return nil }  // a time skipped by a change to summer time does not exist
        return date
    }

    /// Europe/Paris, the zone registre reads and shows times in unless an organisation says otherwise.
    public static var defaultTimeZone: TimeZone {
        TimeZone(identifier: Organisation.defaultTimeZone) ?? TimeZone(secondsFromGMT: 0)!
    }
}
