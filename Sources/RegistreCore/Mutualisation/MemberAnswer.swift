/// A member's own answer to its objection window on a change of sub-processor notified to its structure
/// (Art. 28(2), ``ChangeNoticeFanOut``): whether the member objects, and the day it said so. Recorded on
/// the structure's change notice; once a member answered, its window no longer asks for action. A later
/// answer of the same member replaces the earlier one.
public struct MemberAnswer: Hashable, Sendable, Codable {
    /// The member that answered (an ``Organisation``'s id).
    public var member: EntityID
    /// ``SubProcessorChange/Outcome/accepted`` (no objection) or ``SubProcessorChange/Outcome/objected``.
    public var outcome: SubProcessorChange.Outcome
    /// The day of the answer.
    public var on: CalendarDate
    /// Who recorded it: the member's desk account, or the command line's actor; nil when not recorded
    /// (an answer written in a register file without it).
    public var by: String?

    /// The answer of `member`, `outcome`, given on `on`, recorded by `by`.
    /// - Parameters:
    ///   - member: the member that answered.
    ///   - outcome: accepted (no objection) or objected.
    ///   - on: the day of the answer.
    ///   - by: who recorded it, if known.
    public init(member: EntityID, outcome: SubProcessorChange.Outcome, on: CalendarDate, by: String? = nil) {
        self.member = member
        self.outcome = outcome
        self.on = on
        self.by = by
    }
}

extension SubProcessorChange {
    /// The answer `member` gave to its window on this change, if any.
    public func answer(of member: EntityID) -> MemberAnswer? {
        memberAnswers.last { $0.member == member }
    }
}

extension DataProcessingAgreement {
    /// Why a member's answer cannot be recorded as asked.
    public enum MemberAnswerRefusal: Error, Equatable, Sendable {
        /// The agreement has no change notice with that id.
        case unknownChange(EntityID)
        /// A member answers with an objection or none: `pending` and `withdrawn` are not a member's to say.
        case notAnAnswer(SubProcessorChange.Outcome)
        /// The day comes before the change was notified.
        case beforeNotice(CalendarDate)
        /// The change has its outcome already: the windows are closed.
        case decided(SubProcessorChange.Outcome)
        /// A party to the agreement answers through the change's outcome, not as a member.
        case party(EntityID)

        /// What was refused, in words for the person who asked.
        public var message: LocalizedText {
            switch self {
            case .unknownChange(let id):
                LocalizedText(fr: "« \(id) » : l'accord n'a pas d'avis de changement de cet identifiant", en: "'\(id)': the agreement has no change notice with this id")
            case .notAnAnswer(let outcome):
                LocalizedText(
                    fr: "« \(outcome.rawValue) » : un membre répond « accepted » (pas d'opposition) ou « objected » (opposition)",
                    en: "'\(outcome.rawValue)': a member answers 'accepted' (no objection) or 'objected'")
            case .beforeNotice(let notice):
                LocalizedText(
                    fr: "le changement a été notifié le \(notice.iso) ; la réponse ne peut le précéder",
                    en: "the change was notified on \(notice.iso); the answer cannot come before")
            case .decided(let outcome):
                LocalizedText(
                    fr: "le changement a déjà son issue (\(outcome.label.fr)) : le délai d'opposition est clos",
                    en: "the change already has its outcome (\(outcome.label.en)): the objection window is closed")
            case .party(let member):
                LocalizedText(
                    fr: "« \(member) » est partie à l'accord : sa réponse est l'issue du changement (change-notice outcome sans --member)",
                    en: "'\(member)' is a party to the agreement: its answer is the change's outcome (change-notice outcome without --member)")
            }
        }
    }

    /// Records `member`'s answer to the change notice `id`, given on `day` and recorded by `by`, replacing an
    /// earlier one of the same member. Whether `member` is a member of a structure party to the agreement is the caller's to
    /// check (the register knows the structures' members, the agreement does not).
    /// - Throws: ``MemberAnswerRefusal``.
    public mutating func recordAnswer(
        _ outcome: SubProcessorChange.Outcome, of member: EntityID, toChange id: EntityID, on day: CalendarDate, by: String? = nil
    ) throws(MemberAnswerRefusal) {
        guard let index = changeNotices.firstIndex(where: { $0.id == id }) else { throw .unknownChange(id) }
        guard outcome == .accepted || outcome == .objected else { throw .notAnAnswer(outcome) }
        guard !controllers.contains(member), processor != member else { throw .party(member) }
        let change = changeNotices[index]
        guard change.outcome == .pending else { throw .decided(change.outcome) }
        guard day >= change.noticeDate else { throw .beforeNotice(change.noticeDate) }
        changeNotices[index].memberAnswers = change.memberAnswers.filter { $0.member != member } + [MemberAnswer(member: member, outcome: outcome, on: day, by: by)]
    }
}
