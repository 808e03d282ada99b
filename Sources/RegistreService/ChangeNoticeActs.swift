public import RegistreCore
public import RegistreStore

/// The acts on an agreement's change notices (a change of sub-processor, Art. 28(2)), written once for the
/// command line and the desk.
public struct ChangeNoticeActs: Sendable {
    /// The register of record the acts change.
    public let store: RegisterStore

    /// The acts on the change notices of `store`.
    public init(store: RegisterStore) {
        self.store = store
    }

    /// Records what became of a change notice once the controllers could object: the agreement is read
    /// and saved in one write transaction, so a notice added meanwhile by someone else is kept.
    /// - Parameters:
    ///   - outcome: accepted (no objection), objected (objection upheld) or withdrawn.
    ///   - notice: the change notice.
    ///   - agreement: the agreement it belongs to.
    ///   - day: the day it was decided; nil for the day of the act (Europe/Paris).
    ///   - acting: who acts, and when.
    /// - Returns: the day recorded.
    /// - Throws: ``UnknownNotice``; `DataProcessingAgreement.OutcomeRefusal` (not an outcome, a day before
    ///   the notice); ``AccessRefusal`` outside the account's policy; `StoreError/unknownEntry(_:)`; what the store throws. Nothing is written then.
    @discardableResult
    public func record(
        _ outcome: SubProcessorChange.Outcome, ofNotice notice: EntityID, in agreement: EntityID, on day: CalendarDate?,
        by acting: Acting
    ) throws -> CalendarDate {
        let day = day ?? DeadlineCalculator().day(of: acting.now)
        _ = try store.change(actor: acting.actor, effective: acting.effective) { edit in
            var stored = try edit.agreement(agreement)
            guard acting.policy?.mayEdit(stored) ?? true else { throw AccessRefusal(EntityKey(.agreement, agreement)) }
            guard stored.changeNotices.contains(where: { $0.id == notice }) else {
                throw UnknownNotice(notice: notice, agreement: agreement, known: stored.changeNotices.map(\.id))
            }
            try stored.record(outcome, ofChange: notice, on: day)
            try edit.save(.agreement(stored))
        }
        return day
    }

    /// A change notice the agreement does not have, with those it has (read in the act's transaction).
    public struct UnknownNotice: Error, Equatable, Sendable {
        /// The id asked for.
        public var notice: EntityID
        /// The agreement searched.
        public var agreement: EntityID
        /// The ids of the agreement's change notices.
        public var known: [EntityID]

        /// What was refused, in words for the person who asked.
        public var message: LocalizedText {
            let known = known.joined(separator: ", ")
            return LocalizedText(
                fr: "« \(notice) » : aucun avis de changement de l'accord « \(agreement) » n'a cet identifiant (identifiants connus : \(known.isEmpty ? "aucun" : known))",
                en: "'\(notice)': no change notice of the agreement '\(agreement)' has this id (known: \(known.isEmpty ? "none" : known))")
        }
    }
}
