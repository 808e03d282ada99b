import Foundation

/// Art. 24(1): the measures that show compliance are "reviewed and updated where necessary"; an activity
/// whose record nobody has looked at for longer than the register's review period is asked for a review.
enum ReviewRules {
    static let all: [Rule] = [reviewOverdue]

    /// Judged at the moment of the check, in the controller's time zone; without one, or for an activity
    /// with no date at all, or retired, nothing is said. Overdue from ``due(of:in:)`` on.
    static let reviewOverdue = Rule.activityAcrossEntries(.art24_1_review_overdue, "Art. 24(1), Art. 5(2)") { activity, register, now in
        guard let now, let due = due(of: activity, in: register), now >= due, let since = activity.lastReviewed ?? activity.created
        else { return [] }
        let words = PeriodWords.describe(period(of: register))
        let what = activity.lastReviewed == nil
            ? LocalizedText(fr: "Créée le \(since.iso) et jamais revue", en: "Created on \(since.iso) and never reviewed")
            : LocalizedText(fr: "Dernière revue le \(since.iso)", en: "Last reviewed on \(since.iso)")
        return [.warning(
            fr: "\(what.fr) : plus de \(words.fr) sans revue, au-delà de la période que fixe le registre. Vérifiez que la fiche décrit encore le traitement et datez la revue.",
            en: "\(what.en): more than \(words.en) without review, beyond the period the register sets. Check that the record still describes the processing and date the review.")]
    }

    /// The first instant of the day after the review period's last day, in the controller's time zone:
    /// from then on the activity is overdue (calendar counting, no roll-over, held to the supported range
    /// like every other period). Nil for a retired activity or one with no date at all.
    static func due(of activity: ProcessingActivity, in register: Register) -> Date? {
        guard activity.status != .retired, let since = activity.lastReviewed ?? activity.created else { return nil }
        let calculator = DeadlineCalculator.for(activity.controller, in: register)
        return calculator.start(of: calculator.lastDay(of: period(of: register), after: since, counting: .calendar).adding(days: 1))
    }

    private static func period(of register: Register) -> DeadlinePeriod {
        let period = register.reviewPeriod ?? Register.defaultReviewPeriod
        return DeadlinePeriod(period.value, period.unit)
    }
}
