extension DeadlineSchedule {
    /// The kinds of entries that are many in a large register and give a deadline only in some states
    /// (an agreement with a running obligation, a breach not yet notified): the register of record keeps
    /// which of them may give one (``mayGiveDeadline(_:)``), and `deadlines` reads only those.
    public static let sourceKinds: Set<EntityKind> = [.agreement, .breach]

    /// Whether `entry` may give a deadline, whatever the rest of the register and the moment: false only
    /// when ``deadlines(in:now:within:)`` can take nothing from it in any register, at any time. An
    /// agreement: an unfulfilled obligation with a date, a change of sub-processor whose outcome is
    /// pending (its windows, and its members' on a structure's agreement), a term with a notice of
    /// termination, a reversibility plan asked for. A breach: not yet notified, and not judged unlikely
    /// to result in a risk (Art. 33(1)): whether the authority must be told rests on the breach alone.
    /// Every other kind: true.
    ///
    /// A register keeping only the agreements and breaches for which this holds gives the same deadlines
    /// as the whole register: what lets a database answer without reading every agreement and breach.
    public static func mayGiveDeadline(_ entry: RegisterEntry) -> Bool {
        switch entry {
        case .agreement(let agreement):
            agreement.obligations.contains { $0.fulfilled == nil && $0.eventDate != nil }
                || agreement.changeNotices.contains { $0.outcome == .pending }
                || (agreement.term != nil && !agreement.statements(of: .termination).isEmpty)
                || agreement.reversibilityRequested != nil
        case .breach(let breach):
            breach.initialNotification == nil && BreachDecision(breach, in: Register(), now: breach.aware).notifyAuthority != false
        default:
            true
        }
    }
}
