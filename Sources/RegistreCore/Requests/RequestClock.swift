public import Foundation

/// The clock of Art. 12(3) for one request: one month from receipt, three in all when the controller
/// extended it and told the person within the first month, counted as Regulation (EEC, Euratom)
/// No 1182/71 counts months (``DeadlineCalculator/lastDay(of:after:)``: received 31 January, the month
/// ends on 28 or 29 February, moved to the next working day of the controller's calendar).
///
/// When it starts: on the day the request reached the controller by any of its channels, whether or not
/// the DPO had seen it (EDPB Guidelines 01/2022 on the right of access, §5.3 “Timing for the provision of access”); 1182/71 does not
/// count that day (Art. 3(1)).
///
/// While identity is verified: when the controller had reasonable doubts and asked for more information
/// (Art. 12(6)) without undue delay, the period is suspended until it has that information (ibid.,
/// §5.3). registre holds the request asked within the first month as asked
/// without undue delay, moves the start by the days from the question to the answer, and stops the clock
/// (no due day) while the answer is awaited. Asked later, the question suspends nothing.
public struct RequestClock: Sendable {
    /// Where a request stands at a moment.
    public enum State: String, CaseIterable, Sendable {
        /// The controller waits for the information it asked to confirm identity: the clock stands still.
        case awaitingIdentity = "awaiting-identity"
        /// Running, more than ``RequestClock/warningDays`` days before its last day.
        case running
        /// Due within ``RequestClock/warningDays`` days (its last day included).
        case dueSoon = "due-soon"
        /// Past its last day without an answer.
        case overdue
        /// Answered on or before its last day.
        case answeredInTime = "answered-in-time"
        /// Answered after its last day.
        case answeredLate = "answered-late"
    }

    /// How many days before its last day a request is "due soon": seven.
    public static let warningDays = 7

    /// The request's controller's calendar: its time zone and public holidays.
    public let calculator: DeadlineCalculator
    /// The day the period is counted from: receipt, moved by the days identity verification suspended.
    public let start: CalendarDate?
    /// The days the verification of identity suspended the period.
    public let suspendedDays: Int
    /// The last day of the first month: an extension must be decided and told by then.
    public let firstMonth: CalendarDate?
    /// Whether the extension counts: decided and told to the person within the first month.
    public let extensionHolds: Bool
    /// The last day to answer: the first month's, or the third month's when the extension holds; nil
    /// while identity is awaited.
    public let dueDay: CalendarDate?
    /// The day the answer was sent, if it was.
    public let answered: CalendarDate?

    /// The clock of `request` in the calendar of `calculator`.
    /// - Parameters:
    ///   - request: the request.
    ///   - calculator: its controller's calendar.
    public init(_ request: DataSubjectRequest, calculator: DeadlineCalculator) {
        self.calculator = calculator
        let received = request.receipt.day
        let month = DeadlinePeriod(1, .months)
        let unsuspended = calculator.lastDay(of: month, after: received)
        var start: CalendarDate? = received
        var suspended = 0
        if let identity = request.identity, identity.asked >= received, identity.asked <= unsuspended {
            if let answer = identity.received {
                suspended = max(0, answer.dayNumber - identity.asked.dayNumber)
                start = received.adding(days: suspended)
            } else {
                start = nil
            }
        }
        self.start = start
        suspendedDays = suspended
        let firstMonth = start.map { calculator.lastDay(of: month, after: $0) }
        self.firstMonth = firstMonth
        if let firstMonth, let extended = request.extended, let told = extended.personTold {
            extensionHolds = extended.decided <= firstMonth && told <= firstMonth
        } else {
            extensionHolds = false
        }
        if let start, extensionHolds {
            // "Two further months": three months in all from the same start (Art. 12(3)).
            dueDay = calculator.lastDay(of: DeadlinePeriod(3, .months), after: start)
        } else {
            dueDay = firstMonth
        }
        answered = request.answer?.sent
    }

    /// The clock of `request` in its controller's calendar (``DeadlineCalculator/for(_:in:calendar:)``).
    /// - Parameters:
    ///   - request: the request.
    ///   - register: holds its controller (its time zone, region or country).
    public init(_ request: DataSubjectRequest, in register: Register) {
        self.init(request, calculator: .for(request.controller, in: register))
    }

    /// The last instant to answer, at the end of ``dueDay`` in the controller's time zone.
    public var due: Date? { dueDay.map(calculator.end(of:)) }

    /// Whether the answer came after the last day; false before an answer or while identity is awaited.
    public var answeredLate: Bool {
        guard let answered, let dueDay else { return false }
        return answered > dueDay
    }

    /// Where the request stands at `now`.
    /// - Parameter now: the moment asked about.
    public func state(at now: Date) -> State {
        if answered != nil { return answeredLate ? .answeredLate : .answeredInTime }
        guard let dueDay, let due else { return .awaitingIdentity }
        if due < now { return .overdue }
        let today = calculator.day(of: now)
        return dueDay.dayNumber - today.dayNumber <= Self.warningDays ? .dueSoon : .running
    }
}

extension RequestClock.State {
    /// The state in words: « échéance dans 7 jours », "due in 7 days".
    public var words: LocalizedText {
        switch self {
        case .awaitingIdentity: LocalizedText(fr: "en attente de la confirmation d'identité", en: "awaiting confirmation of identity")
        case .running: LocalizedText(fr: "en cours", en: "running")
        case .dueSoon: LocalizedText(fr: "échéance dans \(RequestClock.warningDays) jours", en: "due in \(RequestClock.warningDays) days")
        case .overdue: LocalizedText(fr: "en retard", en: "overdue")
        case .answeredInTime: LocalizedText(fr: "répondue dans le délai", en: "answered in time")
        case .answeredLate: LocalizedText(fr: "répondue en retard", en: "answered late")
        }
    }
}
