/// A period a contract or the law sets: "72 hours", "30 days", "3 months", "10 working days".
public struct DeadlinePeriod: Hashable, Sendable, Codable, CustomStringConvertible {
    /// How many units, and which.
    public var length: PeriodLength
    /// Counted in working days only (1182/71 Art. 3(3)); only meaningful for days.
    public var workingDays: Bool

    /// A period of `value` units, in working days when `workingDays` (days only).
    public init(_ value: Int, _ unit: PeriodLength.Unit, workingDays: Bool = false) {
        self.length = PeriodLength(value, unit)
        self.workingDays = workingDays
    }

    /// Reads "72h", "30d", "10wd" (working days), "2w", "3m", "1y", no longer than `SupportedRange`
    /// allows (a value too large for an integer included).
    public init?(shorthand text: String) {
        let text = text.lowercased()
        let digits = text.prefix { $0.isASCIIDigit }
        guard !digits.isEmpty, digits.count <= 18, let value = Int(digits), value > 0 else { return nil }
        switch text.dropFirst(digits.count) {
        case "h": self.init(value, .hours)
        case "d": self.init(value, .days)
        case "wd": self.init(value, .days, workingDays: true)
        case "w": self.init(value, .weeks)
        case "m": self.init(value, .months)
        case "y": self.init(value, .years)
        default: return nil
        }
        guard SupportedRange.contains(length) else { return nil }
    }

    /// The period in English words, e.g. "10 working days", for logs and messages of the command line.
    public var description: String {
        "\(length.value) \(workingDays ? "working " : "")\(length.unit.rawValue)"
    }
}
