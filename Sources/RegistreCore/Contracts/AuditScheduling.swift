/// When an audit may start under an agreement: not before its notice period has run from the day the
/// processor was told (seed 004: "au minimum 30 jours avant le lancement de l'audit").
public enum AuditScheduling {
    /// Whether a start date respects the agreement's notice period.
    public enum Decision: Equatable, Sendable {
        /// The start respects the notice; `earliest` is the first day it could have been.
        case allowed(earliest: CalendarDate?)
        /// The start is too early; `earliest` is the first day allowed.
        case refused(earliest: CalendarDate)
    }

    /// The first day an audit notified on `notified` may start: the notice read under the stricter of its
    /// statements (``TermReading``), or nil when the agreement sets no notice.
    public static func earliestStart(notified: CalendarDate, agreement: DataProcessingAgreement, in register: Register) -> CalendarDate? {
        agreement.reading(.auditNotice, from: notified, in: register)?.day
    }

    /// Whether an audit notified on `notified` may start on `start` under `agreement`.
    public static func decide(start: CalendarDate, notified: CalendarDate, agreement: DataProcessingAgreement, in register: Register) -> Decision {
        guard let earliest = earliestStart(notified: notified, agreement: agreement, in: register) else { return .allowed(earliest: nil) }
        return start < earliest ? .refused(earliest: earliest) : .allowed(earliest: earliest)
    }
}

extension AuditScheduling {
    /// Why an audit cannot be requested as asked.
    public enum RequestRefusal: Error, Equatable, Sendable {
        /// The start comes before the agreement's notice period has run; `earliest` is the first day allowed.
        case tooEarly(earliest: CalendarDate)
        /// The requester is not a controller of the agreement.
        case notAController(EntityID)
        /// The id is not a valid id, or is already used in the register.
        case unusableID(EntityID)
    }

    /// The audit a controller may request under `agreement`: by default from its first controller, with
    /// the id `audit-START`; refused when it would start before the notice period has run (Art. 28(3)(h)).
    ///
    /// - Parameters:
    ///   - register: holds at least the agreement's processor (its time zone counts the notice).
    ///   - isUsed: whether an id is already used anywhere in the register (default: in `register`).
    /// - Throws: ``RequestRefusal``.
    public static func request(
        under agreement: DataProcessingAgreement, in register: Register, id: EntityID? = nil, requester: EntityID? = nil,
        notified: CalendarDate, start: CalendarDate, scope: String? = nil, auditor: String? = nil,
        kickoff: CalendarDate? = nil, closing: CalendarDate? = nil, isUsed: ((EntityID) -> Bool)? = nil
    ) throws(RequestRefusal) -> AuditRequest {
        if case .refused(let earliest) = decide(start: start, notified: notified, agreement: agreement, in: register) {
            throw .tooEarly(earliest: earliest)
        }
        let requester = requester ?? agreement.controllers.first ?? ""
        guard agreement.controllers.contains(requester) else { throw .notAController(requester) }
        let id = id ?? "audit-\(start.iso)"
        let used = isUsed ?? { register.allIDs.contains($0) }
        guard Register.isValidID(id), !used(id) else { throw .unusableID(id) }
        return AuditRequest(
            id: id, agreement: agreement.id, requester: requester, auditee: agreement.processor, scope: scope,
            auditor: auditor, notified: notified, plannedStart: start, kickoffMeeting: kickoff, closingMeeting: closing)
    }
}
