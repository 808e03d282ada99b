/// When an audit may start under an agreement: not before its notice period has run from the day the
/// processor was told (seed 004: "au minimum 30 jours avant le lancement de l'audit").
public enum AuditScheduling {
    public enum Decision: Equatable, Sendable {
        /// The start respects the notice; `earliest` is the first day it could have been.
        case allowed(earliest: CalendarDate?)
        /// The start is too early; `earliest` is the first day allowed.
        case refused(earliest: CalendarDate)
    }

    public static func earliestStart(notified: CalendarDate, agreement: DataProcessingAgreement, in register: Register) -> CalendarDate? {
        guard let notice = agreement.auditTerms?.noticePeriod else { return nil }
        return DeadlineCalculator.for(agreement.processor, in: register).earliestDay(notice, afterNoticeOn: notified)
    }

    public static func decide(start: CalendarDate, notified: CalendarDate, agreement: DataProcessingAgreement, in register: Register) -> Decision {
        guard let earliest = earliestStart(notified: notified, agreement: agreement, in: register) else { return .allowed(earliest: nil) }
        return start < earliest ? .refused(earliest: earliest) : .allowed(earliest: earliest)
    }
}
