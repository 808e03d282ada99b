import Foundation

/// Art. 24(1): the measures that show compliance are "reviewed and updated where necessary"; an activity
/// whose record nobody has looked at for longer than the register's review period is asked for a review.
enum ReviewRules {
    static let all: [Rule] = [reviewOverdue]

    /// Judged at the moment of the check, in the controller's time zone; without one, or for an activity
    /// with no date at all, or retired, nothing is said.
    static let reviewOverdue = Rule.activityAcrossEntries("ART24-1-REVIEW-OVERDUE", "Art. 24(1), Art. 5(2)") { activity, register, now in
        guard let now, activity.status != .retired, let since = activity.lastReviewed ?? activity.created else { return [] }
        let period = register.reviewPeriod ?? Register.defaultReviewPeriod
        let today = DeadlineCalculator.for(activity.controller, in: register).day(of: now)
        guard since.adding(period) < today else { return [] }
        let what = activity.lastReviewed == nil
            ? LocalizedText(fr: "Créée le \(since.iso) et jamais revue", en: "Created on \(since.iso) and never reviewed")
            : LocalizedText(fr: "Dernière revue le \(since.iso)", en: "Last reviewed on \(since.iso)")
        return [.warning(
            fr: "\(what.fr) : plus de \(period.words(in: .fr)) sans revue, au-delà de la période que fixe le registre. Vérifiez que la fiche décrit encore le traitement et datez la revue.",
            en: "\(what.en): more than \(period.words(in: .en)) without review, beyond the period the register sets. Check that the record still describes the processing and date the review.")]
    }
}

extension CalendarDate {
    /// The day `length` after this one, months and years as `adding(months:)` counts them.
    func adding(_ length: PeriodLength) -> CalendarDate {
        switch length.unit {
        case .hours: adding(days: length.value / 24)
        case .days: adding(days: length.value)
        case .weeks: adding(days: 7 * length.value)
        case .months: adding(months: length.value)
        case .years: adding(months: 12 * length.value)
        }
    }
}

extension PeriodLength {
    /// "3 ans", "18 months".
    func words(in language: Language) -> String {
        let plural = value > 1
        let unit: String = switch (unit, language) {
        case (.hours, .fr): plural ? "heures" : "heure"
        case (.hours, .en): plural ? "hours" : "hour"
        case (.days, .fr): plural ? "jours" : "jour"
        case (.days, .en): plural ? "days" : "day"
        case (.weeks, .fr): plural ? "semaines" : "semaine"
        case (.weeks, .en): plural ? "weeks" : "week"
        case (.months, .fr): "mois"
        case (.months, .en): plural ? "months" : "month"
        case (.years, .fr): plural ? "ans" : "an"
        case (.years, .en): plural ? "years" : "year"
        }
        return "\(value) \(unit)"
    }
}
