public import Foundation

/// Computes deadlines as Regulation (EEC, Euratom) No 1182/71 counts periods, in a time zone and with the
/// public holidays of a place. Nothing here reads the clock: every "when" is given.
///
/// - After an event, in days, weeks, months or years: the day of the event does not count (Art. 3(1));
///   the period ends at the end of its last day (Art. 3(2)(b), (c)), the same date N months later or the
///   last day of a month that has no such date; a last day that is a Saturday, a Sunday or a public
///   holiday moves to the end of the next working day (Art. 3(4)); a period of two days or more includes
///   at least two working days (Art. 3(5)).
/// - In working days: only working days are counted.
/// - In hours: registre takes the earlier of the exact elapsed time and the same wall-clock time, so
///   that a change of summer time never gives more time than the hours say (the 72 hours of Art. 33(1)
///   from 16:30 on the Friday before the March change end at 16:30 on the Monday, 71 elapsed hours).
/// - Before an event ("at least 30 days before the audit", "three months before the term"): counted back
///   from the event's day, with no roll-forward (Art. 3(4) does not apply backwards).
public struct DeadlineCalculator: Sendable {
    /// The time zone the days of a deadline are days of.
    public var timeZone: TimeZone
    /// The public holidays that working days skip and that move a period's end.
    public var holidays: PublicHolidays

    /// A calculator for the days of `timeZone` and the holidays of `holidays`; Europe/Paris and France by default.
    public init(timeZone: TimeZone = OrganisationTimeZone.default, holidays: PublicHolidays = .france) {
        self.timeZone = timeZone
        self.holidays = holidays
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// The day an instant falls on, in this calculator's time zone.
    public func day(of instant: Date) -> CalendarDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        if let year = parts.year, let month = parts.month, let day = parts.day,
           let date = CalendarDate(year: year, month: month, day: day) {
            return date
        }
        // Past the calendar's years (only a value registre never accepts gets here): its nearest end.
        return CalendarDate(dayNumber: instant.timeIntervalSince1970 < 0 ? Int.min : Int.max)
    }

