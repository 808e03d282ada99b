import Foundation

/// The time a controller has to object to a change of sub-processor (Art. 28(2)), read from the change
/// notice under the stricter statement of the agreement's objection window, in the controller's calendar.
public struct ObjectionWindow: Hashable, Sendable {
    public var agreement: EntityID
    public var change: SubProcessorChange
    public var reading: TermReading

    /// The windows of the changes whose outcome is not recorded yet, in the agreement's order.
    public static func open(in agreement: DataProcessingAgreement, register: Register) -> [ObjectionWindow] {
        agreement.changeNotices.compactMap { change in
            guard change.outcome == .pending,
                  let reading = agreement.reading(.objectionWindow, from: change.noticeDate, in: register)
            else { return nil }
            return ObjectionWindow(agreement: agreement.id, change: change, reading: reading)
        }
    }

    /// The window as a deadline: its last day, in the time zone of the controller who may object.
    public func deadline(in register: Register) -> ScheduledDeadline {
        let calculator = register.agreement(agreement)?.calculator(for: .objectionWindow, in: register)
            ?? DeadlineCalculator()
        let name = register.organisation(change.subProcessor)?.name ?? change.subProcessor
        return ScheduledDeadline(
            subject: Finding.Subject(.agreement, agreement),
            what: LocalizedText(
                fr: "Fin du délai d'opposition au changement de sous-traitant ultérieur « \(name) » (notifié le \(change.noticeDate.iso) ; \(reading.explanation.fr))",
                en: "End of the objection period for the change of sub-processor '\(name)' (notified on \(change.noticeDate.iso); \(reading.explanation.en))"),
            source: "Art. 28(2)" + (reading.term.clause.map { ", \($0)" } ?? ""),
            dueDay: reading.day, due: calculator.end(of: reading.day), timeZone: calculator.timeZone,
            asksForOutcome: true)
    }
}
