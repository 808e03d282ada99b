public import Foundation

/// A deadline of the register: what must happen, by when, and where it comes from.
public struct ScheduledDeadline: Hashable, Sendable {
    /// Where a deadline stands at a moment: to come, passed, or passed with an outcome to record.
    public enum Status: String, Sendable {
        /// The last instant has passed.
        case overdue
        /// The last instant is still to come.
        case upcoming
        /// A window that has closed and now asks for its outcome (an objection window of Art. 28(2)): not
        /// overdue, since nobody is late once the window closes; the outcome is to be recorded.
        case outcomeToRecord = "outcome-to-record"
    }

    /// The entry it belongs to (an agreement, an audit).
    public var subject: Finding.Subject
    /// What must happen, in French and English.
    public var what: LocalizedText
    /// The article or the clause it comes from.
    public var source: String
    /// The last day, in the organisation's time zone.
    public var dueDay: CalendarDate
    /// The last instant.
    public var due: Date
    /// The zone the due day is a day of.
    public var timeZone: TimeZone
    /// The one organisation whose deadline it is, when the entry alone does not say (a member's review in
    /// a campaign, a member's window on its structure's change notice).
    public var organisation: EntityID? = nil
    /// Whether the end of the deadline asks for an outcome rather than makes someone late.
    public var asksForOutcome = false

    /// Where the deadline stands at `now`.
    public func status(at now: Date) -> Status {
        guard due < now else { return .upcoming }
        return asksForOutcome ? .outcomeToRecord : .overdue
    }
}

/// Every dated obligation of a register that is still running, soonest first: contract obligations whose
/// event has a date, objection windows of sub-processor changes whose outcome is not recorded (once
/// closed, they ask for it), audits to come, breaches not yet
/// notified to the authority, requests of the people not yet answered (Art. 12(3)).
public enum DeadlineSchedule {
    /// The deadlines of `register` still running at `now`, soonest first; with `horizon`, only those due within it
    /// (overdue ones always).
    public static func deadlines(in register: Register, now: Date, within horizon: DeadlinePeriod? = nil) -> [ScheduledDeadline] {
        var deadlines: [ScheduledDeadline] = []
        for agreement in register.agreements {
            let calculator = DeadlineCalculator.for(agreement.processor, in: register)
            let subject = Finding.Subject(.agreement, agreement.id)
            for obligation in agreement.obligations where obligation.fulfilled == nil {
                guard let eventDate = obligation.eventDate else { continue }
                let day = obligation.direction == .before
                    ? calculator.latestDay(obligation.period, before: eventDate)
                    : calculator.lastDay(of: obligation.period, after: eventDate)
                let period = PeriodWords.describe(obligation.period)
                let relation = obligation.direction == .before
                    ? LocalizedText(fr: "avant", en: "before") : LocalizedText(fr: "après", en: "after")
                deadlines.append(ScheduledDeadline(
                    subject: subject,
                    what: LocalizedText(
                        fr: "\(obligation.description) (\(period.fr) \(relation.fr) \(obligation.event), le \(eventDate.iso))",
                        en: "\(obligation.description) (\(period.en) \(relation.en) \(obligation.event), on \(eventDate.iso))"),
                    source: obligation.reference ?? agreement.title,
                    dueDay: day, due: calculator.end(of: day), timeZone: calculator.timeZone))
            }
            for window in ObjectionWindow.open(in: agreement, register: register) {
                deadlines.append(window.deadline(in: register))
            }
            if let notice = terminationNotice(of: agreement, in: register) { deadlines.append(notice) }
            if let plan = reversibilityPlan(of: agreement, in: register) { deadlines.append(plan) }
        }
        for audit in register.audits {
            let calculator = DeadlineCalculator.for(audit.requester, in: register)
            let subject = Finding.Subject(.audit, audit.id)
            let events: [(CalendarDate?, LocalizedText)] = [
                (audit.plannedStart, LocalizedText(fr: "Lancement de l'audit", en: "Audit starts")),
                (audit.kickoffMeeting, LocalizedText(fr: "Réunion de lancement de l'audit, sous-traitant invité", en: "Audit kickoff meeting, processor invited")),
                (audit.closingMeeting, LocalizedText(fr: "Réunion de restitution de l'audit, sous-traitant invité", en: "Audit closing meeting, processor invited")),
            ]
            for case let (day?, what) in events {
                deadlines.append(ScheduledDeadline(
                    subject: subject, what: what, source: "Art. 28(3)(h)",
                    dueDay: day, due: calculator.end(of: day), timeZone: calculator.timeZone))
            }
        }
        for breach in register.breaches where breach.initialNotification == nil {
            let decision = BreachDecision(breach, in: register, now: now)
            guard decision.notifyAuthority != false else { continue }
            let calculator = DeadlineCalculator.for(breach.controller, in: register)
            deadlines.append(ScheduledDeadline(
                subject: Finding.Subject(.breach, breach.id),
                what: LocalizedText(
                    fr: "Notification à l'autorité de contrôle de la violation « \(breach.title) » (72 heures après la prise de connaissance)",
                    en: "Notification to the supervisory authority of the breach '\(breach.title)' (72 hours after awareness)"),
                source: "Art. 33(1)",
                dueDay: calculator.day(of: decision.deadline), due: decision.deadline, timeZone: calculator.timeZone))
        }
        deadlines += ChangeNoticeFanOut.windows(in: register).map(\.deadline)
        deadlines += CampaignReview.deadlines(in: register)
        deadlines += requestDeadlines(in: register)
        let limit = horizon.map { DeadlineCalculator().end(of: $0, after: now) }
        return deadlines
            .filter { deadline in limit.map { deadline.due <= $0 || deadline.due < now } ?? true }
            .sorted { ($0.due, $0.subject.id, $0.what.en) < ($1.due, $1.subject.id, $1.what.en) }
    }
}

