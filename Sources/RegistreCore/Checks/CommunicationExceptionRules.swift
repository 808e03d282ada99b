import Foundation

/// Art. 34(3): each exception to telling the data subjects is checked against the recorded facts rather
/// than taken on trust (EDPB Guidelines 9/2022, §III.D).
enum CommunicationExceptionRules {
    static let all: [Rule] = [unintelligible, riskNoLongerLikely, disproportionateEffort, notHighRisk]

    static let unintelligible = exceptionRule(.unintelligible, .art34_3_a_not_shown)
    static let riskNoLongerLikely = exceptionRule(.riskNoLongerLikely, .art34_3_b_not_shown)
    static let disproportionateEffort = exceptionRule(.disproportionateEffort, .art34_3_c_no_public_communication)

    /// The rule that checks `exception`'s conditions against the facts; the decision relies on the
    /// exception only when this rule stays quiet (``SubjectCommunication/Exception/unmetConditions(in:)``).
    private static func exceptionRule(_ exception: SubjectCommunication.Exception, _ code: FindingCode) -> Rule {
        Rule.breach(code, exception.article) { breach, _, _ in
            guard breach.communication?.exception == exception else { return [] }
            return exception.unmetConditions(in: breach).map { Rule.Gap(severity: .error, message: $0) }
        }
    }

    static let notHighRisk = Rule.breach(.art34_3_not_high_risk, "Art. 34(1), Art. 34(3)") { breach, register, _ in
        guard let exception = breach.communication?.exception,
              let level = BreachDecision(breach, in: register, now: breach.aware).level, level != .high
        else { return [] }
        return [.warning(
            fr: "Exception de l'\(exception.article.replacingOccurrences(of: "Art.", with: "art.")) invoquée pour une violation dont le risque n'est pas élevé (« \(BreachDecision.levelFR(level)) ») : aucune communication n'était due.",
            en: "The \(exception.article) exception is relied on for a breach whose risk is not high ('\(level.rawValue)'): no communication was due.")]
    }
}
