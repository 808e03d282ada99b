public import Foundation

/// Instants written as text, in the few shapes registre uses, and read back: the one place where an
/// instant becomes text. (A day is a ``CalendarDate`` and writes itself: ``CalendarDate/iso``.)
///
/// Whole seconds and minutes are written with Foundation's format styles, on the instant rounded to the
/// millisecond as ISO 8601 formatters round it. Milliseconds are written and read by one
/// `ISO8601DateFormatter` kept here: the format styles truncate where it rounds (…00.1229… is `.122` to
/// them, `.123` to it) and read `.123` back to another `Date`, and the journal's hash chain and the
/// files already written hold its text. Formatters are not `Sendable`: it is used under a lock.
extension Instant {
    /// `2026-03-27T14:30:00Z`: ISO 8601 in UTC, in whole seconds (messages, JSON-LD, the members' XML).
    public static func utc(_ instant: Date) -> String {
        roundedToMilliseconds(instant).formatted(Date.ISO8601FormatStyle())
    }

    /// `2026-03-27T14:30:00.250Z`: ISO 8601 in UTC with milliseconds (the journal, its history and the
    /// deadlines' XML).
    public static func utcMilliseconds(_ instant: Date) -> String {
        MillisecondFormatter.shared.string(from: instant, in: .gmt)
    }

    /// `2026-03-27T16:30:00+02:00` at the offset `zone` has at that instant, with milliseconds only when
    /// the instant has some (the register's XML).
    public static func iso(_ instant: Date, in zone: TimeZone) -> String {
        let seconds = instant.timeIntervalSince1970
        guard seconds.rounded(.down) == seconds else { return MillisecondFormatter.shared.string(from: instant, in: zone) }
        return instant.formatted(Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: zone))
    }

    /// Reads an instant written by ``utc(_:)``, ``utcMilliseconds(_:)`` or ``iso(_:in:)``: ISO 8601 with
    /// an offset, milliseconds optional; nil for anything else. (What people type is read by
    /// ``parse(_:timeZone:day:)``.)
    public static func fromISO(_ text: String) -> Date? {
        MillisecondFormatter.shared.date(from: text)
    }

    /// `2026-03-27 16:30 (Europe/Paris)`: the wall clock of `zone` at the instant, with the zone's name
    /// (`UTC` for UTC and GMT), as the reports print deadlines.
    public static func wallClock(_ instant: Date, in zone: TimeZone) -> String {
        let style = Date.VerbatimFormatStyle(
            format: "\(year: .extended(minimumLength: 4))-\(month: .twoDigits)-\(day: .twoDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits)",
            locale: Locale(identifier: "en_US_POSIX"), timeZone: zone, calendar: Calendar(identifier: .gregorian)
        )
        let name = zone.secondsFromGMT() == 0 && ["GMT", "UTC"].contains(zone.identifier) ? "UTC" : zone.identifier
        return "\(roundedToMilliseconds(instant).formatted(style)) (\(name))"
    }

    /// `2026-03-27 14:30:00 UTC`: in UTC to the second, as the reports print the journal's instants.
    public static func utcSeconds(_ instant: Date) -> String {
        roundedToMilliseconds(instant).formatted(utcSecondsStyle)
    }

    /// Made once: a journal prints thousands of instants, and making the style costs three times what
    /// formatting with it does.
    private static let utcSecondsStyle = Date.VerbatimFormatStyle(
        format: "\(year: .extended(minimumLength: 4))-\(month: .twoDigits)-\(day: .twoDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits) UTC",
        locale: Locale(identifier: "en_US_POSIX"), timeZone: .gmt, calendar: Calendar(identifier: .gregorian)
    )

    /// The instant to the nearest millisecond, as ISO 8601 formatters see it before they cut to the
    /// second: 14:29:59.9996 is written 14:30:00.
    private static func roundedToMilliseconds(_ instant: Date) -> Date {
        Date(timeIntervalSince1970: (instant.timeIntervalSince1970 * 1000).rounded() / 1000)
    }
}

/// The `ISO8601DateFormatter`s of registre (see `Instant`'s text): made once, a formatter costing more
/// to make than the instant it writes, and used under a lock. The readers keep their default zone (UTC),
/// as a formatter made for one reading had.
private final class MillisecondFormatter: @unchecked Sendable {
    static let shared = MillisecondFormatter()

    private let lock = NSLock()
    private let writer = ISO8601DateFormatter()
    private let fractionalReader = ISO8601DateFormatter()
    private let wholeReader = ISO8601DateFormatter()

    private init() {
        writer.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        fractionalReader.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        wholeReader.formatOptions = [.withInternetDateTime]
    }

    /// The last text read and what it gave: the entries of one change share their time of writing, and
    /// `verify` reads a journal whose import wrote a million entries at one instant (a reading costs some
    /// 25 times a writing).
    private var lastRead: (text: String, date: Date?)?

    func string(from instant: Date, in zone: TimeZone) -> String {
        lock.lock()
        defer { lock.unlock() }
        // Setting the zone, even to the one it has, makes the formatter build its ICU formatter again on
        // the next call: sixty times the cost of writing the instant.
        if writer.timeZone != zone { writer.timeZone = zone }
        return writer.string(from: instant)
    }

    func date(from text: String) -> Date? {
        lock.lock()
        defer { lock.unlock() }
        if let lastRead, lastRead.text == text { return lastRead.date }
        let date = fractionalReader.date(from: text) ?? wholeReader.date(from: text)
        lastRead = (text, date)
        return date
    }
}
