/// Day arithmetic on the proleptic Gregorian calendar, with no time zone involved.
extension CalendarDate {
    /// Days since 1970-01-01 (negative before).
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day `dayNumber` days after 1970-01-01, held to the calendar's years 1 to 9999: days and periods
    /// are read within `SupportedRange`, so computations never get there, and a day past the calendar's
    /// ends becomes its first or last day rather than a trap.
    public init(dayNumber: Int) {
        let dayNumber = min(max(dayNumber, CalendarDate.firstDayNumber), CalendarDate.lastDayNumber)
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)!
    }

    /// -719,162 (0001-01-01) and 2,932,896 (9999-12-31).
    static let firstDayNumber = -719_162
    static let lastDayNumber = 2_932_896
    /// 9999-12-31, where day arithmetic stops.
    static let last = CalendarDate(year: 9999, month: 12, day: 31)!

    /// The day `days` days later (earlier when negative), kept within the years 1 to 9999.
    public func adding(days: Int) -> CalendarDate {
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        return CalendarDate(dayNumber: overflow ? (days < 0 ? Int.min : Int.max) : sum)
    }

    /// The same day `months` months later (or earlier), or the last day of that month when it has no
    /// such day (31 January + 1 month = 28 or 29 February).
    public func adding(months: Int) -> CalendarDate {
        // Held to the calendar's months, as `init(dayNumber:)` holds days.
        let first = 12, last = 9999 * 12 + 11
        let (sum, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(months)
        let index = overflow ? (months < 0 ? first : last) : min(max(sum, first), last)
        let newYear = index / 12
        let newMonth = index % 12 + 1
        return CalendarDate(year: newYear, month: newMonth, day: min(day, CalendarDate.daysIn(month: newMonth, year: newYear)))!
    }

    /// 1 Monday … 7 Sunday (ISO 8601).
    public var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 + 1 }

    /// Whether the day is a Saturday or a Sunday.
    public var isWeekend: Bool { weekday >= 6 }
}
