public import Foundation

/// How a breach is opened: the moment the controller learns of it, with the id the security team will
/// quote in every exchange with the authority.
public enum BreachOpening {
    /// Why a breach cannot be opened as asked.
    public enum Refusal: Error, Equatable, Sendable {
        /// The id given is not an id (letters, digits, '.', '_', '-'), or is already used in the register.
        case unusableID(EntityID)
    }

    /// The id of a new breach: the one given, or `breach-YYYYMMDD-N`, the day the controller became aware
    /// in its time zone and N the first number free in the register (a second breach known the same day
    /// gets 2).
    /// - Parameters:
    ///   - given: the id the person chose, if any.
    ///   - aware: when the controller became aware of the breach.
    ///   - calculator: the controller's calendar and time zone, which name the day of awareness.
    ///   - isUsed: whether an id is already used anywhere in the register.
    /// - Throws: ``Refusal/unusableID(_:)`` for an id given that cannot be used; what `isUsed` throws.
    public static func id(
        given: EntityID?, aware: Date, calculator: DeadlineCalculator, isUsed: (EntityID) throws -> Bool
    ) throws -> EntityID {
        if let given {
            guard Register.isValidID(given), try !isUsed(given) else { throw Refusal.unusableID(given) }
            return given
        }
        return try defaultID(aware: aware, calculator: calculator, isUsed: isUsed)
    }

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
