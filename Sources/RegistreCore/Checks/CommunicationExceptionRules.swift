import Foundation

/// Art. 34(3): each exception to telling the data subjects is checked against the recorded facts rather
/// than taken on trust (EDPB Guidelines 9/2022, §III.B).
enum CommunicationExceptionRules {
    static let all: [Rule] = [unintelligible, riskNoLongerLikely, disproportionateEffort, notHighRisk]

    static let unintelligible = Rule.breach(.art34_3_a_not_shown, "Art. 34(3)(a)") { breach, _, _ in
        guard breach.communication?.exception == .unintelligible else { return [] }
        guard breach.encryption?.makesDataUnintelligible == true else {
            return [.error(
                fr: "Exception de l'art. 34(3)(a) invoquée, mais aucun chiffrement à l'état de l'art avec une clé non compromise n'est enregistré (champ encryption : attendu strength=state-of-the-art, key-compromised=false).",
                en: "The Art. 34(3)(a) exception is relied on, but no state-of-the-art encryption with an uncompromised key is recorded (field encryption: expected strength=state-of-the-art, key-compromised=false).")]
        }
        guard breach.assessment?.identification != .maximum else {
            return [.error(
                fr: "Exception de l'art. 34(3)(a) invoquée alors que l'évaluation dit l'identification des personnes maximale : des données incompréhensibles ne permettent pas d'identifier (champ assessment/identification).",
                en: "The Art. 34(3)(a) exception is relied on while the assessment says identification is maximum: unintelligible data identify nobody (field assessment/identification).")]
        }
        return []
    }

    static let riskNoLongerLikely = Rule.breach(.art34_3_b_not_shown, "Art. 34(3)(b)") { breach, _, _ in
        guard breach.communication?.exception == .riskNoLongerLikely else { return [] }
        if let harm = breach.observedConsequences, !harm.isEmpty {
            return [.error(
                fr: "Exception de l'art. 34(3)(b) invoquée alors qu'un préjudice est déjà constaté (\(harm.map(\.words.fr).joined(separator: ", "))) : le risque s'est réalisé.",
                en: "The Art. 34(3)(b) exception is relied on while harm has already been seen (\(harm.map(\.words.en).joined(separator: ", "))): the risk has materialised.")]
        }
        return .error(
            if: breach.measures.isEmpty,
            fr: "Exception de l'art. 34(3)(b) invoquée sans mesure ultérieure enregistrée (champ measure) qui rende le risque élevé improbable.",
            en: "The Art. 34(3)(b) exception is relied on with no subsequent measure recorded (field measure) that makes the high risk no longer likely.")
    }

    static let disproportionateEffort = Rule.breach(.art34_3_c_no_public_communication, "Art. 34(3)(c)") { breach, _, _ in
        guard let communication = breach.communication, communication.exception == .disproportionateEffort else { return [] }
        return .error(
            if: communication.at == nil || communication.detail == nil,
            fr: "Exception de l'art. 34(3)(c) invoquée sans communication publique enregistrée : la date (attribut at de communication) et le moyen (son texte) sont attendus.",
            en: "The Art. 34(3)(c) exception is relied on with no public communication recorded: its date (communication's at attribute) and its means (its text) are expected.")
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
