/// A day of the calendar, without a time or a time zone: the dates a register states (created, last
/// reviewed, a DPIA completed) are days, not instants.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, from 1 to 9999.
    public let year: Int
    /// The month, from 1 to 12.
    public let month: Int
    /// The day of the month, from 1.
    public let day: Int

    /// Fails for a day that does not exist (30 February, 31 April, 29 February of a common year).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD` (ISO 8601 extended calendar date) and nothing else, of a year registre accepts
    /// (`SupportedRange.years`): every day typed or read goes through here.
    public init?(iso text: some StringProtocol) {
        guard let date = CalendarDate(anyYearISO: text), SupportedRange.contains(date) else { return nil }
        self = date
    }

    /// Reads `YYYY-MM-DD` of any year the calendar has (1 to 9999): for what registre itself stored.
    init?(anyYearISO text: some StringProtocol) {
        // Read on the UTF-8 bytes: every date of every entry read passes here. Ten ASCII bytes,
        // `DDDD-DD-DD`, are exactly the texts of three dash-separated runs of 4, 2 and 2 digits.
        var digits = (year: 0, month: 0, day: 0)
        var count = 0
        for byte in text.utf8 {
            switch (count, byte) {
            case (4, UInt8(ascii: "-")), (7, UInt8(ascii: "-")): break
            case (0...3, UInt8(ascii: "0")...UInt8(ascii: "9")): digits.year = digits.year * 10 + Int(byte - 48)
            case (5...6, UInt8(ascii: "0")...UInt8(ascii: "9")): digits.month = digits.month * 10 + Int(byte - 48)
            case (8...9, UInt8(ascii: "0")...UInt8(ascii: "9")): digits.day = digits.day * 10 + Int(byte - 48)
            default: return nil
            }
            count += 1
        }
        guard count == 10 else { return nil }
        self.init(year: digits.year, month: digits.month, day: digits.day)
    }

    /// The date as ISO 8601 writes it: `YYYY-MM-DD`.
    public var iso: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// The date as ISO 8601 writes it, like ``iso``.
    public var description: String { iso }

    /// Orders dates in time.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