extension DeadlineSchedule {
    /// The answers owed to requests not yet answered (Art. 12(3)); none while identity is awaited, when the
    /// clock stands still (``RequestClock``).
    static func requestDeadlines(in register: Register) -> [ScheduledDeadline] {
        register.requests.compactMap { request in
            guard request.answer == nil else { return nil }
            let clock = RequestClock(request, in: register)
            guard let day = clock.dueDay, let due = clock.due else { return nil }
            let rights = request.rights.map(\.article).joined(separator: ", ")
            let extended = clock.extensionHolds ? LocalizedText(fr: ", prolongé", en: ", extended") : LocalizedText(fr: "", en: "")
            return ScheduledDeadline(
                subject: Finding.Subject(.request, request.id),
                what: LocalizedText(
                    fr: "Réponse à la demande \(request.id) (\(rights), reçue le \(request.receipt.day.iso)\(extended.fr))",
                    en: "Answer to the request \(request.id) (\(rights), received on \(request.receipt.day.iso)\(extended.en))"),
                source: "Art. 12(3)",
                dueDay: day, due: due, timeZone: clock.calculator.timeZone, organisation: request.controller)
        }
    }
}

extension DeadlineSchedule {
    /// The last day a controller can give notice of termination before the agreement's term, under the
    /// strictest statement of the termination term (the earliest day), counted back from the term; nil when
    /// the agreement states no termination notice or no term.
    static func terminationNotice(of agreement: DataProcessingAgreement, in register: Register) -> ScheduledDeadline? {
        guard let end = agreement.term else { return nil }
        let calculator = agreement.calculator(for: .termination, in: register)
        let readings = agreement.statements(of: .termination).map { ($0, calculator.latestDay($0.period, before: end)) }
        guard let (term, day) = readings.min(by: { $0.1 < $1.1 }) else { return nil }
        let period = PeriodWords.describe(term.period)
        let clause = term.clause.map { LocalizedText(fr: ", clause « \($0) »", en: ", clause '\($0)'") } ?? LocalizedText(fr: "", en: "")
        return ScheduledDeadline(
            subject: Finding.Subject(.agreement, agreement.id),
            what: LocalizedText(
                fr: "Dernier jour pour notifier la résiliation avant le terme de l'accord (\(period.fr) avant le \(end.iso)\(clause.fr))",
                en: "Last day to give notice of termination before the agreement's term (\(period.en) before \(end.iso)\(clause.en))"),
            source: term.clause ?? agreement.title,
            dueDay: day, due: calculator.end(of: day), timeZone: calculator.timeZone)
    }
}

extension DeadlineSchedule {
    /// The last day the processor has to deliver its reversibility plan, counted from the controller's
    /// request as the reversibility term says (its period, counting and calendar; the strictest of several
    /// statements for the processor, the party that acts); nil before any request or without the term.
    static func reversibilityPlan(of agreement: DataProcessingAgreement, in register: Register) -> ScheduledDeadline? {
        guard let requested = agreement.reversibilityRequested,
              let reading = agreement.reading(.reversibility, from: requested, in: register)
        else { return nil }
        let calculator = agreement.calculator(for: .reversibility, in: register)
        return ScheduledDeadline(
            subject: Finding.Subject(.agreement, agreement.id),
            what: LocalizedText(
                fr: "Plan de réversibilité dû par le sous-traitant (demandé le \(requested.iso) ; \(reading.explanation.fr))",
                en: "Reversibility plan due from the processor (requested on \(requested.iso); \(reading.explanation.en))"),
            source: reading.term.clause ?? agreement.title,
            dueDay: reading.day, due: calculator.end(of: reading.day), timeZone: calculator.timeZone)
    }
}

/// "3 mois" / "3 months", "10 jours ouvrés" / "10 working days".
package enum PeriodWords {
    package static func describe(_ period: DeadlinePeriod) -> LocalizedText {
        let value = period.length.value
        let plural = value > 1
        let unit: LocalizedText =
            switch period.length.unit {
            case .hours: LocalizedText(fr: plural ? "heures" : "heure", en: plural ? "hours" : "hour")
            case .days: period.workingDays
                ? LocalizedText(fr: plural ? "jours ouvrés" : "jour ouvré", en: plural ? "working days" : "working day")
                : LocalizedText(fr: plural ? "jours" : "jour", en: plural ? "days" : "day")
            case .weeks: LocalizedText(fr: plural ? "semaines" : "semaine", en: plural ? "weeks" : "week")
            case .months: LocalizedText(fr: "mois", en: plural ? "months" : "month")
            case .years: LocalizedText(fr: plural ? "ans" : "an", en: plural ? "years" : "year")
            }
        return LocalizedText(fr: "\(value) \(unit.fr)", en: "\(value) \(unit.en)")
    }
}
