/// Art. 28(2) for the members of a mutualisation structure: a change of sub-processor that a processor
/// notifies to the structure, under the agreement the structure signed for its members, is recorded
/// once, on that agreement; each member whose activities use that processor may object to it, and so
/// has its own objection window, read as the agreement's own (`TermReading`: the stricter of its
/// statements of the objection window) but in the member's calendar, from the day of the notice. Members whose
/// activities do not use the processor get none, nor do members that are parties to the agreement
/// themselves (their window is the agreement's own), nor members that answered already (``MemberAnswer``).
public enum ChangeNoticeFanOut {
    /// One member's window on one pending change.
    public struct MemberWindow: Hashable, Sendable {
        /// The member that may object (an ``Organisation``'s id).
        public var member: EntityID
        /// The structure the change was notified to.
        public var structure: EntityID
        /// The agreement the structure signed for its members.
        public var agreement: EntityID
        /// The change of sub-processor (a ``SubProcessorChange``'s id).
        public var change: EntityID
        /// The end of the window, attributed to the member.
        public var deadline: ScheduledDeadline
    }

    /// The window of every member concerned by every pending change of the register, in the order of the
    /// agreements, their changes, and the structure's members. Which members use which processor is
    /// learnt in one pass over the activities.
    public static func windows(in register: Register) -> [MemberWindow] {
        let pending = register.agreements.filter { agreement in
            !agreement.statements(of: .objectionWindow).isEmpty && agreement.changeNotices.contains { $0.outcome == .pending }
        }
        guard !pending.isEmpty else { return [] }
        var users: [EntityID: Set<EntityID>] = [:]
        for activity in register.activities where !activity.isModel {
            for engagement in activity.processors { users[engagement.processor, default: []].insert(activity.controller) }
        }
        var windows: [MemberWindow] = []
        for agreement in pending {
            // Every statement of the window, read under the strictest for the member (issue 14).
            let statements = agreement.statements(of: .objectionWindow)
            let processor = register.organisation(agreement.processor)?.name ?? agreement.processor
            for structure in agreement.controllers.compactMap(register.organisation) where !structure.members.isEmpty {
                let concerned = structure.members.filter { member in
                    !agreement.controllers.contains(member) && users[agreement.processor]?.contains(member) == true
                }
                for change in agreement.changeNotices where change.outcome == .pending {
                    let subProcessor = register.organisation(change.subProcessor)?.name ?? change.subProcessor
                    // A member that answered has nothing left to do in its window.
                    for member in concerned where change.answer(of: member) == nil {
                        let calculator = DeadlineCalculator.for(member, in: register)
                        guard let reading = TermReading(statements, from: change.noticeDate, calculator: calculator) else { continue }
                        let day = reading.day
                        let name = register.organisation(member)?.name ?? member
                        let deadline = ScheduledDeadline(
                            subject: Finding.Subject(.agreement, agreement.id),
                            what: LocalizedText(
                                fr: "Fin du délai d'opposition de « \(name) » au changement de sous-traitant ultérieur « \(subProcessor) » notifié à « \(structure.name) » le \(change.noticeDate.iso) (ses activités ont recours à « \(processor) »)",
                                en: "End of the objection period of '\(name)' for the change of sub-processor '\(subProcessor)' notified to '\(structure.name)' on \(change.noticeDate.iso) (its activities use '\(processor)')"),
                            source: "Art. 28(2)" + (reading.term.clause.map { ", \($0)" } ?? ""), dueDay: day, due: calculator.end(of: day), timeZone: calculator.timeZone,
                            organisation: member, asksForOutcome: true)
                        windows.append(MemberWindow(
                            member: member, structure: structure.id, agreement: agreement.id, change: change.id, deadline: deadline))
                    }
                }
            }
        }
        return windows
    }
}
