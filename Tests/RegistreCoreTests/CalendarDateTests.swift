import RegistreCore
import Testing

@Suite("Calendar days")
struct CalendarDateTests {
    @Test("days that exist", arguments: ["2026-01-31", "2024-02-29", "2000-02-29", "2026-12-31", "1900-01-01", "9000-12-31"])
    func exists(_ text: String) throws {
        let date = try #require(CalendarDate(iso: text))
        #expect(date.iso == text)
    }

    @Test("days that do not exist or are not YYYY-MM-DD", arguments: [
        "2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-1-5",
        "26-01-05", "2026/01/05", "2026-01-05T10:00", "", "２０２６-01-05", "+2026-01-05",
        "2026-01-0５", "2026-01-05\u{301}", "2026—01-05", "2026-01-05-", "-2026-01-05", "0000-01-01", "20260-1-05",
    ])
    func refused(_ text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test("order follows the calendar")
    func order() throws {
        let earlier = try #require(CalendarDate(year: 2025, month: 12, day: 31))
        let later = try #require(CalendarDate(year: 2026, month: 1, day: 1))
        #expect(earlier < later)
    }
}
