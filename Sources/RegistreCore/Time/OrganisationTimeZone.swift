public import Foundation

/// The time zone an organisation's times are read and shown in, resolved in this one place: the IANA
/// zone the organisation records (`Organisation.timeZone`), or Europe/Paris when it records none.
///
/// An identifier the system does not know is read as Europe/Paris too. registre's XML reader refuses
/// such an identifier (``isKnown(_:)``), so it can only come from a register built in code; falling back
/// to the default rather than to UTC keeps every deadline in the zone registre shows by default.
///
/// ```swift
/// let zone = OrganisationTimeZone.of(breach.controller, in: register)
/// print(Instant.wallClock(decision.deadline, in: zone))  // 2026-03-30 16:30 (Europe/Paris)
/// ```
public enum OrganisationTimeZone {
    /// Europe/Paris: the zone of an organisation that names none.
    public static let defaultIdentifier = "Europe/Paris"

    /// The zone of ``defaultIdentifier``; UTC on a system without a time zone database.
    public static var `default`: TimeZone {
        TimeZone(identifier: defaultIdentifier) ?? .gmt
    }

    /// Whether the system's time zone database knows `identifier` (the XML reader's check).
    public static func isKnown(_ identifier: String) -> Bool {
        TimeZone(identifier: identifier) != nil
    }

    /// The zone `identifier` names; the ``default`` when it is nil or unknown.
    public static func zone(_ identifier: String?) -> TimeZone {
        identifier.flatMap { TimeZone(identifier: $0) } ?? Self.default
    }

    /// The zone of `organisation`; the ``default`` when there is no organisation.
    public static func of(_ organisation: Organisation?) -> TimeZone {
        zone(organisation?.timeZone)
    }

    /// The zone of the organisation `id` of `register`; the ``default`` when the register has none of
    /// that id.
    public static func of(_ id: EntityID, in register: Register) -> TimeZone {
        of(register.organisation(id))
    }
}
