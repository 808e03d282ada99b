import Foundation
import RegistreCore
import Testing

func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }
func instant(_ text: String) -> Date { Instant.parse(text, timeZone: Instant.defaultTimeZone)! }
func utc(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.string(from: date)
}

@Suite("Deadlines (Regulation 1182/71)")
struct DeadlineCalculatorTests {
    let paris = DeadlineCalculator()

    @Test("Easter and the holidays that move with it", arguments: [
        ("2024", "2024-03-31"), ("2025", "2025-04-20"), ("2026", "2026-04-05"), ("2027", "2027-03-28"), ("2028", "2028-04-16"),
    ])
    func easter(year: String, sunday: String) {
        #expect(PublicHolidays.easterSunday(Int(year)!) == day(sunday))
    }

    @Test("French public holidays of 2026, and the Alsace-Moselle and overseas additions")
    func holidays() {
        #expect(PublicHolidays.france.holidays(in: 2026).map(\.iso) == [
            "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25", "2026-07-14",
            "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25",
        ])
        #expect(PublicHolidays.alsaceMoselle.isHoliday(day("2026-04-03")))  // Good Friday
        #expect(PublicHolidays.alsaceMoselle.isHoliday(day("2026-12-26")))
        #expect(!PublicHolidays.france.isHoliday(day("2026-04-03")))
        #expect(PublicHolidays.overseas(.reunion).isHoliday(day("2026-12-20")))
        #expect(PublicHolidays.overseas(.mayotte).isHoliday(day("2026-04-27")))
        // Saint-Martin commemorates on 28 May, a day after Guadeloupe.
        #expect(PublicHolidays.overseas(.saintMartin).isHoliday(day("2026-05-28")))
        #expect(!PublicHolidays.overseas(.saintMartin).isHoliday(day("2026-05-27")))
        #expect(PublicHolidays.overseas(.guadeloupe).isHoliday(day("2026-05-27")))
    }

    @Test("a month after 31 January ends on the last day of February, then on the next working day")
    func monthEnd() {
        // 28 February 2026 is a Saturday: the period ends on Monday 2 March (Art. 3(4)).
        #expect(paris.lastDay(of: DeadlinePeriod(1, .months), after: day("2026-01-31")) == day("2026-03-02"))
        // 2028 is a leap year: 29 February, a Tuesday.
        #expect(paris.lastDay(of: DeadlinePeriod(1, .months), after: day("2028-01-31")) == day("2028-02-29"))
        #expect(paris.lastDay(of: DeadlinePeriod(3, .months), after: day("2026-11-30")) == day("2027-03-01"))  // 28 Feb 2027 is a Sunday
    }

    @Test("a year after 29 February ends on 28 February")
    func leapYear() {
        #expect(paris.lastDay(of: DeadlinePeriod(1, .years), after: day("2028-02-29")) == day("2029-02-28"))
        #expect(paris.lastDay(of: DeadlinePeriod(4, .years), after: day("2024-02-29")) == day("2028-02-29"))
    }

    @Test("a period that ends on a holiday falling on a weekend ends on the next working day")
    func holidayOnWeekend() {
        // Sunday 1 November 2026 (All Saints') → Monday 2 November.
        #expect(paris.lastDay(of: DeadlinePeriod(10, .days), after: day("2026-10-22")) == day("2026-11-02"))
        // Saturday 8 May 2027 → Monday 10 May.
        #expect(paris.lastDay(of: DeadlinePeriod(2, .weeks), after: day("2027-04-24")) == day("2027-05-10"))
        // Friday 25 December 2026, then the weekend: Monday 28 December. In Alsace-Moselle 26 December is
        // a holiday too, on a Saturday: the same Monday.
        #expect(paris.lastDay(of: DeadlinePeriod(30, .days), after: day("2026-11-25")) == day("2026-12-28"))
    }

    @Test("working days skip weekends and holidays")
    func workingDays() {
        // From Friday 1 May 2026: 8 May and Ascension (14 May) are skipped.
        #expect(paris.lastDay(of: DeadlinePeriod(10, .days, workingDays: true), after: day("2026-05-01")) == day("2026-05-19"))
    }

    @Test("the day of the event does not count and the period ends at the end of its last day")
    func endOfDay() {
        let end = paris.end(of: DeadlinePeriod(30, .days), after: instant("2026-01-10T09:15"))
        #expect(utc(end) == "2026-02-09T22:59:59.999Z")  // 9 February, 23:59:59.999 in Paris (UTC+1)
    }

    @Test("a period of two days includes two working days (Art. 3(5))")
    func twoWorkingDays() {
        // From Thursday 24 December 2026: Friday 25 is Christmas, then the weekend; Monday 28 and
        // Tuesday 29 are the two working days.
        #expect(paris.lastDay(of: DeadlinePeriod(2, .days), after: day("2026-12-24")) == day("2026-12-29"))
    }

    @Test("72 hours across the change to summer time end at the same wall-clock time")
    func springForward() {
        let end = paris.end(of: DeadlinePeriod(72, .hours), after: instant("2026-03-27T16:30"))
        #expect(utc(end) == "2026-03-30T14:30:00.000Z")  // 16:30 in Paris (UTC+2), 71 elapsed hours
    }

    @Test("72 hours across the change to winter time end after 72 elapsed hours, never later")
    func fallBack() {
        let end = paris.end(of: DeadlinePeriod(72, .hours), after: instant("2026-10-23T16:30"))
        #expect(utc(end) == "2026-10-26T14:30:00.000Z")  // 15:30 in Paris (UTC+1)
    }

    @Test("72 hours include weekends and holidays")
    func hoursOverWeekend() {
        let end = paris.end(of: DeadlinePeriod(72, .hours), after: instant("2026-12-24T18:00"))
        #expect(utc(end) == "2026-12-27T17:00:00.000Z")
    }

    @Test("counted back from an event, with no roll-forward")
    func backward() {
        // Three months before the term of 31 December 2028: Saturday 30 September, kept as it is.
        #expect(paris.latestDay(DeadlinePeriod(3, .months), before: day("2028-12-31")) == day("2028-09-30"))
        #expect(paris.latestDay(DeadlinePeriod(6, .months), before: day("2028-12-31")) == day("2028-06-30"))
        #expect(paris.latestDay(DeadlinePeriod(30, .days), before: day("2026-03-01")) == day("2026-01-30"))
        #expect(paris.latestDay(DeadlinePeriod(1, .months), before: day("2026-03-31")) == day("2026-02-28"))
        // 8 May and 1 May are holidays: Thursday 7, Wednesday 6, Tuesday 5, Monday 4, Thursday 30 April.
        #expect(paris.latestDay(DeadlinePeriod(5, .days, workingDays: true), before: day("2026-05-11")) == day("2026-04-30"))
    }

    @Test("the first day an audit may start after 30 days' notice")
    func earliest() {
        #expect(paris.earliestDay(DeadlinePeriod(30, .days), afterNoticeOn: day("2026-01-10")) == day("2026-02-09"))
        #expect(paris.earliestDay(DeadlinePeriod(30, .days), afterNoticeOn: day("2028-02-01")) == day("2028-03-02"))
    }

    @Test("another time zone shows the same instant on its own clock")
    func otherZone() throws {
        let reunion = DeadlineCalculator(timeZone: try #require(TimeZone(identifier: "Indian/Reunion")), holidays: .overseas(.reunion))
        let end = reunion.end(of: DeadlinePeriod(1, .days), after: Instant.parse("2026-12-19T10:00", timeZone: reunion.timeZone)!)
        // 20 December is a holiday there, a Sunday too: Monday 21 December, 23:59:59.999 at UTC+4.
        #expect(utc(end) == "2026-12-21T19:59:59.999Z")
    }

    @Test("durations typed as shorthand", arguments: [
        ("72h", DeadlinePeriod(72, .hours)), ("30d", DeadlinePeriod(30, .days)), ("10wd", DeadlinePeriod(10, .days, workingDays: true)),
        ("2w", DeadlinePeriod(2, .weeks)), ("3m", DeadlinePeriod(3, .months)), ("1y", DeadlinePeriod(1, .years)),
    ])
    func shorthand(text: String, period: DeadlinePeriod) {
        #expect(DeadlinePeriod(shorthand: text) == period)
    }

    @Test("wrong shorthands are refused", arguments: ["", "d", "0d", "-3d", "3x", "3 d", "3.5d"])
    func wrongShorthand(_ text: String) {
        #expect(DeadlinePeriod(shorthand: text) == nil)
    }

    @Test("a wall-clock time that the change to summer time skips does not exist")
    func skippedTime() {
        #expect(Instant.parse("2026-03-29T02:30", timeZone: Instant.defaultTimeZone) == nil)
        #expect(Instant.parse("2026-03-29T03:30", timeZone: Instant.defaultTimeZone) != nil)
    }
}
