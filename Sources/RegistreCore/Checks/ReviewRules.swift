import Foundation

/// Art. 24(1): the measures that show compliance are "reviewed and updated where necessary"; an activity
/// whose record nobody has looked at for longer than the register's review period is asked for a review.
enum ReviewRules {
    static let all: [Rule] = [reviewOverdue]

    /// Judged at the moment of the check, in the controller's time zone; without one, or for an activity
    /// with no date at all, or retired, nothing is said.
    static let reviewOverdue = Rule.activityAcrossEntries(.art24_1_review_overdue, "Art. 24(1), Art. 5(2)") { activity, register, now in
        guard let now, activity.status != .retired, let since = activity.lastReviewed ?? activity.created else { return [] }
        let period = register.reviewPeriod ?? Register.defaultReviewPeriod
        let review = DeadlinePeriod(period.value, period.unit)
        let words = PeriodWords.describe(review)
        let calculator = DeadlineCalculator.for(activity.controller, in: register)
        // Calendar counting (no roll-over), held to the supported range like every other period.
        guard calculator.lastDay(of: review, after: since, counting: .calendar) < calculator.day(of: now) else { return [] }
        let what = activity.lastReviewed == nil
            ? LocalizedText(fr: "Créée le \(since.iso) et jamais revue", en: "Created on \(since.iso) and never reviewed")
            : LocalizedText(fr: "Dernière revue le \(since.iso)", en: "Last reviewed on \(since.iso)")
        return [.warning(
            fr: "\(what.fr) : plus de \(words.fr) sans revue, au-delà de la période que fixe le registre. Vérifiez que la fiche décrit encore le traitement et datez la revue.",
            en: "\(what.en): more than \(words.en) without review, beyond the period the register sets. Check that the record still describes the processing and date the review.")]
    }
}
