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

extension ChangeNoticeActs {
    /// A member of a structure party to the agreement answers its own objection window on one of the
    /// structure's change notices (Art. 28(2), `ChangeNoticeFanOut`): no objection or an objection, on a
    /// day; its window then leaves the deadlines. The agreement and the structures are read in the write
    /// transaction that saves the answer.
    /// - Parameters:
    ///   - outcome: accepted (no objection) or objected.
    ///   - notice: the change notice.
    ///   - agreement: the agreement it belongs to.
    ///   - member: the member that answers.
    ///   - day: the day of the answer; nil for the day of the act in the member's calendar.
    ///   - acting: the member's account (or the command line), and the moment.
    /// - Returns: the day recorded.
    /// - Throws: ``UnknownNotice``; ``NotAMember``; `DataProcessingAgreement.MemberAnswerRefusal`; ``AccessRefusal``
    ///   when the account may not change the member's register; `StoreError/unknownEntry(_:)`. Nothing is written then.
    @discardableResult
    public func answer(
        _ outcome: SubProcessorChange.Outcome, ofNotice notice: EntityID, in agreement: EntityID, member: EntityID,
        on day: CalendarDate?, by acting: Acting
    ) throws -> CalendarDate {
        try store.change(actor: acting.actor, effective: acting.effective) { edit -> CalendarDate in
            guard acting.mayEdit(organisation: member) else { throw AccessRefusal(EntityKey(.organisation, member)) }
            var stored = try edit.agreement(agreement)
            guard stored.changeNotices.contains(where: { $0.id == notice }) else {
                throw UnknownNotice(notice: notice, agreement: agreement, known: stored.changeNotices.map(\.id))
            }
            let structures = try stored.controllers.compactMap { try edit.entry(EntityKey(.organisation, $0)) }
            guard structures.contains(where: { if case .organisation(let structure) = $0 { structure.members.contains(member) } else { false } })
            else { throw NotAMember(member: member, agreement: agreement) }
            let day = try day ?? DeadlineCalculator.for(member, in: edit.register(around: [EntityKey(.organisation, member)])).day(of: acting.now)
            try stored.recordAnswer(outcome, of: member, toChange: notice, on: day, by: acting.actor)
            try edit.save(.agreement(stored))
            return day
        }.value
    }

    /// An answer for an organisation that is no member of a structure party to the agreement.
    public struct NotAMember: Error, Hashable, Sendable {
        /// The organisation named.
        public var member: EntityID
        /// The agreement.
        public var agreement: EntityID

        /// A refusal naming `member` and `agreement`.
        public init(member: EntityID, agreement: EntityID) {
            self.member = member
            self.agreement = agreement
        }

        /// What was refused, in words for the person who asked.
        public var message: LocalizedText {
            LocalizedText(
                fr: "« \(member) » n'est membre d'aucune structure partie à l'accord « \(agreement) » : aucun délai d'opposition ne lui est ouvert",
                en: "'\(member)' is no member of a structure party to the agreement '\(agreement)': it has no objection window of its own")
        }
    }
}