    /// The first instant of a day in this time zone.
    public func start(of day: CalendarDate) -> Date {
        calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))
            ?? Date(timeIntervalSince1970: TimeInterval(day.dayNumber) * 86_400)
    }

    /// The last instant of a day (one millisecond before the next day starts).
    public func end(of day: CalendarDate) -> Date {
        start(of: day.adding(days: 1)).addingTimeInterval(-0.001)
    }

    // MARK: Forward

    /// When a period that starts with `event` ends.
    public func end(of period: DeadlinePeriod, after event: Date) -> Date {
        let period = period.heldToSupportedRange
        if period.length.unit == .hours {
            let exact = event.addingTimeInterval(TimeInterval(period.length.value) * 3600)
            let hours = period.length.value
            let wallClock = calendar.date(byAdding: DateComponents(day: hours / 24, hour: hours % 24), to: event) ?? exact
            return min(exact, wallClock)
        }
        return end(of: lastDay(of: period, after: day(of: event)))
    }

    /// When a term that starts with `event` ends, counted as the term says: hours exactly as
    /// a period in hours counts them (the earlier of elapsed and wall-clock time), days by the term's counting.
    public func end(of term: ContractTerm, after event: Date) -> Date {
        if term.period.length.unit == .hours { return end(of: term.period, after: event) }
        return end(of: lastDay(of: term.period, after: day(of: event), counting: term.counting))
    }

    /// The last day of a period in days, weeks, months or years that starts with the event's day.
    public func lastDay(of period: DeadlinePeriod, after eventDay: CalendarDate) -> CalendarDate {
        let period = period.heldToSupportedRange
        let value = period.length.value
        if period.workingDays { return workingDay(value, from: eventDay, step: 1) }
        var last: CalendarDate
        switch period.length.unit {
        case .hours, .days: last = eventDay.adding(days: max(1, period.length.unit == .hours ? value / 24 : value))
        case .weeks: last = eventDay.adding(days: 7 * value)
        case .months: last = eventDay.adding(months: value)
        case .years: last = eventDay.adding(months: 12 * value)
        }
        // Art. 3(4): a period ending on a Saturday, a Sunday or a public holiday ends with the next working day.
        // (Every loop here stops at the calendar's last day, where `adding(days:)` stays.)
        while !holidays.isWorkingDay(last), last < CalendarDate.last { last = last.adding(days: 1) }
        // Art. 3(5): a period of two days or more includes at least two working days.
        if period.length.unit != .days || value >= 2 {
            var count = workingDays(after: eventDay, through: last)
            while count < 2, last < CalendarDate.last {
                last = last.adding(days: 1)
                if holidays.isWorkingDay(last) { count += 1 }
            }
        }
        return last
    }

    /// The last day of a period counted as a contract says: ``TermCounting/calendar`` ends on the day the
    /// period reaches, whatever it is ("5 calendar days" from a Monday end on the Saturday);
    /// ``TermCounting/working`` counts working days only; ``TermCounting/regulation1182`` is
    /// ``lastDay(of:after:)``.
    public func lastDay(of period: DeadlinePeriod, after eventDay: CalendarDate, counting: TermCounting) -> CalendarDate {
        var period = period.heldToSupportedRange
        // A period in hours runs hour by hour whatever the counting: 1182/71 moves only the end of periods
        // "expressed otherwise than in hours" (Art. 3(4)) and holds only periods in days to two working
        // days (Art. 3(5)). Counted from the start of the day, the earliest the event can have been.
        if period.length.unit == .hours { return day(of: end(of: period, after: start(of: eventDay))) }
        switch counting {
        case .regulation1182:
            return lastDay(of: period, after: eventDay)
        case .working:
            period.workingDays = true
            return lastDay(of: period, after: eventDay)
        case .calendar:
            // A period stated in working days is in working days whatever the counting says.
            if period.workingDays { return lastDay(of: period, after: eventDay) }
            return earliestDay(period, afterNoticeOn: eventDay)
        }
    }

    /// ``earliestDay(_:afterNoticeOn:)`` with a contract's counting: only working days differ, since no
    /// roll-over applies to the first day something may happen.
    public func earliestDay(_ period: DeadlinePeriod, afterNoticeOn noticeDay: CalendarDate, counting: TermCounting) -> CalendarDate {
        var period = period
        if counting == .working { period.workingDays = true }
        return earliestDay(period, afterNoticeOn: noticeDay)
    }

    /// The `count`-th working day after (`step` 1) or before (`step` -1) a day, that day not counted.
    private func workingDay(_ count: Int, from start: CalendarDate, step: Int) -> CalendarDate {
        var day = start
        var counted = 0
        // A year's holidays are worked out once, not once a day: a period of years is counted in time.
        var year = day.year
        var yearHolidays = Set(holidays.holidays(in: year))
        while counted < count {
            let next = day.adding(days: step)
            if next == day { break }  // the calendar's first or last day
            day = next
            if day.year != year {
                year = day.year
                yearHolidays = Set(holidays.holidays(in: year))
            }
            if !day.isWeekend && !yearHolidays.contains(day) { counted += 1 }
        }
        return day
    }

    /// The working days after `start` through `end`, counted up to two (all Art. 3(5) asks), so that a
    /// period of years is not walked day by day.
    private func workingDays(after start: CalendarDate, through end: CalendarDate) -> Int {
        var count = 0
        var day = start
        while day < end, count < 2 {
            day = day.adding(days: 1)
            if holidays.isWorkingDay(day) { count += 1 }
        }
        return count
    }

    // MARK: Backward

    /// The last day on which something must happen to come `period` before `eventDay`: "notify at least
    /// 30 days before the audit" gives the audit's day minus 30 days, whatever day of the week it is.
    public func latestDay(_ period: DeadlinePeriod, before eventDay: CalendarDate) -> CalendarDate {
        let period = period.heldToSupportedRange
        let value = period.length.value
        if period.workingDays { return workingDay(value, from: eventDay, step: -1) }
        switch period.length.unit {
        case .hours: return day(of: start(of: eventDay).addingTimeInterval(-TimeInterval(value) * 3600))
        case .days: return eventDay.adding(days: -value)
        case .weeks: return eventDay.adding(days: -7 * value)
        case .months: return eventDay.adding(months: -value)
        case .years: return eventDay.adding(months: -12 * value)
        }
    }

    /// The first day an event may take place when it must come at least `period` after a notice given
    /// on `noticeDay` ("the audit starts at least 30 days after the processor is informed").
    public func earliestDay(_ period: DeadlinePeriod, afterNoticeOn noticeDay: CalendarDate) -> CalendarDate {
        let period = period.heldToSupportedRange
        let value = period.length.value
        if period.workingDays { return workingDay(value, from: noticeDay, step: 1) }
        switch period.length.unit {
        case .hours: return day(of: start(of: noticeDay).addingTimeInterval(TimeInterval(value) * 3600))
        case .days: return noticeDay.adding(days: value)
        case .weeks: return noticeDay.adding(days: 7 * value)
        case .months: return noticeDay.adding(months: value)
        case .years: return noticeDay.adding(months: 12 * value)
        }
    }
}

extension DeadlinePeriod {
    /// The period, no longer than `SupportedRange` allows: periods are read within it, and this keeps a
    /// period made in code from overflowing the arithmetic or counting working days for ever.
    var heldToSupportedRange: DeadlinePeriod {
        var period = self
        period.length.value = min(max(0, length.value), SupportedRange.maximum(length.unit))
        return period
    }
}

extension DeadlineCalculator {
    /// The calculator of an organisation: its time zone (Europe/Paris unless it says otherwise) and the
    /// public holidays of its region (``Organisation/region``, `FR-57`, `DE-BY`, `GB-SCT`) or else its
    /// country (``PublicHolidays/init(code:)``; French ones when it names none or one registre has no
    /// calendar for), or of `calendar` when a contract names the calendar it uses.
    public static func `for`(_ organisation: EntityID, in register: Register, calendar: String? = nil) -> DeadlineCalculator {
        let party = register.organisation(organisation)
        let zone = OrganisationTimeZone.of(party)
        let holidays = (calendar ?? party?.region ?? party?.country).flatMap(PublicHolidays.init(code:)) ?? .france
        return DeadlineCalculator(timeZone: zone, holidays: holidays)
    }
}
