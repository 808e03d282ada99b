import ArgumentParser
import Foundation
import RegistreCore

/// Reads a date or date-time typed on the command line, or says what was expected.
enum InstantArgument {
    static func parse(_ text: String, option: String, day bound: Instant.Bound) throws -> Date {
        guard let date = Instant.parse(text, timeZone: Instant.defaultTimeZone, day: bound) else {
            throw ValidationError("\(option) '\(text)': expected a day (2026-03-27) or a date-time (2026-03-27T16:30, 2026-03-27T14:30:00Z, 2026-03-27T16:30+02:00) that exists, in the years \(SupportedRange.years.lowerBound) to \(SupportedRange.years.upperBound)")
        }
        return date
    }
}
