public import Foundation

/// How a breach is opened: the moment the controller learns of it, with the id the security team will
/// quote in every exchange with the authority.
public enum BreachOpening {
    /// The id a new breach gets when none is given, for the command line and the desk alike:
    /// `breach-YYYYMMDD-N`, the day the controller became aware in its time zone and N the first number
    /// free in the register.
    /// - Parameters:
    ///   - aware: when the controller became aware.
    ///   - calculator: the controller's calendar, whose time zone says which day that was.
    ///   - isUsed: whether an id is already used anywhere in the register.
    /// - Throws: what `isUsed` throws.
    public static func defaultID(aware: Date, calculator: DeadlineCalculator, isUsed: (EntityID) throws -> Bool) rethrows -> EntityID {
        let day = calculator.day(of: aware).iso.replacingOccurrences(of: "-", with: "")
        var number = 1
        while try isUsed("breach-\(day)-\(number)") { number += 1 }
        return "breach-\(day)-\(number)"
    }
}
