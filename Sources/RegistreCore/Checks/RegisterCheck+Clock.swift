public import Foundation

/// The findings that move with the clock, apart from those that do not: a finding that depends only on
/// the register can be kept beside the entries (the register of record keeps them, written with every
/// change), one that depends on the moment of the check ("late") cannot, and is judged when asked.
extension RegisterCheck {
    /// The rules that read the moment of the check: a breach not notified within 72 hours, awareness or a
    /// notification dated after the moment of the check, an activity not reviewed within the register's
    /// period. Without a moment (`now` nil) they find nothing, so `findings(in:)` without `now` is exactly
    /// what every other rule finds.
    public static let clockRules: [Rule] = [
        BreachRules.overdue, BreachTimelineRules.awareInFuture, BreachTimelineRules.recordedInFuture, ReviewRules.reviewOverdue,
        RequestRules.overdue,
    ]

    /// The breach rules among ``clockRules``: judged at the moment they are asked, on the few breaches a
    /// register holds.
    public static let breachClockRules: [Rule] = [BreachRules.overdue, BreachTimelineRules.awareInFuture, BreachTimelineRules.recordedInFuture]

    /// The request rules among ``clockRules``: a request not answered by its last day (Art. 12(3)), judged
    /// at the moment it is asked.
    public static let requestClockRules: [Rule] = [RequestRules.overdue]

    /// Every rule of the requests of the people (Art. 12, 15, 19), those of the clock included: what an act
    /// on one request reports.
    public static let requestRules: [Rule] = RequestRules.all

    /// The findings of one activity as a check of the whole register finds them, given the register's
    /// parties (every entry but the activities: its title, organisations, processor records, agreements,
    /// matrices, audits): no rule of an activity reads another activity, so the activity is judged alone.
    ///
    /// - Parameters:
    ///   - activity: the activity judged.
    ///   - parties: the register's entries other than activities (its activities, if any, are not read).
    ///   - now: the moment of the check, for the rules that ask whether something is late.
    ///   - rules: the rules to run (by default every rule of registre).
    public static func findings(
        of activity: ProcessingActivity, amongParties parties: Register, now: Date? = nil, rules: [Rule] = RegisterCheck.rules
    ) -> [Finding] {
        findings(ofAlone: .activity(activity), amongParties: parties, now: now, rules: rules)
    }

    /// The findings of one request of a person as a check of the whole register finds them, given the
    /// register's parties: no rule of a request reads another entry than its controller (its calendar).
    ///
    /// - Parameters:
    ///   - request: the request judged.
    ///   - parties: the register's entries other than activities and requests.
    ///   - now: the moment of the check, for the rules that ask whether something is late.
    ///   - rules: the rules to run (by default every rule of registre).
    public static func findings(
        of request: DataSubjectRequest, amongParties parties: Register, now: Date? = nil, rules: [Rule] = RegisterCheck.rules
    ) -> [Finding] {
        findings(ofAlone: .request(request), amongParties: parties, now: now, rules: rules)
    }

    /// One entry judged as a check of the whole register judges it, the parties read ahead.
    private static func findings(ofAlone entry: RegisterEntry, amongParties parties: Register, now: Date?, rules: [Rule]) -> [Finding] {
        var check = StreamingCheck(now: now, rules: rules, reviewPeriod: parties.reviewPeriod, readAhead: parties)
        check.assumeRead(parties)
        check.consume(entry)
        return check.findings
    }

    /// The first moment at which `ReviewRules` find `activity` not reviewed for longer than the
    /// register's period (the day after the period's last day begins, in its controller's time zone), or
    /// nil when it never will (retired, or no date to count from): what a finding kept ahead of the clock
    /// is due at.
    /// - Parameters:
    ///   - activity: the activity judged.
    ///   - register: holds its controller (its time zone) and the review period.
    public static func reviewDue(of activity: ProcessingActivity, in register: Register) -> Date? {
        ReviewRules.due(of: activity, in: register)
    }
}
