public import Foundation

/// The span of time registre reads and computes on: days of the years 1900 to 9000, periods of at most
/// 200 years. Every date and period read from a register or typed on the command line is checked against
/// it, so that whatever is stored can always be computed on: a deadline of the longest period after the
/// last day allowed (9200) or before the first (1700) still falls in the calendar registre counts with
/// (years 1 to 9999), and no computation reaches a date it cannot represent.
public enum SupportedRange {
    /// The years of the days and instants registre accepts.
    public static let years: ClosedRange<Int> = 1900...9000

    /// The longest period, in years; each unit's limit is the same span (200 years = 2,400 months…).
    public static let periodYears = 200

    /// The largest value a period may have in `unit`.
    public static func maximum(_ unit: PeriodLength.Unit) -> Int {
        switch unit {
        case .hours: periodYears * 366 * 24
        case .days: periodYears * 366
        case .weeks: periodYears * 53
        case .months: periodYears * 12
        case .years: periodYears
        }
    }

    /// Whether registre accepts dates of `year`.
    public static func contains(year: Int) -> Bool { years.contains(year) }

    /// Whether registre accepts `day`: its year is in ``years``.
    public static func contains(_ day: CalendarDate) -> Bool { years.contains(day.year) }

    /// An instant is accepted when it falls in an accepted year in some time zone (UTC ±14 hours).
    public static func contains(_ instant: Date) -> Bool {
        instant >= firstInstant && instant <= lastInstant
    }

    /// Whether registre accepts a period of this length: not negative, and no longer than
    /// ``maximum(_:)`` of its unit (200 years).
    public static func contains(_ period: PeriodLength) -> Bool {
        period.value >= 0 && period.value <= maximum(period.unit)
    }

    private static let firstInstant = Date(timeIntervalSince1970: TimeInterval(CalendarDate(year: years.lowerBound, month: 1, day: 1)!.dayNumber) * 86_400 - 14 * 3600)
    private static let lastInstant = Date(timeIntervalSince1970: TimeInterval(CalendarDate(year: years.upperBound, month: 12, day: 31)!.dayNumber + 1) * 86_400 + 14 * 3600)

    /// What is said of a day or an instant outside the span.
    public static var dateMessage: LocalizedText {
        LocalizedText(
            fr: "hors des années que registre accepte (\(years.lowerBound) à \(years.upperBound))",
            en: "outside the years registre accepts (\(years.lowerBound) to \(years.upperBound))")
    }

    /// What is said of a period longer than the span.
    public static var periodMessage: LocalizedText {
        LocalizedText(
            fr: "période trop longue : au plus \(periodYears) ans (\(maximum(.months)) mois, \(maximum(.weeks)) semaines, \(maximum(.days)) jours, \(maximum(.hours)) heures)",
            en: "period too long: at most \(periodYears) years (\(maximum(.months)) months, \(maximum(.weeks)) weeks, \(maximum(.days)) days, \(maximum(.hours)) hours)")
    }
}
