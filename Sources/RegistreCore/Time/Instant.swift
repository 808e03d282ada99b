public import Foundation

/// Reads the instants people type ("2026-03-27T16:30", "2026-03-27T14:30Z", "2026-03-27T16:30+02:00",
/// "2026-03-27") into absolute
/// time. An instant without an offset is read in the given time zone (an organisation's, Europe/Paris by
/// default): the clock on the wall of whoever typed it.
public enum Instant {
    /// What a bare day (`2026-03-27`) means when an instant is read.
    public enum Bound: Sendable {
        /// A bare day means its first instant.
        case startOfDay
        /// A bare day means its last instant ("as it stood on that day").
        case endOfDay
    }

    /// Reads a day, a wall-clock time in `timeZone`, or a time with its offset ("Z", "+02:00", "+0200",
    /// "+02"), seconds and fractions optional; nil for anything else, for a time that does not exist, and
    /// for an instant outside `SupportedRange`.
    public static func parse(_ text: String, timeZone: TimeZone, day bound: Bound = .startOfDay) -> Date? {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard text.count <= 64, let date = read(text, timeZone: timeZone, day: bound), SupportedRange.contains(date) else { return nil }
        return date
    }

    private static func read(_ text: String, timeZone: TimeZone, day bound: Bound) -> Date? {
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
        if let date = fromISO(text) {
            // The formatter reads years past 9999 and before 1 too: the day itself must be one.
            guard CalendarDate(iso: text.prefix(10)) != nil else { return nil }
            return date
        }
        // "2026-03-27T16:30+02:00": a wall-clock time at a stated offset.
        if let (clock, offset) = splitOffset(text) {
            guard let zone = TimeZone(secondsFromGMT: offset) else { return nil }
            return wallClock(clock, in: zone)
        }
        return wallClock(Substring(text), in: timeZone)
    }

    /// A time and its offset in seconds, when the text ends with one.
    private static func splitOffset(_ text: String) -> (Substring, Int)? {
        guard let t = text.firstIndex(of: "T") else { return nil }
        let time = text[text.index(after: t)...]
        if time.hasSuffix("Z") { return (text.dropLast(), 0) }
        guard let sign = time.lastIndex(where: { $0 == "+" || $0 == "-" }) else { return nil }
        let offset = Array(time[time.index(after: sign)...])
        let digits: [Character]
        switch offset.count {
        case 2: digits = offset + ["0", "0"]
        case 4: digits = offset
        case 5 where offset[2] == ":": digits = Array(offset[0..<2] + offset[3..<5])
        default: return nil
        }
        guard digits.allSatisfy(\.isASCIIDigit), let hours = Int(String(digits[0..<2])), let minutes = Int(String(digits[2..<4])),
              hours <= 14, minutes < 60
        else { return nil }
        let seconds = (hours * 3600 + minutes * 60) * (time[sign] == "-" ? -1 : 1)
        return (text[..<sign], seconds)
    }

    /// YYYY-MM-DDTHH:MM[:SS[.fff]] read in `timeZone`.
    private static func wallClock(_ text: Substring, in timeZone: TimeZone) -> Date? {
        let parts = text.split(separator: "T", maxSplits: 1)
        guard parts.count == 2, let day = CalendarDate(iso: parts[0]) else { return nil }
        var clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        var fraction = 0.0
        if clock.count == 3, let dot = clock[2].firstIndex(of: ".") {
            let decimals = clock[2][clock[2].index(after: dot)...]
            guard (1...9).contains(decimals.count), decimals.allSatisfy(\.isASCIIDigit), let value = Double("0." + decimals) else { return nil }
            fraction = value
            clock[2] = clock[2][..<dot]
        }
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
        return date.addingTimeInterval(fraction)
    }

    /// Europe/Paris, the zone registre reads and shows times in unless an organisation says otherwise:
    /// ``OrganisationTimeZone/default``, which new code names.
    public static var defaultTimeZone: TimeZone {
        OrganisationTimeZone.default
    }
}
