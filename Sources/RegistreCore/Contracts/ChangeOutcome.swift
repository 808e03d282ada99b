/// Recording what became of a change of sub-processor once the controllers could object (Art. 28(2)):
/// the closed window stops asking for it, and the change keeps the day it was decided.
extension DataProcessingAgreement {
    /// Why an outcome cannot be recorded as asked.
    public enum OutcomeRefusal: Error, Equatable, Sendable {
        /// The agreement has no change notice with that id.
        case unknownChange(EntityID)
        /// `pending` is the absence of an outcome, not one.
        case notAnOutcome
        /// The day comes before the change was notified.
        case beforeNotice(CalendarDate)
    }

    /// Records `outcome` on the change notice `id`, decided on `day`.
    ///
    /// - Throws: ``OutcomeRefusal``.
    public mutating func record(_ outcome: SubProcessorChange.Outcome, ofChange id: EntityID, on day: CalendarDate) throws(OutcomeRefusal) {
        guard let index = changeNotices.firstIndex(where: { $0.id == id }) else { throw .unknownChange(id) }
        guard outcome != .pending else { throw .notAnOutcome }
        guard day >= changeNotices[index].noticeDate else { throw .beforeNotice(changeNotices[index].noticeDate) }
        changeNotices[index].outcome = outcome
        changeNotices[index].decided = day
    }
}
