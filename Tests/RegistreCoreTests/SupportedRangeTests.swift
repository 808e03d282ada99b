import Foundation
import RegistreCore
import RegistreTestSupport
import Testing

/// Days, instants and periods outside the span registre computes on are refused where they are read,
/// and computation on anything that gets through never traps.
@Suite("Supported range of dates and periods")
struct SupportedRangeTests {
    let paris = Instant.defaultTimeZone

    @Test("days of the years 1900 to 9000 are read", arguments: ["1900-01-01", "2026-03-27", "9000-12-31"])
    func daysInside(_ text: String) {
        #expect(CalendarDate(iso: text) != nil)
    }

    @Test("days before 1900 or after 9000 are refused", arguments: ["1899-12-31", "9001-01-01", "9999-12-31", "0001-01-01"])
    func daysOutside(_ text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test("instants past the supported years are refused, with or without an offset", arguments: [
        "9999-12-31T23:59", "9999-12-31T23:59:00Z", "9999-12-31T23:59:00+01:00", "9999-12-31", "1800-01-01T00:00Z", "10000-01-01T00:00Z",
    ])
    func instantsOutside(_ text: String) {
        #expect(Instant.parse(text, timeZone: paris) == nil)
    }

    @Test("ISO 8601 offsets with a colon, without one, or hours only are read", arguments: [
        ("2026-03-27T16:30+02:00", "2026-03-27T14:30:00Z"), ("2026-03-27T16:30:15+02:00", "2026-03-27T14:30:15Z"),
        ("2026-03-27T16:30+0200", "2026-03-27T14:30:00Z"), ("2026-03-27T16:30+02", "2026-03-27T14:30:00Z"),
        ("2026-03-27T16:30-03:30", "2026-03-27T20:00:00Z"), ("2026-03-27T14:30Z", "2026-03-27T14:30:00Z"),
        ("2026-03-27T16:30:00+02:00", "2026-03-27T14:30:00Z"),
    ])
    func offsets(_ text: String, _ utc: String) throws {
        let date = try #require(Instant.parse(text, timeZone: paris))
        let formatter = ISO8601DateFormatter()
        #expect(formatter.string(from: date) == utc)
    }

    @Test("malformed offsets are refused", arguments: ["2026-03-27T16:30+2:00", "2026-03-27T16:30+02:0", "2026-03-27T16:30+15:00", "2026-03-27T16:30+02:60", "2026-03-27T16:30+", "2026-03-27T16:30++02:00"])
    func badOffsets(_ text: String) {
        #expect(Instant.parse(text, timeZone: paris) == nil)
    }

    @Test("durations longer than 200 years, or too large for an integer, are refused", arguments: [
        "8000y", "201y", "2401m", "99999999999999999999y", "9223372036854775807d", "1000000wd", "10000000h",
    ])
    func longDurations(_ text: String) {
        #expect(DeadlinePeriod(shorthand: text) == nil)
    }

    @Test("durations up to 200 years are read", arguments: ["200y", "2400m", "72h", "10wd"])
    func durations(_ text: String) {
        #expect(DeadlinePeriod(shorthand: text) != nil)
    }

    @Test("the longest period from the last day supported, and back from the first, is computed")
    func extremes() throws {
        let calculator = DeadlineCalculator()
        let last = try #require(CalendarDate(iso: "9000-12-31"))
        let first = try #require(CalendarDate(iso: "1900-01-01"))
        for unit in PeriodLength.Unit.allCases {
            let period = DeadlinePeriod(SupportedRange.maximum(unit), unit)
            #expect(calculator.lastDay(of: period, after: last) > last)
            #expect(calculator.latestDay(period, before: first) < first)
            #expect(calculator.earliestDay(period, afterNoticeOn: last) >= last)
        }
        #expect(calculator.lastDay(of: DeadlinePeriod(SupportedRange.maximum(.days), .days, workingDays: true), after: last) > last)
    }

    @Test("day arithmetic past the calendar's ends stops at them instead of trapping")
    func calendarEnds() throws {
        let day = try #require(CalendarDate(iso: "2026-03-27"))
        #expect(day.adding(days: .max).iso == "9999-12-31")
        #expect(day.adding(days: .min).iso == "0001-01-01")
        #expect(day.adding(months: .max).year == 9999)
        #expect(day.adding(months: .min).year == 1)
        let calculator = DeadlineCalculator()
        #expect(calculator.day(of: Date(timeIntervalSince1970: 1e15)).iso == "9999-12-31")
        #expect(calculator.lastDay(of: DeadlinePeriod(.max, .years), after: day).year <= 9999)
        _ = calculator.end(of: DeadlinePeriod(.max, .hours), after: Date(timeIntervalSince1970: 0))
    }

    @Test("a breach aware at 9999-12-31T23:59 made in code gives deadlines, not a trap")
    func farBreach() throws {
        let far = try #require(ISO8601DateFormatter().date(from: "9999-12-31T22:59:00Z"))
        let register = CompleteRegister.with { breach in
            breach.aware = far
            breach.notifications = []
        }
        let deadlines = DeadlineSchedule.deadlines(in: register, now: far, within: DeadlinePeriod(SupportedRange.maximum(.years), .years))
        #expect(!deadlines.isEmpty)
    }

    @Test("an audit start of 9999-12-31 cannot be typed, and one made in code is scheduled without a trap")
    func farAudit() throws {
        #expect(CalendarDate(iso: "9999-12-31") == nil)
        let day = try #require(CalendarDate(year: 9999, month: 12, day: 31))
        let agreement = CompleteRegister.agreement
        let earliest = AuditScheduling.earliestStart(notified: day, agreement: agreement, in: CompleteRegister.register)
        #expect(earliest?.iso == "9999-12-31")
    }
}
